"""Preparing verbs: each takes the post table and returns a new one (inputs are never mutated).

>>> posts = pd.DataFrame({"created_at": pd.to_datetime(["2026-01-01", "2026-01-09"], utc=True), "text": ["a", "b"]})
>>> len(filter_period(posts, "2026-01-05"))
1
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd

from . import _text

__all__ = ["filter_period", "split_periods", "match_terms", "pseudonymise", "detect_language"]


def filter_period(posts: pd.DataFrame, start=None, end=None, *, time: str = "created_at") -> pd.DataFrame:
    """Posts with ``start <= time < end``.

    Parameters
    ----------
    posts
        The post table.
    start, end
        Bounds (either may be None); dates without a zone are read as UTC.
    time
        The column of times.

    Returns
    -------
    pandas.DataFrame
        The posts inside the period, index reset.

    Examples
    --------
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

    Parameters
    ----------
    posts
        The post table.
    end
        End of the current period (excluded); defaults to the day after the last post (UTC midnight).
    days
        Length of each period.
    time
        The column of times.

    Returns
    -------
    current, previous, bounds
        Both tables, and a dict with the bounds (``current_start``, ``current_end``,
        ``previous_start``, ``previous_end``), for the report's text.

    Examples
    --------
    >>> posts = pd.DataFrame({"created_at": pd.to_datetime(["2026-01-02", "2026-01-09"], utc=True)})
    >>> current, previous, bounds = split_periods(posts, days=7)
    >>> len(current), len(previous), str(bounds["current_end"].date())
    (1, 1, '2026-01-10')
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

    Parameters
    ----------
    posts
        The post table.
    terms
        Words or phrases; an empty list keeps every post.
    column
        The column searched.

    Returns
    -------
    pandas.DataFrame
        The matching posts, index reset.

    Examples
    --------
    >>> posts = pd.DataFrame({"text": ["Charged TWICE", "fine", "a.b"]})
    >>> match_terms(posts, ["charged twice", "a.b"])["text"].tolist()
    ['Charged TWICE', 'a.b']
    """
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
    posts: pd.DataFrame,
    *,
    key: str | bytes | None = None,
    keep=(),
    keep_roles=("brand", "competitor", "media", "employee"),
    salt: str | None = None,
    columns=("author_id", "author_handle", "author_name"),
    text: str | None = "text",
) -> pd.DataFrame:
    """Replace the public's identifiers with stable keyed pseudonyms, so that reports do not expose people.

    Authors listed in ``keep``, or whose ``actor_role`` is one of ``keep_roles`` (the tracked brand,
    competitor, media and employee accounts), stay named. For
    everyone else: the handle becomes ``user-<10 hex digits>``, the display name the same pseudonym, the author
    id ``id-<...>``; their posts' ``post_id`` becomes ``post-<...>`` (and every ``parent_id`` pointing at
    them, so replies and reposts still join) and their ``url`` (which holds the handle) is removed; and
    ``@handle`` mentions of accounts not kept are rewritten inside every text. The pseudonym is a keyed hash
    (HMAC-SHA256) of the value: the same key gives the same pseudonym in every run, another key another one,
    and without the key a pseudonym cannot be traced back by hashing candidate handles.

    Parameters
    ----------
    posts
        The post table.
    key
        The secret (keep it outside the reports: :func:`kit.io.pseudonym_key.read_key`).
    keep
        Handles or author ids that stay readable, compared as :func:`kit._text.normalise_handle` compares
        handles (``@Brand`` keeps ``brand``).
    keep_roles
        Values of ``actor_role`` whose authors stay readable (their handles in texts too).
    salt
        The former name of ``key`` (used when ``key`` is not given).
    columns
        The author columns pseudonymised (those missing from the table are skipped).
    text
        The column of texts whose ``@mentions`` are rewritten (``None``: texts are left alone).

    Returns
    -------
    pandas.DataFrame
        A copy with the identifiers replaced (``posts`` is not changed).

    Examples
    --------
    >>> posts = pd.DataFrame({"author_handle": ["Brand", "someone"], "text": ["hi @someone", "@Brand help"]})
    >>> out = pseudonymise(posts, key="s", keep=("@brand",))
    >>> out["author_handle"].iloc[0], out["author_handle"].iloc[1].startswith("user-")
    ('Brand', True)
    >>> out["text"].iloc[0] == "hi @" + out["author_handle"].iloc[1], out["text"].iloc[1]
    (True, '@Brand help')
    """
    import hmac

    secret = key if key is not None else salt
    if secret is None or not len(secret):
        raise ValueError("pseudonymise needs a key (a secret kept outside the reports)")
    secret = secret.encode() if isinstance(secret, str) else bytes(secret)
    cache: dict[tuple[str, str], str] = {}

    def code(kind: str, value: str) -> str:
        if (kind, value) not in cache:
            digest = hmac.new(secret, f"{kind}\x1f{value}".encode(), hashlib.sha256).hexdigest()[:10]
            cache[kind, value] = digest
        return cache[kind, value]

    out = posts.copy()
    keep_set = {_text.normalise_handle(k) for k in keep} | {str(k) for k in keep}
    handle = (
        out["author_handle"].astype("string")
        if "author_handle" in out.columns
        else pd.Series(pd.NA, index=out.index, dtype="string")
    )
    norm = handle.map(_text.normalise_handle, na_action="ignore").astype(object).astype("string")
    author = out["author_id"].astype("string") if "author_id" in out.columns else None
    if keep_roles and "actor_role" in out.columns:  # a tracked account stays named in all its posts
        tracked = out["actor_role"].astype("string").isin(list(keep_roles)).fillna(False).to_numpy(dtype=bool)
        keep_set |= set(norm[tracked].dropna()) | (set(author[tracked].dropna()) if author is not None else set())
    kept = norm.isin(keep_set).fillna(False).to_numpy(dtype=bool)
    if author is not None:
        kept = kept | author.isin(keep_set).fillna(False).to_numpy(dtype=bool)
    public = ~kept

    def replace(col: str, make) -> None:
        values = out[col].astype("string")
        new = [make(i, v) if public[i] and v is not pd.NA else v for i, v in enumerate(values.tolist())]
        out[col] = pd.array(new, dtype="string")

    person = [
        ("handle", h) if h is not pd.NA else ("name", str(v))
        for h, v in zip(norm.tolist(), (out["author_name"] if "author_name" in out.columns else handle).tolist())
    ]
    if "author_handle" in columns and "author_handle" in out.columns:
        replace("author_handle", lambda i, v: "user-" + code(*person[i]))
    if "author_name" in columns and "author_name" in out.columns:
        replace("author_name", lambda i, v: "user-" + code(*person[i]))
    if "author_id" in columns and "author_id" in out.columns:
        replace("author_id", lambda i, v: "id-" + code("id", v))
    if "post_id" in out.columns:
        kept_ids = set(out.loc[kept, "post_id"].dropna().astype(str))
        replace("post_id", lambda i, v: "post-" + code("post", v))
        if "parent_id" in out.columns:
            parents = out["parent_id"].astype("string").tolist()
            out["parent_id"] = pd.array(
                [p if p is pd.NA or p in kept_ids else "post-" + code("post", p) for p in parents], dtype="string"
            )
    if "url" in out.columns:
        out["url"] = pd.array([pd.NA if public[i] else v for i, v in enumerate(out["url"].tolist())], dtype="string")
    if text and text in out.columns:

        def mention(match: re.Match) -> str:
            found = _text.normalise_handle(match.group(0))
            return match.group(0) if found in keep_set else "@user-" + code("handle", found)

        pattern = re.compile(_text.HANDLE)
        out[text] = out[text].astype("string").map(lambda t: pattern.sub(mention, t), na_action="ignore")
    return out


def _strip_noise(text: str) -> str:
    """``text`` without links, handles, hashtags, HTML entities and numbers (:func:`kit._text.strip`)."""
    return _text.strip(text, urls=True, handles=True, hashtags=True, entities=True, digits=True)


def detect_language(
    posts: pd.DataFrame,
    *,
    languages=("fr", "de", "en"),
    prefer: float = 10.0,
    only: bool = False,
    min_chars: int = 12,
    min_confidence: float = 0.5,
    overwrite: bool = False,
    column: str = "text",
) -> pd.DataFrame:
    """Fill ``lang`` with the language of each post (py3langid), any language, preferring ``languages``.

    Links, handles, hashtags, HTML entities and numbers are removed first (:func:`kit._text.strip`).
    The run's languages are a preference, not a cage: their probabilities weigh ``prefer`` times
    more, so a short English post is not read as Scots, but a Spanish one is read as Spanish (not
    as the nearest of French, German and English).

    Parameters
    ----------
    posts
        The post table (with a ``lang`` column).
    languages
        The languages the run expects (a preference); None: no preference.
    prefer
        How many times more a preferred language's probability weighs (1: no preference).
    only
        Choose among ``languages`` only (the old behaviour: a Spanish post becomes French).
    min_chars
        A post with fewer letters left gets ``und``.
    min_confidence
        A post whose best language has a lower (weighted) probability gets ``und``.
    overwrite
        Detect every post; otherwise only those whose ``lang`` is missing or ``und``.
    column
        The column of texts.

    Returns
    -------
    pandas.DataFrame
        A copy with ``lang`` filled.

    Examples
    --------
    >>> posts = pd.DataFrame({"text": ["Le train est encore en retard ce matin", "El tren llega tarde otra vez, qué desastre"],
    ...                       "lang": pd.array([None, None], dtype="string")})
    >>> detect_language(posts)["lang"].tolist()
    ['fr', 'es']
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    preferred = set(languages or ())
    if preferred and only:
        identifier.set_languages(list(languages))

    def classify(clean: str) -> tuple[str, float]:
        if only or not preferred or prefer == 1:
            return identifier.classify(clean)
        weighted = [(lang, p * (prefer if lang in preferred else 1.0)) for lang, p in identifier.rank(clean)]
        total = sum(w for _, w in weighted) or 1.0
        lang, w = max(weighted, key=lambda x: x[1])
        return lang, w / total

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
                lang, prob = classify(clean)
                cache[clean] = lang if prob >= min_confidence else "und"
        found.append(cache[clean])
    out.loc[todo, "lang"] = pd.array(found, dtype="string")
    out["lang"] = out["lang"].astype("string")
    return out
