"""Answers as tables for notebooks: compact HTML in Jupyter (``_repr_html_``) and pandas DataFrames on request.

An answer (an impact report, an entity, a differential) says what its rows are (:meth:`Tabular.as_table`); this
module draws them, once for every kind of answer. The HTML is well-formed XHTML with every value escaped (names and
sources come from the data), and always ends with the educational notice. pandas is optional: it is imported only
by :meth:`Tabular.to_frame`, and its absence is an ImportError that names the extra to install.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas

__all__ = ["Cell", "Table", "Tabular"]

#: What a cell holds: plain values, so that a DataFrame gets real numbers and missing values.
Cell = str | int | float | bool | None

#: Rows shown per group in the HTML (the DataFrame has them all): a notebook cell stays readable.
HTML_ROWS = 12
NOTEBOOK_EXTRA = "pip install 'anklekg[notebook]'"


@dataclass(frozen=True)
class Table:
    """Rows under named columns, in groups (an impact report's sections), with a title and the notice."""

    title: str
    columns: Sequence[str]
    rows: Sequence[Mapping[str, Cell]]
    notice: str
    #: the column whose value starts a new table in the HTML (e.g. ``section``); None: one table
    group_by: str | None = None
    #: a human caption per group value (``destabilised_motions`` -> "Destabilised joint motions")
    captions: Mapping[str, str] = field(default_factory=dict)
    #: lines shown under the title (an entity's definition)
    lead: Sequence[str] = ()

    def to_html(self, *, max_rows: int = HTML_ROWS) -> str:
        """Compact XHTML: one ``<table>`` per group, only the columns that group fills, the notice last."""
        parts = [f'<div class="anklekg-answer"><p><strong>{escape(self.title)}</strong></p>']
        parts += [f"<p>{escape(line)}</p>" for line in self.lead]
        groups: dict[Cell, list[Mapping[str, Cell]]] = {}
        for row in self.rows:
            groups.setdefault(row.get(self.group_by) if self.group_by else None, []).append(row)
        if not groups:
            parts.append("<p><em>Nothing to show.</em></p>")
        for key, rows in groups.items():
            shown = [c for c in self.columns if c != self.group_by and any(r.get(c) not in (None, "") for r in rows)]
            caption = self.captions.get(str(key), str(key)) if key is not None else None
            parts.append("<table>")
            if caption:
                parts.append(f"<caption>{escape(caption)} ({len(rows)})</caption>")
            parts.append("<thead><tr>" + "".join(f"<th>{escape(c)}</th>" for c in shown) + "</tr></thead><tbody>")
            for row in rows[:max_rows]:
                parts.append("<tr>" + "".join(f"<td>{_html_cell(row.get(c))}</td>" for c in shown) + "</tr>")
            if len(rows) > max_rows:
                more = f"… and {len(rows) - max_rows} more rows (.to_frame() has them all)"
                parts.append(f'<tr><td colspan="{max(1, len(shown))}"><em>{escape(more)}</em></td></tr>')
            parts.append("</tbody></table>")
        parts.append(f"<p><small>{escape(self.notice)}</small></p></div>")
        return "".join(parts)

    def to_frame(self) -> pandas.DataFrame:
        """A pandas DataFrame of every row (all columns, None where a row has no value); ``attrs`` keeps the title
        and the notice."""
        try:
            import pandas
        except ImportError as exc:  # pandas is an optional dependency
            raise ImportError(f"to_frame() needs pandas, which is optional: {NOTEBOOK_EXTRA}") from exc
        frame = pandas.DataFrame([[row.get(c) for c in self.columns] for row in self.rows], columns=list(self.columns))
        frame.attrs.update(title=self.title, notice=self.notice)
        return frame


def _html_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return escape(str(value))


class Tabular:
    """Mixed into an answer model: Jupyter shows it as tables, and ``to_frame()`` turns it into a DataFrame."""

    def as_table(self) -> Table:
        """The answer's rows; each answer model says what they are."""
        raise NotImplementedError

    def _repr_html_(self) -> str:
        """What Jupyter (and other notebooks) show for the answer."""
        return self.as_table().to_html()

    def to_frame(self) -> pandas.DataFrame:
        """The answer as a pandas DataFrame (needs pandas: ``pip install 'anklekg[notebook]'``)."""
        return self.as_table().to_frame()
