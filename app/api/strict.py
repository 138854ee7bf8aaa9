"""Strict requests: a field or query parameter the API does not know is refused, with the closest known name.

A misspelt option that is silently ignored gives a confident wrong answer (``"positon": "plantarflexion"`` once
answered for every position), so request bodies refuse unknown fields and the JSON endpoints refuse unknown query
parameters, each with a 422 problem naming it and suggesting the name meant.

Query parameters whose name starts with ``_`` are let through: browsers' and libraries' cache-busters (jQuery's
``_=1700000000``) use them and they cannot be a misspelt option of ours. ``format=json`` is let through too on the
JSON endpoints, which answer nothing else: clients that add it everywhere get what they asked for.
"""

from __future__ import annotations

import difflib
import re
from typing import Annotated, Any, get_args, get_origin

from fastapi import Request
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, model_validator
from pydantic_core import PydanticCustomError

from .problems import UNKNOWN_FIELD, ProblemError

__all__ = ["StrictBody", "closest", "known_query_parameters"]


def closest(name: str, known: list[str]) -> str | None:
    """The known name ``name`` most likely misspells, if any is close (difflib's ratio of 0.6 or more)."""
    found = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return found[0] if found else None


class StrictBody(BaseModel):
    """A request body that refuses fields it does not declare (pydantic's ``extra="forbid"``, with a message that
    suggests the field meant and lists the known ones)."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _no_unknown_fields(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        known = list(cls.model_fields)
        unknown = [str(k) for k in data if k not in cls.model_fields]
        if unknown:
            name = unknown[0]
            meant = closest(name, known)
            hint = f"did you mean {meant!r}? " if meant else ""
            raise PydanticCustomError(
                UNKNOWN_FIELD,
                "unknown field '{field}'; {hint}known fields: {known}",
                {"field": name, "suggestion": meant, "hint": hint, "known": ", ".join(known)},
            )
        return data


#: how an integer is written in a query: digits (pydantic's lax mode would also take "1.0" and "1e1" for a number)
_DIGITS = re.compile(r"[+-]?[0-9]+")


def _is_int(annotation: Any) -> bool:
    """The annotation is int, or holds one (int | None, list[int], Annotated[int, ...])."""
    if annotation is int:
        return True
    if get_origin(annotation) is Annotated:
        return _is_int(get_args(annotation)[0])
    return any(_is_int(arg) for arg in get_args(annotation))


#: per route (by identity: a route is not hashable, and lives as long as the app): its integer query parameters
_INTEGERS: dict[int, tuple[APIRoute, frozenset[str]]] = {}


def _integer_parameters(route: APIRoute) -> frozenset[str]:
    kept = _INTEGERS.get(id(route))
    if kept is None or kept[0] is not route:
        names = frozenset(p.alias for p in route.dependant.query_params if _is_int(p.field_info.annotation))
        kept = _INTEGERS[id(route)] = (route, names)
    return kept[1]


async def known_query_parameters(request: Request) -> None:
    """Refuse a query parameter the route does not declare (a router dependency of the JSON endpoints), and an
    integer one not written in digits (Schemathesis found ``offset=0.0`` answered as 0: the schema says integer)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    for name in _integer_parameters(route):
        for value in request.query_params.getlist(name):
            if not _DIGITS.fullmatch(value):
                raise ProblemError(
                    422, "invalid-request", "Invalid request",
                    f"Query parameter {name!r} must be a whole number written in digits (such as 20); got "
                    f"{value[:40]!r}.",
                    parameter=name, value=value[:40],
                    errors=[{"in": "query", "parameter": name, "value": value[:40],
                             "message": "a whole number, in digits only"}],
                )  # fmt: skip
    declared = [p.alias for p in route.dependant.query_params]
    for name in request.query_params:
        if name in declared or name.startswith("_"):
            continue
        if name == "format" and request.query_params.getlist("format") in (["json"], ["application/json"]):
            continue
        meant = closest(name, declared)
        hint = f"Did you mean {meant!r}? " if meant else ""
        listed = ", ".join(declared) if declared else "none"
        raise ProblemError(
            422, "invalid-request", "Invalid request",
            f"Unknown query parameter {name!r}: it would be ignored, and the answer would not be the one asked "
            f"for. {hint}The parameters of {route.path} are: {listed}.",
            parameter=name, value=request.query_params.get(name),
            suggestions=[{"id": meant, "label": meant}] if meant else [],
            errors=[{"in": "query", "parameter": name, "value": request.query_params.get(name),
                     "message": f"unknown query parameter; {hint.lower()}known: {listed}"}],
        )  # fmt: skip
