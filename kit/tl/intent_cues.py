"""The cue rules of :mod:`kit.tl.intent`: multilingual regexes that name a post's intent when it is explicit.

:func:`cue` reads one text: ``feature_request``, ``question``, ``complaint``, ``feedback``, ``praise``,
``other`` (news and announcements) or ``None`` when no cue fires. :class:`Cues` makes a long list of
alternatives fast to search.

>>> cue("Hey Voltaria, please add power sockets at every seat!")
'feature_request'
>>> cue("Zug schon wieder 40 Minuten zu spät. Nie wieder.")
'complaint'
>>> cue("Le train part à 8h.") is None
True
"""

from __future__ import annotations

import re

from .._text import HANDLE, HASHTAG, RT_PREFIX, URL

__all__ = ["Cues", "cue", "is_question", "sentences"]

_FLAGS = re.IGNORECASE | re.UNICODE


def _literal_start(alternative: str) -> str:
    """The literal text every match of a regex alternative starts with (lowercased; may be empty)."""
    body = alternative[2:] if alternative.startswith(r"\b") else alternative
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            if i + 1 < len(body) and not body[i + 1].isalnum():
                out.append(body[i + 1])
                i += 2
                continue
            break
        if c in "()[]{}?*+.|^$":
            if c in "?*{" and out:  # the last character was optional
                out.pop()
            break
        out.append(c)
        i += 1
    return "".join(out).lower()


class Cues:
    """Whether a text holds one of the regex ``alternatives`` (case-insensitive), fast.

    Python's ``re`` tries a long alternation branch by branch at every position (a hundred cue words:
    about 110 µs a post, a minute for the care candidates of a million posts). Each alternative that
    starts with literal text is compiled alone (``re`` then looks for its literal start quickly) and
    tried only when that start is a substring of the lowercased text; the others stay one alternation,
    always tried. :meth:`search` returns a match when the whole alternation would match (tested),
    though not necessarily the leftmost one: the cue rules only ask whether there is one.
    """

    def __init__(self, alternatives: list[str]):
        self.pattern = re.compile("|".join(alternatives), _FLAGS)
        starts = [_literal_start(a) for a in alternatives]
        self.parts = [(start, re.compile(a, _FLAGS)) for start, a in zip(starts, alternatives) if start]
        others = [a for start, a in zip(starts, alternatives) if not start]
        self.rest = re.compile("|".join(others), _FLAGS) if others else None

    def search(self, text: str):
        """A match when one of the alternatives occurs in ``text`` (not necessarily the leftmost), else ``None``."""
        low = text.lower()
        for start, pattern in self.parts:
            if start in low:
                found = pattern.search(text)
                if found:
                    return found
        return None if self.rest is None else self.rest.search(text)


_REQUEST = Cues(
    [
        # English
        r"\bplease (?:add|bring|make|put|let|give|introduce|offer|allow|show|support|open|consider|launch)\b",
        r"\bit would be (?:great|nice|awesome|good|cool) (?:if|to)\b",
        r"\bwould (?:love|like) (?:to see|it if|a|an|more)\b",
        r"\bwould love that\b",
        r"\bwho else wants (?:this|it)\b",
        r"\bidea for\b",
        r"\bsuggestion\b",
        r"\bfeature request\b",
        r"\bwhy not (?:add|offer|have|make)\b",
        r"\bwe need (?:a|an|more)\b",
        r"\bi wish (?:you|there)\b",
        r"\byou should (?:add|offer|bring|make|have)\b",
        # French
        r"\bj'aimerais\b",
        r"\bj’aimerais\b",
        r"\bce serait (?:bien|top|génial|super|cool|pratique)\b",
        r"\bça serait (?:bien|top|génial|super)\b",
        r"\bqui d'autre le veut\b",
        r"\bqui d’autre le veut\b",
        r"\bidée pour\b",
        r"\bpensez-y\b",
        r"\bpourquoi ne pas\b",
        r"\bil faudrait\b",
        r"\bvous devriez\b",
        r"\bon veut\b",
        r"\bmerci d'ajouter\b",
        # German
        r"\bwäre (?:schön|super|toll|klasse|praktisch|gut|cool)\b",
        r"\bwer will das (?:noch|auch)\b",
        r"\bvorschlag\b",
        r"\bidee für\b",
        r"\bbitte überlegt\b",
        r"\bich wünsche mir\b",
        r"\bwir brauchen\b",
        r"\bihr solltet\b",
        r"\bwarum nicht\b",
        r"\bbitte (?:führt|baut|bringt|zeigt|setzt|bietet|macht|fügt|ersetzt|unterstützt|"
        r"veröffentlicht|öffnet|gebt|stellt|schafft|erlaubt)\b",
    ]
)

