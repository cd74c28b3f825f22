"""Customer care: the cases people addressed to a brand, whether and how fast it answered.

One implementation for the monitoring report (care history) and the crisis post-mortem (response
before vs during the crisis).

Definitions
-----------
case
    A post about the brand (``actor`` is the brand, or it replies to one of the brand's posts) by an
    account that is not the brand's, not a repost; optionally only the intents asked for (e.g.
    questions and complaints, from :func:`kit.tl.intent.detect` or a labelled column).
response
    A reply by one of the brand's accounts whose ``parent_id`` is the case.
time to first response
    Hours from the case to the brand's earliest reply to it.
open case
    A case without a response that is older than ``open_after_hours`` at ``as_of`` (default: the
    last post in the data).

Examples
--------
>>> import pandas as pd
>>> t = pd.Timestamp("2024-05-01", tz="UTC")
>>> posts = pd.DataFrame({
...     "post_id": ["1", "2", "3"], "parent_id": [None, "1", None],
...     "author_handle": ["ana", "Brand_HQ", "ben"], "actor": ["Brand", "Brand", "Brand"],
...     "kind": ["post", "reply", "post"], "intent": ["complaint", None, "question"],
...     "created_at": [t, t + pd.Timedelta(hours=2), t + pd.Timedelta(hours=30)],
...     "text": ["late again", "sorry, DM us", "open on Sunday?"]})
>>> c = cases(posts, brand_handles=["@brand_hq"], brand="Brand", intent_column="intent", as_of=t + pd.Timedelta(hours=60))
>>> c[["post_id", "hours_to_response", "open"]].values.tolist()
[['1', 2.0, False], ['3', nan, True]]
>>> s = summary(c).iloc[0]
>>> int(s["cases"]), int(s["responded"]), float(s["median_hours"])
(2, 1, 2.0)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._stats import bootstrap_quantile, wilson
from .._text import handle_keys, normalise_handle
from ._sentences_monitoring import describe
from .missing import lacks_authors

__all__ = ["DEFAULT_INTENTS", "cases", "summary", "open_cases", "history", "describe", "with_topic"]

DEFAULT_INTENTS = ("complaint", "question")


def cases(
    posts: pd.DataFrame,
    *,
    brand_handles: Sequence[str],
    brand: str | None = None,
    intents: Sequence[str] | None = DEFAULT_INTENTS,
    intent_column: str | None = None,
    open_after_hours: float = 24.0,
    as_of=None,
    scored: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per case, with its first response by the brand.

    Parameters
    ----------
    brand_handles
        The brand's own account handles (any platform); their replies are the responses.
    brand
        The brand's ``actor`` value; posts tagged with it are candidate cases. When None, only the
        replies to the brand's own posts are.
    intents, intent_column
        Keep only cases whose intent is in ``intents``: read from ``intent_column`` when it is given
        (e.g. labels a team made), else detected on the candidate posts with
        :func:`kit.tl.intent.detect` (added as column ``intent``). With ``intents`` None every
        candidate is a case (then it is a response rate to all mentions: say so in the report).
    scored
        Posts already scored by :func:`kit.tl.sentiment.score` (e.g. the report's mentions): intent
        detection reuses their sentiment, matched by ``post_id``, instead of scoring the candidates
        again (which on a large table would pick another sample for the ``fast`` model); candidates
        missing from it are scored with ``model="auto"``.

    Returns
    -------
    The case posts (all their columns) plus ``responded`` (bool), ``first_response_at``,
    ``hours_to_response`` (NaN when unanswered), ``response_id``, ``response_text``, ``age_hours``
    (at ``as_of``) and ``open`` (unanswered for longer than ``open_after_hours``).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.Timestamp("2024-05-01", tz="UTC")
    >>> posts = pd.DataFrame({
    ...     "post_id": ["1", "2", "3"], "parent_id": [None, "1", None],
    ...     "author_handle": ["ana", "Brand_HQ", "ben"], "actor": ["Brand", "Brand", "Brand"],
    ...     "kind": ["post", "reply", "post"], "intent": ["complaint", None, "question"],
    ...     "created_at": [t, t + pd.Timedelta(hours=2), t + pd.Timedelta(hours=30)],
    ...     "text": ["late again", "sorry, DM us", "open on Sunday?"]})
    >>> c = cases(posts, brand_handles=["brand_hq"], brand="Brand", intent_column="intent", as_of=t + pd.Timedelta(hours=60))
    >>> c["responded"].tolist()
    [True, False]
    """
    own = {normalise_handle(h) for h in brand_handles}
    by_brand = handle_keys(posts["author_handle"]).isin(own).to_numpy(dtype=bool)
    brand_post_ids = set(posts.loc[by_brand, "post_id"].astype(str))
    about = posts["parent_id"].astype("string").isin(brand_post_ids).fillna(False).to_numpy(dtype=bool).copy()
    if brand is not None:
        about |= (posts["actor"] == brand).fillna(False).to_numpy(dtype=bool)
    not_repost = (posts["kind"] != "repost").fillna(True).to_numpy(dtype=bool).copy()
    public = ~by_brand.copy()
    if "actor_role" in posts:
        public &= ~posts["actor_role"].isin(["brand", "competitor", "media", "employee"]).fillna(False).to_numpy(
            dtype=bool
        )
    mask = about & not_repost & public
    out = posts.loc[mask].copy()
    if intents is not None:
        if intent_column is None:
            from .intent import detect

            found = detect(_with_sentiment(out, scored)) if len(out) else None
            out["intent"] = found["intent"].to_numpy() if found is not None else pd.Series(dtype="string")
            intent_column = "intent"
        elif intent_column not in posts:
            raise KeyError(f"no column {intent_column!r} to select the intents {list(intents)} from")
        out = out.loc[out[intent_column].isin(list(intents)).fillna(False).to_numpy(dtype=bool)]

    replies = posts.loc[
        by_brand & (posts["kind"] == "reply").fillna(False).to_numpy(dtype=bool),
        ["post_id", "parent_id", "created_at", "text"],
    ]
    replies = replies.dropna(subset=["parent_id"]).sort_values("created_at", kind="stable")
    first = replies.drop_duplicates("parent_id").set_index("parent_id")
    matched = first.reindex(out["post_id"].astype(str).to_numpy())
    out["first_response_at"] = matched["created_at"].to_numpy()
    out["response_id"] = pd.array(matched["post_id"].to_numpy(), dtype="string")
    out["response_text"] = pd.array(matched["text"].to_numpy(), dtype="string")
    delta = (pd.to_datetime(out["first_response_at"], utc=True) - out["created_at"]).dt.total_seconds() / 3600
    out["responded"] = delta.notna().to_numpy()
    out["hours_to_response"] = delta.astype(float)
    as_of = posts["created_at"].max() if as_of is None else pd.Timestamp(as_of)
    if as_of is not pd.NaT and as_of is not None and as_of.tzinfo is None:
        as_of = as_of.tz_localize("UTC")
    out["age_hours"] = ((as_of - out["created_at"]).dt.total_seconds() / 3600).astype(float) if len(out) else []
    out["open"] = ~out["responded"] & (out["age_hours"] > open_after_hours)
    out.attrs["as_of"] = as_of
    out.attrs["open_after_hours"] = float(open_after_hours)
    out.attrs["missing"] = lacks_authors(
        posts,
        "the brand's replies cannot be told from the public's posts, so response rate, response times "
        "and open cases are not measured",
    )
    return out


