"""What the export lacks, in one sentence: a section built on columns the file does not carry says so instead
of drawing an empty chart or a matrix of zeros.

>>> import pandas as pd
>>> posts = pd.DataFrame({"author_handle": [None, None], "author_id": [None, None]})
>>> has_authors(posts), lacks_authors(posts, "audiences cannot be crossed")
(False, 'The export has no author column (no handle nor id in any post): audiences cannot be crossed.')
"""

from __future__ import annotations

import pandas as pd

__all__ = ["has_authors", "has_interactions", "lacks_authors", "lacks_interactions"]

_INTERACTIONS = ("likes", "shares", "comments", "quotes")


def _known(posts: pd.DataFrame, columns) -> bool:
    return any(c in posts.columns and posts[c].notna().any() for c in columns)


def has_authors(posts: pd.DataFrame) -> bool:
    """Whether any post names its author (``author_handle`` or ``author_id``); an empty table counts as having.

    Parameters
    ----------
    posts
        The post table.

    Returns
    -------
    bool

    Examples
    --------
    >>> import pandas as pd
    >>> has_authors(pd.DataFrame({"author_id": ["1", None]})), has_authors(pd.DataFrame({"text": ["x"]}))
    (True, False)
    """
    return posts.empty or _known(posts, ("author_handle", "author_id"))


def has_interactions(posts: pd.DataFrame) -> bool:
    """Whether any post carries an interaction count (likes, shares, comments or quotes).

    Parameters
    ----------
    posts
        The post table.

    Returns
    -------
    bool

    Examples
    --------
    >>> import pandas as pd
    >>> has_interactions(pd.DataFrame({"likes": [None]})), has_interactions(pd.DataFrame({"shares": [0]}))
    (False, True)
    """
    return posts.empty or _known(posts, _INTERACTIONS)


def lacks_authors(posts: pd.DataFrame, consequence: str) -> str:
    """The sentence for a section that needs authors, or ``""`` when the posts have them.

    Parameters
    ----------
    posts
        The post table.
    consequence
        What cannot be done without them (a clause, no final stop).

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> lacks_authors(pd.DataFrame({"author_handle": ["ana"]}), "no ranking")
    ''
    """
    if has_authors(posts):
        return ""
    return f"The export has no author column (no handle nor id in any post): {consequence}."


def lacks_interactions(posts: pd.DataFrame, consequence: str) -> str:
    """The sentence for a section that needs interaction counts, or ``""`` when the posts have them.

    Parameters
    ----------
    posts
        The post table.
    consequence
        What cannot be done without them (a clause, no final stop).

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> lacks_interactions(pd.DataFrame({"likes": [None]}), "engagement is not measured")
    'The export has no interaction counts (likes, shares, comments, quotes): engagement is not measured.'
    """
    if has_interactions(posts):
        return ""
    return f"The export has no interaction counts (likes, shares, comments, quotes): {consequence}."
