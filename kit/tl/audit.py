"""Ecosystem audit: what the brand's own accounts publish, what it earns, and how it compares.

A thin layer over the modules that hold the audit's methods, for notebooks and callers that use the
old path (``from kit.tl import audit``). Each section of the report has its module:

- :mod:`kit.tl.owned`: the actors' own posts (:func:`own_posts`), follower counts from an accounts
  table (:func:`attach_followers`; the file is read by :func:`kit.io.accounts.read_accounts`).
- :mod:`kit.tl.inventory` (1. Inventory): :func:`inventory`, :func:`cadence`, :func:`gaps`,
  :func:`posting_heatmap`, :func:`measures`.
- :mod:`kit.tl.performance` (2. Performance): :func:`engagement`, :func:`performance` (medians with
  bootstrap intervals), :func:`benchmarks` (published platform averages).
- :mod:`kit.tl.keyness` (3. Lexicography): :func:`keyness` (weighted log-odds with an informative
  Dirichlet prior), :func:`top_terms`.
- :mod:`kit.tl.cartography` (4. Cartography): :func:`topic_owners`, :func:`topics_by_actor`; the map
  itself is :func:`kit.tl.maps.semantic_map`.
- :mod:`kit.tl.pillars` (5. Editorial-line gap): :func:`assign_pillars`, :func:`pillar_shares`,
  :func:`pillar_divergence`, :func:`under_served`.
- :mod:`kit.tl.effects` (6. What works): :func:`effects` (negative-binomial GLM rate ratios),
  :func:`effect_models`, :func:`effect_values`.
- :mod:`kit.tl.findings` (Findings, definitions): :func:`findings`, :func:`overview`, :data:`DEFINITIONS`.
- :mod:`kit.tl.tables`: :func:`readable` (tables formatted for reading).

>>> from kit.tl import audit, keyness
>>> audit.keyness is keyness.keyness
True
"""

from __future__ import annotations

from .cartography import topic_owners, topics_by_actor
from .effects import TERMS, effect_models, effect_values, effects
from .findings import DEFINITIONS, definitions, findings, overview
from .inventory import WEEKDAYS, cadence, gaps, inventory, measures, posting_heatmap
from .keyness import keyness, log_odds, top_terms
from .owned import OWN_ROLES, attach_followers, brand_actor, own_posts
from .performance import BENCHMARK_SOURCE, BENCHMARKS, HOUR_BANDS, benchmarks, engagement, hour_band, performance
from .pillars import assign_pillars, pillar_divergence, pillar_shares, under_served
from .tables import readable

__all__ = [
    "OWN_ROLES",
    "WEEKDAYS",
    "HOUR_BANDS",
    "BENCHMARKS",
    "BENCHMARK_SOURCE",
    "DEFINITIONS",
    "TERMS",
    "definitions",
    "own_posts",
    "attach_followers",
    "brand_actor",
    "inventory",
    "posting_heatmap",
    "gaps",
    "cadence",
    "measures",
    "hour_band",
    "engagement",
    "performance",
    "benchmarks",
    "log_odds",
    "keyness",
    "top_terms",
    "topic_owners",
    "topics_by_actor",
    "assign_pillars",
    "pillar_shares",
    "pillar_divergence",
    "under_served",
    "effects",
    "effect_models",
    "effect_values",
    "overview",
    "findings",
    "readable",
]