def _with_sentiment(candidates: pd.DataFrame, scored: pd.DataFrame | None) -> pd.DataFrame:
    from .sentiment import COLUMNS, score

    if scored is None:
        return candidates
    first = scored.drop_duplicates("post_id")
    known = first.set_index(first["post_id"].astype(str))
    ids = candidates["post_id"].astype(str).to_numpy()
    found = pd.Index(known.index).get_indexer(ids)
    out = candidates.drop(columns=[c for c in COLUMNS if c in candidates.columns]).copy()
    for col in COLUMNS:
        out[col] = known[col].to_numpy()[found] if len(known) else np.full(len(out), np.nan)
    missing = found < 0
    if missing.any():
        fresh = score(candidates.loc[missing], model="auto")
        for col in COLUMNS:
            out.loc[missing, col] = fresh[col].to_numpy()
    out["sentiment"] = out["sentiment"].astype("string")
    return out


def summary(
    case_frame: pd.DataFrame, *, by: str | None = None, level: float = 0.95, n_boot: int = 1000, seed: int = 0
) -> pd.DataFrame:
    """Response rate (Wilson interval) and median / 90th-percentile hours to first response (bootstrap
    intervals), overall or per ``by`` group.

    Columns: ``[by], cases, responded, response_rate, rate_low, rate_high, median_hours, median_low,
    median_high, p90_hours, p90_low, p90_high, open_cases``. An empty input gives one row with 0 cases.

    Parameters
    ----------
    case_frame
        Cases from :func:`cases`.
    by
        Grouping column (None: one overall row).
    level, n_boot, seed
        Coverage of the intervals, bootstrap resamples and their seed (:func:`kit._stats.bootstrap_quantile`).

    Returns
    -------
    DataFrame
        One row per group (or one overall row), the columns above.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.Timestamp("2024-05-01", tz="UTC")
    >>> posts = pd.DataFrame({
    ...     "post_id": ["1", "2", "3"], "parent_id": [None, "1", None],
    ...     "author_handle": ["ana", "Brand_HQ", "ben"], "actor": ["Brand", "Brand", "Brand"],
    ...     "kind": ["post", "reply", "post"], "intent": ["complaint", None, "question"],
    ...     "created_at": [t, t + pd.Timedelta(hours=2), t + pd.Timedelta(hours=30)],
    ...     "text": ["late again", "sorry, DM us", "open on Sunday?"]})
    >>> c = cases(posts, brand_handles=["brand_hq"], brand="Brand", intent_column="intent", as_of=t + pd.Timedelta(hours=60))
    >>> summary(c, by="intent")[["intent", "cases", "responded"]].values.tolist()
    [['complaint', 1, 1], ['question', 1, 0]]
    """
    rng = np.random.default_rng(seed)
    groups = [(None, case_frame)] if by is None else list(case_frame.groupby(by, sort=True, observed=True))
    rows = []
    for key, g in groups:
        n = len(g)
        k = int(g["responded"].sum()) if n else 0
        low, high = wilson(k, n, level) if n else (np.nan, np.nan)
        hours = g.loc[g["responded"], "hours_to_response"].to_numpy(dtype=float) if n else np.zeros(0)
        med = float(np.median(hours)) if len(hours) else np.nan
        p90 = float(np.quantile(hours, 0.9)) if len(hours) else np.nan
        m_low, m_high = bootstrap_quantile(hours, 0.5, n_boot=n_boot, level=level, rng=rng)
        p_low, p_high = bootstrap_quantile(hours, 0.9, n_boot=n_boot, level=level, rng=rng)
        row = {
            "cases": n,
            "responded": k,
            "response_rate": k / n if n else np.nan,
            "rate_low": low,
            "rate_high": high,
            "median_hours": med,
            "median_low": m_low,
            "median_high": m_high,
            "p90_hours": p90,
            "p90_low": p_low,
            "p90_high": p_high,
            "open_cases": int(g["open"].sum()) if n else 0,
        }
        rows.append(({by: key} if by is not None else {}) | row)
    columns = ([by] if by is not None else []) + [
        "cases",
        "responded",
        "response_rate",
        "rate_low",
        "rate_high",
        "median_hours",
        "median_low",
        "median_high",
        "p90_hours",
        "p90_low",
        "p90_high",
        "open_cases",
    ]
    out = pd.DataFrame(rows, columns=columns)
    out.attrs = {k: case_frame.attrs[k] for k in ("as_of", "open_after_hours", "missing") if k in case_frame.attrs}
    if out.attrs.get("missing"):  # no author: 0 replies found is not 0 replies given
        unknown = [c for c in columns if c not in (by, "cases")]
        out[unknown] = np.nan
    return out


