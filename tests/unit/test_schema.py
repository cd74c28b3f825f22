"""The canonical post table: columns, coercion, and validate() messages that name column and rows."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from kit import schema
from kit.schema import SchemaError


def posts(n: int = 3, **overrides) -> pd.DataFrame:
    """A valid hand-built post table of ``n`` rows, with provenance ``f.csv`` rows 2..n+1."""
    frame = pd.DataFrame(
        {
            "post_id": [f"p{i}" for i in range(n)],
            "platform": ["twitter"] * n,
            "created_at": pd.date_range("2026-03-01 09:00", periods=n, freq="h", tz="UTC"),
            "text": [f"post number {i}" for i in range(n)],
            "kind": ["original"] * n,
            "likes": list(range(n)),
            "source_file": ["f.csv"] * n,
            "source_row": list(range(2, n + 2)),
        }
    )
    for name, values in overrides.items():
        frame[name] = values
    return schema.coerce(frame)


# --- the table itself ----------------------------------------------------------------------------


def test_empty_has_every_column_with_its_dtype_and_validates():
    table = schema.empty()
    assert list(table.columns) == list(schema.COLUMN_NAMES)
    assert {c: str(t) for c, t in table.dtypes.items()} == schema.DTYPES
    assert len(table) == 0
    assert schema.validate(table) is table


def test_required_columns_and_counts_are_declared():
    assert schema.REQUIRED == ("post_id", "platform", "created_at", "kind", "source_file", "source_row")
    assert set(schema.COUNT_COLUMNS) <= set(schema.COLUMN_NAMES)
    assert all(schema.DTYPES[c] == "Int64" for c in schema.COUNT_COLUMNS)


def test_coerce_fills_missing_columns_types_values_and_keeps_extras_last():
    raw = pd.DataFrame(
        {
            "x_sentiment": ["neg", "pos"],
            "post_id": [1, 2],
            "platform": ["twitter", "twitter"],
            "created_at": ["2026-03-01T10:00:00+01:00", "2026-03-01T09:30:00Z"],
            "kind": ["original", "reply"],
            "likes": [1.0, 2.6],
            "paid": [True, False],
            "source_file": "f.csv",
            "source_row": [2, 3],
        }
    )
    before = raw.copy()
    out = schema.coerce(raw)
    pd.testing.assert_frame_equal(raw, before)  # the input is not mutated
    assert list(out.columns) == [*schema.COLUMN_NAMES, "x_sentiment"]
    assert {c: str(out[c].dtype) for c in schema.COLUMN_NAMES} == schema.DTYPES
    assert list(out["post_id"]) == ["1", "2"]
    assert list(out["created_at"]) == [
        pd.Timestamp("2026-03-01 09:00", tz="UTC"),
        pd.Timestamp("2026-03-01 09:30", tz="UTC"),
    ]
    assert list(out["likes"]) == [1, 3]
    assert out["text"].isna().all() and out["views"].isna().all()
    assert schema.validate(out) is out


@pytest.mark.parametrize("dtype", [object, "string"])
def test_coerce_names_column_and_only_the_bad_rows(dtype):
    raw = pd.DataFrame({"post_id": ["a", "b", "c", "d"], "likes": pd.Series(["1", None, "lots", "3"], dtype=dtype)})
    with pytest.raises(SchemaError, match=r"^column 'likes': cannot convert to Int64 at rows \[2\]"):
        schema.coerce(raw)


def test_coerce_bad_time_names_column_and_rows():
    raw = pd.DataFrame({"post_id": ["a", "b"], "created_at": ["2026-03-01", "yesterday-ish"]})
    with pytest.raises(
        SchemaError, match=r"^column 'created_at': cannot convert to datetime64\[ns, UTC\] at rows \[1\]"
    ):
        schema.coerce(raw)


# --- validate: each problem names the column and the rows -----------------------------------------


def test_validate_returns_the_same_frame_unchanged():
    table = posts()
    before = table.copy()
    assert schema.validate(table) is table
    pd.testing.assert_frame_equal(table, before)


def test_validate_missing_column():
    table = posts().drop(columns=["kind"])
    with pytest.raises(SchemaError) as err:
        schema.validate(table)
    assert str(err.value) == "column 'kind' is missing"


def test_validate_wrong_dtype():
    table = posts()
    table["likes"] = table["likes"].astype("float64")
    with pytest.raises(SchemaError) as err:
        schema.validate(table)
    assert str(err.value) == "column 'likes' has dtype float64, expected Int64"


def test_validate_naive_times_are_the_wrong_dtype():
    table = posts()
    table["created_at"] = table["created_at"].dt.tz_localize(None)
    with pytest.raises(
        SchemaError, match=r"^column 'created_at' has dtype datetime64\[ns\], expected datetime64\[ns, UTC\]$"
    ):
        schema.validate(table)


def test_validate_duplicate_ids_names_file_and_rows():
    table = posts(4, post_id=["p0", "p1", "p0", "p3"])
    with pytest.raises(SchemaError) as err:
        schema.validate(table)
    assert str(err.value) == "column 'post_id' is not unique at rows f.csv:2, f.csv:4"


def test_validate_bad_kind_names_values_and_rows():
    table = posts(3, kind=["original", "retweet", "reply"])
    with pytest.raises(SchemaError) as err:
        schema.validate(table)
    assert str(err.value) == (
        "column 'kind' has values ['retweet'] outside ['original', 'repost', 'quote', 'reply'] at rows f.csv:3"
    )


def test_validate_bad_media_format():
    table = posts(2, media_format=["image", "gif"])
    with pytest.raises(SchemaError, match=r"^column 'media_format' has values \['gif'\] outside .* at rows f\.csv:3$"):
        schema.validate(table)


def test_validate_platform_outside_the_list():
    table = posts(2, platform=["twitter", "myspace"])
    with pytest.raises(
        SchemaError, match=r"^column 'platform' has values \['myspace'\] outside \[.*\] at rows f\.csv:3$"
    ):
        schema.validate(table)


def test_validate_negative_likes():
    table = posts(3, likes=[0, -4, 2])
    with pytest.raises(SchemaError) as err:
        schema.validate(table)
    assert str(err.value) == "column 'likes' is negative at rows f.csv:3"


def test_validate_required_value_missing():
    table = posts(3)
    table.loc[1, "created_at"] = pd.NaT
    with pytest.raises(SchemaError) as err:
        schema.validate(table)
    assert str(err.value) == "column 'created_at' is required but empty at rows f.csv:3"


def test_validate_reports_every_problem_at_once():
    table = posts(3, kind=["original", "retweet", "reply"], likes=[-1, 0, 0])
    with pytest.raises(SchemaError) as err:
        schema.validate(table)
    assert str(err.value).split("; ") == [
        "column 'kind' has values ['retweet'] outside ['original', 'repost', 'quote', 'reply'] at rows f.csv:3",
        "column 'likes' is negative at rows f.csv:2",
    ]


def test_validate_without_provenance_columns():
    table = posts(3, likes=[0, 0, -1]).drop(columns=["source_file", "source_row"])
    with pytest.raises(SchemaError) as err:
        schema.validate(table)
    # the provenance columns are required: both are reported missing first
    assert str(err.value) == "column 'source_file' is missing; column 'source_row' is missing"


def test_validate_long_lists_of_rows_are_cut():
    table = posts(15, likes=[-1] * 15)
    with pytest.raises(SchemaError) as err:
        schema.validate(table)
    rows = ", ".join(f"f.csv:{r}" for r in range(2, 12))
    assert str(err.value) == f"column 'likes' is negative at rows {rows} and 5 more"


def test_validate_with_a_non_default_index():
    table = posts(3, likes=[0, -2, 0])
    table.index = [10, 10, 11]  # duplicate labels must not confuse the row report
    with pytest.raises(SchemaError) as err:
        schema.validate(table)
    assert str(err.value) == "column 'likes' is negative at rows f.csv:3"


def test_validate_repeated_column():
    table = posts(2)
    table = pd.concat([table, table[["likes"]]], axis=1)
    with pytest.raises(SchemaError) as err:
        schema.validate(table)
    assert str(err.value) == "columns ['likes'] appear more than once"


def test_column_descriptions_are_sentences():
    for col in schema.COLUMNS:
        assert col.description.endswith("."), col.name
        assert re.fullmatch(r"[a-z_]+", col.name)
