"""textblob-de's German polarity, with the same tags and lemmas computed faster.

textblob-de lemmatises every sentence before looking its words up, and its Brill tagger (from the Pattern
library it vendors) tries each of its 373 context rules on every word and each of its 287 suffix rules on every
unknown word: about 2.5 ms a post, most of the German lexicon's cost. Here the same rules run in the same order
with two shortcuts that change no result:

- context rules are indexed by the tag they apply to (Pattern tests every rule, then skips those whose tag
  differs from the word's tag before the rules ran: exactly the rules the index leaves out);
- a suffix-rule result is kept per (word, tag, previous word, next word), all it depends on.

``tests/unit/test_lexicons.py`` checks the polarity equals textblob-de's own on German posts.
"""

from __future__ import annotations

__all__ = ["analyzer"]

_PAD = "STAART"  # Pattern's padding around a sentence


def _tests():
    """Pattern's context-rule conditions (``Context.apply``), one function per command."""
    return {
        "prevtag": lambda t, i, x, y: x == t[i - 1][1],
        "nexttag": lambda t, i, x, y: x == t[i + 1][1],
        "prev2tag": lambda t, i, x, y: x == t[i - 2][1],
        "next2tag": lambda t, i, x, y: x == t[i + 2][1],
        "prev1or2tag": lambda t, i, x, y: x in (t[i - 1][1], t[i - 2][1]),
        "next1or2tag": lambda t, i, x, y: x in (t[i + 1][1], t[i + 2][1]),
        "prev1or2or3tag": lambda t, i, x, y: x in (t[i - 1][1], t[i - 2][1], t[i - 3][1]),
        "next1or2or3tag": lambda t, i, x, y: x in (t[i + 1][1], t[i + 2][1], t[i + 3][1]),
        "surroundtag": lambda t, i, x, y: x == t[i - 1][1] and y == t[i + 1][1],
        "curwd": lambda t, i, x, y: x == t[i][0],
        "prevwd": lambda t, i, x, y: x == t[i - 1][0],
        "nextwd": lambda t, i, x, y: x == t[i + 1][0],
        "prev1or2wd": lambda t, i, x, y: x in (t[i - 1][0], t[i - 2][0]),
        "next1or2wd": lambda t, i, x, y: x in (t[i + 1][0], t[i + 2][0]),
        "prevwdtag": lambda t, i, x, y: x == t[i - 1][0] and y == t[i - 1][1],
        "nextwdtag": lambda t, i, x, y: x == t[i + 1][0] and y == t[i + 1][1],
        "wdprevtag": lambda t, i, x, y: x == t[i - 1][1] and y == t[i][0],
        "wdnexttag": lambda t, i, x, y: x == t[i][0] and y == t[i + 1][1],
        "wdand2aft": lambda t, i, x, y: x == t[i][0] and y == t[i + 2][0],
        "wdand2tagbfr": lambda t, i, x, y: x == t[i - 2][1] and y == t[i][0],
        "wdand2tagaft": lambda t, i, x, y: x == t[i][0] and y == t[i + 2][1],
        "lbigram": lambda t, i, x, y: x == t[i - 1][0] and y == t[i][0],
        "rbigram": lambda t, i, x, y: x == t[i][0] and y == t[i + 1][0],
        "prevbigram": lambda t, i, x, y: x == t[i - 2][1] and y == t[i - 1][1],
        "nextbigram": lambda t, i, x, y: x == t[i + 1][1] and y == t[i + 2][1],
    }


class IndexedContext:
    """Pattern's ``Context`` rules applied as ``Context.apply`` does, each word trying only the rules for its tag."""

    def __init__(self, rules):
        tests = _tests()
        never = lambda t, i, x, y: False  # noqa: E731 - commands Pattern lists but never tests
        compiled = [(r[0], r[1], tests.get(r[2].lower(), never), r[3], r[4] if len(r) > 4 else "") for r in list(rules)]
        tags = {c[0] for c in compiled if c[0] != "*"}
        self._star = [c[1:] for c in compiled if c[0] == "*"]
        self._by_tag = {tag: [c[1:] for c in compiled if c[0] in (tag, "*")] for tag in tags}

    def apply(self, tokens):
        pad = [(_PAD, _PAD)] * 3
        t = pad + tokens + pad
        for i in range(3, len(t) - 3):
            tag = t[i][1]  # Pattern filters rules on the tag the word had before any rule ran
            if tag == _PAD:
                continue
            for new, test, x, y in self._by_tag.get(tag, self._star):
                if test(t, i, x, y):
                    t[i] = [t[i][0], new]
        return t[3:-3]


class MemoMorphology:
    """Pattern's suffix rules (``Morphology.apply``), each result kept: it depends on the word, its tag and
    the words before and after only."""

    LIMIT = 200_000

    def __init__(self, morphology):
        self._rules = morphology
        self._memo: dict = {}

    def apply(self, token, previous=(None, None), next=(None, None)):  # noqa: A002 - Pattern's argument name
        key = (token[0], token[1], previous[0], next[0])
        tag = self._memo.get(key)
        if tag is None:
            if len(self._memo) >= self.LIMIT:
                self._memo.clear()
            tag = self._memo[key] = self._rules.apply([token[0], token[1]], previous, next)[1]
        return [token[0], tag]


def analyzer():
    """textblob-de's ``PatternAnalyzer`` (pattern tokenizer, lemmatised) with the tagger's shortcuts above."""
    from textblob_de.lemmatizers import PatternParserLemmatizer
    from textblob_de.packages import pattern_de
    from textblob_de.sentiments import PatternAnalyzer
    from textblob_de.tokenizers import PatternTokenizer

    parser = pattern_de.parser
    context = IndexedContext(parser.context)
    morphology = MemoMorphology(parser.morphology)

    class _Lemmatizer(PatternParserLemmatizer):
        def _parse_text(self, text):  # textblob-de's own, the tagger's rules passed in
            text = text.replace("/", " FORWARDSLASH ")
            tokenized = " ".join(self.tokenizer.tokenize(text))
            parsed = pattern_de.parse(tokenized, tokenize=False, lemmata=True, context=context, morphology=morphology)
            return parsed.split("\n")

    tokenizer = PatternTokenizer()
    return PatternAnalyzer(tokenizer=tokenizer, lemmatizer=_Lemmatizer(tokenizer=tokenizer))
