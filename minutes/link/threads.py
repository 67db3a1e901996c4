"""Threads: items about the same issue in different meetings, linked (issue 7).

Pairs of items are only compared when they share a distinctive feature: an
inverted index over title terms (blocked by their first letters, so compounds
and inflections meet), title phrases (stem bigrams, also where another item's
text repeats them) and rare acronyms yields the candidate pairs. A feature
whose posting list is long (a common word) only pairs each item with its
nearest neighbours in time, overall and within its body, so the work grows
with the number of items, not with its square.

Each candidate pair gets a score from independent kinds of evidence (shared
rare title terms that both items' texts take up, a title's phrase found in the
other item's text, a shared acronym, shared presenters or documents), damped
when many meetings of the bodies lie between the two. Pairs above a threshold
are joined strongest first; a join that would put two items of one meeting
into the same thread, or join two groups that are not alike as wholes, is
refused: a meeting treats an issue once, and one strong link between two long
threads is not enough to make them one issue.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from minutes.link.cases import case_links, load_case_items, normalise_case_number
from minutes.link.features import (
    MIN_PHRASE_COUNT,
    MIN_PREFIX,
    ItemFeatures,
    Weights,
    load_items,
)

#: Scores at or above this link two items. Tuned for precision: a wrong link
#: merges two threads, a missed one only splits a thread.
LINK_THRESHOLD = 0.6
#: Two groups join only if their members are, on average, at least this alike.
MIN_COHESION = 0.4
#: Title overlap only counts when the shared terms are rare enough together
#: (idf sum; log(n/df) ≈ 2 means the terms occur in roughly one item in seven).
MIN_SHARED_WEIGHT = 1.5
#: An acronym in more than this share of items is vocabulary, not an issue.
MAX_ACRONYM_SHARE = 0.2
#: A title phrase must recur this often in the other item's text to show it is that item's subject.
#: How much shared presenters or documents add to the content score.
PEOPLE_BONUS = 0.2
#: A feature shared by at most this many items pairs all of them; a commoner one
#: only pairs each item with its next ``NEIGHBOURS`` in time (overall and in its body).
FULL_POSTING = 24
NEIGHBOURS = 8
#: Meetings of a body that may pass between two items of an issue before the link weakens,
#: and how quickly it weakens after that (an issue silent for a year or two has moved on).
QUIET_MEETINGS = 8
DECAY_MEETINGS = 8.0


@dataclass(slots=True)
class Evidence:
    """Why two items were (or were not) linked: each kind of evidence scored in [0, 1]."""

    title: float = 0.0
    phrase: float = 0.0
    acronym: float = 0.0
    people: float = 0.0
    recency: float = 1.0  # 1 for items close in time, less the longer the issue was silent

    @property
    def score(self) -> float:
        """Content evidence decides; shared people and papers only tip a near miss."""
        content = max(self.title, self.phrase, self.acronym)
        return (content + PEOPLE_BONUS * self.people) * self.recency if content else 0.0


@lru_cache(maxsize=1 << 18)
def terms_match(a: str, b: str) -> bool:
    """Same stem, a compound sharing its head ('avvikelsehantering…'), or a one-letter slip."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= MIN_PREFIX and long_.startswith(short):
        return True
    return len(short) >= 8 and fuzz.ratio(a, b) >= 90


def shared_weight(a: frozenset[str], b: frozenset[str], w: Weights) -> float:
    """idf sum of the terms of ``a`` matched in ``b``; a compound match counts as its commoner half.

    "samverkan" prefixes "samverkansavtal", but the shared meaning is only "samverkan",
    so the pair weighs what the commoner term weighs.
    """
    total = 0.0
    for t in a:
        if t in b:
            total += w.idf(t)
            continue
        matches = [w.idf(u) for u in b if terms_match(t, u)]
        if matches:
            total += min(w.idf(t), max(matches))
    return total


def title_score(a: ItemFeatures, b: ItemFeatures, w: Weights) -> float:
    """Weighted overlap of the two titles' issue terms, if the shared part is rare enough.

    Only title terms that an item's own text takes up count as shared: two items
    called "Nytt samarbete" whose texts each describe something else share a name,
    not an issue.
    """
    weight = max(shared_weight(a.anchored, b.title_terms, w), shared_weight(b.anchored, a.title_terms, w))
    if weight < MIN_SHARED_WEIGHT:
        return 0.0
    smaller = min(w.total(a.title_terms), w.total(b.title_terms)) or 1.0
    return min(1.0, weight / smaller)


