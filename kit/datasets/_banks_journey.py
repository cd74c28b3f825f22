"""Text fragments of the public's posts, ``(en, fr, de)``, per topic: the journey: delays, tickets and fares, the night trains
(subjects, predicates, questions, requests, news lines, details and hashtags; :mod:`._banks_public` joins them)."""

from __future__ import annotations

from ._scenario import (
    T_DELAYS,
    T_NIGHT,
    T_TICKETS,
)

__all__ = ["JOURNEY"]

JOURNEY: dict[int, dict] = {
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
}