# imperatives a customer uses to ask for something, right after addressing the organisation
_IMPERATIVE_EN = (
    "add",
    "bring",
    "put",
    "publish",
    "open",
    "show",
    "sponsor",
    "replace",
    "offer",
    "introduce",
    "support",
    "launch",
    "make",
    "let",
    "give",
    "allow",
    "build",
    "extend",
    "create",
    "start",
    "display",
    "install",
    "restore",
    "reintroduce",
    "provide",
)
_IMPERATIVE_DE = (
    "führt",
    "zeigt",
    "bringt",
    "baut",
    "setzt",
    "bietet",
    "ersetzt",
    "unterstützt",
    "veröffentlicht",
    "macht",
    "fügt",
    "schafft",
    "öffnet",
    "gebt",
    "stellt",
    "erlaubt",
    "sponsert",
    "startet",
    "verlängert",
    "installiert",
)
_ADDRESS = (
    r"^(?:(?:hey|hi|hello|dear|bonjour|salut|hé|coucou|hallo|servus|liebes?|chère|cher|moin)\b[^,:!.?]{0,40}"
    r"[,:]\s*|@\w+\s*(?:svp|please|bitte|stp)?\s*[,:]?\s*|(?:svp|please|bitte)\s+)"
)
_IMPERATIVE = re.compile(
    _ADDRESS
    + r"(?:please\s+|svp\s+|bitte\s+)?(?:"
    + "|".join(_IMPERATIVE_EN + _IMPERATIVE_DE)
    + r"|[a-zàâçéèêëîïôûùüÿœ]{3,}ez)\b",
    _FLAGS,
)

_QUESTION_OPENERS = Cues(
    [
        r"\bquestion (?:for|to|about)\b",
        r"\bquick question\b",
        r"\bpetite question\b",
        r"\bquestion pour\b",
        r"\b(?:kurze )?frage an\b",
        r"\bkurze frage\b",
        r"\banyone know\b",
        r"\bdoes anyone\b",
        r"\bquelqu'un sait\b",
        r"\bquelqu’un sait\b",
        r"\bweiß (?:das )?jemand\b",
        r"\bweiss (?:das )?jemand\b",
        r"\bplease answer\b",
        r"\bbitte um antwort\b",
        r"\bmerci de (?:me )?répondre\b",
        r"\bany update\b",
    ]
)
_INTERROGATIVE = re.compile(
    r"^(?:.*\b)?(?:how|what|when|where|why|which|who|whom|whose|is|are|was|were|do|does|did|can|could|will|would|"
    r"should|may|has|have|comment|pourquoi|quand|où|quel|quelle|quels|quelles|combien|est-ce|qui|"
    r"wie|was|wann|wo|wohin|woher|warum|wieso|weshalb|welche|welcher|welches|wer|gibt|gilt|fährt|fahren|kann|"
    r"können|ist|sind|muss|hat|habe|bekomme|darf)\b",
    _FLAGS,
)
_INVERSION_FR = re.compile(r"\b\w+-(?:t-)?(?:il|elle|ils|elles|je|on|vous|nous)\b|\bpuis-je\b|\by a-t-il\b", _FLAGS)
_RHETORICAL = re.compile(
    r"^\W*(?:seriously|really|sérieusement|vraiment|im ernst|ernsthaft|echt|wtf|are you kidding me|"
    r"who is in charge(?: here)?|qui est responsable(?: ici)?|wer ist (?:hier )?(?:verantwortlich|zuständig)|"
    r"how hard can it be|c'est une blague|is this a joke|ist das ein witz|what is wrong with you)\W*$",
    _FLAGS,
)
_SOLICIT = Cues(
    [
        r"^\W*(?:thoughts|opinions|des avis|vos avis|avis|meinungen|eure meinung|what do you think|"
        r"qu'en pensez-vous|was meint ihr|was denkt ihr)\W*$",
        r"\bdm us\b",
        r"\bby dm\b",
        r"\bper dm\b",
        r"\bvia dm\b",
        r"\ben (?:message )?privé\b",
        r"\bmp\b",
        r"\bsend us\b",
        r"\bschickst du uns\b",
        r"\bschick uns\b",
        r"\bpouvez-vous nous envoyer\b",
        r"\bbooking reference\b",
        r"\bréférence de réservation\b",
        r"\bbuchungsnummer\b",
    ]
)

