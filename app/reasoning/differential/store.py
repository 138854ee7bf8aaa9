"""How the differential's profiles are held: what each predicts, keyed by (kind, finding), and, once built, sealed into
numbers over one table all profiles share (at 100 copies of the graph the profiles were 75% of a warm server's
memory as dicts of pydantic facts). Building a profile is :mod:`.profiles`; ranking with them is :mod:`.engine`.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from .facts import FactKey
from .models import FindingKind

__all__ = ["Prediction", "PredictionKey", "PredictionTable", "Predictions", "Profile", "Profiles", "seal"]


class Prediction(NamedTuple):
    """One finding a profile predicts: its reasons, the numbers of their facts in the table of the :class:`Profiles`
    (the facts themselves are the knowledge base's, built when an answer cites them), and how strongly it is
    predicted: for a weak motion the share of its production lost, half for a symptom every lesion of its kind
    presents or a motion only less restrained (:data:`NON_SPECIFIC`, :data:`SECONDARY_ONLY`), else 1."""

    because: tuple[int, ...]
    strength: float


#: What a profile predicts is keyed by the kind of finding and the finding (a test, a symptom, a motion...)
PredictionKey = tuple[FindingKind, str]


class PredictionTable:
    """Every (kind, finding) key and every prediction of a set of profiles, each once, by number: what a sealed
    profile's :class:`Predictions` name. A prediction is kept as numbers too (its facts' numbers in one array, where
    each starts in another, its strength in a third) and built when asked for: at 100 copies of the graph the
    151,187 predictions as tuples were ~22 MiB, as arrays ~4. Pickled as its arrays; the keys' numbers are indexed
    again when read."""

    __slots__ = ("_because", "_starts", "_strengths", "keys", "numbers")

    def __init__(
        self, keys: tuple[PredictionKey, ...], starts: array[int], because: array[int], strengths: array[float]
    ) -> None:
        self.keys = keys
        self.numbers = {key: number for number, key in enumerate(keys)}
        self._starts = starts
        self._because = because
        self._strengths = strengths

    @classmethod
    def of(cls, keys: Iterable[PredictionKey], predictions: Iterable[Prediction]) -> PredictionTable:
        starts, because, strengths = array("I", [0]), array("I"), array("d")
        for prediction in predictions:
            because.extend(prediction.because)
            starts.append(len(because))
            strengths.append(prediction.strength)
        return cls(tuple(keys), starts, because, strengths)

    def prediction(self, number: int) -> Prediction:
        """The prediction numbered ``number``."""
        start, end = self._starts[number], self._starts[number + 1]
        return Prediction(tuple(self._because[start:end]), self._strengths[number])

    def __reduce__(self) -> tuple[type[PredictionTable], tuple[object, ...]]:
        return PredictionTable, (self.keys, self._starts, self._because, self._strengths)


class Predictions(Mapping[PredictionKey, Prediction]):
    """A sealed profile's predictions: one 64-bit number per prediction (its key's number in the table, then the
    prediction's), sorted, in one array; a lookup is a bisection. At 100 copies of the graph a profile predicts every
    copy's symptoms (a lesion presentation is keyed by a class they share): a dict per profile, ~40 bytes an entry,
    was most of the profiles' memory; this is 8."""

    __slots__ = ("_entries", "_table")

    def __init__(self, table: PredictionTable, entries: array[int]) -> None:
        self._table = table
        self._entries = entries

    def _find(self, key: object) -> int:
        """The number of the prediction of ``key`` in the table, or -1."""
        number = self._table.numbers.get(key)  # type: ignore[call-overload]  # any object may be asked for
        if number is None:
            return -1
        entries = self._entries
        at = bisect_left(entries, number << 32)
        if at < len(entries) and entries[at] >> 32 == number:
            return int(entries[at] & 0xFFFFFFFF)
        return -1

    def __getitem__(self, key: PredictionKey) -> Prediction:
        found = self._find(key)
        if found < 0:
            raise KeyError(key)
        return self._table.prediction(found)

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def get(self, key: PredictionKey, default: Prediction | None = None) -> Prediction | None:  # type: ignore[override]
        found = self._find(key)
        return default if found < 0 else self._table.prediction(found)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[PredictionKey]:
        keys = self._table.keys
        return (keys[entry >> 32] for entry in self._entries)

    def __reduce__(self) -> tuple[type[Predictions], tuple[PredictionTable, array[int]]]:
        return Predictions, (self._table, self._entries)


@dataclass(slots=True)
class Profile:
    """What injuring one structure predicts, each prediction with its reasons and strength: a dict while it is built,
    then sealed (:func:`seal`) into :class:`Predictions` that share one table of keys and predictions."""

    predictions: Mapping[PredictionKey, Prediction] = field(default_factory=dict)
    #: the condition whose lesion of the structure this profile describes (None: the structure injured on its own)
    condition: str | None = None
    #: the lesion mechanism the structure has in this profile (akg:LossOfContinuity, akg:Compression, ...)
    lesion: str | None = None
    #: the grade of the lesion this profile describes (2: a partial tear, read beside the complete one)
    grade: int = 3
    #: tests the condition expects positive through its other structures (a grade III sprain read through the CFL: the
    #: anterior drawer, the ATFL's): not this structure's to explain, but a negative one counts against the reading
    #: (None for most profiles: no dict each, at 100 copies of the graph)
    claims: dict[str, tuple[int, ...]] | None = None

    def add(self, kind: FindingKind, entity: str, because: tuple[int, ...], strength: float = 1.0) -> None:
        """``because``: the numbers of the reasons (:meth:`FactIndex.number`), after any the prediction has; the
        strongest strength given."""
        predictions = self.predictions
        if not isinstance(predictions, dict):
            raise TypeError("a sealed profile takes no more predictions")
        known = predictions.get((kind, entity))
        if known is not None:
            because, strength = known.because + because, max(known.strength, strength)
        predictions[(kind, entity)] = Prediction(because, strength)

    def strength(self, kind: FindingKind, entity: str) -> float:
        """How strongly the finding is predicted (1 if it is not)."""
        known = self.predictions.get((kind, entity))
        return 1.0 if known is None else known.strength


def seal(profiles: Iterable[Profile]) -> None:
    """Replace each profile's dict by :class:`Predictions` over one table (keys and predictions numbered in the order
    they first appear, equal ones once); equal profiles' arrays are one object, in memory and in a pickle."""
    keys: dict[PredictionKey, int] = {}
    values: dict[Prediction, int] = {}
    arrays: dict[bytes, array[int]] = {}
    sealed: list[tuple[Profile, array[int]]] = []
    for profile in profiles:
        numbers = sorted(
            keys.setdefault(key, len(keys)) << 32 | values.setdefault(p, len(values))
            for key, p in profile.predictions.items()
        )
        entries = array("Q", numbers)
        sealed.append((profile, arrays.setdefault(entries.tobytes(), entries)))
    table = PredictionTable.of(keys, values)
    for profile, entries in sealed:
        profile.predictions = Predictions(table, entries)


class Profiles(dict[str, list[Profile]]):
    """Per candidate structure, one profile per lesion it may have (see :func:`build_profiles`), and ``facts``: the
    key of every fact a prediction names, by its number. A profile holds numbers, not the facts: at 100 copies of
    the graph the pydantic facts and the lists of them were most of the profiles' memory, and the knowledge base
    builds (and caches) the same facts from its records when an answer cites them."""

    facts: tuple[FactKey, ...] = ()
