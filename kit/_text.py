"""One set of text rules for the whole kit: links, handles, hashtags, retweet prefixes, elisions, tokens.

Every module that strips noise from posts or cuts them into words composes these patterns instead of
writing its own, so that a handle is a handle everywhere (``@name``, Bluesky's ``@name.bsky.social``,
Mastodon's ``@name@instance.social``) and a French or German elision is removed the same way in topic
labels, keyness and language detection.

>>> strip("RT @la_sncf: Retard de 2h https://t.co/x #greve", rt=True, hashtags=True)
'Retard de 2h'
>>> normalise_handle(" @Brand ")
'brand'
>>> tokens("L'équipe répond https://x.co @brand #SNCF")
['équipe', 'répond', '#sncf']
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

__all__ = [
    "URL",
    "HANDLE",
    "HASHTAG",
    "RT_PREFIX",
    "ELISION",
    "WORD",
    "ENTITY",
    "strip",
    "tokens",
    "normalise_handle",
    "handle_keys",
]

#: Links: ``http(s)://...`` and bare ``www.`` addresses, up to the next space.
URL = r"https?://\S+|www\.\S+"
#: Handles: ``@name``, with dotted and hyphenated parts (``@name.bsky.social``) and a Mastodon instance
#: (``@name@instance.social``); a trailing full stop is not part of the handle.
HANDLE = r"@\w+(?:[.-]\w+)*(?:@\w+(?:[.-]\w+)*)?"
#: Hashtags: ``#word``.
HASHTAG = r"#\w+"
#: A retweet prefix at the start of a post: ``RT @name:``.
RT_PREFIX = r"^\s*RT\s+@\w+:?\s*"
#: HTML entities left in exports: ``&amp;``.
ENTITY = r"&\w+;"
#: French elisions (``l'``, ``qu'``, ``jusqu'``...), removed before words are counted.
ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
#: A word: letters first, then letters, digits, apostrophes or hyphens; a leading ``#`` kept.
WORD = re.compile(r"#?[^\W\d_][\w’'-]*[^\W_]|#?[^\W\d_]{2}", re.UNICODE)

_PATTERNS: dict[tuple, re.Pattern] = {}


def _pattern(rt: bool, urls: bool, handles: bool, hashtags: bool, entities: bool, digits: bool) -> re.Pattern:
    key = (rt, urls, handles, hashtags, entities, digits)
    if key not in _PATTERNS:
        parts = [
            p
            for on, p in (
                (rt, RT_PREFIX),
                (urls, URL),
                (handles, HANDLE),
                (hashtags, HASHTAG),
                (entities, ENTITY),
                (digits, r"\d+"),
            )
            if on
        ]
        _PATTERNS[key] = re.compile("|".join(parts)) if parts else re.compile(r"(?!x)x")
    return _PATTERNS[key]


def strip(
    text: str,
    *,
    urls: bool = True,
    handles: bool = True,
    hashtags: bool = False,
    rt: bool = False,
    entities: bool = False,
    digits: bool = False,
) -> str:
    """``text`` without the parts named (links and handles by default), spaces collapsed.

    >>> strip("Merci @brand_fr ! https://t.co/abc")
    'Merci !'
    >>> strip("@a.bsky.social hi #x 12", hashtags=True, digits=True)
    'hi'
    """
    return " ".join(_pattern(rt, urls, handles, hashtags, entities, digits).sub(" ", str(text)).split())


def tokens(text: str, stop=frozenset(), *, min_chars: int = 3, keep_gaps: bool = False) -> list:
    """Lower-case word tokens of ``text``.

    Unicode-normalised (the "bold" letters some accounts post as 𝗚𝘂𝗲𝗿𝗿𝗲 read ``guerre``); hashtags kept
    with their ``#``; links, handles and French elisions such as ``l'`` removed; stop words and words
    shorter than ``min_chars`` dropped, or replaced by ``None`` with ``keep_gaps`` (so that bigrams never
    jump over them).

    >>> tokens("Le train d'Anna est en retard", {"est", "le"}, keep_gaps=True)
    [None, 'train', 'anna', None, None, 'retard']
    """
    text = ELISION.sub(
        " ", _pattern(False, True, True, False, False, False).sub(" ", unicodedata.normalize("NFKC", str(text)))
    )
    out: list = []
    for w in WORD.findall(text):
        w = w.lower().strip("-'’")
        bare = w.lstrip("#")
        if len(bare) < min_chars or bare in stop:
            if keep_gaps:
                out.append(None)
        else:
            out.append(w)
    return out


def normalise_handle(value) -> str:
    """A handle as the kit compares it: no spaces, no leading ``@``, lower case.

    >>> normalise_handle("@SNCF_Voyageurs")
    'sncf_voyageurs'
    """
    return str(value).strip().lstrip("@").lower()


def handle_keys(series: pd.Series) -> pd.Series:
    """:func:`normalise_handle` of each value of ``series`` (missing values stay ``None``).

    >>> handle_keys(pd.Series(["@A", None])).tolist()
    ['a', None]
    """
    return pd.Series([normalise_handle(v) if pd.notna(v) else None for v in series], index=series.index, dtype=object)
