"""Post texts: fragment tables (:class:`_Slot`) rendered per actor and language, composed per text style."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ._arrays import _join, _opt, _strings, _take, _when, _zeros
from ._banks_owned import (
    AGENTS,
    CAMPAIGN_TAG,
    CAMPAIGN_TEXT,
    CTA,
    EMPLOYEE_TEXT,
    MEDIA_PREFIX,
    MEDIA_SUFFIX,
    OWNED,
    OWNED_EMOJI,
    REPLY_TEXT,
    SIGNATURE,
    STATEMENTS,
    VIDEO,
)
from ._banks_public import CLOSE, EMOJI, OPEN, PUBLIC
from ._scenario import (
    ACTORS,
    COMPLAINT,
    MARKUP_TEXT,
    MEDIA,
    NEG,
    POS,
    PRAISE,
    QUESTION,
    REPOST,
    REQUEST,
    S_CAMPAIGN,
    S_EMPLOYEE,
    S_MEDIA,
    S_MENTION,
    S_OWNED,
    S_REPLY,
    S_REPOST,
    S_SPECIAL,
    S_STATEMENT,
    SCRIPT_TEXT,
    SIGNATURE_TAGS,
    TOPICS,
    TRACKED,
    TW,
)

__all__: list[str] = []


class _Slot:
    """A fragment table: groups of (en, fr, de) alternatives, rendered once per actor and language.

    ``pick`` draws one alternative of each row's group and returns it for the row's language and
    actor as an Arrow string array. A fragment may hold one per-row placeholder (``key``); it is
    split there when the table is built, so filling it is a vectorised join.
    """

    def __init__(self, groups, *, lead: str = "", trail: str = "", key: str = "{n}"):
        rows, offset, count = [], [], []
        for g in groups:
            offset.append(len(rows))
            count.append(len(g))
            rows.extend(g)
        self.offset, self.count, self.rows = np.array(offset), np.array(count), len(rows)
        pre, post, has = [], [], []
        for spec in ACTORS:
            for row in rows:
                for text in row:
                    for ph, value in (
                        ("{b}", spec["name"]),
                        ("{h}", spec["handle"]),
                        ("{prod}", spec.get("product", spec["name"])),
                    ):
                        text = text.replace(ph, value)
                    text = lead + text + trail if text else ""
                    head, sep, tail = text.partition(key)
                    pre.append(head), post.append(tail), has.append(bool(sep))
        self.pre, self.post = pa.array(pre, pa.string()), pa.array(post, pa.string())
        self.has = np.array(has)

    def pick(self, rng, group, lang, actor=None, value=None) -> pa.Array:
        group = np.asarray(group)
        j = self.offset[group] + (rng.random(len(group)) * self.count[group]).astype(np.int64)
        actor = np.zeros(len(group), np.int64) if actor is None else np.asarray(actor, np.int64)
        idx = (actor * self.rows + j) * 3 + np.asarray(lang, np.int64)
        out = self.pre.take(pa.array(idx))
        if self.has.any():
            filled = pc.if_else(pa.array(self.has[idx]), value, "")
            out = pc.binary_join_element_wise(out, filled, self.post.take(pa.array(idx)), "")
        return out


def _groups(bank: dict, key: str) -> list:
    return [bank[t][key] if t in bank else [("", "", "")] for t in range(len(TOPICS))]


_OPEN = _Slot([OPEN[i] for i in range(5)], trail=" ")
_CLOSE = _Slot([CLOSE[i] for i in range(5)], lead=" ")
_SUBJ = _Slot(_groups(PUBLIC, "subj"))
_NEGP = _Slot(_groups(PUBLIC, "neg"), lead=" ")
_POSP = _Slot(_groups(PUBLIC, "pos"), lead=" ")
_Q = _Slot(_groups(PUBLIC, "q"))
_REQ = _Slot(_groups(PUBLIC, "req"))
_NEWS = _Slot(_groups(PUBLIC, "news"))
_DETAIL = _Slot(_groups(PUBLIC, "detail"), lead=" ")
_TAGS = _Slot(_groups(PUBLIC, "tags"), lead=" ")
_EMOJI = _Slot([[(e, e, e) for e in EMOJI[s]] for s in range(3)], lead=" ")
_OWNED_EMOJI = _Slot([[(e, e, e) for e in OWNED_EMOJI]], lead=" ")
_SAY = _Slot(_groups(OWNED, "say"))
_CTA = _Slot([CTA], lead=" ")
_SIG = _Slot([SIGNATURE[a] for a in TRACKED], lead=" ")
_SIGTAG = _Slot([[(t, t, t) for t in tags] for tags in SIGNATURE_TAGS], lead=" ")
_ACTOR_TAG = _Slot([[("#{b}", "#{b}", "#{b}")]], lead=" ")
_VIDEO = _Slot([VIDEO], lead=" ")
_MPRE = _Slot([MEDIA_PREFIX], trail=" ")
_MSUF = _Slot([MEDIA_SUFFIX], lead=" ")
_MTAG = _Slot([[("{tag}", "{tag}", "{tag}")]], lead=" ", key="{tag}")
_CAMPAIGN = _Slot([CAMPAIGN_TEXT[c, v] for c in range(2) for v in range(2)])
_CAMPAIGN_TAG = _Slot([[(t, t, t)] for t in CAMPAIGN_TAG], lead=" ")
_STATEMENT = _Slot(STATEMENTS)
_EMPLOYEE = _Slot([EMPLOYEE_TEXT])
_REPLY = _Slot([REPLY_TEXT[g] for g in range(3)], key="{u}")
_AGENT = _Slot([[(a, a, a) for a in AGENTS]], lead=" ")
_END = _Slot([[(".", ".", ".")], [(".", ".", "."), ("!", " !", "!")], [("!", " !", "!"), (".", ".", ".")]])
_SLUG = pa.array([t.replace("_", "-") for t in TOPICS], pa.string())
_DOMAIN = pa.array([a["domain"] for a in ACTORS], pa.string())
_MEDIA_TAGS = pa.array([a.get("tag", "") for a in ACTORS], pa.string())
_FIX_PUNCTUATION = r"([!?])(?: ?[.!])+"


def _article_link(rng, domain_actor: np.ndarray, topic: np.ndarray) -> pa.Array:
    n = len(topic)
    return _join(
        " https://",
        _take(_DOMAIN, domain_actor),
        "/",
        _take(_SLUG, topic),
        "/",
        _strings(rng.integers(10_000, 99_999, n)),
    )


def _mention_texts(rng, r: dict, idx: np.ndarray, num: pa.Array) -> pa.Array:
    """Public posts: opening + body (by intent, from the topic's fragments) + closing + tags + emoji."""
    n = len(idx)
    lang, topic, intent, sent, about = (r[k][idx] for k in ("lang", "topic", "intent", "sent", "about"))
    bodies, where = [], []
    for it in range(5):
        m = np.where(intent == it)[0]
        if not len(m):
            continue
        lg, tp, ab, k = lang[m], topic[m], about[m], len(m)
        v = _take(num, m)
        if it in (COMPLAINT, PRAISE):
            pred = (_NEGP if it == COMPLAINT else _POSP).pick(rng, tp, lg, ab, v)
            end = _END.pick(rng, np.full(k, 1 if it == COMPLAINT else 2), lg)
            part = _join(_SUBJ.pick(rng, tp, lg, ab), pred, _opt(rng, _DETAIL.pick(rng, tp, lg), 0.7), end)
        elif it == QUESTION:
            part = _Q.pick(rng, tp, lg, ab, v)
        elif it == REQUEST:
            part = _join(_REQ.pick(rng, tp, lg, ab, v), _END.pick(rng, np.full(k, 2), lg))
        else:
            link = _article_link(rng, rng.choice(MEDIA, k), tp)
            part = _join(
                _NEWS.pick(rng, tp, lg, ab, v),
                _opt(rng, _DETAIL.pick(rng, tp, lg), 0.3),
                _END.pick(rng, _zeros(k), lg),
                _opt(rng, link, 0.5),
            )
        bodies.append(part)
        where.append(m)
    body = pa.concat_arrays(bodies).take(pa.array(np.argsort(np.concatenate(where), kind="stable")))
    close_group = np.where((intent == QUESTION) & (sent == NEG), COMPLAINT, intent)
    return _join(
        _OPEN.pick(rng, intent, lang, about),
        body,
        _CLOSE.pick(rng, close_group, lang),
        _opt(rng, _TAGS.pick(rng, topic, lang), 0.5),
        _opt(rng, _ACTOR_TAG.pick(rng, _zeros(n), lang, about), 0.25),
        _opt(rng, _EMOJI.pick(rng, sent, lang), 0.45),
    )


def _owned_texts(rng, r: dict, idx: np.ndarray, num: pa.Array) -> pa.Array:
    """Brand and competitor posts: message + call to action + signature + hashtags + emoji + video or link."""
    n = len(idx)
    lang, topic, actor, fmt = r["lang"][idx], r["topic"][idx], r["actor"][idx], r["fmt"][idx]
    link = _when(fmt == 1, _join(" https://www.", _take(_DOMAIN, actor), "/", _take(_SLUG, topic)))
    video = _when(fmt == 3, _VIDEO.pick(rng, _zeros(n), lang))
    return _join(
        _SAY.pick(rng, topic, lang, actor, num),
        _END.pick(rng, np.full(n, 2), lang),
        _CTA.pick(rng, _zeros(n), lang),
        _opt(rng, _SIG.pick(rng, actor, lang), 0.55),
        _opt(rng, _SIGTAG.pick(rng, actor, lang), 0.85),
        _opt(rng, _TAGS.pick(rng, topic, lang), 0.4),
        _opt(rng, _OWNED_EMOJI.pick(rng, _zeros(n), lang), 0.35),
        video,
        link,
    )


def _media_texts(rng, r: dict, idx: np.ndarray, num: pa.Array) -> pa.Array:
    """Media posts: optional kicker + headline + detail + 'read more' + article link + outlet hashtag."""
    n = len(idx)
    lang, topic, actor, about, fmt = (r[k][idx] for k in ("lang", "topic", "actor", "about", "fmt"))
    return _join(
        _MPRE.pick(rng, _zeros(n), lang),
        _NEWS.pick(rng, topic, lang, about, num),
        _opt(rng, _DETAIL.pick(rng, topic, lang), 0.3),
        _END.pick(rng, _zeros(n), lang),
        _MSUF.pick(rng, _zeros(n), lang),
        _when(fmt == 1, _article_link(rng, actor, topic)),
        _MTAG.pick(rng, _zeros(n), lang, value=_take(_MEDIA_TAGS, actor)),
    )


def _texts(rng, r: dict, acc: dict) -> pa.Array:
    """The text of every row: composed per style, then reposts copied from their parent."""
    n = len(r["t"])
    style, lang, topic = r["style"], r["lang"], r["topic"]
    lo = np.array([PUBLIC[t]["n"][0] for t in range(len(TOPICS))])
    hi = np.array([PUBLIC[t]["n"][1] for t in range(len(TOPICS))])
    olo = np.array([OWNED.get(t, PUBLIC[t])["n"][0] for t in range(len(TOPICS))])
    ohi = np.array([OWNED.get(t, PUBLIC[t])["n"][1] for t in range(len(TOPICS))])
    owned = style == S_OWNED
    a = np.where(owned, olo[topic], lo[topic])
    b = np.where(owned, ohi[topic], hi[topic])
    num = _strings((a + rng.random(n) * (b - a + 1)).astype(np.int64))

    pieces, where = [], []

    def put(mask, make):
        idx = np.where(mask)[0]
        if len(idx):
            pieces.append(make(idx))
            where.append(idx)

    for st, maker in ((S_MENTION, _mention_texts), (S_OWNED, _owned_texts), (S_MEDIA, _media_texts)):
        put(
            style == st,
            lambda idx, maker=maker: pc.replace_substring_regex(
                maker(rng, r, idx, _take(num, idx)), pattern=_FIX_PUNCTUATION, replacement=r"\1"
            ),
        )
    put(
        style == S_CAMPAIGN,
        lambda idx: _join(
            _CAMPAIGN.pick(rng, r["campaign"][idx] * 2 + r["variant"][idx], lang[idx]),
            _CAMPAIGN_TAG.pick(rng, r["campaign"][idx], lang[idx]),
        ),
    )
    put(style == S_STATEMENT, lambda idx: _join(_STATEMENT.pick(rng, r["sub"][idx], lang[idx]), " #Voltaria"))
    put(
        style == S_EMPLOYEE,
        lambda idx: _join(
            _EMPLOYEE.pick(rng, _zeros(len(idx)), lang[idx]),
            " #VoltariaTeam",
            _opt(rng, _EMOJI.pick(rng, np.full(len(idx), POS), lang[idx]), 0.5),
        ),
    )
    put(
        style == S_REPLY,
        lambda idx: _join(
            _REPLY.pick(rng, r["sub"][idx], lang[idx], value=_take(acc["handle_pa"], r["author"][r["parent"][idx]])),
            _AGENT.pick(rng, _zeros(len(idx)), lang[idx]),
        ),
    )
    put(style == S_SPECIAL, lambda idx: _take(pa.array([SCRIPT_TEXT, MARKUP_TEXT], pa.string()), r["sub"][idx]))
    put(style == S_REPOST, lambda idx: pa.array([""] * len(idx), pa.string()))
    text = pa.concat_arrays(pieces).take(pa.array(np.argsort(np.concatenate(where), kind="stable")))
    assert len(text) == n

    rp = np.where(r["kind"] == REPOST)[0]
    if len(rp):
        par = r["parent"][rp]
        prefix = _when(r["plat"][rp] == TW, _join("RT @", _take(acc["handle_pa"], r["author"][par]), ": "))
        reposts = _join(prefix, _take(text, par))
        rest = np.setdiff1d(np.arange(n), rp)
        text = pa.concat_arrays([_take(text, rest), reposts]).take(
            pa.array(np.argsort(np.concatenate([rest, rp]), kind="stable"))
        )
    return text
