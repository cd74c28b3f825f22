"""Account lists kept apart from the posts: handle, id and follower count of each account.

Some exports keep the accounts in a file of their own (``accounts.csv`` with
``pseudo;id;description;nb_followers`` next to ``tweets.csv``). :func:`read_accounts` reads such a file
into the table :func:`kit.tl.owned.attach_followers` joins to the posts.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "accounts.csv"
>>> _ = path.write_text("pseudo;id;nb_followers\\nlibe;68;3 403 074\\n", encoding="utf-8")
>>> read_accounts(path)[["author_id", "author_handle", "author_followers"]].values.tolist()
[['68', 'libe', 3403074]]
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ._base import InputError

__all__ = ["read_accounts"]


def read_accounts(
    path,
    *,
    sep: str | None = None,
    id_column: str = "id",
    handle_column: str = "pseudo",
    followers_column: str = "nb_followers",
) -> pd.DataFrame:
    """Read a file of accounts (id, handle, follower count), one row per account.

    Parameters
    ----------
    path
        A delimited text file (CSV, semicolons, tabs: ``sep=None`` guesses), UTF-8 with or without BOM.
    sep
        The field separator, or ``None`` to guess it.
    id_column, handle_column, followers_column
        The file's columns holding the account id, the handle and the follower count. Counts may
        carry spaces or thousands commas (``10 125 109``, ``10,125,109``).

    Returns
    -------
    DataFrame
        ``author_id`` (stripped text), ``author_handle``, ``author_followers`` (a number, NaN where the
        file has none or not a number), ``source_file`` and ``source_row`` (the file's line, the header
        being line 1). ``attrs["warnings"]`` names the file, row and column of each follower count
        that is not a number.

    Raises
    ------
    kit.io.InputError
        The file is missing or unreadable, or lacks one of the three columns (the message names the
        file and the columns it has).
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such accounts file")
    try:
        raw = pd.read_csv(path, sep=sep, engine="python", dtype=str, encoding="utf-8-sig")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the accounts file ({exc})") from exc
    missing = [c for c in (id_column, handle_column, followers_column) if c not in raw.columns]
    if missing:
        raise InputError(
            f"{path}: no column {missing} (columns: {list(raw.columns)}); "
            "pass id_column=, handle_column=, followers_column="
        )
    counts = raw[followers_column]
    followers = pd.to_numeric(counts.str.replace(r"[\s\u00a0,]", "", regex=True), errors="coerce")
    rows = pd.Series(range(2, len(raw) + 2), index=raw.index)
    bad = counts.notna() & counts.str.strip().ne("") & followers.isna()
    out = pd.DataFrame(
        {
            "author_id": raw[id_column].str.strip(),
            "author_handle": raw[handle_column],
            "author_followers": followers,
            "source_file": str(path),
            "source_row": rows,
        }
    )
    out.attrs["warnings"] = [
        f"{path}: row {r}, column '{followers_column}': {v!r} is not a follower count; left empty"
        for r, v in zip(rows[bad], counts[bad])
    ]
    return out
