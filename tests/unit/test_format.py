"""kit.format: numbers for people (locales, p-values, durations, intervals, time zones, whole tables),
pl.table on top of it, and the report page's summary and sources."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from kit import format as fmt
from kit import pl
from kit.pl import summary as pls

NNBSP = "\u202f"  # babel's French thousands separator


@pytest.fixture(autouse=True)
def _english_utc():
    fmt.use(locale="en", timezone="UTC")
    yield
    fmt.use(locale="en", timezone="UTC")


@pytest.mark.parametrize(
    "locale, count, share, small",
    [
        ("en", "12,346", "57.8 %", "0.386"),
        ("fr", f"12{NNBSP}346", "57,8 %", "0,386"),
        ("de", "12.346", "57,8 %", "0,386"),
    ],
)
def test_locales_write_separators_and_decimal_marks(locale, count, share, small):
    assert fmt.number(12345.678, locale=locale) == count
    assert fmt.percent(0.578441, locale=locale) == share
    assert fmt.number(0.38604, locale=locale) == small


def test_unknown_locale_and_zone_are_clear_errors():
    with pytest.raises(ValueError, match="locale 'es'"):
        fmt.number(1, locale="es")
    with pytest.raises(ValueError, match="Mars/Olympus"):
        fmt.use(timezone="Mars/Olympus")


def test_percent_decimals_follow_the_size():
    assert [fmt.percent(x) for x in (0.578441, 0.0613, 0.00956, 1.7e-18, 0.0, 1.0)] == [
        "57.8 %",
        "6.1 %",
        "0.96 %",
        "< 0.01 %",
        "0.0 %",
        "100 %",
    ]
    assert fmt.percent(0.0613, sign=True) == "+6.1 %" and fmt.percent(-0.0613, sign=True) == "-6.1 %"
    assert fmt.percent(float("nan")) == "" and fmt.percent(None) == ""


def test_pvalues_never_read_zero_or_scientific():
    assert fmt.pvalue(2.98e-258) == "< 0.001"
    assert fmt.pvalue(0.0) == "< 0.001"
    assert fmt.pvalue(0.0123) == "0.012"
    assert fmt.pvalue(0.68, locale="de") == "0,68"
    assert fmt.pvalue(np.nan) == ""


def test_durations_read_as_people_say_them():
    assert fmt.duration(pd.Timedelta("0 days 06:17:11")) == "6 h 17 min"
    assert fmt.duration(pd.Timedelta("1 days 20:00:00")) == "1 d 20 h"
    assert fmt.duration(3.0, unit="h") == "3 h"
    assert fmt.duration(0.3444, unit="h") == "21 min"
    assert fmt.duration(2183, unit="h", locale="fr") == "90 j 23 h"
    assert fmt.duration(2183, unit="h", locale="de") == "90 T 23 h"
    assert fmt.duration(45) == "45 s" and fmt.duration(-90) == "-2 min"
    assert "days" not in fmt.duration(pd.Timedelta(0))


def test_intervals_join_the_value_and_its_bounds():
    assert fmt.interval(0.57844, 0.57054, 0.5863) == "57.8 % (57.1-58.6)"
    assert fmt.interval(0.57844, 0.57054, 0.5863, locale="fr") == "57,8 % (57,1-58,6)"
    assert fmt.interval(-0.386, -0.631, -0.13, kind="number", locale="de") == "-0,386 (-0,631 bis -0,130)"
    assert fmt.interval(2.46, 2.36, 2.58, kind="duration") == "2 h 28 min (2 h 22 min to 2 h 35 min)"
    assert fmt.interval(693, None, None, kind="number") == "693"


def test_times_in_the_report_zone_to_the_minute():
    t = pd.Timestamp("2026-03-09 17:00:07+00:00")
    assert fmt.timestamp(t) == "2026-03-09 17:00"
    assert fmt.timestamp(t, timezone="Europe/Paris") == "2026-03-09 18:00"
    assert (
        fmt.timestamp("2026-04-01T17:00:00+00:00", timezone="Europe/Paris", zone_name=True) == "2026-04-01 19:00 CEST"
    )
    fmt.use(timezone="Europe/Berlin")
    assert fmt.timestamp(t) == "2026-03-09 18:00"  # the report's zone by default
    assert fmt.day("2026-04-06", inclusive_end=True) == "2026-04-05"


def test_findings_give_times_in_the_report_zone_as_the_tiles_do():
    from kit.tl import cascades, lessons

    t0 = pd.Timestamp("2026-03-09 14:00", tz="UTC")
    timeline = pd.DataFrame([dict(onset=t0, peak=t0 + pd.Timedelta(hours=3), peak_value=50.0, baseline=2.0)])
    assert "Monday 09 March 2026 14:00 UTC" in lessons.lessons(timeline)["lesson"].iloc[0]
    fmt.use(timezone="Europe/Paris")
    text = lessons.lessons(timeline)["lesson"].iloc[0]
    assert "Monday 09 March 2026 15:00 CET" in text and "09 March 18:00 CET" in text and "UTC" not in text
    assert fmt.timestamp(t0) == "2026-03-09 15:00"  # the tile's onset
    posts = pd.DataFrame({"created_at": [t0, t0], "kind": ["original", "repost"], "text": ["a", ""]})
    assert "after 2026-03-09 15:00 CET" in cascades.repost_share(posts, start=t0).iloc[0]["definition"]
    assert fmt.clock("2026-07-01 12:00") == "01 July 14:00 CEST"  # summer time


def test_labels_are_words():
    assert fmt.label("q_value") == "q (adjusted p)"
    assert fmt.label("median_rate_followers_low") == "Median rate followers low"
    assert "_" not in fmt.label("some_new_column")


def test_frame_formats_a_whole_table():
    raw = pd.DataFrame(
        {
            "actor": ["Voltaria", "Railix"],
            "mentions": [8720, 2688],
            "share": [0.578441, 0.178308],
            "low": [0.570539, 0.172280],
            "high": [0.586303, 0.184500],
            "p_value": [0.0, 0.04],
            "half_life": pd.to_timedelta([22631, 60], unit="s"),
            "median_hours": [2.46, 0.5],
            "peak": pd.to_datetime(["2026-03-09 17:00:00", "2026-03-09 18:30:00"], utc=True),
            "period_end": pd.to_datetime(["2026-04-06", "2026-04-13"], utc=True),
            "significant": [True, False],
        }
    )
    before = raw.copy()
    shown = fmt.frame(raw, locale="fr", timezone="Europe/Paris")
    pd.testing.assert_frame_equal(raw, before)  # the raw table (and its exports) stay as computed
    assert list(shown.columns) == [
        "Actor",
        "Mentions",
        "Share (95 % interval)",
        "p",
        "Half-life",
        "Median time to answer",
        "Peak",
        "Period end",
        "Significant",
    ]
    first = shown.iloc[0].tolist()
    assert first == [
        "Voltaria",
        f"8{NNBSP}720",
        "57,8 % (57,1-58,6)",
        "< 0,001",
        "6 h 17 min",
        "2 h 28 min",
        "2026-03-09 18:00",
        "2026-04-05",
        "oui",
    ]


def test_frame_period_comparison_rows_in_their_units():
    raw = pd.DataFrame(
        {
            "metric": ["mentions", "share of voice", "net sentiment"],
            "current": [693, 0.552, 0.146],
            "previous": [653, 0.561, 0.18],
            "change": [40, -0.00973, -0.0335],
            "relative_change": [0.0613, np.nan, np.nan],
            "low": [np.nan, 0.524, 0.0581],
            "high": [np.nan, 0.579, 0.232],
        }
    )
    shown = fmt.frame(raw)
    assert shown["Current (95 % interval)"].tolist() == ["693", "55.2 % (52.4-57.9)", "0.146 (0.058-0.232)"]
    assert shown["Change"].tolist()[:2] == ["+40", "-1.0 pt"]
    assert shown["Relative change"].tolist()[0] == "+6.1 %"


def test_share_named_column_with_counts_is_not_a_share():
    shown = fmt.frame(pd.DataFrame({"rate": [3.0, 12.0], "rate_ratio": [1.21, 0.77]}))
    assert shown["Rate"].tolist() == ["3", "12"] and shown["Rate ratio"].tolist() == ["1.210", "0.770"]


def test_table_shows_every_row_and_says_how_to_search(monkeypatch):
    monkeypatch.delenv("KIT_RECORD", raising=False)
    frame = pd.DataFrame({"topic": range(251), "share": np.linspace(0, 1, 251)})
    html = pl.table(frame, max_rows=100)._repr_html_()
    assert html.count("<tr") == 252  # the header and every row
    assert 'class="kit-long" data-rows="251"' in html and "search" in html
    assert "more rows not shown" not in html


def test_table_names_its_source_in_small_print(monkeypatch):
    monkeypatch.delenv("KIT_RECORD", raising=False)
    frame = pd.DataFrame({"a": [1]})
    frame.attrs["source"] = "kit.tl.x.<y>"
    html = pl.table(frame)._repr_html_()
    assert '<p class="kit-source">Computed by <code>kit.tl.x.&lt;y&gt;</code></p>' in html


def test_sources_trace_a_cell_back_to_the_tl_call():
    from kit._html import sources

    cells = [
        "import pandas as pd\nfrom kit import pl, pp, tl\nfrom kit.pl import crisis as plc",
        "sov = tl.share_of_voice.share_of_voice(scored, actors=a)",
        "pl.table(sov.round(3))",
        "current, previous, bounds = pp.split_periods(scored, end=end, days=7)",
        "pl.table(pd.DataFrame([bounds]))",
        "pl.table(tl.tables.readable(tl.inventory.cadence(own)))",
        "pl.volume(tl.volume(posts, freq='W'))",
        "pl.text(tl.findings.overview(own))",
    ]
    assert sources(cells) == [
        None,
        None,
        "kit.tl.share_of_voice.share_of_voice",
        None,
        "kit.pp.split_periods",
        "kit.tl.inventory.cadence",
        "kit.tl.overview.volume",
        None,
    ]


def test_arrange_hides_parameters_and_empty_outputs_and_puts_the_summary_first():
    import nbformat

    from kit._html import arrange

    nb = nbformat.v4.new_notebook()
    title = nbformat.v4.new_markdown_cell("# Title")
    notes = nbformat.v4.new_markdown_cell("Parameters (papermill ...)")
    notes.metadata["tags"] = ["hide-in-report"]
    params = nbformat.v4.new_code_cell("x = 1")
    params.metadata["tags"] = ["parameters"]
    empty = nbformat.v4.new_code_cell("y = 2")
    shown = nbformat.v4.new_code_cell("pl.table(t)")
    shown.outputs = [nbformat.v4.new_output("display_data", data={"text/html": "<table></table>"})]
    summ = nbformat.v4.new_code_cell("pl.summary.crisis()")
    summ.metadata["tags"] = ["summary"]
    summ.outputs = [nbformat.v4.new_output("display_data", data={"text/html": "<section>s</section>"})]
    nb.cells = [title, notes, params, empty, shown, summ]
    arrange(nb)
    assert [c.source for c in nb.cells] == ["# Title", "pl.summary.crisis()", "pl.table(t)"]


def test_summary_tiles_carry_the_recorded_values_and_escape_text():
    values = {
        "share_of_voice": [{"actor": "<Volt>", "share": 0.578441, "low": 0.570539, "high": 0.586303}],
        "care": [{"cases": 4755, "response_rate": 0.5486, "rate_low": 0.53, "rate_high": 0.56, "median_hours": 2.46}],
        "alerts": [],
    }
    page = pls.monitoring("<Volt>", values=values)._repr_html_()
    assert 'data-record="share_of_voice/actor=&lt;Volt&gt;/share"' in page and "<Volt>" not in page
    assert "57.8 %" in page and "95 % interval 57.1-58.6 %" in page
    assert "No metric of the brand left its expected band" in page
    for tile in pls.monitoring("<Volt>", values=values).tiles:
        if tile.record:
            assert pls.lookup(values, tile.record) == tile.value


def test_raw_net_tile_says_which_figure_to_trust_when_a_review_corrected_it():
    kpi = {"metric": "net sentiment", "current": 0.052, "low": -0.04, "high": 0.14, "change": -0.03, "p_value": 0.65}
    head = {"actor": "Voltaria", "estimate": -0.50, "ci_low": -0.60, "ci_high": -0.41, "raw (uncorrected)": -0.16}
    reviewed = pls.monitoring(
        "Voltaria",
        values={"headline_kpis": [kpi], "net_sentiment_headline": [{**head, "source": "corrected by the review"}]},
    )
    raw_tile = next(t for t in reviewed.tiles if "raw model count" in t.label)
    assert "0.34 above the corrected figure: trust the corrected figure for the level" in raw_tile.change
    # no review: nothing to compare with, no such sentence
    plain = pls.monitoring(
        "Voltaria", values={"headline_kpis": [kpi], "net_sentiment_headline": [{**head, "source": "raw model count"}]}
    )
    assert "trust" not in next(t for t in plain.tiles if "raw model count" in t.label).change


def test_raw_headline_tile_says_which_way_the_models_errors_push_it():
    head = {"actor": "United", "estimate": -0.33, "ci_low": -0.36, "ci_high": -0.29, "raw (uncorrected)": -0.33}
    bias = {"airline_negative_share": {"raw": 0.451, "labels": 0.627}, "rows": []}
    values = {"net_sentiment_headline": [{**head, "source": "raw (uncorrected)"}], "net_sentiment_bias": bias}
    tile = pls.monitoring("United", values=values).tiles[0]
    assert tile.label.startswith("Net sentiment of United") and "raw model count" not in tile.change
    assert "found 45 % negative where people found 63 %, so the true figure is likely lower" in tile.change
    # nothing measured for the model: it still says the figure is uncorrected
    values["net_sentiment_bias"] = {}
    assert pls.monitoring("United", values=values).tiles[0].change == "the model's count, not corrected by a review"
    # a brand that answered nobody: no dangling "median answer in"
    values["care"] = [{"cases": 2243, "responded": 0, "response_rate": 0.0, "median_hours": None}]
    care = next(t for t in pls.monitoring("United", values=values).tiles if t.label.startswith("Customer care"))
    assert care.change == "of 2,243 cases; none answered"
    # corrected: the raw count beside it
    values["net_sentiment_headline"] = [{**head, "source": "corrected by the review", "estimate": -0.5}]
    assert pls.monitoring("United", values=values).tiles[0].change == "raw model count -0.330 (uncorrected)"


def test_summary_of_a_crisis_without_values_says_nothing_wrong():
    s = pls.crisis(values={"timeline": {"onset": None, "half_life": math.nan}})
    assert s.tiles == [] and "n/a" not in s._repr_html_()


def test_colours_keep_the_brand_and_an_actor_the_same_across_sets():
    from kit.pl._style import BRAND_COLOUR, colours

    monitoring = colours(["Voltaria", "Railix", "Trenova", "Cityhop"], brand="Voltaria")
    audit = colours(
        [
            "Cityhop",
            "EuroRail Wire",
            "Mobilité Hebdo",
            "Railix",
            "Transit Times",
            "Trenova",
            "Verkehrsblatt",
            "Voltaria",
        ],
        brand="Voltaria",
    )
    assert monitoring["Voltaria"] == audit["Voltaria"] == BRAND_COLOUR
    assert all(monitoring[a] == audit[a] for a in ("Railix", "Trenova", "Cityhop"))
    assert len(set(audit.values())) == len(audit)


def test_alert_table_shows_share_metrics_as_percentages_and_counts_as_numbers():
    import pandas as pd

    from kit import format as F
    from kit.tl import bands

    weeks = pd.date_range("2024-01-07", periods=14, freq="W", tz="UTC")
    series = pd.DataFrame(
        {
            "period": weeks,
            "mentions": [100] * 12 + [300, 320],
            "negative": [30] * 12 + [200, 250],
            "polar": [80] * 12 + [260, 300],
        }
    )
    alerts = bands.alerts(
        series,
        metrics={"mentions": "Mentions", "negative": "Negative share"},
        denominators={"negative": "polar"},
        window=8,
        last=2,
    )
    assert alerts.attrs["share_metrics"] == ["negative"]
    shown = F.frame(alerts)
    neg, men = shown[alerts["metric"].eq("negative").to_numpy()], shown[alerts["metric"].eq("mentions").to_numpy()]
    assert neg["Value"].tolist() == ["83.3 %", "76.9 %"]
    assert all(v.startswith("37.5 % (") for v in neg["Expected (95 % interval)"])
    assert men["Value"].tolist() == ["320", "300"]
    assert all(v.startswith("100 (") for v in men["Expected (95 % interval)"])
