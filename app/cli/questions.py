"""The commands that ask the graph a question, as the REST API does: ``impact``, ``differential``, ``search``,
``entity`` and ``paths``."""

from __future__ import annotations

import argparse
import sys

from ..render import render_differential, render_entity, render_impact, render_paths, render_search
from .common import EXIT_NOT_FOUND, load_kg, settings_of, usage_errors


@usage_errors
def cmd_impact(args: argparse.Namespace) -> int:
    kg = load_kg(settings_of(args))
    report = kg.impact([(name, args.grade) for name in args.structures], position=args.position)
    print(report.model_dump_json(indent=2) if args.json else render_impact(report))
    return 0


@usage_errors
def cmd_search(args: argparse.Namespace) -> int:
    """Ranked hits for a name, typos tolerated: the same answer as GET /v1/search."""
    kg = load_kg(settings_of(args))
    types = kg.resolve_classes(args.type, parameter="--type") if args.type else None
    results = kg.search_results(args.query, types=types, limit=args.limit, offset=args.offset)
    if args.json:
        print(results.model_dump_json(indent=2))
        return 0
    if not results.items:
        print(f"anklekg: nothing matches {args.query!r} ({results.total} hits in all)", file=sys.stderr)
        return EXIT_NOT_FOUND
    print(render_search(results))
    last = results.offset + len(results.items)
    if results.total is not None and last < results.total:
        print(f"anklekg: hits {results.offset + 1}-{last} of {results.total}; --offset {last} for more", file=sys.stderr)
    return 0


@usage_errors
def cmd_entity(args: argparse.Namespace) -> int:
    """Everything about one entity, each fact with its sources: the same answer as GET /v1/entities/{ref}."""
    kg = load_kg(settings_of(args))
    entity = kg.entity(args.ref)
    print(entity.model_dump_json(indent=2) if args.json else render_entity(entity))
    return 0


@usage_errors
def cmd_paths(args: argparse.Namespace) -> int:
    """The shortest connections between two entities: the same answer as GET /v1/paths."""
    kg = load_kg(settings_of(args))
    predicates = kg.resolve_predicates(args.predicate, parameter="--predicate") if args.predicate else None
    found = kg.paths(args.source, args.target, max_length=args.max_length, predicates=predicates, limit=args.limit)
    if args.json:
        print(found.model_dump_json(indent=2))
        return 0
    if not found.items:
        print(
            f"anklekg: no path of at most {args.max_length} steps joins {found.source.label} and {found.target.label}"
            " (--max-length for longer ones)",
            file=sys.stderr,
        )
        return EXIT_NOT_FOUND
    print(render_paths(found))
    return 0
@usage_errors
def cmd_differential(args: argparse.Namespace) -> int:
    kg = load_kg(settings_of(args))
    mechanism = None
    if args.mechanism:
        motion, _, position = args.mechanism.partition(" in ")
        mechanism = (motion.strip(), position.strip() or None)
    report = kg.differential(
        positive_tests=args.positive or (),
        negative_tests=args.negative or (),
        symptoms=args.symptom or (),
        numbness_areas=args.numb or (),
        weak_motions=args.weak or (),
        unstable_motions=args.unstable or (),
        strong_motions=args.strong or (),
        normal_sensation=args.normal_sensation or (),
        tender_sites=args.tender or (),
        mechanism=mechanism,
        limit=args.limit,
    )
    if args.json:
        print(report.model_dump_json(indent=2))
        return 0
    print(render_differential(report))
    return 0
