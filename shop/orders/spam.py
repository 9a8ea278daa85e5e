"""Keeping bots off the public commission form without a CAPTCHA (puzzles shut out many of our buyers):
a hidden field only a bot fills, a signed stamp of when the form was shown (a person takes more than a few
seconds to write to a maker; a stale or forged stamp means the form was not ours), and per-address and
per-e-mail limits kept in the shared cache, so every web process counts together."""

from __future__ import annotations

import hashlib
import time

from django.core import signing
from django.core.cache import cache

STAMP_SALT = "shop.orders.spam.form-stamp"
# Faster than this is a script; older than this the page was left open for a day and is sent again fresh.
STAMP_MIN_SECONDS = 3
STAMP_MAX_AGE_SECONDS = 24 * 60 * 60


class StampProblem:
    TOO_FAST = "too_fast"
    INVALID = "invalid"


def form_stamp_issue(*, now: float | None = None) -> str:
    return signing.dumps(now if now is not None else time.time(), salt=STAMP_SALT)


def _age(stamp: str, now: float | None) -> float | None:
    """Seconds since the signed time in `stamp`, or None when it is not ours, was altered or is stale."""
    try:
        shown_at = float(signing.loads(stamp or "", salt=STAMP_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    age = (now if now is not None else time.time()) - shown_at
    return age if age <= STAMP_MAX_AGE_SECONDS else None


def form_stamp_is_current(stamp: str) -> bool:
    """Ours, intact and not stale (however young): worth keeping when the form is shown again."""
    return _age(stamp, None) is not None


def form_stamp_problem(stamp: str, *, now: float | None = None) -> str | None:
    """None when the stamp is ours, intact and old enough; else which problem it has."""
    age = _age(stamp, now)
    if age is None:
        return StampProblem.INVALID
    if age < STAMP_MIN_SECONDS:
        return StampProblem.TOO_FAST
    return None


def rate_limit_count(*, scope: str, identifier: str, window_seconds: int) -> int:
    """Count one more attempt for `identifier` within a fixed window and return the count so far.

    The identifier is hashed so the cache never holds a buyer's address or e-mail in clear.
    """
    digest = hashlib.sha256(identifier.strip().lower().encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}"
    cache.add(key, 0, timeout=window_seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds)
        return 1
