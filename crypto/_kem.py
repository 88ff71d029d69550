"""KEM names as descriptors and key files state them (shared by identity and hpke)."""

KEM_X25519 = "X25519"
KEM_XWING = "X-Wing"  # ML-KEM-768 + X25519, draft-connolly-cfrg-xwing-kem
