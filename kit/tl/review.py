"""Human review of sentiment: draw a sample, have analysts label it, read it back, correct the estimates.

A thin layer over the concept modules, kept for the callers of the old path: :mod:`kit.tl.review_sample`
(the sample), :mod:`kit.io.review` (the review files), :mod:`kit.tl.agreement` (consensus, kappa,
training data) and :mod:`kit.tl.corrected_shares` (confusion and corrected shares).

No offline model reads irony, sarcasm or disagreement well, so the kit does not trust its sentiment
shares blindly. The loop is:

1. :func:`draw_sample` draws a stratified sample of posts (by predicted sentiment, language, topic and
   confidence band), recording each post's inclusion probability and design weight.
2. :func:`write_review_csv` writes a CSV an analyst fills in (Excel, LibreOffice); :data:`REVIEW_INSTRUCTIONS`
   tells them how.
3. :func:`read_review_csv` reads it back, whatever Excel did to it (``;`` separators, BOM, Windows-1252,
   case, French/German label words), and rejects unknown labels with the file, row and column.
4. :func:`agreement` reports Cohen's kappa between reviewers and between each reviewer and the model;
   :func:`confusion` the weighted ``P(true | predicted)`` table; :func:`corrected_shares` the corrected
   negative/neutral/positive shares and net sentiment of the whole corpus with bootstrap intervals.
5. :func:`to_training` turns the consensus labels into ``(texts, labels)`` for a classifier head.

Predictions arrive as columns of the post table: ``sentiment`` (negative/neutral/positive),
``confidence`` (max class probability) and optionally ``topic``; ``lang`` is the language.

Examples
--------
>>> import pandas as pd
>>> from kit.tl import review
>>> posts = pd.DataFrame({"post_id": [f"p{i}" for i in range(12)], "text": ["..."] * 12,
...                       "lang": ["fr", "en"] * 6,
...                       "sentiment": ["negative", "neutral", "positive"] * 4,
...                       "confidence": [0.4, 0.7, 0.9] * 4})
>>> sample = review.draw_sample(posts, n=6, strata=("sentiment",), seed=0)
>>> len(sample), round(sample["weight"].sum())
(6, 12)
"""

from .._review import LABELS, ReviewError
from ..io.review import REVIEW_INSTRUCTIONS, load, read_review_csv, write_review_csv
from .agreement import CONSENSUS, MODEL, agreement, consensus, to_training
from .corrected_shares import confusion, corrected_by, corrected_shares
from .review_sample import BANDS, NONE, draw_sample, simulate

__all__ = [
    "LABELS",
    "BANDS",
    "NONE",
    "MODEL",
    "CONSENSUS",
    "REVIEW_INSTRUCTIONS",
    "ReviewError",
    "draw_sample",
    "simulate",
    "write_review_csv",
    "read_review_csv",
    "load",
    "consensus",
    "agreement",
    "to_training",
    "confusion",
    "corrected_shares",
    "corrected_by",
]
