"""Write the workshop notebooks: the exercises (notebooks/workshop) and their solutions (notebooks/workshop/solutions).

Both come from the one description below, so they never drift apart: a cell is markdown, a given code cell
(the same in both), or a task cell (``...`` in the exercise, the kit call in the solution). Edit this file,
then run it from the repository root: ``.venv/bin/python notebooks/workshop/_build.py``. The notebooks are
written without outputs.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent

HOW = (
    "**How to work.** Run the cells from top to bottom (Shift+Enter). A cell with `...` is yours: replace the "
    "`...` with one or two `kit` calls (the hint under it says which), run it, then run the check below it. "
    "The check answers in words: ✅ right, ❌ wrong and what to look at, or … not answered yet. "
    "The solutions are in `solutions/`, for after you have tried."
)


def md(text):
    return ("md", text.strip())


def code(source, tags=()):
    return ("code", source.strip(), tags)


def task(exercise, solution):
    """A cell to complete: ``exercise`` as shipped (with ``...``), ``solution`` filled in."""
    return ("task", exercise.strip(), solution.strip())


def hint(text):
    return md(f"<details><summary>Hint</summary>\n\n{text.strip()}\n\n</details>")


IMPORTS = code("import kit\nfrom kit import pl, pp, tl, workshop")

NOTEBOOKS = {}

NOTEBOOKS["00_first_look"] = [
    md(
        """
# 0. A first look at your data

**Goal (20 min).** Read an export the way the kit reads it, see every row accounted for (kept, or
dropped with a reason), then take a first look at the workshop sample: 3,000 posts about Voltaria, a
fictional electric rail operator, its three competitors and four media outlets, over thirteen weeks in
French, German and English. Everything in it was generated, and what it hides is known: the checks
compare your answers with that truth.
"""
    ),
    md(HOW),
    code(
        """
export = "messy_export.csv"  # a spreadsheet export of 124 posts (data/workshop), or a path to your own file
data = "posts.parquet"  # the workshop sample (data/workshop)
""",
        tags=("parameters",),
    ),
    IMPORTS,
    md(
        """
## 1. Reading an export

Real exports are messy: a spreadsheet re-saved with `;` separators, dates written day first, rows
exported twice, dates missing. `kit.load` maps the columns to the kit's post table and accounts for
every row. The same report is printed in a terminal by `kit inspect data/workshop/messy_export.csv`.
"""
    ),
    code("messy, messy_report = kit.load(workshop.path(export))"),
    code("pl.table(tl.load_accounting(messy_report))"),
    md("### Task 1: how many rows of the export did the kit keep?"),
    task("kept = ...\nkept", "kept = messy_report.rows_kept\nkept"),
    hint("The accounting table has a line *rows kept*; the same number is `messy_report.rows_kept` (or `len(messy)`)."),
    code('workshop.check("first-look-kept", kept)'),
    md("### Task 2: how many rows were exported twice?"),
    task("duplicates = ...\nduplicates", "duplicates = messy_report.duplicates\nduplicates"),
    hint("Look for *duplicates* in the accounting, or `messy_report.duplicates`."),
    code('workshop.check("first-look-duplicates", duplicates)'),
    md(
        """
Every dropped row is listed with the row of the file (`source_row`, counting the header as row 1), the
column and the reason, so you can open the file and fix it.
"""
    ),
    code("pl.table(messy_report.dropped)"),
    md("### Task 3: which row of the file has a date that is written but cannot be read?"),
    task("bad_row = ...\nbad_row", "bad_row = 15\nbad_row"),
    hint(
        "In the table above, the reason *cannot read time* gives the value the kit could not read, and its `source_row`."
    ),
    code('workshop.check("first-look-bad-date", bad_row)'),
    md("The warnings say how ambiguous values were read (day-first dates, times without a zone):"),
    code("pl.table(tl.load_warnings(messy_report))"),
    md(
        """
## 2. The workshop sample

