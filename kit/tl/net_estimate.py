"""Net sentiment as the reports headline it: the best estimate there is, the raw count beside it, labelled.

With a reviewed sample, the estimate is the model's count corrected by the errors measured on that review
(:func:`kit.tl.corrected_shares.corrected_by`, per actor, and per period with each actor's own errors); the
model's count stays beside it as ``raw (uncorrected)``. Without one, the figure *is* the raw count and the
note says so, with the bias the model showed against human labels on real data (read from the model's
metadata, ``measured_on_real_data``, written by ``bench/eval_sentiment.py``).

>>> import pandas as pd
>>> posts = pd.DataFrame({"post_id": list("abcdef"), "actor": ["A"] * 6,
...                       "sentiment": ["positive"] * 4 + ["negative"] * 2})
>>> headline(posts, None)[["actor", "raw (uncorrected)", "estimate", "source"]].values.tolist()
[['A', 0.333..., 0.333..., 'raw (uncorrected)']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._review import ReviewError
from .corrected_shares import corrected_by
from .net_sentiment import net_sentiment, net_sentiment_over_time

__all__ = ["headline", "over_time", "measured_bias", "real_data_bias", "interval_sentence"]

RAW = "raw (uncorrected)"


def measured_bias(model=None) -> dict:
    """What the model's metadata says it measured against human labels on real data (``measured_on_real_data``:
    ``data``, per-language ``rows`` of ``raw_net`` and ``true_net``, ``airline_negative_share``), or ``{}``.

    >>> measured_bias(None), measured_bias("lexicon")
    ({}, {})
    """
    if isinstance(model, str):
        if model not in ("head", "auto", "fast", "default"):
            return {}
        from .sentiment_head import HeadModel

        try:
            model = HeadModel.load()
        except Exception:  # no shipped head (a stripped install): nothing measured to say
            return {}
    meta = getattr(model, "meta", None) or {}
    return dict(meta.get("measured_on_real_data") or {})


def real_data_bias(model=None) -> str:
    """A sentence on how far the model's raw net sentiment was from human labels on real data, from its metadata.

    >>> real_data_bias(None)
    ''
    """
    measured = measured_bias(model)
    if not measured:
        return ""
    copied = ""
    if model in ("auto", "fast"):  # above AUTO_LIMIT texts a student copies the head: say so
        from .sentiment import AUTO_LIMIT

        copied = (
            " (On corpora of more than "
            f"{AUTO_LIMIT:,} distinct texts a faster student copies it, its label shares matched to this model's"
            " on a random sample: the same lean.)"
            if model == "auto"
            else " (A faster student copies it, its label shares matched to this model's on a random sample:"
            " the same lean.)"
        )
    parts = [
        f"{m['lang']} {m['raw_net']:+.2f} where the labels say {m['true_net']:+.2f}" for m in measured.get("rows", [])
    ]
    air = measured.get("airline_negative_share") or {}
    tail = (
        f" On airline customers' tweets it counted {air['raw']:.0%} negative where the labels say {air['labels']:.0%}."
        if air
        else ""
    )
    return (
        f"Against human labels on real posts ({measured.get('data', 'real data')}), this model's raw net sentiment was "
        + "; ".join(parts)
        + "."
        + tail
        + copied
    )


def interval_sentence(n: int, low: float, high: float, *, what: str = "the brand's net sentiment") -> str:
    """How many more reviewed posts would narrow an interval by how much (the width falls as 1 / sqrt(n)).

    >>> interval_sentence(200, -0.5, -0.3)
    "With 200 reviewed posts the 95 % interval of the brand's net sentiment is ±0.10; 200 more would narrow it to about ±0.07, 600 more to about ±0.05."
    >>> interval_sentence(0, float("nan"), float("nan"))
    ''
    """
    if n <= 0 or not np.isfinite(low) or not np.isfinite(high):
        return ""
    half = (high - low) / 2
    return (
        f"With {n:,} reviewed posts the 95 % interval of {what} is ±{half:.2f}; "
        f"{n:,} more would narrow it to about ±{half / np.sqrt(2):.2f}, "
        f"{3 * n:,} more to about ±{half / 2:.2f}."
    )


def headline(
    scored: pd.DataFrame,
    reviewed: pd.DataFrame | None,
    *,
    by: str = "actor",
    model=None,
    seed: int = 0,
    n_boot: int = 2000,
    min_reviewed: int = 10,
) -> pd.DataFrame:
    """Each group's net sentiment: the best estimate, its interval, what it is, and the raw count beside it.

    Parameters
    ----------
    scored
        Scored posts (``sentiment``, ``post_id``, ``by``), e.g. the public's mentions.
    reviewed
        A filled review (:func:`kit.io.review.load`) or None.
    by
        Grouping column.
    model
        The sentiment model (its metadata gives the bias measured on real data, said when there is no review).
    seed, n_boot, min_reviewed
        As in :func:`kit.tl.corrected_shares.corrected_by`.

    Returns
    -------
    DataFrame
        ``[by], posts, estimate, ci_low, ci_high, source, raw (uncorrected), n_reviewed``; ``attrs["note"]``
        says which figure to trust and why.
    """
    raw = net_sentiment(scored, by=by).set_index(by)
    if reviewed is not None and len(reviewed):
        corr = corrected_by(scored, reviewed, by=by, seed=seed, n_boot=n_boot, min_reviewed=min_reviewed)
        corr = corr.set_index(by)
        out = pd.DataFrame(
            {
                "posts": raw["posts"],
                "estimate": corr["corrected_net"].reindex(raw.index),
                "ci_low": corr["ci_low"].reindex(raw.index),
                "ci_high": corr["ci_high"].reindex(raw.index),
                "source": corr["confusion"]
                .reindex(raw.index)
                .map(
                    lambda how: (
                        "corrected by the review" if how == "own" else f"corrected, errors {how} (few of its own)"
                    )
                ),
                RAW: raw["net"],
                "n_reviewed": corr["n_reviewed"].reindex(raw.index).fillna(0).astype(int),
            }
        )
        n_used = int(reviewed.shape[0])
        first = out["n_reviewed"].idxmax() if len(out) else None
        more = (
            interval_sentence(
                int(out.loc[first, "n_reviewed"]),
                float(out.loc[first, "ci_low"]),
                float(out.loc[first, "ci_high"]),
                what=f"{first}'s net sentiment",
            )
            if first is not None
            else ""
        )
        note = (
            f"Net sentiment corrected by the human review ({n_used:,} reviewed rows). {corr.attrs.get('note', '')} "
            f"The model's own count is shown beside it as '{RAW}': where they differ, trust the corrected figure, "
            "whose interval carries the review's sampling error. An actor with few reviewed posts of its own has its "
            "errors drawn toward all reviewed posts' by as much as the actors' errors were seen to differ, and a wider "
            "interval: review more of its posts to narrow it. " + more
        )
    else:
        out = pd.DataFrame(
            {
                "posts": raw["posts"],
                "estimate": raw["net"],
                "ci_low": raw["low"],
                "ci_high": raw["high"],
                "source": RAW,
                RAW: raw["net"],
                "n_reviewed": 0,
            }
        )
        bias = real_data_bias(model)
        note = (
            "No reviewed sample: these figures are the model's raw count, uncorrected, and their intervals cover "
            "only sampling noise, not the model's errors. "
            + (bias + " " if bias else "")
            + "Review a sample (listening report, review loop) to correct them."
        )
    out = out.reset_index().rename(columns={"index": by})
    out.attrs["note"] = note.strip()
    return out


def over_time(
    scored: pd.DataFrame,
    reviewed: pd.DataFrame | None,
    *,
    actors,
    freq: str = "W",
    seed: int = 0,
    n_boot: int = 500,
) -> pd.DataFrame:
    """Net sentiment per period and actor, corrected with each actor's errors measured on the review.

    Without a review, :func:`kit.tl.net_sentiment.net_sentiment_over_time` (raw). With one, each actor's
    predicted shares per period are corrected with that actor's confusion ``P(true | predicted)`` from its
    reviewed posts (all reviewed posts when the actor's own do not cover every class it is given);
    ``raw_net`` keeps the model's count. Same columns as the raw table (``positive``/``negative`` are then
    estimated counts), so the same chart draws it.

    Returns
    -------
    DataFrame
        ``period, actor, positive, neutral, negative, posts, net, low, high, raw_net``; ``attrs["source"]``.
    """
    raw = net_sentiment_over_time(scored, actors=actors, freq=freq)
    raw["raw_net"] = raw["net"]
    if reviewed is None or not len(reviewed) or raw.empty:
        raw.attrs["source"] = RAW
        return raw
    from .mentions import mentions
    from .overview import _PERIODS, FREQS

    m = mentions(scored, actors=actors)
    local = m["created_at"].dt.tz_convert("UTC").dt.tz_localize(None)
    stamp = local.dt.to_period(_PERIODS[freq]).dt.start_time if freq in _PERIODS else local.dt.floor(FREQS[freq])
    m = m.assign(_period=stamp.dt.strftime("%Y-%m-%dT%H:%M:%S").to_numpy())
    ids = reviewed["post_id"].astype("string")
    parts = []
    for actor in actors:
        own = m[m["actor"].astype("string") == actor]
        if own.empty:
            continue
        mine = reviewed[ids.isin(own["post_id"].astype("string")).to_numpy()]
        table = None
        for review in (mine, reviewed):
            try:
                table = corrected_by(
                    own, review, by="_period", seed=seed, n_boot=n_boot, min_reviewed=10**9, pooling="full"
                )
                break
            except ReviewError:
                continue
        if table is None:
            continue
        table.insert(0, "actor", actor)
        parts.append(table)
    if not parts:
        raw.attrs["source"] = RAW
        return raw
    corr = pd.concat(parts, ignore_index=True)
    corr["period"] = pd.to_datetime(corr["_period"]).dt.tz_localize("UTC")
    key = ["period", "actor"]
    out = raw.merge(
        corr[
            key
            + ["corrected_net", "ci_low", "ci_high", "corrected_negative", "corrected_neutral", "corrected_positive"]
        ],
        on=key,
        how="left",
    )
    has = out["corrected_net"].notna()
    for label in ("negative", "neutral", "positive"):
        out.loc[has, label] = (out.loc[has, f"corrected_{label}"] * out.loc[has, "posts"]).round().astype(int)
    out.loc[has, "net"] = out.loc[has, "corrected_net"]
    out.loc[has, "low"] = out.loc[has, "ci_low"]
    out.loc[has, "high"] = out.loc[has, "ci_high"]
    out = out.drop(columns=[c for c in out.columns if c.startswith("corrected_") or c.startswith("ci_")])
    out.attrs["source"] = "corrected by the review"
    return out[["period", "actor", "positive", "neutral", "negative", "posts", "net", "low", "high", "raw_net"]]
