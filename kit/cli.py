"""Command line: ``kit inspect``, ``kit convert``, ``kit sample``, ``kit sentiment``, ``kit run``, ``kit compare``.

``kit run all --out DIR`` runs the four notebooks on the bundled sample with the shipped ``sample``
parameters (the same reports as ``make report`` in a checkout), from any folder, into a new dated folder
of ``DIR`` (:mod:`kit.runs`). ``kit compare RUN_A RUN_B`` says what changed between two runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["main"]


def _read_args(args):
    """Read ``args.path`` as ``kit inspect`` and ``kit convert`` read it: (posts, report, detected format), or the
    exit status 2 after one line on stderr."""
    from . import io
    from .io._safe import printable
    from .schema import SchemaError

    mapping = {}
    for item in args.map or []:
        column, sep, source = item.partition("=")
        if not sep or not column.strip() or not source:
            print(
                f"error: --map {item!r}: write --map COLUMN=SOURCE_COLUMN (e.g. created_at=TweetDate)", file=sys.stderr
            )
            return 2
        prev = mapping.get(column.strip())
        mapping[column.strip()] = source if prev is None else [*([prev] if isinstance(prev, str) else prev), source]
    options = {"dayfirst": args.dayfirst} if args.dayfirst is not None else {}
    if args.year is not None:
        options["year"] = args.year
    try:
        fmt = args.format or io.detect(args.path)
        posts, report = io.read(args.path, fmt, mapping or None, platform=args.platform, tz=args.tz, **options)
    except (io.InputError, SchemaError) as exc:
        print(printable(f"error: {exc}"), file=sys.stderr)
        return 2
    return posts, report, fmt


def _inspect(args) -> int:
    from .io._safe import printable

    got = _read_args(args)
    if isinstance(got, int):
        return got
    posts, report, fmt = got
    info = report.to_dict()
    info["detected_format"] = fmt if not args.format else f"{fmt} (given)"
    info["time_range_utc"] = [str(posts["created_at"].min()), str(posts["created_at"].max())] if len(posts) else None
    info["languages"] = {k: int(v) for k, v in posts["lang"].fillna("(not given)").value_counts().items()}
    info["platforms"] = {k: int(v) for k, v in posts["platform"].value_counts().items()}
    info["kinds"] = {k: int(v) for k, v in posts["kind"].value_counts().items()}
    info["extra_columns"] = [c for c in posts.columns if c.startswith("x_")]
    if args.json:
        print(json.dumps(info, indent=1, ensure_ascii=True, default=str))
        return 0
    out = [
        f"file:            {args.path}",
        f"format:          {info['detected_format']}",
        f"rows read:       {report.rows_read}",
        f"rows kept:       {report.rows_kept}",
        f"rows dropped:    {report.rows_dropped}",
    ]
    for reason, n in report.dropped_by_reason().items():
        out.append(f"  {n:>6}  {reason}")
    if report.rows_dropped:
        first = report.dropped.head(5)
        out.append(
            "  first dropped rows: "
            + "; ".join(
                f"row {r.source_row}" + (f" ({r.column})" if isinstance(r.column, str) else "") + f": {r.reason}"
                for r in first.itertuples()
            )
        )
    out.append(
        f"time range (UTC): {info['time_range_utc'][0]} .. {info['time_range_utc'][1]}"
        if info["time_range_utc"]
        else "time range: no posts"
    )
    out.append("columns mapped:")
    out += [f"  {k:<17} <- {v}" for k, v in report.columns_mapped.items()]
    if report.columns_unused:
        out.append("columns not used (kept as extra x_ columns): " + ", ".join(report.columns_unused))
        out.append(
            "  to use one: kit inspect FILE --map COLUMN=SOURCE_COLUMN (e.g. --map text="
            + report.columns_unused[0]
            + ")"
        )
    if info["extra_columns"]:
        out.append("kept as extra columns: " + ", ".join(info["extra_columns"]))
    for key in ("platforms", "kinds", "languages"):
        out.append(f"{key + ':':<16} " + ", ".join(f"{k} {v}" for k, v in info[key].items()))
    out.append("warnings:" if report.warnings else "warnings: none")
    out += [f"  - {w}" for w in report.warnings]
    print(printable("\n".join(out)))
    return 0


def _convert(args) -> int:
    from .io import InputError, parquet
    from .io._safe import printable

    got = _read_args(args)
    if isinstance(got, int):
        return got
    posts, report, fmt = got
    try:
        out = parquet.write_dataset(posts, args.out, by=args.by, report=report, overwrite=args.overwrite)
    except (InputError, OSError) as exc:
        print(printable(f"error: {exc}"), file=sys.stderr)
        return 2
    parts = len(parquet.files(out))
    lines = [
        f"file:            {args.path}",
        f"format:          {fmt if not args.format else f'{fmt} (given)'}",
        f"rows read:       {report.rows_read}",
        f"rows kept:       {report.rows_kept}",
        f"rows dropped:    {report.rows_dropped}",
    ]
    lines += [f"  {n:>6}  {reason}" for reason, n in report.dropped_by_reason().items()]
    lines.append(f"dataset:         {out} ({parts} partitions by {args.by}, {len(posts)} posts)")
    lines.append(f"row accounting:  {out / parquet.META} (read by kit.load(..., engine='dask'))")
    lines += [f"warning: {w}" for w in report.warnings]
    print(printable("\n".join(lines)))
    return 0


def _sample(args) -> int:
    from . import datasets

    paths = datasets.write_sample(args.out, n_posts=args.posts, seed=args.seed)
    if args.review:
        paths["review"] = _sample_review(Path(args.out), n=args.review, seed=args.seed)
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


def _sample_review(out: Path, *, n: int, seed: int) -> Path:
    """A filled review of the sample's mentions (simulated reviewers copying the generator's labels, with
    10 % disagreement), drawn stratified on the default model's predictions, for the monitoring report."""
    import kit

    from .io.review import write_review_csv
    from .tl import metrics, sentiment
    from .tl.review_sample import simulate

    posts, _ = kit.load(str(out / "posts.parquet"))
    scored = sentiment.score(metrics.mentions(posts))
    sample = simulate(scored, labels="x_true_sentiment", n=n, seed=seed, strata=("actor", "sentiment", "lang"))
    return write_review_csv(sample, out / "review.csv", reviewers=("reviewer_1", "reviewer_2"))