Now the clean sample: 3,000 posts. `tl.summary` gives counts by kind, platform, language and actor.
"""
    ),
    code("posts, load_report = kit.load(workshop.path(data))"),
    code("pl.table(tl.summary(posts))"),
    md("### Task 4: which day has the most posts?"),
    task(
        "daily = ...\ndaily",
        'daily = tl.volume(posts, freq="D", by=None)\ndaily',
    ),
    hint('`tl.volume(posts, freq="D", by=None)` counts posts per day (columns `period`, `posts`).'),
    task(
        "busiest_day = ...\nbusiest_day",
        'busiest_day = daily.loc[daily["posts"].idxmax(), "period"]\nbusiest_day',
    ),
    hint('`daily.loc[daily["posts"].idxmax(), "period"]`, or sort by `posts` and read the first row.'),
    code('workshop.check("first-look-busiest-day", busiest_day)'),
    code('pl.volume(tl.volume(posts, freq="D", by="actor"), title="Posts per day by actor")'),
    md("### Task 5: which language is the most frequent?"),
    task("languages = ...\nlanguages", 'languages = tl.breakdown(posts, "lang")\nlanguages'),
    hint('`tl.breakdown(posts, "lang")` counts posts per value of a column, largest first.'),
    task("top_language = ...\ntop_language", 'top_language = languages["lang"].iloc[0]\ntop_language'),
    code('workshop.check("first-look-language", top_language)'),
    code('pl.breakdown(tl.breakdown(posts, ["kind", "platform"]), title="Posts by kind and platform")'),
    md(
        """
## What you saw

- `kit.load` reads CSV, spreadsheet exports, JSON lines from the platforms' APIs and listening tools
  into one table; `kit inspect <file>` shows how a file is understood before any analysis.
- No row disappears silently: it is kept, or dropped with the file's row, the column and the reason.
- The busiest day is a hint of what the crisis notebook (04) will find.
"""
    ),
]

AUDIT_PARAMS = """
data = "posts.parquet"  # the workshop sample (data/workshop)
brand_accounts = ["voltaria"]
competitor_accounts = ["railix", "trenova", "cityhop"]
media_accounts = ["mobilitehebdo", "verkehrsblatt", "transittimes", "eurorailwire"]
kinds = ["original", "quote"]
pillars = {
    "sustainability": "Rail is the low-carbon way to travel: renewable electricity, lower emissions, greener stations.",
    "innovation": "New trains and digital services that make travel simpler: the Aurora, the app, predictive maintenance.",
    "customer stories": "Real journeys and the people who make them: passengers' stories, told in their words.",
    "community": "Events, sponsoring and local life along our lines: the Voltaria Marathon, festivals, volunteers.",
}
pillar_keywords = {
    "sustainability": ["renewable", "CO2", "emissions", "climate", "solar", "renouvelable", "émissions", "Ökostrom", "Emissionen", "Klima"],
    "innovation": ["Aurora", "new train", "app", "engineers", "nouveau train", "ingénieurs", "neuer Zug", "Ingenieure", "test runs"],
    "customer stories": ["story", "stories", "meet", "histoire", "voici", "Geschichte", "Geschichten"],
    "community": ["marathon", "festival", "volunteers", "sports clubs", "bénévoles", "Freiwillige", "Sportvereine", "concert"],
}
pillar_threshold = 0.3
languages = ["fr", "de", "en"]
embedder = "use"
min_gap_days = 3.0
seed = 0
"""

NOTEBOOKS["01_audit"] = [
    md(
        """
# 1. Ecosystem audit: what the brand says, where, when, and what it earns

**Goal (40 min).** Audit the own posts of Voltaria and its competitors: find a silence in a competitor's
posting, what earns engagement (format, hour) with a proper model rather than raw averages, and which of
the brand's stated editorial pillars it does not live up to.
"""
    ),
    md(HOW),
    code(AUDIT_PARAMS, tags=("parameters",)),
    IMPORTS,
    code("posts, load_report = kit.load(workshop.path(data))"),
    code("posts = pp.detect_language(posts, languages=languages)"),
    md("The own posts of every tracked account, with interactions and engagement rates:"),
    code(
        "own = tl.performance.engagement(tl.owned.own_posts(posts, brand_accounts, competitor_accounts, "
        "media=media_accounts, kinds=kinds))"
    ),
    code("pl.table(tl.tables.readable(tl.inventory.inventory(own)))"),
    md(
        """
