"""Text fragments of the public's posts, ``(en, fr, de)``, per topic: the brand and its world: sustainability, innovation, community, stories, the industry, everything else
(subjects, predicates, questions, requests, news lines, details and hashtags; :mod:`._banks_public` joins them)."""

from __future__ import annotations

from ._scenario import (
    T_COMMUNITY,
    T_INDUSTRY,
    T_INNOV,
    T_MISC,
    T_STORIES,
    T_SUSTAIN,
)

__all__ = ["BRAND"]

BRAND: dict[int, dict] = {
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
    T_MISC: dict(
        n=(1, 9),
        subj=[("", "", "")],
        neg=[("", "", "")],
        pos=[("", "", "")],
        q=[("", "", "")],
        req=[("", "", "")],
        news=[("", "", "")],
        detail=[("", "", "")],
        tags=[("", "", "")],
    ),
}
