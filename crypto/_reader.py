"""Strict, typed reading of one JSON object for the signed documents (descriptor, roster).

Missing and unknown fields are refused by their dotted path, so an operator learns
which field of which document is wrong; the error class and the document's name are
the caller's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NoReturn

from ._encoding import b64url_decode
from ._time import parse_utc
from .canonical import MAX_SAFE_INTEGER


class JsonReader:
    """Typed access to one JSON object; rejects missing and unknown fields by path."""

    def __init__(
        self,
        obj: object,
        path: str,
        fields: Sequence[str],
        *,
        kind: str,
        error: type[Exception],
        optional: Sequence[str] = (),
    ) -> None:
        """``optional`` names fields that may be absent (added to a format later)."""
        self._path, self._kind, self._error = path, kind, error
        if not isinstance(obj, dict):
            if path:
                self.fail(path, "must be a JSON object")
            raise error(f"{kind} must be a JSON object")
        unknown = sorted(str(key) for key in obj if key not in fields and key not in optional)
        if unknown:
            raise error(f"{kind} has unknown field '{self._name(unknown[0])}'")
        for name in fields:
            if name not in obj:
                self.fail(self._name(name), "is missing")
        self._obj: dict[str, object] = obj

    def fail(self, path: str, problem: str) -> NoReturn:
        raise self._error(f"{self._kind} field '{path}' {problem}")

    def _name(self, name: str) -> str:
        return f"{self._path}.{name}" if self._path else name

    def problem(self, name: str, problem: str) -> NoReturn:
        """Refuse field ``name`` of this object."""
        self.fail(self._name(name), problem)

    def value(self, name: str) -> object:
        return self._obj[name]

    def text(self, name: str) -> str:
        value = self._obj[name]
        if not isinstance(value, str):
            self.problem(name, "must be a string")
        return value

    def optional_text(self, name: str) -> str | None:
        return None if self._obj[name] is None else self.text(name)

    def present(self, name: str) -> bool:
        return name in self._obj

    def integer(self, name: str) -> int:
        value = self._obj[name]
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(name, "must be an integer")
        return value

    def safe_integer(self, name: str) -> int:
        """An integer every JSON implementation reads exactly (at most 2^53 - 1)."""
        value = self._obj[name]
        if not isinstance(value, int) or isinstance(value, bool) or value > MAX_SAFE_INTEGER:
            self.problem(name, f"must be an integer up to {MAX_SAFE_INTEGER}")
        return value

    def const(self, name: str, expected: str) -> None:
        if self._obj[name] != expected:
            self.problem(name, f"must be {expected!r}")

    def base64(self, name: str) -> bytes:
        try:
            return b64url_decode(self.text(name))
        except ValueError:
            self.problem(name, "must be unpadded base64url")

    def time(self, name: str) -> datetime:
        try:
            return parse_utc(self.text(name))
        except ValueError:
            self.problem(name, "must be an RFC 3339 UTC time like 2026-01-31T12:00:00Z")

    def array(self, name: str) -> list[object]:
        value = self._obj[name]
        if not isinstance(value, list):
            self.problem(name, "must be a list")
        return value

    def child(self, name: str, fields: Sequence[str]) -> JsonReader:
        return JsonReader(
            self._obj[name], self._name(name), fields, kind=self._kind, error=self._error
        )
