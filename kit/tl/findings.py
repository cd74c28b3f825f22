"""The audit in words: what it covers (:func:`overview`), what it found (:func:`findings`), and the
definitions it uses (:data:`DEFINITIONS`).

Each finding carries the figure it rests on and the report section it comes from; only effects that
pass the Holm-adjusted test are stated as effects.

>>> findings(brand="b").empty
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .owned import OWN_ROLES
from .performance import BENCHMARK_SOURCE
from .pillars import under_served
from .tables import pct

__all__ = ["DEFINITIONS", "definitions", "overview", "findings"]

DEFINITIONS: dict[str, str] = {
    "own posts": "Posts published by the listed accounts of the brand, the competitors and the media "
    "(matched on the author handle, or author id); their actor is the tracked actor or the handle.",
    "interactions": "likes + shares + comments + quotes of a post (missing counts as 0).",
    "engagement rate (followers)": "interactions / followers of the account that posted, per post; the table "
    "shows the median post with a bootstrap 95 % interval, so one viral post "
    "does not move it.",
    "engagement rate (views)": "interactions / views (impressions) for posts whose export reports views; "
    "likewise / reach.",
    "benchmark": f"{BENCHMARK_SOURCE}: average (mean) engagement rate per post in 2020, Facebook 0.26 %, "
    "Instagram 1.16 %, Twitter 0.06 % (interactions / followers); compared with the mean rate of an actor's "
    "posts on the same platform (a median benchmark with the median post). Other platforms have no published "
    "figure here; a team can pass its own table (parameter benchmark_file).",
    "gap": "A silence of an actor (no own post on any platform) of at least the given number of days.",
    "keyness": "Weighted log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008) of a term in "
    "one actor's posts against all other actors' posts in the same language; the prior is the "
    "term's frequency in the whole corpus; z = log-odds / its standard deviation. |z| > 1.96 is "
    "distinctive at the 5 % level (not corrected for the number of terms: read it as a ranking). "
    "Counts are posts containing the term, so one post repeating a word counts once.",
    "pillar": "A post belongs to the stated pillar whose keywords it contains, or else to the pillar whose "
    "description or keywords it is most similar to in the multilingual embedding space (cosine) when "
    "that similarity is at least the threshold; otherwise to 'other'.",
    "divergence": "Jensen-Shannon divergence (base 2, 0 = same distribution, 1 = disjoint) between two "
    "distributions of posts over the pillars and 'other'; the stated intent spreads posts evenly "
    "over the pillars (or by the given weights) with none in 'other'. Interval: percentile "
    "bootstrap over posts.",
    "under-served pillar": "A pillar whose share of the brand's posts is, even at the top of its 95 % Wilson "
    "interval, less than half its intended share.",
    "rate ratio": "From a negative-binomial regression of interactions per post on format, hour band, paid, "
    "platform and pillar, with the actor as a control and log(followers) as offset (over-dispersion "
    "estimated by moments from a Poisson fit; standard errors scaled by the Pearson statistic): how "
    "many times the interactions of the reference level a level earns, all else equal. Intervals "
    "95 %; p-values Holm-adjusted within each model.",
}
"""The terms the audit report defines, with their definitions."""

_WHO = {"brand": "the brand", "competitor": "competitors", "media": "the media"}
_FINDING_COLUMNS = ["finding", "evidence", "section"]


def _finding(finding: str, evidence: str, section: str) -> dict:
    """One row of :func:`findings`."""
    return {"finding": finding, "evidence": evidence, "section": section}


def definitions() -> pd.DataFrame:
    """The audit's definitions (:data:`DEFINITIONS`) as a table for the report.

    Returns
    -------
    DataFrame
        ``term, definition``.

    Examples
    --------
    >>> definitions()["term"].iloc[0]
    'own posts'
    """
    return pd.DataFrame({"term": list(DEFINITIONS), "definition": list(DEFINITIONS.values())})


def overview(own: pd.DataFrame, *, all_kinds: pd.DataFrame | None = None) -> list[str]:
    """Sentences saying what the audit covers: own posts analysed per role, or that there are none and why.

    Parameters
    ----------
    own
        The own posts analysed (:func:`kit.tl.owned.own_posts`, with the kinds analysed).
    all_kinds
        The own posts of every kind, to tell "no post at all" from "no post of the kinds analysed".

    Returns
    -------
    list of str
        One line per role (posts and actors, or that the role is absent) and the period; or a single
        sentence saying why there is nothing to measure.

    Examples
    --------
    >>> import pandas as pd
    >>> own = pd.DataFrame({"actor_role": ["brand", "brand"], "actor": ["B", "B"],
    ...                     "created_at": pd.to_datetime(["2026-01-05", "2026-01-09"], utc=True)})
    >>> for line in overview(own):
    ...     print(line)
    brand: 2 posts from 1 actor(s) (B 2)
    competitor: no post in this period; comparisons with the competitor are left out.
    media: no post in this period; comparisons with the media are left out.
    from 2026-01-05 to 2026-01-09
    >>> overview(own.iloc[:0], all_kinds=own)[0].startswith("The listed accounts published 2 posts")
    True
    """
    if own.empty:
        found = 0 if all_kinds is None else len(all_kinds)
        if found:
            return [
                f"The listed accounts published {found} posts in this period, but none of the kinds analysed "
                "(see the kinds parameter): the sections below have nothing to measure."
            ]
        return [
            "No post of the listed brand, competitor or media accounts in this period: check the account "
            "handles in the parameters (brand_accounts, competitor_accounts, media_accounts) and the period. "
            "The sections below have nothing to measure."
        ]
    lines = []
    for role in OWN_ROLES:
        part = own[own["actor_role"] == role]
        if len(part):
            actors = part["actor"].value_counts()
            lines.append(
                f"{role}: {len(part):,} posts from {len(actors)} actor(s) ("
                + ", ".join(f"{a} {n:,}" for a, n in actors.head(8).items())
                + (", ..." if len(actors) > 8 else "")
                + ")"
            )
        else:
            lines.append(f"{role}: no post in this period; comparisons with the {role} are left out.")
    start, end = own["created_at"].min(), own["created_at"].max()
    lines.append(f"from {start:%Y-%m-%d} to {end:%Y-%m-%d}")
    return lines


def _level_words(term: str, level: str) -> str:
    """A level of an effect in words: ``paid``/``paid`` is "paid posts", ``hour``/``18-20`` "posts at 18-20 h"."""
    level = str(level)
    if term == "paid":
        return f"{level} posts"
    if term == "format":
        return f"{level} posts"
    if term == "hour":
        return f"posts at {level} h"
    if term == "pillar":
        return "posts outside every pillar" if level == "other" else f"posts on {level}"
    return f"{term} {level}"


def _effect_sentence(term: str, first: str, second: str, parts: list[tuple[str, float, bool]]) -> str:
    """``first`` against ``second``, the rate ratio of each model: significant ones stated, the others named as
    not significant in a clause of their own (never a mark that reads as if it covered the whole finding)."""
    head = f"{_level_words(term, first).capitalize()} vs {_level_words(term, second)}"
    sig = [(who, rr) for who, rr, ok in parts if ok]
    said = [
        f"x{rr:.2f} the interactions for {who}" if i == 0 else f"x{rr:.2f} for {who}" for i, (who, rr) in enumerate(sig)
    ]
    text = f"{head}: " + " and ".join(said) + ", all else equal"
    for who, rr, ok in parts:
        if not ok:
            text += f"; for {who} x{rr:.2f}, not significant"
    return text


def _effect_findings(effects_result: pd.DataFrame, max_effects: int) -> list[dict]:
    eff = effects_result[effects_result["term"] != "platform"]  # platforms differ by audience: see benchmarks
    preferred = [m for m in ("brand", "competitor") if m in set(eff["model"])] or list(pd.unique(eff["model"]))
    eff = eff[eff["model"].isin(preferred)]
    sig = eff[eff["significant"]]
    keys = sig.assign(strength=np.abs(np.log(sig["rate_ratio"]))).sort_values("strength", ascending=False)
    keys = keys[["term", "level"]].drop_duplicates().head(max_effects)
    rows = []
    for term, level in keys.itertuples(index=False):
        part = eff[(eff["term"] == term) & (eff["level"] == level)]
        ref = part["reference"].iloc[0]
        flip = bool((part.loc[part["significant"], "rate_ratio"] < 1).all())  # "the reference earns more"
        parts, evidence = [], []
        for r in part.itertuples():
            who = _WHO.get(r.model, r.model)
            rr, low, high = (1 / r.rate_ratio, 1 / r.high, 1 / r.low) if flip else (r.rate_ratio, r.low, r.high)
            parts.append((who, rr, bool(r.significant)))
            evidence.append(f"{who}: [{low:.2f}, {high:.2f}], q = {r.q_value:.2g}, {r.posts} posts")
        first, second = (ref, level) if flip else (level, ref)
        rows.append(_finding(_effect_sentence(term, first, second, parts), "; ".join(evidence), "what works"))
    return rows


def _pillar_findings(shares: pd.DataFrame, brand: str, by: str) -> list[dict]:
    rows = []
    under = under_served(shares, brand=brand, by=by)
    for r in under[under["under_served"]].itertuples():
        rows.append(
            _finding(
                f"Pillar '{r.pillar}' is under-served: {pct(r.share, 1)} of {brand}'s posts "
                f"against {pct(r.intended_share, 0)} intended",
                f"Wilson 95 % [{pct(r.low, 1)}, {pct(r.high, 1)}], {r.posts} of {r.group_posts} posts",
                "editorial line",
            )
        )
    other = shares[(shares[by] == brand) & (shares["pillar"] == "other")]
    if len(other):
        o = other.iloc[0]
        rows.append(
            _finding(
                f"{pct(o.share, 0)} of {brand}'s posts fall outside every stated pillar",
                f"Wilson 95 % [{pct(o.low, 1)}, {pct(o.high, 1)}]",
                "editorial line",
            )
        )
    return rows


def _benchmark_sentence(r, brand: str) -> str:
    """One actor's rate against a platform benchmark, the same statistic on both sides, with the benchmark's
    source and year and, when the data is later, the years apart."""
    r = r if isinstance(r, dict) else r._asdict()
    statistic = r.get("statistic", "median")
    word = "average" if statistic == "mean" else "median"
    mine = "mean engagement rate per post" if statistic == "mean" else "median post's engagement rate"
    year = r.get("benchmark_year")
    of_year = f"{int(year)} " if year is not None and pd.notna(year) else ""
    source = r.get("benchmark_source")
    cited = f" ({source})" if isinstance(source, str) and source and source != "given" else ""
    text = (
        f"{brand} on {r['platform']}: {mine} {pct(r.get('rate', r.get('median_rate_followers')))} is "
        f"{r['verdict']} the {of_year}published {word} {pct(r['benchmark'])}{cited}"
    )
    data_year = r.get("data_year")
    if of_year and data_year is not None and pd.notna(data_year) and int(data_year) > int(year):
        text += f"; the benchmark is {int(data_year) - int(year)} years older than the data"
    return text


def _benchmark_findings(benchmark: pd.DataFrame, brand: str, by: str) -> list[dict]:
    mine = benchmark[(benchmark[by] == brand) & benchmark["verdict"].isin(["above", "below"])]
    low, high = ("rate_low", "rate_high") if "rate_low" in mine.columns else ("median_rate_followers_low",) * 2
    if "rate_low" not in mine.columns:
        high = "median_rate_followers_high"
    return [
        _finding(
            _benchmark_sentence(r, brand),
            f"bootstrap 95 % [{pct(getattr(r, low))}, {pct(getattr(r, high))}], {r.posts} posts",
            "performance",
        )
        for r in mine.itertuples()
    ]


def _divergence_finding(d, brand: str) -> dict:
    return _finding(
        f"Distance of {brand}'s posting from its stated pillars: JSD {d.divergence:.2f}",
        f"bootstrap 95 % [{d.low:.2f}, {d.high:.2f}] (0 = as stated, 1 = disjoint)",
        "editorial line",
    )


def _gap_finding(g, by: str) -> dict:
    return _finding(
        f"Longest silence: {g[by]} posted nothing for {g.days:.1f} days",
        f"{pd.Timestamp(g.start):%Y-%m-%d} to {pd.Timestamp(g.end):%Y-%m-%d}",
        "inventory",
    )


def _keyness_findings(keyness_result: pd.DataFrame, brand: str, by: str) -> list[dict]:
    top = keyness_result[(keyness_result[by] == brand) & (keyness_result["rank"] <= 3)]
    return [
        _finding(
            f"{brand}'s most distinctive terms ({lang}): " + ", ".join(part["term"]),
            "z = " + ", ".join(f"{v:.1f}" for v in part["z"]),
            "lexicography",
        )
        for lang, part in top.groupby("lang", sort=True)
    ]


def findings(
    *,
    brand: str,
    effects_result: pd.DataFrame | None = None,
    shares: pd.DataFrame | None = None,
    divergence: pd.DataFrame | None = None,
    benchmark: pd.DataFrame | None = None,
    keyness_result: pd.DataFrame | None = None,
    gaps_result: pd.DataFrame | None = None,
    by: str = "actor",
    max_effects: int = 6,
    max_items: int = 15,
) -> pd.DataFrame:
    """A short list of findings in words, each with the figure it rests on and where it comes from.

    Parameters
    ----------
    brand
        The brand's actor name (value of ``by``).
    effects_result
        :func:`kit.tl.effects.effects`: effects that pass the Holm-adjusted test (the ``max_effects``
        strongest; platform contrasts are left to the chart), brand and competitor models first.
    shares
        :func:`kit.tl.pillars.pillar_shares`: pillars flagged by :func:`kit.tl.pillars.under_served`
        and the brand's share outside every pillar.
    divergence
        :func:`kit.tl.pillars.pillar_divergence`: the distance from the stated intent.
    benchmark
        :func:`kit.tl.performance.benchmarks`: the brand's verdicts whose interval excludes the benchmark.
    keyness_result
        :func:`kit.tl.keyness.keyness`: the brand's three most distinctive terms per language.
    gaps_result
        :func:`kit.tl.inventory.gaps`: the longest silence.
    by
        The actor column of those tables.
    max_effects, max_items
        At most this many effects, and this many findings in all (0: no limit).

    Returns
    -------
    DataFrame
        ``finding, evidence, section``; empty when nothing is given or nothing stands out.

    Examples
    --------
    >>> import pandas as pd
    >>> silences = pd.DataFrame({"actor": ["B"], "start": [pd.Timestamp("2026-01-05")],
    ...                          "end": [pd.Timestamp("2026-01-09")], "days": [4.0]})
    >>> findings(brand="B", gaps_result=silences)["finding"].tolist()
    ['Longest silence: B posted nothing for 4.0 days']
    """
    builders = [
        (effects_result, lambda t: _effect_findings(t, max_effects)),
        (shares, lambda t: _pillar_findings(t, brand, by)),
        (divergence, lambda t: [_divergence_finding(t.iloc[0], brand)]),
        (benchmark, lambda t: _benchmark_findings(t, brand, by)),
        (gaps_result, lambda t: [_gap_finding(t.iloc[0], by)]),
        (keyness_result, lambda t: _keyness_findings(t, brand, by)),
    ]
    rows = [row for table, build in builders if table is not None and len(table) for row in build(table)]
    return pd.DataFrame(rows[:max_items] if max_items else rows, columns=_FINDING_COLUMNS)
