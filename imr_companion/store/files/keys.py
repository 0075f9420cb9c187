"""The keys behind a passphrase: Argon2id to turn words into a key, AES-256-GCM to wrap the data key.

The data is sealed with one random data key. That key is kept beside the
data only wrapped: once by a key derived from the passphrase (Argon2id, with
its salt and costs written beside it), and, if the person took one, once by
a recovery key. Changing the passphrase wraps the same data key anew.

cryptography and argon2 are imported only when a sealed file is touched: a
folder without a passphrase never loads them, before or after the first frame.
"""

from __future__ import annotations

import base64
import os
import secrets
from dataclasses import dataclass
from typing import Any

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
RECOVERY_BYTES = 20
"""160 random bits: 32 letters and digits, written in eight groups of four."""

# Argon2id costs for new passphrases: RFC 9106's second recommended option (64 MiB, three passes),
# one lane. Measured here (a shared 2-core Xeon): 0.16 s of CPU, 0.8 s wall under a load of 6. A small
# laptop's core is two to three times slower than this one's: about half a second there.
COSTS = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 1}
# What a header may ask for at most: a changed header must not make unlocking take hours or all memory.
_MOST = {"time_cost": 20, "memory_cost": 1024 * 1024, "parallelism": 8}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_kdf() -> dict[str, Any]:
    """Fresh Argon2id settings for a new passphrase: a new salt, today's costs."""
    return {"name": "argon2id", "salt": b64(os.urandom(SALT_BYTES)), **COSTS}


def derive(passphrase: str, kdf: dict[str, Any]) -> bytes:
    """The key `passphrase` gives under `kdf`; ValueError when `kdf` is not one we can use."""
    from argon2.low_level import Type, hash_secret_raw

    costs = {name: kdf.get(name) for name in _MOST}
    if kdf.get("name") != "argon2id" or not all(
        isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= _MOST[name]
        for name, value in costs.items()
    ):
        raise ValueError("unknown key settings")
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        unb64(kdf["salt"]),
        hash_len=KEY_BYTES,
        type=Type.ID,
        **costs,  # type: ignore[arg-type]  # checked above: each is an int
    )


def wrap(wrapping_key: bytes, data_key: bytes, purpose: bytes) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return b64(nonce + AESGCM(wrapping_key).encrypt(nonce, data_key, purpose))


def unwrap(wrapping_key: bytes, wrapped: object, purpose: bytes) -> bytes | None:
    """The data key, or None when `wrapping_key` is not the one (or the wrapping was changed)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        raw = unb64(wrapped)
        return AESGCM(wrapping_key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], purpose)
    except (InvalidTag, ValueError):
        return None


# --- the recovery key --------------------------------------------------------

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""32 signs without 0/O and 1/I, which are easy to mix up when written by hand."""


def new_recovery_key() -> str:
    """Eight groups of four signs, such as 'K7QM-2XWD-...': to write down or print."""
    signs = "".join(secrets.choice(_ALPHABET) for _ in range(32))
    return "-".join(signs[i : i + 4] for i in range(0, 32, 4))


def recovery_wrapping_key(recovery_key: str) -> bytes | None:
    """The key a recovery key stands for; None when the text cannot be one (read leniently:
    spaces, dashes and small letters are fine, O is read as 0 would be: not at all)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    signs = "".join(c for c in recovery_key.upper() if c.isalnum())
    if len(signs) != 32 or any(c not in _ALPHABET for c in signs):
        return None
    # 160 random bits need no slow derivation; HKDF only gives them the length of a key.
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=b"imr-recovery").derive(
        signs.encode("ascii")
    )


@dataclass(frozen=True)
class Wrapping:
    """How the data key is kept beside the data: the part of a sealed file's header that unlocks it."""

    key_id: str
    kdf: dict[str, Any]
    by_passphrase: str
    by_recovery: str | None

    def as_header(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "kdf": self.kdf,
            "by_passphrase": self.by_passphrase,
            "by_recovery": self.by_recovery,
        }

    @classmethod
    def from_header(cls, header: dict[str, Any]) -> Wrapping | None:
        kdf, recovery = header.get("kdf"), header.get("by_recovery")
        if (
            not isinstance(header.get("key_id"), str)
            or not isinstance(kdf, dict)
            or not isinstance(header.get("by_passphrase"), str)
            or not isinstance(recovery, str | None)
        ):
            return None
        return cls(header["key_id"], kdf, header["by_passphrase"], recovery)


def _purpose(key_id: str, what: str) -> bytes:
    return f"imr-companion {what} {key_id}".encode("ascii", "replace")


def new_wrapping(passphrase: str, data_key: bytes, key_id: str, recovery_key: str | None) -> Wrapping:
    kdf = new_kdf()
    by_passphrase = wrap(derive(passphrase, kdf), data_key, _purpose(key_id, "passphrase"))
    by_recovery = None
    if recovery_key is not None:
        wrapping_key = recovery_wrapping_key(recovery_key)
        assert wrapping_key is not None  # made by new_recovery_key
        by_recovery = wrap(wrapping_key, data_key, _purpose(key_id, "recovery"))
    return Wrapping(key_id, kdf, by_passphrase, by_recovery)


def rewrapped(wrapping: Wrapping, passphrase: str, data_key: bytes) -> Wrapping:
    """The same data key (and recovery key) under a new passphrase, with a new salt."""
    kdf = new_kdf()
    by_passphrase = wrap(derive(passphrase, kdf), data_key, _purpose(wrapping.key_id, "passphrase"))
    return Wrapping(wrapping.key_id, kdf, by_passphrase, wrapping.by_recovery)


def open_wrapping(wrapping: Wrapping, secret: str, derived: dict[str, bytes]) -> bytes | None:
    """The data key `secret` (the passphrase, or the recovery key) opens; None when it opens nothing.

    `derived` remembers keys already derived from `secret` by salt, so trying
    several files with the same settings costs one derivation.
    """
    try:
        cache = f"{wrapping.kdf.get('salt')}{sorted(wrapping.kdf.items())}"
        if cache not in derived:
            derived[cache] = derive(secret, wrapping.kdf)
    except (ValueError, TypeError):
        return None
    key = unwrap(derived[cache], wrapping.by_passphrase, _purpose(wrapping.key_id, "passphrase"))
    if key is None and wrapping.by_recovery is not None:
        recovery = recovery_wrapping_key(secret)
        if recovery is not None:
            key = unwrap(recovery, wrapping.by_recovery, _purpose(wrapping.key_id, "recovery"))
    return key
