"""Crisis post-mortem: the thin layer the crisis report (and older callers) import from.

Each computation lives in its concept module; this module re-exports them under their old names:

- :mod:`kit.tl.surge` (via :mod:`kit.tl.signals`): baseline, onset, peak, half-life, back to baseline;
- :mod:`kit.tl.kinds`: post kinds, related posts, posts with a text;
- :mod:`kit.tl.timeline`: anchor, phases, per-phase shares, negative share, key moments;
- :mod:`kit.tl.cascades`: amplification per period, repost share, cascades;
- :mod:`kit.tl.spreaders`: account types and spreaders;
- :mod:`kit.tl.message_types`: seed examples, message types, topics by phase;
- :mod:`kit.tl.response`: first statement, brand posts, response before vs during;
- :mod:`kit.tl.lessons`: the lessons in words.

A team's labelled examples are read by :func:`kit.io.examples.read`.

Examples
--------
>>> import pandas as pd
>>> from kit.tl import crisis
>>> crisis.definitions()["term"].tolist()[:3]
['onset', 'peak', 'half-life']
>>> crisis.phase_spans(pd.DataFrame([dict(onset=None)]))["phase"].tolist()
['before']
"""

from __future__ import annotations

import pandas as pd

from . import timeline as _timeline
from ._crisis import DEFINITIONS
from .cascades import amplification, cascades, repost_share
from .kinds import kinds, related, with_text
from .lessons import lessons
from .message_types import MESSAGE_TYPES, message_types, seed_examples, topics_by_phase
from .response import brand_posts, first_statement, response_periods
from .spreaders import ACCOUNT_TYPES, account_types, spreaders, spreaders_by_type
from .timeline import *  # noqa: F403 (re-exports its __all__)

__all__ = [
    "MESSAGE_TYPES",
    "ACCOUNT_TYPES",
    "DEFINITIONS",
    "definitions",
    "kinds",
    "related",
    "with_text",
    *_timeline.__all__,
    "amplification",
    "repost_share",
    "cascades",
    "account_types",
    "spreaders",
    "spreaders_by_type",
    "seed_examples",
    "message_types",
    "topics_by_phase",
    "first_statement",
    "brand_posts",
    "response_periods",
    "lessons",
]


def definitions() -> pd.DataFrame:
    """The definitions used in the crisis report, as a table for its appendix (``term, definition``).

    Returns
    -------
    DataFrame
        One row per term (onset, peak, half-life, back to baseline, repost share, cascade, first
        statement, negative share).

    Examples
    --------
    >>> definitions().shape[1]
    2
    """
    return pd.DataFrame({"term": list(DEFINITIONS), "definition": list(DEFINITIONS.values())})