_COMPLAINT = Cues(
    [
        # English
        r"\bnever again\b",
        r"\bunacceptable\b",
        r"\bridiculous\b",
        r"\bdisgrace\b",
        r"\bscandal",
        r"\bworst\b",
        r"\bterrible\b",
        r"\bawful\b",
        r"\bfed up\b",
        r"\bsick of\b",
        r"\bcharged (?:me )?(?:twice|three times)\b",
        r"\bdouble[- ]charged?\b",
        r"\bi want my money back\b",
        r"\bno one (?:answers|replies|explains)\b",
        r"\bnobody\b",
        r"\bstill (?:no|not|hasn't|haven't|waiting)\b",
        r"\bcancell?ed\b",
        r"\bdelayed\b",
        r"\bstuck\b",
        r"\bbroken\b",
        r"\brip[- ]off\b",
        r"\bdo better\b",
        r"\bthird time\b",
        r"#fail\b",
        r"\bevery\. single\. \w+",
        r"\bcomplain",
        r"\bdisappointed\b",
        r"\bnot working\b",
        r"\bdoesn't work\b",
        r"\bminutes late\b",
        r"\bhours? late\b",
        # French
        r"\bplus jamais\b",
        r"\binadmissible\b",
        r"\binacceptable\b",
        r"\bscandale",
        r"\bhonteu",
        r"\bras-le-bol\b",
        r"\bmarre\b",
        r"\bnul(?:le)?\b",
        r"\bpersonne ne (?:répond|m'a|explique)\b",
        r"\bannulé",
        r"\ben retard\b",
        r"\bretardé",
        r"\bminutes de retard\b",
        r"\bdébité",
        r"\bprélèvement",
        r"\bje veux être rembours",
        r"\btoujours pas\b",
        r"\bfaites mieux\b",
        r"\btroisième fois\b",
        r"\bchaque\. semaine\b",
        r"\bdéçu",
        r"\bmerci pour rien\b",
        r"\barnaque\b",
        r"\bne marche (?:pas|plus)\b",
        r"\bn'a pas marché\b",
        r"\bbloqué",
        r"\bhors de prix\b",
        # German
        r"\bnie wieder\b",
        r"\bunverschämt",
        r"\bfrechheit\b",
        r"\bskandal",
        r"\bwucher\b",
        r"\bkeiner antwortet\b",
        r"\bniemand\b",
        r"\bschon wieder\b",
        r"\bimmer noch (?:nicht|kein)",
        r"\bausgefallen\b",
        r"\bgestrichen\b",
        r"\bzu spät\b",
        r"\bverspätung\b",
        r"\bverspätet\b",
        r"\bbelastet\b",
        r"\bdoppelabbuchung\b",
        r"\bgeld zurück\b",
        r"\benttäuscht\b",
        r"\bdas geht besser\b",
        r"\bjede\. woche\b",
        r"\bdritte(?:s)? mal\b",
        r"\bfunktioniert (?:nicht|schon wieder nicht)\b",
        r"\bkaputt\b",
        r"\bsteckt? fest\b",
        r"\bärgerlich\b",
    ]
)

_PRAISE = Cues(
    [
        r"\bbravo\b",
        r"\bkudos\b",
        r"\bthank you\b",
        r"\bthanks\b",
        r"\bmerci(?! pour rien)\b",
        r"\bdanke\b",
        r"\bvielen dank\b",
        r"\blove (?:it|this|the|you)\b",
        r"\bj'adore\b",
        r"\bj’adore\b",
        r"\bimpressed\b",
        r"\bimpressionné",
        r"\bbeeindruckt\b",
        r"\bgreat (?:job|service|work|experience)\b",
        r"\bwell done\b",
        r"\bamazing\b",
        r"\bexcellent\b",
        r"\bgénial\b",
        r"\bsuper (?:service|équipe|team)\b",
        r"\btop service\b",
        r"\bunglaublich (?:freundlich|gut|schnell)\b",
        r"\bhilfsbereit\b",
        r"\bklasse\b",
        r"\bspitze\b",
        r"\bchapeau\b",
        r"\bunforgettable\b",
        r"\binoubliable\b",
        r"\bunvergesslich\b",
        r"\bbest\b",
        r"\bmeilleur",
        r"\bbeste\b",
        r"\bhonestly impressed\b",
        r"\bfinally\b",
        r"\benfin\b",
        r"\bendlich\b",
        r"\brecommend\b",
        r"\brecommande\b",
        r"\bempfehle\b",
        r"\bweiter so\b",
        r"\bkeep it up\b",
        r"\bkeep up the good work\b",
        r"\bcontinuez\b",
        r"\blob an\b",
        r"\bhats off\b",
        r"\bshout-?out\b",
        r"\bprops to\b",
        r"\b(?:have|has|must) to say\b",
        r"\bfaut le dire\b",
        r"\bmuss man (?:mal )?sagen\b",
        r"\bà saluer\b",
        r"\bleap forward\b",
        r"\bspotless\b",
        r"\bimpeccable\b",
        r"\bblitzsauber\b",
    ]
)

