"""Keyword emotion scores: hand-written lexicons per language (French, German, English) and emoji, no model.

What people write when something goes wrong is mostly complaint vocabulary ("unacceptable", "ras-le-bol",
"Frechheit", "I want my money back", "thanks for nothing", 😡) rather than emotion words ("angry"): the
lists below name both, for anger, disgust, fear, sadness and joy, and a few words for anticipation,
surprise and trust. They were written from general knowledge of complaint and crisis language, not from any
corpus the kit is checked on; the model card gives their checks on real crisis and airline tweets.

Rules
-----
- Entries are word stems or phrases, matched at the start of a word, case-insensitive; the longest entry
  wins where two start at the same place (``thanks for nothing`` is anger, not the joy of ``thanks``).
- Each language has its own list; a post is read with the list of its ``lang`` (all three when the
  language is unknown or another one). Emoji count in every language.
- Politeness formulas (``thanks in advance``, ``merci d'avance``, ``danke im Voraus``) carry no emotion.
- A joy or trust word right after a negation (``not happy``, ``pas content``, ``nicht zufrieden``)
  counts as anger instead.
- Scores are ``1 - 0.5 ** hits`` per emotion.

>>> KeywordEmotionModel().scores(["J'ai peur de ce train", "Ich bin so glücklich!"]).idxmax(axis=1).tolist()
['fear', 'joy']
>>> float(KeywordEmotionModel().scores(["Thanks for nothing. Unacceptable!"], ["en"]).iloc[0]["anger"])
0.75
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._emotion_base import EMOTIONS, _frame, _texts

__all__ = ["LEXICON", "EMOJI", "NEUTRAL", "KeywordEmotionModel", "lexicon_hits"]


def _split(spec: str) -> list[str]:
    """Entries of a ``|``-separated list; a trailing space (``"vol "``) asks for the whole word."""
    return [w.lstrip().lower() for w in spec.split("|") if w.strip()]


def _regex(entry: str) -> str:
    body = re.escape(entry.strip()).replace(r"\ ", r"\s+")
    return body + r"(?!\w)" if entry.endswith(" ") else body


# emotion -> language -> "entry|entry|..." (stems match any ending: "furieu" matches furieux, furieuse)
_RAW = {
    "anger": {
        "en": "angry|anger|furious|fuming|livid|rage|raging|outrag|hate |hates |hated|annoy|irritat|frustrat|"
        "unacceptable|inexcusable|ridiculous|absurd|disgrace|shameful|shame on|scandal|pathetic|useless|"
        "incompeten|rip-off|ripoff|rip off|scam|fraud|robbery|daylight robbery|overcharg|fed up|sick of|"
        "sick and tired|had enough|enough is enough|thanks for nothing|thanks a lot for nothing|no thanks to|"
        "worst|terrible service|horrible|appalling|atrocious|joke of a|what a joke|do better|get your act together|"
        "sort it out|fix this|wtf|wth|f***|fuck|damn|bloody|seriously?|are you kidding|still waiting|"
        "still no|nobody answers|no one answers|no one is answering|no response|no reply|ignored|ignoring|"
        "never again|last time i|want my money back|i want a refund|demand a refund|who is responsible|"
        "held accountable|accountab|not happy|not ok|not acceptable|unprofessional|rude|"
        "liar|lies|lying|mad at|pissed",
        "fr": "colère|en colère|furieu|furax|énervé|enervé|énervant|enervant|rage|enragé|déteste|deteste|"
        "haine|inadmissible|inacceptable|intolérable|intolerable|honteu|honte|scandal|ridicule|lamentable|"
        "pathétique|nul |nuls |nulle|incompéten|arnaque|escroc|voleur|abus|abusé|ras-le-bol|ras le bol|"
        "marre|j'en ai marre|y en a marre|raz le bol|merci pour rien|merci de rien|c'est une blague|"
        "foutage de gueule|se fout|se moque|moquez|n'importe quoi|réveillez-vous|inexcusable|"
        "toujours rien|toujours pas|personne ne répond|aucune réponse|sans réponse|pas de réponse|ignoré|"
        "plus jamais|je veux être remboursé|rendez-moi|rendre des comptes|pas content|"
        "pas normal|pas acceptable|insupportable|exaspér|agacé|agaçant|irrit|révolt|indign|putain|merde|"
        "bordel|grr|sérieusement ?",
        "de": "wütend|wut|zorn|ärger|verärger|sauer|stinksauer|hasse|unverschämt|frechheit|dreist|skandal|"
        "inakzeptabel|unakzeptabel|unzumutbar|lächerlich|peinlich|armselig|erbärmlich|inkompeten|abzocke|"
        "abgezockt|betrug|betrüger|diebstahl|mir reicht|es reicht|die nase voll|schnauze voll|danke für nichts|"
        "ein witz|witzlos|macht es besser|wacht auf|immer noch nicht|immer noch kein|keiner antwortet|"
        "niemand antwortet|keine antwort|ohne antwort|ignorier|nie wieder|ich will mein geld|geld zurück|"
        "wer ist verantwortlich|zur rechenschaft|nicht zufrieden|nicht ok|"
        "nicht akzeptabel|genervt|nervig|nervt|ärgerlich|empör|verdammt|mist |scheiß|scheiss|im ernst?",
    },
    "disgust": {
        "en": "disgust|gross|yuck|revolting|nasty|filthy|dirty|stinks|stinking|smelly|vile|sickening|"
        "makes me sick|repulsive|foul|grim|squalid|unhygienic|cockroach|vomit|puke|sleazy|shady|greedy|greed",
        "fr": "dégoût|degout|dégoûtant|degoutant|dégueu|degueu|répugn|repugn|écœur|ecoeur|sale |sales |saleté|"
        "crasseu|puant|pue |immonde|infect|nauséa|vomi|cafard|malsain|véreu|cupide|rapace",
        "de": "ekel|eklig|widerlich|dreckig|schmutzig|verdreckt|stinkt|stinkend|abstoßend|abartig|"
        "versifft|kotz|übel |gierig|raffgierig|schmierig",
    },
    "fear": {
        "en": "afraid|fear|scared|scary|frighten|terrif|worried|worry|worrying|anxious|anxiety|nervous|panic|"
        "danger|dangerous|unsafe|threat|alarm|evacuat|emergency|warning|beware|trapped|missing|"
        "hope everyone is safe|stay safe|be safe|is my data safe|data breach|hacked|"
        "stolen|fraudulent|what if|uncertain|uncertainty|shaking",
        "fr": "peur|effray|terrifi|terreur|inquiet|inquiète|inquiétude|angoiss|anxieu|panique|danger|"
        "menace|alerte|évacu|urgence|prudence|piégé|disparu|soyez prudents|restez chez vous|mes données|"
        "piraté|piratage|fuite de données|volé|crainte|craindre|crains|redoute|tremble",
        "de": "angst|ängst|fürchte|befürcht|furcht|besorgt|sorge|sorgen|beunruhig|panik|gefahr|gefährlich|"
        "bedroh|warnung|evakuier|notfall|vorsicht|eingeschlossen|vermisst|passt auf euch auf|meine daten|"
        "gehackt|datenleck|gestohlen|unsicher|zitter",
    },
    "sadness": {
        "en": "sad|sadly|unhappy|cry|crying|tears|heartbroken|heartbreaking|broken heart|devastat|tragic|"
        "tragedy|grief|griev|mourn|condolence|rip |rest in peace|sorrow|depress|disappoint|let down|"
        "lonely|miserable|gutted|sorry for|so sorry|thoughts are with|pray for|praying for|prayers|lost my|"
        "lost their|sigh|unfortunately|too bad|what a shame|ruined|miss you|stranded|exhausted|can't afford",
        "fr": "triste|tristesse|pleur|larme|malheureu|déçu|decu|déception|deception|déprim|chagrin|"
        "dommage|désolé pour|navré|deuil|condoléances|pensées pour|prions pour|perdu|perte|dévasté|"
        "bouleversé|tragique|tragédie|hélas|malheureusement|gâché|gache|épuisé|bloqué",
        "de": "traurig|trauer|weine|tränen|unglücklich|enttäusch|deprimiert|schade|leider|bedauer|"
        "beileid|mitgefühl|gedanken sind bei|beten für|verlust|verloren|verzweifel|tragisch|tragödie|"
        "ruiniert|vermisse|erschöpft|gestrandet|kann mir nicht leisten",
    },
    "joy": {
        "en": "happy|joy|love|loved|loving|great|wonderful|glad|delight|awesome|amazing service|fantastic|"
        "excellent|brilliant|perfect|enjoy|pleased|thrilled|excited|best trip|made my day|well done|"
        "thank you so much|thanks so much|thank you|thanks|grateful|appreciate|kudos|bravo|congrat|"
        "smooth|comfortable|lovely|impressed|yay|hooray|woohoo|cool",
        "fr": "heureu|joie|joyeu|adore|j'adore|génial|genial|super |top |formidable|excellent|parfait|"
        "magnifique|merveilleu|ravi|content|contente|enchanté|plaisir|ça fait plaisir|bravo|félicit|"
        "merci beaucoup|merci |mille mercis|reconnaissant|apprécie|confortable|agréable|impeccable|"
        "chouette|trop bien|youpi|génialissime",
        "de": "glücklich|freude|freue mich|froh|liebe |lieben|toll|wunderbar|super|klasse|prima|großartig|"
        "genial|perfekt|ausgezeichnet|hervorragend|begeistert|zufrieden|gut gemacht|danke|vielen dank|"
        "dankbar|bravo|glückwunsch|gratulier|bequem|angenehm|schön|hurra|juhu|endlich",
    },
    "anticipation": {
        "en": "can't wait|cannot wait|looking forward|soon|coming up|expect|hope|hoping|fingers crossed",
        "fr": "hâte|vivement|bientôt|j'espère|espère|impatien|attends avec|croisons les doigts",
        "de": "freue mich auf|kann es kaum erwarten|bald|hoffe|hoffentlich|gespannt|daumen drücken",
    },
    "surprise": {
        "en": "surpris|wow|unexpected|unbelievable|can't believe|shock|omg|oh my god|no way|whoa|astonish",
        "fr": "surpris|étonn|inattendu|incroyable|je n'en reviens pas|choqu|waouh|sidér|stupéf|hallucin",
        "de": "überrasch|unglaublich|erstaun|schock|krass|wahnsinn|fassungslos|kaum zu glauben",
    },
    "trust": {
        "en": "trust|reliable|safe and|confident|depend on|honest|transparent|count on|recommend",
        "fr": "confiance|fiable|honnête|transparen|compter sur|recommande|rassur",
        "de": "vertrau|zuverlässig|verlässlich|ehrlich|transparen|empfehle|beruhig",
    },
}
#: emotion -> language -> entries (stems or phrases).
LEXICON = {e: {lang: _split(s) for lang, s in by_lang.items()} for e, by_lang in _RAW.items()}
#: Emoji read in every language (Unicode names: angry face, face vomiting, fearful face, crying face...).
EMOJI = {
    "anger": "😠 😡 🤬 😤 👿 💢 🖕 👎",
    "disgust": "🤢 🤮 😒 🙄 💩",
    "fear": "😱 😨 😰 😧 😟 🙀 😬",
    "sadness": "😢 😭 😞 😔 ☹️ 🙁 😩 😫 💔 😿 😥",
    "joy": "😀 😃 😄 😁 😆 😊 🙂 😍 🥰 😘 😂 🤣 🎉 👏 🙌 ❤️ 💚 💙 💛 💜 👍 🥳 😎",
    "surprise": "😮 😲 😯 🤯 😳",
    "trust": "🤝 🙏",
}
#: Politeness formulas that carry no emotion (they would otherwise read as joy).
NEUTRAL = {
    "en": ["thanks in advance", "thank you in advance", "thx in advance", "thanks for the info", "no problem"],
    "fr": ["merci d'avance", "merci par avance", "merci de répondre", "merci de me répondre", "merci pour l'info"],
    "de": ["danke im voraus", "vielen dank im voraus", "danke für die info", "kein problem"],
}
_NEGATION = {
    "en": r"(?:not|never|no|isn't|wasn't|aren't|don't|didn't|hardly)",
    "fr": r"(?:pas|jamais|plus|guère|aucun|aucune)",
    "de": r"(?:nicht|nie|kein|keine|keinen|kaum)",
}
_LANGS = ("en", "fr", "de")


def _pattern(lang: str | None) -> tuple[re.Pattern, dict[str, str | None]]:
    """One alternation of every entry of ``lang`` (all languages for None), longest first, and entry -> emotion."""
    langs = _LANGS if lang is None else (lang,)
    owner: dict[str, str | None] = {}
    for e in EMOTIONS:
        for la in langs:
            for w in LEXICON.get(e, {}).get(la, []):
                owner.setdefault(w, e)
    for la in langs:
        for w in NEUTRAL.get(la, []):
            owner[w] = None
    entries = sorted(owner, key=len, reverse=True)
    body = "|".join(_regex(w) for w in entries)
    return re.compile(rf"(?<!\w)(?:{body})", re.IGNORECASE), {" ".join(w.split()): owner[w] for w in entries}


_COMPILED: dict = {}


def _compiled(lang: str | None):
    if lang not in _COMPILED:
        pattern, owner = _pattern(lang)
        negation = re.compile(
            rf"(?<!\w){_NEGATION[lang] if lang else '(?:' + '|'.join(_NEGATION.values()) + ')'}"
            r"(?:\s+\w+)?\s+$",
            re.IGNORECASE,
        )
        _COMPILED[lang] = (pattern, owner, negation)
    return _COMPILED[lang]


_EMOJI_OWNER = {ch: e for e, chars in EMOJI.items() for ch in chars.split()}
_EMOJI_RE = re.compile("|".join(re.escape(c) for c in sorted(_EMOJI_OWNER, key=len, reverse=True)))


def lexicon_hits(text: str, lang: str | None = None) -> dict[str, int]:
    """Lexicon and emoji hits per emotion in one text.

    Parameters
    ----------
    text
        The text.
    lang
        Its language (``en``, ``fr``, ``de``); another code or None reads all three lists.

    Returns
    -------
    dict
        Emotion -> hits (every emotion of :data:`~kit.tl._emotion_base.EMOTIONS`).

    Examples
    --------
    >>> hits = lexicon_hits("Pas content du tout. Merci d'avance 😡", "fr")
    >>> hits["anger"], hits["joy"]
    (2, 0)
    """
    key = lang if lang in _LANGS else None
    pattern, owner, negation = _compiled(key)
    hits = dict.fromkeys(EMOTIONS, 0)
    text = str(text).replace("’", "'")
    for m in pattern.finditer(text):
        e = owner.get(" ".join(m.group(0).lower().split()))
        if e is None:  # a politeness formula
            continue
        if e in ("joy", "trust") and negation.search(text[max(0, m.start() - 40) : m.start()]):
            e = "anger"
        hits[e] += 1
    for m in _EMOJI_RE.finditer(text):
        hits[_EMOJI_OWNER[m.group(0)]] += 1
    return hits


class KeywordEmotionModel:
    """Lexicon and emoji hits per emotion (:data:`LEXICON`, :data:`EMOJI`), squashed to [0, 1] as
    ``1 - 0.5 ** hits``. No model, deterministic, fast: the fallback for tests, and the complaint and
    crisis vocabulary the ``auto`` model adds to the learnt scores. Coarse: irony beyond the listed
    phrases is missed."""

    name = "keywords(fr,de,en)+emoji"

    def scores(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> pd.DataFrame:
        """``1 - 0.5 ** hits`` per emotion, the hits counted with the list of each text's language."""
        texts = _texts(texts)
        if langs is None:
            langs = [None] * len(texts)
        langs = [str(v).lower()[:2] if v is not None and not pd.isna(v) else None for v in langs]
        if len(langs) != len(texts):
            raise ValueError(f"{len(langs)} languages for {len(texts)} texts")
        # one pass per text (not one per emotion)
        hits = np.array([list(lexicon_hits(t, la).values()) for t, la in zip(texts, langs)], dtype=np.float64)
        return _frame(1 - 0.5**hits if len(texts) else np.zeros((0, len(EMOTIONS))))
