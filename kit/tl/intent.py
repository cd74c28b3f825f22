"""What a post wants: a question, a complaint, a feature request, product feedback, praise, or none of these.

Two layers, both multilingual (French, German, English):

**Cue rules** (always on, no model; :mod:`kit.tl.intent_cues`). Each post is read sentence by sentence:

- ``feature_request``: an explicit request for something new or changed: "please add", "it would be great
  if", "who else wants this", "idea for", "j'aimerais", "ce serait bien", "qui d'autre le veut", "bitte
  ... einführen", "wäre schön", "Vorschlag", or a sentence addressed to the organisation that opens
  with an imperative ("Hey X, add ...", "@x ajoutez ...", "Liebes Team, führt ... ein").
- ``question``: a sentence ending in "?" that asks something (interrogative words, inversion, "question
  for", "quelqu'un sait ?", "weiß das jemand?"), not a rhetorical one ("seriously?", "sérieusement ?",
  "im Ernst?", "who is in charge here?" alone) and not a prompt for opinions ("Thoughts?", "Des avis ?")
  or a care agent's request ("Could you DM us ...?").
- ``complaint``: complaint cues ("never again", "plus jamais", "nie wieder", "refund", "charged twice",
  "annulé", "Verspätung"...) or negative sentiment (:mod:`kit.tl.sentiment`; the ``sentiment`` column when
  the posts already carry one, otherwise the default head model).
- ``feedback``: an opinion about the product that is not plainly a complaint or praise (mixed sentiment,
  "I tried the new ...", "j'ai testé", "ich finde ...").
- ``praise``: thanks and praise cues ("bravo", "merci", "danke", "love it") or clearly positive sentiment.
- ``other``: news, announcements, the organisations' own posts (``actor_role`` brand, competitor, media,
  employee when that column exists) and everything else.

When several fire, the order above decides (a question with an angry tail is a question that needs an
answer; a request with a complaint in it is a request).

**Few-shot model** (``model="fewshot"`` or a :class:`kit.tl.classify.Classifier`): a classifier head on
multilingual embeddings trained on :data:`SEED_EXAMPLES` (written for the kit, in the three languages). It
decides the posts on which no cue fired and that carry no clear sentiment, so it adds recall on phrasings
the cues miss (imperatives without a greeting, questions without "?").

``confidence`` is a rough strength, not a calibrated probability: 0.9 for an explicit cue, 0.5 to 0.9 from
sentiment strength, the model's probability where the model decided. ``source`` says which layer decided.

>>> import pandas as pd
>>> from kit.tl import intent
>>> posts = pd.DataFrame({"text": ["@railix can I exchange my ticket for free?",
...                                "Hey Voltaria, please add power sockets at every seat!",
...                                "Zug schon wieder 40 Minuten zu spät. Nie wieder.",
...                                "Bravo Trenova, super service today!"], "lang": ["en", "en", "de", "en"]})
>>> intent.detect(posts, sentiment_model="lexicon")["intent"].tolist()
['question', 'feature_request', 'complaint', 'praise']
"""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np
import pandas as pd

from ._sentiment_base import unsupported
from .intent_cues import _BUT, cue

__all__ = ["INTENTS", "ORG_ROLES", "SEED_EXAMPLES", "detect", "annotate", "rules", "seed_model", "evaluate"]

INTENTS = ("question", "complaint", "feature_request", "feedback", "praise", "other")
#: Roles whose posts speak for an organisation, not a customer: their intent is ``other``.
ORG_ROLES = ("brand", "competitor", "media", "employee")


