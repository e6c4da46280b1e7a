"""Spreadsheet exports of what visitors wrote (comments, contact messages): a cell that a
spreadsheet would run as a formula is written as text (OWASP, "CSV Injection")."""

# What makes a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised_formula(value):
    """The value, with a leading quote if a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return f"'{value}"
    return value


class SafeSpreadsheetExportMixin:
    """For a Wagtail view with SpreadsheetExportMixin. The XLSX export already stores every such
    cell as text (Wagtail's generate_xlsx_row); the CSV export is neutralised here."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralised_formula(value)
        return value
