"""app/api/encoder.py writes the very bytes pydantic's ``model_dump_json()`` writes, for every kind of answer the
service serialises through it, and hands what it does not generate to pydantic."""

from __future__ import annotations

import warnings
from enum import StrEnum
from typing import Any, Literal

import pytest
from pydantic import BaseModel, Field

from app.api.encoder import AnswerEncoder, dump_json
from app.knowledge.schema import INJURABLE_TYPES
from app.models import EntityEntry, EntityRef, Fact, RuleRef


def same_bytes(model: BaseModel, encoder: AnswerEncoder | None = None) -> None:
    expected = model.model_dump_json().encode()
    got = encoder.dumps(model) if encoder is not None else dump_json(model)
    assert got == expected, _first_difference(got, expected)


def _first_difference(got: bytes, expected: bytes) -> str:
    at = next((i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b), min(len(got), len(expected)))
    return f"differs at byte {at}: {got[at - 60 : at + 40]!r} against {expected[at - 60 : at + 40]!r}"


def test_every_injurable_structures_impact_is_the_bytes_pydantic_writes(kg: Any) -> None:
    """Each impact twice in a row and at two grades: the second dump comes from the memo of shared records, and
    would show a record changed after its text was kept."""
    injurable = [t.id for t in kg.kb.terms.values() if any(kg.kb.is_a(t.id, c) for c in INJURABLE_TYPES)]
    assert len(injurable) > 100
    for curie in injurable:
        for grade in (1, 3):
            same_bytes(kg.impact([(curie, grade)]))
        same_bytes(kg.impact([(curie, 3)]))


def test_other_answers_are_the_bytes_pydantic_writes(kg: Any) -> None:
    same_bytes(kg.impact(["ATFL", "CFL", "PTFL", "AITFL", "deltoid ligament"]))
    same_bytes(kg.impact(["ATFL"], position="plantarflexion"))
    for term in list(kg.kb.terms.values())[::7]:
        same_bytes(kg.entity(term.id))
    same_bytes(kg.entities(limit=500))
    same_bytes(kg.search_results("talofib", limit=100))
    same_bytes(kg.search_results("tibialis"))
    same_bytes(kg.neighbours("ATFL", depth=2))
    same_bytes(kg.paths("sural nerve", "ATFL", limit=20))
    same_bytes(kg.differential(positive_tests=["anterior drawer test"], symptoms=["pain"]))
    same_bytes(kg.criticality(limit=50))
    same_bytes(kg.quiz(seed=7))


class Colour(StrEnum):
    RED = "red"


class Leaf(BaseModel):
    x: float
    n: int = 0


class Node(BaseModel):
    """Every kind of field the generator handles, and some it leaves to pydantic."""

    name: str
    leaf: Leaf
    leaves: list[Leaf]
    ref: EntityRef | None = None
    refs: list[EntityRef] = Field(default_factory=list)
    either: dict[str, list[EntityRef] | str] = Field(default_factory=dict)
    colour: Colour = Colour.RED
    kind: Literal["a", "b"] = "a"
    flag: bool = False
    pair: tuple[int, str] = (1, "one")
    anything: Any = None
    child: Node | None = None


class Aliased(BaseModel):
    value: int = Field(serialization_alias="Value")


def test_values_the_generated_code_does_not_write_go_to_pydantic() -> None:
    """Floats in exponent form and not finite, an int in a float field, a subclass in a field declared as its base
    (written as the base), a tuple, Any, a recursive model, escapes and non-ASCII text, aliases."""
    node = Node(
        name='quote " backslash \\ tab \t control \x01 café ✓ \u2028',
        leaf=Leaf(x=1e-7, n=3),
        leaves=[Leaf(x=x) for x in (1.5, 1e16, 2.5e-9, float("inf"), float("nan"), 0.1 + 0.2)],
        ref=EntityRef(id="X:2", label="b", iri="j"),
        refs=[EntityRef(id="X:3", label="c", iri="k")],
        either={"joint": [EntityRef(id="X:4", label="d", iri="l")], "role": "primary"},
        kind="b",
        flag=True,
        pair=(2, "two"),
        anything={"k": [1, 2.5, None]},
        child=Node(name="child", leaf=Leaf(x=2), leaves=[]),
    )
    # assigned unvalidated: pydantic writes the declared EntityRef's fields only
    node.ref = EntityEntry(id="X:1", label="a", iri="i", types=[])
    node.leaves[0].x = 3  # type: ignore[assignment]  # an int in a float field, assigned unvalidated
    encoder = AnswerEncoder()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pydantic warns of the int in a float field; both sides do the same
        same_bytes(node, encoder)
        same_bytes(node, encoder)
    same_bytes(Aliased(value=1), encoder)


def test_a_shared_records_text_is_reused_and_the_memo_bounded() -> None:
    ref = EntityRef(id="X:1", label="a", iri="i")
    fact = Fact(subject=ref, predicate=ref, sources=[ref, ref])
    rule = RuleRef(id="rule:x", label="x")

    class Answer(BaseModel):
        because: list[Fact]
        rules: list[RuleRef]

    encoder = AnswerEncoder(memo_max=2, memo_chars=600)
    for _ in range(3):
        same_bytes(Answer(because=[fact, fact], rules=[rule]), encoder)
    for i in range(10):  # more distinct records than the memo keeps: it starts again, and the text stays right
        other = EntityRef(id=f"X:{i}", label=str(i), iri="i")
        same_bytes(Answer(because=[Fact(subject=other, predicate=ref)], rules=[]), encoder)
    # within the entries and characters allowed (a text longer than those alone is kept alone)
    assert all(len(memo) <= 2 and (memo.chars <= 600 or len(memo) == 1) for memo in encoder._memos.values())
    long = EntityRef(id="X:long", label="x" * 700, iri="i")
    same_bytes(Answer(because=[Fact(subject=long, predicate=ref)], rules=[]), encoder)


def test_threads_encoding_at_once_with_a_new_encoder_write_the_same_bytes(kg: Any) -> None:
    """Answers computed in the thread pool (paths) are encoded there: encoders built by several threads at once."""
    from concurrent.futures import ThreadPoolExecutor

    answers = [kg.impact([name]) for name in ("ATFL", "CFL", "deltoid ligament", "sural nerve")] * 4
    encoder = AnswerEncoder()
    with ThreadPoolExecutor(8) as pool:
        written = list(pool.map(encoder.dumps, answers))
    assert written == [a.model_dump_json().encode() for a in answers]


def test_a_served_answer_is_the_encoders_bytes(client: Any, kg: Any) -> None:
    """Through the service: the impact a client gets is byte for byte the model pydantic would have written."""
    got = client.get("/v1/impact", params={"injured": "ATFL", "explain": "full"})
    assert got.status_code == 200
    assert got.content == kg.impact(["ATFL"]).model_dump_json().encode()


@pytest.mark.parametrize("size", [0, 1])
def test_an_empty_model_and_lists(size: int) -> None:
    class Empty(BaseModel):
        pass

    class Lists(BaseModel):
        items: list[int]

    same_bytes(Empty())
    same_bytes(Lists(items=list(range(size))))
