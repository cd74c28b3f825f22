"""French VADER: the compound score of vaderSentiment-fr 1.3.4, vendored without its GPL imports.

vaderSentiment-fr (MIT; Olivier Deprez and Thomas Ek, 7 Lieues Technologies, after C.J. Hutto's VADER) imports
``fuzzywuzzy`` (GPL-2.0) and ``Unidecode`` (GPL-2.0+), which an MIT kit cannot require. Its
``polarity_scores`` never calls fuzzywuzzy (only its ``polarity_scores_max`` does), and it uses Unidecode to
strip accents from the lexicon's words and from each word read. This module keeps that scoring path, line
for line, with its lexicon, emoji descriptions and "do not negate" list in ``kit/tl/models/vader_fr.json``
(licence notice in ``kit/tl/models/VADER_FR_LICENSE.md``), and :func:`_fold` in place of Unidecode: the
same ASCII spelling for every character a French post is made of (Latin letters with accents, ligatures,
typographic punctuation, emoji), checked against Unidecode on every character of the lexicon and of the
sample's and the French corpora's posts (the compound scores are equal, to the last digit). Letters of
other scripts are kept as they are (they never spell a French lexicon word).

If you use the VADER sentiment analysis tools, please cite: Hutto, C.J. & Gilbert, E.E. (2014). VADER: A
Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text. ICWSM-14.

>>> compound("Je déteste ce train, toujours en retard")
-0.1531
>>> compound("Merci, super service !")
0.4199
"""

from __future__ import annotations

import math
import re
import string
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..io.heads import read_model_json

__all__ = ["compound", "polarity_scores"]

DATA = Path(__file__).resolve().parent / "models" / "vader_fr.json"

B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74

NEGATE = ["pas", "jamais", "plus", "rien", "aucunement", "nullement", "sans", "ni"]

# booster/dampener 'intensifiers' or 'degree adverbs' (vaderSentiment-fr's list)
# fmt: off
BOOSTER_DICT = {
    "absolument": B_INCR, "ainsi": B_INCR, "archi": B_INCR, "beaucoup": B_INCR,
    "bigrement": B_INCR, "bougrement": B_INCR, "carrément": B_INCR, "complètement": B_INCR,
    "considérablement": B_INCR, "davantage": B_INCR, "diablement": B_INCR, "diantrement": B_INCR,
    "divinement": B_INCR, "drôlement": B_INCR, "délicieusement": B_INCR, "entièrement": B_INCR,
    "exceptionnel": B_INCR, "exceptionnelle": B_INCR, "exceptionnellement": B_INCR, "exceptionnelles": B_INCR,
    "exceptionnels": B_INCR, "excessivement": B_INCR, "extra": B_INCR, "extrême": B_INCR,
    "extrêmement": B_INCR, "fabuleusement": B_INCR, "fichtrement": B_INCR, "fort": B_INCR,
    "forte": B_INCR, "fortes": B_INCR, "forts": B_INCR, "grandement": B_INCR,
    "hyper": B_INCR, "impeccablement": B_INCR, "incroyablement": B_INCR, "infiniment": B_INCR,
    "joliment": B_INCR, "merveilleusement": B_INCR, "prodigieusement": B_INCR, "profondément": B_INCR,
    "putain de": B_INCR, "rudement": B_INCR, "sacrément": B_INCR, "spécialement": B_INCR,
    "sublimement": B_INCR, "super": B_INCR, "superbement": B_INCR, "tant": B_INCR,
    "tellement": B_INCR, "terriblement": B_INCR, "totalement": B_INCR, "trop": B_INCR,
    "très": B_INCR, "ultra": B_INCR, "vachement": B_INCR, "vraiment": B_INCR,
    "énormément": B_INCR, "approximativement": B_DECR, "assez": B_DECR, "difficilement": B_DECR,
    "environ": B_DECR, "guère": B_DECR, "insuffisament": B_DECR, "insuffisamment": B_DECR,
    "juste": B_DECR, "léger": B_DECR, "légers": B_DECR, "légère": B_DECR,
    "légèrement": B_DECR, "légères": B_DECR, "moins": B_DECR, "peu": B_DECR,
    "plutôt": B_DECR, "presque": B_DECR, "quasi": B_DECR, "quasiment": B_DECR,
    "quelque": B_DECR, "quelque peu": B_DECR, "rare": B_DECR, "rarement": B_DECR,
    "à peine": B_DECR, "à peu près": B_DECR,
}
# fmt: on

# special case idioms and phrases containing lexicon words (kept from VADER; English)
SPECIAL_CASES = {
    "the shit": 3,
    "the bomb": 3,
    "bad ass": 1.5,
    "badass": 1.5,
    "bus stop": 0.0,
    "yeah right": -2,
    "kiss of death": -1.5,
    "to die for": 3,
    "beating heart": 3.5,
}