_FEEDBACK = Cues(
    [
        r"\bfeedback\b",
        r"\bi tried the\b",
        r"\bi tested\b",
        r"\bfirst impressions?\b",
        r"\bin my opinion\b",
        r"\bmy two cents\b",
        r"\bthe new (?:app|design|seats?|update|version|interface|menu|timetable)\b",
        r"\bretour d'expérience\b",
        r"\bmon avis\b",
        r"\bj'ai testé\b",
        r"\bj'ai essayé\b",
        r"\bpremières? impressions?\b",
        r"\bla nouvelle (?:appli|version|interface)\b",
        r"\ble nouveau (?:design|site|menu)\b",
        r"\brückmeldung\b",
        r"\bmeine meinung\b",
        r"\bich finde\b",
        r"\bhabe (?:die|das|den) \w+ (?:getestet|ausprobiert)\b",
        r"\berster eindruck\b",
        r"\bdie neue (?:app|version|oberfläche)\b",
        r"\bdas neue (?:design|menü)\b",
    ]
)
_NEWS = Cues(
    [
        r"^\W*(?:fyi|pour info|zur info)\b",
        r"^\W*(?:just read(?: this)?|lu ce matin|gerade gelesen|interesting|intéressant|"
        r"interessant|breaking|news|actu|à découvrir|must read|study|étude|studie|report|rapport|bericht)\s*[:!]",
        r"\bworth a read\b",
        r"\bà lire\b",
        r"\blesenswert\b",
        r"\bfull story\b",
        r"\bread more\b",
        r"\ben savoir plus\b",
        r"\bmehr erfahren\b",
        r"\bfind out more\b",
        r"\blink in bio\b",
        r"\blien en bio\b",
    ]
)
_URL = re.compile(r"https?://|www\.", _FLAGS)
_UNBELIEVABLE = re.compile(r"^\W*(?:unbelievable|incroyable|unglaublich|seriously|sérieusement|im ernst)\W*$", _FLAGS)
_BUT = re.compile(r"\b(?:but|however|mais|cependant|aber|jedoch|allerdings)\b", _FLAGS)
_SENTENCE = re.compile(r"[^.!?…]*[.!?…]+|[^.!?…]+$")
#: What the cues do not read: a retweet prefix, links, hashtags (the kit's rules, :mod:`kit._text`).
_NOISE = re.compile("|".join([RT_PREFIX, URL, HASHTAG]))
#: Handles opening a sentence ("@brand @other can I ..."), Bluesky and Mastodon handles included.
_LEADING_HANDLES = re.compile(rf"^(?:{HANDLE}\s*)+")


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` without retweet prefix, links, hashtags and leading handles.

    >>> sentences("RT @a: @brand Where is my bag? Lost again. https://t.co/x")
    ['Where is my bag?', 'Lost again.']
    """
    text = _NOISE.sub(" ", text)
    return [_LEADING_HANDLES.sub("", s.strip()) for s in _SENTENCE.findall(text) if s.strip()]


def is_question(text: str) -> bool:
    """Whether ``text`` asks something: a question opener, or a sentence ending in "?" that is neither
    rhetorical ("seriously?") nor a prompt for opinions ("Thoughts?") or a care agent's request.

    >>> is_question("@railix can I exchange my ticket for free?"), is_question("Seriously?")
    (True, False)
    """
    if _QUESTION_OPENERS.search(text):
        return True
    for s in sentences(text):
        if not s.endswith("?"):
            continue
        if _RHETORICAL.match(s) or _SOLICIT.search(s):
            continue
        body = _LEADING_HANDLES.sub("", s).strip()
        body = re.sub(r"^[^,:]{0,40}[,:]\s*", "", body) if re.match(r"^[^,:?]{0,40}[,:]", body) else body
        if _INTERROGATIVE.match(body) or _INVERSION_FR.search(body) or len(body.split()) >= 4:
            return True
    return False


def cue(text: str) -> str | None:
    """The intent named by an explicit cue in ``text``, or ``None``.

    When several fire, the order decides: news or a shared link (``other``), ``feature_request``,
    ``question``, ``complaint``, ``feedback``, ``praise``.

    >>> cue("Bravo Trenova, super service today!")
    'praise'
    """
    clean = _NOISE.sub(" ", text).strip()
    if _NEWS.search(clean) or (_URL.search(text) and not is_question(text)):
        return "other"  # sharing news or an announcement: nobody asks or complains to anyone
    if _REQUEST.search(clean) or _IMPERATIVE.search(clean):
        return "feature_request"
    if is_question(text):
        return "question"
    parts = sentences(text)
    if _COMPLAINT.search(clean) or any(_RHETORICAL.match(s) or _UNBELIEVABLE.match(s) for s in parts):
        return "complaint"
    if _FEEDBACK.search(clean):
        return "feedback"
    if _PRAISE.search(clean):
        return "praise"
    return None
