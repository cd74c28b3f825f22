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


def split_periods(
    posts: pd.DataFrame, *, end=None, days: int = 7, time: str = "created_at"
) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """The current period (the ``days`` before ``end``) and the previous one of the same length.

    ``end`` defaults to the day after the last post (UTC midnight). Returns both tables and a dict
    with the bounds, for the report's text.
    """
    if end is None:
        last = posts[time].max()
        end = (last.tz_convert("UTC").normalize() + pd.Timedelta(days=1)) if pd.notna(last) else pd.Timestamp.now("UTC")
    end = _utc(end)
    start = end - pd.Timedelta(days=days)
    prev_start = start - pd.Timedelta(days=days)
    bounds = {"current_start": start, "current_end": end, "previous_start": prev_start, "previous_end": start}
    return filter_period(posts, start, end, time=time), filter_period(posts, prev_start, start, time=time), bounds


def match_terms(posts: pd.DataFrame, terms, *, column: str = "text") -> pd.DataFrame:
    """Posts whose text contains any of ``terms`` (case-insensitive, literal: no regex from the user).

    An empty list of terms keeps every post.
    """
    import re

    terms = [t for t in (terms or []) if str(t).strip()]
    if not terms:
        return posts.reset_index(drop=True)
    pattern = "|".join(re.escape(str(t)) for t in terms)
    mask = posts[column].fillna("").str.contains(pattern, case=False, regex=True)
    return posts.loc[mask.to_numpy(dtype=bool)].reset_index(drop=True)


def _utc(value) -> pd.Timestamp:
    stamp = pd.Timestamp(value)
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def pseudonymise(
    posts: pd.DataFrame, *, salt: str, columns=("author_id", "author_handle", "author_name"), keep: tuple[str, ...] = ()
) -> pd.DataFrame:
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
        mapping = {
            v: v
            if v.lower().lstrip("@") in keep_set
            else "user-" + hashlib.sha256(f"{salt}\x1f{col}\x1f{v}".encode()).hexdigest()[:10]
            for v in unique
        }
        out[col] = values.map(mapping).astype("string")
    return out


_NOISE = None


def _strip_noise(text: str) -> str:
    global _NOISE
    if _NOISE is None:
        import re

        _NOISE = re.compile(r"https?://\S+|www\.\S+|[@#][\w.]+|&\w+;|\d+")
    return " ".join(_NOISE.sub(" ", text).split())


def detect_language(
    posts: pd.DataFrame,
    *,
    languages=("fr", "de", "en"),
    min_chars: int = 12,
    min_confidence: float = 0.5,
    overwrite: bool = False,
    column: str = "text",
) -> pd.DataFrame:
    """Fill ``lang`` with the language of each post (py3langid), restricted to ``languages``.

    Links, handles, hashtags and numbers are removed first; a post with fewer than ``min_chars``
    letters left, or whose best language has a probability under ``min_confidence``, gets
    ``und``. Languages already in the table are kept unless ``overwrite``. ``languages=None``
    lets py3langid choose among all 97 languages it knows.
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if languages:
        identifier.set_languages(list(languages))
    out = posts.copy()
    todo = out.index if overwrite else out.index[out["lang"].isna() | (out["lang"] == "und")]
    texts = out.loc[todo, column].fillna("").astype(str)
    cache: dict[str, str] = {}
    found = []
    for text in texts:
        clean = _strip_noise(text)
        if clean not in cache:
            if sum(ch.isalpha() for ch in clean) < min_chars:
                cache[clean] = "und"
            else:
                lang, prob = identifier.classify(clean)
                cache[clean] = lang if prob >= min_confidence else "und"
        found.append(cache[clean])
    out.loc[todo, "lang"] = pd.array(found, dtype="string")
    out["lang"] = out["lang"].astype("string")
    return out
