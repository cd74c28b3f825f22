"""The summary at the top of each report: the few figures that answer its question, the alerts, the findings.

Built from the values the notebook recorded (:func:`kit.provenance.record`), never recomputed, so the summary
says exactly what the record (and the tests reading it) says. The last cell of each notebook, tagged
``summary``, calls the report's builder (:func:`audit`, :func:`monitoring`, :func:`listening`,
:func:`crisis`); the report page shows that cell right after the title (:mod:`kit._html`).

Each tile carries the record it shows (``data-record``: a path such as ``share_of_voice/actor=Voltaria/share``
and ``data-value``: the recorded value), so a test can check the page against the record. Every text is
escaped. Findings link to their section (``#kit-section:<words>``, resolved by the report page to the first
heading holding the words).

>>> s = summary([tile("Posts", 1234, record="posts")], alerts=["<b>x</b>"], findings=[("A finding.", "Findings")])
>>> html = s._repr_html_()
>>> 'data-record="posts"' in html and "1,234" in html and "&lt;b&gt;" in html
True
"""

from __future__ import annotations

from .. import format as fmt
from ._tiles import Summary, Tile, _get, _p, _values, lookup, summary, tile, written

__all__ = ["Tile", "Summary", "tile", "written", "summary", "lookup", "audit", "monitoring", "listening", "crisis"]


def _which_to_trust(v: dict, brand: str | None) -> str:
    """The sentence beside the raw current-period net sentiment when a review corrected the brand's net: how far
    the model's count was off over all periods, so that raw and corrected never stand side by side unexplained."""
    for r in v.get("net_sentiment_headline") or []:
        if str(r.get("actor")) != str(brand) or "review" not in str(r.get("source") or ""):
            continue
        raw, est = r.get("raw (uncorrected)"), r.get("estimate")
        if fmt._missing(raw) or fmt._missing(est):
            return ""
        off = raw - est
        return (
            f". Over all periods the review finds the model's count {fmt.number(abs(off), decimals=2)} "
            f"{'above' if off > 0 else 'below'} the corrected figure: trust the corrected figure for the level, "
            "this one for the change"
        )
    return ""


def _beside_headline(r: dict, bias: dict) -> str:
    """The line under the brand's headline net sentiment: the raw count when a review corrected it; when the
    figure is the raw count, which way the model's errors on real customers' posts push it."""
    raw = r.get("raw (uncorrected)")
    if "raw" not in str(r.get("source") or ""):
        return "" if fmt._missing(raw) else f"raw model count {fmt.number(raw)} (uncorrected)"
    air = bias.get("airline_negative_share") or {}
    if not air:
        return "the model's count, not corrected by a review"
    return (
        f"the model's count, not corrected by a review: on real customers' tweets this model found "
        f"{fmt.percent(air['raw'], decimals=0)} negative where people found {fmt.percent(air['labels'], decimals=0)}, "
        f"so the true figure is likely {'lower' if air['raw'] < air['labels'] else 'higher'}; review a sample "
        "to correct it"
    )