def names_other_things(a: ItemFeatures, b: ItemFeatures, w: Weights) -> bool:
    """True when each title's most distinctive term is one the other lacks.

    "Införande av IT-stödet X" and "Införande av IT-stödet Y" share three words and
    are still two issues: what sets each title apart is not shared.
    """
    def sets_apart(x: ItemFeatures, y: ItemFeatures) -> bool:
        """x's most distinctive anchored term is not in y's title (and no shared term is as rare)."""
        if not x.anchored:
            return False
        ranked = sorted(x.anchored, key=w.idf, reverse=True)
        top = w.idf(ranked[0])
        for t in ranked:
            if any(terms_match(t, u) for u in y.title_terms):
                return w.idf(t) < top
        return True

    return sets_apart(a, b) and sets_apart(b, a)


def phrase_score(a: ItemFeatures, b: ItemFeatures, w: Weights, *, titles: bool = True) -> float:
    """Share of ``a``'s title phrases (stem bigrams) that ``b`` uses in its title or text.

    ``titles=False`` counts only phrases that ``b``'s text repeats (for titles that name other things).
    """
    if a.title_bigrams.isdisjoint(b.phrases):
        return 0.0
    found = {g for g in a.title_bigrams
             if ((titles and g in b.title_bigrams) or b.text_bigrams.get(g, 0) >= MIN_PHRASE_COUNT)
             and g[0] in a.anchored and g[1] in a.anchored}
    if not found:
        return 0.0
    weight = sum(w.idf(x) + w.idf(y) for x, y in found)
    if weight < MIN_SHARED_WEIGHT:
        return 0.0
    total = sum(w.idf(x) + w.idf(y) for x, y in a.title_bigrams) or 1.0
    return weight / total


def acronym_score(a: ItemFeatures, b: ItemFeatures, w: Weights) -> float:
    """1 for a rare acronym in both titles, 0.5 for one title's acronym in the other's text."""
    if not (a.title_acronyms or b.title_acronyms):
        return 0.0
    rare = {x for x in a.title_acronyms | b.title_acronyms if w.share(x) <= MAX_ACRONYM_SHARE}
    if rare & a.title_acronyms & b.title_acronyms:
        return 1.0
    if rare & ((a.title_acronyms & b.text_acronyms) | (b.title_acronyms & a.text_acronyms)):
        return 0.5
    return 0.0


def people_score(a: ItemFeatures, b: ItemFeatures) -> float:
    """1 when the items share a presenter or speaker or a referenced document, else 0."""
    return 1.0 if (a.people & b.people) or (a.documents & b.documents) else 0.0


class Calendar:
    """Each body's meeting dates, to count the meetings that lie between two items."""

    def __init__(self, items: list[ItemFeatures], dates: dict | None = None):
        if dates is None:
            dates = defaultdict(set)
            for item in items:
                dates[item.body].add(item.date)
        self.dates = {body: sorted(d) for body, d in dates.items()}

    def between(self, body, first: str, last: str) -> int:
        """Meetings of ``body`` after ``first`` and before ``last``."""
        dates = self.dates.get(body, ())
        return max(0, bisect_left(dates, last) - bisect_right(dates, first))

    def recency(self, a: ItemFeatures, b: ItemFeatures) -> float:
        """1 while few meetings passed between the items; then decaying towards 0."""
        first, last = (a.date, b.date) if a.date <= b.date else (b.date, a.date)
        gap = min(self.between(a.body, first, last), self.between(b.body, first, last))
        return 1.0 if gap <= QUIET_MEETINGS else math.exp(-(gap - QUIET_MEETINGS) / DECAY_MEETINGS)


def evidence(a: ItemFeatures, b: ItemFeatures, w: Weights, calendar: Calendar | None = None) -> Evidence:
    """All evidence that ``a`` and ``b`` are about the same issue.

    Title and acronym evidence is void when each title's most distinctive term
    is one the other lacks (:func:`names_other_things`); a title phrase that the
    other item's text repeats still counts then ("Nära vård" discussing in- och utskrivning).
    """
    found = Evidence(
        title=title_score(a, b, w),
        phrase=max(phrase_score(a, b, w), phrase_score(b, a, w)),
        acronym=acronym_score(a, b, w),
    )
    if not (found.title or found.phrase or found.acronym):
        return found
    if names_other_things(a, b, w):
        found.title = found.acronym = 0.0
        found.phrase = max(phrase_score(a, b, w, titles=False), phrase_score(b, a, w, titles=False))
        if not found.phrase:
            return found
    found.people = people_score(a, b)
    if calendar is not None:
        found.recency = calendar.recency(a, b)
    return found


