"""Plots of the ecosystem audit, one per tl function and with its name. They draw; they never compute.

A re-export layer: each plot lives in the module named like its :mod:`kit.tl` counterpart
(:mod:`kit.pl.inventory`, :mod:`kit.pl.performance`, :mod:`kit.pl.keyness`, :mod:`kit.pl.cartography`,
:mod:`kit.pl.pillars`, :mod:`kit.pl.effects`).

>>> import pandas as pd
>>> from kit.pl import audit
>>> audit.effects(pd.DataFrame()).layout.annotations[0].text
'Too few posts to estimate effects.'
"""

from __future__ import annotations

from ._figures import COLOURS
from .cartography import topic_owners
from .effects import effects
from .inventory import gaps, inventory, posting_heatmap
from .keyness import keyness
from .performance import benchmarks, performance
from .pillars import pillar_divergence, pillar_shares

__all__ = [
    "COLOURS",
    "inventory",
    "posting_heatmap",
    "gaps",
    "performance",
    "benchmarks",
    "keyness",
    "topic_owners",
    "pillar_shares",
    "pillar_divergence",
    "effects",
]
