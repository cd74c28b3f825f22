"""Sentences for the listening report, built from the topic tables: plain English, one finding a line.

Each ``describe_*`` takes the table of the function it is named after and returns a list of sentences
(:func:`kit.pl.text` shows them); an empty table gives one sentence that says so.

>>> import pandas as pd
>>> describe_actionable(pd.DataFrame())
['No questions, complaints, feature requests or feedback were detected.']
"""

from __future__ import annotations

import pandas as pd

from ._topic_model import OUTLIER, Topics
from .listening_review import REVIEW_FILE_NAME

__all__ = [
    "describe_fit",
    "describe_emerging",
    "describe_languages",
    "describe_absent",
    "describe_actionable",
    "review_instructions",
]


def _fmt_topic(row) -> str:
    return f"topic {int(row['topic'])} ({row['label']})"


def describe_fit(result: Topics) -> list[str]:
    """Sentences on a fit: how many topics among how many posts, the outliers, or why there are none.

    Parameters
    ----------
    result
        A fit (:func:`kit.tl.topics.fit`).

    Returns
    -------
    list of str

    Examples
    --------
    >>> result = Topics.from_assignments(["a", "b", "c", "d"], [0, 0, 1, -1])
    >>> result.params["min_topic_size"] = 2
    >>> describe_fit(result)
    ['2 topics among 4 posts (smallest topic size 2, seed 0); 1 posts (25%) are close to no topic (outliers).']
    """
    n = len(result.assignments)
    if "note" in result.params:
        return [f"No topics: {result.params['note']}."]
    k = int((result.info["topic"] >= 0).sum())
    out = int((result.assignments["topic"] == OUTLIER).sum())
    sentences = [
        f"{k} topics among {n:,} posts (smallest topic size {result.params.get('min_topic_size')}, seed "
        f"{result.seed}); {out:,} posts ({out / max(n, 1):.0%}) are close to no topic (outliers)."
    ]
    if result.params.get("sampled"):  # kit.tl.topic_scale: fitted on a sample, the rest assigned
        sentences.append(str(result.params["sampled"]))
    return sentences


def describe_emerging(table: pd.DataFrame) -> list[str]:
    """Sentences on :func:`kit.tl.topic_trends.emerging`'s table: which topics are flagged, with growth and p.

    Parameters
    ----------
    table
        The table (its ``attrs`` name the recent periods, or say why nothing was tested).

    Returns
    -------
    list of str

    Examples
    --------
    >>> table = pd.DataFrame({"topic": [0], "label": ["nuit"], "baseline_posts": [2], "recent_posts": [30],
    ...                       "growth": [9.5], "q_value": [0.001], "flagged": [True],
    ...                       "first_post": [pd.Timestamp("2026-02-16", tz="UTC")]})
    >>> describe_emerging(table)[1]
    'topic 0 (nuit): 30 recent posts against 2 before, growth x9.5, adjusted p = 0.001; first post 2026-02-16.'
    >>> describe_emerging(table.assign(flagged=False))
    ['No topic grew significantly faster than its baseline: nothing is flagged as emerging.']
    """
    if table.empty:
        return [table.attrs.get("note", "No topic could be tested for growth.")]
    flagged = table[table["flagged"]]
    recent = table.attrs.get("recent_periods", [])
    when = f" in the recent periods ({', '.join(recent)})" if recent else ""
    if flagged.empty:
        return [f"No topic grew significantly faster than its baseline{when}: nothing is flagged as emerging."]
    out = [f"{len(flagged)} topic(s) flagged as emerging{when}:"]
    for _, row in flagged.iterrows():
        first = pd.Timestamp(row["first_post"]).strftime("%Y-%m-%d") if pd.notna(row["first_post"]) else "?"
        out.append(
            f"{_fmt_topic(row)}: {int(row['recent_posts'])} recent posts against {int(row['baseline_posts'])} "
            f"before, growth x{row['growth']:.1f}, adjusted p = {row['q_value']:.2g}; first post {first}."
        )
    return out


