"""What people posted during a crisis: message types from a few-shot classifier on the built-in (or a
team's) labelled examples, and the topics of each phase.

>>> examples = seed_examples()
>>> sorted(examples["label"].unique()) == sorted(MESSAGE_TYPES)
True
>>> sorted(examples["lang"].unique())
['de', 'en', 'fr']
"""

from __future__ import annotations

import pandas as pd

__all__ = [
    "MESSAGE_TYPES",
    "EXPECTED_ACCURACY",
    "seed_examples",
    "expected_accuracy",
    "message_types",
    "topics_by_phase",
]

MESSAGE_TYPES = (
    "warnings and advice",
    "damage and affected people",
    "sympathy and support",
    "donations and help",
    "criticism",
    "questions",
    "jokes",
    "other",
)

_SEED = {
    "warnings and advice": [
        ("en", "Warning: check your bank statement today and contact your bank if you see a duplicate payment."),
        ("en", "Avoid the area around the station, roads are closed. Follow the official instructions."),
        ("en", "Tip: do not click on links in messages claiming to refund you, it is a scam."),
        ("en", "Evacuation order for the north side of town, leave now and take the main road south."),
        ("fr", "Attention : vérifiez vos relevés bancaires et faites opposition en cas de double paiement."),
        ("fr", "Conseil : évitez le secteur, les routes sont coupées. Suivez les consignes des autorités."),
        ("fr", "Ne répondez pas aux SMS qui promettent un remboursement, c'est une arnaque."),
        ("de", "Achtung: Prüft eure Kontoauszüge und lasst doppelte Abbuchungen sofort zurückbuchen."),
        ("de", "Bitte meidet den Bereich um den Bahnhof, die Straßen sind gesperrt. Folgt den Anweisungen."),
        ("de", "Warnung: Keine Links in Nachrichten anklicken, die eine Erstattung versprechen. Betrug!"),
    ],
    "damage and affected people": [
        ("en", "Hundreds of customers were charged twice and some are now overdrawn before rent day."),
        ("en", "Two people injured and several houses destroyed, the bridge has collapsed."),
        ("en", "Power is out in the whole neighbourhood and the water supply is cut."),
        ("en", "My account was debited three times, I have no money left for groceries this week."),
        ("fr", "Des milliers de clients ont été prélevés deux fois, certains sont à découvert."),
        ("fr", "Plusieurs maisons détruites et des blessés, l'électricité est coupée dans tout le quartier."),
        ("fr", "On m'a débité trois fois le même billet, mon compte est dans le rouge."),
        ("de", "Tausende Kunden wurden doppelt belastet, manche haben jetzt ihr Konto überzogen."),
        ("de", "Mehrere Häuser zerstört, Verletzte, im ganzen Viertel gibt es keinen Strom."),
        ("de", "Mir wurde dreimal dasselbe Ticket abgebucht, mein Konto ist im Minus."),
    ],
    "sympathy and support": [
        ("en", "Thoughts and prayers with everyone affected tonight. Stay safe."),
        ("en", "Sending love to all the families, we stand with you."),
        ("en", "Courage to the support staff working all night to fix this, not their fault."),
        ("fr", "Toutes nos pensées vont aux victimes et à leurs proches. Courage à tous."),
        ("fr", "Soutien total aux équipes qui travaillent toute la nuit, ce n'est pas leur faute."),
        ("fr", "Je pense fort à tous les habitants touchés, prenez soin de vous."),
        ("de", "Unsere Gedanken sind bei allen Betroffenen und ihren Familien. Passt auf euch auf."),
        ("de", "Viel Kraft an alle, die heute Nacht helfen. Wir stehen hinter euch."),
        ("de", "Mitgefühl für alle Opfer, das ist furchtbar."),
    ],
    "donations and help": [
        ("en", "Donate to the Red Cross appeal to help the victims, every euro counts."),
        ("en", "We are collecting blankets and water at the town hall, volunteers welcome."),
        ("en", "If you were charged twice and need help, the consumer association offers free advice."),
        ("en", "Offering a free room to anyone evacuated tonight, message me."),
        ("fr", "Faites un don pour aider les sinistrés, la collecte est ouverte à la mairie."),
        ("fr", "Besoin de bénévoles pour distribuer de l'eau et des couvertures ce soir."),
        ("fr", "Je peux héberger une famille évacuée, contactez-moi."),
        ("de", "Spendet für die Betroffenen, das Rote Kreuz sammelt Geld und Decken."),
        ("de", "Wir suchen Freiwillige für die Essensausgabe heute Abend, bitte melden."),
        ("de", "Biete kostenlose Unterkunft für evakuierte Familien, schreibt mir."),
    ],
    "criticism": [
        ("en", "This is unacceptable. Nobody answers and they keep my money. Shameful company."),
        ("en", "The authorities were warned for months and did nothing. Someone must be held responsible."),
        ("en", "Worst customer service ever, I am switching to a competitor."),
        ("fr", "Inadmissible ! Personne ne répond et ils gardent notre argent. Honteux."),
        ("fr", "Encore un fiasco, la direction doit rendre des comptes. Je résilie."),
        ("fr", "Les autorités savaient et n'ont rien fait, c'est scandaleux."),
        ("de", "Unverschämt! Keiner antwortet und die behalten einfach unser Geld."),
        ("de", "Totales Versagen der Verantwortlichen, das war absehbar. Ich kündige."),
        ("de", "Schlechtester Kundenservice überhaupt, eine Schande."),
    ],
    "questions": [
        ("en", "Has anyone else been charged twice? How do I get my money back?"),
        ("en", "Is the road to the airport open? Does anyone know if trains are running?"),
        ("en", "When will the refund arrive? Who should I contact?"),
        ("fr", "Quelqu'un d'autre a été prélevé deux fois ? Comment se faire rembourser ?"),
        ("fr", "Est-ce que la route est rouverte ? Vous savez si les trains circulent ?"),
        ("fr", "Quand est-ce que le remboursement arrive ? Qui faut-il contacter ?"),
        ("de", "Wurde noch jemand doppelt abgebucht? Wie bekomme ich mein Geld zurück?"),
        ("de", "Ist die Straße wieder frei? Weiß jemand, ob die Züge fahren?"),
        ("de", "Wann kommt die Erstattung? An wen muss ich mich wenden?"),
    ],
    "other": [
        ("en", "Lovely sunset from the train window on the way home tonight."),
        ("en", "The new app update looks nice, the timetable is easier to read."),
        ("en", "Monthly pass prices go up in April according to the annual report."),
        ("en", "Happy birthday to my sister, see you at the station tomorrow!"),
        ("fr", "Super trajet ce matin, le wifi marchait enfin et le café était bon."),
        ("fr", "Nouvelle ligne directe vers Lyon à partir de juin, annonce la compagnie."),
        ("fr", "Quelqu'un regarde le match ce soir ?"),
        ("de", "Schöne Fahrt heute, pünktlich angekommen und der Kaffee war gut."),
        ("de", "Ab Juni gibt es eine neue Direktverbindung nach München."),
        ("de", "Wochenende! Endlich Zeit für einen Ausflug an den See."),
    ],
    "jokes": [
        ("en", "Paying for my ticket twice so I can travel twice as fast lol"),
        ("en", "New loyalty programme: buy one ticket, pay for two 😂"),
        ("en", "At least the meteor finally got people to look up from their phones haha"),
        ("fr", "Nouvelle offre : un billet acheté, deux payés 😂"),
        ("fr", "J'ai payé deux fois, j'espère au moins avoir deux sièges mdr"),
        ("fr", "Le seul truc qui marche vite chez eux, c'est le prélèvement 🤣"),
        ("de", "Neues Angebot: ein Ticket kaufen, zwei bezahlen 😂"),
        ("de", "Doppelt bezahlt, dann fahre ich wohl auch doppelt so schnell haha"),
        ("de", "Das Einzige, was bei denen pünktlich ist, ist die Abbuchung 🤣"),
    ],
}


