"""Lexicography: the words and phrases that set each actor apart (keyness).

:func:`keyness` scores every term of each group against all the other posts of the same language with
the weighted log-odds ratio with an informative Dirichlet prior (:func:`log_odds`, Monroe, Colaresi &
Quinn 2008) and its z-score. Posts are cut into words by :func:`kit._text.tokens` (links, handles and
French elisions removed; stop words leave a gap, so that bigrams never jump over them).

>>> import numpy as np
>>> delta, z = log_odds(np.array([10, 0]), np.array([0, 10]), np.array([5, 5]))
>>> bool(z[0] > 0 > z[1])
True
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from .._text import tokens

__all__ = ["log_odds", "keyness", "top_terms"]

_COLUMNS = (
    "lang",
    None,  # the grouping column
    "term",
    "posts_in_group",
    "posts_in_others",
    "share_in_group",
    "share_in_others",
    "log_odds",
    "z",
    "rank",
)


def _terms(text: str, stop, ngrams: tuple[int, int]) -> set[str]:
    """The distinct terms of one post: words and/or adjacent two-word phrases (no stop word inside)."""
    toks = tokens(text, stop, keep_gaps=True)
    found: set[str] = set()
    if ngrams[0] <= 1 <= ngrams[1]:
        found.update(t for t in toks if t)
    if ngrams[1] >= 2:
        found.update(f"{a} {b}" for a, b in zip(toks, toks[1:]) if a and b and a != b)
    return found


def log_odds(counts_a: np.ndarray, counts_b: np.ndarray, prior: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weighted log-odds ratio of each term in corpus a against corpus b, with its z-score.

    Monroe, Colaresi & Quinn (2008), eq. 16-22, with an informative Dirichlet prior.

    Parameters
    ----------
    counts_a, counts_b
        Counts of each term in corpus a and in corpus b (same term order).
    prior
        Pseudo-counts per term (e.g. the term's count in the whole corpus).

    Returns
    -------
    tuple of arrays
        ``(delta, z)``; positive means the term is more typical of corpus a.

    Examples
    --------
    >>> import numpy as np
    >>> delta, z = log_odds(np.array([3, 3]), np.array([3, 3]), np.array([1, 1]))
    >>> delta.tolist()
    [0.0, 0.0]
    """
    a, b, p = (np.asarray(x, dtype=float) for x in (counts_a, counts_b, prior))
    n_a, n_b, a0 = a.sum(), b.sum(), p.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((a + p) / (n_a + a0 - a - p)) - np.log((b + p) / (n_b + a0 - b - p))
        var = 1.0 / (a + p) + 1.0 / (b + p)
    return delta, delta / np.sqrt(var)


def keyness(
    own: pd.DataFrame,
    by: str = "actor",
    *,
    per_language: bool = True,
    languages=None,
    ngrams: tuple[int, int] = (1, 2),
    min_posts: int = 3,
    min_group_posts: int = 10,
    prior_scale: float = 1.0,
    top: int | None = 20,
    min_z: float | None = 0.0,
    column: str = "text",
    stop_languages=("fr", "de", "en"),
) -> pd.DataFrame:
    """Distinctive vocabulary of each group against all the others.

    Weighted log-odds with an informative Dirichlet prior and z-scores (Monroe, Colaresi & Quinn 2008).
    Counts are posts containing the term, so one post repeating a word counts once.

    Parameters
    ----------
    own
        Posts (usually the actors' own posts).
    by
        The grouping compared (``"actor"`` or ``"actor_role"``); each group is compared with all
        the other posts of the same language.
    per_language
        Compare within each language of ``lang`` separately (posts with ``und`` or no language
        are left out unless there is only one language); ``False``: one comparison over all.
    languages
        Languages to compare (default: every language with at least ``min_group_posts`` posts).
    ngrams
        ``(1, 2)``: words and two-word phrases (bigrams of adjacent words, stop words never inside).
    min_posts
        A term must appear in at least this many posts (of the language) to be scored.
    min_group_posts
        Groups with fewer posts in a language are not scored there (too little to say).
    prior_scale
        Strength of the prior: pseudo-counts are ``prior_scale`` x the term's post count in the
        whole language corpus (1: the classic choice; smaller trusts the groups' counts more).
    top
        Keep the ``top`` terms with the highest z per group and language (``None``: all terms).
    min_z
        Keep only terms with z above this (default 0: terms more typical of the group than of
        the others); ``None`` keeps every term.
    column
        The text column.
    stop_languages
        Languages whose stop words are left out (:func:`kit.tl.topics.stop_words`).

    Returns
    -------
    DataFrame
        ``lang, <by>, term, posts_in_group, posts_in_others, share_in_group, share_in_others,
        log_odds, z, rank`` sorted by language, group and rank (1 = most distinctive). An empty table
        says why in ``attrs["note"]`` (no posts, no texts, too few posts per group).

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"actor": ["a"] * 12 + ["b"] * 12, "lang": "en",
    ...     "text": ["trains are electric today"] * 12 + ["buses are cheap today"] * 12})
    >>> keyness(frame, min_group_posts=5, ngrams=(1, 1)).query("actor == 'a'")["term"].head(2).tolist()
    ['electric', 'trains']
    """
    from .topics import stop_words

    cols = [by if c is None else c for c in _COLUMNS]
    texts = own[column].fillna("").astype(str) if column in own.columns else pd.Series("", index=own.index)
    with_text = int(texts.str.strip().ne("").sum())
    if own.empty or not with_text:
        return _empty(cols, len(own), with_text, by, min_group_posts)
    langs = (
        own["lang"].astype("string").fillna("und")
        if ("lang" in own.columns and per_language)
        else pd.Series("all", index=own.index, dtype="string")
    )
    groups_all = own[by].astype("string").fillna("(none)")
    counts_lang = langs.value_counts()
    if languages is None:
        languages = [
            l for l, n in counts_lang.items() if n >= min_group_posts and (l != "und" or len(counts_lang) == 1)
        ]
    stop = stop_words(tuple(stop_languages))
    frames = []
    for lang in sorted(languages):
        mask = (langs == lang).to_numpy()
        frames.extend(
            _score_language(
                lang,
                groups_all[mask].to_numpy(),
                [_terms(t, stop, ngrams) for t in texts[mask]],
                by=by,
                min_posts=min_posts,
                min_group_posts=min_group_posts,
                prior_scale=prior_scale,
                top=top,
                min_z=min_z,
            )
        )
    if not frames:
        return _empty(cols, len(own), with_text, by, min_group_posts)
    return pd.concat(frames, ignore_index=True)[cols]