def index_keys(item: ItemFeatures, w: Weights) -> set:
    """The features by which ``item`` meets the items it could share an issue with."""
    keys: set[tuple[str, object]] = {("t", t[:MIN_PREFIX]) for t in item.anchored}
    keys.update(("b", g) for g in item.title_bigrams)
    keys.update(("b", g) for g, n in item.text_bigrams.items() if n >= MIN_PHRASE_COUNT)
    keys.update(("a", x) for x in item.title_acronyms | item.text_acronyms
                if w.share(x) <= MAX_ACRONYM_SHARE)
    return keys


def candidate_pairs(items: list[ItemFeatures], w: Weights) -> set[tuple[int, int]]:
    """Cross-meeting pairs (i < j) that share a feature, in near-linear time.

    A short posting list pairs all its items; a long one (a common feature)
    pairs each item only with its next ``NEIGHBOURS`` in date order, overall
    and within its own body, so chains of an issue's meetings are still found.
    """
    postings: dict = defaultdict(list)
    for item in items:
        for key in index_keys(item, w):
            postings[key].append(item.index)
    pairs: set[tuple[int, int]] = set()

    def add(posting: list[int], window: int) -> None:
        for k, i in enumerate(posting):
            mi = items[i].meeting_id
            for j in posting[k + 1: k + 1 + window]:
                if items[j].meeting_id != mi:
                    pairs.add((i, j))

    for posting in postings.values():
        if len(posting) < 2:
            continue
        if len(posting) <= FULL_POSTING:
            add(posting, FULL_POSTING)
            continue
        add(posting, NEIGHBOURS)
        by_body: dict = defaultdict(list)
        for i in posting:
            by_body[items[i].body].append(i)
        for sub in by_body.values():
            add(sub, NEIGHBOURS)
    return pairs


def scored_pairs(items: list[ItemFeatures], w: Weights, calendar: Calendar | None = None,
                 candidates: set[tuple[int, int]] | None = None) -> dict[tuple[int, int], float]:
    """Score of every candidate pair (i < j) with any evidence at all."""
    calendar = calendar or Calendar(items)
    scores = {}
    for i, j in candidate_pairs(items, w) if candidates is None else candidates:
        score = evidence(items[i], items[j], w, calendar).score
        if score > 0:
            scores[(i, j)] = score
    return scores


def cluster(items: list[ItemFeatures], scores: dict[tuple[int, int], float]) -> list[list[int]]:
    """Join linked items strongest link first, refusing joins that chain unrelated items.

    A join is refused when it would put two items of one meeting into one
    group, or when the two groups as wholes are not alike (mean pair score
    below ``MIN_COHESION``, unscored pairs counting 0). The score sums between
    groups are kept up to date as groups merge, so each join costs the number
    of groups its smaller side touches, not the product of the group sizes.
    """
    group = list(range(len(items)))
    members = {i: [i] for i in range(len(items))}
    meetings = {i: {items[i].meeting_id} for i in range(len(items))}
    between: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in scores.items():
        between[i][j] = between[i].get(j, 0.0) + s
        between[j][i] = between[j].get(i, 0.0) + s
    links = sorted((-s, i, j) for (i, j), s in scores.items() if s >= LINK_THRESHOLD)
    for _, i, j in links:
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        if len(members[gi]) < len(members[gj]):
            gi, gj = gj, gi  # gj is the smaller group, merged into gi
        if not meetings[gi].isdisjoint(meetings[gj]):
            continue
        if between[gi].get(gj, 0.0) / (len(members[gi]) * len(members[gj])) < MIN_COHESION:
            continue
        for k in members[gj]:
            group[k] = gi
        members[gi].extend(members.pop(gj))
        meetings[gi] |= meetings.pop(gj)
        for h, s in between.pop(gj).items():
            if h == gi:
                continue
            between[gi][h] = between[gi].get(h, 0.0) + s
            near = between[h]
            near[gi] = near.get(gi, 0.0) + near.pop(gj)
        between[gi].pop(gj, None)
    return sorted((sorted(m) for m in members.values() if len(m) > 1), key=lambda m: m[0])


