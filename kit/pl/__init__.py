"""Plotly builders, one per ``kit.tl`` result and with the same name. Each returns a ``go.Figure``."""

from .overview import breakdown, volume
from .monitoring import band, message_test, share_over_time, surge
from .table import table

__all__ = ["volume", "breakdown", "table", "share_over_time", "band", "message_test", "surge"]
