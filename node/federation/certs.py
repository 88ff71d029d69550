"""Getting a peer's certificate when its descriptor only pins the fingerprint.

The signed descriptor carries ``tls_cert_sha256`` (SHA-256 of the certificate DER),
not the certificate. gRPC's TLS stacks verify a peer against root certificates, not
against a fingerprint, on both sides of an mTLS connection, so each node needs its
peers' certificates. It gets them from the peer itself: one TLS 1.3 handshake to the
endpoint in the descriptor, without verification and without a client certificate,
reading only the certificate the server presents (in TLS 1.3 the server sends it
before it asks for ours, so this works although the server requires client auth).

Nothing from that unauthenticated handshake is trusted until it matches the pin the
peer signed: the certificate is accepted only if its SHA-256 equals
``tls_cert_sha256``, it names the node (subjectAltName DNS and URI), is a leaf
(CA:FALSE) and is valid now. A man in the middle can make the fetch fail, not
succeed with another certificate. Because each node presents the same certificate
as server and as client, the fetched certificate is also the one the peer will
present when it calls us.

A staged next certificate (descriptor field ``tls_next_cert``, during a TLS renewal)
comes inside the signed descriptor itself, so it needs no fetch: it is checked like
a fetched one (:func:`check_next_certificate`) before it is pinned, and when the peer
switches to it, the certificate already held is the one its new pin names
(:func:`held_certificate`).
"""

from __future__ import annotations

import socket
import ssl
from datetime import UTC, datetime

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from talentverbund.crypto.descriptor import NodeDescriptor
from talentverbund.crypto.identity import tls_fingerprint, tls_node_uri, tls_server_name
from talentverbund.node.federation.errors import CertificateError, CertificateUnavailable

DEFAULT_TIMEOUT = 3.0


def split_endpoint(endpoint: str) -> tuple[str, int]:
    """``host:port`` or ``[v6]:port`` (the descriptor has validated the syntax)."""
    host, _, port = endpoint.rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host, int(port)


def fetch_certificate_der(endpoint: str, server_name: str, timeout: float) -> bytes:
    """The certificate the endpoint presents in a TLS 1.3 handshake (unverified DER)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # verified against the signed pin by the caller
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    context.set_alpn_protocols(["h2"])
    host, port = split_endpoint(endpoint)
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as raw,
            context.wrap_socket(raw, server_hostname=server_name) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
    except (OSError, ssl.SSLError) as exc:
        raise CertificateUnavailable(
            f"cannot fetch the certificate from {endpoint}: {exc.__class__.__name__}: {exc}",
            "is the peer serving and its endpoint reachable from here? It is retried "
            "automatically while this node serves",
        ) from exc
    if not der:
        raise CertificateUnavailable(
            f"{endpoint} completed TLS without presenting a certificate",
            "is this endpoint a Talentverbund node?",
        )
    return der


def check_peer_certificate(pem: bytes, node_id: str, pinned: str, now: datetime) -> None:
    """Accept ``pem`` as ``node_id``'s certificate only if it matches the signed pin."""
    actual = tls_fingerprint(pem)
    if actual != pinned:
        raise CertificateError(
            f"the certificate presented for {node_id} has fingerprint {actual}, but its "
            f"signed descriptor pins {pinned}",
            "do not trust this endpoint: ask the peer's operator for a current descriptor "
            "and compare its fingerprint out of band",
        )
    cert = x509.load_pem_x509_certificate(pem)
    if now < cert.not_valid_before_utc:
        raise CertificateError(
            f"the certificate of {node_id} is valid only from "
            f"{cert.not_valid_before_utc:%Y-%m-%d %H:%M} UTC",
            "check the clocks of both nodes (NTP)",
        )
    if now >= cert.not_valid_after_utc:
        raise CertificateError(
            f"the certificate of {node_id} expired on {cert.not_valid_after_utc:%Y-%m-%d} UTC",
            "the peer must renew its certificate and send a new descriptor",
        )
    try:
        constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
        names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        raise CertificateError(
            f"the certificate of {node_id} lacks basicConstraints or subjectAltName",
            "it is not a Talentverbund node certificate",
        ) from None
    if constraints.ca:
        raise CertificateError(f"the certificate of {node_id} is a CA certificate (CA:TRUE)")
    if tls_server_name(node_id) not in names.get_values_for_type(x509.DNSName) or tls_node_uri(
        node_id
    ) not in names.get_values_for_type(x509.UniformResourceIdentifier):
        raise CertificateError(
            f"the certificate pinned for {node_id} does not name that node in its subjectAltName",
            "the descriptor's node id and certificate belong to different nodes",
        )


def fetch_peer_certificate(
    endpoint: str, node_id: str, pinned: str, *, timeout: float = DEFAULT_TIMEOUT
) -> bytes:
    """Fetch, check against the pin, and return the peer's certificate as PEM."""
    der = fetch_certificate_der(endpoint, tls_server_name(node_id), timeout)
    try:
        pem = x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)
    except ValueError:
        raise CertificateError(
            f"{endpoint} presented a certificate that cannot be parsed"
        ) from None
    check_peer_certificate(pem, node_id, pinned, datetime.now(UTC))
    return pem


def next_certificate_pem(descriptor: NodeDescriptor) -> bytes | None:
    """The staged next certificate a descriptor carries, as PEM (None without one)."""
    der = descriptor.tls_next_cert
    if der is None:
        return None
    return x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)


def check_next_certificate(descriptor: NodeDescriptor, now: datetime) -> None:
    """Refuse (CertificateError) a staged next certificate the node could not present:
    not naming it, a CA, expired or not yet valid."""
    pem = next_certificate_pem(descriptor)
    if pem is None:
        return
    try:
        check_peer_certificate(pem, descriptor.node_id, tls_fingerprint(pem), now)
    except CertificateError as exc:
        raise CertificateError(
            f"the next certificate announced by {descriptor.node_id}: {exc.message}",
            "the peer must stage a new TLS renewal ('talentverbund keys renew-tls')",
        ) from None


def held_certificate(
    descriptor: NodeDescriptor, held: NodeDescriptor | None, held_pem: str | None
) -> bytes | None:
    """The certificate for ``descriptor``'s pin if it is one already held: the same pin,
    or the next certificate the held descriptor staged (the peer switched to it)."""
    if held is None:
        return None
    if held_pem and held.tls_cert_sha256 == descriptor.tls_cert_sha256:
        return held_pem.encode("ascii")
    staged = next_certificate_pem(held)
    if staged is not None and tls_fingerprint(staged) == descriptor.tls_cert_sha256:
        return staged
    return None
