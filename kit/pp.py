"""Preparing verbs: each takes the post table and returns a new one (inputs are never mutated)."""

from __future__ import annotations

import hashlib

import pandas as pd


def filter_period(posts: pd.DataFrame, start=None, end=None, *, time: str = "created_at") -> pd.DataFrame:
    """Posts with ``start <= time < end`` (either bound may be None; dates are read as UTC).

    >>> from kit import pp, schema
    >>> pp.filter_period(schema.empty(), "2026-01-01", "2026-02-01").shape[0]
    0
    """
    mask = pd.Series(True, index=posts.index)
    if start is not None:
        mask &= posts[time] >= _utc(start)
    if end is not None:
        mask &= posts[time] < _utc(end)
    return posts.loc[mask].reset_index(drop=True)


def _utc(value) -> pd.Timestamp:
    stamp = pd.Timestamp(value)
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def pseudonymise(posts: pd.DataFrame, *, salt: str, columns=("author_id", "author_handle", "author_name"),
                 keep: tuple[str, ...] = ()) -> pd.DataFrame:
    """Replace author identifiers with stable pseudonyms (``user-<hash>``) so reports do not expose people.

    The same handle and salt always give the same pseudonym; handles in ``keep`` (the brand's
    own accounts, say) stay readable. Mentions of handles inside texts are not rewritten.
    """
    out = posts.copy()
    keep_set = {k.lower().lstrip("@") for k in keep}
    for col in columns:
        if col not in out.columns:
            continue
        values = out[col].astype("string")
        unique = values.dropna().unique()
        mapping = {v: v if v.lower().lstrip("@") in keep_set else
                   "user-" + hashlib.sha256(f"{salt}\x1f{col}\x1f{v}".encode()).hexdigest()[:10] for v in unique}
        out[col] = values.map(mapping).astype("string")
    return out
