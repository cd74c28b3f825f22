"""Who spread the crisis: the kind of each account (brand, media, official, eyewitness, influencer, public)
and the authors ranked by the reposts and quotes they received.

>>> import pandas as pd
>>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "author_handle": ["dailynews", "u1", "u2"],
...                       "text": ["Customers charged twice", "", ""], "kind": ["original", "repost", "repost"],
...                       "parent_id": [None, "a", "a"],
...                       "created_at": pd.date_range("2026-03-09", periods=3, freq="h", tz="UTC")})
>>> spreaders(posts, n=1)[["author_handle", "account_type", "amplification_received"]].values.tolist()
[['dailynews', 'media', 2]]
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kit._text import handle_keys

from ._crisis import _TIME, _handles, _is_brand
from .kinds import kinds
from .metrics import INTERACTIONS, interactions

__all__ = ["ACCOUNT_TYPES", "account_types", "spreaders", "spreaders_by_type"]

ACCOUNT_TYPES = ("brand", "media", "official", "eyewitness", "influencer", "public")
_MEDIA = re.compile(
    r"news|times|tv\b|radio|press|presse|journal|zeitung|hebdo|wire|post\b|daily|tribune|"
    r"gazette|reuters|afp|bbc|cnn|magazin|rundschau|nachrichten|actu|info",
    re.IGNORECASE,
)
_OFFICIAL = re.compile(
    r"police|polizei|gov|gouv|ministry|minist|council|mairie|city of|ville de|stadt|"
    r"fire ?dep|feuerwehr|pompiers|red ?cross|croix|rotes ?kreuz|mayor|maire|official|"
    r"emergency|\bfema\b|\bnws\b|civil protection|prefecture|préfecture",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|my|me|we|our|je|j'|mon|ma|mes|nous|ich|mein|meine|wir|mir)\b", re.IGNORECASE)
_ROLE_MAP = {
    "brand": "brand",
    "employee": "brand",
    "media": "media",
    "government": "official",
    "official": "official",
    "ngos": "official",
    "ngo": "official",
    "eyewitness": "eyewitness",
    "outsiders": "public",
    "public": "public",
    "business": "public",
    "competitor": "public",
}


def _authors(posts: pd.DataFrame) -> pd.Series:
    """The author of each post: its handle (or author id); ``post:<id>`` when the export names no author
    (e.g. CrisisLex), so a post's own label still counts once."""
    handle = pd.Series(pd.NA, index=posts.index, dtype="string")
    for col in ("author_handle", "author_id"):
        if col in posts.columns:
            handle = handle.fillna(posts[col].astype("string"))
    return handle.fillna("post:" + posts["post_id"].astype("string"))


# kit._text.RT_PREFIX with the retweeted handle captured (any case, as kit.tl.kinds reads it)
_RT_HANDLE = re.compile(r"^\s*RT\s+@(\w+)", re.IGNORECASE)


