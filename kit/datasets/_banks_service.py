"""Text fragments of the public's posts, ``(en, fr, de)``, per topic: the service: the app, customer service, comfort on board, the billing crisis
(subjects, predicates, questions, requests, news lines, details and hashtags; :mod:`._banks_public` joins them)."""

from __future__ import annotations

from ._scenario import (
    T_APP,
    T_COMFORT,
    T_CRISIS,
    T_SERVICE,
)

__all__ = ["SERVICE"]

SERVICE: dict[int, dict] = {
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
}
