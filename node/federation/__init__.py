"""The federation layer: peers, mTLS transport, sealed envelopes over gRPC, receipts, log.

Modules, each one idea:

* :mod:`.errors`        refusals (what the peer is told, what we log) and call failures
* :mod:`.exchange_log`  the append-only, hash-chained record of every message
* :mod:`.receipts`      the receiver's signed statement that it accepted and logged a message
* :mod:`.certs`         fetching a peer's certificate and checking it against its pin
* :mod:`.trust`         the current peer set, as the TLS layer and the handlers see it
* :mod:`.peers`         peer add / list / remove on the database
* :mod:`.transport`     gRPC options, dynamic server credentials, the peer interceptor,
                        one long-lived channel per peer
* :mod:`.service`       the Federation gRPC servicer (inbound)
* :mod:`.client`        outbound calls (handshake)
* :mod:`.core`          :class:`Federation`, which ties them together for one node

The human specification is docs/protocol.md; the threat model is docs/security.md.
"""
