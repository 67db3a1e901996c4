"""Link only what an import touched: its meetings' items, their candidate threads, people, follow-ups.

The region that is linked again is the new items, the stored items that share
an index key with them (all of a short posting list, the nearest in time of a
long one, overall and in the item's body, as a full run pairs them), the
items of the same case number or named by a reference, and every member of
the threads those items are in. The region is clustered with the archive's
term weights and calendar (from the link state, :mod:`minutes.link.state`),
and its threads replace the threads it touched; the rest of the archive is
not read. People are merged again among the names the new meetings bring and
the stored names that could be the same person; assignments are followed up
again where a new item could report back on them or their thread changed.

The result is the same as a full ``minutes link`` except where a long posting
list's nearest-neighbour window moves (a full run then pairs a few different
neighbours) or a text phrase became a title phrase after its item was linked.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

from minutes.link import state
from minutes.link.cases import load_case_items
from minutes.link.features import ItemFeatures, Weights, item_rows, load_items, title_phrases
from minutes.link.followup import update_assignments
from minutes.link.people import PARTY_SUFFIX, is_variant, merge_names, name_parts, parse_name
from minutes.link.state import chunks, marks
from minutes.link.terms import bigrams, content_stems
from minutes.link.threads import (
    FULL_POSTING,
    MAX_ACRONYM_SHARE,
    NEIGHBOURS,
    Calendar,
    group_items,
    index_keys,
    thread_case,
    thread_label,
)


def link_touched(db, *, today: dt.date) -> dict:
    """Link the meetings not yet linked (and drop those gone); return what was linked."""
    new, gone = state.unlinked(db)
    if not new and not gone:
        return {"meetings": 0, "items": 0, "region": 0, "threads": 0, "persons": 0, "assignments": {}}
    old_items = state.forget(db, gone + new)
    orphaned = _drop_members(db, old_items)
    rows = item_rows(db, column="i.meeting_id", values=new)
    by_id = {r["id"]: r for r in rows}
    phrases = _phrases(db, rows)
    fresh = load_items(db, rows, phrases)
    case_items = {c.id: c for c in load_case_items(db, by_id)}
    state.remember(db, fresh, by_id, case_items, new)
    weights = _weights(db, fresh)
    region = _region(db, fresh, weights) | set(by_id)
    threads = _threads_of(db, region) | orphaned
    region |= _members(db, threads)
    before = _memberships(db, threads)
    thread_of = _relink(db, region, threads)
    changed = _changed(before, thread_of)
    persons = _relink_people(db, new, gone)
    scope = {**_assignment_scope(db, new, changed), "threads": thread_of}
    statuses = update_assignments(db, thread_of, today=today, scope=scope)
    return {"meetings": len(new) + len(gone), "items": len(fresh), "region": len(region),
            "threads": len(set(thread_of.values())), "persons": persons, "assignments": dict(sorted(statuses.items()))}


def _phrases(db, rows: list[dict]) -> set:
    """The archive's title bigrams that ``rows`` could repeat: their own, and those stored (a
    title bigram of any linked item is a stored key), so texts are counted as in a full run."""
    own = title_phrases(rows)
    text = {g for r in rows for g in bigrams(content_stems(r["text"] or ""))} - own
    stored = state.existing_keys(db, (f"b:{a} {b}" for a, b in text))
    return own | {tuple(k[2:].split(" ", 1)) for k in stored}


def _weights(db, items: list[ItemFeatures]) -> Weights:
    """Weights of the archive (the stored counts), for the terms ``items`` use."""
    terms = {t for item in items for t in (item.title_terms | item.text_terms
                                           | item.title_acronyms | item.text_acronyms)}
    return Weights([], df=state.document_frequencies(db, terms), n=state.item_count(db))


def _valid(key: str, weights: Weights) -> bool:
    return not key.startswith("a:") or weights.share(key[2:]) <= MAX_ACRONYM_SHARE


def _region(db, items: list[ItemFeatures], weights: Weights) -> set[str]:
    """Stored items a new item could be linked with (see the module's docstring)."""
    found: set[str] = set()
    rows = {r[0]: (r[1], r[2]) for batch in chunks([i.id for i in items]) for r in db.execute(
        f"select item_id, ord, body from link_items where item_id in ({marks(batch)})", batch).fetchall()}
    keys_of: dict[str, list[str]] = defaultdict(list)
    for batch in chunks(list(rows)):
        for key, item_id in db.execute(
                f"select key, item_id from link_keys where item_id in ({marks(batch)})", batch).fetchall():
            keys_of[item_id].append(key)
    sizes: dict[str, int] = {}
    for item_id, keys in keys_of.items():
        ord_, body = rows[item_id]
        for key in keys:
            kind = key[:2]
            if kind in ("p:", "r:"):  # a reference names an item; the item is named by references
                other = "r:" if kind == "p:" else "p:"
                found.update(r[0] for r in db.execute("select item_id from link_keys where key = ?",
                                                      [other + key[2:]]).fetchall())
                continue
            if kind == "c:":
                found.update(r[0] for r in db.execute("select item_id from link_keys where key = ?", [key]))
                continue
            if not _valid(key, weights):
                continue
            if key not in sizes:
                sizes[key] = db.execute("select count(*) from link_keys where key = ?", [key]).fetchone()[0]
            if sizes[key] <= FULL_POSTING:
                found.update(r[0] for r in db.execute("select item_id from link_keys where key = ?", [key]))
                continue
            found.update(_neighbours(db, key, ord_, None))
            found.update(_neighbours(db, key, ord_, body))
    return found


def _neighbours(db, key: str, ord_: str, body) -> set[str]:
    """The ``NEIGHBOURS`` items before and after ``ord_`` in a key's posting (within ``body`` if given)."""
    where = "key = ? and body is ?" if body is not None else "key = ?"
    params = [key, body] if body is not None else [key]
    before = db.execute(f"select item_id from link_keys where {where} and ord < ? order by ord desc limit ?",
                        [*params, ord_, NEIGHBOURS]).fetchall()
    after = db.execute(f"select item_id from link_keys where {where} and ord > ? order by ord limit ?",
                       [*params, ord_, NEIGHBOURS]).fetchall()
    return {r[0] for r in before + after}


def _threads_of(db, item_ids: set[str]) -> set[int]:
    found: set[int] = set()
    for batch in chunks(item_ids):
        found.update(r[0] for r in db.execute(
            f"select thread_id from thread_members where item_id in ({marks(batch)})", batch).fetchall())
    return found


def _members(db, threads: set[int]) -> set[str]:
    found: set[str] = set()
    for batch in chunks(threads):
        found.update(r[0] for r in db.execute(
            f"select item_id from thread_members where thread_id in ({marks(batch)})", batch).fetchall())
    return found


def _memberships(db, threads: set[int]) -> dict[str, frozenset[str]]:
    """Item → the members of its thread, for the threads about to be replaced."""
    members: dict[int, set[str]] = defaultdict(set)
    for batch in chunks(threads):
        for thread_id, item_id in db.execute(
                f"select thread_id, item_id from thread_members where thread_id in ({marks(batch)})", batch):
            members[thread_id].add(item_id)
    return {item: frozenset(group) for group in members.values() for item in group}


def _changed(before: dict[str, frozenset[str]], thread_of: dict[str, int]) -> set[str]:
    """Items whose thread has other members now (or none): their follow-up may change."""
    after: dict[int, set[str]] = defaultdict(set)
    for item, thread in thread_of.items():
        after[thread].add(item)
    now = {item: frozenset(after[thread]) for item, thread in thread_of.items()}
    return {item for item in set(before) | set(now) if before.get(item) != now.get(item)}


def _drop_members(db, item_ids: list[str]) -> set[int]:
    """Take removed or rewritten items out of their threads; return the threads they were in."""
    threads = _threads_of(db, set(item_ids))
    for batch in chunks(item_ids):
        db.execute(f"delete from thread_members where item_id in ({marks(batch)})", batch)
    return threads


def _relink(db, region: set[str], threads: set[int]) -> dict[str, int]:
    """Cluster the region again and put its threads in place of ``threads``; return item → thread."""
    rows = item_rows(db, column="i.id", values=region)
    items = load_items(db, rows, _phrases(db, rows))
    weights = _weights(db, items)
    calendar = Calendar(items, state.calendar_dates(db, {i.body for i in items}))
    groups = group_items(items, weights, load_case_items(db, [i.id for i in items]), calendar,
                         _region_pairs(db, items, weights))
    for batch in chunks(threads):
        db.execute(f"delete from thread_members where thread_id in ({marks(batch)})", batch)
        db.execute(f"delete from threads where id in ({marks(batch)})", batch)
    start = (db.execute("select max(id) from threads").fetchone()[0] or 0) + 1
    thread_of: dict[str, int] = {}
    for thread_id, members in enumerate(groups, start=start):
        db.execute("insert into threads (id, label, first_date, last_date, meetings, bodies, case_number) "
                   "values (?, ?, ?, ?, ?, ?, ?)",
                   [thread_id, thread_label(members), members[0].date, members[-1].date,
                    len({m.meeting_id for m in members}), ", ".join(sorted({m.body for m in members if m.body})),
                    thread_case(members)])
        db.conn.executemany("insert into thread_members (thread_id, item_id, position, date) values (?, ?, ?, ?)",
                            [(thread_id, m.id, n, m.date) for n, m in enumerate(members)])
        thread_of.update((m.id, thread_id) for m in members)
    return thread_of


def _stored(key: tuple) -> str:
    """The stored form of an index key of :func:`minutes.link.threads.index_keys`."""
    kind, value = key
    return f"{kind}:{value[0]} {value[1]}" if kind == "b" else f"{kind}:{value}"


def _region_pairs(db, items: list[ItemFeatures], weights: Weights) -> set[tuple[int, int]]:
    """The candidate pairs a full run would make among the region's items.

    A short posting list pairs all its items; a long one pairs each item with the
    next ``NEIGHBOURS`` of the archive's posting, overall and in its body, which an
    indexed look-up from the item's place gives without reading the posting.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for item in items:
        for key in index_keys(item, weights):
            postings[_stored(key)].append(item.index)
    ords = {r[0]: r[1] for batch in chunks([i.id for i in items]) for r in db.execute(
        f"select item_id, ord from link_items where item_id in ({marks(batch)})", batch).fetchall()}
    index_of = {item.id: item.index for item in items}
    pairs: set[tuple[int, int]] = set()
    for key, posting in postings.items():
        if len(posting) < 2:
            continue
        long_ = db.execute("select count(*) > ? from (select 1 from link_keys where key = ? limit ?)",
                           [FULL_POSTING, key, FULL_POSTING + 1]).fetchone()[0]
        if not long_:
            pairs.update((i, j) for n, i in enumerate(posting) for j in posting[n + 1:]
                         if items[i].meeting_id != items[j].meeting_id)
            continue
        members = set(posting)
        for i in posting:
            o = ords.get(items[i].id, "")
            after = db.execute("select item_id from link_keys where key = ? and ord > ? order by ord limit ?",
                               [key, o, NEIGHBOURS]).fetchall()
            after += db.execute("select item_id from link_keys where key = ? and body is ? and ord > ? "
                                "order by ord limit ?", [key, items[i].body, o, NEIGHBOURS]).fetchall()
            for (other,) in after:
                j = index_of.get(other)
                if j is not None and j in members and items[i].meeting_id != items[j].meeting_id:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


# --- people ------------------------------------------------------------------------------------

def _meeting_names(db, meeting_ids: list[str]) -> list[str]:
    """Every name written in the given meetings (as :func:`minutes.link.people.archive_names` reads them)."""
    names: list[str] = []
    for batch in chunks(meeting_ids):
        where = f"meeting_id in ({marks(batch)})"
        names += [r[0] for r in db.execute(f"select name from attendees where {where} and name is not null", batch)]
        names += [r[0] for r in db.execute(f"select name from ballots where {where} and name is not null", batch)]
        names += [PARTY_SUFFIX.sub("", r[0]) for r in db.execute(
            f"select by from reservations where {where} and by is not null", batch)]
        for column, table, key in (("presenters", "items", "meeting_id"), ("speakers", "items", "meeting_id"),
                                   ("by", "proposals", "meeting_id"), ("assignees", "assignments", "meeting_id"),
                                   ("signatories", "meetings", "id")):
            sql = f"select [{column}] from [{table}] where {key} in ({marks(batch)}) and [{column}] is not null"
            for (value,) in db.execute(sql, batch):
                names.extend(n for n in json.loads(value or "[]") if n)
    return names


def _related_names(db, names: set[str]) -> set[str]:
    """Stored names that could be the same person as one of ``names``.

    Merging joins a name only to a variant of it, which shares its given name or ends
    in one of its surnames: those are read by index, and the variants kept (with the
    persons they belong to, the caller adds every name of those persons).
    """
    found: set[str] = set()
    for text in names:
        name = parse_name(text)
        if name is None:
            found.add(text)
            continue
        found.update(r[0] for r in db.execute("select name from person_names where name = ?", [text]))
        near = {r[0] for r in db.execute("select name from person_names where given = ?", [name.given])}
        for surname in name.surnames:
            near.update(r[0] for r in db.execute("select name from person_names where surname = ?", [surname]))
        for other in near:
            parsed = parse_name(other)
            if parsed is not None and (is_variant(name, parsed) or is_variant(parsed, name)):
                found.add(other)
    return found


def _relink_people(db, new: list[str], gone: list[str]) -> int:
    """Merge names again among the new meetings' names and the persons they could join; return persons touched."""
    written = _meeting_names(db, new)
    if not written and not gone:
        return 0
    related = _related_names(db, set(written))
    persons = {r[0] for batch in chunks(related) for r in db.execute(
        f"select distinct person_id from person_names where name in ({marks(batch)})", batch)}
    names = set(written) | related
    for batch in chunks(persons):
        names.update(r[0] for r in db.execute(
            f"select name from person_names where person_id in ({marks(batch)})", batch))
    canonical = merge_names(sorted(names) + written)
    for batch in chunks(persons):
        db.execute(f"delete from person_names where person_id in ({marks(batch)})", batch)
        db.execute(f"delete from persons where id in ({marks(batch)})", batch)
    start = (db.execute("select max(id) from persons").fetchone()[0] or 0) + 1
    ids: dict[str, int] = {}
    variants: dict[str, list[str]] = defaultdict(list)
    for text, name in sorted(canonical.items()):
        if name not in ids:
            ids[name] = start + len(ids)
        variants[name].append(text)
    db.conn.executemany("insert into persons (id, name, variants) values (?, ?, ?)",
                        [(pid, name, json.dumps(sorted(variants[name]), ensure_ascii=False))
                         for name, pid in ids.items()])
    db.conn.executemany("insert or replace into person_names (name, person_id, given, surname) "
                        "values (?, ?, ?, ?)",
                        [(t, ids[n], *name_parts(t).values()) for t, n in canonical.items()])
    return len(ids)


# --- assignments -------------------------------------------------------------------------------

def _assignment_scope(db, new: list[str], changed: set[str]) -> dict:
    """What to follow up again: the new meetings' assignments, those of items whose thread changed, and the
    open ones of the new meetings' bodies (a new item may report back on them or be their next meeting)."""
    bodies = {r[0] for batch in chunks(new) for r in db.execute(
        f"select distinct body_id from meetings where id in ({marks(batch)})", batch)}
    return {"meetings": new, "items": changed, "bodies": bodies}

