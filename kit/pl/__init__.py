"""Plotly builders, one per ``kit.tl`` result and with the same name. Each returns a ``go.Figure``."""

from .overview import breakdown, volume
from .table import table

__all__ = ["volume", "breakdown", "table"]
