"""Intent detection: cue rules in three languages, sentiment fallback, roles, few-shot layer, input untouched."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.tl import intent

CASES = [
    # question
    ("@railix can I exchange my ticket for free?", "en", "question"),
    ("Bonjour, le train de nuit circule-t-il ce soir ?", "fr", "question"),
    ("Frage an Voltaria: gilt das Abo auch am Wochenende?", "de", "question"),
    ("Question for Trenova: how do I get my e-ticket back after the update? Unacceptable.", "en", "question"),
    # feature requests
    ("Hey Voltaria, please add power sockets at every seat!", "en", "feature_request"),
    ("Ce serait bien d'avoir le wifi dans les TER.", "fr", "feature_request"),
    ("@voltaria ajoutez des douches dans le train de nuit !", "fr", "feature_request"),
    ("Liebes Railix-Team, führt ein Monatsabo ein! Das wäre super.", "de", "feature_request"),
    ("J'aimerais pouvoir choisir ma place dans l'appli", "fr", "feature_request"),
    # complaints, rhetorical questions included
    ("Zug schon wieder 40 Minuten zu spät. Nie wieder.", "de", "complaint"),
    ("@voltaria sérieusement ? Le train a été annulé sans préavis.", "fr", "complaint"),
    ("The season pass doubled since last year! Who is in charge here?", "en", "complaint"),
    # praise
    ("Bravo Trenova, super service today!", "en", "praise"),
    ("Danke an die Zugbegleiterin, weiter so!", "de", "praise"),
    # feedback
    ("J'ai testé la nouvelle appli : plus rapide, mais le plan est peu lisible.", "fr", "feedback"),
    # other: news, links, opinion prompts, care agents asking for a DM
    ("FYI Voltaria reports record passenger numbers. https://news.example/a", "en", "other"),
    ("Interessant: Railix stellt 200 Kundenberater ein. Meinungen?", "de", "other"),
    ("Could you DM us your booking reference?", "en", "other"),
]


def frame(cases=CASES):
    return pd.DataFrame(
        {"text": [c[0] for c in cases], "lang": [c[1] for c in cases]},
        index=pd.Index([f"i{i}" for i in range(len(cases))]),
    )


@pytest.mark.parametrize("text,lang,expected", CASES)
def test_cue_rules_in_three_languages(text, lang, expected):
    posts = pd.DataFrame({"text": [text], "lang": [lang], "sentiment": ["neutral"], "score": [0.0]})
    assert intent.detect(posts)["intent"].iloc[0] == expected


def test_output_is_indexed_like_posts_and_input_untouched():
    posts = frame()
    before = posts.copy()
    out = intent.detect(posts.assign(sentiment="neutral", score=0.0))
    assert list(out.columns) == ["intent", "confidence", "source"]
    assert out.index.equals(posts.index)
    assert set(out["intent"]) <= set(intent.INTENTS)
    assert out["confidence"].between(0, 1).all()
    pd.testing.assert_frame_equal(posts, before)


def test_sentiment_decides_when_no_cue_fires():
    posts = pd.DataFrame(
        {
            "text": ["The trip today was something.", "The trip today was something.", "The trip today was something."],
            "lang": "en",
            "sentiment": ["negative", "positive", "neutral"],
            "score": [-0.8, 0.8, 0.0],
        }
    )
    out = intent.detect(posts)
    assert out["intent"].tolist() == ["complaint", "praise", "other"]
    assert out["source"].tolist() == ["sentiment", "sentiment", "none"]


def test_sentiment_is_computed_when_absent():
    posts = pd.DataFrame({"text": ["This is horrible, I hate it", "Ich liebe es, wunderbar"], "lang": ["en", "de"]})
    assert intent.detect(posts, sentiment_model="lexicon")["intent"].tolist() == ["complaint", "praise"]


def test_organisations_own_posts_are_other():
    posts = pd.DataFrame(
        {
            "text": ["Can I bring my bike?", "Can I bring my bike?"],
            "lang": "en",
            "actor_role": ["public", "brand"],
            "sentiment": "neutral",
            "score": 0.0,
        }
    )
    assert intent.detect(posts)["intent"].tolist() == ["question", "other"]
    assert intent.detect(posts, role_column=None)["intent"].tolist() == ["question", "question"]


def test_empty_and_missing_text():
    empty = pd.DataFrame({"text": pd.Series([], dtype="string"), "lang": pd.Series([], dtype="string")})
    assert len(intent.detect(empty)) == 0
    posts = pd.DataFrame({"text": [None, ""], "lang": ["en", "en"], "sentiment": "neutral", "score": 0.0})
    assert intent.detect(posts)["intent"].tolist() == ["other", "other"]
    with pytest.raises(KeyError, match="body"):
        intent.detect(posts, column="body")


def test_seed_examples_cover_every_intent_in_three_languages():
    labels = pd.Series([lab for _, lab in intent.SEED_EXAMPLES])
    assert set(labels) == set(intent.INTENTS)
    assert labels.value_counts().min() >= 10


def test_fewshot_layer_fills_only_undecided_posts():
    from kit.tl import classify

    model = classify.fit(
        [
            "where is my refund",
            "add more seats please",
            "terrible trip",
            "great trip",
            "news about rail",
            "the app is ok but slow",
        ],
        ["question", "feature_request", "complaint", "praise", "other", "feedback"],
        embedder="hash",
        cache=False,
    )
    posts = pd.DataFrame(
        {"text": ["Bravo Trenova!", "where is my refund"], "lang": "en", "sentiment": "neutral", "score": 0.0}
    )
    out = intent.detect(posts, model=model, min_confidence=0.0)
    assert out["intent"].iloc[0] == "praise" and out["source"].iloc[0] == "cue"
    assert out["source"].iloc[1] in ("model", "cue")
    with pytest.raises(ValueError, match="unknown intent model"):
        intent.detect(posts, model="bert")


def test_evaluate_reports_per_class_f1_and_macro():
    posts = pd.DataFrame({"x_true_intent": ["question", "complaint", "other", None]})
    pred = pd.DataFrame({"intent": ["question", "other", "other", "praise"]})
    table = intent.evaluate(posts, pred).set_index("class")
    assert table.loc["question", "f1"] == 1.0
    assert table.loc["complaint", "f1"] == 0.0
    assert table.loc["macro", "support"] == 3
    assert np.isclose(table.loc["macro", "f1"], table.drop("macro")["f1"].mean())


def test_fast_cue_search_finds_what_the_whole_alternation_finds():
    from kit.tl.intent_cues import _COMPLAINT, _FEEDBACK, _REQUEST, _literal_start
    from kit.tl.intent_cues import Cues as _Cues

    assert (
        _literal_start(r"\bcancell?ed\b") == "cancel" and _literal_start(r"\bevery\. single\. \w+") == "every. single. "
    )
    assert _literal_start(r"\b(?:kurze )?frage an\b") == "" and _literal_start(r"#Fail\b") == "#fail"
    mixed = _Cues([r"\b(?:a|b)c", r"\bdef\b"])
    assert mixed.rest.pattern == r"\b(?:a|b)c" and [s for s, _ in mixed.parts] == ["def"]
    assert mixed.search("xx BC") and mixed.search("a DEF") and not mixed.search("abc defg")
    texts = [
        "DOUBLE-CHARGED again",
        "Ich bin ENTTÄUSCHT",
        "train CANCELED",
        "train cancelled",
        "cancer",
        "nul",
        "nulle part",
        "Every. Single. Day.",
        "every single day",
        "Zu spät!",
        "zu spätes",
        "#FAIL",
        "a#failure",
        "Bitte überlegt euch das",
        "feature request: dark mode",
        "first impressions of the app",
        "",
    ]
    from kit.tl.intent_cues import _NEWS, _PRAISE, _QUESTION_OPENERS, _SOLICIT

    texts += [
        "FYI: new timetable",
        "Just read this: great",
        "worth a read",
        "Quick question",
        "kurze Frage an euch",
        "Weiß das jemand?",
        "thoughts?",
        "DM us please",
        "Hats off to the crew",
        "weiter so!",
        "bravo",
    ]
    for cues in (_COMPLAINT, _REQUEST, _FEEDBACK, _NEWS, _PRAISE, _QUESTION_OPENERS, _SOLICIT):
        assert cues.parts
        for text in texts:
            assert (cues.search(text) is None) == (cues.pattern.search(text) is None), (text, cues.pattern.pattern[:40])


def test_cue_rules_strip_the_kits_noise():
    from kit.tl.intent_cues import cue, sentences

    assert sentences("RT @a: @brand Where is my bag? Lost again. https://t.co/x #fail") == [
        "Where is my bag?",
        "Lost again.",
    ]
    assert sentences("@ma-marque @y@instance Ajoutez des prises !") == ["Ajoutez des prises !"]
    assert cue("RT @someone: @railix can I exchange my ticket?") == "question"
    assert cue("") is None


def test_cues_read_in_processes_give_what_one_process_gives(monkeypatch):
    from kit.tl import intent as intent_module

    texts = [
        "@railix can I exchange my ticket for free?",
        "Hey Voltaria, please add power sockets at every seat!",
        "Zug schon wieder 40 Minuten zu spät. Nie wieder.",
        "Bravo Trenova, super service today!",
        "Le train part à 8h.",
        "Nice seats but the wifi is slow",
    ] * 7
    posts = pd.DataFrame({"text": [f"{t} {i % 5}" for i, t in enumerate(texts)]})
    one = intent_module.rules(posts, sentiment=pd.Series(["neutral"] * len(posts)), score=pd.Series([0.2] * len(posts)))
    monkeypatch.setattr(intent_module, "PARALLEL_FROM", 10)
    monkeypatch.setattr(intent_module, "BLOCK", 4)  # several blocks over two processes
    assert intent_module._read_cues(posts["text"].tolist(), jobs=2) == intent_module._read_cues(
        posts["text"].tolist(), jobs=1
    )
    many = intent_module.rules(
        posts, sentiment=pd.Series(["neutral"] * len(posts)), score=pd.Series([0.2] * len(posts))
    )
    pd.testing.assert_frame_equal(one, many)
    assert set(one["intent"]) >= {"question", "feature_request", "complaint", "praise", "feedback"}
