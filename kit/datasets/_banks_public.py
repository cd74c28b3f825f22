"""Text fragments of the public's posts, ``(en, fr, de)``: openings, closings, emoji, and per topic the
subjects, predicates, questions, requests, news lines, details and hashtags."""

from __future__ import annotations

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
