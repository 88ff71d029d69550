"""The crypto package's public surface, and its promise to import nothing else of ours."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import talentverbund.crypto as crypto

PACKAGE_DIR = Path(crypto.__file__).parent


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name, value in vars(crypto).items()
        if not name.startswith("_") and not isinstance(value, type(crypto))
    }
    assert sorted(crypto.__all__) == sorted(public)
    assert crypto.__all__ == sorted(crypto.__all__)


def test_every_error_derives_from_crypto_error() -> None:
    errors = [getattr(crypto, n) for n in crypto.__all__ if n.endswith("Error")]
    assert errors and all(issubclass(e, crypto.CryptoError) for e in errors)
    assert issubclass(crypto.KeyPermissionError, crypto.KeyFileError)


def test_sources_import_no_other_talentverbund_package() -> None:
    offenders = []
    for source in PACKAGE_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(), str(source))):
            if isinstance(node, ast.ImportFrom) and node.level > 1:
                offenders.append(f"{source.name}: relative import beyond the package")
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                if name.startswith("talentverbund") and not name.startswith("talentverbund.crypto"):
                    offenders.append(f"{source.name}: {name}")
    assert offenders == []


def test_importing_loads_no_other_talentverbund_module() -> None:
    code = (
        "import sys, talentverbund.crypto\n"
        "print(sorted(m for m in sys.modules if m.startswith('talentverbund')"
        " and not m.startswith('talentverbund.crypto') and m != 'talentverbund'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