def open_cases(
    case_frame: pd.DataFrame,
    *,
    n: int = 20,
    columns=("created_at", "platform", "author_handle", "intent", "age_hours", "text"),
) -> pd.DataFrame:
    """The oldest unanswered cases past the threshold, oldest first (columns that exist only).

    Parameters
    ----------
    case_frame
        Cases from :func:`cases`.
    n
        Rows shown.
    columns
        Columns shown (those that exist).

    Returns
    -------
    DataFrame
        The open cases, oldest first.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.Timestamp("2024-05-01", tz="UTC")
    >>> posts = pd.DataFrame({
    ...     "post_id": ["1", "2", "3"], "parent_id": [None, "1", None],
    ...     "author_handle": ["ana", "Brand_HQ", "ben"], "actor": ["Brand", "Brand", "Brand"],
    ...     "kind": ["post", "reply", "post"], "intent": ["complaint", None, "question"],
    ...     "created_at": [t, t + pd.Timedelta(hours=2), t + pd.Timedelta(hours=30)],
    ...     "text": ["late again", "sorry, DM us", "open on Sunday?"]})
    >>> c = cases(posts, brand_handles=["brand_hq"], brand="Brand", intent_column="intent", as_of=t + pd.Timedelta(hours=60))
    >>> open_cases(c)["text"].tolist()
    ['open on Sunday?']
    """
    cols = [c for c in columns if c in case_frame]
    if case_frame.attrs.get("missing"):
        out = pd.DataFrame(columns=cols)
        out.attrs["note"] = case_frame.attrs["missing"]
        return out
    out = (
        case_frame.loc[case_frame["open"], cols]
        .sort_values("age_hours", ascending=False)
        .head(n)
        .reset_index(drop=True)
    )
    hours = case_frame.attrs.get("open_after_hours")
    out.attrs["note"] = (
        ""
        if len(out)
        else "No case is waiting for a reply" + (f" for more than {hours:g} h." if hours is not None else ".")
    )
    return out