## 1. Cadence and silences

A competitor that stops posting is news: an incident, a strategy change, a team on holiday.
### Task 1: which competitor went silent for more than a week?
"""
    ),
    task("silences = ...\nsilences", "silences = tl.inventory.gaps(own, min_days=min_gap_days)\nsilences"),
    hint("`tl.inventory.gaps(own, min_days=min_gap_days)` lists silences of at least `min_gap_days`, longest first."),
    task("silent_competitor = ...\nsilent_competitor", 'silent_competitor = "Trenova"\nsilent_competitor'),
    hint("Media outlets post rarely in this sample; keep to the competitors (Railix, Trenova, Cityhop)."),
    code('workshop.check("audit-gap", silent_competitor)'),
    md(
        """
## 2. What earns engagement

Raw averages mix everything: videos are posted more on Instagram, at other hours, more often paid. The
kit fits one model of interactions per post (negative binomial, followers as exposure), so each effect
is *all else equal*, with an interval and a q-value corrected for the number of effects tested.
### Task 2: which format earns the most? Task 3: which hour band?
"""
    ),
    task("eff = ...\neff", "eff = tl.effects.effects(own)\neff"),
    hint("`tl.effects.effects(own)`: one row per effect (`term`, `level`, `rate_ratio`, `low`, `high`, `q_value`)."),
    code("pl.effects.effects(tl.effects.effects(own))"),
    task("best_format = ...\nbest_format", 'best_format = "video"\nbest_format'),
    hint("Rows with `term` = format, model *all own posts*: the largest `rate_ratio` that is significant."),
    code('workshop.check("audit-best-format", best_format)'),
    task("best_hour = ...\nbest_hour", 'best_hour = "18-20"\nbest_hour'),
    hint('Rows with `term` = hour: write the band as it appears in `level`, e.g. `"06-08"`.'),
    code('workshop.check("audit-best-hour", best_hour)'),
    md(
        """
## 3. The editorial line: stated pillars vs what is posted

The brand states four pillars (the `pillars` parameter). The kit assigns each own post to a pillar by
keywords, or else by meaning (sentence embeddings, multilingual), and compares the brand's shares with
what it says it wants.
"""
    ),
    code('vectors = tl.embed.embed(own, embedder=embedder, column="text_plain", progress=False)'),
    md("### Task 4: which pillar is the most under-served?"),
    task(
        "assigned = ...\nassigned",
        "assigned = tl.pillars.assign_pillars(own, vectors, pillars, keywords=pillar_keywords, embedder=embedder, "
        "threshold=pillar_threshold)\nassigned",
    ),
    hint(
        "`tl.pillars.assign_pillars(own, vectors, pillars, keywords=pillar_keywords, embedder=embedder, "
        "threshold=pillar_threshold)` adds a `pillar` column."
    ),
    task("shares = ...\nshares", "shares = tl.pillars.pillar_shares(assigned, pillars)\nshares"),
    hint("`tl.pillars.pillar_shares(assigned, pillars)`: share of each actor's posts per pillar, with intervals."),
    task("gap = ...\ngap", 'gap = tl.pillars.under_served(shares, brand="Voltaria")\ngap'),
    hint(
        '`tl.pillars.under_served(shares, brand="Voltaria")`; `share_of_intent` = share it gets / share it should get.'
    ),
    task(
        "under_served_pillar = ...\nunder_served_pillar",
        'under_served_pillar = gap["pillar"].iloc[0]\nunder_served_pillar',
    ),
    code('workshop.check("audit-under-served", under_served_pillar)'),
    md(
        """
## What you saw

- A silence is found from the data (`tl.inventory.gaps`), not from a calendar.
- Effects come from one model with intervals and corrected q-values: report the ones that hold.
- Two pillars may be flagged; the most under-served is the one furthest below its intended share. With
  only 3,000 posts the intervals are wide: say so when you report it.
"""
    ),
]

NOTEBOOKS["02_monitoring"] = [
    md(
        """
# 2. Monitoring: share of voice, message tests, customer care

**Goal (40 min).** Compute the brand's share of voice *with its interval*, read two A/B message tests
(one has a winner, one does not, and the kit says why), and measure how often the brand answers its
customers.
"""
    ),
    md(HOW),
    code(
        """
