"""What a table of :func:`kit.tl.group_estimate.estimate` says in words: which figure to trust, and why.

One sentence set per table: whether the figures are corrected by a review or the model's raw count (then with
the bias the model showed on real data, read from the model's metadata, never written here), which groups
have too few reviewed posts of their own, and where the raw count and the corrected estimate disagree in
sign (and, for ordered groups such as crisis phases, in direction).

>>> import pandas as pd
>>> table = pd.DataFrame({"phase": ["before"], "posts": [10], "net_sentiment": [0.2]})
>>> table.attrs.update(corrected=False, why_raw="no review", bias="", by=["phase"])
>>> describe(table, what="phase")[:61]
'No reviewed sample: the figures per phase are the model’s raw'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["describe", "disagreements", "title"]

RAW_NET = "raw net sentiment (uncorrected)"
RAW_NEG = "raw negative share (uncorrected)"


def _names(table: pd.DataFrame, what: str) -> list[str]:
    """Each row's group as a reader names it (a topic by its label when the table has one)."""
    by = table.attrs.get("by") or [table.columns[0]]
    if "label" in table.columns and by[0] == "topic":
        base = [f"{t} ({lab})" for t, lab in zip(table["topic"], table["label"])]
        rest = by[1:]
    else:
        base, rest = [""] * len(table), by
    out = []
    for i in range(len(table)):
        parts = [base[i]] if base[i] else []
        parts += [str(table[c].iloc[i]) for c in rest if c in table.columns]
        out.append(" · ".join(parts) if parts else f"{what} {i}")
    return out


def _listed(items: list[str], limit: int = 5) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def disagreements(table: pd.DataFrame) -> dict:
    """Where the raw count and the corrected estimate tell different stories.

    Returns ``{"sign": [row numbers], "undetermined": [rows of those whose interval spans 0], "direction":
    [(row a, row b, raw says, corrected says)]}``; direction is checked between consecutive rows of an
    ordered table (``attrs["ordered"]``) on the negative share, and only where the corrected intervals of the
    two do not overlap (a change the estimate can see).

    >>> t = pd.DataFrame({"net_sentiment": [-0.4, 0.1], "net_low": [-0.6, -0.2], "net_high": [-0.2, 0.4],
    ...                   "negative_share": [0.5, 0.2], "negative_share_low": [0.4, 0.1],
    ...                   "negative_share_high": [0.6, 0.3], RAW_NET: [0.3, 0.2], RAW_NEG: [0.2, 0.3]})
    >>> t.attrs.update(corrected=True, ordered=True)
    >>> disagreements(t)
    {'sign': [0], 'undetermined': [], 'direction': [(0, 1, 'rises', 'falls')]}
    """
    out = {"sign": [], "undetermined": [], "direction": []}
    if not table.attrs.get("corrected") or table.empty:
        return out
    est, raw = table["net_sentiment"].to_numpy(float), table[RAW_NET].to_numpy(float)
    with np.errstate(invalid="ignore"):
        sign = np.isfinite(est) & np.isfinite(raw) & (np.sign(est) * np.sign(raw) < 0)
        spans = (table["net_low"].to_numpy(float) < 0) & (table["net_high"].to_numpy(float) > 0)
    out["sign"] = [int(i) for i in np.flatnonzero(sign)]
    out["undetermined"] = [int(i) for i in np.flatnonzero(sign & spans)]
    if table.attrs.get("ordered"):
        neg, rneg = table["negative_share"].to_numpy(float), table[RAW_NEG].to_numpy(float)
        low, high = table["negative_share_low"].to_numpy(float), table["negative_share_high"].to_numpy(float)
        for a in range(len(table) - 1):
            b = a + 1
            seen = low[b] > high[a] or high[b] < low[a]
            d_est, d_raw = np.sign(neg[b] - neg[a]), np.sign(rneg[b] - rneg[a])
            if seen and d_est * d_raw < 0:
                word = {1.0: "rises", -1.0: "falls"}
                out["direction"].append((a, b, word[float(d_raw)], word[float(d_est)]))
    return out