def monitoring(brand: str | None, *, values: dict | None = None) -> Summary:
    """The monitoring summary: the brand's headline KPIs of the current period with their change and test,
    its share of voice and net sentiment over the whole data, customer care, the alerts, the message tests.

    Parameters
    ----------
    brand
        The brand's actor name.
    values
        The recorded values (``None``: this run's, :func:`kit.provenance.current`).

    Returns
    -------
    Summary
    """
    v = _values(values)
    tiles = []
    periods = v.get("periods") or {}
    span = ""
    if periods.get("current_start") and periods.get("current_end"):
        span = f" ({fmt.day(periods['current_start'])} to {fmt.day(periods['current_end'], inclusive_end=True)})"
    for i, row in enumerate(v.get("headline_kpis") or []):
        metric = str(row.get("metric"))
        if metric not in ("mentions", "engagement", "share of voice", "net sentiment"):
            continue
        share = fmt.is_share(metric)
        if share:
            d = row.get("change")
            change = "" if fmt._missing(d) else ("+" if d > 0 else "") + fmt.number(100 * d, decimals=1) + " pt"
        else:
            rel, d = row.get("relative_change"), row.get("change")
            if not fmt._missing(rel):
                change = fmt.percent(rel, sign=True)
            elif not fmt._missing(d):
                change = ("+" if d > 0 else "") + fmt.number(d)
            else:
                change = ""
        if change:
            change += " vs previous period"
            p = _p(row.get("p_value"))
            change += f" ({p})" if p else ""
        gap = "gap" in str(row.get("note") or "")
        if gap:  # a likely hole in the collection, not a fall: say so instead of the test
            change = str(row.get("note"))
        label = f"{metric[:1].upper()}{metric[1:]}, current period"
        if metric == "net sentiment":
            label += " (raw model count, uncorrected)"
            change += _which_to_trust(v, brand)
        tiles.append(
            tile(
                label,
                row.get("current"),
                kind="percent" if share else "number" if metric == "net sentiment" else "integer",
                record=f"headline_kpis/{i}/current",
                low=row.get("low"),
                high=row.get("high"),
                change=change,
                alert=bool(row.get("significant")) and not gap,
            )
        )
    best = [(i, r) for i, r in enumerate(v.get("net_sentiment_headline") or []) if str(r.get("actor")) == str(brand)]
    if best:  # the best estimate the report has (corrected by the review when there is one), raw beside it
        i, r = best[0]
        tiles.insert(
            0,
            tile(
                f"Net sentiment of {brand}, all periods, {r.get('source') or 'estimate'}",
                r.get("estimate"),
                kind="number",
                record=f"net_sentiment_headline/{i}/estimate",
                low=r.get("ci_low"),
                high=r.get("ci_high"),
                change=_beside_headline(r, v.get("net_sentiment_bias") or {}),
            ),
        )
    sov = _get(v, f"share_of_voice/actor={brand}")
    if sov:
        tiles.append(
            tile(
                f"Share of voice of {brand}, all periods",
                sov["share"],
                kind="percent",
                record=f"share_of_voice/actor={brand}/share",
                low=sov.get("low"),
                high=sov.get("high"),
            )
        )
    care = _get(v, "care/0")
    if care and care.get("cases") and fmt._missing(care.get("response_rate")):
        tiles.append(
            tile(
                "Customer care: cases answered",
                "not measured (the export has no authors, so the brand's replies cannot be found)",
                kind="text",
                record=None,
            )
        )
    elif care and care.get("cases"):
        tiles.append(
            tile(
                "Customer care: cases answered",
                care["response_rate"],
                kind="percent",
                record="care/0/response_rate",
                low=care.get("rate_low"),
                high=care.get("rate_high"),
                change=f"of {fmt.integer(care['cases'])} cases"
                + (
                    f"; median answer in {fmt.duration(care.get('median_hours'), unit='h')}"
                    if not fmt._missing(care.get("median_hours"))
                    else "; none answered"
                    if not care.get("responded")
                    else ""
                ),
            )
        )
    alerts = [a.get("message") for a in v.get("alerts") or [] if a.get("message")]
    if not alerts and v.get("alerts_note"):
        alerts = [str(v["alerts_note"])]  # e.g. a series too short for a band
    elif not alerts and "alerts" in v:
        alerts = ["No metric of the brand left its expected band in the last two periods."]
    findings = []
    corrected = _get(v, f"net_sentiment_corrected/actor={brand}")
    if not best and corrected and not fmt._missing(corrected.get("corrected_net")):
        findings.append(
            (
                f"Corrected by the human review ({fmt.integer(corrected.get('n_reviewed'))} posts reviewed), "
                f"{brand}'s net sentiment is "
                f"{fmt.interval(corrected['corrected_net'], corrected.get('ci_low'), corrected.get('ci_high'), kind='number')}"
                f"; the model alone said {fmt.number(corrected.get('model_net'))}.",
                "corrected by the human review",
            )
        )
    history = v.get("alert_history") or []
    if history:
        findings.append(
            (
                f"Over the whole series, a metric of the brand left its expected band {len(history)} times.",
                "Every period outside its band",
            )
        )
    findings += [(t.get("verdict"), "Message tests") for t in v.get("message_tests") or [] if t.get("verdict")]
    note = f"The current period{span} against the previous one of the same length." if span else ""
    return Summary(tiles=tiles, alerts=alerts, findings=findings[:6], note=note)