data = "posts.parquet"  # the workshop sample (data/workshop)
brand = "Voltaria"
competitors = ["Railix", "Trenova", "Cityhop"]
brand_accounts = ["voltaria"]
campaigns = ["spring_ab", "null_ab"]
review_file = "review.csv"
freq = "W"
seed = 0
""",
        tags=("parameters",),
    ),
    code("import kit\nfrom kit import pl, pp, tl, workshop\nfrom kit.io import review as review_io"),
    code("posts, load_report = kit.load(workshop.path(data))"),
    md("Posts that mention the brand or a competitor, with a sentiment score:"),
    code("mentions = tl.mentions.mentions(posts, actors=[brand, *competitors])"),
    code('scored = tl.sentiment.score(mentions, model="auto")'),
    md(
        """
## 1. Share of voice

A share is an estimate: with a few hundred mentions, two points up or down may be noise. The kit gives
each share a 95 % (Wilson) interval.
### Task 1: what is the 95 % interval of Voltaria's share of voice?
"""
    ),
    task(
        "sov = ...\nsov",
        "sov = tl.share_of_voice.share_of_voice(scored, actors=[brand, *competitors])\nsov",
    ),
    hint("`tl.share_of_voice.share_of_voice(scored, actors=[brand, *competitors])`."),
    task(
        "voltaria_interval = ...\nvoltaria_interval",
        'voltaria_interval = (sov["low"].iloc[0], sov["high"].iloc[0])\nvoltaria_interval',
    ),
    hint("Two numbers, `(low, high)`, from Voltaria's row (the first)."),
    code('workshop.check("monitoring-share-of-voice", voltaria_interval)'),
    code("pl.share_over_time(tl.share_of_voice.share_over_time(scored, actors=[brand, *competitors], freq=freq))"),
    md(
        """
## 2. Message tests

Two campaigns posted variants A and B of the same message (columns `x_campaign`, `x_variant`). The kit
compares engagements per view with a test, an interval, and the *minimum detectable effect* (the
smallest difference the test could have seen). Never declare a winner without them.
### Task 2: which variant wins `spring_ab`? Task 3: and `null_ab`?
"""
    ),
    task(
        "tests_table = ...\ntests_table",
        "tests_table = tl.message_tests.message_tests(posts, campaigns=campaigns)\ntests_table",
    ),
    hint("`tl.message_tests.message_tests(posts, campaigns=campaigns)`: one row per campaign, with a `verdict`."),
    task('spring_winner = ...  # "A" or "B"\nspring_winner', 'spring_winner = "B"\nspring_winner'),
    code('workshop.check("monitoring-ab-winner", spring_winner)'),
    task('null_winner = ...  # "A", "B" or "none"\nnull_winner', 'null_winner = "none"\nnull_winner'),
    hint("Compare the difference with `mde`, and read `p_value` and `significant`."),
    code('workshop.check("monitoring-ab-null", null_winner)'),
    code("pl.message_test(tl.message_tests.message_tests(posts, campaigns=campaigns))"),
    md(
        """
## 3. Customer care

Complaints and questions addressed to the brand are *cases*; the brand's replies answer them. How many
get an answer, and how fast?
### Task 4: what share of the cases got an answer?
"""
    ),
    task(
        "cases = ...\ncases",
        "cases = tl.care.cases(posts, brand_handles=brand_accounts, brand=brand, scored=scored)\ncases",
    ),
    hint("`tl.care.cases(posts, brand_handles=brand_accounts, brand=brand, scored=scored)`."),
    task("care_summary = ...\ncare_summary", "care_summary = tl.care.summary(cases, seed=seed)\ncare_summary"),
    hint("`tl.care.summary(cases, seed=seed)`: response rate, median and 90th percentile hours, open cases."),
    task("response_rate = ...\nresponse_rate", 'response_rate = care_summary["response_rate"].iloc[0]\nresponse_rate'),
    code('workshop.check("monitoring-response-rate", response_rate)'),
    md(
        """
## 4. For discussion: how right is the sentiment model?

