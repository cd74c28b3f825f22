"""Reposts in flat files: the kind of a post and the author it passes on, told from its text
(``RT @user: ...``, ``... via @user``) or from the retweet/quote/reply flags of listening exports.

>>> kind, parent = kinds_from_text(pd.Series(["RT @ana: hello", "great read via @bob", "hi"]))
>>> kind.tolist(), parent.tolist()
(['repost', 'repost', <NA>], ['ana', 'bob', <NA>])
"""

from __future__ import annotations

import pandas as pd

from ._values import parse_bool

__all__ = ["RT", "VIA", "FLAGS", "kinds_from_text", "kinds_from_flags"]

RT = r"^\s*RT\s+@(\w{1,50})\s*:?"
# "via @user" closing the post (possibly before a link): a manual repost crediting its author
VIA = r"[\(\[]?\bvia\s+@(\w{1,50})[\)\]]?\s*(?:https?://\S+\s*)?$"
#: flag columns (as ``x_`` columns, after :func:`kit.io._headers.slug`) and the kind a true value means
FLAGS = {
    "x_is_retweet": "repost",
    "x_retweet": "repost",
    "x_is_repost": "repost",
    "x_is_reshare": "repost",
    "x_is_rt": "repost",
    "x_is_quote": "quote",
    "x_is_quote_tweet": "quote",
    "x_quote": "quote",
    "x_is_reply": "reply",
}


def kinds_from_text(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Kinds and reposted authors written in the text.

    Parameters
    ----------
    text
        Post texts.

    Returns
    -------
    kind, parent_author
        ``"repost"`` where the text starts with ``RT @user`` or ends with ``via @user`` (else
        missing), and that user's handle.

    Examples
    --------
    >>> kinds_from_text(pd.Series(["RT @ana hi"]))[1].tolist()
    ['ana']
    """
    t = text.astype("string")
    rt = t.str.extract(RT, expand=False)
    via = t.str.extract(VIA, expand=False)
    parent = rt.fillna(via).astype("string")
    kind = pd.Series(pd.NA, index=text.index, dtype="string").mask(parent.notna(), "repost")
    return kind, parent


def kinds_from_flags(frame: pd.DataFrame) -> pd.Series:
    """Kinds from retweet, quote and reply flag columns (``Is Retweet: true``).

    Parameters
    ----------
    frame
        Raw records with the flags as ``x_`` columns (see :data:`FLAGS`).

    Returns
    -------
    pandas.Series
        The kind where a flag is true, else missing.

    Examples
    --------
    >>> kinds_from_flags(pd.DataFrame({"x_is_retweet": ["true", "false"], "x_is_quote": ["no", "yes"]})).tolist()
    ['repost', 'quote']
    """
    kind = pd.Series(pd.NA, index=frame.index, dtype="string")
    for column, value in FLAGS.items():
        if column in frame.columns:
            flag, _ = parse_bool(frame[column])
            kind = kind.mask(kind.isna() & flag.fillna(False).astype(bool), value)
    return kind