def account_types(
    posts: pd.DataFrame, *, brand_handles=None, influencer_followers: int = 10_000, label: str | None = None
) -> pd.DataFrame:
    """What kind of account each author is, by simple signals, in this order:

    1. ``brand``: a handle in ``brand_handles`` (or ``actor_role`` brand/employee);
    2. a role label when the data has one (``actor_role``, or ``label``, e.g. CrisisLex's
       ``x_information_source``: Media, Government, NGOs -> official, Eyewitness, Outsiders -> public);
    3. ``media`` / ``official``: keywords in the handle or name (news, times, radio, zeitung... /
       police, gov, mairie, feuerwehr, red cross...);
    4. ``influencer``: at least ``influencer_followers`` followers;
    5. ``eyewitness``: most of the author's posts are original, first-person posts (I, je, ich...);
    6. ``public`` otherwise.

    Parameters
    ----------
    posts : DataFrame
        Posts (``author_handle`` or ``author_id``, ``author_name``, ``author_followers``, ``actor_role``, ``text``).
    brand_handles : list of str, optional
        The brand's own handles (compared with :func:`kit._text.normalise_handle`).
    label : str, optional
        A column of account labels (e.g. CrisisLex's ``x_information_source``), trusted as it is.
    influencer_followers : int
        Followers from which an account is an influencer.

    Returns
    -------
    DataFrame
        ``author_handle, account_type, signal`` (which rule decided), one row per author.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "author_handle": ["Brand", "dailynews", "bob"],
    ...                       "text": ["Update", "Customers charged twice", "I was charged twice"]})
    >>> account_types(posts, brand_handles=["@brand"])[["author_handle", "account_type"]].values.tolist()
    [['Brand', 'brand'], ['bob', 'eyewitness'], ['dailynews', 'media']]
    """
    frame = pd.DataFrame({"author_handle": _authors(posts)})
    frame["name"] = posts["author_name"].astype("string").fillna("") if "author_name" in posts.columns else ""
    frame["followers"] = (
        pd.to_numeric(posts["author_followers"], errors="coerce") if "author_followers" in posts.columns else np.nan
    )
    # an explicit label (``label``, e.g. CrisisLex's information source) is trusted as it is; the
    # ``actor_role`` of exports is coarser ("public" for everyone else) and lets the signals below refine it
    frame["role"] = (
        posts["actor_role"].astype("string").str.lower().map(_ROLE_MAP).to_numpy()
        if "actor_role" in posts.columns
        else pd.NA
    )
    frame["label"] = (
        posts[label].astype("string").str.lower().map(_ROLE_MAP).to_numpy()
        if label and label in posts.columns
        else pd.NA
    )
    kind = kinds(posts)
    text = posts["text"].astype("string").fillna("") if "text" in posts.columns else pd.Series("", index=posts.index)
    frame["first_person"] = (kind == "original").to_numpy(bool) & text.str.contains(_FIRST_PERSON).fillna(
        False
    ).to_numpy(bool)
    frame["brand"] = _is_brand(posts, brand_handles)
    g = frame.groupby("author_handle", sort=True)
    agg = pd.DataFrame(
        {
            "name": g["name"].first(),
            "followers": g["followers"].max(),
            "role": g["role"].agg(lambda s: s.dropna().mode().iloc[0] if s.notna().any() else pd.NA),
            "label": g["label"].agg(lambda s: s.dropna().mode().iloc[0] if s.notna().any() else pd.NA),
            "first_person": g["first_person"].mean(),
            "brand": g["brand"].any(),
        }
    )
    types, signals_ = [], []
    for h, r in agg.iterrows():
        words = f"{h} {r['name']}"
        role = r["role"] if isinstance(r["role"], str) else None
        r = r.copy()
        r["role"] = role
        if r["brand"] or role == "brand":
            t, s = "brand", "brand handle" if r["brand"] else "label"
        elif isinstance(r["label"], str):
            t, s = r["label"], "label"
        elif isinstance(r["role"], str) and r["role"] != "public":
            t, s = r["role"], "label"
        elif _MEDIA.search(words):
            t, s = "media", "handle or name"
        elif _OFFICIAL.search(words):
            t, s = "official", "handle or name"
        elif pd.notna(r["followers"]) and r["followers"] >= influencer_followers:
            t, s = "influencer", f"followers >= {influencer_followers:,}"
        elif r["first_person"] > 0.5:
            t, s = "eyewitness", "first-person original posts"
        elif isinstance(r["role"], str):
            t, s = r["role"], "label"
        else:
            t, s = "public", "default"
        types.append(t)
        signals_.append(s)
    return pd.DataFrame({"author_handle": agg.index.astype(str), "account_type": types, "signal": signals_})


