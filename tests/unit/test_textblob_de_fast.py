"""kit.tl._textblob_de_fast: the indexed tagger gives textblob-de's own polarity, text for text."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("textblob_de")

from textblob_de.sentiments import PatternAnalyzer  # noqa: E402
from textblob_de.tokenizers import PatternTokenizer  # noqa: E402

from kit.tl._textblob_de_fast import IndexedContext, MemoMorphology, analyzer  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data" / "xlm_t_sentiment" / "german" / "val_text.txt"

HAND = [
    "Der Zug nach Berlin fällt heute aus.",
    "Toll! Wieder 40 Minuten Verspätung, danke für nichts.",
    "Ich würde lieber zu Fuß gehen als mit euch zu fliegen",
    "Das Essen war nicht schlecht, aber auch nicht gut.",
    "Sehr freundliches Personal / super Service / gerne wieder",
    "",
    "   ",
    "@db_bahn ???",
    "Die Kinder spielten im Garten, während die Eltern stritten.",
]


def _written() -> list[str]:
    texts = []
    for name in ("de-a.tsv", "de-b.tsv"):
        lines = (ROOT / "data" / "written" / name).read_text(encoding="utf-8").splitlines()[1:]
        texts += [line.split("\t", 2)[2] for line in lines][::4]
    return texts


def _compare(texts):
    stock = PatternAnalyzer(tokenizer=PatternTokenizer())
    fast = analyzer()
    differ = [t for t in texts if stock.analyze(t) != fast.analyze(t)]
    assert not differ, f"{len(differ)} of {len(texts)} texts differ, e.g. {differ[:3]}"


def test_same_polarity_and_subjectivity_as_textblob_de():
    texts = HAND + _written()
    assert len(texts) > 250
    _compare(texts)


def test_same_tags_as_pattern():
    from textblob_de.packages import pattern_de

    parser = pattern_de.parser
    context, morphology = IndexedContext(parser.context), MemoMorphology(parser.morphology)
    for text in HAND[:5] + _written()[:100]:
        if not text.strip():
            continue
        tokens = " ".join(PatternTokenizer().tokenize(text))
        assert pattern_de.parse(tokens, tokenize=False, lemmata=True) == pattern_de.parse(
            tokens, tokenize=False, lemmata=True, context=context, morphology=morphology
        ), text


def test_memo_is_bounded():
    from textblob_de.packages import pattern_de

    morphology = MemoMorphology(pattern_de.parser.morphology)
    morphology.LIMIT = 3
    for word in ("Bahnhofsuhr", "Fensterplatz", "Zugbegleiterin", "Klimaanlage", "Sitzplatzreservierung"):
        assert morphology.apply([word, "NN"])[0] == word
    assert len(morphology._memo) <= 3


@pytest.mark.skipif(not SHARED.exists(), reason="../shared data not present")
def test_same_polarity_on_real_german_posts():
    _compare(SHARED.read_text(encoding="utf-8").splitlines()[:400])
