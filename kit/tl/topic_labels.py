"""Topic labels people read: words without elisions or function words, in the topic's own language.

A topic's c-TF-IDF words (:func:`kit.tl.topics.fit`) mix what its French, German and English posts say
("n'avez · l'inquiétude · cours · prélèvements"). Here:

- words are cut by :func:`kit._text.tokens` (links, handles and the French elisions ``l'``, ``n'``, ``qu'``...
  removed), inverted French questions lose their pronoun (``peut-il`` -> ``peut``), and stop words plus a
  short list of auxiliary and modal verb forms (:data:`FUNCTION_WORDS`: ``pouvez``, ``voulons``, ``können``,
  ``möchten``...) are dropped before counting;
- the label takes its words from the topic's dominant language, plus the words shared by the languages
  (``app``, ``wifi``, names): a word is kept when at least :data:`MIN_DOMINANT_SHARE` of its uses in the
  topic are in posts of the dominant language;
- :func:`language_mix` says beside the label how the topic's posts split by language.

>>> analyse = analyser(("fr",))
>>> analyse("Bonjour, n'avez-vous pas l'inquiétude ? Peut-il rembourser des prélèvements ?")
['inquiétude', 'rembourser', 'prélèvements']
>>> label(["prélevé", "charged", "doppelt", "euros"], {"prélevé": {"fr": 9}, "charged": {"en": 5},
...       "doppelt": {"de": 4}, "euros": {"fr": 3, "de": 3, "en": 2}}, dominant="fr", k=3)
'prélevé · euros'
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd

from .._text import tokens

__all__ = ["FUNCTION_WORDS", "MIN_DOMINANT_SHARE", "analyser", "word_languages", "label", "language_mix"]

#: Auxiliary, modal and light verb forms, and conversational fillers, that the ``stop-words`` lists miss and
#: that name no subject (French, German, English).
FUNCTION_WORDS = frozenset(
    """
    pouvez pouvons peuvent pourrait pourriez pourrions voulons voulez veulent voudrais voudrait voudrions
    devons devez doivent devrait devriez faut fallait faire fais faites faisons fait avoir être été étions
    sommes êtes serait seraient aurait auraient allons allez vont aller merci bonjour bonsoir svp stp
    cela ceci ça très trop aussi encore déjà toujours jamais rien tout toute toutes tous plus moins bien
    können könnt kannst konnte konnten müssen musst muss musste sollen sollte sollten wollen willst
    wollte möchte möchten möchtest würde würden wurde wurden wird werden worden hätte hätten wäre wären
    habe hast hat haben hatte gibt geht gehen machen macht gemacht sehr schon noch immer nie nichts
    alles mehr weniger bitte danke hallo leider gerne
    can could would should will shall must might may let get got gets getting make makes made
    really just still already always never nothing everything much many more less please thanks
    thank hello dear hey
    """.split()
)
#: The share of a word's uses in a topic that must come from posts of the topic's dominant language
#: for the word to be in its label (shared words such as ``app`` pass, words of another language do not).
MIN_DOMINANT_SHARE = 0.3

_INVERSION = re.compile(r"^(\w+?)-(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous|ce|ci|là)$")


def analyser(languages=("fr", "de", "en"), *, extra=FUNCTION_WORDS):
    """A function text -> label words (what a ``CountVectorizer(analyzer=...)`` calls).

    Parameters
    ----------
    languages
        Stop words of these languages are dropped (:func:`kit.tl.topics.stop_words`).
    extra
        Further words dropped (default :data:`FUNCTION_WORDS`).

    Returns
    -------
    callable
        ``analyse(text) -> list of str``: lower-case words, elisions removed, no stop or function words.

    Examples
    --------
    >>> analyser(("de", "en"))("Könnt ihr der App und dem Update helfen? a-t-il")
    ['app', 'update', 'helfen']
    """
    from .topics import stop_words

    stop = frozenset(stop_words(tuple(languages))) | frozenset(extra)

    def analyse(text: str) -> list[str]:
        out = []
        for w in tokens(text, stop):
            m = _INVERSION.match(w)
            if m:
                w = m.group(1)
            if len(w.lstrip("#")) >= 3 and w not in stop:
                out.append(w)
        return out

    return analyse


def word_languages(docs, langs, topics, *, analyse=None) -> dict[int, dict[str, Counter]]:
    """For each topic, each word's uses by language: ``{topic: {word: Counter({lang: n})}}``.

    Parameters
    ----------
    docs, langs, topics
        The texts, their language codes and their topic numbers (same length).
    analyse
        The text -> words function (:func:`analyser` by default).

    Returns
    -------
    dict
        Topic number -> word -> uses per language (a word counted once per post).

    Examples
    --------
    >>> word_languages(["retard du train", "Zug Verspätung train"], ["fr", "de"], [0, 0])[0]["train"]
    Counter({'fr': 1, 'de': 1})
    """
    analyse = analyse or analyser()
    out: dict[int, dict[str, Counter]] = {}
    for doc, lang, topic in zip(docs, langs, topics):
        per = out.setdefault(int(topic), {})
        for w in set(analyse(doc)):
            per.setdefault(w, Counter())[str(lang)] += 1
    return out


def label(
    words: list[str],
    uses: dict | None = None,
    dominant: str | None = None,
    *,
    k: int = 4,
    vectors: np.ndarray | None = None,
    min_share: float = MIN_DOMINANT_SHARE,
    sep: str = " · ",
) -> str:
    """A label from a topic's ranked words: the first ``k`` in its dominant language or shared by languages.

    Parameters
    ----------
    words
        The topic's words, most distinctive first (c-TF-IDF).
    uses
        Word -> uses per language in the topic (:func:`word_languages`); ``None`` keeps every word.
    dominant
        The topic's dominant language; ``None`` keeps every word.
    k
        Words in the label.
    vectors
        Optional word embeddings (one row per word of ``words``, unit length): a word closer than 0.75 to
        one already chosen (its translation) is skipped.
    min_share
        The share of a word's uses that must be in the dominant language.
    sep
        The separator.

    Returns
    -------
    str
        The label; words of other languages fill it only when fewer than two words qualify.

    Examples
    --------
    >>> label(["zug", "train", "trains", "retard"], dominant=None, k=3)
    'zug · train · retard'
    """
    if not words:
        return "(no words)"

    def qualifies(w: str) -> bool:
        if uses is None or dominant is None or w not in uses:
            return True
        total = sum(uses[w].values())
        return total == 0 or uses[w].get(dominant, 0) / total >= min_share

    def pick(candidates: list[int], chosen: list[int]) -> list[int]:
        for i in candidates:
            if len(chosen) == k:
                break
            if any(words[j][:5] == words[i][:5] for j in chosen):
                continue
            if vectors is not None and chosen and float(np.max(vectors[chosen] @ vectors[i])) > 0.75:
                continue
            chosen.append(i)
        return chosen

    chosen = pick([i for i, w in enumerate(words) if qualifies(w)], [])
    if len(chosen) < 2:
        chosen = pick([i for i in range(len(words)) if i not in chosen], chosen)
    return sep.join(words[i] for i in sorted(chosen))


def language_mix(langs: pd.Series, *, top: int = 3) -> str:
    """How posts split by language, largest first: ``"fr 61 % · de 25 % · en 14 %"``.

    Parameters
    ----------
    langs
        Language codes of the topic's posts.
    top
        Languages named (the rest are left out).

    Returns
    -------
    str
        The breakdown (empty for no posts).

    Examples
    --------
    >>> language_mix(pd.Series(["fr", "fr", "de", None]))
    'fr 50 % · de 25 % · und 25 %'
    """
    values = pd.Series(langs, dtype="object").fillna("und").astype(str)
    if values.empty:
        return ""
    shares = values.value_counts(normalize=True, sort=True).head(top)
    return " · ".join(f"{lang} {round(100 * s):.0f} %" for lang, s in shares.items())