def _empty(cols: list[str], n: int, with_text: int, by: str, min_group_posts: int) -> pd.DataFrame:
    """An empty keyness table whose ``attrs["note"]`` says why it is empty (shown instead of the table)."""
    out = pd.DataFrame(columns=cols)
    if not n:
        out.attrs["note"] = "No own posts: no vocabulary to compare."
    elif not with_text:
        out.attrs["note"] = (
            f"0 of {n:,} own posts have a text: no vocabulary to compare (the export gives no post texts)."
        )
    else:
        out.attrs["note"] = (
            f"Too few posts to compare vocabularies: each {by.replace('_', ' ')} needs at least {min_group_posts} "
            f"posts with a text in one language, and there must be two to compare ({with_text:,} of {n:,} own "
            "posts have a text)."
        )
    return out


def _score_language(lang, groups, docs, *, by, min_posts, min_group_posts, prior_scale, top, min_z) -> list:
    """The keyness tables of each group of one language (see :func:`keyness`)."""
    total = Counter(t for d in docs for t in d)
    vocab = sorted(t for t, c in total.items() if c >= min_posts)
    if not vocab:
        return []
    index = {t: i for i, t in enumerate(vocab)}
    names = sorted(set(groups))
    mat = np.zeros((len(names), len(vocab)))
    gi = {g: i for i, g in enumerate(names)}
    for g, d in zip(groups, docs):
        for t in d:
            j = index.get(t)
            if j is not None:
                mat[gi[g], j] += 1
    n_posts = pd.Series(groups).value_counts()
    prior = prior_scale * mat.sum(axis=0)
    frames = []
    for g in names:
        if n_posts[g] < min_group_posts or len(names) < 2:
            continue
        a = mat[gi[g]]
        b = mat.sum(axis=0) - a
        delta, z = log_odds(a, b, prior)
        part = pd.DataFrame(
            {
                "lang": lang,
                by: g,
                "term": vocab,
                "posts_in_group": a.astype(int),
                "posts_in_others": b.astype(int),
                "share_in_group": a / n_posts[g],
                "share_in_others": b / max(int(n_posts.sum() - n_posts[g]), 1),
                "log_odds": delta,
                "z": z,
            }
        )
        part = part.sort_values(["z", "term"], ascending=[False, True], kind="stable")
        part["rank"] = np.arange(1, len(part) + 1)
        if min_z is not None:
            part = part[part["z"] > min_z]
        frames.append(part.head(top) if top else part)
    return frames


def top_terms(result: pd.DataFrame, *, by: str = "actor", n: int = 10) -> dict:
    """The ``n`` highest-z terms of each group over all languages (for the record).

    Parameters
    ----------
    result
        A :func:`keyness` table.
    by
        Its grouping column.
    n
        Terms kept per group.

    Returns
    -------
    dict
        ``{group: [terms]}``, highest z first, each term once.

    Examples
    --------
    >>> import pandas as pd
    >>> top_terms(pd.DataFrame({"actor": ["a", "a"], "term": ["x", "y"], "z": [1.0, 3.0]}))
    {'a': ['y', 'x']}
    """
    out = {}
    for g, part in result.groupby(by, sort=True):
        terms = part.sort_values("z", ascending=False)["term"].drop_duplicates().head(n)
        out[str(g)] = terms.tolist()
    return out