# --------------------------------------------------------------------------------- accents (Unidecode's)

#: Characters without a canonical decomposition, spelled as Unidecode spells them.
# fmt: off
_TABLE = {
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ł": "l", "Ł": "L", "ı": "i",
    "ħ": "h", "Ħ": "H", "ŋ": "ng", "Ŋ": "NG", "ĸ": "k", "ŧ": "t", "Ŧ": "T", "ƒ": "f",
    "‘": "'", "’": "'", "‚": ",", "‛": "'", "“": '"', "”": '"', "„": ",,", "‟": '"',
    "«": "<<", "»": ">>", "‹": "<", "›": ">", "′": "'", "″": "''",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "--", "―": "--", "−": "-",
    "…": "...", "•": "*", "·": "*", "°": "deg", "×": "x", "÷": "/", "±": "+-",
    "€": "EUR", "£": "PS", "¢": "C/", "¥": "Y=", "¤": "$?", "§": "SS", "¶": "P",
    "©": "(c)", "®": "(r)", "™": "(tm)", "¿": "?", "¡": "!", "¬": "!", "¦": "|",
    "¨": '"', "¯": "-", "´": "'", "¸": ",", "ˆ": "^", "˜": "~", "µ": "u",
    "\u00a0": " ", "\u00ad": "", "\u200b": " ", "\u2028": "\n", "\u2029": "\n\n",
    "№": "No. ", "‰": "%0", "←": "-", "→": "-", "↑": "|", "↓": "|", "⇒": "=", "✓": "",
}
# fmt: on


_DROPPED = frozenset({"Mn", "Me", "Cf", "Cc", "Co", "Cn", "So", "Sk"})


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    if ch in _TABLE:
        return _TABLE[ch]
    bare = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if bare and bare.isascii() and bare.strip():
        return bare
    category = unicodedata.category(ch)
    if category in _DROPPED:  # marks, format characters, emoji, skin tones: Unidecode drops them
        return ""
    return ch  # other scripts and symbols: kept, so that they never spell an (ASCII) lexicon word


def _fold(text: str) -> str:
    """``text`` without accents, ligatures spelled out, as Unidecode spells the characters of French posts.

    >>> _fold("Cœur brisé… « déçu »")
    'Coeur brise... << decu >>'
    """
    return text if text.isascii() else "".join(ch if ch.isascii() else _fold_char(ch) for ch in text)


# ------------------------------------------------------------------------------------------ the data


@lru_cache(maxsize=1)
def _data() -> tuple[dict, dict, list]:
    raw = read_model_json(DATA)
    lexicon = {}
    for word, measure in raw["lexicon"]:
        lexicon[_fold(word)] = float(measure)
    return lexicon, dict(raw["emojis"]), [_fold(w) for w in raw["no_negate"]]


# ------------------------------------------------------------------------------------- static helpers


def _negated(input_words, include_nt=True) -> bool:
    input_words = [str(w).lower() for w in input_words]
    if any(word in input_words for word in NEGATE):
        return True
    return include_nt and any("n't" in word for word in input_words)


def _normalize(score, alpha=15):
    norm_score = score / math.sqrt((score * score) + alpha)
    return max(-1.0, min(1.0, norm_score))


def _allcap_differential(words) -> bool:
    allcap_words = sum(1 for word in words if word.isupper())
    return 0 < len(words) - allcap_words < len(words)


def _scalar_inc_dec(word, valence, is_cap_diff):
    scalar = 0.0
    word_lower = word.lower()
    if word_lower in BOOSTER_DICT:
        scalar = BOOSTER_DICT[word_lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and is_cap_diff:
            scalar = scalar + C_INCR if valence > 0 else scalar - C_INCR
    return scalar


def _strip_punc_if_word(token):
    stripped = token.strip(string.punctuation)
    return token if len(stripped) <= 2 else stripped


def _words_and_emoticons(text: str) -> list[str]:
    return [_strip_punc_if_word(w) for w in re.split(r"[\s']", text)]


# ---------------------------------------------------------------------------------------- the scorer


def _least_check(valence, words, i, lexicon):
    if i > 1 and words[i - 1].lower() not in lexicon and words[i - 1].lower() == "least":
        if words[i - 2].lower() != "at" and words[i - 2].lower() != "very":
            valence = valence * N_SCALAR
    elif i > 0 and words[i - 1].lower() not in lexicon and words[i - 1].lower() == "least":
        valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence, words, i):
    low = [str(w).lower() for w in words]
    onezero = f"{low[i - 1]} {low[i]}"
    twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
    twoone = f"{low[i - 2]} {low[i - 1]}"
    threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
    threetwo = f"{low[i - 3]} {low[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(low) - 1 > i:
        zeroone = f"{low[i]} {low[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(low) - 1 > i + 1:
        zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _negation_check(valence, words, start_i, i, no_negate):
    low = [str(w).lower() for w in words]
    if low[i] in no_negate:
        return valence
    if _negated([low[i - (start_i + 1)]]):  # the same test for 1, 2 and 3 words before
        valence = valence * N_SCALAR
    return valence