#: Leave-one-event-out macro-F1 on the 13 CrisisLex T26 events (``bench/eval_crisislex.py``; each event
#: predicted by a model fitted without it; figures only, no data). Filled from
#: ``bench/results/eval_crisislex.json``.
EXPECTED_ACCURACY = [
    (
        "built-in examples (the default), mapped to 5 coarse types",
        5,
        0.386,
        0.283,
        0.106,
        13,
        "CrisisLex T26, every event, 2026-12-02",
    ),
    (
        "a team's labelled posts from other crises, 7 CrisisLex information types",
        7,
        0.451,
        0.395,
        0.069,
        13,
        "CrisisLex T26, leave one event out, 2026-12-02",
    ),
]


def expected_accuracy() -> pd.DataFrame:
    """How accurate the message types can be expected to be, measured on real crises the model never saw.

    Returns
    -------
    DataFrame
        ``setting, labels, macro_f1, baseline_macro_f1, majority_macro_f1, events, measured``: one row
        per setting (the built-in examples alone, mapped to CrisisLex's coarse types; a team's labelled
        examples from other crises, CrisisLex's 7 information types), next to a TF-IDF + logistic
        regression baseline (balanced class weights) fitted on the same examples and the majority guess.

    Examples
    --------
    >>> expected_accuracy().columns.tolist()[:3]
    ['setting', 'labels', 'macro_f1']
    """
    cols = ["setting", "labels", "macro_f1", "baseline_macro_f1", "majority_macro_f1", "events", "measured"]
    return pd.DataFrame(EXPECTED_ACCURACY, columns=cols)


