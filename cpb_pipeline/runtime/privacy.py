"""Pseudonymisation of LCS identifiers with a keyed HMAC-SHA256.

The same id always gets the same pseudonym under the same key, in every table
and every month, so histories still join up; without the key nobody can go
back from a pseudonym to an LCS id. Each kind of id has its own namespace, so a
person id and a plan id that happen to share digits never collide.

The HMAC runs inside DuckDB (sha256 over the standard inner/outer pads) so that
a national-size extract is pseudonymised at column speed.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from cpb_pipeline.domain.errors import ConfigError

KEY_VARIABLE = "CPB_PSEUDONYM_KEY"
DEMO_KEY = "cpb-demo-authority-not-a-secret"
PSEUDONYM_LENGTH = 16  # hex characters: 64 bits, no collisions at national scale
_BLOCK = 64


@dataclass(frozen=True)
class PseudonymKey:
    secret: bytes
    is_demo_fallback: bool

    def sql_parameters(self) -> dict[str, bytes]:
        key = self.secret if len(self.secret) <= _BLOCK else hashlib.sha256(self.secret).digest()
        key = key.ljust(_BLOCK, b"\0")
        return {
            "hmac_ipad": bytes(b ^ 0x36 for b in key),
            "hmac_opad": bytes(b ^ 0x5C for b in key),
        }

    def pseudonym(self, namespace: str, value: str) -> str:
        """The same pseudonym as `pseudonym_sql`, computed in Python (tests, small lookups)."""
        digest = hmac.new(self.secret, f"{namespace}:{value}".encode(), hashlib.sha256).hexdigest()
        return digest[:PSEUDONYM_LENGTH]


def load_key(*, demo: bool) -> PseudonymKey:
    """The key comes only from the environment; only a demo profile may fall back to a fixed key."""
    value = os.environ.get(KEY_VARIABLE, "")
    if value:
        return PseudonymKey(value.encode("utf-8"), is_demo_fallback=False)
    if demo:
        return PseudonymKey(DEMO_KEY.encode("utf-8"), is_demo_fallback=True)
    raise ConfigError(
        f"{KEY_VARIABLE} is not set. A real authority's data is pseudonymised with a secret key "
        "that comes only from the environment; set it (and keep it the same every month) and run again."
    )


def pseudonym_sql(expression: str, namespace: str) -> str:
    """SQL for the keyed pseudonym of a trimmed text expression (null stays null).

    Needs the `hmac_ipad` and `hmac_opad` parameters from `PseudonymKey.sql_parameters`.
    """
    message = f"encode('{namespace}:' || {expression})"
    inner = f"unhex(sha256($hmac_ipad || {message}))"
    return f"substr(sha256($hmac_opad || {inner}), 1, {PSEUDONYM_LENGTH})"
