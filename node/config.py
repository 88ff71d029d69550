"""The node's configuration: one TOML file, ``DIR/talentverbund.toml``.

Every value is validated when the file is read, so a typo is reported with the
key that is wrong and what would be right, instead of failing later deep in
the server. Relative SQLite paths are resolved against the node directory, so
a node directory can be moved or restored as a whole.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import tomli_w

from talentverbund.crypto.hpke import kem_available
from talentverbund.crypto.identity import KEM_XWING
from talentverbund.node.errors import UsageError
from talentverbund.node.intake.model import REGION_RE

CONFIG_NAME = "talentverbund.toml"
DEFAULT_SQLITE = "sqlite:///node.db"
HOSTPORT_RE = re.compile(r"^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.\-]+):(\d{1,5})$")


def parse_hostport(value: str, key: str) -> tuple[str, int]:
    """Split ``host:port``; the error names the config key or option."""
    match = HOSTPORT_RE.match(value)
    if not match or not 0 <= int(match.group(2)) < 65536:
        raise UsageError(f"{key}: '{value}' is not HOST:PORT", "e.g. 127.0.0.1:7443")
    return match.group(1), int(match.group(2))


@dataclass(frozen=True)
class PrivacyConfig:
    """Consent defaults; the notice text itself is stored with every consent."""

    consent_months: int = 24
    notice_version: str = "2026-11"
    notice_file: str = ""  # empty: the built-in notice (German and English)
    legal_basis: str = "Art. 6(1)(a) DSGVO (Einwilligung)"
    retention_grace_days: int = 30  # no valid consent for this long: the candidate is erased
    reminder_days: int = 30  # remind the candidate this long before a consent expires; 0: off


@dataclass(frozen=True)
class FederationConfig:
    """How this node answers peers' queries and handles introductions (BRIEF section 4)."""

    k_anonymity: int = 5  # coarse facts shared by fewer candidates are withheld
    max_results: int = 20  # top-k cap per answer
    queries_per_hour: int = 120  # per requesting peer
    queries_per_minute: int = 30  # per requesting peer
    exposure_cap: int = 3  # times one candidate is shown to one peer per result period
    cache_hours: int = 24  # a repeated job within this time gets the earlier answer
    results_days: int = 30  # results held at the requester expire after this
    response_days: int = 14  # the candidate's time to answer an introduction
    introductions_per_candidate: int = 5  # requests per candidate per result period
    relay: bool = False  # forward peers' envelopes to this node's other peers (Relay RPC)
    accept_relayed: bool = False  # accept a peer's envelope that another peer delivers

    _LIMITS: ClassVar[dict[str, tuple[int, int]]] = {
        "k_anonymity": (1, 100),
        "max_results": (1, 100),
        "queries_per_hour": (1, 1_000_000),
        "queries_per_minute": (1, 100_000),
        "exposure_cap": (1, 1000),
        "cache_hours": (0, 24 * 30),
        "results_days": (1, 365),
        "response_days": (1, 90),
        "introductions_per_candidate": (1, 100),
    }

    _SWITCHES: ClassVar[tuple[str, ...]] = ("relay", "accept_relayed")

    def validate(self) -> None:
        for key in self._SWITCHES:
            if not isinstance(getattr(self, key), bool):
                raise UsageError(f"federation.{key} must be true or false", "the default is false")
        for key, (low, high) in self._LIMITS.items():
            value = getattr(self, key)
            if not low <= value <= high:
                raise UsageError(
                    f"federation.{key} must be {low}..{high}, not {value}",
                    f"the default is {getattr(FederationConfig, key)}",
                )


@dataclass(frozen=True)
class OutboxConfig:
    """Where notices to candidates go: files in DIR/outbox (default) or SMTP."""

    mode: str = "file"  # file | smtp
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_from: str = ""
    smtp_starttls: bool = True
    smtp_user: str = ""  # the password comes from TALENTVERBUND_SMTP_PASSWORD

    def validate(self) -> None:
        if self.mode not in ("file", "smtp"):
            raise UsageError(f"outbox.mode '{self.mode}' unknown", "use file or smtp")
        if self.mode == "smtp" and not (self.smtp_host and self.smtp_from):
            raise UsageError(
                "outbox.mode is smtp but outbox.smtp_host or outbox.smtp_from is empty",
                'set both, e.g. smtp_host = "mail.example.de"',
            )
        if not 0 < self.smtp_port < 65536:
            raise UsageError("outbox.smtp_port must be 1..65535", "the default is 587")


