"""Shared look of the figures, passed explicitly (nothing is set globally on import)."""

from __future__ import annotations

import html

__all__ = ["TEMPLATE", "escape"]

TEMPLATE = "plotly_white"


def escape(value) -> str:
    """Post text and handles are untrusted: escape them before they reach a label or hover text."""
    return html.escape(str(value), quote=False)