def rules(
    posts: pd.DataFrame,
    *,
    column: str = "text",
    sentiment: pd.Series | None = None,
    score: pd.Series | None = None,
    roles: pd.Series | None = None,
    negative: float = -0.35,
    positive: float = 0.5,
) -> pd.DataFrame:
    """Cue rules alone: ``intent``, ``confidence``, ``source`` (``cue``, ``sentiment``, ``role``, ``none``).

    ``sentiment`` (labels) and ``score`` (p(positive) - p(negative)) come from :mod:`kit.tl.sentiment`:
    a post without a cue is a complaint when its score is at most ``negative``, praise when at least
    ``positive``. A cue of praise on a negative post, or of complaint on a positive one, is kept (cues
    are more specific than the sentiment model, which misses sarcasm).

    Parameters
    ----------
    posts
        The post table.
    column
        The text column.
    sentiment, score
        Sentiment labels and scores of the posts (``None``: no sentiment rule).
    roles
        Actor roles; posts of :data:`ORG_ROLES` are ``other``.
    negative, positive
        The scores from which a post without a cue is a complaint (at most) or praise (at least).

    >>> rules(pd.DataFrame({"text": ["Merci beaucoup !", "Le train part à 8h."]}))["source"].tolist()
    ['cue', 'none']
    """
    texts = posts[column].astype("string").fillna("").tolist()
    n = len(texts)
    codes, distinct = pd.factorize(pd.Series(texts, dtype=object))  # a repeated text is read once
    found = _read_cues(list(distinct))
    intent = np.array(found[0] + [None], dtype=object)[codes] if n else np.array([], dtype=object)
    has_but = np.array(found[1] + [False], dtype=bool)[codes] if n else np.zeros(0, dtype=bool)
    source = np.where(pd.isna(pd.Series(intent, dtype=object)), "none", "cue").astype(object)
    confidence = np.where(source == "cue", 0.9, 0.5)
    s = np.zeros(n) if score is None else pd.to_numeric(pd.Series(score), errors="coerce").fillna(0).to_numpy()
    if sentiment is not None:
        lab = pd.Series(sentiment).astype("string").fillna("neutral").to_numpy()
        s = np.where((lab == "negative") & (s > negative), negative, s)
        s = np.where((lab == "positive") & (s < positive), positive, s)
    none = source == "none"
    # mixed sentiment with a "but": feedback on something, neither a plain complaint nor praise
    mixed = none & has_but & (np.abs(s) < 0.5) & (np.abs(s) > 0.05)
    intent[mixed], source[mixed], confidence[mixed] = "feedback", "sentiment", 0.55
    none &= ~mixed
    neg = none & (s <= negative)
    pos = none & (s >= positive)
    intent[neg], source[neg] = "complaint", "sentiment"
    intent[pos], source[pos] = "praise", "sentiment"
    confidence = np.where(neg | pos, np.clip(0.5 + 0.4 * np.abs(s), 0.5, 0.9), confidence)
    rest = pd.isna(pd.Series(intent, dtype=object)).to_numpy()
    intent[rest] = "other"
    if roles is not None:
        org = pd.Series(roles).astype("string").isin(ORG_ROLES).fillna(False).to_numpy(dtype=bool)
        intent[org], source[org], confidence[org] = "other", "role", 0.9
    return pd.DataFrame(
        {
            "intent": pd.array(intent, dtype="string"),
            "confidence": confidence,
            "source": pd.array(source, dtype="string"),
        },
        index=posts.index,
    )


#: Distinct texts from which the cues are read in two or more processes (pure Python regexes: one core
#: reads some 20,000 texts a second, so the care candidates of a million posts take 15 s on one core).
PARALLEL_FROM = 50_000
#: Texts per block sent to a process.
BLOCK = 20_000


def _cue_block(texts: list[str]) -> tuple[list, list]:
    return [cue(t) for t in texts], [bool(_BUT.search(t)) for t in texts]


def _read_cues(texts: list[str], jobs: int | None = None) -> tuple[list, list]:
    """The cue of each text and whether it holds a "but" (:func:`rules`), in ``jobs`` processes (default:
    the machine's cores) from :data:`PARALLEL_FROM` texts on: the same result as one process, faster."""
    jobs = jobs or os.cpu_count() or 1
    if jobs < 2 or len(texts) < PARALLEL_FROM:
        return _cue_block(texts)
    from joblib import Parallel, delayed

    parts = Parallel(n_jobs=jobs)(delayed(_cue_block)(texts[i : i + BLOCK]) for i in range(0, len(texts), BLOCK))
    return [c for p in parts for c in p[0]], [b for p in parts for b in p[1]]


# ------------------------------------------------------------------------------------- few-shot seeds