def audit(brand: str | None = None, *, values: dict | None = None) -> Summary:
    """The audit summary: what the brand posted, how far it is from its stated pillars, what works.

    Parameters
    ----------
    brand
        The brand's actor name (``None``: the one recorded in ``own_posts``).
    values
        The recorded values (``None``: this run's).

    Returns
    -------
    Summary
    """
    v = _values(values)
    own = v.get("own_posts") or {}
    brand = brand or own.get("brand")
    tiles = []
    if own:
        tiles.append(
            tile(
                "Own posts analysed (all actors; the kinds in the parameters)",
                own.get("analysed"),
                record="own_posts/analysed",
            )
        )
    if brand and _get(v, f"inventory/{brand}") is not None:
        tiles.append(
            tile(f"Own posts of {brand}, replies included", _get(v, f"inventory/{brand}"), record=f"inventory/{brand}")
        )
    perf = v.get("performance") or []
    mine = next((i for i, r in enumerate(perf) if r.get("actor") == brand), None)
    if mine is not None and not fmt._missing(perf[mine].get("median_rate_followers")):
        others = [r for r in perf if r.get("actor") != brand and not fmt._missing(r.get("median_rate_followers"))]
        best = max(others, key=lambda r: r["median_rate_followers"], default=None)
        row = perf[mine]
        tiles.append(
            tile(
                f"Median engagement rate of {brand} (by followers)",
                row["median_rate_followers"],
                kind="percent",
                record=f"performance/{mine}/median_rate_followers",
                low=row.get("median_rate_followers_low"),
                high=row.get("median_rate_followers_high"),
                change=f"highest of the others: {best['actor']} {fmt.percent(best['median_rate_followers'])}"
                if best
                else "",
            )
        )
    intent = _get(v, "divergence/compared_with=stated intent")
    if intent:
        tiles.append(
            tile(
                "Gap to the stated pillars (Jensen-Shannon, 0 = none)",
                intent["divergence"],
                kind="number",
                record="divergence/compared_with=stated intent/divergence",
                low=intent.get("low"),
                high=intent.get("high"),
            )
        )
    gap = v.get("pillar_gap") or {}
    for pillar in (gap.get("under_served") or [])[:2]:
        share = (gap.get("brand_shares") or {}).get(pillar)
        tiles.append(
            tile(
                f"Under-served pillar: {pillar}",
                share,
                kind="percent",
                record=f"pillar_gap/brand_shares/{pillar}",
                change="of the brand's posts",
                alert=True,
            )
        )
    sections = v.get("finding_sections") or []
    found = v.get("findings") or []
    findings = [(f, sections[i] if i < len(sections) else "Findings") for i, f in enumerate(found)]
    return Summary(tiles=tiles, findings=findings[:6])


def listening(*, values: dict | None = None) -> Summary:
    """The listening summary: how much was heard, the topics, what is emerging, what to act on.

    Parameters
    ----------
    values
        The recorded values (``None``: this run's).

    Returns
    -------
    Summary
    """
    v = _values(values)
    tiles = []
    if v.get("listening_posts") is not None:
        tiles.append(tile("Posts analysed", v["listening_posts"], record="listening_posts"))
    topics = [t for t in v.get("topics") or [] if t.get("topic") != -1]
    if v.get("topics") is not None:
        tiles.append(tile("Topics found", len(topics), kind="integer"))
    actions = v.get("actionable") or {}
    for intent, words in (
        ("complaint", "Complaints"),
        ("question", "Questions"),
        ("feature_request", "Feature requests"),
    ):
        if intent in actions:
            tiles.append(tile(words, actions[intent], record=f"actionable/{intent}"))
    findings = []
    for i, row in enumerate(v.get("emerging") or []):
        if row.get("flagged"):
            if len([t for t in tiles if t.alert]) < 1:
                tiles.append(
                    tile(
                        f"Emerging: {row['label']}",
                        row.get("growth"),
                        kind="number",
                        record=f"emerging/{i}/growth",
                        change=f"times the typical topic's growth ({_p(row.get('q_value')).replace('p', 'q', 1)})",
                        alert=True,
                    )
                )
            findings.append(
                (
                    f"Emerging topic “{row['label']}”: {fmt.integer(row.get('recent_posts'))} posts in the recent "
                    f"periods, growth {fmt.number(row.get('growth'))} times the typical topic's; first post "
                    f"{fmt.timestamp(row.get('first_post'), zone_name=True)}.",
                    "emerging signals",
                )
            )
    for row in v.get("absent") or []:
        if row.get("absent"):
            findings.append(
                (
                    f"The competitors are in the conversation “{row['label']}” and the brand hardly is "
                    f"({fmt.integer(row.get('brand_posts'))} posts against {fmt.integer(row.get('competitor_posts'))}).",
                    "Competitors",
                )
            )
    return Summary(tiles=tiles, findings=findings[:6])


