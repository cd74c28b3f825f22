"""Text fragments of the public's posts, ``(en, fr, de)``: openings, closings, emoji, and per topic the
subjects, predicates, questions, requests, news lines, details and hashtags (:data:`PUBLIC`, joined from
:mod:`._banks_journey`, :mod:`._banks_service` and :mod:`._banks_brand`)."""

from __future__ import annotations

from ._banks_brand import BRAND
from ._banks_journey import JOURNEY
from ._banks_service import SERVICE
from ._scenario import (
    COMPLAINT,
    NEG,
    NEU,
    OTHER,
    POS,
    PRAISE,
    QUESTION,
    REQUEST,
    T_APP,
    T_COMFORT,
    T_COMMUNITY,
    T_CRISIS,
    T_DELAYS,
    T_INDUSTRY,
    T_INNOV,
    T_MISC,
    T_NIGHT,
    T_SERVICE,
    T_STORIES,
    T_SUSTAIN,
    T_TICKETS,
)

__all__ = ["OPEN", "CLOSE", "EMOJI", "PUBLIC"]

# --- text fragments: (en, fr, de) ----------------------------------------------------------------
# Placeholders: {b} actor name, {h} actor handle, {prod} actor product, {n} a number (range per topic),
# {u} handle replied to. Subjects are third person singular; French predicates avoid adjectives that agree.

OPEN = {
    COMPLAINT: [
        ("@{h} seriously?", "@{h} sérieusement ?", "@{h} im Ernst?"),
        ("@{h}", "@{h}", "@{h}"),
        ("Third time this week.", "Troisième fois cette semaine.", "Zum dritten Mal diese Woche."),
        ("Unbelievable.", "Incroyable.", "Unglaublich."),
        ("Hey @{h},", "Coucou @{h},", "Hallo @{h},"),
        ("", "", ""),
        ("Fed up.", "Ras-le-bol.", "Mir reicht's."),
        ("Dear {b},", "Cher {b},", "Liebe Leute von {b},"),
        ("", "", ""),
    ],
    QUESTION: [
        ("@{h} quick question:", "@{h} petite question :", "@{h} kurze Frage:"),
        ("Hi @{h},", "Bonjour @{h},", "Hallo @{h},"),
        ("Help please @{h}:", "À l'aide @{h} :", "Hilfe @{h}:"),
        ("@{h}", "@{h}", "@{h}"),
        ("Question for {b}:", "Question pour {b} :", "Frage an {b}:"),
        ("Hello {b},", "Bonjour {b},", "Servus {b},"),
    ],
    PRAISE: [
        ("Big thanks @{h}!", "Merci @{h} !", "Danke @{h}!"),
        ("Honestly impressed.", "Franchement bluffé.", "Ehrlich beeindruckt."),
        ("", "", ""),
        ("Shout-out to {b}:", "Bravo {b} :", "Lob an {b}:"),
        ("Have to say it:", "Il faut le dire :", "Muss man mal sagen:"),
        ("@{h}", "@{h}", "@{h}"),
        ("", "", ""),
    ],
    REQUEST: [
        ("@{h} suggestion:", "@{h} suggestion :", "@{h} Vorschlag:"),
        ("Dear {b},", "Chère équipe {b},", "Liebes {b}-Team,"),
        ("Idea for @{h}:", "Idée pour @{h} :", "Idee für @{h}:"),
        ("Hey {b},", "Hé {b},", "Hey {b},"),
        ("@{h} please", "@{h} svp", "@{h} bitte"),
    ],
    OTHER: [
        ("", "", ""),
        ("Interesting:", "Intéressant :", "Interessant:"),
        ("FYI", "Pour info", "Zur Info"),
        ("Just read this:", "Lu ce matin :", "Gerade gelesen:"),
        ("", "", ""),
        ("News:", "Actu :", "News:"),
    ],
}
CLOSE = {
    COMPLAINT: [
        ("Unacceptable.", "Inadmissible.", "Inakzeptabel."),
        ("Do better.", "Faites mieux.", "Das geht besser."),
        ("I want a refund.", "Je veux être remboursé.", "Ich will mein Geld zurück."),
        ("Never again.", "Plus jamais.", "Nie wieder."),
        ("Thanks for nothing.", "Merci pour rien.", "Danke für nichts."),
        ("", "", ""),
        ("Every. Single. Week.", "Chaque. Semaine.", "Jede. Woche."),
        ("Who is in charge here?", "Qui est responsable ?", "Wer ist hier zuständig?"),
        ("", "", ""),
    ],
    QUESTION: [
        ("Thanks in advance!", "Merci d'avance !", "Danke im Voraus!"),
        ("Anyone know?", "Quelqu'un sait ?", "Weiß das jemand?"),
        ("", "", ""),
        ("Any update?", "Des nouvelles ?", "Gibt es Neuigkeiten?"),
        ("Please answer.", "Merci de répondre.", "Bitte um Antwort."),
        ("", "", ""),
    ],
    PRAISE: [
        ("Well done!", "Bravo !", "Gut gemacht!"),
        ("Keep it up.", "Continuez comme ça.", "Weiter so."),
        ("", "", ""),
        ("Love it.", "J'adore.", "Toll."),
        ("Made my day.", "Ça fait plaisir.", "Hat meinen Tag gerettet."),
        ("", "", ""),
    ],
    REQUEST: [
        ("Would love that.", "Ce serait top.", "Das wäre super."),
        ("Please consider it!", "Pensez-y !", "Bitte überlegt euch das!"),
        ("", "", ""),
        ("Who else wants this?", "Qui d'autre le veut ?", "Wer will das noch?"),
    ],
    OTHER: [
        ("", "", ""),
        ("Worth a read.", "À lire.", "Lesenswert."),
        ("Thoughts?", "Des avis ?", "Meinungen?"),
        ("", "", ""),
    ],
}
EMOJI = {
    NEG: ["😡", "🙄", "😤", "👎", "😩", "🤬"],
    NEU: ["🤔", "🚆", "👀", "ℹ️"],
    POS: ["😍", "👏", "🙌", "💚", "🚄", "✨"],
}

#: Every topic's fragments, in the topics' order of old (the generator's random draws depend on it).
PUBLIC: dict[int, dict] = {
    T_DELAYS: JOURNEY[T_DELAYS],
    T_TICKETS: JOURNEY[T_TICKETS],
    T_APP: SERVICE[T_APP],
    T_SERVICE: SERVICE[T_SERVICE],
    T_COMFORT: SERVICE[T_COMFORT],
    T_SUSTAIN: BRAND[T_SUSTAIN],
    T_INNOV: BRAND[T_INNOV],
    T_COMMUNITY: BRAND[T_COMMUNITY],
    T_STORIES: BRAND[T_STORIES],
    T_NIGHT: JOURNEY[T_NIGHT],
    T_CRISIS: SERVICE[T_CRISIS],
    T_INDUSTRY: BRAND[T_INDUSTRY],
    T_MISC: BRAND[T_MISC],
}
