"""Single-injury impact answers made when the snapshot is built (``anklekg build``), served like cached ones.

A computed impact answer costs milliseconds of CPU, nearly all of it the reasoning (docs/performance.md, eighth
pass), and the service's most common question names one injured structure: 238 structures x 3 grades x no position
or one of the 3 joint positions the graph records, 2,856 questions in all. Every answer is a deterministic function
of the graph and of the answer cache's key (the resolved injuries, the position and ``explain``: app/api/answer_cache.py
relies on it already), so ``anklekg build`` computes each once, in the bytes the route would send, and keeps them
gzipped in the snapshot (app/snapshot.py, :class:`~app.snapshot.StoredAnswers`). On an answer-cache miss the route
reads the answer from there instead of computing it, and keeps it in the bounded answer cache as it would a
computed one: the same body, ETag and gzipped bytes.

Kept: ``explain=full`` (the default) and ``explain=rules`` (what the explorer asks first). ``explain=none``,
several injuries, and any question a snapshot lacks (none at all, one built with ``--no-impact-answers``, or one
whose file cannot be read) are computed as before. The Python API (``kg.impact``) always computes.
"""

from __future__ import annotations

import gzip
from collections.abc import Collection, Hashable, Iterator, Sequence
from typing import Literal

from ..errors import AnkleKGError
from ..kg import AnkleKG
from ..knowledge.base import KnowledgeBase
from ..knowledge.schema import CONDITION, INJURABLE_TYPES, JOINT_POSITION
from ..reasoning.impact import SECTIONS, ImpactReport
from .answer_cache import GZIP_LEVEL
from .caching import release_etag
from .encoder import dump_json

__all__ = [
    "STORED_EXPLAINS", "Explain", "compress", "impact_key", "single_injury_answers", "single_injury_questions",
    "stored_key", "trim",
]  # fmt: skip

Explain = Literal["full", "rules", "none"]
#: The renderings kept in the snapshot: the default, and the explorer's first request (app/web/static/explore.js)
STORED_EXPLAINS: tuple[Explain, ...] = ("full", "rules")


def impact_key(
    injuries: Sequence[tuple[str, int]], at: str | None, explain: Explain, names: Sequence[Hashable] = (),
    ungraded: Collection[str] = (),
) -> tuple[Hashable, ...]:
    """The answer cache's key of an impact question: the resolved injuries (each once, in a stable order), the
    resolved position and how much of the reasoning is returned; and, when there are any, the injuries named by a
    related name, whose answer says so (app.knowledge.resolver.NameMatch), and the conditions named without a grade,
    read at each (a grade-3 question's answer is not theirs)."""
    key: tuple[Hashable, ...] = ("impact", tuple(sorted(set(injuries))), at, explain)
    if names:
        key = (*key, ("names", tuple(sorted(set(names), key=repr))))
    return (*key, ("ungraded", tuple(sorted(ungraded)))) if ungraded else key


def stored_key(injury: tuple[str, int | None], at: str | None, explain: str) -> str:
    """The key of a single-injury answer in the snapshot's index (a string: ~6,300 of them stay in memory); a
    condition asked without a grade (None, read at each: rule ungraded-condition-intersects) has an empty grade."""
    grade = "" if injury[1] is None else injury[1]
    return f"{injury[0]}\t{grade}\t{at or ''}\t{explain}"


def trim(report: ImpactReport, explain: Explain) -> ImpactReport:
    """Drop the reasons a client did not ask for, in place (the items are built per request, so this is safe;
    ``rules`` then ``none`` may be applied to the same report in turn)."""
    if explain == "full":
        return report
    for name in (*SECTIONS, "injuries"):
        for item in getattr(report, name):
            item.because = []
            if explain == "none":
                item.rules = []
    return report


def compress(body: bytes) -> bytes:
    """A body gzipped as the answer cache gzips it (CachedAnswer.zipped): the same bytes."""
    return gzip.compress(body, GZIP_LEVEL, mtime=0)


def single_injury_questions(kb: KnowledgeBase) -> list[tuple[str, int | None, str | None]]:
    """Every single-injury question, resolved: (structure, grade, position) for each injurable structure x grade
    1-3 (and, for a condition, no grade: the explorer's first question) x no position and each joint position the
    graph records (what the route resolves names to)."""
    injurable = sorted(t.id for t in kb.terms.values() if any(kb.is_a(t.id, c) for c in INJURABLE_TYPES))
    positions = sorted(t.id for t in kb.terms.values() if kb.is_a(t.id, JOINT_POSITION))
    grades: dict[bool, tuple[int | None, ...]] = {False: (1, 2, 3), True: (1, 2, 3, None)}
    return [
        (curie, grade, at)
        for curie in injurable for grade in grades[kb.is_a(curie, CONDITION)] for at in (None, *positions)
    ]  # fmt: skip


def single_injury_answers(kg: AnkleKG) -> Iterator[tuple[str, str, bytes]]:
    """(key, ETag, body) of every single-injury impact answer the route would send, in :data:`STORED_EXPLAINS`. A
    question the engine refuses is left out (the route computes it, and refuses it, as before); any other error
    fails the build."""
    for curie, grade, at in single_injury_questions(kg.kb):
        try:
            report = kg.impact([(curie, grade)], position=at)
        except AnkleKGError:  # a refusal is the route's to give (as a problem document), not ours to keep
            continue
        for explain in STORED_EXPLAINS:  # in this order: each trims a little more of the same report
            body = dump_json(trim(report, explain))
            yield stored_key((curie, grade), at, explain), release_etag(body), body