Two people reviewed 200 posts (`review.csv`). The kit corrects each actor's net sentiment with the
review's confusion matrix. Compare `model_net` with `corrected_net`: which would you report? (The
listening notebook looks at why they differ.)
"""
    ),
    code("reviewed = review_io.load(str(workshop.path(review_file)))"),
    code('pl.table(tl.corrected_shares.corrected_by(scored, reviewed, by="actor", seed=seed))'),
]

NOTEBOOKS["03_listening"] = [
    md(
        """
# 3. Listening: topics, weak signals, and what the sentiment model gets wrong

**Goal (40 min).** Find topics across three languages, spot the small topic that grows fast (a weak
signal), find a sarcastic post the sentiment model misread, and see how a human review changes the
figure you would report.
"""
    ),
    md(HOW),
    code(
        """
data = "posts.parquet"  # the workshop sample (data/workshop)
languages = ["fr", "de", "en"]
embedder = "use"
min_topic_size = 30
n_epochs = 200
freq = "W"
emerging_recent = 2
emerging_min_growth = 1.5
review_file = "review.csv"
seed = 0
""",
        tags=("parameters",),
    ),
    code("import kit\nfrom kit import pl, pp, tl, workshop\nfrom kit.io import review as review_io"),
    code("posts, load_report = kit.load(workshop.path(data))"),
    code("posts = pp.detect_language(posts, languages=languages)"),
    md("Multilingual sentence embeddings (cached after the first run), then sentiment from them:"),
    code("vectors = tl.embed.embed(posts, embedder=embedder, progress=False)"),
    code("scored = tl.sentiment.score(posts, embeddings=vectors)"),
    md(
        """
Topics come from BERTopic, which stands on a few libraries. Each takes a few seconds to load, once per
session, so they get a cell each:
"""
    ),
    code("import torch  # neural networks: runs the language models"),
    code("import transformers.pipelines  # language models (BERTopic can use them to write labels)"),
    code("import umap  # reduces each post's 512-number embedding to 5, keeping neighbours close"),
    code("import bertopic  # clusters the reduced embeddings (HDBSCAN) and describes each cluster by keywords"),
    md(
        """
