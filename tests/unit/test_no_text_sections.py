"""Issue 14, point 2: on posts without text the text sections say so in a sentence (keyness, empty tables)."""

from __future__ import annotations

import pandas as pd

from kit import pl
from kit.pl import keyness as pkeyness
from kit.tl import keyness


def own(texts) -> pd.DataFrame:
    return pd.DataFrame({"actor": ["a"] * 12 + ["b"] * 12, "lang": "en", "text": texts})


def test_keyness_without_texts_says_why():
    result = keyness.keyness(own([None] * 24))
    assert result.empty
    assert (
        result.attrs["note"]
        == "0 of 24 own posts have a text: no vocabulary to compare (the export gives no post texts)."
    )
    fig = pkeyness.keyness(result)
    assert fig.layout.annotations[0].text.startswith("0 of 24 own posts have a text")
    html = pl.table(result[result["rank"] <= 5])._repr_html_()  # the notebook's table cell
    assert "0 of 24 own posts have a text" in html and "<table" not in html


def test_keyness_with_too_few_posts_says_why():
    result = keyness.keyness(own(["trains are electric"] * 24), min_group_posts=20)
    assert result.empty and result.attrs["note"].startswith("Too few posts to compare vocabularies")
    assert "24 of 24 own posts have a text" in result.attrs["note"]


def test_keyness_with_texts_has_no_note():
    result = keyness.keyness(
        own(["trains are electric today"] * 12 + ["buses are cheap today"] * 12), min_group_posts=5
    )
    assert not result.empty and "note" not in result.attrs


def test_empty_table_and_empty_text():
    assert pl.text([])._repr_html_() == ""
    assert "Nothing to show: no rows." in pl.table(pd.DataFrame(columns=["a"]))._repr_html_()


def test_semantic_map_without_texts_says_why():
    import numpy as np

    from kit.pl import maps as pmaps
    from kit.tl import maps

    points = maps.semantic_map(own([None] * 24), np.zeros((24, 8)), seed=0)
    assert points.empty and maps.caption(points) == "None of the 24 posts has a text: there is no meaning to map."
    fig = pmaps.semantic_map(points)
    assert not fig.data and "None of the 24 posts has a text" in fig.layout.annotations[0].text


def test_pillars_without_texts_say_why():
    from kit.pl import pillars as ppillars
    from kit.tl import pillars

    assigned = pd.DataFrame({"actor": ["a", "a", "b"], "pillar": [pillars.NO_TEXT] * 3})
    shares = pillars.pillar_shares(assigned, ["green"])
    divergence = pillars.pillar_divergence(assigned, ["green"], brand="a", n_boot=5)
    for result, draw in ((shares, ppillars.pillar_shares), (divergence, ppillars.pillar_divergence)):
        assert result.empty and result.attrs["note"].startswith("None of the 3 own posts has a text")
        assert "None of the 3 own posts has a text" in draw(result).layout.annotations[0].text