def describe(table: pd.DataFrame, *, what: str = "topic", review_parameter: str = "review_file") -> str:
    """The sentences that go with a :func:`kit.tl.group_estimate.estimate` table.

    Parameters
    ----------
    table
        The estimate table (its ``attrs`` say how it was made).
    what
        What a group is, singular (``topic``, ``phase``).
    review_parameter
        The report's parameter that takes a filled review, named when there is none.

    Returns
    -------
    str
        One paragraph.

    Examples
    --------
    >>> t = pd.DataFrame({"phase": ["before", "peak"], "posts": [50, 80], "reviewed": [12, 3],
    ...                   "net_sentiment": [-0.4, -0.8], "net_low": [-0.6, -0.95], "net_high": [-0.2, -0.5],
    ...                   "negative_share": [0.5, 0.8], "negative_share_low": [0.4, 0.6],
    ...                   "negative_share_high": [0.6, 0.9], "estimate": ["corrected by its reviewed posts",
    ...                   "corrected, few reviewed posts of its own"], RAW_NET: [0.3, -0.5], RAW_NEG: [0.2, 0.6]})
    >>> t.attrs.update(corrected=True, ordered=True, by=["phase"], reviewed_used=15, review_rows=40, min_reviewed=10,
    ...                spread_measured={"negative": True})
    >>> text = describe(t, what="phase")
    >>> "trust the corrected figure" in text, "peak" in text, "before" in text
    (True, True, True)
    """
    attrs = table.attrs
    plural = what + "s"
    if not attrs.get("corrected"):
        why = attrs.get("why_raw") or "no review"
        head = (
            f"No reviewed sample: the figures per {what} are the model’s raw count, uncorrected"
            if why == "no review"
            else f"The review could not correct the figures per {what} ({why}): they are the model’s raw count, "
            "uncorrected"
        )
        bias = attrs.get("bias") or ""
        return (
            f"{head}; their intervals cover sampling noise only, not the model’s errors. "
            + (bias + " " if bias else "The model’s errors on real posts were not measured. ")
            + f"Differences between {plural} of a few points are not findings: review a sample and give it as "
            f"parameter {review_parameter} to correct them."
        )
    names = _names(table, what)
    parts = [
        f"Negative share and net sentiment per {what} are corrected by the human review "
        f"({attrs.get('reviewed_used', 0):,} reviewed posts among this report’s posts, of "
        f"{attrs.get('review_rows', 0):,} rows in the review file): the model’s errors measured on the reviewed "
        "posts are taken out of its counts. The model’s own count stays beside each figure, labelled raw "
        "(uncorrected); where they differ, trust the corrected figure, whose interval carries the review’s "
        f"sampling error and how much the {plural}’ errors differ."
    ]
    few = [
        n
        for n, e in zip(names, table.get("estimate", pd.Series(dtype=str)))
        if str(e) != "corrected by its reviewed posts"
    ]
    if few:
        none = [n for n, r in zip(names, table["reviewed"]) if int(r) == 0]
        parts.append(
            f"{len(few)} of {len(table)} {plural} have fewer than {attrs.get('min_reviewed', 10)} reviewed posts in a "
            f"class the model gives them ({_listed(few)}"
            + (f"; none at all for {_listed(none, 3)}" if none else "")
            + f"): their errors are borrowed in part from the other {plural}’ reviewed posts, which may not hold "
            f"for them, so their intervals are wider; review more of their posts before quoting them."
        )
    if not all((attrs.get("spread_measured") or {"": True}).values()):
        parts.append(
            f"How much the {plural}’ errors differ could not be measured for every class (fewer than two {plural} "
            "with reviewed posts in it): the intervals then assume a wide spread."
        )
    found = disagreements(table)
    if found["sign"]:
        signed = [names[i] for i in found["sign"]]
        sentence = (
            f"For {_listed(signed)} the raw count and the corrected estimate disagree in sign: trust the corrected "
            "figure"
        )
        if found["undetermined"]:
            sentence += f", though its interval spans zero for {_listed([names[i] for i in found['undetermined']], 3)}"
            sentence += " (the tone there is undetermined)"
        parts.append(sentence + ".")
    for a, b, raw_says, est_says in found["direction"]:
        parts.append(
            f"From {names[a]} to {names[b]} the raw negative share {raw_says} while the corrected one {est_says}: "
            "trust the corrected figure."
        )
    return " ".join(parts)


def title(table: pd.DataFrame, what: str) -> str:
    """A chart title that says which figure the chart draws: corrected by the review, or the raw count.

    >>> t = pd.DataFrame({"phase": ["peak"]})
    >>> t.attrs["corrected"] = False
    >>> title(t, "Negative share by phase")
    'Negative share by phase: the model’s raw count, UNCORRECTED (95 % intervals of the count only)'
    >>> t.attrs["corrected"] = True
    >>> title(t, "Negative share by phase")
    'Negative share by phase: corrected by the human review (95 % intervals; the raw count is in the table)'
    """
    if table.attrs.get("corrected"):
        return f"{what}: corrected by the human review (95 % intervals; the raw count is in the table)"
    return f"{what}: the model’s raw count, UNCORRECTED (95 % intervals of the count only)"
