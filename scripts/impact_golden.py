"""A golden safety net for the reasoning engines: the JSON of every answer a speed-only change must leave alone.

Writes (``--write DIR``) or checks (``--check DIR``) the exact bytes pydantic writes (``model_dump_json``), which the
service's encoder (``app.api.encoder.dump_json``) must write too, of:

- ``kg.impact`` for every injurable structure and named condition x grades 1-3 x no position and every joint
  position the graph records;
- 2- and 3-structure combinations: the literature cases (tests/reasoning/literature_cases.py, with their grades and
  positions), every pair of ligaments that restrain a motion of the same joint, and the first triples of them;
- the differential for the literature differential cases (tests/reasoning/test_differential_cases.py), with the
  per-structure profiles computed by this code (never read from a snapshot built by other code).

DIR holds ``manifest.json`` (each question's sha256 and size) and ``answers.jsonl.gz`` (the answers themselves,
so that a difference can be shown). ``--check`` computes the questions in the reverse order (and interleaves a
second pass over a sample) so that an answer which depends on what was asked before shows up as a difference.
Exit status 0: byte-identical; 1: any difference (the first lines of each are printed).

Usage: ``python scripts/impact_golden.py --write /tmp/golden`` then, after a change,
``python scripts/impact_golden.py --check /tmp/golden``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.api.encoder import dump_json  # noqa: E402
from app.kg import AnkleKG  # noqa: E402
from app.knowledge.schema import CONDITION, INJURABLE_TYPES, JOINT_POSITION, LIGAMENT  # noqa: E402
from app.settings import Settings  # noqa: E402

#: how many triples of same-joint ligaments per joint (all pairs are kept)
TRIPLES_PER_JOINT = 12

Question = tuple[str, Callable[[], Any]]


def questions(kg: AnkleKG) -> Iterator[Question]:
    """Every question, each with a stable key."""
    from tests.reasoning.literature_cases import CASES as LIT_CASES
    from tests.reasoning.test_differential_cases import CASES as DIFF_CASES

    kb = kg.kb
    injurable = sorted(t.id for t in kb.terms.values() if any(kb.is_a(t.id, c) for c in INJURABLE_TYPES))
    positions = sorted(t.id for t in kb.terms.values() if kb.is_a(t.id, JOINT_POSITION))
    for curie in injurable:
        for grade in (1, 2, 3):
            for position in (None, *positions):
                yield f"impact {curie} g{grade} @{position}", partial(kg.impact, [(curie, grade)], position=position)
    for case in LIT_CASES:
        yield f"lit {case.id}", partial(kg.impact, list(case.injuries), position=case.position)
    by_joint: dict[str, set[str]] = {}
    for r in kb.restraints:
        if kb.is_a(r.structure, LIGAMENT) and not kb.is_a(r.structure, CONDITION):
            by_joint.setdefault(r.joint, set()).add(r.structure)
    for joint, ligaments in sorted(by_joint.items()):
        ordered = sorted(ligaments)
        for pair in itertools.combinations(ordered, 2):
            for grade in (2, 3):
                yield f"pair {joint} {' + '.join(pair)} g{grade}", partial(kg.impact, [(c, grade) for c in pair])
        for triple in itertools.islice(itertools.combinations(ordered, 3), TRIPLES_PER_JOINT):
            yield f"triple {joint} {' + '.join(triple)}", partial(kg.impact, [(c, 3) for c in triple])
    for diff in DIFF_CASES:
        yield f"differential {diff.id}", partial(
            kg.differential, positive_tests=diff.positive_tests, symptoms=diff.symptoms,
            numbness_areas=diff.numbness_areas, weak_motions=diff.weak_motions, unstable_motions=diff.unstable_motions,
            mechanism=diff.mechanism, limit=50, strong_motions=diff.strong_motions,
            normal_sensation=diff.normal_sensation,
        )  # fmt: skip


def answer(ask: Callable[[], Any]) -> bytes:
    """pydantic's bytes of the answer; the service's encoder (app/api/encoder.py) must write the same, or the answer
    is marked as differing."""
    try:
        result = ask()
    except Exception as error:  # an error is an answer too: it must stay the same
        return f"ERROR {type(error).__name__}: {error}".encode()
    body = bytes(result.model_dump_json().encode())
    encoded = dump_json(result)
    return body if encoded == body else b"ENCODER DIFFERS: " + encoded


def load() -> AnkleKG:
    kg = AnkleKG.load(Settings())
    kg.stored_profiles = None  # the differential's profiles from this code's engine, not a snapshot's
    return kg


def write(folder: Path) -> int:
    kg = load()
    folder.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, dict[str, Any]] = {}
    started = time.perf_counter()
    with gzip.open(folder / "answers.jsonl.gz", "wt", encoding="utf-8") as out:
        for key, ask in questions(kg):
            body = answer(ask)
            manifest[key] = {"sha256": hashlib.sha256(body).hexdigest(), "bytes": len(body)}
            out.write(json.dumps({"key": key, "body": body.decode()}) + "\n")
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=0, sort_keys=True))
    print(f"wrote {len(manifest)} answers to {folder} in {time.perf_counter() - started:.1f} s")
    return 0


def _first_difference(got: bytes, expected: bytes) -> str:
    at = next((i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b), min(len(got), len(expected)))
    return f"at byte {at}: {got[max(0, at - 80) : at + 80]!r}\n   expected {expected[max(0, at - 80) : at + 80]!r}"


def check(folder: Path) -> int:
    manifest: dict[str, dict[str, Any]] = json.loads((folder / "manifest.json").read_text())
    kg = load()
    asked = list(questions(kg))
    started = time.perf_counter()
    differ: list[str] = []
    got: dict[str, bytes] = {}
    # reversed, then a second pass over every 7th question after all the others: an answer that depends on what
    # was asked before (a memo filled by another question) differs from the one written in forward order
    for key, ask in [*reversed(asked), *asked[::7]]:
        body = answer(ask)
        if key in got and got[key] != body:
            differ.append(f"{key}: a second asking differs from the first")
        got[key] = body
        expected = manifest.get(key)
        if expected is None:
            differ.append(f"{key}: not in the golden set")
        elif hashlib.sha256(body).hexdigest() != expected["sha256"]:
            differ.append(key)
    missing = sorted(set(manifest) - set(got))
    elapsed = time.perf_counter() - started
    if not differ and not missing:
        print(f"byte-identical: {len(got)} answers ({len(asked) + len(asked[::7])} askings) in {elapsed:.1f} s")
        return 0
    keys = set(dict.fromkeys(d for d in differ if d in manifest))
    shown = 0
    if keys and (folder / "answers.jsonl.gz").is_file():
        with gzip.open(folder / "answers.jsonl.gz", "rt", encoding="utf-8") as stored:
            for line in stored:
                row = json.loads(line)
                if row["key"] in keys and shown < 5:
                    print(f"DIFFERS {row['key']} {_first_difference(got[row['key']], row['body'].encode())}")
                    shown += 1
    print(f"{len(set(differ))} of {len(got)} answers differ; {len(missing)} golden questions not asked")
    for line in sorted(set(differ))[:40]:
        print(f"  {line}")
    for key in missing[:10]:
        print(f"  missing: {key}")
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="DIR", help="write the golden answers of this code to DIR")
    mode.add_argument("--check", type=Path, metavar="DIR", help="check this code's answers against DIR")
    args = parser.parse_args()
    return write(args.write) if args.write else check(args.check)


if __name__ == "__main__":
    sys.exit(main())