#: Seed examples for the few-shot model, written for the kit (no text from any data set), in French,
#: German and English, covering the six intents.
SEED_EXAMPLES: tuple[tuple[str, str], ...] = (
    # question
    ("Does the 8:15 to Lyon stop in Dijon today?", "question"),
    ("How do I change the name on my ticket?", "question"),
    ("Is there a discount for students on weekends?", "question"),
    ("When will my refund arrive? I applied three weeks ago.", "question"),
    ("Can I bring my bike on the regional trains?", "question"),
    ("Where can I find the lost and found office at the central station?", "question"),
    ("Le train de 18h pour Nantes est-il maintenu malgré la grève ?", "question"),
    ("Comment puis-je obtenir une facture pour mon abonnement ?", "question"),
    ("Quelqu'un sait si les vélos sont acceptés dans le TER ?", "question"),
    ("Bonjour, à quelle heure ouvre le guichet de la gare demain ?", "question"),
    ("Mon billet est-il valable sur le train suivant si je rate ma correspondance ?", "question"),
    ("Où en est mon remboursement ? Demande faite il y a un mois.", "question"),
    ("Gilt mein Ticket auch im Bus zum Flughafen?", "question"),
    ("Wie kann ich meine Sitzplatzreservierung stornieren?", "question"),
    ("Wann kommt endlich meine Erstattung? Weiß jemand Bescheid?", "question"),
    ("Fährt der Nachtzug nach Wien heute trotz Sturm?", "question"),
    ("Kann ich mein Fahrrad im Regionalzug mitnehmen?", "question"),
    ("Hallo, wo finde ich das Fundbüro am Hauptbahnhof?", "question"),
    # complaint
    ("My train was cancelled again and nobody told us anything. Unacceptable.", "complaint"),
    ("Forty minutes late for the third time this week. I am done with this company.", "complaint"),
    ("You charged my card twice and customer service hangs up on me.", "complaint"),
    ("The toilets were broken and the carriage was freezing the whole trip.", "complaint"),
    ("Ticket prices went up again while the service keeps getting worse.", "complaint"),
    ("The app crashed at checkout and now I have paid for nothing.", "complaint"),
    ("Encore une heure de retard sans aucune explication. J'en ai marre.", "complaint"),
    ("Train supprimé au dernier moment, personne pour nous renseigner. Honteux.", "complaint"),
    ("Vous m'avez prélevé deux fois et le service client ne répond jamais.", "complaint"),
    ("Clim en panne, wagon bondé, trois heures debout. Plus jamais.", "complaint"),
    ("Les prix des billets explosent et le service est de pire en pire.", "complaint"),
    ("L'appli plante à chaque paiement, c'est inadmissible.", "complaint"),
    ("Schon wieder 50 Minuten Verspätung und keine einzige Durchsage. Unverschämt.", "complaint"),
    ("Zug ausgefallen, Anschluss verpasst, niemand hilft. Nie wieder.", "complaint"),
    ("Mir wurde der Betrag doppelt abgebucht und keiner meldet sich.", "complaint"),
    ("Klimaanlage kaputt, Wagen überfüllt, einfach eine Zumutung.", "complaint"),
    ("Die Preise steigen ständig, aber der Service wird immer schlechter.", "complaint"),
    ("Die App stürzt beim Bezahlen ab, total ärgerlich.", "complaint"),
    # feature_request
    ("Please add a quiet carriage on the morning trains.", "feature_request"),
    ("It would be great if the app showed which carriage has free seats.", "feature_request"),
    ("Bring back the cheap advance fares! Who else wants this?", "feature_request"),
    ("Idea: let us store tickets in the phone wallet.", "feature_request"),
    ("Hey, put more bike spaces on the weekend trains.", "feature_request"),
    ("You should offer a monthly pass for people who only travel twice a week.", "feature_request"),
    ("J'aimerais pouvoir choisir ma place directement dans l'appli.", "feature_request"),
    ("Ce serait bien d'avoir des prises électriques à chaque siège.", "feature_request"),
    ("Ajoutez un menu végétarien au bar, qui d'autre le veut ?", "feature_request"),
    ("Suggestion : proposez un abonnement pour les voyageurs occasionnels.", "feature_request"),
    ("Remettez les trains de nuit vers l'Italie, pensez-y !", "feature_request"),
    ("Il faudrait afficher le numéro de quai plus tôt dans l'appli.", "feature_request"),
    ("Bitte führt einen Ruhebereich in allen Fernzügen ein.", "feature_request"),
    ("Es wäre schön, wenn die App freie Plätze pro Wagen anzeigen würde.", "feature_request"),
    ("Vorschlag: bietet ein Wochenendticket für Familien an.", "feature_request"),
    ("Bringt die günstigen Sparpreise zurück! Wer will das noch?", "feature_request"),
    ("Ich wünsche mir mehr Fahrradstellplätze im Regionalverkehr.", "feature_request"),
    ("Baut endlich Steckdosen an jedem Platz ein, das wäre super.", "feature_request"),
    # feedback
    ("Tried the new app today: booking is faster, but the seat map is confusing.", "feedback"),
    ("The new seats look nice, though the legroom is smaller than before.", "feedback"),
    ("First impressions of the new timetable: fewer changes, slightly longer trips.", "feedback"),
    ("The redesigned website is cleaner but it takes more clicks to find my tickets.", "feedback"),
    ("J'ai testé la nouvelle appli : plus rapide, mais le plan des places est peu lisible.", "feedback"),
    ("Les nouveaux sièges sont jolis, par contre on a moins de place pour les jambes.", "feedback"),
    ("Premières impressions sur le nouveau site : clair, mais il manque l'historique des trajets.", "feedback"),
    ("Le nouveau menu du bar est correct, un peu cher pour la quantité.", "feedback"),
    ("Habe die neue App ausprobiert: Buchung geht schneller, aber die Sitzplatzkarte ist unübersichtlich.", "feedback"),
    ("Die neuen Sitze sehen gut aus, allerdings ist die Beinfreiheit kleiner.", "feedback"),
    ("Erster Eindruck vom neuen Fahrplan: weniger Umstiege, dafür etwas längere Fahrzeiten.", "feedback"),
    ("Das neue Bistro-Menü ist in Ordnung, aber etwas teuer.", "feedback"),
    # praise
    ("Thank you to the conductor who helped my grandmother with her bags!", "praise"),
    ("Great trip today, on time, clean and the staff were lovely.", "praise"),
    ("Customer service sorted my refund in ten minutes. Impressed!", "praise"),
    ("Love the new quiet carriage, best commute in years.", "praise"),
    ("Merci à l'équipe du train de nuit, accueil parfait et voyage reposant.", "praise"),
    ("Bravo pour la ponctualité cette semaine, rien à redire !", "praise"),
    ("Service client au top, problème réglé en un appel. Merci !", "praise"),
    ("J'adore les nouveaux sièges, enfin du confort sur les longs trajets.", "praise"),
    ("Danke an die Zugbegleiterin, die uns so freundlich geholfen hat!", "praise"),
    ("Super Fahrt heute, pünktlich und sauber. Weiter so!", "praise"),
    ("Der Kundenservice hat meine Erstattung sofort erledigt. Klasse!", "praise"),
    ("Ich liebe den neuen Ruhewagen, endlich entspannt pendeln.", "praise"),
    # other
    ("The company reports record passenger numbers for the quarter.", "other"),
    ("Works on the line this weekend: check your journey before you travel.", "other"),
    ("Join us at the city marathon this Sunday, see you there!", "other"),
    ("Interview with the CEO about the future of rail. Worth a read.", "other"),
    ("Our new climate report is out: emissions down again this year.", "other"),
    ("We are sorry to hear that. Could you send us your booking reference by DM?", "other"),
    ("La compagnie annonce de nouveaux tarifs à partir du mois prochain.", "other"),
    ("Travaux ce week-end sur la ligne, vérifiez votre trajet avant de partir.", "other"),
    ("Rendez-vous au festival de musique ce samedi sur notre stand !", "other"),
    ("Lu ce matin : entretien avec la directrice sur l'avenir du rail.", "other"),
    ("Nous sommes désolés, pouvez-vous nous envoyer votre numéro de réservation en message privé ?", "other"),
    ("Notre rapport climat est publié : les émissions baissent encore.", "other"),
    ("Das Unternehmen meldet Rekordzahlen bei den Fahrgästen im Quartal.", "other"),
    ("Bauarbeiten am Wochenende: bitte prüft eure Verbindung vor der Abfahrt.", "other"),
    ("Wir sind beim Stadtmarathon am Sonntag dabei, kommt vorbei!", "other"),
    ("Interview mit dem Chef über die Zukunft der Bahn. Lesenswert.", "other"),
    ("Das tut uns leid. Schickst du uns deine Buchungsnummer per DM?", "other"),
    ("Unser neuer Klimabericht ist da: Emissionen erneut gesunken.", "other"),
)