def _sentiment_valence(words, is_cap_diff, item, i, lexicon, no_negate):
    valence = 0
    item_lowercase = _fold(item.lower())
    if item_lowercase in lexicon:
        valence = lexicon[item_lowercase]
        if item_lowercase == "no" and i != len(words) - 1 and words[i + 1].lower() in lexicon:
            valence = 0.0
        if (
            (i > 0 and words[i - 1].lower() == "no")
            or (i > 1 and words[i - 2].lower() == "no")
            or (i > 2 and words[i - 3].lower() == "no" and words[i - 1].lower() in ["or", "nor"])
        ):
            valence = lexicon[item_lowercase] * N_SCALAR
        if item.isupper() and is_cap_diff:
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(0, 3):
            if i > start_i and words[i - (start_i + 1)].lower() not in lexicon:
                s = _scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, words, start_i, i, no_negate)
                if start_i == 2:
                    valence = _special_idioms_check(valence, words, i)
        valence = _least_check(valence, words, i, lexicon)
    return valence


def _amplify_uc(text):
    for mark in ("?", "!", ".", ",", ";"):
        text = text.replace(mark, "")
    words = [word[1:] for word in text.split(" ") if len(word) > 1]
    uc_count = 0
    for word in words:
        if not any(c.islower() for c in word):
            if uc_count > 4:
                break
            uc_count += 1
    return uc_count * 0.292


def _amplify_sp(text):
    sp_count = len("".join(re.findall(r"\.{2,}", text)))
    if sp_count in (0, 1):
        return 0.0
    if sp_count in (2, 3):
        return 0.21
    return (min(sp_count, 6) - 2) * 0.21


def _punctuation_emphasis(text):
    ep_amplifier = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier + _amplify_sp(text)


def _score_valence(sentiments, text) -> dict:
    if not sentiments:
        return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    sum_s = float(sum(sentiments))
    punct_emph_amplifier = _punctuation_emphasis(text)
    uc_amplifier = _amplify_uc(text)
    if sum_s > 0:
        sum_s += punct_emph_amplifier
        if sum_s >= 0.05:
            sum_s += uc_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
        if sum_s <= -0.05:
            sum_s -= uc_amplifier
    else:
        sum_s -= 0.5 * punct_emph_amplifier
    compound = _normalize(sum_s)
    pos_sum = neg_sum = 0.0
    neu_count = 0
    for s in sentiments:
        if s > 0:
            pos_sum += float(s) + 1
        if s < 0:
            neg_sum += float(s) - 1
        if s == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct_emph_amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct_emph_amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {
        "neg": round(math.fabs(neg_sum / total), 3),
        "neu": round(math.fabs(neu_count / total), 3),
        "pos": round(math.fabs(pos_sum / total), 3),
        "compound": round(compound, 4),
    }


def polarity_scores(text: str) -> dict:
    """vaderSentiment-fr's ``SentimentIntensityAnalyzer().polarity_scores(text)``: ``neg``, ``neu``, ``pos``
    and ``compound`` (in [-1, 1]).

    >>> polarity_scores("Quel retard, c'est nul")["compound"]
    -0.128
    """
    lexicon, emojis, no_negate = _data()
    pieces, prev_space = [], True
    for ch in text:  # emoji to their French descriptions
        if ch in emojis:
            if not prev_space:
                pieces.append(" ")
            pieces.append(emojis[ch])
            prev_space = False
        else:
            pieces.append(ch)
            prev_space = ch == " "
    text = "".join(pieces).strip()
    words = _words_and_emoticons(text)
    is_cap_diff = _allcap_differential(words)
    sentiments = []
    for i, item in enumerate(words):
        if item.lower() in BOOSTER_DICT:
            sentiments.append(0)
            continue
        if i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of":
            sentiments.append(0)
            continue
        sentiments.append(_sentiment_valence(words, is_cap_diff, item, i, lexicon, no_negate))
    return _score_valence(sentiments, text)


def compound(text: str) -> float:
    """The compound score of ``text`` in [-1, 1] (:func:`polarity_scores`)."""
    return float(polarity_scores(text)["compound"])
