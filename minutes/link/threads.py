"""Threads: items about the same issue in different meetings, linked (issue 7).

Each pair of items from different meetings gets a score from independent
kinds of evidence (shared rare title terms, a title's phrase found in the
other item's text, a shared acronym, shared presenters or documents). Pairs
above a threshold are joined strongest first, and a join that would put two
items of one meeting into the same thread is refused: a meeting treats an issue
once, so such a join means the evidence is chaining unrelated items.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from minutes.link.features import ItemFeatures, Weights, load_items

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
MIN_PHRASE_COUNT = 2
#: How much shared presenters or documents add to the content score.
PEOPLE_BONUS = 0.2
#: Compound words match by prefix only when the shorter one is this long.
MIN_PREFIX = 7


@dataclass(slots=True)
class Evidence:
    """Why two items were (or were not) linked: each kind of evidence scored in [0, 1]."""

    title: float = 0.0
    phrase: float = 0.0
    acronym: float = 0.0
    people: float = 0.0

    @property
    def score(self) -> float:
        """Content evidence decides; shared people and papers only tip a near miss."""
        content = max(self.title, self.phrase, self.acronym)
        return content + PEOPLE_BONUS * self.people if content else 0.0


def terms_match(a: str, b: str) -> bool:
    """Same stem, a compound sharing its head ('avvikelsehantering…'), or a one-letter slip."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
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
        matches = [w.idf(u) for u in b if terms_match(t, u)]
        if matches:
            total += min(w.idf(t), max(matches))
    return total


def title_score(a: ItemFeatures, b: ItemFeatures, w: Weights) -> float:
    """Weighted overlap of the two titles' issue terms, if the shared part is rare enough."""
    weight = shared_weight(a.title_terms, b.title_terms, w)
    if weight < MIN_SHARED_WEIGHT:
        return 0.0
    smaller = min(w.total(a.title_terms), w.total(b.title_terms)) or 1.0
    return min(1.0, weight / smaller)


def phrase_score(a: ItemFeatures, b: ItemFeatures, w: Weights) -> float:
    """Share of ``a``'s title phrases (stem bigrams) that ``b`` uses in its title or text."""
    if not a.title_bigrams:
        return 0.0
    found = {g for g in a.title_bigrams if g in b.title_bigrams or b.text_bigrams.get(g, 0) >= MIN_PHRASE_COUNT}
    weight = sum(w.idf(x) + w.idf(y) for x, y in found)
    if weight < MIN_SHARED_WEIGHT:
        return 0.0
    total = sum(w.idf(x) + w.idf(y) for x, y in a.title_bigrams) or 1.0
    return weight / total


def acronym_score(a: ItemFeatures, b: ItemFeatures, w: Weights) -> float:
    """1 for a rare acronym in both titles, 0.5 for one title's acronym in the other's text."""
    rare = {x for x in a.title_acronyms | b.title_acronyms if w.share(x) <= MAX_ACRONYM_SHARE}
    if rare & a.title_acronyms & b.title_acronyms:
        return 1.0
    if rare & ((a.title_acronyms & b.text_acronyms) | (b.title_acronyms & a.text_acronyms)):
        return 0.5
    return 0.0


def people_score(a: ItemFeatures, b: ItemFeatures) -> float:
    """1 when the items share a presenter or speaker or a referenced document, else 0."""
    return 1.0 if (a.people & b.people) or (a.documents & b.documents) else 0.0


def evidence(a: ItemFeatures, b: ItemFeatures, w: Weights) -> Evidence:
    """All evidence that ``a`` and ``b`` are about the same issue."""
    return Evidence(
        title=title_score(a, b, w),
        phrase=max(phrase_score(a, b, w), phrase_score(b, a, w)),
        acronym=acronym_score(a, b, w),
        people=people_score(a, b),
    )


def scored_pairs(items: list[ItemFeatures], w: Weights) -> dict[tuple[int, int], float]:
    """Score of every cross-meeting pair (i < j) with any evidence at all."""
    scores = {}
    for i, j in combinations(range(len(items)), 2):
        if items[i].meeting_id != items[j].meeting_id:
            score = evidence(items[i], items[j], w).score
            if score > 0:
                scores[(i, j)] = score
    return scores


def cohesion(a: set[int], b: set[int], scores: dict[tuple[int, int], float]) -> float:
    """Mean score over all pairs between two groups (pairs without evidence count as 0)."""
    total = sum(scores.get((min(i, j), max(i, j)), 0.0) for i in a for j in b)
    return total / (len(a) * len(b))


def cluster(items: list[ItemFeatures], scores: dict[tuple[int, int], float]) -> list[list[int]]:
    """Join linked items strongest link first, refusing joins that chain unrelated items.

    A join is refused when it would put two items of one meeting into one
    group, or when the two groups as wholes are not alike (mean pair score
    below ``MIN_COHESION``): one strong link between two long threads is
    not enough to make them one issue.
    """
    group = list(range(len(items)))
    members = {i: {i} for i in range(len(items))}
    meetings = {i: {items[i].meeting_id} for i in range(len(items))}
    links = sorted((-s, i, j) for (i, j), s in scores.items() if s >= LINK_THRESHOLD)
    for _, i, j in links:
        gi, gj = group[i], group[j]
        if gi == gj or meetings[gi] & meetings[gj]:
            continue
        if cohesion(members[gi], members[gj], scores) < MIN_COHESION:
            continue
        for k in members[gj]:
            group[k] = gi
        members[gi] |= members.pop(gj)
        meetings[gi] |= meetings.pop(gj)
    return sorted((sorted(m) for m in members.values() if len(m) > 1), key=lambda m: m[0])


def find_threads(db) -> list[list[ItemFeatures]]:
    """Groups of items (oldest first) that follow one issue across meetings."""
    items = load_items(db)
    weights = Weights(items)
    return [[items[k] for k in group] for group in cluster(items, scored_pairs(items, weights))]


def thread_label(members: list[ItemFeatures]) -> str:
    """The thread's name: the title of its member whose issue terms the others share most."""

    def shared(m: ItemFeatures) -> int:
        return sum(len(m.title_terms & o.title_terms) for o in members if o is not m)

    best = max(members, key=lambda m: (shared(m), -members.index(m)))
    return best.title


def save_threads(db, groups: list[list[ItemFeatures]]) -> dict[str, int]:
    """Replace the stored threads with ``groups``; return item id → thread id."""
    db.execute("delete from thread_members")
    db.execute("delete from threads")
    thread_of: dict[str, int] = {}
    for thread_id, members in enumerate(groups, start=1):
        db["threads"].insert(
            {
                "id": thread_id,
                "label": thread_label(members),
                "first_date": members[0].date,
                "last_date": members[-1].date,
                "meetings": len({m.meeting_id for m in members}),
                "bodies": ", ".join(sorted({m.body for m in members if m.body})),
            }
        )
        db["thread_members"].insert_all(
            {"thread_id": thread_id, "item_id": m.id, "position": n, "date": m.date}
            for n, m in enumerate(members)
        )
        thread_of.update((m.id, thread_id) for m in members)
    return thread_of


def list_threads(db) -> list[dict]:
    """Stored threads, oldest first."""
    return list(db.query("select * from threads order by first_date, id"))


def thread_timeline(db, thread_id: int) -> list[dict]:
    """One thread's items in date order (the ``thread_timeline`` view)."""
    return list(db.query("select * from thread_timeline where thread_id = ? order by position", [thread_id]))
