"""The admin's date fields write WAGTAIL_DATE_FORMAT (day first) and must read it back in every
language of the admin, read ISO dates as typed, and refuse the rest (the browser's side of this:
tests/browser/test_publishing.py)."""

import datetime

import pytest
from django import forms
from django.conf import settings
from django.utils import translation
from wagtail.admin.widgets import AdminDateInput


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize(
    ("typed", "date"),
    [("25/11/2026", datetime.date(2026, 11, 25)), ("05/11/2026", datetime.date(2026, 11, 5))],
)
def test_admin_date_field_reads_the_day_first_as_its_widget_writes_it(language, typed, date):
    field = forms.DateField(widget=AdminDateInput())
    with translation.override(language):
        assert field.widget.format == settings.WAGTAIL_DATE_FORMAT
        assert field.widget.format_value(date) == typed
        assert field.clean(typed) == date


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_admin_date_field_reads_an_iso_date_as_typed(language):
    field = forms.DateField(widget=AdminDateInput())
    with translation.override(language):
        assert field.clean("2027-01-01") == datetime.date(2027, 1, 1)


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("typed", ["31/02/2027", "next Tuesday", "2027-13-01"])
def test_admin_date_field_refuses_what_it_cannot_read(language, typed):
    field = forms.DateField(widget=AdminDateInput())
    with translation.override(language), pytest.raises(forms.ValidationError):
        field.clean(typed)
