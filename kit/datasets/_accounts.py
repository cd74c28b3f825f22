"""Authors of the scenario: the tracked accounts, the employees and the generated public."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from ._arrays import _cat, _choice, _strings
from ._banks_people import COUNTRIES, DEVICES, FIRST_NAMES, LAST_NAMES
from ._scenario import ACTORS, BRAND, EMPLOYEES, PLATFORMS, R_EMP, R_PUBLIC, ROLES

__all__ = ["accounts"]


def _accounts(rng, n_public: int) -> dict:
    """All authors: owned accounts (actor x platform), employees, then the public."""
    handle, name, plat, followers, actor, role, lang, emp = [], [], [], [], [], [], [], []
    owned = np.full((len(ACTORS), len(PLATFORMS)), -1)
    for a, spec in enumerate(ACTORS):
        for p, f in spec["followers"].items():
            owned[a, p] = len(handle)
            handle.append(spec["handle"])
            name.append(spec["name"])
            plat.append(p)
            followers.append(f)
            actor.append(a)
            role.append(spec["role"])
            lang.append(int(np.argmax(spec["own_lang"])))
            emp.append(False)
    first_emp = len(handle)
    for h, nm, p, lg, f in EMPLOYEES:
        handle.append(h)
        name.append(nm)
        plat.append(p)
        followers.append(f)
        actor.append(BRAND)
        role.append(R_EMP)
        lang.append(lg)
        emp.append(True)
    first_pub = len(handle)

    k = n_public
    plang = _choice(rng, k, (0.30, 0.36, 0.34))
    pplat = _choice(rng, k, (0.42, 0.14, 0.14, 0.16, 0.14))
    fi, li = rng.integers(0, 20, k), rng.integers(0, 20, k)
    first = np.array(FIRST_NAMES, dtype=object)[plang, fi]
    last = np.array(LAST_NAMES, dtype=object)[plang, li]
    style = rng.integers(0, 6, k)
    digits = rng.integers(1, 99, k).astype(str).astype(object)
    empty = np.full(k, "", dtype=object)
    initial = pd.Series(first).str.slice(0, 1).to_numpy(dtype=object)
    base = _cat(
        np.where(style == 4, "the_", empty),
        np.where(style == 5, initial, first),
        np.where(style == 1, "_", empty),
        np.where(np.isin(style, (0, 1, 2, 5)), last, empty),
        np.where(style == 4, "_", empty),
        np.where(np.isin(style, (2, 3, 4)), digits, empty),
    )
    dup = base.groupby(base.to_numpy()).cumcount().to_numpy()
    phandle = _cat(base, np.where(dup > 0, (dup + 1).astype(str).astype(object), empty))
    pname = _cat(pd.Series(first).str.capitalize(), np.full(k, " ", dtype=object), pd.Series(last).str.capitalize())
    pf = np.floor(np.exp(rng.normal(5.0, 1.5, k))).astype(np.int64)
    micro = rng.random(k) < 0.025
    pf[micro] = np.floor(np.exp(rng.normal(10.0, 0.5, int(micro.sum())))).astype(np.int64)

    handles = np.concatenate([np.array(handle, dtype=object), phandle.to_numpy(dtype=object)])
    names = np.concatenate([np.array(name, dtype=object), pname.to_numpy(dtype=object)])
    n_all = len(handles)
    ids = np.concatenate(
        [[_owned_id(i) for i in range(first_pub)], rng.permutation(10**9 + np.cumsum(rng.integers(1, 5_000, k)))]
    ).astype(np.int64)
    country = np.empty(n_all, dtype=object)
    for lg, options in enumerate(COUNTRIES):
        m = np.where(np.concatenate([np.full(first_pub, -1), plang]) == lg)[0]
        codes = np.array([c for c, _ in options], dtype=object)
        country[m] = codes[_choice(rng, len(m), [w for _, w in options])]
    shows_country = rng.random(n_all) < 0.45
    device = np.array(DEVICES, dtype=object)[_choice(rng, n_all, (0.45, 0.4, 0.15))]
    activity = np.zeros(n_all)
    activity[first_pub:] = 1.0 / (rng.permutation(k) + 10.0) ** 0.8
    return dict(
        handle=handles,
        name=names,
        id=ids.astype(str).astype(object),
        handle_pa=pa.array(handles, pa.string()),
        name_pa=pa.array(names, pa.string()),
        id_pa=_strings(ids),
        plat=np.concatenate([np.array(plat, np.int8), pplat.astype(np.int8)]),
        followers=np.concatenate([np.array(followers, np.int64), pf]),
        actor=np.concatenate([np.array(actor, np.int8), np.full(k, -1, np.int8)]),
        role=np.concatenate([np.array(role, np.int8), np.full(k, R_PUBLIC, np.int8)]),
        lang=np.concatenate([np.array(lang, np.int8), plang.astype(np.int8)]),
        employee=np.concatenate([np.array(emp), np.zeros(k, bool)]),
        country=np.where(shows_country, country, None),
        device=device,
        activity=activity,
        country_pa=pa.array(np.where(shows_country, country, None), pa.string()),
        device_pa=pa.array(device, pa.string()),
        owned=owned,
        first_emp=first_emp,
        first_pub=first_pub,
    )


class _Pools:
    """Public authors grouped by language and by platform, drawn with heavy-tailed activity weights."""

    def __init__(self, acc):
        pub = np.arange(acc["first_pub"], len(acc["handle"]))
        self.by = {}
        for key, col in (("lang", "lang"), ("plat", "plat")):
            for v in range(3 if key == "lang" else 5):
                ids = pub[acc[col][pub] == v]
                w = acc["activity"][ids]
                self.by[key, v] = (ids, w / w.sum())

    def draw(self, rng, key: str, values: np.ndarray) -> np.ndarray:
        out = np.empty(len(values), np.int64)
        for v in np.unique(values):
            m = values == v
            ids, p = self.by[key, int(v)]
            out[m] = rng.choice(ids, int(m.sum()), p=p)
        return out


def accounts() -> pd.DataFrame:
    """The tracked accounts (brand, competitors, media, one row per network) and the brand's employees.

    Their ids and follower counts are the same whatever the seed, and the same as in the posts.

    Returns
    -------
    pandas.DataFrame
        One row per account: handle, platform, author_id, name, actor, actor_role, followers, employee;
        ordered by role (brand, competitors, media, employees), actor, handle and platform.

    Examples
    --------
    >>> table = accounts()
    >>> table.loc[table["employee"], "handle"].tolist()[:2]
    ['claire_martin', 'emmaclarke']
    """
    rows = []
    for i, (a, p) in enumerate((a, p) for a, spec in enumerate(ACTORS) for p in spec["followers"]):
        spec = ACTORS[a]
        rows.append(
            dict(
                handle=spec["handle"],
                platform=PLATFORMS[p],
                author_id=str(_owned_id(i)),
                name=spec["name"],
                actor=spec["name"],
                actor_role=ROLES[spec["role"]],
                followers=spec["followers"][p],
                employee=False,
            )
        )
    first = len(rows)
    for i, (h, name, p, _, f) in enumerate(EMPLOYEES):
        rows.append(
            dict(
                handle=h,
                platform=PLATFORMS[p],
                author_id=str(_owned_id(first + i)),
                name=name,
                actor=ACTORS[BRAND]["name"],
                actor_role="employee",
                followers=f,
                employee=True,
            )
        )
    out = pd.DataFrame(rows)
    order = out["actor_role"].map({r: i for i, r in enumerate(ROLES)})
    return (
        out.assign(_r=order)
        .sort_values(["_r", "actor", "handle", "platform"])
        .drop(columns="_r")
        .reset_index(drop=True)
    )


def _owned_id(i: int) -> int:
    """Fixed ids of the tracked and employee accounts (public authors get random ids above 10**9)."""
    return 1_000_000 + 7_919 * (i + 1) + (i * 104_729) % 7_919