_LESSON_SECTIONS = {
    "timeline": "Timeline found from the data",
    "recovery": "Timeline found from the data",
    "gaps": "Timeline found from the data",
    "surges": "Timeline found from the data",
    "amplification": "Amplification",
    "cascades": "Cascades",
    "spreaders": "Who spread it",
    "sentiment": "Sentiment and emotion",
    "messages": "Message types",
    "response": "The brand's response",
    "care": "Answers to people",
}


def crisis(*, values: dict | None = None) -> Summary:
    """The crisis summary: when it started and peaked, how fast it faded, how fast the brand spoke, the lessons.

    Parameters
    ----------
    values
        The recorded values (``None``: this run's).

    Returns
    -------
    Summary
    """
    v = _values(values)
    t = v.get("timeline") or {}
    tiles = []
    if t.get("onset"):
        tiles.append(tile("Onset", t["onset"], kind="time", record="timeline/onset", alert=True))
    if t.get("peak"):
        tiles.append(
            tile(
                "Peak",
                t["peak"],
                kind="time",
                record="timeline/peak",
                change=f"{fmt.integer(t.get('peak_value'))} posts in the period",
            )
        )
    if not fmt._missing(t.get("half_life")):
        tiles.append(tile("Half-life after the peak", t["half_life"], kind="seconds", record="timeline/half_life"))
    statement = v.get("first_statement") or {}
    if not fmt._missing(statement.get("hours_to_statement")):
        tiles.append(
            tile(
                "Time to the brand's first statement",
                statement["hours_to_statement"],
                kind="hours",
                record="first_statement/hours_to_statement",
                change=f"first reply after {fmt.duration(statement.get('hours_to_reply'), unit='h')}"
                if not fmt._missing(statement.get("hours_to_reply"))
                else "",
            )
        )
    best = _get(v, "sentiment_by_phase/phase=peak")
    peak = _get(v, "negative_by_phase/phase=peak")
    before = _get(v, "negative_by_phase/phase=before")
    if best:  # the best estimate of kit.tl.group_estimate, corrected by the review when one was given
        was = _get(v, "sentiment_by_phase/phase=before")
        corrected = str(best.get("estimate", "")).startswith("corrected")
        raw = best.get("raw negative share (uncorrected)")
        tiles.append(
            tile(
                "Negative posts at the peak, " + ("corrected by the review" if corrected else "raw (uncorrected)"),
                best.get("negative_share"),
                kind="percent",
                record="sentiment_by_phase/phase=peak/negative_share",
                low=best.get("negative_share_low"),
                high=best.get("negative_share_high"),
                change="; ".join(
                    part
                    for part in (
                        f"{fmt.percent(was['negative_share'])} before the crisis" if was else "",
                        f"the model's raw count {fmt.percent(raw)}" if corrected and raw is not None else "",
                    )
                    if part
                ),
            )
        )
    elif peak:
        tiles.append(
            tile(
                "Negative posts at the peak",
                peak["share"],
                kind="percent",
                record="negative_by_phase/phase=peak/share",
                change=f"{fmt.percent(before['share'])} before the crisis" if before else "",
            )
        )
    repost = v.get("repost_share") or {}
    if repost.get("share") is not None:
        tiles.append(
            tile(
                "Reposts among posts about the brand after the onset",
                repost["share"],
                kind="percent",
                record="repost_share/share",
                low=repost.get("low"),
                high=repost.get("high"),
            )
        )
    topics = v.get("lesson_topics") or []
    findings = [
        (lesson, _LESSON_SECTIONS.get(topics[i], "Lessons") if i < len(topics) else "Lessons")
        for i, lesson in enumerate(v.get("lessons") or [])
    ]
    return Summary(tiles=tiles, findings=findings[:6])
