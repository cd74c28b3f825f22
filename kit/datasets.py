"""The embedded sample: a generated rail-brand scenario whose ground truth is known.

:func:`generate` builds, from a seed, thirteen weeks of posts around a fictional rail operator
(**Voltaria**), three competitors (Railix, Trenova, Cityhop) and four media outlets, in French,
German and English, on five networks. Everything the four notebooks should find is planted and
written down in a JSON-serialisable *truth* dict: engagement effects of format and hour, each
actor's vocabulary, the brand's under-served editorial pillar, share of voice and net sentiment,
response times to customers, two A/B message tests (one real, one null), a weak signal (complaints
about the new night train) and a crisis (a billing error that charged customers twice), with onset,
peak, media pick-up, brand statement, repost cascade and half-life.

The post table is the canonical one (:mod:`kit.schema`) plus columns ``x_true_topic``,
``x_true_intent``, ``x_true_sentiment``, ``x_campaign`` and ``x_variant``, which are the labels the
generator used. Nothing is copied from real data: texts are composed from slot fragments written
for this module (opening, subject, predicate, detail, closing, hashtags, emoji, numbers), with the
same fragment index rendered in each language so that posts about one thing in French, German and
English are translations in spirit.

Examples
--------
>>> from kit import datasets, schema
>>> posts, truth = datasets.generate(2_000, seed=1)
>>> len(posts), schema.validate(posts) is posts
(2000, True)
>>> truth["crisis"]["onset"]
'2026-03-09T14:00:00Z'
>>> sorted(posts["lang"].unique())
['de', 'en', 'fr']
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import schema

__all__ = ["generate", "write_sample", "accounts", "sample_path", "load_sample", "SAMPLE_DIR"]

#: Where the embedded sample lives (``data/sample`` at the repository root).
SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"

HOUR = 3600
DAY = 86400
WEEKS = 13
MIN_POSTS = 1000

LANGS = ("en", "fr", "de")
PLATFORMS = ("twitter", "mastodon", "bluesky", "facebook", "instagram")
TW, MA, BS, FB, IG = range(5)
FORMATS = ("text", "link", "image", "video")
KINDS = ("original", "repost", "quote", "reply")
ORIGINAL, REPOST, QUOTE, REPLY = range(4)
INTENTS = ("complaint", "question", "praise", "feature_request", "other")
COMPLAINT, QUESTION, PRAISE, REQUEST, OTHER = range(5)
SENTIMENTS = ("negative", "neutral", "positive")
NEG, NEU, POS = range(3)
ROLES = ("brand", "competitor", "media", "public", "employee")
R_BRAND, R_COMP, R_MEDIA, R_PUBLIC, R_EMP = range(5)
TOPICS = (
    "delays",
    "tickets_prices",
    "app",
    "customer_service",
    "onboard_comfort",
    "sustainability",
    "innovation",
    "community_events",
    "customer_stories",
    "night_train",
    "billing_crisis",
    "industry_news",
    "misc",
)
(
    T_DELAYS,
    T_TICKETS,
    T_APP,
    T_SERVICE,
    T_COMFORT,
    T_SUSTAIN,
    T_INNOV,
    T_COMMUNITY,
    T_STORIES,
    T_NIGHT,
    T_CRISIS,
    T_INDUSTRY,
    T_MISC,
) = range(len(TOPICS))
CAMPAIGNS = ("spring_ab", "null_ab")
VARIANTS = ("A", "B")
# How each row's text is made.
S_MENTION, S_OWNED, S_CAMPAIGN, S_MEDIA, S_STATEMENT, S_EMPLOYEE, S_REPLY, S_REPOST, S_SPECIAL = range(9)

SCRIPT_TEXT = "<script>alert(1)</script>"
MARKUP_TEXT = "Tom &amp; Jerry <b>bold</b> on the train wifi all the way to Lyon, thanks @voltaria"

# --- actors --------------------------------------------------------------------------------------

ACTORS: tuple[dict, ...] = (
    dict(
        name="Voltaria",
        role=R_BRAND,
        handle="voltaria",
        product="Aurora",
        domain="voltaria.example",
        followers={TW: 84_000, MA: 5_200, BS: 12_800, FB: 142_000, IG: 61_000},
        platform_weights={TW: 0.3, MA: 0.1, BS: 0.1, FB: 0.25, IG: 0.25},
        own_lang=(0.2, 0.5, 0.3),
        mention_lang=(0.25, 0.45, 0.30),
        paid=0.2,
        keywords=[
            "Voltaria",
            "Aurora",
            "Voltaria Pass",
            "#VoltariaGreen",
            "#TravelElectric",
            "zero-emission",
            "zéro émission",
            "emissionsfrei",
            "electric",
            "électrique",
            "elektrisch",
        ],
    ),
    dict(
        name="Railix",
        role=R_COMP,
        handle="railix",
        product="Komet",
        domain="railix.example",
        followers={TW: 120_000, BS: 8_100, FB: 210_000, IG: 45_000},
        platform_weights={TW: 0.35, BS: 0.1, FB: 0.3, IG: 0.25},
        own_lang=(0.2, 0.15, 0.65),
        mention_lang=(0.25, 0.15, 0.60),
        paid=0.15,
        keywords=[
            "Railix",
            "Komet",
            "FlexFare",
            "#RailixDeals",
            "Railix Plus",
            "lowest fare",
            "meilleur prix",
            "günstigste Preis",
        ],
    ),
    dict(
        name="Trenova",
        role=R_COMP,
        handle="trenova",
        product="Meridian",
        domain="trenova.example",
        followers={TW: 56_000, FB: 98_000, IG: 88_000},
        platform_weights={TW: 0.3, FB: 0.3, IG: 0.4},
        own_lang=(0.5, 0.3, 0.2),
        mention_lang=(0.5, 0.3, 0.2),
        paid=0.15,
        keywords=[
            "Trenova",
            "Meridian",
            "Premium Lounge",
            "TrenovaMiles",
            "#TrenovaComfort",
            "arrive refreshed",
            "arrivez reposé",
            "erholt ankommen",
        ],
    ),
    dict(
        name="Cityhop",
        role=R_COMP,
        handle="cityhop",
        product="Hopper",
        domain="cityhop.example",
        followers={TW: 23_000, MA: 3_900, IG: 71_000},
        platform_weights={TW: 0.35, MA: 0.15, IG: 0.5},
        own_lang=(0.45, 0.35, 0.2),
        mention_lang=(0.4, 0.4, 0.2),
        paid=0.15,
        keywords=[
            "Cityhop",
            "Hopper",
            "#CityhopGo",
            "#LastMile",
            "last mile",
            "dernier kilomètre",
            "letzte Meile",
            "e-bike",
        ],
    ),
    dict(
        name="Mobilité Hebdo",
        role=R_MEDIA,
        handle="mobilitehebdo",
        domain="mobilite-hebdo.example",
        followers={TW: 38_000, MA: 2_400, FB: 51_000},
        platform_weights={TW: 0.5, MA: 0.2, FB: 0.3},
        own_lang=(0.0, 1.0, 0.0),
        tag="#MobilitéHebdo",
        weight=0.25,
    ),
    dict(
        name="Verkehrsblatt",
        role=R_MEDIA,
        handle="verkehrsblatt",
        domain="verkehrsblatt.example",
        followers={TW: 61_000, MA: 7_500, BS: 4_100, FB: 33_000},
        platform_weights={TW: 0.4, MA: 0.2, BS: 0.1, FB: 0.3},
        own_lang=(0.0, 0.0, 1.0),
        tag="#Verkehrsblatt",
        weight=0.25,
    ),
    dict(
        name="Transit Times",
        role=R_MEDIA,
        handle="transittimes",
        domain="transittimes.example",
        followers={TW: 125_000, BS: 18_000, FB: 77_000},
        platform_weights={TW: 0.5, BS: 0.2, FB: 0.3},
        own_lang=(1.0, 0.0, 0.0),
        tag="#TransitTimes",
        weight=0.3,
    ),
    dict(
        name="EuroRail Wire",
        role=R_MEDIA,
        handle="eurorailwire",
        domain="eurorail-wire.example",
        followers={TW: 29_000, MA: 3_300, BS: 5_200},
        platform_weights={TW: 0.6, MA: 0.2, BS: 0.2},
        own_lang=(0.6, 0.2, 0.2),
        tag="#RailWire",
        weight=0.2,
    ),
)
BRAND = 0
TRACKED = (0, 1, 2, 3)
MEDIA = (4, 5, 6, 7)
SOV_TARGET = (0.45, 0.25, 0.18, 0.12)
SIGNATURE_TAGS = (
    ("#Voltaria", "#VoltariaGreen", "#TravelElectric"),
    ("#Railix", "#RailixDeals", "#FlexFare"),
    ("#Trenova", "#TrenovaComfort", "#TrenovaMiles"),
    ("#Cityhop", "#CityhopGo", "#LastMile"),
)
MEDIA_KEYWORDS = [
    "Breaking",
    "Analysis",
    "Exclusive",
    "Read more",
    "Urgent",
    "À lire",
    "Eilmeldung",
    "Exklusiv",
    "Mehr dazu",
]

EMPLOYEES = (  # handle, display name, platform, language, followers
    ("claire_martin", "Claire Martin", TW, 1, 2_300),
    ("jonasweber", "Jonas Weber", TW, 2, 1_150),
    ("sophie.dubois", "Sophie Dubois", IG, 1, 3_800),
    ("lukas_fischer", "Lukas Fischer", MA, 2, 640),
    ("emmaclarke", "Emma Clarke", BS, 0, 910),
    ("hugo_laurent", "Hugo Laurent", TW, 1, 4_200),
    ("lea.schmidt", "Lea Schmidt", FB, 2, 480),
    ("noah_bennett", "Noah Bennett", TW, 0, 1_700),
)
EMPLOYEE_WEIGHTS = (0.22, 0.12, 0.16, 0.06, 0.08, 0.2, 0.06, 0.1)

PILLARS = {
    "sustainability": dict(
        topic="sustainability",
        statement="Rail is the low-carbon way to travel: renewable electricity, lower emissions, greener stations.",
        keywords=[
            "renewable",
            "CO2",
            "emissions",
            "climate",
            "solar",
            "renouvelable",
            "émissions",
            "Ökostrom",
            "Emissionen",
            "Klima",
        ],
    ),
    "innovation": dict(
        topic="innovation",
        statement="New trains and digital services that make travel simpler: "
        "the Aurora, the app, predictive maintenance.",
        keywords=[
            "Aurora",
            "new train",
            "app",
            "engineers",
            "nouveau train",
            "ingénieurs",
            "neuer Zug",
            "Ingenieure",
            "test runs",
        ],
    ),
    "customer stories": dict(
        topic="customer_stories",
        statement="Real journeys and the people who make them: passengers' stories, told in their words.",
        keywords=["story", "stories", "meet", "histoire", "voici", "Geschichte", "Geschichten"],
    ),
    "community": dict(
        topic="community_events",
        statement="Events, sponsoring and local life along our lines: the Voltaria Marathon, festivals, volunteers.",
        keywords=[
            "marathon",
            "festival",
            "volunteers",
            "sports clubs",
            "bénévoles",
            "Freiwillige",
            "Sportvereine",
            "concert",
        ],
    ),
}
UNDER_SERVED = "customer stories"

# Topic mixes (over TOPICS indices) of the actors' own posts.
OWN_TOPICS = {
    0: {T_SUSTAIN: 0.32, T_INNOV: 0.26, T_COMMUNITY: 0.16, T_STORIES: 0.04, T_TICKETS: 0.12, T_DELAYS: 0.10},
    1: {T_TICKETS: 0.40, T_DELAYS: 0.20, T_INNOV: 0.15, T_SUSTAIN: 0.10, T_COMMUNITY: 0.10, T_STORIES: 0.05},
    2: {T_COMFORT: 0.35, T_TICKETS: 0.20, T_INNOV: 0.15, T_SUSTAIN: 0.10, T_STORIES: 0.10, T_COMMUNITY: 0.10},
    3: {T_APP: 0.40, T_SUSTAIN: 0.20, T_TICKETS: 0.15, T_COMMUNITY: 0.15, T_INNOV: 0.10},
}
# Topic mixes of the public's everyday mentions of each tracked actor.
_BASE_TOPICS = (
    T_DELAYS,
    T_TICKETS,
    T_APP,
    T_SERVICE,
    T_COMFORT,
    T_SUSTAIN,
    T_INNOV,
    T_COMMUNITY,
    T_STORIES,
    T_INDUSTRY,
)
MENTION_TOPICS = {
    0: (0.20, 0.15, 0.12, 0.12, 0.08, 0.08, 0.08, 0.07, 0.03, 0.07),
    1: (0.30, 0.20, 0.08, 0.12, 0.10, 0.05, 0.05, 0.03, 0.02, 0.05),
    2: (0.10, 0.30, 0.05, 0.10, 0.20, 0.05, 0.08, 0.05, 0.02, 0.05),
    3: (0.08, 0.15, 0.35, 0.12, 0.05, 0.10, 0.05, 0.05, 0.00, 0.05),
}
MEDIA_TOPICS = {
    T_DELAYS: 0.15,
    T_TICKETS: 0.15,
    T_APP: 0.08,
    T_SERVICE: 0.07,
    T_COMFORT: 0.05,
    T_SUSTAIN: 0.12,
    T_INNOV: 0.12,
    T_COMMUNITY: 0.05,
    T_INDUSTRY: 0.21,
}
# P(intent | topic), intents in INTENTS order.
INTENT_MIX = np.array(
    [
        (0.60, 0.20, 0.08, 0.02, 0.10),
        (0.40, 0.30, 0.10, 0.05, 0.15),
        (0.50, 0.20, 0.07, 0.15, 0.08),
        (0.45, 0.20, 0.25, 0.02, 0.08),
        (0.35, 0.15, 0.25, 0.15, 0.10),
        (0.08, 0.10, 0.40, 0.07, 0.35),
        (0.06, 0.20, 0.40, 0.09, 0.25),
        (0.04, 0.10, 0.45, 0.06, 0.35),
        (0.02, 0.03, 0.75, 0.02, 0.18),
        (0.55, 0.25, 0.06, 0.09, 0.05),
        (0.70, 0.25, 0.00, 0.00, 0.05),
        (0.05, 0.05, 0.05, 0.02, 0.83),
        (0.0, 0.0, 0.0, 0.0, 1.0),
    ]
)
# P(sentiment | intent), sentiments in SENTIMENTS order.
SENTIMENT_MIX = np.array(
    [(0.92, 0.08, 0.0), (0.20, 0.78, 0.02), (0.0, 0.05, 0.95), (0.10, 0.60, 0.30), (0.08, 0.82, 0.10)]
)

# Engagement model of owned posts (brand, competitors, media): expected interactions
# = followers x platform rate x format effect x hour effect x paid effect x lognormal noise (mean 1).
PLATFORM_RATE = np.array([0.0006, 0.004, 0.003, 0.0026, 0.0116])
FORMAT_EFFECT = np.array([1.0, 0.8, 1.3, 2.0])
HOUR_EFFECT = 1.5
EFFECT_HOURS = (18, 19, 20)
PAID_INTERACTIONS = 1.3
PAID_VIEWS = 2.5
NOISE_SIGMA = 0.5
VIEW_FRACTION = np.array([0.12, 0.0, 0.0, 0.08, 0.25])  # views per follower, where the platform reports them
SPLIT = np.array(
    [  # likes, shares, comments, quotes
        (0.62, 0.20, 0.10, 0.08),
        (0.60, 0.25, 0.10, 0.05),
        (0.62, 0.18, 0.12, 0.08),
        (0.75, 0.12, 0.13, 0.0),
        (0.90, 0.03, 0.07, 0.0),
    ]
)
FORMAT_MIX = np.array(
    [
        (0.30, 0.30, 0.25, 0.15),
        (0.40, 0.30, 0.20, 0.10),
        (0.40, 0.30, 0.20, 0.10),
        (0.15, 0.35, 0.30, 0.20),
        (0.0, 0.0, 0.60, 0.40),
    ]
)

AB_RATES = {"spring_ab": (0.030, 0.045), "null_ab": (0.035, 0.035)}
AB_DAYS = {"spring_ab": (70, 84), "null_ab": (28, 42)}

RESPONSE_RATE = 0.55
RESPONSE_MEDIAN_H = 2.5
RESPONSE_SIGMA = 1.1

CRISIS_DAY, CRISIS_HOUR = 63, 14
CRISIS_RISE_H = 3.0
CRISIS_HALF_LIFE_H = 6.0
CRISIS_MEDIA_H = 2.0
CRISIS_STATEMENT_H = 6.0
CRISIS_PAUSE_H = 48
CRISIS_SEED_H = (0.0, 0.6, 1.1, 1.7)
CRISIS_SEED_PLATFORMS = (TW, TW, BS, MA)
CRISIS_SEED_LANGS = (1, 0, 2, 1)
CASCADE_WEIGHTS = (0.42, 0.24, 0.14, 0.10, 0.10)  # the four seeds, then the first media article
CRISIS_KEYWORDS = [
    "charged twice",
    "double charge",
    "duplicate charges",
    "prélevé deux fois",
    "double prélèvement",
    "doppelt abgebucht",
    "Doppelabbuchung",
    "#VoltariaFail",
]
WEAK_START_DAY = 42
WEAK_KEYWORDS = [
    "night train",
    "couchette",
    "sleeper",
    "train de nuit",
    "voiture-lits",
    "Nachtzug",
    "Liegewagen",
    "Schlafwagen",
]
GAP = dict(actor=2, days=(28, 39))  # Trenova stops posting for 11 days

# Shares of n_posts per segment (public everyday mentions fill the rest).
SHARES = dict(
    owned={0: 0.035, 1: 0.014, 2: 0.012, 3: 0.010},
    media=0.02,
    employees=0.008,
    crisis=0.06,
    cascade=0.045,
    weak=0.03,
    public_reposts=0.04,
    public_replies=0.03,
)

HOUR_PUBLIC = np.array(
    [
        0.3,
        0.2,
        0.15,
        0.1,
        0.1,
        0.2,
        0.6,
        1.2,
        1.6,
        1.3,
        1.1,
        1.1,
        1.3,
        1.2,
        1.0,
        1.0,
        1.1,
        1.4,
        1.6,
        1.6,
        1.5,
        1.3,
        0.9,
        0.5,
    ]
)
HOUR_OWNED = np.array(
    [0, 0, 0, 0, 0, 0, 0.2, 0.6, 1.0, 1.2, 1.0, 1.0, 1.2, 0.8, 0.8, 0.9, 1.0, 1.0, 1.1, 1.1, 1.0, 0.5, 0.2, 0]
)
WEEKDAY_PUBLIC = np.array([1.1, 1.1, 1.1, 1.1, 1.05, 0.85, 0.75])
WEEKDAY_OWNED = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.4])

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
OWNED_EMOJI = ["🚄", "🌱", "✨", "💚", "👉", "📣"]

PUBLIC: dict[int, dict] = {
    T_DELAYS: dict(
        n=(10, 120),
        subj=[
            ("My train to Lyon", "Mon train pour Lyon", "Mein Zug nach Lyon"),
            ("The 7:42 from Strasbourg", "Le train de 7h42 depuis Strasbourg", "Der Zug um 7:42 ab Straßburg"),
            ("The {b} regional train", "Le TER {b}", "Der {b}-Regionalzug"),
            ("The evening train home", "Le train du soir", "Der Abendzug nach Hause"),
            ("The connection to Basel", "Le train de correspondance pour Bâle", "Der Anschlusszug nach Basel"),
            ("Today's {b} service to Brussels", "Le train {b} pour Bruxelles", "Der {b}-Zug nach Brüssel"),
            ("The morning commuter train", "Le train de banlieue du matin", "Der Pendlerzug am Morgen"),
        ],
        neg=[
            ("is {n} minutes late again", "a encore {n} minutes de retard", "hat schon wieder {n} Minuten Verspätung"),
            (
                "was cancelled without any notice",
                "a été annulé sans aucun préavis",
                "wurde ohne jede Vorwarnung gestrichen",
            ),
            (
                "has been stuck outside the station for {n} minutes",
                "est bloqué devant la gare depuis {n} minutes",
                "steht seit {n} Minuten vor dem Bahnhof",
            ),
            (
                "left early and I missed my connection",
                "est parti en avance et j'ai raté ma correspondance",
                "ist zu früh abgefahren und ich habe meinen Anschluss verpasst",
            ),
            (
                "is delayed again because of a signal failure",
                "est encore retardé à cause d'une panne de signalisation",
                "ist wegen einer Signalstörung schon wieder verspätet",
            ),
            (
                "arrived {n} minutes late and nobody explained why",
                "est arrivé avec {n} minutes de retard sans aucune explication",
                "kam {n} Minuten zu spät an und niemand hat etwas erklärt",
            ),
            (
                "was replaced by a bus that never came",
                "a été remplacé par un bus qui n'est jamais venu",
                "wurde durch einen Bus ersetzt, der nie kam",
            ),
            (
                "has not been on time once this month",
                "n'a pas été à l'heure une seule fois ce mois-ci",
                "war diesen Monat kein einziges Mal pünktlich",
            ),
        ],
        pos=[
            ("was perfectly on time today", "était parfaitement à l'heure aujourd'hui", "war heute absolut pünktlich"),
            ("arrived two minutes early", "est arrivé avec deux minutes d'avance", "kam zwei Minuten zu früh an"),
            ("has been on time all week", "a été à l'heure toute la semaine", "war die ganze Woche pünktlich"),
            (
                "made up the delay and I caught my connection",
                "a rattrapé son retard et j'ai eu ma correspondance",
                "hat die Verspätung aufgeholt und ich habe meinen Anschluss bekommen",
            ),
            ("ran smoothly despite the snow", "a roulé sans souci malgré la neige", "fuhr trotz Schnee reibungslos"),
        ],
        q=[
            (
                "is the 18:10 to Lyon cancelled today?",
                "le train de 18h10 pour Lyon est-il annulé aujourd'hui ?",
                "fällt der Zug um 18:10 nach Lyon heute aus?",
            ),
            (
                "how long is the delay on the Strasbourg line?",
                "combien de retard sur la ligne de Strasbourg ?",
                "wie lange ist die Verspätung auf der Strecke nach Straßburg?",
            ),
            (
                "will my connection wait if the train is {n} minutes late?",
                "ma correspondance va-t-elle attendre si le train a {n} minutes de retard ?",
                "wartet mein Anschluss, wenn der Zug {n} Minuten Verspätung hat?",
            ),
            (
                "can I get compensation for a {n} minute delay?",
                "ai-je droit à une indemnisation pour {n} minutes de retard ?",
                "bekomme ich eine Entschädigung für {n} Minuten Verspätung?",
            ),
            (
                "why is there no information on the departure board?",
                "pourquoi aucune information sur le panneau des départs ?",
                "warum gibt es keine Info auf der Anzeigetafel?",
            ),
            (
                "is there a replacement bus tonight?",
                "y a-t-il un bus de remplacement ce soir ?",
                "gibt es heute Abend einen Ersatzbus?",
            ),
        ],
        req=[
            (
                "send push alerts when my train is delayed",
                "envoyez des alertes quand mon train est en retard",
                "schickt Push-Meldungen, wenn mein Zug Verspätung hat",
            ),
            (
                "show real-time delays on the platform screens",
                "affichez les retards en temps réel sur les quais",
                "zeigt Verspätungen in Echtzeit auf den Bahnsteigen an",
            ),
            (
                "make delay compensation automatic",
                "rendez l'indemnisation des retards automatique",
                "macht die Verspätungsentschädigung automatisch",
            ),
        ],
        news=[
            (
                "Punctuality report: one {b} train in five arrived late last month",
                "Rapport de ponctualité : un train {b} sur cinq en retard le mois dernier",
                "Pünktlichkeitsbericht: Jeder fünfte {b}-Zug kam letzten Monat zu spät",
            ),
            (
                "Engineering works between Lyon and Geneva this weekend",
                "Travaux entre Lyon et Genève ce week-end",
                "Bauarbeiten zwischen Lyon und Genf am Wochenende",
            ),
            (
                "Strike announced on regional lines next Tuesday",
                "Grève annoncée sur les lignes régionales mardi prochain",
                "Streik auf den Regionallinien am nächsten Dienstag angekündigt",
            ),
            (
                "Storm warning: trains running at reduced speed",
                "Alerte tempête : les trains circulent à vitesse réduite",
                "Sturmwarnung: Züge fahren mit reduzierter Geschwindigkeit",
            ),
        ],
        detail=[
            ("this morning", "ce matin", "heute Morgen"),
            ("on the way to work", "en allant au travail", "auf dem Weg zur Arbeit"),
            ("with two kids in tow", "avec deux enfants", "mit zwei Kindern im Schlepptau"),
            ("in the freezing cold", "dans le froid glacial", "bei eisiger Kälte"),
            (
                "right before an important meeting",
                "juste avant une réunion importante",
                "kurz vor einem wichtigen Termin",
            ),
            ("at Gare de l'Est", "à la gare de l'Est", "am Gare de l'Est"),
            ("", "", ""),
            ("", "", ""),
        ],
        tags=[
            ("#delay", "#retard", "#Verspätung"),
            ("#commute", "#train", "#Pendeln"),
            ("#fail", "#galère", "#Bahnchaos"),
        ],
    ),
    T_TICKETS: dict(
        n=(19, 189),
        subj=[
            ("A ticket to Paris", "Un billet pour Paris", "Ein Ticket nach Paris"),
            ("The {b} fare for tomorrow", "Le tarif {b} pour demain", "Der {b}-Preis für morgen"),
            ("The family fare", "Le tarif famille", "Der Familientarif"),
            ("The season pass", "L'abonnement annuel", "Das Jahresabo"),
            ("The booking fee", "Le supplément de réservation", "Die Buchungsgebühr"),
            ("The seat reservation", "La réservation de place", "Die Sitzplatzreservierung"),
        ],
        neg=[
            (
                "costs {n} euros now, that's robbery",
                "coûte {n} euros maintenant, c'est du vol",
                "kostet jetzt {n} Euro, das ist Wucher",
            ),
            (
                "went up again overnight",
                "a encore augmenté du jour au lendemain",
                "ist über Nacht schon wieder gestiegen",
            ),
            ("costs more than flying", "coûte plus cher que l'avion", "kostet mehr als Fliegen"),
            ("doubled since last year", "a doublé depuis l'an dernier", "hat sich seit letztem Jahr verdoppelt"),
            (
                "changes price every time I refresh the page",
                "change de prix à chaque fois que je recharge la page",
                "ändert den Preis bei jedem Neuladen der Seite",
            ),
            (
                "costs {n} euros for a two-hour trip",
                "coûte {n} euros pour deux heures de trajet",
                "kostet {n} Euro für zwei Stunden Fahrt",
            ),
        ],
        pos=[
            (
                "cost only {n} euros, great deal",
                "m'a coûté seulement {n} euros, super affaire",
                "hat nur {n} Euro gekostet, super Angebot",
            ),
            (
                "is finally affordable for students",
                "devient enfin abordable pour les étudiants",
                "ist endlich bezahlbar für Studierende",
            ),
            (
                "saved me {n} euros this month",
                "m'a fait économiser {n} euros ce mois-ci",
                "hat mir diesen Monat {n} Euro gespart",
            ),
            ("beats the price of driving", "revient moins cher que la voiture", "ist günstiger als das Auto"),
        ],
        q=[
            (
                "why does a ticket to Paris cost {n} euros today?",
                "pourquoi un billet pour Paris coûte {n} euros aujourd'hui ?",
                "warum kostet ein Ticket nach Paris heute {n} Euro?",
            ),
            (
                "is there a discount for under 26s?",
                "y a-t-il une réduction pour les moins de 26 ans ?",
                "gibt es einen Rabatt für unter 26-Jährige?",
            ),
            (
                "can I exchange my ticket for free?",
                "puis-je échanger mon billet gratuitement ?",
                "kann ich mein Ticket kostenlos umtauschen?",
            ),
            (
                "when do summer tickets go on sale?",
                "quand ouvrent les ventes pour cet été ?",
                "ab wann gibt es Tickets für den Sommer?",
            ),
            (
                "does the season pass cover weekends?",
                "l'abonnement couvre-t-il les week-ends ?",
                "gilt das Abo auch am Wochenende?",
            ),
        ],
        req=[
            (
                "bring back the cheap early-bird fares",
                "ramenez les billets petits prix réservés à l'avance",
                "bringt die günstigen Frühbuchertickets zurück",
            ),
            (
                "add a monthly pass for occasional travellers",
                "créez un forfait mensuel pour les voyageurs occasionnels",
                "führt ein Monatsabo für Gelegenheitsfahrer ein",
            ),
            (
                "show the cheapest fare of the week in the calendar",
                "affichez le billet le moins cher de la semaine dans le calendrier",
                "zeigt den günstigsten Preis der Woche im Kalender an",
            ),
        ],
        news=[
            (
                "{b} announces new fares from April",
                "{b} annonce de nouveaux tarifs à partir d'avril",
                "{b} kündigt neue Preise ab April an",
            ),
            (
                "Consumer group compares train prices across Europe",
                "Une association de consommateurs compare les prix du train en Europe",
                "Verbraucherschützer vergleichen Bahnpreise in Europa",
            ),
            (
                "Flash sale on {b} tickets this weekend: from {n} euros",
                "Vente flash sur les billets {b} ce week-end : dès {n} euros",
                "Blitzverkauf für {b}-Tickets an diesem Wochenende: ab {n} Euro",
            ),
        ],
        detail=[
            ("for a two-hour trip", "pour deux heures de trajet", "für zwei Stunden Fahrt"),
            ("booked three weeks ahead", "réservé trois semaines à l'avance", "drei Wochen im Voraus gebucht"),
            ("for a family of four", "pour une famille de quatre", "für eine vierköpfige Familie"),
            ("on a Tuesday in February", "un mardi de février", "an einem Dienstag im Februar"),
            ("in second class", "en seconde classe", "in der zweiten Klasse"),
            ("", "", ""),
        ],
        tags=[
            ("#tickets", "#billets", "#Tickets"),
            ("#prices", "#prix", "#Preise"),
            ("#deal", "#bonplan", "#Sparpreis"),
        ],
    ),
    T_APP: dict(
        n=(2, 9),
        subj=[
            ("The {b} app", "L'appli {b}", "Die {b}-App"),
            ("The new app update", "La nouvelle mise à jour de l'appli", "Das neue App-Update"),
            ("The booking page", "La page de réservation", "Die Buchungsseite"),
            ("The e-ticket QR code", "Le QR code du billet", "Der QR-Code vom E-Ticket"),
            ("The login screen", "L'écran de connexion", "Der Login-Bildschirm"),
            ("Checkout in the app", "Le paiement dans l'appli", "Der Bezahlvorgang in der App"),
        ],
        neg=[
            (
                "crashed {n} times while I was booking",
                "a planté {n} fois pendant ma réservation",
                "ist beim Buchen {n} Mal abgestürzt",
            ),
            ("logs me out every single time", "me déconnecte à chaque fois", "loggt mich jedes Mal aus"),
            (
                "won't load on my phone since the update",
                "ne charge plus sur mon téléphone depuis la mise à jour",
                "lädt seit dem Update nicht mehr auf meinem Handy",
            ),
            (
                "showed an error and took my money anyway",
                "a affiché une erreur et m'a quand même débité",
                "hat einen Fehler angezeigt und trotzdem abgebucht",
            ),
            (
                "froze at the ticket check",
                "a gelé au moment du contrôle",
                "ist bei der Fahrkartenkontrolle eingefroren",
            ),
            (
                "keeps asking me to reset my password",
                "me demande sans arrêt de changer mon mot de passe",
                "will ständig, dass ich mein Passwort ändere",
            ),
            ("drains my battery in {n} hours", "vide ma batterie en {n} heures", "leert meinen Akku in {n} Stunden"),
        ],
        pos=[
            (
                "works so much better since the update",
                "marche beaucoup mieux depuis la mise à jour",
                "läuft seit dem Update viel besser",
            ),
            (
                "got me a ticket in {n} taps",
                "m'a trouvé un billet en {n} clics",
                "hat mir in {n} Klicks ein Ticket besorgt",
            ),
            ("is finally fast and simple", "est enfin rapide et simple", "ist endlich schnell und übersichtlich"),
            (
                "saved my trip when the ticket office was closed",
                "m'a sauvé quand le guichet était fermé",
                "hat meine Reise gerettet, als der Schalter zu war",
            ),
        ],
        q=[
            (
                "why does the app crash at checkout?",
                "pourquoi l'appli plante au moment de payer ?",
                "warum stürzt die App beim Bezahlen ab?",
            ),
            (
                "how do I get my e-ticket back after the update?",
                "comment récupérer mon e-billet après la mise à jour ?",
                "wie bekomme ich mein E-Ticket nach dem Update zurück?",
            ),
            ("is the app down right now?", "l'appli est en panne en ce moment ?", "ist die App gerade down?"),
            (
                "was I charged even though the app showed an error?",
                "ai-je été débité alors que l'appli affichait une erreur ?",
                "wurde ich belastet, obwohl die App einen Fehler zeigte?",
            ),
        ],
        req=[
            ("add a dark mode to the app", "ajoutez un mode sombre à l'appli", "baut einen Dark Mode in die App ein"),
            (
                "let us save tickets offline in the app",
                "permettez d'enregistrer les billets hors ligne",
                "lasst uns Tickets offline in der App speichern",
            ),
            (
                "add Apple Wallet and Google Wallet support",
                "ajoutez les billets dans Apple Wallet et Google Wallet",
                "unterstützt Apple Wallet und Google Wallet",
            ),
            (
                "show the coach number in the app",
                "affichez le numéro de voiture dans l'appli",
                "zeigt die Wagennummer in der App an",
            ),
        ],
        news=[
            (
                "{b} releases version {n}.0 of its booking app",
                "{b} lance la version {n}.0 de son appli de réservation",
                "{b} veröffentlicht Version {n}.0 seiner Buchungs-App",
            ),
            (
                "Outage hits the {b} app for two hours",
                "Panne de deux heures sur l'appli {b}",
                "Zweistündige Störung bei der {b}-App",
            ),
            (
                "Review: the best train apps of the year",
                "Comparatif : les meilleures applis de train de l'année",
                "Test: die besten Bahn-Apps des Jahres",
            ),
        ],
        detail=[
            ("on Android", "sur Android", "auf Android"),
            ("on my iPhone", "sur mon iPhone", "auf meinem iPhone"),
            ("at the station", "en pleine gare", "mitten im Bahnhof"),
            ("just before boarding", "juste avant d'embarquer", "kurz vor dem Einsteigen"),
            ("after the latest update", "après la dernière mise à jour", "nach dem letzten Update"),
            ("", "", ""),
        ],
        tags=[("#app", "#appli", "#App"), ("#bug", "#bug", "#Bug"), ("#UX", "#numérique", "#Digital")],
    ),
    T_SERVICE: dict(
        n=(10, 95),
        subj=[
            ("{b} customer service", "Le service client {b}", "Der {b}-Kundenservice"),
            ("The hotline", "Le numéro d'assistance", "Die Hotline"),
            ("The agent at the ticket desk", "L'agent au guichet", "Der Mitarbeiter am Schalter"),
            ("The conductor", "Le contrôleur", "Der Schaffner"),
            ("The refund team", "Le service remboursement", "Das Erstattungsteam"),
            ("The chat assistant", "Le chat d'assistance", "Der Chat-Assistent"),
        ],
        neg=[
            (
                "kept me on hold for {n} minutes",
                "m'a laissé en attente {n} minutes",
                "hat mich {n} Minuten in der Warteschleife gelassen",
            ),
            (
                "still hasn't answered my email from last month",
                "n'a toujours pas répondu à mon mail du mois dernier",
                "hat meine Mail vom letzten Monat immer noch nicht beantwortet",
            ),
            ("hung up on me", "m'a raccroché au nez", "hat einfach aufgelegt"),
            (
                "gave me three different answers",
                "m'a donné trois réponses différentes",
                "hat mir drei verschiedene Antworten gegeben",
            ),
            (
                "refused my refund request",
                "a refusé ma demande de remboursement",
                "hat meinen Erstattungsantrag abgelehnt",
            ),
            (
                "was rude to an elderly passenger",
                "a été impoli avec une passagère âgée",
                "war unhöflich zu einer älteren Passagierin",
            ),
        ],
        pos=[
            (
                "sorted out my problem in {n} minutes",
                "a réglé mon problème en {n} minutes",
                "hat mein Problem in {n} Minuten gelöst",
            ),
            (
                "was incredibly kind and helpful",
                "a été d'une gentillesse incroyable",
                "war unglaublich freundlich und hilfsbereit",
            ),
            ("refunded me without any hassle", "m'a remboursé sans discuter", "hat mir ohne Theater erstattet"),
            ("found my lost bag", "a retrouvé mon sac perdu", "hat meine verlorene Tasche gefunden"),
            (
                "went above and beyond for my grandmother",
                "s'est plié en quatre pour ma grand-mère",
                "hat sich rührend um meine Oma gekümmert",
            ),
        ],
        q=[
            (
                "how do I reach a human at customer service?",
                "comment joindre un humain au service client ?",
                "wie erreiche ich beim Kundenservice einen Menschen?",
            ),
            (
                "where is my refund? I applied {n} days ago",
                "où en est mon remboursement ? demande faite il y a {n} jours",
                "wo bleibt meine Erstattung? Antrag vor {n} Tagen gestellt",
            ),
            (
                "who do I contact about a lost bag?",
                "qui contacter pour un bagage perdu ?",
                "an wen wende ich mich wegen verlorenem Gepäck?",
            ),
            (
                "can you check my booking please?",
                "pouvez-vous vérifier ma réservation ?",
                "könnt ihr bitte meine Buchung prüfen?",
            ),
        ],
        req=[
            ("open the hotline on Sundays", "ouvrez le service client le dimanche", "öffnet die Hotline auch sonntags"),
            (
                "give us a callback option instead of hold music",
                "proposez un rappel au lieu de la musique d'attente",
                "bietet einen Rückruf statt Warteschleifenmusik an",
            ),
            (
                "let us track refund requests online",
                "permettez de suivre les remboursements en ligne",
                "lasst uns Erstattungsanträge online verfolgen",
            ),
        ],
        news=[
            (
                "{b} ranks mid-table in customer service survey",
                "{b} en milieu de classement dans l'enquête service client",
                "{b} im Mittelfeld beim Kundenservice-Ranking",
            ),
            (
                "{b} hires 200 new customer advisers",
                "{b} recrute 200 nouveaux conseillers clients",
                "{b} stellt 200 neue Kundenberater ein",
            ),
            (
                "Complaints to rail ombudsman rise this winter",
                "Hausse des plaintes auprès du médiateur ferroviaire cet hiver",
                "Mehr Beschwerden bei der Bahn-Schlichtungsstelle in diesem Winter",
            ),
        ],
        detail=[
            ("on the phone", "au téléphone", "am Telefon"),
            ("at the station desk", "au guichet de la gare", "am Bahnhofsschalter"),
            ("by email", "par mail", "per Mail"),
            ("for the second time", "pour la deuxième fois", "zum zweiten Mal"),
            ("", "", ""),
        ],
        tags=[("#customerservice", "#serviceclient", "#Kundenservice"), ("#help", "#aide", "#Hilfe")],
    ),
    T_COMFORT: dict(
        n=(12, 35),
        subj=[
            ("The wifi on board", "Le wifi à bord", "Das WLAN an Bord"),
            ("The bistro car", "La voiture-bar", "Der Bistrowagen"),
            ("The air conditioning in coach 7", "La clim en voiture 7", "Die Klimaanlage in Wagen 7"),
            ("The new seat design", "Le nouveau design des sièges", "Das neue Sitzdesign"),
            ("The quiet coach", "La voiture silence", "Der Ruhewagen"),
            ("The toilet in our coach", "Le WC de notre voiture", "Die Toilette in unserem Wagen"),
        ],
        neg=[
            (
                "hasn't worked for the whole trip",
                "n'a pas marché de tout le trajet",
                "hat die ganze Fahrt nicht funktioniert",
            ),
            ("makes this trip miserable", "rend ce voyage pénible", "macht diese Fahrt zur Qual"),
            ("was out of service again", "était encore hors service", "war schon wieder außer Betrieb"),
            ("smells terrible", "sent très mauvais", "riecht furchtbar"),
            ("has no space left for luggage", "n'a plus de place pour les bagages", "hat keinen Platz mehr für Gepäck"),
            (
                "has been broken on every trip this month",
                "est en panne à chaque trajet ce mois-ci",
                "ist diesen Monat bei jeder Fahrt kaputt",
            ),
        ],
        pos=[
            (
                "is actually fast enough to work",
                "est assez rapide pour travailler",
                "ist tatsächlich schnell genug zum Arbeiten",
            ),
            (
                "made the trip a real pleasure",
                "a rendu le voyage très agréable",
                "hat die Fahrt richtig angenehm gemacht",
            ),
            (
                "is so much more comfortable than before",
                "est beaucoup plus confortable qu'avant",
                "ist viel bequemer als früher",
            ),
            ("was spotless today", "était impeccable aujourd'hui", "war heute blitzsauber"),
        ],
        q=[
            (
                "is there wifi on the {b} trains to Munich?",
                "y a-t-il du wifi dans les trains {b} pour Munich ?",
                "gibt es WLAN in den {b}-Zügen nach München?",
            ),
            ("can I bring my bike on board?", "puis-je monter avec mon vélo ?", "darf ich mein Fahrrad mitnehmen?"),
            (
                "is the bistro car open on the early train?",
                "la voiture-bar est-elle ouverte dans le premier train ?",
                "hat der Bistrowagen im Frühzug geöffnet?",
            ),
            (
                "are there power sockets at every seat?",
                "y a-t-il des prises à chaque place ?",
                "gibt es an jedem Platz Steckdosen?",
            ),
        ],
        req=[
            (
                "add more bike spaces on board",
                "ajoutez plus de places vélo à bord",
                "schafft mehr Fahrradplätze an Bord",
            ),
            (
                "bring back the vegetarian menu in the bistro",
                "remettez le menu végétarien à la voiture-bar",
                "bringt das vegetarische Menü im Bistro zurück",
            ),
            (
                "put power sockets at every seat",
                "installez des prises à chaque siège",
                "baut Steckdosen an jedem Sitz ein",
            ),
        ],
        news=[
            (
                "{b} to refurbish {n} trains with new interiors",
                "{b} va rénover {n} trains avec de nouveaux intérieurs",
                "{b} modernisiert {n} Züge mit neuer Innenausstattung",
            ),
            (
                "Free wifi coming to all {b} regional trains",
                "Le wifi gratuit arrive dans tous les trains régionaux {b}",
                "Kostenloses WLAN bald in allen {b}-Regionalzügen",
            ),
        ],
        detail=[
            ("between Paris and Frankfurt", "entre Paris et Francfort", "zwischen Paris und Frankfurt"),
            ("on a four-hour trip", "sur un trajet de quatre heures", "auf einer vierstündigen Fahrt"),
            ("in first class", "en première classe", "in der ersten Klasse"),
            ("today", "aujourd'hui", "heute"),
            ("", "", ""),
        ],
        tags=[("#wifi", "#wifi", "#WLAN"), ("#comfort", "#confort", "#Komfort"), ("#onboard", "#àbord", "#anBord")],
    ),
    T_SUSTAIN: dict(
        n=(40, 90),
        subj=[
            (
                "Taking the {b} train instead of the plane",
                "Prendre le train {b} plutôt que l'avion",
                "Mit {b} statt mit dem Flugzeug zu reisen",
            ),
            ("The {b} electric fleet", "La flotte électrique {b}", "Die elektrische {b}-Flotte"),
            (
                "The green energy pledge from {b}",
                "L'engagement énergie verte de {b}",
                "Das Ökostrom-Versprechen von {b}",
            ),
            ("Rail travel", "Le train", "Bahnfahren"),
        ],
        neg=[
            ("sounds like greenwashing to me", "ressemble à du greenwashing", "klingt für mich nach Greenwashing"),
            (
                "means nothing while diesel trains still run",
                "ne veut rien dire tant que des trains diesel roulent",
                "bedeutet nichts, solange noch Dieselzüge fahren",
            ),
            (
                "is still too expensive to be a real alternative",
                "reste trop cher pour être une vraie alternative",
                "ist immer noch zu teuer, um eine echte Alternative zu sein",
            ),
        ],
        pos=[
            (
                "cuts my travel emissions by {n}%",
                "réduit mes émissions de {n} %",
                "senkt meine Reiseemissionen um {n} %",
            ),
            (
                "is the easiest climate win there is",
                "est le geste climat le plus simple",
                "ist der einfachste Beitrag zum Klimaschutz",
            ),
            ("shows it can be done", "prouve que c'est possible", "zeigt, dass es geht"),
            (
                "makes low-carbon holidays easy",
                "rend les vacances bas carbone faciles",
                "macht klimafreundlichen Urlaub einfach",
            ),
        ],
        q=[
            (
                "how much CO2 does a trip from Paris to Berlin save?",
                "combien de CO2 économise un Paris-Berlin en train ?",
                "wie viel CO2 spart eine Fahrt von Paris nach Berlin?",
            ),
            (
                "do your trains really run on renewable electricity?",
                "vos trains roulent-ils vraiment à l'électricité renouvelable ?",
                "fahren eure Züge wirklich mit Ökostrom?",
            ),
        ],
        req=[
            (
                "show the CO2 saved on every ticket",
                "indiquez le CO2 économisé sur chaque billet",
                "zeigt das eingesparte CO2 auf jedem Ticket an",
            ),
            (
                "replace the last diesel trains on rural lines",
                "remplacez les derniers trains diesel des lignes rurales",
                "ersetzt die letzten Dieselzüge auf Nebenstrecken",
            ),
        ],
        news=[
            (
                "{b} publishes its climate report: emissions down {n}%",
                "{b} publie son rapport climat : émissions en baisse de {n} %",
                "{b} veröffentlicht Klimabericht: Emissionen um {n} % gesunken",
            ),
            (
                "Study: trains emit {n}% less CO2 than planes on short routes",
                "Étude : le train émet {n} % de CO2 en moins que l'avion sur les courtes distances",
                "Studie: Züge stoßen auf Kurzstrecken {n} % weniger CO2 aus als Flugzeuge",
            ),
            (
                "EU debates a tax on short-haul flights",
                "L'UE débat d'une taxe sur les vols courts",
                "EU diskutiert Steuer auf Kurzstreckenflüge",
            ),
        ],
        detail=[
            ("for the climate", "pour le climat", "fürs Klima"),
            ("this year", "cette année", "dieses Jahr"),
            ("compared with flying", "par rapport à l'avion", "im Vergleich zum Fliegen"),
            ("", "", ""),
        ],
        tags=[
            ("#climate", "#climat", "#Klima"),
            ("#sustainability", "#durabilité", "#Nachhaltigkeit"),
            ("#flygskam", "#flygskam", "#Flugscham"),
        ],
    ),
    T_INNOV: dict(
        n=(250, 320),
        subj=[
            ("The new {prod} train", "Le nouveau train {prod}", "Der neue {prod}-Zug"),
            ("The {prod} prototype", "Le prototype {prod}", "Der {prod}-Prototyp"),
            (
                "The {b} high-speed project",
                "Le projet grande vitesse de {b}",
                "Das Hochgeschwindigkeitsprojekt von {b}",
            ),
            (
                "The automated check-in at {b}",
                "L'embarquement automatique chez {b}",
                "Der automatische Check-in bei {b}",
            ),
        ],
        neg=[
            ("is years behind schedule", "a des années de retard", "hinkt Jahre hinterher"),
            (
                "looks great but nobody can afford it",
                "a l'air génial mais personne ne peut se l'offrir",
                "sieht toll aus, aber keiner kann es sich leisten",
            ),
            (
                "is all marketing and no trains",
                "c'est du marketing, pas des trains",
                "ist nur Marketing und keine Züge",
            ),
        ],
        pos=[
            (
                "hit {n} km/h in testing, impressive",
                "a atteint {n} km/h en essai, impressionnant",
                "hat im Test {n} km/h erreicht, beeindruckend",
            ),
            ("is a real leap forward", "est un vrai bond en avant", "ist ein echter Fortschritt"),
            ("looks stunning inside", "est superbe à l'intérieur", "sieht innen fantastisch aus"),
            (
                "is exactly what Europe needs",
                "est exactement ce dont l'Europe a besoin",
                "ist genau das, was Europa braucht",
            ),
        ],
        q=[
            (
                "when will the new {prod} trains enter service?",
                "quand les nouveaux trains {prod} entreront-ils en service ?",
                "wann fahren die neuen {prod}-Züge im Regelbetrieb?",
            ),
            (
                "will the {prod} run on the Paris to Munich line?",
                "le {prod} circulera-t-il sur la ligne Paris-Munich ?",
                "fährt der {prod} auch auf der Strecke Paris–München?",
            ),
            (
                "how fast will the {prod} go in service?",
                "à quelle vitesse roulera le {prod} en service ?",
                "wie schnell fährt der {prod} im Betrieb?",
            ),
        ],
        req=[
            (
                "put the {prod} on the Brussels route first",
                "mettez le {prod} d'abord sur la ligne de Bruxelles",
                "setzt den {prod} zuerst auf der Strecke nach Brüssel ein",
            ),
            (
                "open the {prod} for public test rides",
                "ouvrez le {prod} au public pour des essais",
                "bietet öffentliche Probefahrten im {prod} an",
            ),
        ],
        news=[
            (
                "{b} unveils the {prod}, top speed {n} km/h",
                "{b} dévoile le {prod}, vitesse de pointe {n} km/h",
                "{b} stellt den {prod} vor, Höchstgeschwindigkeit {n} km/h",
            ),
            (
                "First test runs of the {prod} completed",
                "Premiers essais du {prod} terminés",
                "Erste Testfahrten des {prod} abgeschlossen",
            ),
            (
                "{b} invests in driverless signalling",
                "{b} investit dans la signalisation automatique",
                "{b} investiert in automatische Signaltechnik",
            ),
        ],
        detail=[
            ("at the Lyon test track", "sur la piste d'essai de Lyon", "auf der Teststrecke bei Lyon"),
            ("this spring", "ce printemps", "diesen Frühling"),
            ("according to the press", "selon la presse", "laut Presse"),
            ("", "", ""),
        ],
        tags=[
            ("#innovation", "#innovation", "#Innovation"),
            ("#highspeed", "#grandevitesse", "#Hochgeschwindigkeit"),
            ("#{prod}", "#{prod}", "#{prod}"),
        ],
    ),
    T_COMMUNITY: dict(
        n=(5, 42),
        subj=[
            ("The {b} Marathon", "Le marathon {b}", "Der {b}-Marathon"),
            (
                "The summer music festival sponsored by {b}",
                "Le festival de musique sponsorisé par {b}",
                "Das von {b} gesponserte Musikfestival",
            ),
            ("The {b} youth football cup", "La coupe de foot jeunes {b}", "Der {b}-Jugendfußballcup"),
            ("The station clean-up day", "La journée de nettoyage des gares", "Der Bahnhofs-Aufräumtag"),
        ],
        neg=[
            (
                "was a mess from start to finish",
                "a été le bazar du début à la fin",
                "war von Anfang bis Ende chaotisch",
            ),
            (
                "left fans stranded with no trains home",
                "a laissé les fans sans train pour rentrer",
                "hat die Fans ohne Zug nach Hause stehen lassen",
            ),
        ],
        pos=[
            (
                "was amazing, {n} km and a great crowd",
                "c'était génial, {n} km et une super ambiance",
                "war großartig, {n} km und tolle Stimmung",
            ),
            ("brought the whole town together", "a rassemblé toute la ville", "hat die ganze Stadt zusammengebracht"),
            (
                "was the highlight of my weekend",
                "a été le meilleur moment de mon week-end",
                "war das Highlight meines Wochenendes",
            ),
            (
                "had free shuttle trains, brilliant idea",
                "avait des navettes gratuites, super idée",
                "hatte kostenlose Shuttlezüge, geniale Idee",
            ),
        ],
        q=[
            (
                "are there extra trains after the festival?",
                "y a-t-il des trains supplémentaires après le festival ?",
                "gibt es nach dem Festival Sonderzüge?",
            ),
            (
                "how do I sign up for the {b} Marathon?",
                "comment s'inscrire au marathon {b} ?",
                "wie melde ich mich für den {b}-Marathon an?",
            ),
        ],
        req=[
            (
                "run late trains after every big concert",
                "prévoyez des trains tardifs après chaque grand concert",
                "lasst nach jedem großen Konzert späte Züge fahren",
            ),
            (
                "sponsor more local sports clubs",
                "soutenez davantage les clubs sportifs locaux",
                "unterstützt mehr lokale Sportvereine",
            ),
        ],
        news=[
            (
                "{b} renews its festival sponsorship for three years",
                "{b} prolonge son partenariat avec le festival pour trois ans",
                "{b} verlängert das Festival-Sponsoring um drei Jahre",
            ),
            (
                "Record turnout at the {b} Marathon",
                "Participation record au marathon {b}",
                "Rekordbeteiligung beim {b}-Marathon",
            ),
            (
                "{n} volunteers join the station clean-up",
                "{n} bénévoles pour le nettoyage des gares",
                "{n} Freiwillige beim Bahnhofs-Aufräumtag",
            ),
        ],
        detail=[
            ("this weekend", "ce week-end", "an diesem Wochenende"),
            ("in Strasbourg", "à Strasbourg", "in Straßburg"),
            ("with friends", "entre amis", "mit Freunden"),
            ("", "", ""),
        ],
        tags=[
            ("#marathon", "#marathon", "#Marathon"),
            ("#festival", "#festival", "#Festival"),
            ("#community", "#solidarité", "#Gemeinschaft"),
        ],
    ),
    T_STORIES: dict(
        n=(2, 6),
        subj=[
            ("Our family trip with {b}", "Notre voyage en famille avec {b}", "Unsere Familienreise mit {b}"),
            ("My first solo rail trip", "Mon premier voyage seul en train", "Meine erste Solo-Bahnreise"),
            ("Grandpa's 80th birthday trip", "Le voyage des 80 ans de papy", "Opas Reise zum 80. Geburtstag"),
            ("Our honeymoon by train", "Notre voyage de noces en train", "Unsere Hochzeitsreise mit dem Zug"),
        ],
        neg=[
            (
                "ended with a missed connection",
                "s'est terminé par une correspondance ratée",
                "endete mit einem verpassten Anschluss",
            )
        ],
        pos=[
            ("was unforgettable", "était inoubliable", "war unvergesslich"),
            (
                "took us through {n} countries in one week",
                "nous a fait traverser {n} pays en une semaine",
                "führte uns in einer Woche durch {n} Länder",
            ),
            (
                "was the best idea we had all year",
                "était la meilleure idée de l'année",
                "war die beste Idee des Jahres",
            ),
            (
                "came with the most beautiful views of the Alps",
                "nous a offert les plus belles vues sur les Alpes",
                "bot die schönsten Ausblicke auf die Alpen",
            ),
            (
                "turned into a story we'll tell for years",
                "est devenu une histoire qu'on racontera longtemps",
                "wurde zu einer Geschichte, die wir noch lange erzählen",
            ),
        ],
        q=[
            (
                "can I share our trip photos with you?",
                "puis-je vous partager les photos de notre voyage ?",
                "darf ich euch Fotos von unserer Reise schicken?",
            )
        ],
        req=[
            (
                "make a photo contest for travellers",
                "organisez un concours photo pour les voyageurs",
                "macht einen Fotowettbewerb für Reisende",
            )
        ],
        news=[
            (
                "Reader story: crossing Europe by train with a toddler",
                "Témoignage : traverser l'Europe en train avec un bébé",
                "Leserbericht: Mit Kleinkind per Zug durch Europa",
            )
        ],
        detail=[
            ("thanks to the crew", "grâce à l'équipage", "dank der Crew"),
            ("from Paris to Vienna", "de Paris à Vienne", "von Paris nach Wien"),
            ("with the whole family", "avec toute la famille", "mit der ganzen Familie"),
            ("", "", ""),
        ],
        tags=[("#travelstories", "#récitdevoyage", "#Reisegeschichten"), ("#slowtravel", "#voyagelent", "#SlowTravel")],
    ),
    T_NIGHT: dict(
        n=(6, 12),
        subj=[
            (
                "The new {b} night train to Berlin",
                "Le nouveau train de nuit {b} pour Berlin",
                "Der neue {b}-Nachtzug nach Berlin",
            ),
            ("The sleeper car", "La voiture-lits", "Der Schlafwagen"),
            (
                "My couchette on the night train",
                "Ma couchette dans le train de nuit",
                "Mein Liegewagenplatz im Nachtzug",
            ),
            ("The Paris to Vienna night train", "Le train de nuit Paris-Vienne", "Der Nachtzug Paris–Wien"),
        ],
        neg=[
            (
                "had no heating, {n} degrees in the couchette",
                "n'avait pas de chauffage, {n} degrés dans la couchette",
                "hatte keine Heizung, {n} Grad im Liegewagen",
            ),
            (
                "had no water in the sleeper toilets",
                "n'avait pas d'eau dans les toilettes de la voiture-lits",
                "hatte kein Wasser in den Schlafwagentoiletten",
            ),
            (
                "dropped us in Berlin three hours late",
                "nous a déposés à Berlin avec trois heures de retard",
                "hat uns mit drei Stunden Verspätung in Berlin abgesetzt",
            ),
            (
                "was so noisy nobody slept",
                "faisait tellement de bruit que personne n'a dormi",
                "war so laut, dass niemand geschlafen hat",
            ),
            (
                "had a broken couchette door all night",
                "avait une porte de couchette cassée toute la nuit",
                "hatte die ganze Nacht eine kaputte Abteiltür im Liegewagen",
            ),
            (
                "cost a fortune for a night without sleep",
                "a coûté une fortune pour une nuit blanche",
                "kostete ein Vermögen für eine schlaflose Nacht",
            ),
        ],
        pos=[
            ("was a lovely way to travel", "était une belle façon de voyager", "war eine schöne Art zu reisen"),
            (
                "let me wake up rested in Berlin",
                "m'a permis de me réveiller reposé à Berlin",
                "hat mich ausgeruht in Berlin aufwachen lassen",
            ),
        ],
        q=[
            (
                "is the heating fixed on the night train to Berlin?",
                "le chauffage du train de nuit pour Berlin est-il réparé ?",
                "ist die Heizung im Nachtzug nach Berlin repariert?",
            ),
            (
                "can I get a refund for my couchette?",
                "puis-je être remboursé pour ma couchette ?",
                "bekomme ich für meinen Liegewagenplatz eine Erstattung?",
            ),
            (
                "why are there no blankets in the sleeper?",
                "pourquoi pas de couvertures dans la voiture-lits ?",
                "warum gibt es im Schlafwagen keine Decken?",
            ),
            (
                "is the night train running tonight?",
                "le train de nuit circule-t-il ce soir ?",
                "fährt der Nachtzug heute Nacht?",
            ),
        ],
        req=[
            (
                "add showers to the night train",
                "ajoutez des douches dans le train de nuit",
                "baut Duschen in den Nachtzug ein",
            ),
            (
                "offer women-only couchette compartments",
                "proposez des compartiments couchettes réservés aux femmes",
                "bietet Damenabteile im Liegewagen an",
            ),
        ],
        news=[
            (
                "Night train complaints pile up after a cold snap",
                "Les plaintes s'accumulent sur le train de nuit après la vague de froid",
                "Beschwerden über den Nachtzug häufen sich nach Kältewelle",
            ),
            (
                "{b} night train: passengers report cold couchettes",
                "Train de nuit {b} : des voyageurs signalent des couchettes glacées",
                "{b}-Nachtzug: Fahrgäste berichten von kalten Liegewagen",
            ),
        ],
        detail=[
            ("last night", "cette nuit", "letzte Nacht"),
            ("between Paris and Berlin", "entre Paris et Berlin", "zwischen Paris und Berlin"),
            ("with a baby", "avec un bébé", "mit Baby"),
            ("", "", ""),
        ],
        tags=[("#nighttrain", "#traindenuit", "#Nachtzug"), ("#sleeper", "#couchette", "#Liegewagen")],
    ),
    T_CRISIS: dict(
        n=(29, 240),
        subj=[
            ("{b}", "{b}", "{b}"),
            ("@{h}", "@{h}", "@{h}"),
            ("The {b} booking system", "Le système de réservation {b}", "Das {b}-Buchungssystem"),
            ("Your payment system", "Votre système de paiement", "Euer Bezahlsystem"),
        ],
        neg=[
            (
                "charged me twice for the same ticket: {n} euros gone",
                "m'a prélevé deux fois le même billet : {n} euros envolés",
                "hat mir dasselbe Ticket doppelt abgebucht: {n} Euro weg",
            ),
            (
                "took {n} euros twice from my account",
                "a débité {n} euros deux fois sur mon compte",
                "hat {n} Euro doppelt von meinem Konto abgebucht",
            ),
            (
                "double charged half my friends this week",
                "a prélevé en double la moitié de mes amis",
                "hat der Hälfte meiner Freunde doppelt abgebucht",
            ),
            (
                "charged my card three times and nobody answers",
                "a débité ma carte trois fois et personne ne répond",
                "hat meine Karte dreimal belastet und keiner antwortet",
            ),
            (
                "left me overdrawn with a double charge",
                "m'a mis à découvert avec un double prélèvement",
                "hat mein Konto mit einer Doppelabbuchung überzogen",
            ),
        ],
        pos=[
            (
                "refunded the double charge quickly, thanks",
                "a remboursé le double prélèvement rapidement, merci",
                "hat die Doppelabbuchung schnell erstattet, danke",
            )
        ],
        q=[
            (
                "were you charged twice by {b} too?",
                "vous aussi vous avez été prélevés deux fois par {b} ?",
                "wurde euch auch doppelt von {b} abgebucht?",
            ),
            (
                "when will the double charge of {n} euros be refunded?",
                "quand les {n} euros prélevés en double seront-ils remboursés ?",
                "wann werden die doppelt abgebuchten {n} Euro erstattet?",
            ),
            (
                "is my card data safe after this billing error?",
                "mes données bancaires sont-elles en sécurité après cette erreur ?",
                "sind meine Kartendaten nach diesem Abrechnungsfehler sicher?",
            ),
            (
                "should I cancel my card because of the double charge?",
                "dois-je faire opposition à cause du double prélèvement ?",
                "soll ich wegen der Doppelabbuchung meine Karte sperren?",
            ),
        ],
        req=[
            (
                "refund everyone automatically and add compensation",
                "remboursez tout le monde automatiquement avec un dédommagement",
                "erstattet allen automatisch und legt eine Entschädigung drauf",
            )
        ],
        news=[
            (
                "Thousands of {b} customers charged twice after billing glitch",
                "Des milliers de clients {b} prélevés deux fois après un bug de facturation",
                "Tausende {b}-Kunden nach Abrechnungspanne doppelt belastet",
            ),
            (
                "{b} billing error: consumer groups demand compensation",
                "Erreur de facturation chez {b} : les associations exigent un dédommagement",
                "Abrechnungsfehler bei {b}: Verbraucherschützer fordern Entschädigung",
            ),
            (
                "Banks flooded with calls after {b} double charges",
                "Les banques submergées d'appels après les doubles prélèvements {b}",
                "Banken nach {b}-Doppelabbuchungen mit Anrufen überflutet",
            ),
        ],
        detail=[
            ("right before rent is due", "juste avant le loyer", "kurz vor der Miete"),
            ("and the app says nothing", "et l'appli ne dit rien", "und die App sagt nichts"),
            ("my bank confirmed it", "ma banque l'a confirmé", "meine Bank hat es bestätigt"),
            ("on my credit card", "sur ma carte bancaire", "auf meiner Kreditkarte"),
            ("", "", ""),
        ],
        tags=[
            ("#doublecharge", "#doubleprélèvement", "#Doppelabbuchung"),
            ("#{b}Fail", "#{b}Fail", "#{b}Fail"),
            ("#refund", "#remboursement", "#Erstattung"),
        ],
    ),
    T_INDUSTRY: dict(
        n=(3, 15),
        subj=[
            ("The rail reform", "La réforme ferroviaire", "Die Bahnreform"),
            ("Open access competition", "L'ouverture à la concurrence", "Der freie Wettbewerb auf der Schiene"),
        ],
        neg=[
            ("will only raise prices", "ne fera qu'augmenter les prix", "wird nur die Preise erhöhen"),
            ("forgets rural lines", "oublie les petites lignes", "vergisst die Nebenstrecken"),
        ],
        pos=[
            (
                "is finally bringing cheaper tickets",
                "apporte enfin des billets moins chers",
                "bringt endlich günstigere Tickets",
            ),
            (
                "is good news for passengers",
                "est une bonne nouvelle pour les voyageurs",
                "ist eine gute Nachricht für Fahrgäste",
            ),
        ],
        q=[
            (
                "who will run the Paris to Brussels line next year?",
                "qui exploitera le Paris-Bruxelles l'an prochain ?",
                "wer betreibt nächstes Jahr die Strecke Paris–Brüssel?",
            )
        ],
        req=[
            (
                "publish open data on punctuality",
                "publiez les données ouvertes de ponctualité",
                "veröffentlicht offene Pünktlichkeitsdaten",
            )
        ],
        news=[
            (
                "{b} wins the tender for the Lyon to Turin line",
                "{b} remporte l'appel d'offres Lyon-Turin",
                "{b} gewinnt die Ausschreibung für Lyon–Turin",
            ),
            (
                "Rail passenger numbers up {n}% this quarter",
                "Fréquentation du train en hausse de {n} % ce trimestre",
                "Fahrgastzahlen im Quartal um {n} % gestiegen",
            ),
            (
                "Can {b} compete on cross-border routes?",
                "{b} peut-il rivaliser sur les lignes transfrontalières ?",
                "Kann {b} im grenzüberschreitenden Verkehr mithalten?",
            ),
            (
                "Regulator opens inquiry into ticket pricing",
                "Le régulateur ouvre une enquête sur les prix des billets",
                "Regulierer leitet Untersuchung zu Ticketpreisen ein",
            ),
            (
                "{b} and unions reach a wage deal",
                "{b} et les syndicats trouvent un accord salarial",
                "{b} und Gewerkschaften einigen sich auf Tarifvertrag",
            ),
            (
                "Interview: the {b} CEO on the future of rail",
                "Entretien : le PDG de {b} sur l'avenir du rail",
                "Interview: {b}-Chef über die Zukunft der Bahn",
            ),
        ],
        detail=[
            ("according to official figures", "selon les chiffres officiels", "laut offiziellen Zahlen"),
            ("this week", "cette semaine", "diese Woche"),
            ("", "", ""),
        ],
        tags=[
            ("#rail", "#ferroviaire", "#Bahn"),
            ("#transport", "#transport", "#Verkehr"),
            ("#RailNews", "#RailNews", "#RailNews"),
        ],
    ),
}
PUBLIC[T_MISC] = dict(
    n=(1, 9),
    subj=[("", "", "")],
    neg=[("", "", "")],
    pos=[("", "", "")],
    q=[("", "", "")],
    req=[("", "", "")],
    news=[("", "", "")],
    detail=[("", "", "")],
    tags=[("", "", "")],
)

OWNED: dict[int, dict] = {
    T_SUSTAIN: dict(
        n=(60, 95),
        say=[
            (
                "Our trains now run on {n}% renewable electricity",
                "Nos trains roulent désormais à {n} % à l'électricité renouvelable",
                "Unsere Züge fahren jetzt mit {n} % Ökostrom",
            ),
            (
                "One trip by train instead of by car saves up to {n}% of CO2",
                "Un trajet en train plutôt qu'en voiture économise jusqu'à {n} % de CO2",
                "Eine Fahrt mit dem Zug statt mit dem Auto spart bis zu {n} % CO2",
            ),
            (
                "We are planting trees along {n} km of our lines",
                "Nous plantons des arbres le long de {n} km de nos lignes",
                "Wir pflanzen Bäume entlang von {n} km unserer Strecken",
            ),
            (
                "Solar panels are going up on our station roofs",
                "Des panneaux solaires s'installent sur les toits de nos gares",
                "Auf unseren Bahnhofsdächern entstehen Solaranlagen",
            ),
            (
                "Our new climate report is out: emissions keep falling",
                "Notre nouveau rapport climat est en ligne : nos émissions continuent de baisser",
                "Unser neuer Klimabericht ist online: Die Emissionen sinken weiter",
            ),
            (
                "Recycled seats, recovered braking energy: this is how we cut emissions",
                "Sièges recyclés, énergie de freinage récupérée : voici comment nous réduisons nos émissions",
                "Recycelte Sitze, zurückgewonnene Bremsenergie: So senken wir unsere Emissionen",
            ),
        ],
    ),
    T_INNOV: dict(
        n=(250, 320),
        say=[
            (
                "Meet the {prod}: our new train, designed for {n} km/h",
                "Voici le {prod} : notre nouveau train, conçu pour {n} km/h",
                "Das ist der {prod}: unser neuer Zug, ausgelegt für {n} km/h",
            ),
            (
                "The {prod} completed its first night of test runs",
                "Le {prod} a terminé sa première nuit d'essais",
                "Der {prod} hat seine erste Testnacht absolviert",
            ),
            (
                "New in the app: live seat availability",
                "Nouveau dans l'appli : la disponibilité des places en direct",
                "Neu in der App: Sitzplatzverfügbarkeit live",
            ),
            (
                "Behind the scenes with the engineers building the {prod}",
                "Dans les coulisses avec les ingénieurs du {prod}",
                "Hinter den Kulissen mit den Ingenieuren des {prod}",
            ),
            (
                "Predictive maintenance now covers {n} of our trains",
                "La maintenance prédictive couvre désormais {n} de nos trains",
                "Vorausschauende Wartung deckt jetzt {n} unserer Züge ab",
            ),
        ],
    ),
    T_STORIES: dict(
        n=(80, 400),
        say=[
            (
                "Meet Lena, who commutes {n} km a week with us",
                "Voici Lena, qui fait {n} km par semaine avec nous",
                "Das ist Lena, die jede Woche {n} km mit uns pendelt",
            ),
            (
                "Marc proposed to Julie on the 8:05 to Geneva. She said yes!",
                "Marc a demandé Julie en mariage dans le train de 8h05 pour Genève. Elle a dit oui !",
                "Marc hat Julie im Zug um 8:05 nach Genf einen Antrag gemacht. Sie hat Ja gesagt!",
            ),
            (
                "Your stories: a grandmother's first trip across the Alps",
                "Vos histoires : le premier voyage d'une grand-mère à travers les Alpes",
                "Eure Geschichten: Omas erste Reise über die Alpen",
            ),
            (
                "A conductor, a lost teddy bear and a very happy five-year-old",
                "Un contrôleur, un doudou perdu et un enfant de cinq ans ravi",
                "Ein Schaffner, ein verlorener Teddy und ein sehr glückliches Kind",
            ),
        ],
    ),
    T_COMMUNITY: dict(
        n=(20, 400),
        say=[
            (
                "See you at the {b} Marathon this Sunday!",
                "Rendez-vous au marathon {b} ce dimanche !",
                "Wir sehen uns am Sonntag beim {b}-Marathon!",
            ),
            (
                "Proud partner of the spring music festival",
                "Fiers partenaires du festival de musique du printemps",
                "Stolzer Partner des Frühlings-Musikfestivals",
            ),
            (
                "{n} volunteers from our teams cleaned up stations this weekend",
                "{n} bénévoles de nos équipes ont nettoyé des gares ce week-end",
                "{n} Freiwillige aus unseren Teams haben am Wochenende Bahnhöfe aufgeräumt",
            ),
            (
                "Extra trains after the concert tonight",
                "Trains supplémentaires après le concert ce soir",
                "Zusätzliche Züge nach dem Konzert heute Abend",
            ),
            (
                "We support {n} local sports clubs along our lines",
                "Nous soutenons {n} clubs sportifs locaux le long de nos lignes",
                "Wir unterstützen {n} Sportvereine entlang unserer Strecken",
            ),
        ],
    ),
    T_TICKETS: dict(
        n=(9, 49),
        say=[
            (
                "Tickets from {n} euros this week only",
                "Des billets dès {n} euros cette semaine seulement",
                "Tickets ab {n} Euro nur diese Woche",
            ),
            (
                "Under 26? Travel for less with our youth pass",
                "Moins de 26 ans ? Voyagez moins cher avec notre pass jeune",
                "Unter 26? Günstiger reisen mit unserem Jugendpass",
            ),
            (
                "Book early and save up to {n}%",
                "Réservez tôt et économisez jusqu'à {n} %",
                "Früh buchen und bis zu {n} % sparen",
            ),
            (
                "Families travel together for less this holiday",
                "Les familles voyagent ensemble pour moins cher ces vacances",
                "Familien reisen in den Ferien günstiger zusammen",
            ),
        ],
    ),
    T_DELAYS: dict(
        n=(82, 96),
        say=[
            (
                "Engineering works this weekend: check your journey before you travel",
                "Travaux ce week-end : vérifiez votre trajet avant de partir",
                "Bauarbeiten am Wochenende: Bitte prüft eure Verbindung vor der Fahrt",
            ),
            (
                "Storm warning: some trains are running at reduced speed",
                "Alerte tempête : certains trains circulent à vitesse réduite",
                "Sturmwarnung: Einige Züge fahren mit reduzierter Geschwindigkeit",
            ),
            (
                "Our punctuality last month: {n}% of trains on time",
                "Notre ponctualité le mois dernier : {n} % de trains à l'heure",
                "Unsere Pünktlichkeit im letzten Monat: {n} % der Züge pünktlich",
            ),
        ],
    ),
    T_COMFORT: dict(
        n=(3, 12),
        say=[
            (
                "Our {prod} lounge is now open at {n} stations",
                "Notre salon {prod} est ouvert dans {n} gares",
                "Unsere {prod}-Lounge ist jetzt an {n} Bahnhöfen geöffnet",
            ),
            (
                "Silent coaches, wider seats, better coffee",
                "Voitures silence, sièges plus larges, meilleur café",
                "Ruhewagen, breitere Sitze, besserer Kaffee",
            ),
            (
                "Wifi is now free on every train",
                "Le wifi est désormais gratuit dans tous nos trains",
                "WLAN ist jetzt in allen Zügen kostenlos",
            ),
        ],
    ),
    T_APP: dict(
        n=(3, 40),
        say=[
            (
                "Plan your whole journey door to door in the {prod} app",
                "Planifiez tout votre trajet de porte à porte dans l'appli {prod}",
                "Plant eure ganze Reise von Tür zu Tür in der {prod}-App",
            ),
            (
                "New: e-bikes bookable in {n} cities",
                "Nouveau : vélos électriques réservables dans {n} villes",
                "Neu: E-Bikes in {n} Städten buchbar",
            ),
            (
                "Your ticket, your bike, your scooter: one app",
                "Votre billet, votre vélo, votre trottinette : une seule appli",
                "Ticket, Rad, Roller: eine App",
            ),
        ],
    ),
}
SIGNATURE = {
    0: [
        (
            "Travel electric, travel Voltaria.",
            "Voyagez électrique, voyagez Voltaria.",
            "Elektrisch reisen, mit Voltaria.",
        ),
        (
            "Zero-emission journeys, every day.",
            "Des trajets zéro émission, chaque jour.",
            "Emissionsfreie Fahrten, jeden Tag.",
        ),
        (
            "One Voltaria Pass, all your trips.",
            "Un seul Voltaria Pass pour tous vos trajets.",
            "Ein Voltaria Pass für alle Fahrten.",
        ),
        ("Aurora: the future is electric.", "Aurora : l'avenir est électrique.", "Aurora: Die Zukunft ist elektrisch."),
    ],
    1: [
        (
            "Railix: always the lowest fare.",
            "Railix : toujours le meilleur prix.",
            "Railix: immer der günstigste Preis.",
        ),
        (
            "Grab a FlexFare before it's gone!",
            "Attrapez un FlexFare avant qu'il ne parte !",
            "Schnapp dir einen FlexFare, bevor er weg ist!",
        ),
        (
            "Railix Plus members save 10% more.",
            "Les membres Railix Plus économisent 10 % de plus.",
            "Railix-Plus-Mitglieder sparen 10 % extra.",
        ),
        ("Komet: fast, frequent, Railix.", "Komet : rapide, fréquent, Railix.", "Komet: schnell, häufig, Railix."),
    ],
    2: [
        ("Trenova: arrive refreshed.", "Trenova : arrivez reposé.", "Trenova: erholt ankommen."),
        (
            "Relax in the Premium Lounge before you board.",
            "Détendez-vous dans le Premium Lounge avant d'embarquer.",
            "Entspannen in der Premium Lounge vor der Abfahrt.",
        ),
        (
            "Collect TrenovaMiles on every trip.",
            "Cumulez des TrenovaMiles à chaque trajet.",
            "Sammle TrenovaMiles bei jeder Fahrt.",
        ),
        ("Meridian: comfort, redefined.", "Meridian : le confort réinventé.", "Meridian: Komfort neu gedacht."),
    ],
    3: [
        (
            "Cityhop: the last mile, sorted.",
            "Cityhop : le dernier kilomètre, réglé.",
            "Cityhop: die letzte Meile, erledigt.",
        ),
        ("Hop on, hop off, Cityhop.", "Montez, descendez, Cityhop.", "Einsteigen, aussteigen, Cityhop."),
        (
            "Scan, ride, done with the Hopper app.",
            "Scannez, roulez, c'est fait avec l'appli Hopper.",
            "Scannen, fahren, fertig mit der Hopper-App.",
        ),
        (
            "Train, e-bike, scooter: one Cityhop pass.",
            "Train, vélo électrique, trottinette : un seul pass Cityhop.",
            "Zug, E-Bike, Roller: ein Cityhop-Pass.",
        ),
    ],
}
CTA = [
    ("Find out more.", "En savoir plus.", "Mehr erfahren."),
    ("Book now.", "Réservez maintenant.", "Jetzt buchen."),
    ("Tell us what you think!", "Dites-nous ce que vous en pensez !", "Sagt uns eure Meinung!"),
    ("Link in bio.", "Lien en bio.", "Link in Bio."),
    ("Share with a friend who travels.", "Partagez avec un ami voyageur.", "Teilt das mit reisefreudigen Freunden."),
    ("", "", ""),
    ("", "", ""),
]
VIDEO = [("▶️ Watch the video", "▶️ Regardez la vidéo", "▶️ Video ansehen"), ("🎬", "🎬", "🎬")]
MEDIA_PREFIX = [
    ("Breaking:", "Urgent :", "Eilmeldung:"),
    ("Analysis:", "Analyse :", "Analyse:"),
    ("Exclusive:", "Exclusif :", "Exklusiv:"),
    ("", "", ""),
    ("", "", ""),
    ("", "", ""),
]
MEDIA_SUFFIX = [
    ("Read more", "À lire", "Mehr dazu"),
    ("Full story", "L'article complet", "Der ganze Artikel"),
    ("", "", ""),
]
CAMPAIGN_TEXT = {
    (0, 0): [
        (
            "Spring offer: 20% off all routes until March 31.",
            "Offre de printemps : -20 % sur toutes les lignes jusqu'au 31 mars.",
            "Frühlingsangebot: 20 % Rabatt auf allen Strecken bis 31. März.",
        ),
        (
            "Save 20% on your spring trips. Book by March 31.",
            "Économisez 20 % sur vos voyages de printemps. Réservez avant le 31 mars.",
            "Spart 20 % auf eure Frühlingsreisen. Buchbar bis 31. März.",
        ),
        (
            "20% off every Voltaria ticket this spring.",
            "-20 % sur tous les billets Voltaria ce printemps.",
            "20 % Rabatt auf alle Voltaria-Tickets diesen Frühling.",
        ),
    ],
    (0, 1): [
        (
            "Where will spring take you? Lakes, vineyards, old towns: 20% off to get there.",
            "Où le printemps vous emmènera-t-il ? Lacs, vignobles, vieilles villes : -20 % pour y aller.",
            "Wohin geht's im Frühling? Seen, Weinberge, Altstädte: 20 % Rabatt für die Reise.",
        ),
        (
            "Swap the traffic jam for a window seat. Your spring escape is 20% off.",
            "Troquez les bouchons contre une place fenêtre. Votre escapade de printemps à -20 %.",
            "Stau gegen Fensterplatz tauschen. Dein Frühlingsausflug 20 % günstiger.",
        ),
        (
            "Spring is calling from the other side of the window. 20% off until March 31.",
            "Le printemps vous appelle de l'autre côté de la vitre. -20 % jusqu'au 31 mars.",
            "Der Frühling ruft hinter dem Zugfenster. 20 % Rabatt bis 31. März.",
        ),
    ],
    (1, 0): [
        (
            "The new Voltaria app is here: tickets, seats and live updates in one place.",
            "La nouvelle appli Voltaria est là : billets, places et infos en direct au même endroit.",
            "Die neue Voltaria-App ist da: Tickets, Plätze und Live-Infos an einem Ort.",
        ),
        (
            "Download the new Voltaria app and travel lighter.",
            "Téléchargez la nouvelle appli Voltaria et voyagez léger.",
            "Ladet die neue Voltaria-App und reist leichter.",
        ),
    ],
    (1, 1): [
        (
            "Your whole trip in your pocket: meet the new Voltaria app.",
            "Tout votre voyage dans la poche : découvrez la nouvelle appli Voltaria.",
            "Die ganze Reise in der Tasche: die neue Voltaria-App.",
        ),
        (
            "Tickets, seats, live updates: the new Voltaria app does it all.",
            "Billets, places, infos en direct : la nouvelle appli Voltaria fait tout.",
            "Tickets, Plätze, Live-Infos: Die neue Voltaria-App kann alles.",
        ),
    ],
}
CAMPAIGN_TAG = ("#VoltariaSpring", "#VoltariaApp")
STATEMENTS = [
    [
        (
            "Statement: a technical incident in our payment system caused some customers to be charged twice. "
            "Every duplicate payment will be refunded automatically within 5 days. We sincerely apologise.",
            "Communiqué : un incident technique sur notre système de paiement a entraîné un double prélèvement pour "
            "certains clients. Chaque paiement en double sera remboursé automatiquement sous 5 jours. Toutes nos excuses.",
            "Stellungnahme: Durch einen technischen Fehler in unserem Bezahlsystem wurden einige Kundinnen und Kunden "
            "doppelt belastet. Alle doppelten Zahlungen werden innerhalb von 5 Tagen automatisch erstattet. "
            "Wir entschuldigen uns.",
        )
    ],
    [
        (
            "Update on duplicate charges: refunds have started. You don't need to do anything. "
            "Affected customers will also receive a 20 euro voucher.",
            "Point sur les doubles prélèvements : les remboursements ont commencé. Vous n'avez rien à faire. "
            "Les clients concernés recevront aussi un bon de 20 euros.",
            "Update zu den Doppelabbuchungen: Die Erstattungen laufen. Ihr müsst nichts tun. "
            "Betroffene erhalten zusätzlich einen 20-Euro-Gutschein.",
        )
    ],
    [
        (
            "Update: all duplicate charges have now been refunded. Thank you for your patience, and sorry again.",
            "Mise à jour : tous les doubles prélèvements ont été remboursés. Merci pour votre patience, et encore pardon.",
            "Update: Alle Doppelabbuchungen sind erstattet. Danke für eure Geduld und nochmals Entschuldigung.",
        )
    ],
]
EMPLOYEE_TEXT = [
    ("Proud of my colleagues!", "Fière de mes collègues !", "Stolz auf mein Team!"),
    ("This is why I love my job.", "Voilà pourquoi j'aime mon métier.", "Darum liebe ich meinen Job."),
    ("Great work by the team.", "Bravo à toute l'équipe.", "Starke Arbeit vom Team."),
    ("Worth a look:", "À découvrir :", "Unbedingt anschauen:"),
    ("So happy to be part of this.", "Tellement contente d'en faire partie.", "Schön, dabei zu sein."),
    (
        "Behind every train, a great team.",
        "Derrière chaque train, une super équipe.",
        "Hinter jedem Zug steht ein tolles Team.",
    ),
]
REPLY_TEXT = {
    0: [
        (
            "Hi @{u}, we're sorry to hear that. Could you send us your booking reference by DM so we can look into it?",
            "Bonjour @{u}, nous sommes désolés. "
            "Pouvez-vous nous envoyer votre référence de réservation en message privé ?",
            "Hallo @{u}, das tut uns leid. Schick uns bitte deine Buchungsnummer per DM, dann sehen wir nach.",
        ),
        (
            "@{u} sorry for the trouble. You can claim compensation here: https://voltaria.example/claims",
            "@{u} désolés pour ce désagrément. "
            "Vous pouvez demander une indemnisation ici : https://voltaria.example/claims",
            "@{u} Entschuldige den Ärger. Eine Entschädigung kannst du hier beantragen: https://voltaria.example/claims",
        ),
        (
            "@{u} thanks for telling us, we've passed this on to the team on site.",
            "@{u} merci de nous l'avoir signalé, nous avons transmis à l'équipe sur place.",
            "@{u} danke für den Hinweis, wir haben es an das Team vor Ort weitergegeben.",
        ),
        (
            "Hello @{u}, that's not the experience we want for you. We're checking what happened.",
            "Bonjour @{u}, ce n'est pas l'expérience que nous voulons vous offrir. Nous vérifions ce qui s'est passé.",
            "Hallo @{u}, so soll es nicht sein. Wir prüfen, was passiert ist.",
        ),
    ],
    1: [
        (
            "Hi @{u}, good question! You'll find the details here: https://voltaria.example/help",
            "Bonjour @{u}, bonne question ! Tous les détails ici : https://voltaria.example/help",
            "Hallo @{u}, gute Frage! Alle Details findest du hier: https://voltaria.example/help",
        ),
        (
            "@{u} yes, you can: just check the conditions in the app under My trips.",
            "@{u} oui, c'est possible : vérifiez les conditions dans l'appli, rubrique Mes voyages.",
            "@{u} ja, das geht: Die Bedingungen stehen in der App unter Meine Reisen.",
        ),
        (
            "@{u} let us check that for you. Could you DM us your booking reference?",
            "@{u} nous vérifions pour vous. Pouvez-vous nous envoyer votre référence en MP ?",
            "@{u} wir prüfen das für dich. Schickst du uns deine Buchungsnummer per DM?",
        ),
    ],
    2: [
        (
            "@{u} we're very sorry: a technical incident caused duplicate charges. "
            "The extra payment will be refunded automatically within 5 days.",
            "@{u} toutes nos excuses : un incident technique a provoqué des doubles prélèvements. "
            "Le montant en trop sera remboursé automatiquement sous 5 jours.",
            "@{u} Es tut uns sehr leid: Ein technischer Fehler hat Doppelabbuchungen verursacht. "
            "Der zu viel gezahlte Betrag wird innerhalb von 5 Tagen automatisch erstattet.",
        ),
        (
            "@{u} you don't need to do anything: all duplicate charges are being refunded. Sorry for the worry.",
            "@{u} vous n'avez rien à faire : tous les doubles prélèvements sont en cours de remboursement. "
            "Désolés pour l'inquiétude.",
            "@{u} Du musst nichts tun: Alle Doppelabbuchungen werden erstattet. Entschuldige die Sorge.",
        ),
    ],
}
AGENTS = ["^CM", "^JB", "^LK", "^AS", "^TR", "^NV", "^EM"]

FIRST_NAMES = (
    [
        "james",
        "olivia",
        "jack",
        "amelia",
        "harry",
        "isla",
        "oliver",
        "emily",
        "george",
        "ava",
        "charlie",
        "grace",
        "noah",
        "lily",
        "alfie",
        "ruby",
        "tom",
        "ella",
        "sam",
        "chloe",
    ],
    [
        "camille",
        "lea",
        "hugo",
        "lucas",
        "chloe",
        "manon",
        "theo",
        "julie",
        "nicolas",
        "sarah",
        "antoine",
        "ines",
        "louis",
        "emma",
        "thomas",
        "clara",
        "maxime",
        "pauline",
        "romain",
        "zoe",
    ],
    [
        "lukas",
        "anna",
        "felix",
        "lena",
        "jonas",
        "marie",
        "paul",
        "laura",
        "leon",
        "sophie",
        "tim",
        "hannah",
        "jan",
        "lea",
        "finn",
        "mia",
        "niklas",
        "julia",
        "moritz",
        "katrin",
    ],
)
LAST_NAMES = (
    [
        "smith",
        "jones",
        "taylor",
        "brown",
        "williams",
        "wilson",
        "johnson",
        "davies",
        "robinson",
        "wright",
        "thompson",
        "evans",
        "walker",
        "white",
        "roberts",
        "green",
        "hall",
        "wood",
        "jackson",
        "clarke",
    ],
    [
        "martin",
        "bernard",
        "dubois",
        "thomas",
        "robert",
        "richard",
        "petit",
        "durand",
        "leroy",
        "moreau",
        "simon",
        "laurent",
        "lefebvre",
        "michel",
        "garcia",
        "david",
        "bertrand",
        "roux",
        "vincent",
        "fournier",
    ],
    [
        "mueller",
        "schmidt",
        "schneider",
        "fischer",
        "weber",
        "meyer",
        "wagner",
        "becker",
        "schulz",
        "hoffmann",
        "koch",
        "richter",
        "klein",
        "wolf",
        "neumann",
        "schwarz",
        "zimmermann",
        "braun",
        "krueger",
        "hartmann",
    ],
)
COUNTRIES = (
    (("GB", 0.5), ("US", 0.3), ("IE", 0.1), ("DE", 0.05), ("FR", 0.05)),
    (("FR", 0.72), ("BE", 0.14), ("CH", 0.1), ("CA", 0.04)),
    (("DE", 0.75), ("AT", 0.12), ("CH", 0.13)),
)
DEVICES = ("iPhone", "Android", "Web")
POST_URL = (
    "https://twitter.com/{h}/status/",
    "https://mastodon.social/@{h}/",
    "https://bsky.app/profile/{h}.bsky.social/post/",
    "https://www.facebook.com/{h}/posts/",
    "https://www.instagram.com/p/",
)
TWITTER_EPOCH_MS = 1_288_834_974_657


# --- small helpers -------------------------------------------------------------------------------


class _Slot:
    """A fragment table: groups of (en, fr, de) alternatives, rendered once per actor and language.

    ``pick`` draws one alternative of each row's group and returns it for the row's language and
    actor as an Arrow string array. A fragment may hold one per-row placeholder (``key``); it is
    split there when the table is built, so filling it is a vectorised join.
    """

    def __init__(self, groups, *, lead: str = "", trail: str = "", key: str = "{n}"):
        rows, offset, count = [], [], []
        for g in groups:
            offset.append(len(rows))
            count.append(len(g))
            rows.extend(g)
        self.offset, self.count, self.rows = np.array(offset), np.array(count), len(rows)
        pre, post, has = [], [], []
        for spec in ACTORS:
            for row in rows:
                for text in row:
                    for ph, value in (
                        ("{b}", spec["name"]),
                        ("{h}", spec["handle"]),
                        ("{prod}", spec.get("product", spec["name"])),
                    ):
                        text = text.replace(ph, value)
                    text = lead + text + trail if text else ""
                    head, sep, tail = text.partition(key)
                    pre.append(head), post.append(tail), has.append(bool(sep))
        self.pre, self.post = pa.array(pre, pa.string()), pa.array(post, pa.string())
        self.has = np.array(has)

    def pick(self, rng, group, lang, actor=None, value=None) -> pa.Array:
        group = np.asarray(group)
        j = self.offset[group] + (rng.random(len(group)) * self.count[group]).astype(np.int64)
        actor = np.zeros(len(group), np.int64) if actor is None else np.asarray(actor, np.int64)
        idx = (actor * self.rows + j) * 3 + np.asarray(lang, np.int64)
        out = self.pre.take(pa.array(idx))
        if self.has.any():
            filled = pc.if_else(pa.array(self.has[idx]), value, "")
            out = pc.binary_join_element_wise(out, filled, self.post.take(pa.array(idx)), "")
        return out


def _s(values) -> pd.Series:
    return pd.Series(values, dtype="string")


def _cat(*parts) -> pd.Series:
    """Concatenate aligned fragment arrays row by row (vectorised, Arrow strings)."""
    out = _s(parts[0])
    for p in parts[1:]:
        out = out + (p if isinstance(p, pd.Series) else _s(p)).to_numpy()
    return out


def _join(*parts) -> pa.Array:
    """Concatenate aligned Arrow string arrays (or scalars) row by row."""
    return pc.binary_join_element_wise(*parts, "")


def _opt(rng, values: pa.Array, p: float) -> pa.Array:
    """Keep each row's fragment with probability ``p``, else the empty string."""
    return pc.if_else(pa.array(rng.random(len(values)) < p), values, "")


