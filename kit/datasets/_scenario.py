"""The scenario's codes and parameters: actors, employees, pillars, topic and intent mixes, engagement
model, A/B tests, response times, crisis and weak signal (what :func:`kit.datasets.generate` plants)."""

from __future__ import annotations

import numpy as np

# fmt: off
__all__ = [
    "HOUR", "DAY", "WEEKS", "MIN_POSTS", "LANGS", "PLATFORMS", "TW", "MA", "BS", "FB", "IG", "FORMATS", "KINDS",
    "ORIGINAL", "REPOST", "QUOTE", "REPLY", "INTENTS", "COMPLAINT", "QUESTION", "PRAISE", "REQUEST", "OTHER",
    "SENTIMENTS", "NEG", "NEU", "POS", "ROLES", "R_BRAND", "R_COMP", "R_MEDIA", "R_PUBLIC", "R_EMP", "TOPICS",
    "T_DELAYS", "T_TICKETS", "T_APP", "T_SERVICE", "T_COMFORT", "T_SUSTAIN", "T_INNOV", "T_COMMUNITY",
    "T_STORIES", "T_NIGHT", "T_CRISIS", "T_INDUSTRY", "T_MISC", "CAMPAIGNS", "VARIANTS", "S_MENTION", "S_OWNED",
    "S_CAMPAIGN", "S_MEDIA", "S_STATEMENT", "S_EMPLOYEE", "S_REPLY", "S_REPOST", "S_SPECIAL", "SCRIPT_TEXT",
    "MARKUP_TEXT", "ACTORS", "BRAND", "TRACKED", "MEDIA", "SOV_TARGET", "SIGNATURE_TAGS", "MEDIA_KEYWORDS",
    "EMPLOYEES", "EMPLOYEE_WEIGHTS", "PILLARS", "UNDER_SERVED", "OWN_TOPICS", "MENTION_TOPICS", "MEDIA_TOPICS",
    "INTENT_MIX", "SENTIMENT_MIX", "PLATFORM_RATE", "FORMAT_EFFECT", "HOUR_EFFECT", "EFFECT_HOURS",
    "PAID_INTERACTIONS", "PAID_VIEWS", "NOISE_SIGMA", "VIEW_FRACTION", "SPLIT", "FORMAT_MIX", "AB_RATES",
    "AB_DAYS", "RESPONSE_RATE", "RESPONSE_MEDIAN_H", "RESPONSE_SIGMA", "CRISIS_DAY", "CRISIS_HOUR",
    "CRISIS_RISE_H", "CRISIS_HALF_LIFE_H", "CRISIS_MEDIA_H", "CRISIS_STATEMENT_H", "CRISIS_PAUSE_H",
    "CRISIS_SEED_H", "CRISIS_SEED_PLATFORMS", "CRISIS_SEED_LANGS", "CASCADE_WEIGHTS", "CRISIS_KEYWORDS",
    "WEAK_START_DAY", "WEAK_KEYWORDS", "GAP", "SHARES", "HOUR_PUBLIC", "HOUR_OWNED", "WEEKDAY_PUBLIC",
    "WEEKDAY_OWNED",
]
# fmt: on

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