@lru_cache(maxsize=4)
def _seed_model_cached(embedder: str, C: float):
    from . import classify

    texts, labels = zip(*SEED_EXAMPLES)
    return classify.fit(list(texts), list(labels), embedder=embedder, C=C)


def seed_model(*, embedder: str = "use", C: float = 1.0):
    """The few-shot :class:`kit.tl.classify.Classifier` trained on :data:`SEED_EXAMPLES` (cached per embedder).

    Parameters
    ----------
    embedder
        Embedding backend (default USE; ``"hash"`` for a model-free toy).
    C
        Inverse strength of the classifier's L2 penalty.

    >>> sorted(seed_model(embedder="hash").classes)[:2]
    ['complaint', 'feature_request']
    """
    return _seed_model_cached(embedder, float(C))


# -------------------------------------------------------------------------------------------- detect


def detect(
    posts: pd.DataFrame,
    *,
    column: str = "text",
    lang_column: str = "lang",
    model=None,
    sentiment_column: str = "sentiment",
    sentiment_model: str = "auto",
    role_column: str | None = "actor_role",
    embeddings: np.ndarray | None = None,
    min_confidence: float = 0.5,
) -> pd.DataFrame:
    """Intent of each post (:data:`INTENTS`): ``intent``, ``confidence``, ``source``, indexed like ``posts``.

    Parameters
    ----------
    posts
        The post table (not modified).
    column, lang_column
        Text and language columns (the language routes the lexicon sentiment when it must be computed).
        Posts in a language the cues do not read (not French, German, English or undetected; see
        :func:`kit.tl._sentiment_base.unsupported`) get no intent (missing, ``source`` ``language``).
    model
        ``None``: cue rules and sentiment only (fast, no embeddings). ``"fewshot"``: also the few-shot
        classifier trained on :data:`SEED_EXAMPLES` with the USE embedder; or a fitted
        :class:`kit.tl.classify.Classifier` whose classes are intents (e.g. trained on a team's own
        labelled posts). The model decides only where no cue fired and the sentiment is not clear.
    sentiment_column
        When ``posts`` has this column (from :func:`kit.tl.sentiment.score`, with ``score`` beside it) it
        is used; otherwise sentiment is computed with ``sentiment_model`` (``"auto"`` by default: the
        head on USE embeddings, cached on disk, or the distilled ``fast`` model above
        :data:`kit.tl.sentiment.AUTO_LIMIT` distinct texts; ``"lexicon"`` needs no model but is slower on large tables and
        weaker).
    role_column
        Posts whose role is one of :data:`ORG_ROLES` (the organisations' own accounts, media) are
        ``other``. ``None`` or a missing column: no such rule.
    embeddings
        Precomputed embeddings of the posts (same embedder as the model) for ``model``.
    min_confidence
        The model's smallest probability to override the rules' ``other``.

    Examples
    --------
    >>> posts = pd.DataFrame({"text": ["Wann fährt der nächste Zug nach Köln?", "News: new timetable https://x.co",
    ...                                "Love the new quiet carriage!"], "actor_role": ["customer", "media", "customer"]})
    >>> detect(posts, sentiment_model="lexicon")[["intent", "source"]].values.tolist()
    [['question', 'cue'], ['other', 'role'], ['praise', 'cue']]
    """
    if column not in posts.columns:
        raise KeyError(f"no text column {column!r} in the posts (columns: {', '.join(map(str, posts.columns))})")
    if sentiment_column in posts.columns:
        labels = posts[sentiment_column]
        score = posts["score"] if "score" in posts.columns else None
    elif len(posts):
        from . import sentiment as _sentiment

        scored = _sentiment.score(
            posts[[c for c in (column, lang_column) if c in posts.columns]],
            model=sentiment_model,
            column=column,
            lang_column=lang_column,
        )
        labels, score = scored["sentiment"], scored["score"]
    else:
        labels = score = None
    roles = posts[role_column] if role_column and role_column in posts.columns else None
    out = rules(posts, column=column, sentiment=labels, score=score, roles=roles)
    if model is not None and len(posts):
        out = _model_intents(posts, out, model, column=column, embeddings=embeddings, min_confidence=min_confidence)
    if lang_column in posts.columns:  # the cues are French, German and English: other languages are not read
        unread = unsupported(posts[lang_column].astype("string").tolist())
        out.loc[unread, "intent"] = pd.NA
        out.loc[unread, "confidence"] = np.nan
        out.loc[unread, "source"] = "language"
    return out


