"""The README and docs/ are tested like code: every `make` target and `manage.py` command they
show exists, and every link between them leads to a file and heading that exist."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

from bench import compare, run

BASE = Path(settings.BASE_DIR)
DOCUMENTS = [BASE / "README.md", *sorted((BASE / "docs").glob("*.md"))]
CODE = re.compile(r"```.*?```|`[^`\n]+`", re.DOTALL)
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def code_spans(document):
    return CODE.findall(document.read_text(encoding="utf-8"))


def make_targets():
    makefile = (BASE / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", makefile, re.MULTILINE))


def heading_anchors(document):
    """GitHub's anchors for the document's headings (outside code blocks)."""
    text = re.sub(r"```.*?```", "", document.read_text(encoding="utf-8"), flags=re.DOTALL)
    headings = re.findall(r"^#+ (.+)$", text, re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def local_links(document):
    for target in LINK.findall(document.read_text(encoding="utf-8")):
        if not re.match(r"[a-z]+:", target):
            yield target


def resolves(document, target):
    """Whether the file exists and, for a Markdown file, has the heading the anchor names."""
    path, _, anchor = target.partition("#")
    linked = (document.parent / path).resolve() if path else document
    if not linked.exists():
        return False
    return not anchor or linked.suffix != ".md" or anchor in heading_anchors(linked)


def test_the_documents_exist():
    names = {document.name for document in DOCUMENTS}

    assert {"operations.md", "performance.md", "architecture.md", "translation.md"} <= names
    assert {"comments.md", "development.md"} <= names


def test_the_readme_is_read_in_five_minutes():
    assert len((BASE / "README.md").read_text(encoding="utf-8").splitlines()) <= 200


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda document: document.name)
def test_every_make_target_shown_exists(document):
    shown = {
        target
        for span in code_spans(document)
        for target in re.findall(r"(?<!install )\bmake ([a-z][\w-]*)", span)
    }

    assert shown - make_targets() == set()


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda document: document.name)
def test_every_management_command_shown_exists(document):
    shown = {
        command
        for span in code_spans(document)
        for command in re.findall(r"manage\.py ([a-z_]+)", span)
    }

    assert shown - set(get_commands()) == set()


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda document: document.name)
def test_every_link_between_documents_resolves(document):
    broken = [target for target in local_links(document) if not resolves(document, target)]

    assert broken == []


def test_the_benchmark_figures_are_the_report_of_the_committed_run():
    """docs/performance.md shows the report `make bench` wrote of docs/benchmark.json, not
    figures typed by hand."""
    result = json.loads(run.REPORT.read_text())
    docs = run.DOCS.read_text()

    assert run.with_report(docs, run.report(result)) == docs
    assert run.REPORT_BEGINS in docs


def test_the_bakery_comparison_is_the_report_of_the_committed_run():
    """docs/performance.md shows the report `make compare` wrote of docs/bakery-comparison.json."""
    result = json.loads(compare.REPORT.read_text())
    docs = compare.DOCS.read_text()

    assert (
        run.with_report(docs, compare.report(result), compare.REPORT_BEGINS, compare.REPORT_ENDS)
        == docs
    )
    assert compare.REPORT_BEGINS in docs