@dataclass(frozen=True)
class AuditConfig:
    """The exchange log's epochs, their retention and its optional file mirror."""

    epoch_days: int = 90  # serve closes the log's current epoch when it is this old; 0: by hand
    log_retention_days: int = 1095  # closed epochs older than this are deleted; 0: keep all
    mirror_dir: str = ""  # append-only copy of every entry; relative to DIR; empty: off

    def validate(self) -> None:
        if not 0 <= self.epoch_days <= 3660:
            raise UsageError("audit.epoch_days must be 0..3660 (0: by hand)", "the default is 90")
        if not 0 <= self.log_retention_days <= 36600:
            raise UsageError(
                "audit.log_retention_days must be 0..36600 (0: keep every epoch)",
                "the default is 1095 (three years)",
            )
        if self.log_retention_days and self.log_retention_days < self.epoch_days:
            raise UsageError(
                "audit.log_retention_days is shorter than audit.epoch_days",
                "an epoch must close before it can expire: raise log_retention_days",
            )

    def mirror_path(self, directory: Path) -> Path | None:
        """The mirror directory, or None when mirroring is off."""
        return (directory / self.mirror_dir) if self.mirror_dir else None


@dataclass(frozen=True)
class KeysConfig:
    """What ``serve`` renews by itself: the encryption keys (valid 180 days each) and
    the TLS certificate (825 days); whether peers are asked to seal post-quantum."""

    encryption_rotation_days: int = 90  # a new key when the newest is this old; 0: by hand
    post_quantum: bool = False  # also publish an X-Wing (ML-KEM-768 + X25519) key
    tls_renew_days: int = 60  # stage a TLS renewal this long before expiry; 0: by hand
    tls_overlap_days: int = 14  # switch at the latest this long after staging

    def validate(self) -> None:
        if not 0 <= self.encryption_rotation_days <= 150:
            raise UsageError(
                "keys.encryption_rotation_days must be 0..150 (0: rotate by hand)",
                "the default is 90: keys are valid for 180 days, and the overlap lets peers "
                "that were offline at the rotation still reach this node",
            )
        if self.post_quantum and not kem_available(KEM_XWING):
            raise UsageError(
                "keys.post_quantum needs ML-KEM, which this machine's cryptography/OpenSSL "
                "build lacks",
                "install a cryptography wheel built with OpenSSL 3.5 or later, or set "
                "keys.post_quantum = false",
            )
        if not 0 <= self.tls_renew_days <= 365:
            raise UsageError(
                "keys.tls_renew_days must be 0..365 (0: renew only with 'keys renew-tls')",
                "the default is 60: the renewal is staged 60 days before the certificate "
                "expires, leaving time for every peer to pin the next certificate",
            )
        if not 1 <= self.tls_overlap_days <= 60 or (
            self.tls_renew_days and self.tls_overlap_days >= self.tls_renew_days
        ):
            raise UsageError(
                "keys.tls_overlap_days must be 1..60 and below keys.tls_renew_days",
                "the default is 14: peers away longer than that must be given the new "
                "descriptor by hand; the switch must come before the old certificate expires",
            )


@dataclass(frozen=True)
class NodeConfig:
    """Everything ``serve`` and the other commands read from the config file."""

    directory: Path
    name: str
    region: str
    listen: str = "127.0.0.1:7443"
    web: str = "127.0.0.1:8080"
    advertise: str = ""  # endpoint peers dial; defaults to listen
    database_url: str = DEFAULT_SQLITE
    log_level: str = "info"
    privacy: PrivacyConfig = field(default_factory=PrivacyConfig)
    federation: FederationConfig = field(default_factory=FederationConfig)
    outbox: OutboxConfig = field(default_factory=OutboxConfig)
    keys: KeysConfig = field(default_factory=KeysConfig)
    audit: AuditConfig = field(default_factory=AuditConfig)

    @property
    def endpoint(self) -> str:
        return self.advertise or self.listen

    @property
    def keys_dir(self) -> Path:
        return self.directory / "keys"

    @property
    def admin_socket(self) -> Path:
        return self.directory / "admin.sock"

    def resolved_database_url(self) -> str:
        """SQLite paths are relative to the node directory unless absolute."""
        url = self.database_url
        prefix = "sqlite:///"
        if url.startswith(prefix) and not url.startswith(prefix + "/"):
            return prefix + str((self.directory / url[len(prefix) :]).resolve())
        return url

    def validate(self) -> None:
        if not self.name.strip():
            raise UsageError("node.name is empty", "give the municipality's name")
        if self.region != "DE" and not REGION_RE.match(self.region):
            raise UsageError(
                f"node.region '{self.region}' is not a Land or Kreis code",
                "use DE, ISO 3166-2 like DE-SH, or a 5-digit Kreis key like 01002",
            )
        parse_hostport(self.listen, "network.listen")
        parse_hostport(self.web, "network.web")
        if self.advertise:
            parse_hostport(self.advertise, "network.advertise")
        if not self.database_url.startswith(("sqlite:///", "postgresql+psycopg://")):
            raise UsageError(
                f"database.url '{_redact_url(self.database_url)}' is not supported",
                "use sqlite:///node.db or postgresql+psycopg://user@host/dbname",
            )
        if self.log_level not in ("debug", "info", "warning", "error"):
            raise UsageError(f"log.level '{self.log_level}' unknown", "debug|info|warning|error")
        if not 1 <= self.privacy.consent_months <= 60:
            raise UsageError("privacy.consent_months must be 1..60", "the default is 24")
        if not 0 <= self.privacy.retention_grace_days <= 365:
            raise UsageError("privacy.retention_grace_days must be 0..365", "the default is 30")
        if not 0 <= self.privacy.reminder_days <= 365:
            raise UsageError("privacy.reminder_days must be 0..365 (0: off)", "the default is 30")
        self.federation.validate()
        self.outbox.validate()
        self.keys.validate()
        self.audit.validate()

    def to_toml(self) -> dict[str, Any]:
        return {
            "node": {"name": self.name, "region": self.region},
            "network": {"listen": self.listen, "web": self.web, "advertise": self.advertise},
            "database": {"url": self.database_url},
            "log": {"level": self.log_level},
            "privacy": {
                "consent_months": self.privacy.consent_months,
                "notice_version": self.privacy.notice_version,
                "notice_file": self.privacy.notice_file,
                "legal_basis": self.privacy.legal_basis,
                "retention_grace_days": self.privacy.retention_grace_days,
                "reminder_days": self.privacy.reminder_days,
            },
            "federation": dataclasses.asdict(self.federation),
            "outbox": dataclasses.asdict(self.outbox),
            "keys": dataclasses.asdict(self.keys),
            "audit": dataclasses.asdict(self.audit),
        }

    def write(self) -> None:
        path = self.directory / CONFIG_NAME
        path.write_text(_HEADER + tomli_w.dumps(self.to_toml()), encoding="utf-8")


