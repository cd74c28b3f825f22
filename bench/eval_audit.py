"""Run the ecosystem audit on french_media_twitter (../shared/data) and report what it found and how long it took.

    .venv/bin/python bench/eval_audit.py [--params params/french_media] [--out bench/results/eval_audit.json]

Brand ``lemondefr``; competitors ``franceinfo``, ``Le_Figaro``, ``libe``; media the 24 other accounts
(the split is documented in params/french_media/audit.yaml). Prints, and writes as JSON:
- the run time of the whole notebook (papermill, HTML export included) and of its main steps run
  directly (load, followers, language, keyness, effects, embeddings, map, topics, pillars);
- the follower counts attached and the engagement rate by followers per account (median post);
- the top French keyness terms of the brand and each competitor;
- the editorial pillars' shares and the rate ratios the notebook recorded.
Nothing trained on, or copied from, the dataset is written into the repository: only these numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "french_media_twitter"


def steps(params: dict) -> tuple[dict, dict]:
    """Time the main computations directly, outside papermill."""
    import kit
    from kit import pp
    from kit.io import accounts as accounts_io
    from kit.tl import cartography, effects, embed, keyness, maps, owned, performance, pillars

    timings, found = {}, {}

    def timed(name, fn):
        start = time.perf_counter()
        out = fn()
        timings[name] = round(time.perf_counter() - start, 2)
        return out

    posts, _ = timed("load", lambda: kit.load(str(ROOT / params["data"])))
    posts = timed(
        "attach_followers",
        lambda: owned.attach_followers(
            posts, accounts_io.read_accounts(ROOT / params["accounts_file"], **params["accounts_columns"])
        ),
    )
    found["followers_attached"] = posts.attrs["followers_attached"]
    found["posts"] = len(posts)
    posts = timed("detect_language", lambda: pp.detect_language(posts, languages=params["languages"]))
    found["languages"] = posts["lang"].value_counts().to_dict()
    own = performance.engagement(
        owned.own_posts(posts, params["brand_accounts"], params["competitor_accounts"], media=params["media_accounts"]),
        tz=params["timezone"],
    )
    found["own_posts"] = len(own)
    perf = timed("performance", lambda: performance.performance(own, "actor", n_boot=1000, seed=0))
    found["median_rate_followers"] = perf.set_index("actor")["median_rate_followers"].round(6).to_dict()
    key = timed("keyness", lambda: keyness.keyness(own, top=15))
    found["keyness_fr"] = {
        a: part.sort_values("rank")["term"].head(12).tolist() for a, part in key[key["lang"] == "fr"].groupby("actor")
    }
    timed("effects", lambda: effects.effects(own, tz=params["timezone"]))
    vectors = timed("embed (use, cached after the first run)", lambda: embed.embed(own, progress=False))
    timed("semantic_map", lambda: maps.semantic_map(own, vectors, seed=0))
    timed("topics_by_actor", lambda: cartography.topics_by_actor(own, vectors, seed=0))
    assigned = timed(
        "assign_pillars",
        lambda: pillars.assign_pillars(own, vectors, params["pillars"], keywords=params["pillar_keywords"]),
    )
    shares = pillars.pillar_shares(assigned, params["pillars"])
    found["brand_pillar_shares"] = (
        shares[shares["actor"] == "lemondefr"].set_index("pillar")["share"].round(3).to_dict()
    )
    return timings, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--params", default=str(ROOT / "params" / "french_media"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "eval_audit.json"))
    parser.add_argument("--skip-notebook", action="store_true", help="time the steps only")
    args = parser.parse_args()
    if not (DATA / "tweets.csv").exists():
        print(f"{DATA} absent: nothing to evaluate")
        return
    from kit import report

    params = report.load_params(args.params, "audit")
    result = {
        "dataset": "french_media_twitter",
        "brand": params["brand_accounts"],
        "competitors": params["competitor_accounts"],
        "media": len(params["media_accounts"]),
    }
    timings, found = steps(params)
    result["step_seconds"] = timings
    result.update(found)
    if not args.skip_notebook:
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            run = report.run("audit", args.params, tmp, progress=False)
            result["notebook_seconds"] = round(time.perf_counter() - start, 1)
            result["notebook_ok"] = run.ok
            result["notebook_error"] = run.error
            values = run.values if run.ok else {}
        result["recorded"] = {k: values.get(k) for k in ("own_posts", "keyness_top", "pillar_gap", "findings")}
        result["recorded_effects"] = values.get("effects")
    print(
        f"posts {result['posts']}, own posts {result['own_posts']}, followers attached to "
        f"{result['followers_attached']} posts; languages {result['languages']}"
    )
    print("step seconds:", json.dumps(timings))
    if "notebook_seconds" in result:
        print(
            f"notebook: {'ok' if result['notebook_ok'] else 'FAILED'} in {result['notebook_seconds']} s"
            + (f" ({result['notebook_error']})" if result.get("notebook_error") else "")
        )
    print(
        "median engagement rate by followers:",
        {a: f"{100 * r:.4f} %" for a, r in result["median_rate_followers"].items()},
    )
    for actor in [*params["brand_accounts"], *params["competitor_accounts"]]:
        print(f"top French keyness terms, {actor}: {', '.join(result['keyness_fr'].get(actor, []))}")
    print("brand pillar shares:", result["brand_pillar_shares"])
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    print(f"written: {args.out}")


if __name__ == "__main__":
    main()
