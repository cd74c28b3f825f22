"""Published platform benchmarks of the engagement rate per post, as the kit ships them.

Each row says where the figure comes from, for which year, and which statistic it is *as written in the
source* (an average is never relabelled a median): :func:`kit.tl.performance.benchmarks` compares an
account with the same statistic of its own posts. A team can pass its own table instead
(:func:`kit.io.benchmarks.read`, parameter ``benchmark_file`` of the audit).
"""

from __future__ import annotations

__all__ = ["COLUMNS", "BENCHMARK_ROWS"]

#: Columns of a benchmark table (the file a user passes has the same ones; ``note`` is optional).
COLUMNS = ("platform", "rate", "statistic", "year", "source", "definition", "note")

_SOURCE = "Socialinsider, 2021 Social Media Industry Benchmarks, brand accounts of 35 industries"
_DEFINITION = "interactions / followers per post"
_NOTE = (
    "Average engagement rate of 2020 as the kit's brief quotes it; secondary reports of the same study give "
    "Facebook 0.27 % and Twitter 0.07 % for 2020 (0.26 % and 0.08 % for 2019): check the source before relying on it."
)

BENCHMARK_ROWS = (
    {"platform": "facebook", "rate": 0.0026, "statistic": "mean", "year": 2020, "source": _SOURCE,
     "definition": _DEFINITION, "note": _NOTE},
    {"platform": "instagram", "rate": 0.0116, "statistic": "mean", "year": 2020, "source": _SOURCE,
     "definition": _DEFINITION, "note": _NOTE},
    {"platform": "twitter", "rate": 0.0006, "statistic": "mean", "year": 2020, "source": _SOURCE,
     "definition": _DEFINITION, "note": _NOTE},
)  # fmt: skip
"""The shipped benchmarks, one row a platform (see :data:`COLUMNS`)."""
