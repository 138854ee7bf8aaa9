"""Problem types: what each ``type`` URI of a problem means and how to fix the request, for people and programs.

Every problem's ``type`` is ``https://w3id.org/anklekg/problems/<slug>`` (meant to redirect here, as the entity IRIs
do); ``/problems/<slug>`` explains it, as HTML for a browser and as JSON otherwise, from the one registry
(app.api.problems.PROBLEM_TYPES).
"""

from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel, Field

from ...version import __version__
from ..caching import conditional_response
from ..problems import PROBLEM_BASE, PROBLEM_RESPONSES, PROBLEM_TYPES, ProblemError, ProblemType
from ..strict import closest, known_query_parameters

router = APIRouter(
    prefix="/problems",
    tags=["problems"],
    responses=PROBLEM_RESPONSES,
    dependencies=[Depends(known_query_parameters)],  # a misspelt parameter is refused, not ignored
)


class ProblemTypeOut(BaseModel):
    """One kind of problem: its ``type`` URI, the statuses it comes with, what it means and how to fix it."""

    type: str = Field(examples=[PROBLEM_BASE + "unknown-entity"])
    slug: str = Field(examples=["unknown-entity"])
    title: str = Field(examples=["Unknown entity"])
    statuses: list[int] = Field(examples=[[404]])
    meaning: str
    fix: str
    href: str = Field(examples=["/problems/unknown-entity"], description="This explanation on this service.")


class ProblemTypeList(BaseModel):
    """Every problem type the service (or the nginx of deploy/ in front of it) answers with."""

    items: list[ProblemTypeOut]
    total: int


def _out(kind: ProblemType) -> ProblemTypeOut:
    return ProblemTypeOut(
        type=PROBLEM_BASE + kind.slug, slug=kind.slug, title=kind.title, statuses=list(kind.statuses),
        meaning=kind.meaning, fix=kind.fix, href=f"/problems/{kind.slug}",
    )  # fmt: skip


def list_problem_types_model() -> ProblemTypeList:
    """Every registered problem type, as /problems answers in JSON."""
    kinds = [_out(k) for k in PROBLEM_TYPES.values()]
    return ProblemTypeList(items=kinds, total=len(kinds))


def problem_type_model(slug: str) -> ProblemTypeOut:
    """One registered problem type, as /problems/{slug} answers in JSON."""
    return _out(PROBLEM_TYPES[slug])


FormatQuery = Annotated[
    str | None, Query(description="json or html; overrides Accept.", examples=["html"], pattern="^(json|html)$")
]


def _wants_html(request: Request, format: str | None) -> bool:
    if format is not None:
        return format == "html"
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept


def _page(title: str, body: str) -> bytes:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} — AnkleKG</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font:15px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}}
dt{{font-weight:600}}code{{background:#f3f3f3;padding:0 .2em}}</style></head>
<body><p><a href="/problems">Problem types</a> · <a href="/docs">API</a></p>
{body}
<p><small>AnkleKG {escape(__version__)} · errors are RFC 9457 problem details (application/problem+json).</small></p>
</body></html>
""".encode()


def _answer(request: Request, format: str | None, model: BaseModel, html: bytes) -> Response:
    if _wants_html(request, format):
        return conditional_response(request, html, "text/html", headers={"Vary": "Accept"})
    body = model.model_dump_json().encode()
    return conditional_response(request, body, "application/json", headers={"Vary": "Accept"})


@router.get("", response_model=ProblemTypeList, responses={200: {"content": {"text/html": {}}}})
def list_problem_types(request: Request, format: FormatQuery = None) -> Response:
    """List every kind of problem an answer can carry, with what it means and how to fix the request."""
    listed = list_problem_types_model()
    kinds = listed.items
    rows = "".join(
        f'<tr><td><a href="{escape(k.href)}">{escape(k.slug)}</a></td><td>{", ".join(map(str, k.statuses))}</td>'
        f"<td>{escape(k.title)}</td></tr>"
        for k in kinds
    )
    html = _page("Problem types", "<h1>Problem types</h1><p>Every error of AnkleKG is an RFC 9457 problem whose "
                 f"<code>type</code> names one of these.</p><table><tr><th>type</th><th>status</th><th>title</th></tr>"
                 f"{rows}</table>")  # fmt: skip
    return _answer(request, format, listed, html)


@router.get("/{slug}", response_model=ProblemTypeOut, responses={200: {"content": {"text/html": {}}}})
def read_problem_type(
    request: Request,
    slug: Annotated[str, Path(max_length=60, examples=["unknown-entity"], description="The end of a problem's type.")],
    format: FormatQuery = None,
) -> Response:
    """Explain one kind of problem: what it means and how to fix the request."""
    kind = PROBLEM_TYPES.get(slug)
    if kind is None:
        meant = closest(slug, list(PROBLEM_TYPES))
        raise ProblemError(
            404, "http-404", "Not Found",
            f"No problem type is called {slug!r}.{f' Did you mean {meant!r}?' if meant else ''} /problems lists them.",
            parameter="slug", value=slug,
        )  # fmt: skip
    out = _out(kind)
    html = _page(kind.title, f"<h1>{escape(kind.title)}</h1><p><code>{escape(out.type)}</code></p><dl>"
                 f"<dt>Status</dt><dd>{', '.join(map(str, kind.statuses))}</dd>"
                 f"<dt>What it means</dt><dd>{escape(kind.meaning)}</dd>"
                 f"<dt>How to fix it</dt><dd>{escape(kind.fix)}</dd></dl>")  # fmt: skip
    return _answer(request, format, out, html)
