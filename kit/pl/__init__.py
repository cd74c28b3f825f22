"""Plotly builders, one per ``kit.tl`` result and with the same name. Each returns a ``go.Figure``.

The overview and monitoring builders are imported here; the others live in modules named like their
``kit.tl`` counterpart and load on first use: ``pl.audience.overlap(...)``, ``pl.care.cases(...)``.
"""

from .._lazy import submodules
from ._table import table, text
from .monitoring import band, message_test, net_sentiment_over_time, share_over_time, surge
from .overview import breakdown, volume

__all__ = [
    "volume",
    "breakdown",
    "table",
    "text",
    "share_over_time",
    "net_sentiment_over_time",
    "band",
    "message_test",
    "surge",
]


__getattr__ = submodules(__name__)
