"""The contact messages in the admin (Wagtail's form submissions)."""

from wagtail.contrib.forms.views import SubmissionsListView

from core.exports import SafeSpreadsheetExportMixin


class ContactSubmissionsView(SafeSpreadsheetExportMixin, SubmissionsListView):
    """Wagtail's listing and export of the messages; visitors wrote them, so the CSV export
    writes no formula."""