The fit, merged across languages (UMAP's coordinates come from the cache). The full listening report
also passes `word_embedder=` so that translated words share a label; it is left out here to keep the
cell short.
"""
    ),
    code(
        "result = tl.topics.fit(scored, vectors, seed=seed, min_topic_size=min_topic_size, languages=tuple(languages), "
        "n_epochs=n_epochs, strict=False)"
    ),
    code("scored = tl.topics.with_topics(scored, result)"),
    code("pl.topics.summary(tl.topic_tables.summary(scored, result, languages=languages))"),
    md(
        """
## 1. A weak signal

A small topic that grows abnormally fast is worth a look before it becomes a big one. The kit compares
each topic's last `emerging_recent` periods with its usual level, with a test corrected for the number of
topics.
### Task 1: which topic is emerging?
"""
    ),
    task(
        "rising = ...\nrising",
        'rising = tl.topic_trends.emerging(scored, result, freq=freq, recent=emerging_recent, reference="median", '
        "min_growth=emerging_min_growth, strict=False)\nrising",
    ),
    hint(
        '`tl.topic_trends.emerging(scored, result, freq=freq, recent=emerging_recent, reference="median", '
        "min_growth=emerging_min_growth, strict=False)`: flagged topics first, by growth."
    ),
    task("emerging_topic = ...\nemerging_topic", 'emerging_topic = rising["label"].iloc[0]\nemerging_topic'),
    hint("The label of the first flagged row."),
    code('workshop.check("listening-emerging", emerging_topic)'),
    code("pl.topics.over_time(tl.topic_trends.over_time(scored, result, freq=freq))"),
    md(
        """
## 2. Sarcasm: where the model fails

*"Thanks for nothing"* is polite words with a negative meaning. Two reviewers labelled 200 posts
(`review.csv`: `model_sentiment`, `label_reviewer_1`, `label_reviewer_2`).
### Task 2: find a sarcastic post the model scored as positive or neutral
"""
    ),
    code("review = review_io.load(str(workshop.path(review_file)))"),
    task(
        "sarcastic = ...\nsarcastic",
        'sarcastic = pp.match_terms(review, ["Thanks for nothing", "Merci pour rien", "Danke für nichts"])\n'
        'sarcastic[["post_id", "text", "model_sentiment", "label_reviewer_1", "label_reviewer_2"]]',
    ),
    hint(
        '`pp.match_terms(review, ["Thanks for nothing", "Merci pour rien", "Danke für nichts"])` keeps the rows '
        "whose text contains one of the phrases."
    ),
    task(
        "misread_post = ...  # a post_id, in quotes\nmisread_post",
        'misread_post = sarcastic.loc[sarcastic["model_sentiment"] != "negative", "post_id"].iloc[0]\nmisread_post',
    ),
    hint("A row where `model_sentiment` is not negative but both reviewers say negative."),
    code('workshop.check("listening-sarcasm", misread_post)'),
    md(
        """
## 3. What the review changes

The review measures how often the model is wrong, and in which direction; the kit uses that to correct
the shares, with intervals.
### Task 3: what is the corrected net sentiment?
"""
    ),
    task(
        "reviewed = ...\nreviewed",
        "reviewed = tl.listening_review.review_results(scored, review, source=review_file, seed=seed)\nreviewed",
    ),
    hint(
        "`tl.listening_review.review_results(scored, review, source=review_file, seed=seed)`: a dict of tables "
        "(`status`, `agreement`, `corrected`)."
    ),
    task(
        "corrected_net = ...\ncorrected_net",
        'corrected_net = reviewed["corrected"].set_index("measure").loc["net_sentiment", "corrected"]\ncorrected_net',
    ),
    hint('In `reviewed["corrected"]`, the row `net_sentiment`, column `corrected`.'),
    code('workshop.check("listening-corrected", corrected_net)'),
    md(
        """
## What you saw

- French, German and English posts about the same thing land in one topic.
- The weak signal was small in volume; its growth, tested, is what flags it.
- Agreement between the reviewers (kappa) is high, and with the model low: report the corrected figure,
  and say how it was estimated.
"""
    ),
]

NOTEBOOKS["04_crisis"] = [
    md(
        """
# 4. Crisis post-mortem: when it started, how it spread, how fast the brand answered

**Goal (40 min).** On 9 March customers of Voltaria were charged twice. Find the onset from the data,
the time the brand took to make a statement, the post that started the largest repost cascade, and how
much of the talk was reposts.
"""
    ),
    md(HOW),
    code(
        """
data = "posts.parquet"  # the workshop sample (data/workshop)
brand = "Voltaria"
brand_accounts = ["voltaria"]
query_terms = ["charged twice", "double charge", "prélevé deux fois", "doppelt abgebucht", "#VoltariaFail"]
freq = "H"
repost_hours = 72
seed = 0
""",
        tags=("parameters",),
    ),
    code("import kit\nfrom kit import pl, pp, tl, workshop\nfrom kit.pl import crisis as plc"),
    code("posts, load_report = kit.load(workshop.path(data))"),
    code("crisis_posts = pp.match_terms(posts, query_terms)"),
    code(
        'series = tl.volume(crisis_posts, freq=freq, by=None, start=posts["created_at"].min(), '
        'end=posts["created_at"].max())'
    ),
    code('pl.volume(series, title="Posts matching the crisis terms, per hour")'),
    md(
        """
## 1. The timeline

The kit finds the surge in the hourly series: the onset is the first hour above the band expected from
the hours before (the same band as the monitoring alerts), then the peak, the half-life and the return to
baseline.
### Task 1: when did the crisis start?
"""
    ),
    task("timeline = ...\ntimeline", 'timeline = tl.surge.surge(series, value="posts")\ntimeline'),
    hint('`tl.surge.surge(series, value="posts")`: one row (`baseline`, `onset`, `peak`, `half_life`...).'),
    task("onset = ...\nonset", 'onset = timeline["onset"].iloc[0]\nonset'),
    code('workshop.check("crisis-onset", onset)'),
    md("**Checkpoint.** The kit's timeline, so that the next tasks start from the same place:"),
    code('anchored = tl.timeline.anchor(tl.surge.surge(series, value="posts"))'),
    code('spans = tl.timeline.phase_spans(anchored, start=posts["created_at"].min(), end=posts["created_at"].max())'),
    code(
        'plc.timeline(series, spans, baseline=anchored["baseline"].iloc[0], '
        'title="Posts matching the crisis terms: phases")'
    ),
    md(
        """
## 2. The brand's response
### Task 2: how many hours after the onset did the brand make its first statement?
"""
    ),
    task(
        "statement = ...\nstatement",
        "statement = tl.response.first_statement(posts, anchored, brand_handles=brand_accounts)\nstatement",
    ),
    hint("`tl.response.first_statement(posts, anchored, brand_handles=brand_accounts)`."),
    task(
        "hours_to_statement = ...\nhours_to_statement",
        'hours_to_statement = statement["hours_to_statement"].iloc[0]\nhours_to_statement',
    ),
    hint("A first *reply* to a customer is not a statement: read `hours_to_statement`."),
    code('workshop.check("crisis-statement", hours_to_statement)'),
    md(
        """
## 3. How it spread
### Task 3: which post started the largest repost cascade?
"""
    ),
    code("window = tl.timeline.during(posts, anchored)"),
    task("top_cascades = ...\ntop_cascades", "top_cascades = tl.cascades.cascades(window, n=10)\ntop_cascades"),
    hint("`tl.cascades.cascades(window, n=10)`: original posts by the size of their cascade, largest first."),
    task("largest_seed = ...\nlargest_seed", 'largest_seed = top_cascades["post_id"].iloc[0]\nlargest_seed'),
    code('workshop.check("crisis-cascade", largest_seed)'),
    md("### Task 4: what share of the posts about the brand in the 72 hours after the onset are reposts?"),
    task(
        "repost = ...\nrepost",
        'repost = tl.cascades.repost_share(posts, start=anchored["onset"].iloc[0], hours=repost_hours, actor=brand)\n'
        "repost",
    ),
    hint('`tl.cascades.repost_share(posts, start=anchored["onset"].iloc[0], hours=repost_hours, actor=brand)`.'),
    task("repost_share = ...\nrepost_share", 'repost_share = repost["share"].iloc[0]\nrepost_share'),
    code('workshop.check("crisis-repost-share", repost_share)'),
    md("## The lessons the kit writes for the post-mortem meeting"),
    code('pl.table(tl.lessons.lessons(anchored, topics=["timeline", "recovery"]))'),
    md(
        """
## What you saw

- The onset, peak and half-life come from the data, not from the calendar.
- The first reply to a customer came quickly; the first statement much later: these are two figures.
- A few seed posts carry most of the reposts: who spread them is in the full report (`kit run crisis`).
"""
    ),
]


def _cells(spec, solution: bool):
    cells = []
    for cell in spec:
        if cell[0] == "md":
            cells.append(nbformat.v4.new_markdown_cell(cell[1]))
        elif cell[0] == "code":
            c = nbformat.v4.new_code_cell(cell[1])
            if cell[2]:
                c.metadata["tags"] = list(cell[2])
            cells.append(c)
        else:
            c = nbformat.v4.new_code_cell(cell[2] if solution else cell[1])
            c.metadata["tags"] = ["task"]
            cells.append(c)
    return cells


def notebooks() -> dict[str, nbformat.NotebookNode]:
    """Every notebook by its path relative to this folder: ``01_audit.ipynb``, ``solutions/01_audit.ipynb``..."""
    out = {}
    for name, spec in NOTEBOOKS.items():
        for solution in (False, True):
            nb = nbformat.v4.new_notebook()
            nb.metadata["kernelspec"] = {"display_name": "Python 3 (kit)", "language": "python", "name": "python3"}
            nb.metadata["language_info"] = {"name": "python"}
            nb.cells = _cells(spec, solution)
            for i, c in enumerate(nb.cells):
                c["id"] = f"{name[:2]}-{i:03d}"
            out[("solutions/" if solution else "") + f"{name}.ipynb"] = nb
    return out


def build(root: Path = HERE) -> list[Path]:
    """Write every exercise notebook and its solution under ``root``; return the paths written."""
    written = []
    for name, nb in notebooks().items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
        written.append(path)
    return written


if __name__ == "__main__":
    for p in build():
        print(p)