def history(
    case_frame: pd.DataFrame, *, by: str, n_examples: int = 2, level: float = 0.95, seed: int = 0
) -> pd.DataFrame:
    """How similar cases were handled before: per ``by`` value (a complaint topic or reason), the cases,
    response rate and times (:func:`summary`), and examples of a case with the brand's answer.

    Extra columns: ``example_case`` and ``example_response`` (the most recent answered case), and
    ``example_unanswered`` (the most recent unanswered one), as text.

    Parameters
    ----------
    case_frame
        Cases from :func:`cases` (with the ``by`` column, e.g. from :func:`with_topic`).
    by
        Grouping column.
    n_examples
        Kept for compatibility; one example of each kind is given.
    level, seed
        As in :func:`summary`.

    Returns
    -------
    DataFrame
        :func:`summary` by ``by`` plus the example columns, largest groups first.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.Timestamp("2024-05-01", tz="UTC")
    >>> posts = pd.DataFrame({
    ...     "post_id": ["1", "2", "3"], "parent_id": [None, "1", None],
    ...     "author_handle": ["ana", "Brand_HQ", "ben"], "actor": ["Brand", "Brand", "Brand"],
    ...     "kind": ["post", "reply", "post"], "intent": ["complaint", None, "question"],
    ...     "created_at": [t, t + pd.Timedelta(hours=2), t + pd.Timedelta(hours=30)],
    ...     "text": ["late again", "sorry, DM us", "open on Sunday?"]})
    >>> c = cases(posts, brand_handles=["brand_hq"], brand="Brand", intent_column="intent", as_of=t + pd.Timedelta(hours=60))
    >>> history(c, by="intent")[["intent", "cases", "example_response"]].values.tolist()
    [['complaint', 1, 'sorry, DM us'], ['question', 1, nan]]
    """
    table = summary(case_frame, by=by, level=level, seed=seed)
    if table.empty or case_frame.empty:
        return table.assign(
            example_case=pd.Series(dtype="string"),
            example_response=pd.Series(dtype="string"),
            example_unanswered=pd.Series(dtype="string"),
        )
    examples = []
    for key, g in case_frame.groupby(by, sort=True, observed=True):
        g = g.sort_values("created_at", ascending=False)
        answered = g[g["responded"]]
        unanswered = g[~g["responded"]]
        examples.append(
            {
                by: key,
                "example_case": answered["text"].iloc[0] if len(answered) else pd.NA,
                "example_response": answered["response_text"].iloc[0] if len(answered) else pd.NA,
                "example_unanswered": unanswered["text"].iloc[0] if len(unanswered) else pd.NA,
            }
        )
    out = table.merge(pd.DataFrame(examples), on=by, how="left")
    out = out.sort_values("cases", ascending=False, kind="stable").reset_index(drop=True)
    out.attrs = dict(table.attrs)
    if out.attrs.get("missing"):  # no reply can be found: no case is an example of an unanswered one
        out["example_unanswered"] = pd.NA
    return out


