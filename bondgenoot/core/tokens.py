"""Secrets for links (invitations). Only a hash is stored, so a database leak opens nothing."""

import hashlib
import secrets


def new_link_secret() -> tuple[str, str]:
    """Return (secret for the link, hash to store)."""
    secret = secrets.token_urlsafe(32)
    return secret, hash_link_secret(secret)


def hash_link_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