def _model_intents(posts, out, model, *, column, embeddings, min_confidence) -> pd.DataFrame:
    """The model's intents where no cue fired and its confidence reaches ``min_confidence`` (see :func:`detect`)."""
    from . import classify

    clf = seed_model() if isinstance(model, str) and model == "fewshot" else model
    if isinstance(clf, str):
        raise ValueError(f"unknown intent model {model!r}; use None, 'fewshot' or a kit.tl.classify.Classifier")
    pred = classify.predict(posts, clf, column=column, embeddings=embeddings)
    open_ = (out["source"] == "none").to_numpy() & (pred["confidence"].to_numpy() >= min_confidence)
    out.loc[open_, "intent"] = pred.loc[open_, "label"].to_numpy()
    out.loc[open_, "confidence"] = pred.loc[open_, "confidence"].to_numpy()
    out.loc[open_, "source"] = "model"
    return out


def evaluate(posts: pd.DataFrame, predicted: pd.DataFrame, *, truth: str = "x_true_intent") -> pd.DataFrame:
    """Precision, recall, F1 and support per intent against a column of true intents, plus a ``macro`` row.

    Parameters
    ----------
    posts
        The posts with the true intents (rows where it is missing are left out).
    predicted
        :func:`detect`'s result for those posts.
    truth
        The column of true intents (the sample's ``x_true_intent``).

    >>> posts = pd.DataFrame({"x_true_intent": ["question", "praise"]})
    >>> evaluate(posts, pd.DataFrame({"intent": ["question", "other"]}))["f1"].tolist()
    [1.0, 0.0, 0.5]
    """
    from .classify import per_class_f1

    keep = posts[truth].notna().to_numpy()
    t = posts.loc[keep, truth].astype(str).to_numpy()
    p = predicted.loc[keep, "intent"].astype(str).to_numpy()
    table = per_class_f1(t, p, classes=[c for c in INTENTS if c in set(t)])
    macro = {
        "class": "macro",
        "precision": table["precision"].mean(),
        "recall": table["recall"].mean(),
        "f1": table["f1"].mean(),
        "support": int(table["support"].sum()),
    }
    return pd.concat([table, pd.DataFrame([macro])], ignore_index=True)


def annotate(posts: pd.DataFrame, **kwargs) -> pd.DataFrame:
    """A copy of ``posts`` with ``intent`` and ``intent_confidence`` added (replaced if present).

    Parameters
    ----------
    posts
        The post table (not modified).
    **kwargs
        Passed to :func:`detect`.

    >>> annotate(pd.DataFrame({"text": ["Any update on my refund?"], "sentiment": ["neutral"]}))["intent"].tolist()
    ['question']
    """
    found = detect(posts, **kwargs)
    out = posts.drop(columns=[c for c in ("intent", "intent_confidence") if c in posts.columns]).copy()
    out["intent"] = found["intent"]
    out["intent_confidence"] = found["confidence"]
    return out
