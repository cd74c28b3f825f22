"""Text fragments of the accounts' own posts, ``(en, fr, de)``: brand and competitor messages, signatures,
calls to action, media kickers, A/B campaign texts, crisis statements, employees' words, care replies."""

from __future__ import annotations

from ._scenario import T_APP, T_COMFORT, T_COMMUNITY, T_DELAYS, T_INNOV, T_STORIES, T_SUSTAIN, T_TICKETS

__all__ = [
    "OWNED_EMOJI",
    "OWNED",
    "SIGNATURE",
    "CTA",
    "VIDEO",
    "MEDIA_PREFIX",
    "MEDIA_SUFFIX",
    "CAMPAIGN_TEXT",
    "CAMPAIGN_TAG",
    "STATEMENTS",
    "EMPLOYEE_TEXT",
    "REPLY_TEXT",
    "AGENTS",
]

OWNED_EMOJI = ["🚄", "🌱", "✨", "💚", "👉", "📣"]

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