def seed_examples() -> pd.DataFrame:
    """The built-in labelled examples of the message types, written for the kit: what the classifier learns
    from when a team has no labels.

    Returns
    -------
    DataFrame
        ``text, label, lang``: a few examples per type in English, French and German.

    Examples
    --------
    >>> seed_examples().columns.tolist()
    ['text', 'label', 'lang']
    """
    rows = [(text, label, lang) for label, items in _SEED.items() for lang, text in items]
    return pd.DataFrame(rows, columns=["text", "label", "lang"])


def message_types(
    posts: pd.DataFrame,
    *,
    examples=None,
    labels=None,
    embedder="use",
    min_confidence: float | None = None,
    other: str = "other",
    C: float = 1.0,
    column: str = "text",
) -> pd.DataFrame:
    """Message type of each post from :mod:`kit.tl.message_model` (a logistic head on sentence embeddings
    and one on TF-IDF words, probabilities averaged) fitted on the examples.

    Parameters
    ----------
    examples : DataFrame or None
        Labelled examples (``text, label``; a team's CSV is read by :func:`kit.io.examples.read`);
        ``None``: the built-in :func:`seed_examples` (the :data:`MESSAGE_TYPES`).
    labels
        The message types to look for: only the examples with these labels are used (default all).
    min_confidence
        Posts whose top probability is below this get the label ``other``.

    Returns
    -------
    DataFrame
        A copy of ``posts`` with ``message_type`` and ``message_confidence``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"text": ["Shameful company, nobody answers", "How do I get my money back?"]})
    >>> typed = message_types(posts, labels=["criticism", "questions"], embedder="hash")
    >>> set(typed["message_type"]) <= {"criticism", "questions"}
    True
    """
    from . import message_model

    if examples is None:
        ex = seed_examples()
    elif isinstance(examples, pd.DataFrame):
        ex = examples
    else:
        raise TypeError(
            f"examples must be a frame (text, label) or None, not {type(examples).__name__}: read a file of "
            "labelled examples with kit.io.examples.read(path)"
        )
    if labels is not None:
        unknown = sorted(set(labels) - set(ex["label"].astype(str)))
        if unknown:
            raise ValueError(
                f"no examples for the message types {unknown}; the examples have {sorted(set(ex['label'].astype(str)))}"
            )
        ex = ex[ex["label"].astype(str).isin(list(labels))]
    model = message_model.fit(ex["text"].astype(str).tolist(), ex["label"].astype(str).tolist(), embedder=embedder, C=C)
    pred = message_model.predict(posts, model, column=column)
    out = posts.copy()
    label = pred["label"].astype("string")
    conf = pred["confidence"].astype(float)
    if min_confidence is not None:
        label = label.where(conf.to_numpy() >= min_confidence, other)
    out["message_type"] = label.to_numpy()
    out["message_type"] = out["message_type"].astype("string")
    out["message_confidence"] = conf.to_numpy()
    return out


def topics_by_phase(
    posts: pd.DataFrame, *, seed: int = 0, embedder="use", min_posts: int = 50, phase: str = "phase"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Topics of ``posts`` (:func:`kit.tl.topics.fit` on :func:`kit.tl.embed.embed`, seeded) and how the
    posts of each phase spread over them (:func:`kit.tl.topics.by_group`).

    Parameters
    ----------
    posts : DataFrame
        The posts with a text and a phase (e.g. :func:`kit.tl.timeline.during` with ``drop_reposts``).
    seed : int
        Seed of the topic model.
    embedder
        As in :func:`kit.tl.embed.embed`.
    min_posts : int
        Fewest posts to fit topics on.
    phase : str
        The phase column.

    Returns
    -------
    info, by_phase : DataFrame, DataFrame
        The topics (``topic, label, size, share, words``) and ``topic, label, phase, posts,
        share_of_group, share_of_topic``. With fewer than ``min_posts`` posts (or when the clustering
        finds no topic in them): a one-row ``note`` saying so, and an empty frame.

    Examples
    --------
    >>> import pandas as pd
    >>> note, table = topics_by_phase(pd.DataFrame({"text": ["a"], "phase": ["peak"]}))
    >>> note["note"].iloc[0][:44], table.empty
    ('1 posts with a text in the crisis window: to', True)
    """
    empty = pd.DataFrame(columns=["topic", "label", phase, "posts", "share_of_group", "share_of_topic"])
    if len(posts) < min_posts:
        note = pd.DataFrame(
            {
                "note": [
                    f"{len(posts)} posts with a text in the crisis window: too few for topics (at least {min_posts})."
                ]
            }
        )
        return note, empty
    from . import topics
    from .embed import embed

    vectors = embed(posts, embedder=embedder, progress=False)
    try:
        model = topics.fit(posts, vectors, seed=seed)
    except ValueError as exc:  # e.g. every post an outlier: no topic to show
        return pd.DataFrame(
            {"note": [f"No topics found in the {len(posts)} posts of the crisis window ({exc})."]}
        ), empty
    return model.info, topics.by_group(posts, model, by=phase)