_HEADER = "# Talentverbund node configuration. Reference: docs/operator-guide.md\n\n"


def _redact_url(url: str) -> str:
    """Never print a database password."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise UsageError(f"[{name}] must be a table", f"see {CONFIG_NAME} reference")
    return value


def _get(table: dict[str, Any], section: str, key: str, kind: type, default: Any) -> Any:
    value = table.get(key, default)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise UsageError(f"{section}.{key} must be {kind.__name__}", f"check {CONFIG_NAME}")
    return value


_KNOWN = {
    "node": {"name", "region"},
    "network": {"listen", "web", "advertise"},
    "database": {"url"},
    "log": {"level"},
    "privacy": {
        "consent_months",
        "notice_version",
        "notice_file",
        "legal_basis",
        "retention_grace_days",
        "reminder_days",
    },
    "federation": {f.name for f in dataclasses.fields(FederationConfig)},
    "outbox": {f.name for f in dataclasses.fields(OutboxConfig)},
    "keys": {f.name for f in dataclasses.fields(KeysConfig)},
    "audit": {f.name for f in dataclasses.fields(AuditConfig)},
}


def _check_unknown(data: dict[str, Any]) -> None:
    for section, value in data.items():
        if section not in _KNOWN:
            raise UsageError(f"unknown section [{section}] in {CONFIG_NAME}", "remove it")
        for key in value if isinstance(value, dict) else {}:
            if key not in _KNOWN[section]:
                raise UsageError(f"unknown key {section}.{key} in {CONFIG_NAME}", "remove it")


def load_config(directory: Path) -> NodeConfig:
    """Read and validate ``DIR/talentverbund.toml``."""
    path = directory / CONFIG_NAME
    if not path.is_file():
        raise UsageError(
            f"{directory} is not a Talentverbund node directory (no {CONFIG_NAME})",
            "create one with: talentverbund init DIR --name NAME",
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}", "fix the syntax") from exc
    _check_unknown(data)
    node, net = _section(data, "node"), _section(data, "network")
    priv = _section(data, "privacy")
    config = NodeConfig(
        directory=directory.resolve(),
        name=_get(node, "node", "name", str, ""),
        region=_get(node, "node", "region", str, ""),
        listen=_get(net, "network", "listen", str, NodeConfig.listen),
        web=_get(net, "network", "web", str, NodeConfig.web),
        advertise=_get(net, "network", "advertise", str, ""),
        database_url=_get(_section(data, "database"), "database", "url", str, DEFAULT_SQLITE),
        log_level=_get(_section(data, "log"), "log", "level", str, "info"),
        privacy=PrivacyConfig(
            consent_months=_get(priv, "privacy", "consent_months", int, 24),
            notice_version=_get(priv, "privacy", "notice_version", str, "2026-11"),
            notice_file=_get(priv, "privacy", "notice_file", str, ""),
            legal_basis=_get(priv, "privacy", "legal_basis", str, PrivacyConfig.legal_basis),
            retention_grace_days=_get(priv, "privacy", "retention_grace_days", int, 30),
            reminder_days=_get(priv, "privacy", "reminder_days", int, 30),
        ),
    )
    config = dataclasses.replace(
        config,
        federation=_read_section(data, "federation", FederationConfig),
        outbox=_read_section(data, "outbox", OutboxConfig),
        keys=_read_section(data, "keys", KeysConfig),
        audit=_read_section(data, "audit", AuditConfig),
    )
    config.validate()
    return config


def _read_section(data: dict[str, Any], name: str, kind: type[Any]) -> Any:
    """A flat section read into its dataclass; each value typed like its default."""
    table = _section(data, name)
    values = {
        f.name: _get(table, name, f.name, type(f.default), f.default)
        for f in dataclasses.fields(kind)
    }
    return kind(**values)
