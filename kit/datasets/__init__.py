"""The embedded sample: a generated rail-brand scenario whose ground truth is known.

:func:`generate` builds, from a seed, thirteen weeks of posts around a fictional rail operator
(**Voltaria**), three competitors (Railix, Trenova, Cityhop) and four media outlets, in French,
German and English, on five networks. Everything the four notebooks should find is planted and
written down in a JSON-serialisable *truth* dict: engagement effects of format and hour, each
actor's vocabulary, the brand's under-served editorial pillar, share of voice and net sentiment,
response times to customers, two A/B message tests (one real, one null), a weak signal (complaints
about the new night train) and a crisis (a billing error that charged customers twice), with onset,
peak, media pick-up, brand statement, repost cascade and half-life.

The post table is the canonical one (:mod:`kit.schema`) plus columns ``x_true_topic``,
``x_true_intent``, ``x_true_sentiment``, ``x_campaign`` and ``x_variant``, which are the labels the
generator used. Nothing is copied from real data: texts are composed from slot fragments written
for this module (opening, subject, predicate, detail, closing, hashtags, emoji, numbers), with the
same fragment index rendered in each language so that posts about one thing in French, German and
English are translations in spirit.

Modules: ``_scenario`` (codes and parameters of what is planted), ``_banks_public``, ``_banks_owned``,
``_banks_people`` (text and name tables), ``_arrays`` (vectorised helpers), ``_accounts`` (authors),
``_generate`` (the segments), ``_texts`` (composing texts), ``_assemble`` (the post table),
``_truth`` (the truth dict), ``_sample`` (files on disk).

Examples
--------
>>> from kit import datasets, schema
>>> posts, truth = datasets.generate(2_000, seed=1)
>>> len(posts), schema.validate(posts) is posts
(2000, True)
>>> truth["crisis"]["onset"]
'2026-03-09T14:00:00Z'
>>> sorted(posts["lang"].unique())
['de', 'en', 'fr']
"""

from __future__ import annotations

from ._accounts import accounts
from ._generate import generate
from ._sample import SAMPLE_DIR, load_sample, sample_path, write_sample

__all__ = ["generate", "write_sample", "accounts", "sample_path", "load_sample", "SAMPLE_DIR"]