def spreaders(
    posts: pd.DataFrame,
    *,
    brand_handles=None,
    n: int = 10,
    label: str | None = None,
    influencer_followers: int = 10_000,
) -> pd.DataFrame:
    """Who spread the crisis: authors ranked by the reposts and quotes their posts received in ``posts``
    (via ``parent_id``, or the ``RT @handle`` of old-style retweets without one), then by their own posts,
    with their account type (:func:`account_types`). Posts without an author count as their own author.

    Parameters
    ----------
    posts : DataFrame
        The crisis posts (e.g. :func:`kit.tl.timeline.during`).
    n : int
        How many authors to keep.
    brand_handles : list of str, optional
        The brand's own handles (compared with :func:`kit._text.normalise_handle`).
    label : str, optional
        A column of account labels (e.g. CrisisLex's ``x_information_source``), trusted as it is.
    influencer_followers : int
        Followers from which an account is an influencer.

    Returns
    -------
    DataFrame
        ``author_handle, account_type, signal, followers, posts, reposts_made, amplification_received,
        first_post, top_post`` (their most amplified post with a text, then the most engaged); ``n`` rows.
    """
    cols = [
        "author_handle",
        "account_type",
        "signal",
        "followers",
        "posts",
        "reposts_made",
        "amplification_received",
        "first_post",
        "top_post",
    ]
    if posts.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    handle = _authors(posts)
    kind = kinds(posts)
    frame = pd.DataFrame(
        {
            "author_handle": handle.to_numpy(),
            "post_id": posts["post_id"].astype(str).to_numpy(),
            "kind": kind.to_numpy(),
            _TIME: posts[_TIME].to_numpy(),
            "followers": pd.to_numeric(posts["author_followers"], errors="coerce").to_numpy()
            if "author_followers" in posts.columns
            else np.nan,
        }
    )
    spreading = kind.isin(["repost", "quote"]).to_numpy(bool)
    parent = (
        posts["parent_id"].astype("string")
        if "parent_id" in posts.columns
        else pd.Series(pd.NA, index=posts.index, dtype="string")
    )
    received = parent[spreading].dropna().astype(str).value_counts()
    frame["received"] = frame["post_id"].map(received).fillna(0).astype("int64")
    g = frame.groupby("author_handle")
    out = pd.DataFrame(
        {
            "followers": g["followers"].max(),
            "posts": g.size(),
            "reposts_made": g["kind"].agg(lambda s: int((s == "repost").sum())),
            "amplification_received": g["received"].sum(),
            "first_post": g[_TIME].min(),
        }
    )
    # old-style retweets without a parent link name the retweeted account in the text: "RT @handle: ..."
    if "text" in posts.columns:
        unlinked = spreading & parent.isna().to_numpy(bool)
        named = posts.loc[unlinked, "text"].astype("string").str.extract(_RT_HANDLE)[0].dropna()
        if len(named):
            counts = named.value_counts()
            out = out.reindex(out.index.union(counts.index))
            out["posts"] = out["posts"].fillna(0).astype("int64")
            out["reposts_made"] = out["reposts_made"].fillna(0).astype("int64")
            out["amplification_received"] = (
                out["amplification_received"].fillna(0) + counts.reindex(out.index).fillna(0)
            ).astype("int64")
    out = out.rename_axis("author_handle").reset_index()
    if "text" in posts.columns:  # what each one said: their most amplified post, then most engaged
        frame["text"] = posts["text"].astype("string").to_numpy()
        frame["engaged"] = interactions(posts.reindex(columns=list(INTERACTIONS))).to_numpy()
        said = frame[frame["text"].fillna("").str.strip().str.len().gt(0).to_numpy(bool)]
        said = said.sort_values(["received", "engaged", _TIME], ascending=[False, False, True], kind="stable")
        out["top_post"] = out["author_handle"].map(said.groupby("author_handle")["text"].first())
    else:
        out["top_post"] = pd.NA
    types = account_types(posts, brand_handles=brand_handles, label=label, influencer_followers=influencer_followers)
    out = out.merge(types, on="author_handle", how="left")
    missing = out["account_type"].isna()
    if missing.any():  # named only in "RT @handle": handle keywords are all there is
        media = out["author_handle"].str.contains(_MEDIA).fillna(False)
        official = out["author_handle"].str.contains(_OFFICIAL).fillna(False)
        brand = handle_keys(out["author_handle"]).isin(_handles(brand_handles))
        out.loc[missing, "account_type"] = np.select(
            [brand[missing], media[missing], official[missing]], ["brand", "media", "official"], "public"
        )
        out.loc[missing, "signal"] = np.where(
            (brand | media | official)[missing], "handle (retweeted only)", "default (retweeted only)"
        )
    out = (
        out.sort_values(
            ["amplification_received", "posts", "author_handle"], ascending=[False, False, True], kind="stable"
        )
        .head(n)
        .reset_index(drop=True)
    )
    out["followers"] = out["followers"].astype("Int64")
    return out[cols]


def spreaders_by_type(
    posts: pd.DataFrame, *, brand_handles=None, label: str | None = None, influencer_followers: int = 10_000
) -> pd.DataFrame:
    """Posts and amplification received per account type: who spoke and who was amplified.

    Parameters
    ----------
    posts : DataFrame
        The crisis posts.
    brand_handles : list of str, optional
        The brand's own handles (compared with :func:`kit._text.normalise_handle`).
    label : str, optional
        A column of account labels (e.g. CrisisLex's ``x_information_source``), trusted as it is.
    influencer_followers : int
        Followers from which an account is an influencer.

    Returns
    -------
    DataFrame
        ``account_type, authors, posts, share_of_posts, amplification_received, share_of_amplification``
        (the last NaN when nothing was reposted), most posts first.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "author_handle": ["dailynews", "u1", "u2"],
    ...                       "text": ["Customers charged twice", "", ""], "kind": ["original", "repost", "repost"],
    ...                       "parent_id": [None, "a", "a"],
    ...                       "created_at": pd.date_range("2026-03-09", periods=3, freq="h", tz="UTC")})
    >>> spreaders_by_type(posts)[["account_type", "posts", "share_of_amplification"]].values.tolist()
    [['public', 2, 0.0], ['media', 1, 1.0]]
    """
    everyone = spreaders(
        posts, brand_handles=brand_handles, n=len(posts) + 1, label=label, influencer_followers=influencer_followers
    )
    g = everyone.groupby("account_type")
    out = pd.DataFrame(
        {"authors": g.size(), "posts": g["posts"].sum(), "amplification_received": g["amplification_received"].sum()}
    ).reset_index()
    out["share_of_posts"] = out["posts"] / max(out["posts"].sum(), 1)
    amp = out["amplification_received"].sum()
    out["share_of_amplification"] = out["amplification_received"] / amp if amp else np.nan
    return out.sort_values("posts", ascending=False, kind="stable").reset_index(drop=True)[
        ["account_type", "authors", "posts", "share_of_posts", "amplification_received", "share_of_amplification"]
    ]