def _when(mask: np.ndarray, values, other="") -> pa.Array:
    return pc.if_else(pa.array(np.asarray(mask, bool)), values, other)


def _strings(values) -> pa.Array:
    return pa.array(np.asarray(values)).cast(pa.string())


def _noise(rng, n: int, sigma: float) -> np.ndarray:
    return np.exp(sigma * rng.standard_normal(n) - sigma**2 / 2)


def _choice(rng, n: int, weights) -> np.ndarray:
    w = np.asarray(weights, dtype=float)
    return rng.choice(len(w), size=n, p=w / w.sum())


def _choice_rows(rng, probs: np.ndarray) -> np.ndarray:
    """One categorical draw per row of a probability matrix."""
    cum = np.cumsum(probs, axis=1)
    cum /= cum[:, -1:]
    return (rng.random((len(probs), 1)) > cum).sum(axis=1).clip(0, probs.shape[1] - 1)


def _iso(t: float) -> str:
    return pd.Timestamp(int(t), unit="s", tz="UTC").strftime("%Y-%m-%dT%H:%M:%SZ")


def _day(t: float) -> str:
    return pd.Timestamp(int(t), unit="s", tz="UTC").strftime("%Y-%m-%d")


class _Window:
    def __init__(self, start: str):
        ts = pd.Timestamp(start)
        ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
        if ts != ts.normalize():
            raise ValueError(f"start must be a date (midnight UTC), got {start!r}")
        self.t0 = int(ts.value // 10**9)
        self.days = WEEKS * 7
        self.t1 = self.t0 + self.days * DAY
        self.dow = (self.t0 // DAY + 3 + np.arange(self.days)) % 7  # Monday = 0

    def times(self, rng, n, day_w, hour_w, exclude=()) -> np.ndarray:
        day_p = np.asarray(day_w, float) / np.sum(day_w)
        hour_p = np.asarray(hour_w, float) / np.sum(hour_w)

        def draw(k):
            return (
                self.t0
                + rng.choice(self.days, k, p=day_p) * DAY
                + rng.choice(24, k, p=hour_p) * HOUR
                + rng.integers(0, HOUR, k)
            )

        t = draw(n)
        for _ in range(100):
            bad = np.zeros(n, bool)
            for a, b in exclude:
                bad |= (t >= a) & (t < b)
            if not bad.any():
                break
            t[bad] = draw(int(bad.sum()))
        return t.astype(np.int64)

    def after(self, rng, parent_t, scale_s, min_s=60) -> np.ndarray:
        """Child times: parent time + min_s + exponential delay, kept inside the window."""
        t = parent_t + min_s + rng.exponential(scale_s, len(parent_t))
        late = t >= self.t1
        room = np.maximum(self.t1 - 1 - parent_t - min_s, 0)
        t[late] = parent_t[late] + min_s + rng.random(int(late.sum())) * room[late]
        return t.astype(np.int64)


def _segment(n: int, **cols) -> dict:
    base = dict(
        t=np.zeros(n, np.int64),
        plat=np.zeros(n, np.int8),
        author=np.zeros(n, np.int64),
        actor=np.zeros(n, np.int8),
        about=np.zeros(n, np.int8),
        role=np.full(n, R_PUBLIC, np.int8),
        kind=np.zeros(n, np.int8),
        parent=np.full(n, -1, np.int64),
        topic=np.full(n, T_MISC, np.int8),
        intent=np.full(n, OTHER, np.int8),
        sent=np.full(n, NEU, np.int8),
        lang=np.zeros(n, np.int8),
        fmt=np.zeros(n, np.int8),
        paid=np.full(n, -1, np.int8),
        style=np.zeros(n, np.int8),
        campaign=np.full(n, -1, np.int8),
        variant=np.full(n, -1, np.int8),
        sub=np.zeros(n, np.int8),
    )
    for k, v in cols.items():
        base[k][:] = v
    return base


# --- accounts ------------------------------------------------------------------------------------


def _accounts(rng, n_public: int) -> dict:
    """All authors: owned accounts (actor x platform), employees, then the public."""
    handle, name, plat, followers, actor, role, lang, emp = [], [], [], [], [], [], [], []
    owned = np.full((len(ACTORS), len(PLATFORMS)), -1)
    for a, spec in enumerate(ACTORS):
        for p, f in spec["followers"].items():
            owned[a, p] = len(handle)
            handle.append(spec["handle"])
            name.append(spec["name"])
            plat.append(p)
            followers.append(f)
            actor.append(a)
            role.append(spec["role"])
            lang.append(int(np.argmax(spec["own_lang"])))
            emp.append(False)
    first_emp = len(handle)
    for h, nm, p, lg, f in EMPLOYEES:
        handle.append(h)
        name.append(nm)
        plat.append(p)
        followers.append(f)
        actor.append(BRAND)
        role.append(R_EMP)
        lang.append(lg)
        emp.append(True)
    first_pub = len(handle)

    k = n_public
    plang = _choice(rng, k, (0.30, 0.36, 0.34))
    pplat = _choice(rng, k, (0.42, 0.14, 0.14, 0.16, 0.14))
    fi, li = rng.integers(0, 20, k), rng.integers(0, 20, k)
    first = np.array(FIRST_NAMES, dtype=object)[plang, fi]
    last = np.array(LAST_NAMES, dtype=object)[plang, li]
    style = rng.integers(0, 6, k)
    digits = rng.integers(1, 99, k).astype(str).astype(object)
    empty = np.full(k, "", dtype=object)
    initial = pd.Series(first).str.slice(0, 1).to_numpy(dtype=object)
    base = _cat(
        np.where(style == 4, "the_", empty),
        np.where(style == 5, initial, first),
        np.where(style == 1, "_", empty),
        np.where(np.isin(style, (0, 1, 2, 5)), last, empty),
        np.where(style == 4, "_", empty),
        np.where(np.isin(style, (2, 3, 4)), digits, empty),
    )
    dup = base.groupby(base.to_numpy()).cumcount().to_numpy()
    phandle = _cat(base, np.where(dup > 0, (dup + 1).astype(str).astype(object), empty))
    pname = _cat(pd.Series(first).str.capitalize(), np.full(k, " ", dtype=object), pd.Series(last).str.capitalize())
    pf = np.floor(np.exp(rng.normal(5.0, 1.5, k))).astype(np.int64)
    micro = rng.random(k) < 0.025
    pf[micro] = np.floor(np.exp(rng.normal(10.0, 0.5, int(micro.sum())))).astype(np.int64)

    handles = np.concatenate([np.array(handle, dtype=object), phandle.to_numpy(dtype=object)])
    names = np.concatenate([np.array(name, dtype=object), pname.to_numpy(dtype=object)])
    n_all = len(handles)
    ids = np.concatenate(
        [[_owned_id(i) for i in range(first_pub)], rng.permutation(10**9 + np.cumsum(rng.integers(1, 5_000, k)))]
    ).astype(np.int64)
    country = np.empty(n_all, dtype=object)
    for lg, options in enumerate(COUNTRIES):
        m = np.where(np.concatenate([np.full(first_pub, -1), plang]) == lg)[0]
        codes = np.array([c for c, _ in options], dtype=object)
        country[m] = codes[_choice(rng, len(m), [w for _, w in options])]
    shows_country = rng.random(n_all) < 0.45
    device = np.array(DEVICES, dtype=object)[_choice(rng, n_all, (0.45, 0.4, 0.15))]
    activity = np.zeros(n_all)
    activity[first_pub:] = 1.0 / (rng.permutation(k) + 10.0) ** 0.8
    return dict(
        handle=handles,
        name=names,
        id=ids.astype(str).astype(object),
        handle_pa=pa.array(handles, pa.string()),
        name_pa=pa.array(names, pa.string()),
        id_pa=_strings(ids),
        plat=np.concatenate([np.array(plat, np.int8), pplat.astype(np.int8)]),
        followers=np.concatenate([np.array(followers, np.int64), pf]),
        actor=np.concatenate([np.array(actor, np.int8), np.full(k, -1, np.int8)]),
        role=np.concatenate([np.array(role, np.int8), np.full(k, R_PUBLIC, np.int8)]),
        lang=np.concatenate([np.array(lang, np.int8), plang.astype(np.int8)]),
        employee=np.concatenate([np.array(emp), np.zeros(k, bool)]),
        country=np.where(shows_country, country, None),
        device=device,
        activity=activity,
        country_pa=pa.array(np.where(shows_country, country, None), pa.string()),
        device_pa=pa.array(device, pa.string()),
        owned=owned,
        first_emp=first_emp,
        first_pub=first_pub,
    )


class _Pools:
    """Public authors grouped by language and by platform, drawn with heavy-tailed activity weights."""

    def __init__(self, acc):
        pub = np.arange(acc["first_pub"], len(acc["handle"]))
        self.by = {}
        for key, col in (("lang", "lang"), ("plat", "plat")):
            for v in range(3 if key == "lang" else 5):
                ids = pub[acc[col][pub] == v]
                w = acc["activity"][ids]
                self.by[key, v] = (ids, w / w.sum())

    def draw(self, rng, key: str, values: np.ndarray) -> np.ndarray:
        out = np.empty(len(values), np.int64)
        for v in np.unique(values):
            m = values == v
            ids, p = self.by[key, int(v)]
            out[m] = rng.choice(ids, int(m.sum()), p=p)
        return out


# --- the generator -------------------------------------------------------------------------------


def generate(n_posts: int = 20_000, *, seed: int = 0, start: str = "2026-01-05") -> tuple[pd.DataFrame, dict]:
    """Generate the sample scenario: a canonical post table and its ground truth.

    Parameters
    ----------
    n_posts
        Number of posts (at least 1,000). Every segment of the scenario scales with it.
    seed
        Seed of the numpy Generator; the same seed gives the same frame and truth.
    start
        First day (UTC) of the thirteen-week window. Crisis, campaigns and the weak signal are placed
        at fixed offsets from it (with the default, the crisis starts 2026-03-09 14:00 UTC).

    Returns
    -------
    posts, truth
        ``posts`` passes :func:`kit.schema.validate`, with ``source_file`` = ``"sample"`` and
        ``source_row`` = 1..N in time order, plus the generator's labels ``x_true_topic``,
        ``x_true_intent``, ``x_true_sentiment``, ``x_campaign`` and ``x_variant``. ``truth`` is a
        JSON-serialisable dict of what was planted (parameters) and what the frame shows (observed).

    Examples
    --------
    >>> posts, truth = generate(2_000, seed=3)
    >>> truth["ab_tests"]["spring_ab"]["winner"]
    'B'
    >>> int((posts["text"] == "<script>alert(1)</script>").sum())
    1
    """
    n_posts = int(n_posts)
    if n_posts < MIN_POSTS:
        raise ValueError(f"n_posts must be at least {MIN_POSTS}, got {n_posts}")
    rng = np.random.default_rng(seed)
    win = _Window(start)
    t0, t1 = win.t0, win.t1
    onset = t0 + CRISIS_DAY * DAY + CRISIS_HOUR * HOUR
    acc = _accounts(rng, max(300, int(0.3 * n_posts)))
    pools = _Pools(acc)
    segs: list[dict] = []

    def add(seg: dict) -> int:
        start_row = sum(len(s["t"]) for s in segs)
        segs.append(seg)
        return start_row

    def count(share: float, minimum: int = 1) -> int:
        return max(minimum, int(round(share * n_posts)))

    # 1. owned posts of the brand and the competitors
    for a in TRACKED:
        spec = ACTORS[a]
        k = count(SHARES["owned"][a], 12)
        exclude = []
        if a == BRAND:
            exclude.append((onset, onset + CRISIS_PAUSE_H * HOUR))
        if a == GAP["actor"]:
            exclude.append((t0 + GAP["days"][0] * DAY, t0 + GAP["days"][1] * DAY))
        t = win.times(rng, k, WEEKDAY_OWNED[win.dow], HOUR_OWNED, exclude)
        plats = np.array(list(spec["platform_weights"]))
        plat = plats[_choice(rng, k, list(spec["platform_weights"].values()))]
        if a == BRAND:
            plat[:5] = np.arange(5)  # every network carries at least one brand post
        fmt = _choice_rows(rng, FORMAT_MIX[plat])
        topics = np.array(list(OWN_TOPICS[a]))
        seg = _segment(
            k,
            t=t,
            plat=plat,
            author=acc["owned"][a, plat],
            actor=a,
            about=a,
            role=spec["role"],
            topic=topics[_choice(rng, k, list(OWN_TOPICS[a].values()))],
            lang=_choice(rng, k, spec["own_lang"]),
            fmt=fmt,
            sent=np.where(rng.random(k) < 0.6, POS, NEU),
            style=S_OWNED,
            paid=((plat == TW) | (plat == FB) | (plat == IG)) & (rng.random(k) < spec["paid"]),
        )
        add(seg)
    owned_lo = 0
    owned_hi = sum(len(s["t"]) for s in segs)

    # 2. media everyday coverage
    k = count(SHARES["media"], 8)
    outlet = np.array(MEDIA)[_choice(rng, k, [ACTORS[m]["weight"] for m in MEDIA])]
    plat = np.empty(k, np.int8)
    lang = np.empty(k, np.int8)
    for m in MEDIA:
        sel = outlet == m
        pw = ACTORS[m]["platform_weights"]
        plat[sel] = np.array(list(pw))[_choice(rng, int(sel.sum()), list(pw.values()))]
        lang[sel] = _choice(rng, int(sel.sum()), ACTORS[m]["own_lang"])
    mtopics = np.array(list(MEDIA_TOPICS))
    add(
        _segment(
            k,
            t=win.times(rng, k, WEEKDAY_OWNED[win.dow] + 0.3, HOUR_OWNED + 0.1),
            plat=plat,
            author=acc["owned"][outlet, plat],
            actor=outlet,
            about=np.array(TRACKED)[_choice(rng, k, (0.4, 0.25, 0.2, 0.15))],
            role=R_MEDIA,
            topic=mtopics[_choice(rng, k, list(MEDIA_TOPICS.values()))],
            lang=lang,
            fmt=_choice(rng, k, (0.15, 0.7, 0.1, 0.05)),
            sent=_choice(rng, k, (0.1, 0.8, 0.1)),
            style=S_MEDIA,
            paid=0,
        )
    )

    # 3. A/B message tests (brand, Facebook and Instagram images, organic)
    for c, name in enumerate(CAMPAIGNS):
        d0, d1 = AB_DAYS[name]
        for v in range(2):
            k = max(12, int(round(0.0015 * n_posts)))
            dw = np.zeros(win.days)
            dw[d0:d1] = 1
            plat = np.where(rng.random(k) < 0.5, FB, IG)
            add(
                _segment(
                    k,
                    t=win.times(rng, k, dw, HOUR_OWNED),
                    plat=plat,
                    author=acc["owned"][BRAND, plat],
                    actor=BRAND,
                    about=BRAND,
                    role=R_BRAND,
                    topic=T_TICKETS if c == 0 else T_APP,
                    lang=_choice(rng, k, ACTORS[BRAND]["own_lang"]),
                    fmt=2,
                    sent=POS,
                    style=S_CAMPAIGN,
                    paid=0,
                    campaign=c,
                    variant=v,
                )
            )

    # 4. crisis: statements of the brand
    st = [
        (CRISIS_STATEMENT_H, TW, 1, 0),
        (CRISIS_STATEMENT_H + 4 / 60, TW, 2, 0),
        (CRISIS_STATEMENT_H + 7 / 60, TW, 0, 0),
        (CRISIS_STATEMENT_H + 10 / 60, FB, 1, 0),
        (CRISIS_STATEMENT_H + 12 / 60, MA, 0, 0),
        (CRISIS_STATEMENT_H + 14 / 60, BS, 2, 0),
        (CRISIS_STATEMENT_H + 15 / 60, IG, 1, 0),
        (22, TW, 1, 1),
        (22.1, FB, 1, 1),
        (46, TW, 1, 2),
        (46.2, TW, 2, 2),
    ]
    h, plat, lang, which = (np.array(x) for x in zip(*st))
    add(
        _segment(
            len(st),
            t=(onset + h * HOUR).astype(np.int64),
            plat=plat,
            author=acc["owned"][BRAND, plat],
            actor=BRAND,
            about=BRAND,
            role=R_BRAND,
            topic=T_CRISIS,
            lang=lang,
            fmt=np.where(plat == IG, 2, 0),
            style=S_STATEMENT,
            paid=0,
            sub=which,
        )
    )

    # 5. crisis: media pick-up
    k = count(0.0012, 6)
    outlet = np.array(MEDIA)[_choice(rng, k, [ACTORS[m]["weight"] for m in MEDIA])]
    outlet[0] = 6
    plat = np.where(acc["owned"][outlet, TW] >= 0, TW, FB).astype(np.int8)
    t = onset + CRISIS_MEDIA_H * HOUR + rng.exponential(10 * HOUR, k)
    t[0] = onset + CRISIS_MEDIA_H * HOUR
    lang = np.array([_choice(rng, 1, ACTORS[m]["own_lang"])[0] for m in outlet])
    media_crisis = add(
        _segment(
            k,
            t=np.minimum(t, t1 - 1).astype(np.int64),
            plat=plat,
            author=acc["owned"][outlet, plat],
            actor=outlet,
            about=BRAND,
            role=R_MEDIA,
            topic=T_CRISIS,
            lang=lang,
            fmt=1,
            sent=np.where(rng.random(k) < 0.5, NEG, NEU),
            style=S_MEDIA,
            paid=0,
        )
    )

    # 6. crisis: the public surge (first four posts are the cascade seeds)
    k = count(SHARES["crisis"], 40)
    lam = math.log(2) / CRISIS_HALF_LIFE_H
    p_rise = lam / (2 / CRISIS_RISE_H + lam)  # density continuous at the peak
    rising = rng.random(k) < p_rise
    off_h = np.where(rising, CRISIS_RISE_H * np.sqrt(rng.random(k)), CRISIS_RISE_H + rng.exponential(1 / lam, k))
    off_h[:4] = CRISIS_SEED_H
    t = np.minimum(onset + off_h * HOUR, t1 - 1).astype(np.int64)
    lang = _choice(rng, k, ACTORS[BRAND]["mention_lang"])
    lang[:4] = CRISIS_SEED_LANGS
    author = pools.draw(rng, "lang", lang)
    for i, p in enumerate(CRISIS_SEED_PLATFORMS):  # seeds come from the most followed authors of their network
        ids, _ = pools.by["plat", p]
        author[i] = ids[np.argsort(-acc["followers"][ids], kind="stable")[i]]
    intent = _choice(rng, k, INTENT_MIX[T_CRISIS])
    intent[:4] = COMPLAINT
    crisis_lo = add(
        _segment(
            k,
            t=t,
            plat=acc["plat"][author],
            author=author,
            actor=BRAND,
            about=BRAND,
            topic=T_CRISIS,
            lang=lang,
            intent=intent,
            fmt=_choice(rng, k, (0.7, 0, 0.25, 0.05)),
            style=S_MENTION,
        )
    )
    seeds = np.array([crisis_lo, crisis_lo + 1, crisis_lo + 2, crisis_lo + 3, media_crisis])

    # 7. crisis: repost cascade (and a few quotes) on the seeds
    k = count(SHARES["cascade"], 20)
    parent = seeds[_choice(rng, k, CASCADE_WEIGHTS)]
    ptime = np.concatenate([s["t"] for s in segs])[parent]
    pplat = np.concatenate([s["plat"] for s in segs])[parent]
    is_quote = rng.random(k) < 0.1
    author = pools.draw(rng, "plat", pplat)
    add(
        _segment(
            k,
            t=win.after(rng, ptime, HOUR / lam, 30),
            plat=pplat,
            author=author,
            actor=BRAND,
            about=BRAND,
            kind=np.where(is_quote, QUOTE, REPOST),
            parent=parent,
            topic=T_CRISIS,
            intent=np.where(is_quote, np.where(rng.random(k) < 0.6, COMPLAINT, OTHER), OTHER),
            lang=acc["lang"][author],
            fmt=0,
            style=np.where(is_quote, S_MENTION, S_REPOST),
        )
    )

    # 8. weak signal: night-train complaints, growing linearly from WEAK_START_DAY to the end
    k = count(SHARES["weak"], 20)
    dw = np.clip(np.arange(win.days) - WEAK_START_DAY + 1, 0, None).astype(float)
    lang = _choice(rng, k, ACTORS[BRAND]["mention_lang"])
    author = pools.draw(rng, "lang", lang)
    add(
        _segment(
            k,
            t=win.times(rng, k, dw, HOUR_PUBLIC),
            plat=acc["plat"][author],
            author=author,
            actor=BRAND,
            about=BRAND,
            topic=T_NIGHT,
            lang=lang,
            intent=_choice(rng, k, INTENT_MIX[T_NIGHT]),
            fmt=_choice(rng, k, (0.75, 0, 0.2, 0.05)),
            style=S_MENTION,
        )
    )

    # 9-10. the public reposts and replies to owned posts
    all_t = np.concatenate([s["t"] for s in segs])
    all_plat = np.concatenate([s["plat"] for s in segs])
    all_author = np.concatenate([s["author"] for s in segs])
    all_fmt = np.concatenate([s["fmt"] for s in segs])
    pool = np.arange(owned_lo, owned_hi)
    pool = pool[all_t[pool] < t1 - 12 * HOUR]
    w = acc["followers"][all_author[pool]] * PLATFORM_RATE[all_plat[pool]] * FORMAT_EFFECT[all_fmt[pool]]
    all_actor = np.concatenate([s["actor"] for s in segs])
    all_topic = np.concatenate([s["topic"] for s in segs])
    all_lang = np.concatenate([s["lang"] for s in segs])
    k = count(SHARES["public_reposts"], 20)
    parent = pool[_choice(rng, k, w)]
    author = pools.draw(rng, "plat", all_plat[parent])
    add(
        _segment(
            k,
            t=win.after(rng, all_t[parent], 5 * HOUR),
            plat=all_plat[parent],
            author=author,
            actor=all_actor[parent],
            about=all_actor[parent],
            kind=REPOST,
            parent=parent,
            style=S_REPOST,
        )
    )
    k = count(SHARES["public_replies"], 20)
    parent = pool[_choice(rng, k, w)]
    author = pools.draw(rng, "plat", all_plat[parent])
    topic = all_topic[parent]
    add(
        _segment(
            k,
            t=win.after(rng, all_t[parent], 3 * HOUR),
            plat=all_plat[parent],
            author=author,
            actor=all_actor[parent],
            about=all_actor[parent],
            kind=REPLY,
            parent=parent,
            topic=topic,
            intent=_choice_rows(rng, INTENT_MIX[topic]),
            lang=all_lang[parent],
            fmt=0,
            style=S_MENTION,
        )
    )

    # 11. employees share the brand's posts: reposts, and quotes with their own words
    k = count(SHARES["employees"], 10)
    emp = acc["first_emp"] + _choice(rng, k, EMPLOYEE_WEIGHTS)
    eplat = acc["plat"][emp]
    parent = np.empty(k, np.int64)
    brand_pool = pool[all_actor[pool] == BRAND]
    for p in np.unique(eplat):
        m = eplat == p
        cand = brand_pool[all_plat[brand_pool] == p]
        if len(cand) == 0:
            cand = np.arange(owned_lo, owned_hi)[
                (all_actor[owned_lo:owned_hi] == BRAND) & (all_plat[owned_lo:owned_hi] == p)
            ]
        parent[m] = rng.choice(cand, int(m.sum()))
    is_quote = rng.random(k) < 0.3
    add(
        _segment(
            k,
            t=win.after(rng, all_t[parent], 3 * HOUR),
            plat=eplat,
            author=emp,
            actor=BRAND,
            about=BRAND,
            role=R_EMP,
            kind=np.where(is_quote, QUOTE, REPOST),
            parent=parent,
            topic=all_topic[parent],
            lang=np.where(is_quote, acc["lang"][emp], all_lang[parent]),
            fmt=0,
            sent=POS,
            style=np.where(is_quote, S_EMPLOYEE, S_REPOST),
        )
    )

    # 12. the two markup posts (escaping tests), then everyday public mentions fill the rest
    special_t = np.array([t0 + 36 * DAY + 10 * HOUR + 15 * 60, t0 + 50 * DAY + 19 * HOUR + 42 * 60])
    author = pools.draw(rng, "plat", np.array([TW, TW]))
    special_lo = add(
        _segment(
            2,
            t=special_t,
            plat=TW,
            author=author,
            actor=BRAND,
            about=BRAND,
            lang=0,
            style=S_SPECIAL,
            sub=np.array([0, 1]),
        )
    )
    fixed = sum(len(s["t"]) for s in segs)
    k = n_posts - fixed
    if k < 0.3 * n_posts:
        raise ValueError(f"n_posts={n_posts} is too small for the scenario")
    actor = np.array(TRACKED)[_choice(rng, k, SOV_TARGET)]
    lang = np.empty(k, np.int8)
    topic = np.empty(k, np.int8)
    for a in TRACKED:
        m = actor == a
        lang[m] = _choice(rng, int(m.sum()), ACTORS[a]["mention_lang"])
        topic[m] = np.array(_BASE_TOPICS)[_choice(rng, int(m.sum()), MENTION_TOPICS[a])]
    author = pools.draw(rng, "lang", lang)
    day_w = WEEKDAY_PUBLIC[win.dow] * (1 + 0.003 * np.arange(win.days))
    intent = _choice_rows(rng, INTENT_MIX[topic])
    fmt = np.where(intent == OTHER, _choice(rng, k, (0.4, 0.5, 0.08, 0.02)), _choice(rng, k, (0.72, 0.04, 0.18, 0.06)))
    everyday_lo = add(
        _segment(
            k,
            t=win.times(rng, k, day_w, HOUR_PUBLIC),
            plat=acc["plat"][author],
            author=author,
            actor=actor,
            about=actor,
            topic=topic,
            lang=lang,
            intent=intent,
            fmt=fmt,
            style=S_MENTION,
        )
    )

    # concatenate what exists so far
    rows = {key: np.concatenate([s[key] for s in segs]) for key in segs[0]}
    n = len(rows["t"])
    # sentiment follows intent for every public mention
    mention = rows["style"] == S_MENTION
    rows["sent"][mention] = _choice_rows(rng, SENTIMENT_MIX[rows["intent"][mention]])
    rows["sent"][crisis_lo : crisis_lo + 4] = NEG

    # 13. the brand answers some complaints and questions (lognormal response times)
    eligible = np.where(
        (rows["role"] == R_PUBLIC)
        & (rows["actor"] == BRAND)
        & (rows["kind"] != REPOST)
        & np.isin(rows["intent"], (COMPLAINT, QUESTION))
    )[0]
    wants = rng.random(len(eligible)) < RESPONSE_RATE
    rt_h = np.exp(np.log(RESPONSE_MEDIAN_H) + RESPONSE_SIGMA * rng.standard_normal(len(eligible)))
    t_reply = rows["t"][eligible] + np.maximum(rt_h * HOUR, 60).astype(np.int64)
    answered = wants & (t_reply < t1)
    parent = eligible[answered]
    k = len(parent)
    pplat = rows["plat"][parent]
    reply_group = np.where(rows["topic"][parent] == T_CRISIS, 2, np.where(rows["intent"][parent] == QUESTION, 1, 0))
    reply = _segment(
        k,
        t=t_reply[answered],
        plat=pplat,
        author=acc["owned"][BRAND, pplat],
        actor=BRAND,
        about=BRAND,
        role=R_BRAND,
        kind=REPLY,
        parent=parent,
        topic=rows["topic"][parent],
        lang=rows["lang"][parent],
        fmt=0,
        style=S_REPLY,
        paid=0,
        sub=reply_group,
    )

    # keep exactly n_posts: drop as many everyday mentions as there are replies (never one that has children)
    droppable = np.arange(everyday_lo, n)
    droppable = droppable[~np.isin(droppable, eligible)]
    if len(droppable) < k:
        raise ValueError(f"n_posts={n_posts} is too small for the scenario")
    keep = np.ones(n, bool)
    keep[rng.choice(droppable, k, replace=False)] = False
    new_index = np.cumsum(keep) - 1
    rows = {key: v[keep] for key, v in rows.items()}
    reply["parent"] = new_index[reply["parent"]]
    has_parent = rows["parent"] >= 0
    rows["parent"][has_parent] = new_index[rows["parent"][has_parent]]
    seeds = new_index[seeds]
    special_lo = new_index[special_lo]
    rows = {key: np.concatenate([rows[key], reply[key]]) for key in rows}
    n = len(rows["t"])
    assert n == n_posts

    # reposts carry their parent's language, topic, labels and format
    rp = np.where(rows["kind"] == REPOST)[0]
    for key in ("lang", "topic", "intent", "sent", "fmt"):
        rows[key][rp] = rows[key][rows["parent"][rp]]
    text = _texts(rng, rows, acc)
    return _assemble(rng, rows, text, acc, win, onset, seeds, special_lo, n_posts, seed)


# --- texts ---------------------------------------------------------------------------------------


def _groups(bank: dict, key: str) -> list:
    return [bank[t][key] if t in bank else [("", "", "")] for t in range(len(TOPICS))]


_OPEN = _Slot([OPEN[i] for i in range(5)], trail=" ")
_CLOSE = _Slot([CLOSE[i] for i in range(5)], lead=" ")
_SUBJ = _Slot(_groups(PUBLIC, "subj"))
_NEGP = _Slot(_groups(PUBLIC, "neg"), lead=" ")
_POSP = _Slot(_groups(PUBLIC, "pos"), lead=" ")
_Q = _Slot(_groups(PUBLIC, "q"))
_REQ = _Slot(_groups(PUBLIC, "req"))
_NEWS = _Slot(_groups(PUBLIC, "news"))
_DETAIL = _Slot(_groups(PUBLIC, "detail"), lead=" ")
_TAGS = _Slot(_groups(PUBLIC, "tags"), lead=" ")
_EMOJI = _Slot([[(e, e, e) for e in EMOJI[s]] for s in range(3)], lead=" ")
_OWNED_EMOJI = _Slot([[(e, e, e) for e in OWNED_EMOJI]], lead=" ")
_SAY = _Slot(_groups(OWNED, "say"))
_CTA = _Slot([CTA], lead=" ")
_SIG = _Slot([SIGNATURE[a] for a in TRACKED], lead=" ")
_SIGTAG = _Slot([[(t, t, t) for t in tags] for tags in SIGNATURE_TAGS], lead=" ")
_ACTOR_TAG = _Slot([[("#{b}", "#{b}", "#{b}")]], lead=" ")
_VIDEO = _Slot([VIDEO], lead=" ")
_MPRE = _Slot([MEDIA_PREFIX], trail=" ")
_MSUF = _Slot([MEDIA_SUFFIX], lead=" ")
_MTAG = _Slot([[("{tag}", "{tag}", "{tag}")]], lead=" ", key="{tag}")
_CAMPAIGN = _Slot([CAMPAIGN_TEXT[c, v] for c in range(2) for v in range(2)])
_CAMPAIGN_TAG = _Slot([[(t, t, t)] for t in CAMPAIGN_TAG], lead=" ")
_STATEMENT = _Slot(STATEMENTS)
_EMPLOYEE = _Slot([EMPLOYEE_TEXT])
_REPLY = _Slot([REPLY_TEXT[g] for g in range(3)], key="{u}")
_AGENT = _Slot([[(a, a, a) for a in AGENTS]], lead=" ")
_END = _Slot([[(".", ".", ".")], [(".", ".", "."), ("!", " !", "!")], [("!", " !", "!"), (".", ".", ".")]])
_SLUG = pa.array([t.replace("_", "-") for t in TOPICS], pa.string())
_DOMAIN = pa.array([a["domain"] for a in ACTORS], pa.string())
_MEDIA_TAGS = pa.array([a.get("tag", "") for a in ACTORS], pa.string())
_FIX_PUNCTUATION = r"([!?])(?: ?[.!])+"


def _zeros(n: int) -> np.ndarray:
    return np.zeros(n, np.int64)


def _take(array: pa.Array, idx) -> pa.Array:
    return array.take(pa.array(np.asarray(idx, np.int64)))


def _article_link(rng, domain_actor: np.ndarray, topic: np.ndarray) -> pa.Array:
    n = len(topic)
    return _join(
        " https://",
        _take(_DOMAIN, domain_actor),
        "/",
        _take(_SLUG, topic),
        "/",
        _strings(rng.integers(10_000, 99_999, n)),
    )


def _mention_texts(rng, r: dict, idx: np.ndarray, num: pa.Array) -> pa.Array:
    """Public posts: opening + body (by intent, from the topic's fragments) + closing + tags + emoji."""
    n = len(idx)
    lang, topic, intent, sent, about = (r[k][idx] for k in ("lang", "topic", "intent", "sent", "about"))
    bodies, where = [], []
    for it in range(5):
        m = np.where(intent == it)[0]
        if not len(m):
            continue
        lg, tp, ab, k = lang[m], topic[m], about[m], len(m)
        v = _take(num, m)
        if it in (COMPLAINT, PRAISE):
            pred = (_NEGP if it == COMPLAINT else _POSP).pick(rng, tp, lg, ab, v)
            end = _END.pick(rng, np.full(k, 1 if it == COMPLAINT else 2), lg)
            part = _join(_SUBJ.pick(rng, tp, lg, ab), pred, _opt(rng, _DETAIL.pick(rng, tp, lg), 0.7), end)
        elif it == QUESTION:
            part = _Q.pick(rng, tp, lg, ab, v)
        elif it == REQUEST:
            part = _join(_REQ.pick(rng, tp, lg, ab, v), _END.pick(rng, np.full(k, 2), lg))
        else:
            link = _article_link(rng, rng.choice(MEDIA, k), tp)
            part = _join(
                _NEWS.pick(rng, tp, lg, ab, v),
                _opt(rng, _DETAIL.pick(rng, tp, lg), 0.3),
                _END.pick(rng, _zeros(k), lg),
                _opt(rng, link, 0.5),
            )
        bodies.append(part)
        where.append(m)
    body = pa.concat_arrays(bodies).take(pa.array(np.argsort(np.concatenate(where), kind="stable")))
    close_group = np.where((intent == QUESTION) & (sent == NEG), COMPLAINT, intent)
    return _join(
        _OPEN.pick(rng, intent, lang, about),
        body,
        _CLOSE.pick(rng, close_group, lang),
        _opt(rng, _TAGS.pick(rng, topic, lang), 0.5),
        _opt(rng, _ACTOR_TAG.pick(rng, _zeros(n), lang, about), 0.25),
        _opt(rng, _EMOJI.pick(rng, sent, lang), 0.45),
    )


def _owned_texts(rng, r: dict, idx: np.ndarray, num: pa.Array) -> pa.Array:
    """Brand and competitor posts: message + call to action + signature + hashtags + emoji + video or link."""
    n = len(idx)
    lang, topic, actor, fmt = r["lang"][idx], r["topic"][idx], r["actor"][idx], r["fmt"][idx]
    link = _when(fmt == 1, _join(" https://www.", _take(_DOMAIN, actor), "/", _take(_SLUG, topic)))
    video = _when(fmt == 3, _VIDEO.pick(rng, _zeros(n), lang))
    return _join(
        _SAY.pick(rng, topic, lang, actor, num),
        _END.pick(rng, np.full(n, 2), lang),
        _CTA.pick(rng, _zeros(n), lang),
        _opt(rng, _SIG.pick(rng, actor, lang), 0.55),
        _opt(rng, _SIGTAG.pick(rng, actor, lang), 0.85),
        _opt(rng, _TAGS.pick(rng, topic, lang), 0.4),
        _opt(rng, _OWNED_EMOJI.pick(rng, _zeros(n), lang), 0.35),
        video,
        link,
    )


def _media_texts(rng, r: dict, idx: np.ndarray, num: pa.Array) -> pa.Array:
    """Media posts: optional kicker + headline + detail + 'read more' + article link + outlet hashtag."""
    n = len(idx)
    lang, topic, actor, about, fmt = (r[k][idx] for k in ("lang", "topic", "actor", "about", "fmt"))
    return _join(
        _MPRE.pick(rng, _zeros(n), lang),
        _NEWS.pick(rng, topic, lang, about, num),
        _opt(rng, _DETAIL.pick(rng, topic, lang), 0.3),
        _END.pick(rng, _zeros(n), lang),
        _MSUF.pick(rng, _zeros(n), lang),
        _when(fmt == 1, _article_link(rng, actor, topic)),
        _MTAG.pick(rng, _zeros(n), lang, value=_take(_MEDIA_TAGS, actor)),
    )


def _texts(rng, r: dict, acc: dict) -> pa.Array:
    """The text of every row: composed per style, then reposts copied from their parent."""
    n = len(r["t"])
    style, lang, topic = r["style"], r["lang"], r["topic"]
    lo = np.array([PUBLIC[t]["n"][0] for t in range(len(TOPICS))])
    hi = np.array([PUBLIC[t]["n"][1] for t in range(len(TOPICS))])
    olo = np.array([OWNED.get(t, PUBLIC[t])["n"][0] for t in range(len(TOPICS))])
    ohi = np.array([OWNED.get(t, PUBLIC[t])["n"][1] for t in range(len(TOPICS))])
    owned = style == S_OWNED
    a = np.where(owned, olo[topic], lo[topic])
    b = np.where(owned, ohi[topic], hi[topic])
    num = _strings((a + rng.random(n) * (b - a + 1)).astype(np.int64))

    pieces, where = [], []

    def put(mask, make):
        idx = np.where(mask)[0]
        if len(idx):
            pieces.append(make(idx))
            where.append(idx)

    for st, maker in ((S_MENTION, _mention_texts), (S_OWNED, _owned_texts), (S_MEDIA, _media_texts)):
        put(
            style == st,
            lambda idx, maker=maker: pc.replace_substring_regex(
                maker(rng, r, idx, _take(num, idx)), pattern=_FIX_PUNCTUATION, replacement=r"\1"
            ),
        )
    put(
        style == S_CAMPAIGN,
        lambda idx: _join(
            _CAMPAIGN.pick(rng, r["campaign"][idx] * 2 + r["variant"][idx], lang[idx]),
            _CAMPAIGN_TAG.pick(rng, r["campaign"][idx], lang[idx]),
        ),
    )
    put(style == S_STATEMENT, lambda idx: _join(_STATEMENT.pick(rng, r["sub"][idx], lang[idx]), " #Voltaria"))
    put(
        style == S_EMPLOYEE,
        lambda idx: _join(
            _EMPLOYEE.pick(rng, _zeros(len(idx)), lang[idx]),
            " #VoltariaTeam",
            _opt(rng, _EMOJI.pick(rng, np.full(len(idx), POS), lang[idx]), 0.5),
        ),
    )
    put(
        style == S_REPLY,
        lambda idx: _join(
            _REPLY.pick(rng, r["sub"][idx], lang[idx], value=_take(acc["handle_pa"], r["author"][r["parent"][idx]])),
            _AGENT.pick(rng, _zeros(len(idx)), lang[idx]),
        ),
    )
    put(style == S_SPECIAL, lambda idx: _take(pa.array([SCRIPT_TEXT, MARKUP_TEXT], pa.string()), r["sub"][idx]))
    put(style == S_REPOST, lambda idx: pa.array([""] * len(idx), pa.string()))
    text = pa.concat_arrays(pieces).take(pa.array(np.argsort(np.concatenate(where), kind="stable")))
    assert len(text) == n

    rp = np.where(r["kind"] == REPOST)[0]
    if len(rp):
        par = r["parent"][rp]
        prefix = _when(r["plat"][rp] == TW, _join("RT @", _take(acc["handle_pa"], r["author"][par]), ": "))
        reposts = _join(prefix, _take(text, par))
        rest = np.setdiff1d(np.arange(n), rp)
        text = pa.concat_arrays([_take(text, rest), reposts]).take(
            pa.array(np.argsort(np.concatenate([rest, rp]), kind="stable"))
        )
    return text


# --- engagement, table, truth ----------------------------------------------------------------------


def _engagement(rng, r: dict, acc: dict, seeds: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counts (likes, shares, comments, quotes), views and reach (-1 where the platform does not say)."""
    n = len(r["t"])
    style, plat, fmt, kind, role = r["style"], r["plat"], r["fmt"], r["kind"], r["role"]
    followers = acc["followers"][r["author"]].astype(float)
    hour = (r["t"] % DAY) // HOUR
    paid = r["paid"] == 1
    hour_effect = np.where(np.isin(hour, EFFECT_HOURS), HOUR_EFFECT, 1.0)
    owned = np.isin(style, (S_OWNED, S_STATEMENT, S_MEDIA))
    lam = np.zeros(n)
    lam[owned] = (
        followers
        * PLATFORM_RATE[plat]
        * FORMAT_EFFECT[fmt]
        * hour_effect
        * np.where(paid, PAID_INTERACTIONS, 1.0)
        * _noise(rng, n, NOISE_SIGMA)
    )[owned]
    public = np.isin(style, (S_MENTION, S_EMPLOYEE, S_SPECIAL))
    lam_public = (
        (0.3 + 0.03 * followers**0.75)
        * _noise(rng, n, 0.9)
        * np.where((r["topic"] == T_CRISIS) & (kind == ORIGINAL), 3, 1)
    )
    lam[public] = lam_public[public]
    lam[style == S_REPLY] = 0.8
    counts = rng.poisson(lam[:, None] * SPLIT[plat])

    views = np.full(n, -1, np.int64)
    reach = np.full(n, -1, np.int64)
    brand_owned = (role == R_BRAND) & np.isin(style, (S_OWNED, S_STATEMENT, S_CAMPAIGN)) & np.isin(plat, (TW, FB, IG))
    other_owned = np.isin(style, (S_OWNED, S_MEDIA)) & (role != R_BRAND) & (plat == TW)
    owned_views = followers * VIEW_FRACTION[plat] * np.where(paid, PAID_VIEWS, 1.0) * _noise(rng, n, 0.35)
    views[brand_owned | other_owned] = np.round(owned_views[brand_owned | other_owned])
    reach[brand_owned] = np.round(views[brand_owned] * rng.uniform(0.55, 0.8, n)[brand_owned])

    for c, name in enumerate(CAMPAIGNS):
        for v in range(2):
            m = (r["campaign"] == c) & (r["variant"] == v)
            for p in np.unique(plat[m]):
                mp = m & (plat == p)
                engaged = rng.binomial(views[mp], AB_RATES[name][v])
                counts[mp] = rng.multinomial(engaged, SPLIT[p])

    pub_tw = public & (plat == TW)
    views[pub_tw] = np.round(followers * 0.4 * _noise(rng, n, 0.6) + 5 + 8 * counts.sum(axis=1))[pub_tw]
    counts[kind == REPOST] = 0
    # a post has at least as many shares, comments and quotes as the table holds reposts, replies and quotes of it
    for k, col in ((REPOST, 1), (REPLY, 2), (QUOTE, 3)):
        m = kind == k
        children = np.bincount(r["parent"][m], minlength=n)
        if k == REPOST:
            children[seeds] *= 3  # the cascade seeds were shared far more than a sample captures
        counts[:, col] = np.maximum(counts[:, col], children)
    return counts, views, reach


def _urls(r: dict, acc: dict, ids: pa.Array) -> pa.Array:
    pre = pa.array(
        [
            "https://twitter.com/",
            "https://mastodon.social/@",
            "https://bsky.app/profile/",
            "https://www.facebook.com/",
            "https://www.instagram.com/p/",
        ],
        pa.string(),
    )
    mid = pa.array(["/status/", "/", ".bsky.social/post/", "/posts/", ""], pa.string())
    end = pa.array(["", "", "", "", "/"], pa.string())
    plat = r["plat"]
    handle = _when(plat != IG, _take(acc["handle_pa"], r["author"]))
    return _join(_take(pre, plat), handle, _take(mid, plat), ids, _take(end, plat))


def _labels(names, codes) -> pa.Array:
    """Names for integer codes, null where the code is negative."""
    codes = np.asarray(codes)
    out = _take(pa.array(list(names), pa.string()), np.maximum(codes, 0))
    return _when(codes >= 0, out, None)


def _assemble(
    rng, r: dict, text: pa.Array, acc: dict, win: _Window, onset: int, seeds, special_lo: int, n_posts: int, seed: int
) -> tuple[pd.DataFrame, dict]:
    """Sort by time, give ids, draw engagement, build the canonical table and compute the truth."""
    n = len(r["t"])
    order = np.lexsort((np.arange(n), r["t"]))
    inv = np.empty(n, np.int64)
    inv[order] = np.arange(n)
    r = {k: v[order] for k, v in r.items()}
    has_parent = r["parent"] >= 0
    r["parent"][has_parent] = inv[r["parent"][has_parent]]
    text = _take(text, order)
    seeds = inv[seeds]
    special = inv[[special_lo, special_lo + 1]]

    ms = r["t"] * 1000 + rng.integers(0, 1000, n)
    ids = _strings(((ms - TWITTER_EPOCH_MS) << 22) + (np.arange(n) & 0x3FFFFF))
    counts, views, reach = _engagement(rng, r, acc, seeds)
    public = r["role"] == R_PUBLIC
    author = r["author"]
    shows_app = public & (rng.random(n) < 0.6)
    paid = pd.array(r["paid"] == 1, dtype="boolean")
    paid[r["paid"] < 0] = pd.NA

    def count_col(values):
        out = pd.array(values, dtype="Int64")
        out[values < 0] = pd.NA
        return out

    def string(values: pa.Array):
        return pd.arrays.ArrowStringArray(values)

    frame = pd.DataFrame(
        {
            "post_id": string(ids),
            "platform": string(_labels(PLATFORMS, r["plat"])),
            "author_id": string(_take(acc["id_pa"], author)),
            "author_handle": string(_take(acc["handle_pa"], author)),
            "author_name": string(_take(acc["name_pa"], author)),
            "author_followers": pd.array(acc["followers"][author], dtype="Int64"),
            "created_at": pd.to_datetime(r["t"], unit="s", utc=True).astype("datetime64[ns, UTC]"),
            "text": string(text),
            "lang": string(_labels(LANGS, r["lang"])),
            "kind": string(_labels(KINDS, r["kind"])),
            "parent_id": string(_when(has_parent, _take(ids, np.maximum(r["parent"], 0)), None)),
            "url": string(_urls(r, acc, ids)),
            "media_format": string(_labels(FORMATS, r["fmt"])),
            "likes": pd.array(counts[:, 0], dtype="Int64"),
            "shares": pd.array(counts[:, 1], dtype="Int64"),
            "comments": pd.array(counts[:, 2], dtype="Int64"),
            "quotes": pd.array(counts[:, 3], dtype="Int64"),
            "views": count_col(views),
            "reach": count_col(reach),
            "paid": paid,
            "actor": string(_labels([a["name"] for a in ACTORS], r["actor"])),
            "actor_role": string(_labels(ROLES, r["role"])),
            "country": string(_when(public, _take(acc["country_pa"], author), None)),
            "source_app": string(_when(shows_app, _take(acc["device_pa"], author), None)),
            "source_file": string(_labels(["sample"], np.zeros(n, np.int64))),
            "source_row": pd.array(np.arange(1, n + 1), dtype="Int64"),
            "x_true_topic": string(_labels(TOPICS, r["topic"])),
            "x_true_intent": string(_labels(INTENTS, r["intent"])),
            "x_true_sentiment": string(_labels(SENTIMENTS, r["sent"])),
            "x_campaign": string(_labels(CAMPAIGNS, r["campaign"])),
            "x_variant": string(_labels(VARIANTS, r["variant"])),
        }
    )
    frame = schema.validate(schema.coerce(frame))
    truth = _truth(r, counts, np.maximum(views, 0), ids, text, acc, win, onset, seeds, special, n_posts, seed)
    return frame, truth


def _share(mask: np.ndarray) -> float:
    return round(float(np.mean(mask)), 4) if len(mask) else 0.0


def _truth(
    r: dict,
    counts,
    views,
    ids: pa.Array,
    text: pa.Array,
    acc: dict,
    win: _Window,
    onset: int,
    seeds,
    special,
    n_posts: int,
    seed: int,
) -> dict:
    """What was planted (parameters) and what the table shows (observed), computed on the generator's arrays."""
    from . import __version__

    n = len(r["t"])
    t, role, actor, kind = r["t"], r["role"], r["actor"], r["kind"]
    topic, intent, sent = r["topic"], r["intent"], r["sent"]
    names = [a["name"] for a in ACTORS]
    brand = names[BRAND]
    tracked = [names[a] for a in TRACKED]
    public = role == R_PUBLIC

    # share of voice and net sentiment
    about_tracked = public & np.isin(actor, TRACKED)
    sov = np.bincount(actor[about_tracked], minlength=len(ACTORS))[: len(TRACKED)]
    sov = sov / sov.sum()
    mentions = about_tracked & (kind != REPOST)
    net = {}
    for a in TRACKED:
        pos = int((mentions & (actor == a) & (sent == POS)).sum())
        neg = int((mentions & (actor == a) & (sent == NEG)).sum())
        net[names[a]] = round((pos - neg) / (pos + neg), 4) if pos + neg else 0.0

    # customer care
    eligible = public & (actor == BRAND) & (kind != REPOST) & np.isin(intent, (COMPLAINT, QUESTION))
    reply_rows = np.where((role == R_BRAND) & (kind == REPLY))[0]
    replied_to = r["parent"][reply_rows]
    rt_h = (t[reply_rows] - t[replied_to]) / HOUR
    answered = np.zeros(n, bool)
    answered[replied_to] = True

    # A/B tests
    ab = {}
    interactions = counts.sum(axis=1)
    for c, name in enumerate(CAMPAIGNS):
        variants = {}
        for v, label in enumerate(VARIANTS):
            m = (r["campaign"] == c) & (r["variant"] == v)
            engaged, seen = int(interactions[m].sum()), int(views[m].sum())
            variants[label] = dict(
                rate=AB_RATES[name][v],
                posts=int(m.sum()),
                views=seen,
                engagements=engaged,
                observed_rate=round(engaged / seen, 5) if seen else None,
            )
        rate_a, rate_b = AB_RATES[name]
        d0, d1 = AB_DAYS[name]
        ab[name] = dict(
            actor=brand,
            platforms=["facebook", "instagram"],
            media_format="image",
            start=_day(win.t0 + d0 * DAY),
            end=_day(win.t0 + (d1 - 1) * DAY),
            metric="(likes + shares + comments + quotes) / views",
            variants=variants,
            relative_lift=round(rate_b / rate_a - 1, 4),
            winner="B" if rate_b > rate_a else ("A" if rate_a > rate_b else None),
        )

    # weak signal
    brand_mentions = public & (actor == BRAND) & (kind != REPOST)
    week = (t - win.t0) // (7 * DAY)
    night = topic == T_NIGHT
    first4 = brand_mentions & (week < 4)
    last2 = brand_mentions & (week >= WEEKS - 2)

    # crisis
    crisis_public = (topic == T_CRISIS) & public
    hours = (t[crisis_public] - onset) // HOUR
    hourly = np.bincount(hours[(hours >= 0) & (hours < 96)], minlength=96)
    peak = int(np.argmax(hourly))
    first, second = int(hourly[peak : peak + 12].sum()), int(hourly[peak + 12 : peak + 24].sum())
    half_obs = round(12 * math.log(2) / math.log(first / second), 2) if second and first > second else None
    in_window = (t >= onset) & (t < onset + 72 * HOUR) & (actor == BRAND)
    before = (t >= onset - 24 * HOUR) & (t < onset) & (actor == BRAND)
    first_media = int(t[(role == R_MEDIA) & (topic == T_CRISIS)].min())
    first_statement = int(t[(role == R_BRAND) & (kind == ORIGINAL) & (topic == T_CRISIS)].min())
    seed_ids = [ids[int(i)].as_py() for i in seeds]
    cascade = np.bincount(r["parent"][kind == REPOST], minlength=n)
    week_before = (t >= onset - 7 * DAY) & (t < onset)
    baseline_hourly = (brand_mentions & (topic != T_CRISIS) & week_before).sum() / (7 * 24)
    lam = math.log(2) / CRISIS_HALF_LIFE_H
    k_crisis = int((crisis_public & (kind == ORIGINAL)).sum())
    k_cascade = int((crisis_public & np.isin(kind, (REPOST, QUOTE))).sum())
    p_rise = lam / (2 / CRISIS_RISE_H + lam)
    x = np.arange(0, 24 * 20, 0.25)
    expected = k_crisis * np.where(
        x < CRISIS_RISE_H, p_rise * 2 * x / CRISIS_RISE_H**2, (1 - p_rise) * lam * np.exp(-lam * (x - CRISIS_RISE_H))
    )
    for start_h, w in zip(list(CRISIS_SEED_H) + [CRISIS_MEDIA_H], CASCADE_WEIGHTS):
        expected += k_cascade * w * np.where(x >= start_h, lam * np.exp(-lam * np.maximum(x - start_h, 0)), 0)
    back = x[(x > CRISIS_RISE_H) & (expected < 0.25 * baseline_hourly)]

    # pillars
    own = (role == R_BRAND) & (kind == ORIGINAL) & (r["campaign"] < 0) & (topic != T_CRISIS)
    own_topics = np.bincount(topic[own], minlength=len(TOPICS)) / max(int(own.sum()), 1)
    generated = {k: OWN_TOPICS[BRAND].get(TOPICS.index(p["topic"]), 0.0) for k, p in PILLARS.items()}
    observed = {k: round(float(own_topics[TOPICS.index(p["topic"])]), 4) for k, p in PILLARS.items()}
    observed["other"] = round(1 - sum(observed.values()), 4)
    generated["other"] = round(1 - sum(generated.values()), 4)

    # influencers among the public authors present
    authors = np.unique(r["author"][public])
    big = authors[acc["followers"][authors] >= 10_000]
    big = big[np.argsort(-acc["followers"][big], kind="stable")]

    actors = {}
    for a, spec in enumerate(ACTORS):
        actors[spec["name"]] = dict(
            role=ROLES[spec["role"]],
            handle=spec["handle"],
            platforms=[PLATFORMS[p] for p in spec["followers"]],
            followers={PLATFORMS[p]: f for p, f in spec["followers"].items()},
            own_lang_mix=dict(zip(LANGS, spec["own_lang"])),
            **(
                {
                    "product": spec["product"],
                    "mention_lang_mix": dict(zip(LANGS, spec["mention_lang"])),
                    "paid_share": spec["paid"],
                    "keywords": spec["keywords"],
                    "own_topic_mix": {TOPICS[k]: v for k, v in OWN_TOPICS[a].items()},
                }
                if a in TRACKED
                else {"keywords": [spec["tag"]] + MEDIA_KEYWORDS}
            ),
        )

    def by(codes, labels):
        c = np.bincount(codes, minlength=len(labels))
        return {labels[i]: int(c[i]) for i in np.argsort(labels) if c[i]}

    owned_accounts = np.isin(role, (R_BRAND, R_COMP, R_MEDIA))
    truth = {
        "generator": dict(
            function="kit.datasets.generate",
            kit_version=__version__,
            n_posts=n_posts,
            seed=seed,
            start=_day(win.t0),
            end=_day(win.t1 - DAY),
            weeks=WEEKS,
            timezone="UTC",
            labels=["x_true_topic", "x_true_intent", "x_true_sentiment", "x_campaign", "x_variant"],
        ),
        "brand": brand,
        "competitors": tracked[1:],
        "media": [names[a] for a in MEDIA],
        "actors": actors,
        "accounts": int(len(np.unique(r["author"][owned_accounts]))),
        "employees": [e[0] for e in EMPLOYEES],
        "languages": {k: round(v / n, 4) for k, v in by(r["lang"], LANGS).items()},
        "topics": {
            name: sorted({tag for triple in PUBLIC[i]["tags"] for tag in triple if tag and "{" not in tag})
            for i, name in enumerate(TOPICS)
            if name != "misc"
        },
        "pillars": dict(
            stated={k: p["statement"] for k, p in PILLARS.items()},
            keywords={k: p["keywords"] for k, p in PILLARS.items()},
            topic={k: p["topic"] for k, p in PILLARS.items()},
            generated_share=generated,
            observed_share=observed,
            under_served=UNDER_SERVED,
            scope="brand's own original posts, outside campaigns and crisis statements",
        ),
        "engagement": dict(
            scope="own original posts of the brand, competitors and media outside the A/B campaigns",
            interactions="likes + shares + comments + quotes",
            model="expected interactions = followers x platform_rate x format_effect x hour_effect x paid_effect "
            "x lognormal noise (mean 1); counts are Poisson",
            platform_rate=dict(zip(PLATFORMS, PLATFORM_RATE.tolist())),
            format_effect=dict(zip(FORMATS, FORMAT_EFFECT.tolist())),
            hour_effect={"18-20": HOUR_EFFECT, "other": 1.0},
            hour_effect_hours_utc=list(EFFECT_HOURS),
            paid_effect_interactions=PAID_INTERACTIONS,
            paid_effect_views=PAID_VIEWS,
            noise_sigma=NOISE_SIGMA,
            views="brand posts on twitter, facebook, instagram (with reach); competitors' and media posts on twitter; "
            "public posts on twitter; missing elsewhere",
        ),
        "share_of_voice": dict(
            definition="posts by the public about each tracked actor (all kinds) / all such posts",
            everyday_target=dict(zip(tracked, SOV_TARGET)),
            everyday_target_note="shares of the everyday mentions only, before the crisis, the "
            "night-train complaints and the reposts of owned posts are added",
            observed={k: round(float(v), 4) for k, v in zip(tracked, sov)},
        ),
        "net_sentiment": dict(
            definition="(positive - negative) / (positive + negative) over the public's posts about "
            "each actor, reposts excluded, from x_true_sentiment",
            observed=net,
        ),
        "customer_care": dict(
            eligible="public posts about the brand (not reposts) with intent complaint or question",
            response_rate=RESPONSE_RATE,
            median_hours=RESPONSE_MEDIAN_H,
            sigma_log=RESPONSE_SIGMA,
            p90_hours=round(RESPONSE_MEDIAN_H * math.exp(1.2815516 * RESPONSE_SIGMA), 2),
            eligible_posts=int(eligible.sum()),
            replies=int(len(reply_rows)),
            observed_response_rate=round(float(answered[eligible].mean()), 4),
            observed_median_hours=round(float(np.median(rt_h)), 3),
            observed_p90_hours=round(float(np.quantile(rt_h, 0.9)), 3),
            note="replies that would fall after the end of the window are not in the table (open cases)",
        ),
        "ab_tests": ab,
        "weak_signal": dict(
            topic="night_train",
            actor=brand,
            start=_day(win.t0 + WEAK_START_DAY * DAY),
            peak=_day(win.t1 - DAY),
            growth="linear ramp of daily volume from start to the last day",
            keywords=WEAK_KEYWORDS,
            posts=int(night.sum()),
            share_of_brand_mentions_first_4_weeks=_share(night[first4]),
            share_of_brand_mentions_last_2_weeks=_share(night[last2]),
        ),
        "crisis": dict(
            topic="billing_crisis",
            actor=brand,
            keywords=CRISIS_KEYWORDS,
            onset=_iso(onset),
            rise_hours=CRISIS_RISE_H,
            peak_hour=_iso(onset + peak * HOUR),
            peak_hour_definition="hour (UTC, start of the hour) with most public posts on the crisis topic",
            peak_hour_posts=int(hourly.max()),
            model_peak=_iso(onset + CRISIS_RISE_H * HOUR),
            first_media=_iso(first_media),
            first_brand_statement=_iso(first_statement),
            half_life_hours=CRISIS_HALF_LIFE_H,
            observed_half_life_hours=half_obs,
            observed_half_life_definition="12 h x ln 2 / ln(public crisis posts in the 12 h from the peak hour / "
            "in the next 12 h)",
            baseline_return=_iso(onset + back[0] * HOUR) if len(back) else None,
            baseline_return_definition="first time after the peak when the expected hourly crisis volume falls below "
            "25% of the brand's baseline hourly mentions",
            brand_marketing_paused_hours=CRISIS_PAUSE_H,
            posts=int((topic == T_CRISIS).sum()),
            brand_posts_24h_before=int(before.sum()),
            brand_posts_72h_after=int(in_window.sum()),
            repost_share=round(float((kind[in_window] == REPOST).mean()), 4),
            repost_share_definition="reposts among all posts about the brand in the 72 hours after onset",
            seed_post_ids=seed_ids,
            cascade_sizes={i: int(cascade[s]) for i, s in zip(seed_ids, seeds)},
            negative_share_before=_share(sent[brand_mentions & week_before] == NEG),
            negative_share_during=_share(sent[brand_mentions & in_window] == NEG),
        ),
        "posting_gap": dict(
            actor=names[GAP["actor"]],
            start=_day(win.t0 + GAP["days"][0] * DAY),
            end=_day(win.t0 + (GAP["days"][1] - 1) * DAY),
        ),
        "markup_posts": dict(
            script=ids[int(special[0])].as_py(),
            html=ids[int(special[1])].as_py(),
            script_text=SCRIPT_TEXT,
            html_text=MARKUP_TEXT,
        ),
        "influencers": dict(
            threshold_followers=10_000, count=int(len(big)), top=[str(h) for h in acc["handle"][big[:10]]]
        ),
        "counts": dict(
            posts=n,
            authors=int(len(np.unique(r["author"]))),
            distinct_texts=int(pc.count_distinct(text).as_py()),
            by_role=by(role, ROLES),
            by_kind=by(kind, KINDS),
            by_platform=by(r["plat"], PLATFORMS),
        ),
    }
    return json.loads(json.dumps(truth, default=_json_default))


def _json_default(value):
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, (pd.Timestamp,)):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    raise TypeError(f"not JSON serialisable: {type(value)}")


# --- files ---------------------------------------------------------------------------------------


def write_sample(out_dir, n_posts: int = 20_000, seed: int = 0) -> dict[str, Path]:
    """Generate the scenario and write it: ``posts.parquet``, ``posts.csv``, ``truth.json``, ``accounts.csv``.

    ``posts.csv`` holds the same posts as the Parquet file (UTF-8, ISO 8601 UTC times such as
    ``2026-03-09T14:00:00Z``, empty cells for missing values).
    ``accounts.csv`` lists the tracked accounts and the employees: handle, platform, author_id, name,
    actor, actor_role, followers, employee.

    Examples
    --------
    >>> import tempfile
    >>> paths = write_sample(tempfile.mkdtemp(), n_posts=2_000, seed=1)
    >>> sorted(paths)
    ['accounts', 'posts', 'posts_csv', 'truth']
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    posts, truth = generate(n_posts, seed=seed)
    paths = {
        "posts": out / "posts.parquet",
        "posts_csv": out / "posts.csv",
        "truth": out / "truth.json",
        "accounts": out / "accounts.csv",
    }
    posts.to_parquet(paths["posts"], index=False, compression="zstd")
    posts.assign(created_at=posts["created_at"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")).to_csv(
        paths["posts_csv"], index=False, encoding="utf-8"
    )
    paths["truth"].write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    accounts().to_csv(paths["accounts"], index=False, encoding="utf-8")
    return paths


def accounts() -> pd.DataFrame:
    """The tracked accounts (brand, competitors, media, one row per network) and the brand's employees.

    Their ids and follower counts are the same whatever the seed, and the same as in the posts.

    Examples
    --------
    >>> table = accounts()
    >>> table.loc[table["employee"], "handle"].tolist()[:2]
    ['claire_martin', 'emmaclarke']
    """
    rows = []
    for i, (a, p) in enumerate((a, p) for a, spec in enumerate(ACTORS) for p in spec["followers"]):
        spec = ACTORS[a]
        rows.append(
            dict(
                handle=spec["handle"],
                platform=PLATFORMS[p],
                author_id=str(_owned_id(i)),
                name=spec["name"],
                actor=spec["name"],
                actor_role=ROLES[spec["role"]],
                followers=spec["followers"][p],
                employee=False,
            )
        )
    first = len(rows)
    for i, (h, name, p, _, f) in enumerate(EMPLOYEES):
        rows.append(
            dict(
                handle=h,
                platform=PLATFORMS[p],
                author_id=str(_owned_id(first + i)),
                name=name,
                actor=ACTORS[BRAND]["name"],
                actor_role="employee",
                followers=f,
                employee=True,
            )
        )
    out = pd.DataFrame(rows)
    order = out["actor_role"].map({r: i for i, r in enumerate(ROLES)})
    return (
        out.assign(_r=order)
        .sort_values(["_r", "actor", "handle", "platform"])
        .drop(columns="_r")
        .reset_index(drop=True)
    )


def _owned_id(i: int) -> int:
    """Fixed ids of the tracked and employee accounts (public authors get random ids above 10**9)."""
    return 1_000_000 + 7_919 * (i + 1) + (i * 104_729) % 7_919


def sample_path(name: str = "posts.parquet") -> Path:
    """Path of a file of the embedded sample (``data/sample/`` in the repository, made with the defaults).

    Examples
    --------
    >>> sample_path().name
    'posts.parquet'
    """
    path = SAMPLE_DIR / name
    if not path.exists():
        raise FileNotFoundError(
            f"{path} does not exist; regenerate it with `kit sample --out data/sample --posts 20000 --seed 0`"
        )
    return path


def load_sample() -> tuple[pd.DataFrame, dict]:
    """The embedded sample's post table (validated) and its truth dict.

    Examples
    --------
    >>> posts, truth = load_sample()  # doctest: +SKIP
    >>> truth["brand"]  # doctest: +SKIP
    'Voltaria'
    """
    posts = schema.validate(schema.coerce(pd.read_parquet(sample_path("posts.parquet"))))
    truth = json.loads(sample_path("truth.json").read_text(encoding="utf-8"))
    return posts, truth