def describe_languages(table: pd.DataFrame) -> list[str]:
    """Sentences on :func:`kit.tl.topic_tables.languages`' table: how many topics are shared, which are not.

    Parameters
    ----------
    table
        The table (``topic, label, languages, kind``).

    Returns
    -------
    list of str

    Examples
    --------
    >>> table = pd.DataFrame({"topic": [0, 1], "label": ["train", "quai"], "languages": ["fr, de, en", "fr"],
    ...                       "kind": ["shared", "one language"]})
    >>> describe_languages(table)  # doctest: +NORMALIZE_WHITESPACE
    ['1 of 2 topics are shared across languages; 1 live in one language.',
     'In French, German and English at once: topic 0 (train).',
     'One language only: topic 1 (quai) [fr].']
    """
    if table.empty:
        return ["No topics to describe."]
    shared = table[table["kind"] == "shared"]
    single = table[table["kind"] == "one language"]
    out = [f"{len(shared)} of {len(table)} topics are shared across languages; {len(single)} live in one language."]
    all3 = shared[shared["languages"].str.count(",") >= 2]
    if len(all3):
        out.append(
            "In French, German and English at once: "
            + "; ".join(_fmt_topic(r) for _, r in all3.head(8).iterrows())
            + "."
        )
    if len(single):
        out.append(
            "One language only: "
            + "; ".join(f"{_fmt_topic(r)} [{r['languages']}]" for _, r in single.head(8).iterrows())
            + "."
        )
    return out


def describe_absent(table: pd.DataFrame, *, brand: str | None) -> list[str]:
    """Sentences on :func:`kit.tl.topic_tables.absent`' table: where the brand is missing from its competitors'
    conversations.

    Parameters
    ----------
    table
        The table.
    brand
        The brand's name; ``None`` says no brand is named.

    Returns
    -------
    list of str

    Examples
    --------
    >>> table = pd.DataFrame({"topic": [3], "label": ["wifi"], "brand_posts": [0], "competitor_posts": [40],
    ...                       "top_competitor": ["Railix"], "expected": [0.4], "absent": [True]})
    >>> describe_absent(table, brand="Voltaria")[1]
    'topic 3 (wifi): 0 Voltaria posts against 40 for the competitors (mostly Railix).'
    >>> describe_absent(table, brand=None)
    ['No brand is named (parameter brand): no comparison with competitors.']
    """
    if not brand:
        return ["No brand is named (parameter brand): no comparison with competitors."]
    if table.empty:
        return [f"No comparison possible: {brand} or its competitors have no posts in these topics."]
    gone = table[table["absent"]]
    if gone.empty:
        return [
            f"{brand} takes part in every conversation its competitors are in (no topic where its share is "
            f"significantly below half its overall share of {table['expected'].iloc[0]:.0%})."
        ]
    return [
        f"{brand} is absent (share significantly below half its overall {table['expected'].iloc[0]:.0%}) from "
        f"{len(gone)} conversation(s) its competitors are in:"
    ] + [
        f"{_fmt_topic(r)}: {int(r['brand_posts'])} {brand} posts against {int(r['competitor_posts'])} for the "
        f"competitors (mostly {r['top_competitor']})."
        for _, r in gone.iterrows()
    ]


def describe_actionable(table: pd.DataFrame) -> list[str]:
    """Sentences on :func:`kit.tl.topic_actionable.actionable`'s table: totals per intent and the rising rows.

    Parameters
    ----------
    table
        The table.

    Returns
    -------
    list of str

    Examples
    --------
    >>> table = pd.DataFrame({"intent": ["complaint", "question"], "topic": [0, 1], "label": ["retard", "quai"],
    ...                       "posts": [12, 3], "change": [3.0, 1.0], "trend": ["rising", "steady"]})
    >>> describe_actionable(table)
    ['Detected: 12 complaints, 3 questions.', 'Rising (adjusted p < 0.05): complaints in topic 0 (retard) (x3.0).']
    """
    if table.empty:
        return ["No questions, complaints, feature requests or feedback were detected."]
    totals = table.groupby("intent", sort=False)["posts"].sum()
    out = ["Detected: " + ", ".join(f"{int(v):,} {k.replace('_', ' ')}s" for k, v in totals.items()) + "."]
    rising = table[table["trend"] == "rising"]
    if len(rising):
        out.append(
            "Rising (adjusted p < 0.05): "
            + "; ".join(
                f"{r['intent'].replace('_', ' ')}s in {_fmt_topic(r)} (x{r['change']:.1f})"
                for _, r in rising.head(8).iterrows()
            )
            + "."
        )
    return out


def review_instructions(*, file_name: str = REVIEW_FILE_NAME) -> str:
    """:data:`kit.io.review.REVIEW_INSTRUCTIONS` (Markdown) naming the listening report's review file and parameter.

    Parameters
    ----------
    file_name
        The review file named in the instructions.

    Returns
    -------
    str

    Examples
    --------
    >>> "review_file: path/to/listening_review_sample.csv" in review_instructions()
    True
    """
    from ..io.review import REVIEW_INSTRUCTIONS

    return REVIEW_INSTRUCTIONS.replace("review_file: path/to/review.csv", f"review_file: path/to/{file_name}").replace(
        "`review.csv`", f"`{file_name}` (beside the report; copy it before you fill it)"
    )
