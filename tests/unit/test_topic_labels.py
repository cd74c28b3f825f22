"""kit.tl.topic_labels: labels without elisions or function words, in the topic's dominant language."""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from kit.tl import topic_labels

ELISION = re.compile(r"\b(?:[cdjlmnst]|qu)['’]", re.IGNORECASE)


def test_analyser_drops_elisions_function_words_and_inverted_pronouns():
    analyse = topic_labels.analyser(("fr", "de", "en"))
    words = analyse(
        "L'équipe n'avez-vous pas transmis l'avoir ? S'est-il passé quelque chose qu'on voulons offrir ? "
        "Des trains der Bahn und the app. A-t-il pouvez peut-il können möchten"
    )
    assert not [w for w in words if ELISION.search(w)], words
    assert {"équipe", "transmis", "trains", "bahn", "app"} <= set(words)
    assert not {"des", "der", "und", "the", "voulons", "pouvez", "können", "möchten", "peut", "a-t-il"} & set(words)


def test_label_keeps_the_dominant_language_and_shared_words():
    words = ["doppelt", "prélevé", "charged", "app", "abgebucht", "remboursement"]
    uses = {
        "doppelt": Counter(de=10),
        "prélevé": Counter(fr=30),
        "charged": Counter(en=12),
        "app": Counter(fr=8, de=6, en=5),
        "abgebucht": Counter(de=9),
        "remboursement": Counter(fr=11),
    }
    assert topic_labels.label(words, uses, "fr", k=3) == "prélevé · app · remboursement"
    assert topic_labels.label(words, uses, "de", k=3) == "doppelt · app · abgebucht"
    # fewer than two words of the dominant language: the label is filled with the others
    assert topic_labels.label(["charged", "doppelt"], uses, "fr", k=2) == "charged · doppelt"
    assert topic_labels.label([], uses, "fr") == "(no words)"


def test_word_languages_counts_each_post_once():
    uses = topic_labels.word_languages(["retard retard train", "Zug train", "bug"], ["fr", "de", "en"], [0, 0, 1])
    assert uses[0]["retard"] == Counter(fr=1)
    assert uses[0]["train"] == Counter(fr=1, de=1)
    assert set(uses[1]) == {"bug"}


def test_language_mix():
    assert topic_labels.language_mix(pd.Series(["de", "fr", "de", "de"])) == "de 75 % · fr 25 %"
    assert topic_labels.language_mix(pd.Series([], dtype=object)) == ""