def find_threads(db) -> list[list[ItemFeatures]]:
    """Groups of items (oldest first) that follow one issue across meetings.

    Case numbers and references decide first (:mod:`minutes.link.cases`); the
    title and feature clusters then join the items that carry neither.
    """
    items = load_items(db)
    return group_items(items, Weights(items), load_case_items(db))


def group_items(items: list[ItemFeatures], weights: Weights, case_items: list,
                calendar: Calendar | None = None,
                candidates: set[tuple[int, int]] | None = None) -> list[list[ItemFeatures]]:
    """Threads among ``items``: title clusters and case links combined (see :func:`combine`)."""
    title_groups = cluster(items, scored_pairs(items, weights, calendar, candidates))
    pairs = case_links(case_items)
    return [[items[k] for k in group] for group in combine(items, title_groups, pairs)]


def combine(items: list[ItemFeatures], title_groups: list[list[int]],
            case_pairs: list[tuple[str, str]]) -> list[list[int]]:
    """Case threads, with the title clusters' other items added where they point at one case.

    A title cluster never joins two cases: its items outside any case join the
    one case the cluster shares, or stay a thread of their own when it shares
    none or several.
    """
    position = {item.id: item.index for item in items}
    parent = list(range(len(items)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in case_pairs:
        if a in position and b in position:
            ra, rb = root(position[a]), root(position[b])
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    size: dict[int, int] = defaultdict(int)
    for k in range(len(items)):
        size[root(k)] += 1
    groups: dict[int, list[int]] = defaultdict(list)
    for k in range(len(items)):
        if size[root(k)] > 1:
            groups[root(k)].append(k)
    for group in title_groups:
        cases = {root(k) for k in group if size[root(k)] > 1}
        free = [k for k in group if size[root(k)] == 1]
        if len(cases) == 1:
            groups[next(iter(cases))].extend(free)
        elif len(free) > 1:
            groups[free[0]] = free
    return sorted((sorted(set(g)) for g in groups.values() if len(set(g)) > 1), key=lambda g: g[0])


def thread_label(members: list[ItemFeatures]) -> str:
    """The thread's name: the title of its member whose issue terms the others share most."""
    counts: dict[str, int] = defaultdict(int)
    for m in members:
        for t in m.title_terms:
            counts[t] += 1

    def shared(m: ItemFeatures) -> int:
        return sum(counts[t] - 1 for t in m.title_terms)

    best = max(range(len(members)), key=lambda k: (shared(members[k]), -k))
    return members[best].title


def thread_case(members: list[ItemFeatures]) -> str | None:
    """The case number most members carry, in its normal spelling (None for a thread of titles)."""
    counts: dict[str, int] = defaultdict(int)
    for m in members:
        number = normalise_case_number(m.case_number)
        if number:
            counts[number] += 1
    return max(sorted(counts), key=lambda n: counts[n]) if counts else None


def save_threads(db, groups: list[list[ItemFeatures]]) -> dict[str, int]:
    """Replace the stored threads with ``groups``; return item id → thread id."""
    db.execute("delete from thread_members")
    db.execute("delete from threads")
    thread_of: dict[str, int] = {}
    threads: list[tuple] = []
    rows: list[tuple] = []
    for thread_id, members in enumerate(groups, start=1):
        threads.append((thread_id, thread_label(members), members[0].date, members[-1].date,
                        len({m.meeting_id for m in members}),
                        ", ".join(sorted({m.body for m in members if m.body})), thread_case(members)))
        rows.extend((thread_id, m.id, n, m.date) for n, m in enumerate(members))
        thread_of.update((m.id, thread_id) for m in members)
    db.conn.executemany("insert into threads (id, label, first_date, last_date, meetings, bodies, case_number) "
                        "values (?, ?, ?, ?, ?, ?, ?)", threads)
    db.conn.executemany("insert into thread_members (thread_id, item_id, position, date) "
                        "values (?, ?, ?, ?)", rows)
    return thread_of


def list_threads(db) -> list[dict]:
    """Stored threads, oldest first."""
    return list(db.query("select * from threads order by first_date, id"))


def thread_timeline(db, thread_id: int) -> list[dict]:
    """One thread's items in date order (the ``thread_timeline`` view)."""
    return list(db.query("select * from thread_timeline where thread_id = ? order by position", [thread_id]))