def _value(text: str):
    """A ``-p`` value as YAML reads it (``3`` an int, ``true`` a bool, ``[fr, de]`` a list), else the text."""
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def _run(args) -> int:
    from . import runs

    names = "all" if args.notebook == "all" else [args.notebook]
    overrides = {key: _value(value) for key, value in args.parameter or []}
    try:  # an output folder that cannot be written is one clear line, not a traceback
        Path(args.out).mkdir(parents=True, exist_ok=True)
        probe = Path(args.out) / ".kit-write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        from .io._safe import printable

        print(printable(f"error: cannot write reports to {args.out}: {exc.strerror or exc}"), file=sys.stderr)
        return 2
    try:
        done = runs.run(
            names,
            args.params,
            args.out,
            run_name=args.run_name,
            progress=not args.quiet,
            jobs=args.jobs,
            timeout=args.timeout,
            overrides=overrides,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for r in done.results:
        print(
            f"{r.name:<11} {'ok' if r.ok else 'FAILED'}  {r.seconds:6.0f} s  {r.html or ''}"
            + (f"  {r.error}" if r.error else "")
        )
    print(f"run: {done.folder.resolve()} ({done.alerts} alerts; log {done.log.name})")
    print(f"index: {(Path(args.out) / 'index.html').resolve()}")
    return runs.exit_code(done.results, alerts=done.alerts, fail_on_alert=args.fail_on_alert)


def _compare(args) -> int:
    from . import runs

    try:
        change = runs.comparison(args.run_a, args.run_b, out=args.out)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    text = change.to_text()
    print(text)
    target = Path(args.to) if args.to else Path(args.out) / f"compare_{change.before}_{change.after}.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text + "\n", encoding="utf-8")
    change.to_frame().to_csv(target.with_suffix(".csv"), index=False, encoding="utf-8")
    print(f"written: {target} and {target.with_suffix('.csv').name}")
    return 0


def _sentiment(args) -> int:
    import pandas as pd

    from . import pp
    from .io import InputError
    from .io.tabular import read_table
    from .tl import sentiment

    try:
        frame, _, dropped, warns = read_table(args.input)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    frame = frame.drop(columns="__row")
    if args.text_column not in frame.columns:
        print(
            f"error: {args.input}: no column {args.text_column!r}; columns are {list(frame.columns)}", file=sys.stderr
        )
        return 2
    for row, _, reason in dropped:
        print(f"warning: {args.input}: row {row} not scored: {reason}", file=sys.stderr)
    if len(frame) and frame[args.text_column].fillna("").astype(str).str.strip().eq("").all():
        print(
            f"error: {args.input}: column {args.text_column!r} is empty in every row; nothing to score", file=sys.stderr
        )
        return 2
    texts = pd.DataFrame({"text": frame[args.text_column].fillna("").astype(str)})
    if args.lang_column:
        texts["lang"] = frame[args.lang_column].astype("string")
    else:
        texts["lang"] = pd.array([None] * len(texts), dtype="string")
        texts = pp.detect_language(texts)
    scored = sentiment.get_model(args.backend).predict(texts["text"].tolist(), langs=texts["lang"].tolist())
    out = pd.concat(
        [
            frame.reset_index(drop=True),
            texts[["lang"]].rename(columns={"lang": "detected_lang"}) if not args.lang_column else None,
            scored.reset_index(drop=True),
        ],
        axis=1,
    )
    from .io._safe import guard_formulas

    try:
        guard_formulas(out).to_csv(args.out, index=False, encoding="utf-8")  # "=HYPERLINK(...)" stays text
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    counts = out["sentiment"].value_counts().to_dict()
    print(
        f"{len(out)} texts scored with {args.backend}: "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
        + f"; written to {args.out}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the ``kit`` command.

    Parameters
    ----------
    argv
        The arguments after ``kit`` (``None``: the process's own).

    Returns
    -------
    int
        The exit status: 0 when all went well, 1 when a notebook failed, 2 for an unreadable input or a
        wrong parameter, 3 when alerts were raised and ``kit run`` was given ``--fail-on-alert``.
    """
    from . import __version__

    parser = argparse.ArgumentParser(prog="kit", description="Social-media exports in, decisions out.")
    parser.add_argument("--version", action="version", version=f"kit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("inspect", help="show how a file is understood: format, mapping, row accounting")
    p.add_argument("path")
    p.add_argument(
        "--format",
        help="skip detection: csv, listening, insights, parquet, twitter_v1, twitter_v2, mastodon, bluesky, reddit",
    )
    p.add_argument("--platform", help="platform of rows whose file does not say (e.g. twitter)")
    p.add_argument("--tz", default="UTC", help="zone of times written without one (default UTC)")
    p.add_argument("--json", action="store_true", help="print the load report as JSON")
    p.add_argument(
        "--map",
        action="append",
        metavar="COLUMN=SOURCE",
        help="read a canonical column from a source column, e.g. --map created_at=TweetDate --map text=TweetText "
        "(repeat a COLUMN to join two source columns, e.g. a date and a time)",
    )
    p.add_argument(
        "--dayfirst",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="read dates such as 03/04/2026 day first (--dayfirst) or month first (--no-dayfirst)",
    )
    p.add_argument(
        "--year", type=int, default=None, help="the year of month columns written without one (page insights)"
    )
    p.set_defaults(func=_inspect)

    p = sub.add_parser(
        "convert",
        help="write an export as a Parquet dataset partitioned by day or month (for engine: dask), "
        "with the row accounting of kit inspect",
    )
    p.add_argument("path")
    p.add_argument("--out", required=True, help="the dataset's folder (new or empty)")
    p.add_argument("--by", choices=["month", "day"], default="month", help="one partition a month (default) or a day")
    p.add_argument("--overwrite", action="store_true", help="replace the dataset already in --out")
    for action in list(sub.choices["inspect"]._actions):
        if action.dest in ("format", "platform", "tz", "map", "dayfirst", "year"):
            p._add_action(action)
    p.set_defaults(func=_convert)

    p = sub.add_parser("sample", help="generate the sample scenario")
    p.add_argument("--out", required=True)
    p.add_argument("--posts", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--review",
        type=int,
        default=0,
        metavar="N",
        help="also write review.csv: N mentions scored by the default sentiment model, labelled by "
        "two simulated reviewers from the generator's truth (for the monitoring report)",
    )
    p.set_defaults(func=_sample)

    p = sub.add_parser("sentiment", help="score the texts of a CSV file (negative / neutral / positive)")
    p.add_argument("input")
    p.add_argument("--text-column", required=True)
    p.add_argument("--lang-column", help="column with language codes (detected when absent)")
    p.add_argument("--out", required=True)
    p.add_argument(
        "--backend",
        default="head",
        help="head (default, multilingual), lexicon, transformers:<model path>, or a saved head's path",
    )
    p.set_defaults(func=_sentiment)

    p = sub.add_parser("run", help="run notebooks headless into HTML reports")
    p.add_argument("notebook", choices=["audit", "monitoring", "listening", "crisis", "all"])
    p.add_argument(
        "--params",
        default="sample",
        help="YAML file, a folder with one YAML per notebook (e.g. params/airline), or a shipped set: "
        "sample (the default: the bundled sample scenario, as `make report`) or smoke (two weeks of it)",
    )
    p.add_argument("--out", default="reports", help="folder of the runs: each run writes a new folder in it")
    p.add_argument("--run-name", help="the run's folder name (default: the UTC date and time)")
    p.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        metavar=("KEY", "VALUE"),
        help="a parameter over the parameter set, read as YAML (repeatable): -p freq D -p languages '[fr, de]'",
    )
    p.add_argument("--timeout", type=float, help="seconds each notebook may run before it is stopped and failed")
    p.add_argument(
        "--fail-on-alert", action="store_true", help="exit with status 3 when a report raised alerts (cron, CI)"
    )
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="notebooks run at once, each in its own process (default 1; 2 on a two-core laptop "
        "nearly halves the time of 'run all' for twice the memory)",
    )
    p.set_defaults(func=_run)

    p = sub.add_parser("compare", help="what changed between two runs: figures, alerts, topics")
    p.add_argument("run_a", help="the earlier run: a run folder, or a run name in --out")
    p.add_argument("run_b", help="the later run")
    p.add_argument("--out", default="reports", help="folder of the runs (default reports)")
    p.add_argument("--to", help="file to write (default OUT/compare_<A>_<B>.txt, with a .csv of the figures)")
    p.set_defaults(func=_compare)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
