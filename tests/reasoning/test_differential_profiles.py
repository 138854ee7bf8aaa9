"""The differential's profiles, sealed: their predictions held as sorted numbers over one shared table answer every
lookup as the dicts they were built in did, and survive a snapshot's pickle."""

from __future__ import annotations

import pickle

import pytest

from app.kg import AnkleKG
from app.reasoning.differential import FindingKind, Profile
from app.reasoning.differential.store import Predictions, seal


def test_sealed_predictions_answer_as_the_dicts_they_were_built_in(kg: AnkleKG) -> None:
    built = [p for lesions in kg.differential_engine.profiles.values() for p in lesions]
    assert len(built) > 100 and all(isinstance(p.predictions, Predictions) for p in built)
    dicts = [dict(p.predictions) for p in built]
    copies = [
        Profile(predictions=dict(d), condition=p.condition, lesion=p.lesion) for p, d in zip(built, dicts, strict=True)
    ]
    seal(copies)
    every_key = {key for d in dicts for key in d}
    for profile, original in zip(copies, dicts, strict=True):
        assert isinstance(profile.predictions, Predictions)
        assert len(profile.predictions) == len(original) and dict(profile.predictions) == original
        for key in every_key:  # predicted here, or by another profile only (in the table, not in this array)
            assert (key in profile.predictions) == (key in original)
            assert profile.predictions.get(key) == original.get(key)
        assert (FindingKind.SYMPTOM, "ANKLE:no-such-finding") not in profile.predictions
        with pytest.raises(KeyError):
            profile.predictions[(FindingKind.SYMPTOM, "ANKLE:no-such-finding")]


def test_a_sealed_profile_takes_no_more_predictions_and_pickles_with_its_table_once(kg: AnkleKG) -> None:
    profiles = kg.differential_engine.profiles
    lesions = next(lesions for lesions in profiles.values() if len(lesions) > 1 and lesions[0].predictions)
    with pytest.raises(TypeError, match="sealed"):
        lesions[0].add(FindingKind.SYMPTOM, "ANKLE:no-such-finding", ())
    read = pickle.loads(pickle.dumps(profiles, protocol=pickle.HIGHEST_PROTOCOL))
    assert read.keys() == profiles.keys() and read.facts == profiles.facts
    for structure, kept in profiles.items():
        assert [dict(p.predictions) for p in read[structure]] == [dict(p.predictions) for p in kept]
    tables = {id(p.predictions._table) for lesions in read.values() for p in lesions}
    assert len(tables) == 1
