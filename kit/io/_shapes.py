"""The shape of JSON records: which field of a damaged record holds a number or a text where every
export has a list or an object (``media_attachments: 5``), so that the record is dropped with the field named.

>>> suspect_field({"entities": {"media": 5}})
'entities.media'
"""

from __future__ import annotations

from typing import Any

__all__ = ["CONTAINERS", "suspect_field"]

# fields every export holds as a list or an object; a number or a text there is a damaged record
CONTAINERS = frozenset(
    "media_attachments mentions tags emojis facets features entities extended_entities media urls hashtags "
    "user_mentions referenced_tweets attachments media_keys public_metrics account user author record embed "
    "reblog retweeted_status quoted_status images children data includes value reply reason post".split()
)


def suspect_field(record: Any, prefix: str = "", depth: int = 0) -> str | None:
    """The dotted path of the first field of :data:`CONTAINERS` that holds neither a list nor an object.

    Parameters
    ----------
    record
        A JSON record.
    prefix, depth
        Where the walk is (for the recursion).

    Returns
    -------
    str or None
        The path, e.g. ``"record.facets"``.

    Examples
    --------
    >>> suspect_field({"record": {"text": "hi", "facets": 7}})
    'record.facets'
    """
    if not isinstance(record, dict) or depth > 4:
        return None
    for k, v in record.items():
        path = f"{prefix}{k}"
        if k in CONTAINERS and v is not None and not isinstance(v, (dict, list)):
            return path
    for k, v in record.items():
        if isinstance(v, dict):
            found = suspect_field(v, f"{prefix}{k}.", depth + 1)
            if found:
                return found
        elif isinstance(v, list):
            for item in v[:50]:
                found = suspect_field(item, f"{prefix}{k}.", depth + 1)
                if found:
                    return found
    return None