def with_topic(
    case_frame: pd.DataFrame,
    *,
    column: str | None = None,
    seed: int = 0,
    embedder="use",
    min_topic_size: int | None = None,
    max_fit: int = 5_000,
) -> pd.DataFrame:
    """Add a ``topic`` column to the cases: the values of ``column`` when the export carries a reason or
    category (e.g. a listening tool's complaint reason), else the label of the topic each case falls in
    when topics are fitted on the cases' own texts (:func:`kit.tl.topics.fit`, seeded, cached embeddings).

    Cases without a value get ``(none)``; a frame of fewer than 20 cases is not clustered (``(too few
    cases)``), since topics on a handful of posts mean nothing. Above ``max_fit`` cases, topics are
    fitted (UMAP with the 200 epochs it gives large data) on a random sample of ``max_fit`` of their distinct texts, drawn by a seeded hash of each text
    (:func:`kit.tl.distil.sample_texts`, the rule of the sentiment model's sample: with the same seed the
    texts both read are embedded once), and the other texts get the label a student taught on that sample
    gives them (:func:`kit.tl.distil.fit`: hashed word n-grams, its agreement with the fitted topics
    measured on held-out sample texts). ``attrs["note"]`` says which was done.

    Parameters
    ----------
    case_frame
        Cases from :func:`cases`.
    column
        A column of the export to group by instead of fitting topics.
    seed, embedder, min_topic_size, max_fit
        Seed, embedder of :func:`kit.tl.embed.embed`, smallest topic, and the most cases topics are fitted on.

    Returns
    -------
    DataFrame
        The cases with a ``topic`` column; ``attrs["note"]`` says how it was made.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.Timestamp("2024-05-01", tz="UTC")
    >>> posts = pd.DataFrame({
    ...     "post_id": ["1", "2", "3"], "parent_id": [None, "1", None],
    ...     "author_handle": ["ana", "Brand_HQ", "ben"], "actor": ["Brand", "Brand", "Brand"],
    ...     "kind": ["post", "reply", "post"], "intent": ["complaint", None, "question"],
    ...     "created_at": [t, t + pd.Timedelta(hours=2), t + pd.Timedelta(hours=30)],
    ...     "text": ["late again", "sorry, DM us", "open on Sunday?"]})
    >>> c = cases(posts, brand_handles=["brand_hq"], brand="Brand", intent_column="intent", as_of=t + pd.Timedelta(hours=60))
    >>> with_topic(c)["topic"].tolist()
    ['(too few cases)', '(too few cases)']
    """
    out = case_frame.copy()
    if column is not None:
        if column not in out:
            raise KeyError(f"no column {column!r} to group the cases by")
        out["topic"] = out[column].astype("string").fillna("(none)").to_numpy()
        out.attrs["note"] = f"Cases grouped by the export's {column!r} column."
        return out
    if len(out) < 20:
        out["topic"] = pd.Series("(too few cases)", index=out.index, dtype="string")
        out.attrs["note"] = f"{len(out)} cases: too few to group by topic."
        return out
    from . import distil
    from .embed import embed
    from .topics import fit

    def teacher(rows, n_epochs=None):
        sample = out.iloc[rows]
        vectors = embed(sample, embedder=embedder, progress=False)
        result = fit(sample, vectors, seed=seed, min_topic_size=min_topic_size, n_epochs=n_epochs)
        labels = result.assignments.set_index("post_id")["label"]
        return labels.reindex(sample["post_id"].to_numpy()).astype("string").fillna("(none)").to_numpy()

    if len(out) <= max_fit:
        out["topic"] = pd.array(teacher(np.arange(len(out))), dtype="string")
        out.attrs["note"] = f"Topics fitted on the {len(out):,} cases' own texts."
        return out
    # many cases: topics on a sample of their distinct texts (a copy adds no information), drawn by a seeded
    # hash of the text as the sentiment model's sample is (kit.tl.distil.sample_texts), so the texts both read
    # are embedded once; a student labels the other texts
    texts = out["text"].astype("string").fillna("")
    langs = out["lang"].astype("string").fillna("und") if "lang" in out else None
    codes, _ = pd.factorize(texts if langs is None else texts + "\x1f" + langs, sort=False)
    first = np.unique(codes, return_index=True)[1]
    u_texts = texts.iloc[first].tolist()
    u_langs = None if langs is None else langs.iloc[first].tolist()
    # UMAP's own number of epochs for large data (200; 500 below 10,000 points): 2.8 s less on the sample
    topic, source, student = distil.distil(
        u_texts, lambda rows: teacher(first[rows], n_epochs=200), langs=u_langs, sample=max_fit, seed=seed
    )
    if student is None:
        note = f"Topics fitted on the {len(first):,} distinct texts of the {len(out):,} cases."
    else:
        taught = int((source == "teacher").sum())
        note = (
            f"Topics fitted on a random sample of {taught:,} of the {len(first):,} distinct texts of the "
            f"{len(out):,} cases (drawn by a seeded hash of each text, as the sentiment model's sample is, so "
            f"that a text both read is embedded once); the other {len(first) - taught:,} texts were given a "
            f"topic by a student (logistic regression on hashed word n-grams) taught on the sample, which agrees "
            f"with the fitted topics on {student.agreement:.1%} of {student.holdout:,} held-out sample texts."
        )
    out["topic"] = pd.array(np.asarray(topic, dtype=object)[codes], dtype="string")
    out.attrs["note"] = note
    return out
