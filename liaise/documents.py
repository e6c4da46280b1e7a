"""The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE): a document's content must be
what its extension says. Wagtail checks the extension only, so a web page renamed .pdf would be
published as a document of the site; files are recognised by their first bytes (filetype)."""

from codecs import BOM_UTF8

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

# Enough for filetype to recognise any type it knows.
HEAD_SIZE = 8192
# What a browser would render as a page or run: refused whatever the extension.
MARKUP_STARTS = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml")
# Office documents are ZIP files, which a ZIP file's signature alone may name.
ZIP_FAMILY = {"zip", "docx", "odt", "pptx", "xlsx"}


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data["file"]
        if file and "file" in self.changed_data:
            refuse_foreign_content(file)
        return file

    def add_error(self, field, error):
        """Wagtail's Document.clean() checks the extension even of a file already refused (for
        its size), and then says that the extension “” is not allowed: leave that out."""
        if field is None and self.has_error("file") and hasattr(error, "error_dict"):
            others = {name: errors for name, errors in error.error_dict.items() if name != "file"}
            if not others:
                return
            error = ValidationError(others)
        super().add_error(field, error)


def refuse_foreign_content(file):
    """Raise ValidationError unless the file's content is of the type its extension names. (An
    extension not allowed at all is Document.clean()'s to report.)"""
    extension = file.name.rpartition(".")[2].lower()
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        return
    file.seek(0)
    head = file.read(HEAD_SIZE)
    file.seek(0)
    if not content_matches(extension, head):
        raise ValidationError(
            _("The content of this file is not that of a .%(extension)s file."),
            code="foreign_content",
            params={"extension": extension},
        )


def content_matches(extension, head):
    """Markup never matches; a type filetype knows (PDF, office documents, RTF, ZIP) must be
    recognised as such; plain text (CSV, TXT) must not be recognised as anything else."""
    if head.removeprefix(BOM_UTF8).lstrip().lower().startswith(MARKUP_STARTS):
        return False
    found = filetype.guess_extension(head)
    if extension in ZIP_FAMILY:
        return found in ZIP_FAMILY
    if filetype.get_type(ext=extension) is not None:
        return found == extension
    return found is None
