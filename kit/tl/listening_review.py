"""The human review loop as the listening report runs it: which posts to review, what a filled review says.

:func:`review_sample` draws the stratified sample (a frame; :func:`kit.io.review_sample.write_review_sample`
writes it beside the report as :data:`REVIEW_FILE_NAME`), and :func:`review_results` reads what reviewers
labelled (a frame from :func:`kit.io.review.load`) into agreement and corrected sentiment shares.
Nothing here reads or writes a file.

>>> import pandas as pd
>>> review_results(pd.DataFrame({"post_id": ["a"]}), None)["corrected"].empty
True
"""

from __future__ import annotations

import pandas as pd

__all__ = ["REVIEW_FILE_NAME", "review_sample", "review_results"]

#: The listening report's review sample, written beside the report.
REVIEW_FILE_NAME = "listening_review_sample.csv"

#: What :func:`review_sample` notes when it draws nothing.
NO_SAMPLE = "no sample drawn (review_items is 0 or there are no posts)"


def review_sample(posts: pd.DataFrame, *, n: int = 200, seed: int = 0) -> pd.DataFrame:
    """The stratified review sample of ``posts``.

    :func:`kit.tl.review.draw_sample`: by predicted sentiment, language, topic and confidence band,
    uncertain posts drawn more; topic numbers are read as categories.

    Parameters
    ----------
    posts
        Scored posts (``post_id``, ``sentiment``, ``confidence``, ``lang``, ``topic``...).
    n
        Posts to draw; 0 draws none.
    seed
        Seeds the draw: the same seed gives the same sample.

    Returns
    -------
    DataFrame
        The sample with its design ``weight`` and ``attrs["strata"]``; empty, with ``attrs["note"]``
        saying why, when ``n`` is 0 or there are no posts.

    Examples
    --------
    >>> empty = review_sample(pd.DataFrame({"post_id": ["a"]}), n=0)
    >>> empty.empty, empty.attrs["note"]
    (True, 'no sample drawn (review_items is 0 or there are no posts)')
    """
    from . import review

    if n <= 0 or posts.empty:
        empty = posts.iloc[0:0].copy()
        empty.attrs["note"] = NO_SAMPLE
        return empty
    frame = posts.copy()
    if "topic" in frame.columns:
        frame["topic"] = frame["topic"].astype("string")
    return review.draw_sample(frame, n=n, seed=seed)


def review_results(
    posts: pd.DataFrame, reviewed: pd.DataFrame | None, *, source=None, seed: int = 0, n_boot: int = 2000
) -> dict:
    """What a filled review says: ``{"status", "agreement", "corrected"}`` tables.

    Parameters
    ----------
    posts
        The report's scored posts.
    reviewed
        The filled review (:func:`kit.io.review.load`), or ``None`` when there is none yet.
    source
        The review file(s) as given, named in ``status``.
    seed, n_boot
        Seed and resamples of the bootstrap intervals.

    Returns
    -------
    dict
        Without a review, ``status`` says so and the other two tables are empty. Otherwise ``agreement``
        is Cohen's kappa between reviewers and with the model (:func:`kit.tl.review.agreement`) and
        ``corrected`` the corrected negative/neutral/positive shares and net sentiment of ``posts`` with
        bootstrap intervals (:func:`kit.tl.review.corrected_shares`).

    Examples
    --------
    >>> review_results(pd.DataFrame({"post_id": ["a"]}), None)["status"]["review"].item()[:16]
    'No review file g'
    """
    from . import review

    if reviewed is None:
        status = pd.DataFrame(
            {
                "review": [
                    "No review file given (parameter review_file is empty): the sentiment "
                    "figures above are the model's, uncorrected."
                ]
            }
        )
        return {"status": status, "agreement": pd.DataFrame(), "corrected": pd.DataFrame()}
    n_reviewed = int(reviewed["reviewed"].sum()) if "reviewed" in reviewed.columns else len(reviewed)
    known = reviewed["post_id"].astype(str).isin(posts["post_id"].astype(str))
    name = source if source is not None else "the review file"
    status = pd.DataFrame(
        {
            "review": [
                f"{name}: {len(reviewed)} rows, {n_reviewed} labelled by at least one "
                f"reviewer, {int(known.sum())} found among this report's posts."
            ]
        }
    )
    if n_reviewed == 0:
        return {"status": status, "agreement": pd.DataFrame(), "corrected": pd.DataFrame()}
    agreement = review.agreement(reviewed, posts=posts, seed=seed)
    corrected = review.corrected_shares(posts, reviewed[known.to_numpy()], seed=seed, n_boot=n_boot)
    return {"status": status, "agreement": agreement, "corrected": corrected}
