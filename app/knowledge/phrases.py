"""How a relation of the graph reads as a clause of English, for every explanation the service writes (quiz
explanations, the terminal's "because" lines): a property's label is a name ("tendon of", "proximal attachment",
"lesion mechanism"), and "X tendon of Y" is not a sentence a clinician or a student would accept."""

from __future__ import annotations

from ..ontology.curies import compress
from ..vocab import AKG

#: "{s}" and "{o}" stand for the subject and the objects (joined), "{ob}" for objects that take no article (a
#: lesion mechanism, a symptom). A property not listed reads "{s} <label> {o}".
PHRASES: dict[str, str] = {
    compress(p): text
    for p, text in (
        (AKG.partOf, "{s} is part of {o}"),
        (AKG.hasPart, "{s} has {o} as a part"),
        (AKG.kindOf, "{s} is a kind of {o}"),
        (AKG.hasKind, "{o} is a kind of {s}"),
        (AKG.origin, "{s} arises from {o}"),
        (AKG.originOf, "{s} gives origin to {o}"),
        (AKG.insertion, "{s} inserts on {o}"),
        (AKG.insertionOf, "{s} receives the insertion of {o}"),
        (AKG.proximalAttachment, "{s} attaches proximally to {o}"),
        (AKG.proximalAttachmentOf, "{s} is the proximal attachment of {o}"),
        (AKG.distalAttachment, "{s} attaches distally to {o}"),
        (AKG.distalAttachmentOf, "{s} is the distal attachment of {o}"),
        (AKG.spansJoint, "{s} spans {o}"),
        (AKG.spannedBy, "{s} is spanned by {o}"),
        (AKG.hasJoint, "{s} forms {o}"),
        (AKG.tendonOf, "{s} is the tendon of {o}"),
        (AKG.hasTendon, "{o} is the tendon of {s}"),
        (AKG.innervatedBy, "{s} is supplied by {o}"),
        (AKG.suppliedBy, "{s} receives its blood from {o}"),
        (AKG.branchOf, "{s} is a branch of {o}"),
        (AKG.hasBranch, "{s} gives off {o}"),
        (AKG.leavesAbove, "{s} leaves its parent nerve above {o}"),
        (AKG.leavesBelow, "{s} leaves its parent nerve at or below {o}"),
        (AKG.traversedBy, "{s} is traversed by {o}"),
        (AKG.adjacentTo, "{s} lies beside {o}"),
        (AKG.sensoryTerritory, "{s} carries sensation from {o}"),
        (AKG.sensoryNerve, "sensation from {s} is carried by {o}"),
        (AKG.definingStructure, "{s} is defined by an injury of {o}"),
        (AKG.affectedBy, "{s} is affected by {o}"),
        (AKG.hasSymptom, "{s} presents with {ob}"),
        (AKG.symptomOf, "{ob_s} is a symptom of {o}"),
        (AKG.diagnosedBy, "{s} is diagnosed by {o}"),
        (AKG.mimics, "{s} may be mistaken for {o}"),
        (AKG.mimickedBy, "{o} may be mistaken for {s}"),
        (AKG.arisesFrom, "{s} arises from forced {ob}"),
        (AKG.frequency, "{s} is {ob}, in its source's word"),
        (AKG.mayCause, "forced {ob_s} may cause {o}"),
        (AKG.weaknessOf, "{ob_s} means {ob} is weak"),
        (AKG.examinesJoint, "{s} examines {o}"),
        (AKG.examinesMotion, "{s} examines {ob}"),
        (AKG.examinesStructure, "{s} examines {o}"),
        (AKG.detectsLesion, "{s} detects {ob}"),
        (AKG.lesion, "{s} causes {ob}"),
        (AKG.contains, "{s} contains {o}"),
    )
}


def join(words: list[str]) -> str:
    """Words as a list in prose: "a", "a and b", "a, b and c" (nothing for no words)."""
    if not words:
        return ""
    return words[0] if len(words) < 2 else ", ".join(words[:-1]) + " and " + words[-1]


def clause(subject: str, predicate: str, predicate_label: str, objects: list[str]) -> str:
    """A subject's label, a property (CURIE and label) and its objects' labels as one clause: "the tendon of
    tibialis posterior is the tendon of the tibialis posterior"."""
    phrase = PHRASES.get(predicate, "{s} " + predicate_label + " {o}")
    return phrase.format(
        s=f"the {subject}",
        ob_s=subject,
        o=join([f"the {o}" for o in objects]),
        ob=join(objects),
    )
