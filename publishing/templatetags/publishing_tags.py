"""Rendering the impact dashboard's tables: numbers as text, heatmap bands as classes, gaps in words."""

from dataclasses import dataclass

from django import template

from publishing.dashboard import Table, Value

register = template.Library()

# (lowest count, band name) from the top: the heatmap's shading, explained in words by its legend.
HEAT_BANDS = ((6, "many"), (3, "some"), (1, "few"), (0, "gap"))


@dataclass(frozen=True)
class Cell:
    text: str
    css_class: str = ""
    gap: bool = False


def heat_band(value: int) -> str:
    return next(name for lowest, name in HEAT_BANDS if value >= lowest)


def _text(value: Value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


@register.simple_tag
def dashboard_rows(table: Table) -> list[tuple[str, list[Cell]]]:
    """Each row's header and its cells. In a heatmap the inner cells are shaded by band and a zero
    is marked as a gap; the totals (last row and column) are not shaded."""
    rows = []
    last = len(table.rows) - 1
    for index, (header, *values) in enumerate(table.rows):
        cells = []
        for position, value in enumerate(values):
            inner = table.heatmap and index < last and position < len(values) - 1
            if inner:
                band = heat_band(int(value or 0))
                cells.append(
                    Cell(_text(value), f"publishing-heat publishing-heat--{band}", gap=band == "gap")
                )
            else:
                cells.append(Cell(_text(value), "publishing-total" if table.heatmap else ""))
        rows.append((_text(header), cells))
    return rows
