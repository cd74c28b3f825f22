"""Column labels in words for the report tables (:func:`kit.format.label`); raw names stay in the exports."""

from __future__ import annotations

__all__ = ["LABELS", "label"]

#: Column labels in words (raw names stay in the exports). Names not listed read with spaces for underscores.
LABELS = {
    "actor": "Actor",
    "actor_role": "Role",
    "actor_a": "Actor",
    "actor_b": "Other actor",
    "author": "Author",
    "author_handle": "Author",
    "created_at": "Posted",
    "posts": "Posts",
    "mentions": "Mentions",
    "share": "Share",
    "low": "Low",
    "high": "High",
    "net": "Net sentiment",
    "net_sentiment": "Net sentiment",
    "model_net": "Net sentiment (model)",
    "corrected_net": "Net sentiment (corrected)",
    "corrected_negative": "Negative (corrected)",
    "corrected_neutral": "Neutral (corrected)",
    "corrected_positive": "Positive (corrected)",
    "n_reviewed": "Posts reviewed",
    "confusion": "Error rates measured on",
    "p_value": "p",
    "q_value": "q (adjusted p)",
    "p_adjusted": "Adjusted p",
    "z": "z",
    "rate_ratio": "Rate ratio",
    "response_rate": "Response rate",
    "median_hours": "Median time to answer",
    "p90_hours": "90th percentile time to answer",
    "open_cases": "Open cases",
    "age_hours": "Waiting for",
    "hours_to_statement": "Time to first statement",
    "hours_to_reply": "Time to first reply",
    "hours_to_half": "Time to half its size",
    "half_life": "Half-life",
    "half_life_periods": "Half-life (periods)",
    "time_to_peak": "Time to peak",
    "duration": "Duration",
    "peak_value": "Posts at the peak",
    "peak_excess": "Excess at the peak",
    "back_to_baseline": "Back to baseline",
    "current_start": "Current period: first day",
    "current_end": "Current period: last day",
    "previous_start": "Previous period: first day",
    "previous_end": "Previous period: last day",
    "relative_change": "Relative change",
    "significant": "Significant",
    "rate_a": "Rate A",
    "rate_b": "Rate B",
    "mde": "Smallest detectable difference",
    "median_rate_followers": "Median engagement rate (followers)",
    "median_rate_views": "Median engagement rate (views)",
    "median_rate_reach": "Median engagement rate (reach)",
    "median_interactions": "Median interactions",
    "mean_interactions": "Mean interactions",
    "posts_with_views": "Posts with views",
    "posts_with_reach": "Posts with reach",
    "times_benchmark": "Times the benchmark",
    "share_of_intent": "Share of intent",
    "intended_share": "Intended share",
    "under_served": "Under-served",
    "covered_by": "Covered by",
    "first_post": "First post",
    "last_post": "Last post",
    "posts_per_week": "Posts per week",
    "posts_per_active_day": "Posts per active day",
    "median_hours_between": "Median time between posts",
    "longest_silence_days": "Longest silence (days)",
    "share_fr": "Share in French",
    "share_de": "Share in German",
    "share_en": "Share in English",
    "posts_fr": "Posts in French",
    "posts_de": "Posts in German",
    "posts_en": "Posts in English",
    "lang": "Language",
    "kind": "Kind",
    "post_id": "Post id",
    "topic": "Topic",
    "label": "Label",
    "engagement_per_post": "Engagement per post",
    "share_of_engagement": "Share of engagement",
    "n_actors": "Actors mentioned",
    "reposts_seen": "Reposts seen",
    "reposts_made": "Reposts made",
    "amplification_received": "Amplification received",
    "share_of_amplification": "Share of amplification",
    "share_of_posts": "Share of posts",
    "share_of_topic": "Share of topic",
    "share_of_group": "Share of group",
    "log_odds": "Log-odds",
    "statement_post_id": "Statement post id",
    "statement_text": "Statement",
    "first_statement": "First statement",
    "first_reply": "First reply",
}


def label(name) -> str:
    """A column name in words: from :data:`LABELS`, else underscores read as spaces, first letter capital.

    Examples
    --------
    >>> label("q_value"), label("median_rate_followers_low"), label("posts: brand")
    ('q (adjusted p)', 'Median rate followers low', 'Posts: brand')
    """
    name = str(name)
    if name in LABELS:
        return LABELS[name]
    text = name.replace("_", " ").strip()
    return text[:1].upper() + text[1:]
