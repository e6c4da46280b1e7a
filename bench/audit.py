"""Lighthouse on every public page type, in English and French, against the production server
(`make audit`; docs/performance.md, "Audit"). Not part of `make test`: it takes several minutes.

Runs in the environment of `make serve` (production settings, SQLite unless DATABASE_URL is
set; the Makefile applies the migrations): loads the demo content when the database has no
home page, starts gunicorn on 127.0.0.1:PORT, runs Lighthouse (npm, with Debian's Chromium)
on each page, stops gunicorn and prints the four scores per page. The reports (JSON and HTML)
go to test-artifacts/lighthouse/.

Options: --port N (default 8001), --lighthouse PATH.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import django
from django.core.management import call_command
from django.db import connections

from bench.load import gunicorn

BASE_DIR = Path(__file__).resolve().parent.parent
REPORTS = BASE_DIR / "test-artifacts" / "lighthouse"
LANGUAGES = ("en", "fr")
CATEGORIES = {
    "performance": "perf",
    "accessibility": "a11y",
    "best-practices": "best",
    "seo": "SEO",
}
CHROMIUM = "/usr/bin/chromium"
ATTEMPTS = 3
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"


def audited_pages():
    """(label, path) of each page type in each language, the demo content loaded if missing."""
    from demo.page_types import public_pages
    from home.models import HomePage

    if not HomePage.objects.live().exists():
        call_command("load_demo_content", verbosity=0)
    pages = [
        (f"{language} {name}", path)
        for language in LANGUAGES
        for name, path in public_pages(language)
    ]
    connections.close_all()  # gunicorn's processes use the database from here on
    return pages


def lighthouse(executable, url, report_stem):
    """Lighthouse's result (its JSON "lhr") for one page, None if it failed ATTEMPTS times
    (headless Chromium sometimes loses the trace of a load: NO_NAVSTART); reports kept."""
    command = [
        str(executable),
        url,
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output=html",
        f"--output-path={report_stem}",
    ]
    for _attempt in range(ATTEMPTS):
        finished = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM})
        if finished.returncode == 0:
            return json.loads(report_stem.with_suffix(".report.json").read_text(encoding="utf-8"))
    return None


def scores(result):
    """The four category scores out of 100 ("-" for a category Lighthouse could not score)."""
    if result is None:
        return ["failed"] * len(CATEGORIES)
    values = []
    for category in CATEGORIES:
        score = result["categories"][category]["score"]
        values.append("-" if score is None else str(round(score * 100)))
    return values


def table(rows):
    """Rows of cells as aligned columns under a header."""
    header = ["page", "path", *CATEGORIES.values()]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells):
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))

    return "\n".join([line(header), line(["-" * width for width in widths]), *map(line, rows)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument(
        "--lighthouse",
        type=Path,
        default=BASE_DIR / ".audit" / "node_modules" / ".bin" / "lighthouse",
    )
    options = parser.parse_args()
    django.setup()
    pages = audited_pages()
    REPORTS.mkdir(parents=True, exist_ok=True)
    rows = []
    with gunicorn(dict(os.environ), options.port, REPORTS / "gunicorn.log") as base_url:
        for label, path in pages:
            print(f"Lighthouse: {label} ({path})", file=sys.stderr, flush=True)
            stem = REPORTS / label.replace(" ", "-")
            result = lighthouse(options.lighthouse, base_url + path, stem)
            rows.append([label, path, *scores(result)])
    print(table(rows))
    print(f"Reports: {REPORTS.relative_to(BASE_DIR)}/")


if __name__ == "__main__":
    main()
