"""The performance benchmark (`make bench`; docs/performance.md).

1. Builds throwaway PostgreSQL databases (tests/postgres_cluster.py) at three sizes: the demo
   content (x1: 35 partners, 4 seminars, news topped up to 20, the measured news item with
   200 comments in each language), x10 and x100 (3,500 partners, 400 seminars, 2,000 news,
   20,000 comments), every page in English and French (bench/content.py).
2. For every public page type in both languages, measures in-process (the page cache off) the
   SQL queries of one request and the median and 95th percentile of 30 requests, in two
   rounds (sizes in order, then in reverse order: 60 requests in all).
3. Serves the x100 database with the production server (gunicorn, 2 workers, production
   settings) and measures requests per second and p50/p99 latency with wrk on 127.0.0.1 for
   every page type (English) and a static file, with the page cache off, then on (without and
   with Accept-Encoding: br; the static file measured before the first page and after every
   third: the median); then, cache on, soaks it: 4 visitors on every page type and 200
   pages of the sitemap while a news item is published every 20 s and a comment approved
   every 10 s (bench/churn.py), for the cache's hit ratio.
4. Builds the static archive (archive/build.py) of the sizes up to x10: time, pages, size.
5. Prints the figures, a summary per page type and a pass/fail per target, and writes it all
   as JSON to bench/results/; a full run (x1, x10, x100 with the load runs) also to
   docs/benchmark.json, committed, and its report into docs/performance.md.

Options: --requests N (timed requests per page), --seconds N (per load run), --factors 1,10,100,
--load-factor N (the size served to wrk), --soak-seconds N, --skip-load.
"""

import argparse
import datetime
import json
import os
import platform
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2

from bench import load
from bench.measure import summary
from tests.postgres_cluster import ThrowawayCluster, pick_free_port

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
# The last full run, committed, and the docs that show its report.
REPORT = ROOT / "docs" / "benchmark.json"
DOCS = ROOT / "docs" / "performance.md"
REPORT_BEGINS = "<!-- The report of docs/benchmark.json, written by make bench: -->"
REPORT_ENDS = "<!-- End of the report. -->"
FULL_RUN_FACTORS = [1, 10, 100]
PYTHON = sys.executable

# Queries of a detail page, of a listing (issue #29's targets).
MAX_DETAIL_QUERIES = 6
MAX_LISTING_QUERIES = 8
LISTINGS = {
    "home",
    "partner directory",
    "seminar index",
    "news index",
    "news feed",
    "search results",
    "sitemap index",
    "sitemap file",
}
# The static archive (archive/build.py): measured at the sizes up to this one; its time per
# page may grow no more than this from the smallest size to the largest.
MAX_ARCHIVE_FACTOR = 10
MAX_ARCHIVE_TIME_PER_PAGE_RATIO = 1.3
MAX_X1_ARCHIVE_SECONDS = 60
MAX_TIME_RATIO = 1.3
MIN_CACHED_SHARE_OF_STATIC = 0.8
# The static file that cached pages are compared with is measured again after so many pages.
STATIC_RUN_EVERY = 3
MIN_SOAK_HIT_RATIO = 0.95
# Pages of the sitemap the soak's visitors load, besides every page type measured.
SOAK_PAGES = 200
LOC = re.compile(r"<loc>([^<]+)</loc>")
# Pages whose first render after a change of content must not grow with the content either.
FIRST_RENDER_TARGETS = {"partner directory"}
# Never stored by the page cache: measured uncached only.
NEVER_CACHED = {"search results"}
# Accept-Encoding of the load runs: wrk's default (none) and a browser's Brotli, page cache on.
ENCODINGS = {"uncached": [""], "cached": ["", "br"]}
MIN_UNCACHED_HOME_RPS = 150
MAX_X100_BUILD_SECONDS = 180
# Variables of the production settings that the developer's shell must not bring in.
SWITCHES = (
    "AWS_STORAGE_BUCKET_NAME",
    "REDIS_URL",
    "SEARCH_URL",
    "DATABASE_URL",
    "DEBUG",
    "FRONTEND_CACHE_CLOUDFLARE_ZONEID",
    "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID",
    "FRONTEND_CACHE_HTTP_LOCATION",
)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--soak-seconds", type=int, default=60)
    parser.add_argument("--factors", default="1,10,100")
    parser.add_argument("--load-factor", type=int, default=100)
    parser.add_argument("--skip-load", action="store_true")
    return parser.parse_args()


class Bench:
    def __init__(self, cluster, workdir):
        self.cluster = cluster
        self.workdir = workdir
        self.secret_key = secrets.token_urlsafe(50)

    def environment(self, factor, **extra):
        env = {name: value for name, value in os.environ.items() if name not in SWITCHES}
        env.update(
            DJANGO_SETTINGS_MODULE="liaise.settings.production",
            SECRET_KEY=self.secret_key,
            ALLOWED_HOSTS="localhost,127.0.0.1,testserver",
            SECURE_SSL_REDIRECT="false",
            DATABASE_URL=self.database_url(factor),
            CONN_MAX_AGE="60",
            MEDIA_ROOT=str(self.workdir / "media"),
            STATIC_ROOT=str(self.workdir / "static"),
            # One per database: the cache holds ids and pages of that database.
            PAGE_CACHE_DIR=str(self.page_cache_dir(factor)),
            PAGE_CACHE="false",
            LOG_LEVEL="WARNING",
            PYTHONPATH=str(ROOT),
        )
        env.update(extra)
        return env

    def page_cache_dir(self, factor):
        return self.workdir / f"page-cache-x{factor}"

    def database_url(self, factor):
        return f"postgres://postgres@{self.cluster.host}:{self.cluster.port}/bench_x{factor}"

    def sql(self, statement, database="postgres"):
        connection = psycopg2.connect(
            host=self.cluster.host, port=self.cluster.port, user="postgres", dbname=database
        )
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(statement)
        finally:
            connection.close()

    def python(self, factor, *argv, **extra):
        result = subprocess.run(
            [PYTHON, *argv],
            cwd=ROOT,
            env=self.environment(factor, **extra),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def build(self, factors):
        """Each size as its own database: x1 from the demo content, the others copies of x1
        (CREATE DATABASE … TEMPLATE) grown in bulk."""
        builds = {}
        self.sql("CREATE DATABASE bench_x1")
        demo = self.last_json(self.python(1, "-m", "bench.build", "demo"))
        grown = self.last_json(self.python(1, "-m", "bench.build", "grow", "1"))
        self.sql("VACUUM ANALYZE", "bench_x1")
        builds[1] = {**grown, "demo_seconds": demo["seconds"]}
        print(f"x1: demo content {demo['seconds']:.0f} s, top-up {grown['seconds']:.1f} s")
        for factor in factors:
            if factor == 1:
                continue
            started = time.perf_counter()
            self.sql(f"CREATE DATABASE bench_x{factor} TEMPLATE bench_x1")
            grown = self.last_json(self.python(factor, "-m", "bench.build", "grow", str(factor)))
            self.sql("VACUUM ANALYZE", f"bench_x{factor}")
            total = time.perf_counter() - started
            builds[factor] = {**grown, "seconds": total, "grow_seconds": grown["seconds"]}
            print(f"x{factor}: copied and grown in {total:.0f} s ({grown['pages']})")
        return builds

    @staticmethod
    def last_json(output):
        return json.loads(output.strip().splitlines()[-1])

    def measure_in_two_rounds(self, factors, requests):
        """{size: rows} of bench.measure, each size measured twice: in order, then in reverse
        order, so that a machine getting busier or quieter during the run weighs on every size
        alike; each page's figures are those of both rounds' requests together."""
        order = [*factors, *reversed(factors)]
        rounds = [(factor, self.measure(factor, requests)) for factor in order]
        measurements = {}
        for factor, rows in rounds:
            if str(factor) not in measurements:
                measurements[str(factor)] = rows
                continue
            for row, more in zip(measurements[str(factor)], rows, strict=True):
                merge_timings(row, more)
                merge_timings(row["first_visit"], more["first_visit"])
        return measurements

    def measure(self, factor, requests):
        output = self.workdir / f"measure-x{factor}.json"
        self.python(factor, "-m", "bench.measure", str(output), str(requests))
        print(f"x{factor}: pages measured")
        return json.loads(output.read_text())

    def archive(self, factor):
        """Build the static archive of a size: its time, pages, files and size."""
        output = self.workdir / f"archive-x{factor}"
        started = time.perf_counter()
        self.python(
            factor,
            "manage.py",
            "build_archive",
            str(output),
            "--base-url",
            "https://archive.example.org",
            DJANGO_SETTINGS_MODULE="liaise.settings.dev",
            DEBUG="false",
        )
        seconds = time.perf_counter() - started
        files = [path for path in output.rglob("*") if path.is_file()]
        archive = {
            "seconds": seconds,
            "pages": sum(path.name == "index.html" for path in files),
            "files": len(files),
            "megabytes": sum(path.stat().st_size for path in files) / 1e6,
        }
        shutil.rmtree(output)
        print(f"x{factor}: archive of {archive['pages']} pages in {seconds:.1f} s")
        return archive

    def collectstatic(self, factor):
        self.python(factor, "manage.py", "collectstatic", "--noinput", "--verbosity", "0")
        manifest = json.loads((self.workdir / "static" / "staticfiles.json").read_text())
        return "/static/" + manifest["paths"]["css/liaise.css"]

    def load_runs(self, factor, pages, static_url, seconds, soak_seconds):
        """wrk on each page type (`pages`: {name: path}) and a static file, page cache off
        then on (on: without and with Accept-Encoding: br); then, cache on, the soak."""
        runs, soak = [], None
        for mode, page_cache in (("uncached", "false"), ("cached", "true")):
            shutil.rmtree(self.page_cache_dir(factor), ignore_errors=True)
            port = pick_free_port("127.0.0.1")
            environment = self.environment(factor, PAGE_CACHE=page_cache)
            with load.gunicorn(environment, port, self.workdir / "gunicorn.log") as base:
                runs_of_mode = (
                    with_static_runs(pages, static_url)
                    if mode == "cached"
                    else [*pages.items(), ("static", static_url)]
                )
                for name, path in runs_of_mode:
                    if mode == "cached" and name in NEVER_CACHED:
                        continue
                    for encoding in ENCODINGS[mode]:
                        runs.append(self.load_run(base, mode, name, path, encoding, seconds))
                if mode == "cached" and soak_seconds:
                    soak = self.soak(factor, base, pages, soak_seconds)
        return runs, soak

    @staticmethod
    def load_run(base, mode, name, path, encoding, seconds):
        url = base + path
        headers = [f"Accept-Encoding: {encoding}"] if encoding else []
        for _ in range(20):  # warm-up: renditions, connections, the cache
            status, response_headers = load.fetch(url, encoding)
        figures = load.run_wrk(url, seconds, headers)
        print(f"{mode} {name} {encoding or 'identity'}: {figures['requests_per_second']:.0f} req/s")
        return {
            "mode": mode,
            "target": name,
            "encoding": encoding,
            "url": path,
            "status": status,
            "x_page_cache": response_headers.get("X-Page-Cache", ""),
            "cache_control": response_headers.get("Cache-Control", ""),
            "content_encoding": response_headers.get("Content-Encoding", ""),
            **figures,
        }

    def soak(self, factor, base, pages, seconds):
        """Visitors on SOAK_PAGES pages of the sitemap and every page type while an editor
        publishes a news item every 20 s and a moderator approves a comment every 10 s
        (bench/churn.py): the page cache's hit ratio."""
        paths = [*pages.values(), *sample_of_the_sitemap(base, SOAK_PAGES)]
        paths = [path for path in paths if path not in {pages.get(n) for n in NEVER_CACHED}]
        for path in paths:  # warm-up: each page in the cache, as after a while in production
            load.fetch(base + path)
        churn = subprocess.Popen(
            [PYTHON, "-m", "bench.churn", str(seconds)],
            env=self.environment(factor, PAGE_CACHE="true"),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        figures = load.soak(base, paths, seconds)
        changes = json.loads(churn.communicate(timeout=120)[0].strip().splitlines()[-1])
        states = figures["page_cache"]
        stored = states.get("hit", 0) + states.get("miss", 0)
        figures.update(changes, pages=len(paths), seconds=seconds)
        figures["hit_ratio"] = states.get("hit", 0) / stored if stored else 0.0
        print(f"soak: {figures['hit_ratio']:.1%} hits of {figures['requests']} requests")
        return figures


def with_static_runs(pages, static_url):
    """[(name, path)] of the cached load runs: the pages, with the static file before the first
    and after every STATIC_RUN_EVERY of them, so that a machine getting busier or quieter during
    the runs weighs on both sides of the comparison alike (requests_per_second: the median)."""
    runs = [("static", static_url)]
    for number, page in enumerate(pages.items(), start=1):
        runs.append(page)
        if number % STATIC_RUN_EVERY == 0 or number == len(pages):
            runs.append(("static", static_url))
    return runs


def sample_of_the_sitemap(base, count):
    """The paths of `count` pages drawn from the sitemap (the same ones at each run)."""
    index = load.fetch_text(base + "/sitemap.xml")
    paths = []
    for file_url in LOC.findall(index):
        paths += [
            urlsplit(url).path for url in LOC.findall(load.fetch_text(file_address(base, file_url)))
        ]
    return random.Random(29).sample(sorted(set(paths)), min(count, len(set(paths))))


def file_address(base, url):
    """A sitemap file's address on the benchmark's server (the sitemap names SITE_URL)."""
    parts = urlsplit(url)
    return f"{base}{parts.path}?{parts.query}" if parts.query else base + parts.path


def merge_timings(figures, more):
    """Add the timings of another round to a page's figures, and recompute them."""
    figures.update(summary(figures["timings_ms"] + more["timings_ms"]))


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kib = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kib / 1024 / 1024),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def load_average():
    """Other work on the machine skews every figure: its load average (1, 5, 15 minutes)."""
    return [round(load, 2) for load in os.getloadavg()]


# -- Targets and report ------------------------------------------------------------------------


def by_page(measurements):
    """{(page, language): {size: row}} of the measurements {size: rows} (sizes as text keys,
    as in the JSON)."""
    pages = {}
    for factor, rows in measurements.items():
        for row in rows:
            pages.setdefault((row["page"], row["language"]), {})[int(factor)] = row
    return pages


def evaluate(builds, measurements, runs, factors, archives=None, soak=None):
    """Each target with its figures and pass/fail."""
    targets = archive_targets(archives or {})
    smallest, largest = min(factors), max(factors)
    for (page, language), sizes in by_page(measurements).items():
        queries = [sizes[f]["queries"] for f in factors]
        grown = {sizes[f]["queries"] for f in factors if f > 1} or set(queries)
        ratio = sizes[largest]["median_ms"] / sizes[smallest]["median_ms"]
        most = MAX_LISTING_QUERIES if page in LISTINGS else MAX_DETAIL_QUERIES
        targets.append(
            {
                "target": f"queries ≤ {most}, the same at every grown size: {page} {language}",
                "value": "/".join(map(str, queries)),
                "pass": max(queries) <= most and len(grown) == 1,
            }
        )
        targets.append(
            {
                "target": f"median x{largest} ≤ {MAX_TIME_RATIO}× x{smallest}: {page} {language}",
                "value": f"{ratio:.2f}",
                "pass": ratio <= MAX_TIME_RATIO,
            }
        )
    if 100 in builds:
        targets.append(
            {
                "target": f"x100 built in < {MAX_X100_BUILD_SECONDS} s",
                "value": f"{builds[100]['seconds']:.0f} s",
                "pass": builds[100]["seconds"] < MAX_X100_BUILD_SECONDS,
            }
        )
    if runs:
        targets += load_targets(runs)
    if soak:
        targets.append(
            {
                "target": f"soak hit ratio ≥ {MIN_SOAK_HIT_RATIO:.0%} (a publication every 20 s, "
                "a moderation every 10 s)",
                "value": f"{soak['hit_ratio']:.1%}",
                "pass": soak["hit_ratio"] >= MIN_SOAK_HIT_RATIO,
            }
        )
    for (page, language), sizes in by_page(measurements).items():
        if page in FIRST_RENDER_TARGETS:
            ratio = first_visit_ratio(sizes, smallest, largest)
            targets.append(
                {
                    "target": f"first render x{largest} ≤ {MAX_TIME_RATIO}× x{smallest}: "
                    f"{page} {language}",
                    "value": f"{ratio:.2f}",
                    "pass": ratio <= MAX_TIME_RATIO,
                }
            )
    return targets


def load_targets(runs):
    """Cached pages against the static file (same encoding), the uncached home page, errors."""
    rps = requests_per_second(runs)
    targets = []
    for (mode, name, encoding), value in rps.items():
        if mode != "cached" or name == "static":
            continue
        share = value / rps["cached", "static", encoding]
        targets.append(
            {
                "target": f"cached {name} ≥ {MIN_CACHED_SHARE_OF_STATIC:.0%} of static req/s "
                f"({encoding or 'no compression'})",
                "value": f"{share:.0%}",
                "pass": share >= MIN_CACHED_SHARE_OF_STATIC,
            }
        )
    targets.append(
        {
            "target": f"uncached home ≥ {MIN_UNCACHED_HOME_RPS} req/s",
            "value": f"{rps['uncached', 'home', '']:.0f}",
            "pass": rps["uncached", "home", ""] >= MIN_UNCACHED_HOME_RPS,
        }
    )
    errors = sum(run["non_2xx"] + run["socket_errors"] for run in runs)
    targets.append(
        {
            "target": "0 non-2xx responses (or socket errors) in every load run, cached ones hits",
            "value": str(errors),
            "pass": errors == 0
            and all(run["status"] == 200 for run in runs)
            and all(
                run["x_page_cache"] == "hit"
                for run in runs
                if run["mode"] == "cached" and run["target"] != "static"
            ),
        }
    )
    return targets


def requests_per_second(runs):
    """{(mode, page, encoding): req/s} of the load runs: the median of a page's runs (the
    static file is measured several times, with_static_runs)."""
    figures = defaultdict(list)
    for run in runs:
        figures[run["mode"], run["target"], run["encoding"]].append(run["requests_per_second"])
    return {key: statistics.median(values) for key, values in figures.items()}


def first_visit_ratio(sizes, smallest, largest):
    first = {factor: sizes[factor]["first_visit"]["median_ms"] for factor in (smallest, largest)}
    return first[largest] / first[smallest]


def archive_targets(archives):
    """The static archive: built in under a minute at x1, its time growing no faster than
    its number of pages."""
    if not archives:
        return []
    sizes = sorted(archives, key=int)
    smallest, largest = archives[sizes[0]], archives[sizes[-1]]
    targets = [
        {
            "target": f"archive x{sizes[0]} built in < {MAX_X1_ARCHIVE_SECONDS} s",
            "value": f"{smallest['seconds']:.1f} s",
            "pass": smallest["seconds"] < MAX_X1_ARCHIVE_SECONDS,
        }
    ]
    if len(sizes) > 1:
        ratio = per_page(largest) / per_page(smallest)
        targets.append(
            {
                "target": f"archive time per page x{sizes[-1]} ≤ "
                f"{MAX_ARCHIVE_TIME_PER_PAGE_RATIO}× x{sizes[0]}",
                "value": f"{ratio:.2f}",
                "pass": ratio <= MAX_ARCHIVE_TIME_PER_PAGE_RATIO,
            }
        )
    return targets


def per_page(archive):
    return archive["seconds"] / archive["pages"]


def report(result):
    lines = []
    m = result["machine"]
    lines.append(
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['system']}, "
        f"Python {m['python']}, {result['postgresql']}; load average "
        + ", ".join(
            f"{when} {' '.join(map(str, m[f'load_average_{key}']))}"
            for key, when in (("at_start", "at the start"), ("at_end", "at the end"))
            if f"load_average_{key}" in m
        )
    )
    builds = result["builds"]
    lines.append(
        "Build: "
        + "; ".join(
            f"x{factor} {build['pages']['PartnerPage']} partners, "
            f"{build['pages']['SeminarPage']} seminars, {build['pages']['NewsPage']} news "
            f"(both languages), {build['comments']} comments, {build['seconds']:.0f} s"
            for factor, build in sorted(builds.items(), key=lambda item: int(item[0]))
        )
    )
    if result.get("archives"):
        lines.append(
            "Static archive (manage.py build_archive): "
            + "; ".join(
                f"x{factor} {archive['pages']} pages, {archive['files']} files, "
                f"{archive['megabytes']:.1f} MB in {archive['seconds']:.1f} s"
                for factor, archive in sorted(result["archives"].items(), key=lambda a: int(a[0]))
            )
        )
    factors = sorted(int(f) for f in result["measurements"])
    rows = by_page(result["measurements"])
    lines.append("")
    lines.append(
        "Server time in-process, page cache off: queries per size, median and p95 (ms); "
        f"ratio = median x{factors[-1]} / x{factors[0]}"
    )
    lines.extend(timing_table(rows, factors, lambda row: row))
    lines.append("")
    lines.append(
        "The same, first visit after a change of content (every datum kept per generation of "
        "the cache computed again; not a target)"
    )
    lines.extend(timing_table(rows, factors, lambda row: row["first_visit"]))
    if result["load"]:
        lines.append("")
        lines.append(
            f"Production server x{result['load_factor']}: gunicorn {load.WORKERS} workers, "
            f"wrk {load.WRK_THREADS} threads {load.WRK_CONNECTIONS} connections "
            f"{result['load_seconds']} s on 127.0.0.1"
        )
        lines.append(
            f"{'page cache':<11}{'target':<26}{'encoding':<9}{'req/s':>9}{'p50 ms':>9}"
            f"{'p99 ms':>9}{'non-2xx':>9}  headers"
        )
        for run in result["load"]:
            lines.append(
                f"{run['mode']:<11}{run['target']:<26}{run['encoding'] or '-':<9}"
                f"{run['requests_per_second']:>9.0f}{run['p50_ms']:>9.2f}{run['p99_ms']:>9.2f}"
                f"{run['non_2xx']:>9}  {run['x_page_cache'] or '-'}; {run['cache_control'] or '-'}"
                f"{'; ' + run['content_encoding'] if run['content_encoding'] else ''}"
            )
    if result.get("soak"):
        soak = result["soak"]
        states = ", ".join(f"{state} {n}" for state, n in sorted(soak["page_cache"].items()))
        lines.append("")
        lines.append(
            f"Soak x{result['load_factor']}, page cache on: {load.SOAK_VISITORS} visitors for "
            f"{soak['seconds']} s on {soak['pages']} pages (every page type and a sample of the "
            f"sitemap) while {soak['publications']} news items were published and "
            f"{soak['moderations']} comments approved: {soak['requests']} requests "
            f"({states}), hit ratio {soak['hit_ratio']:.1%}"
        )
    lines.append("")
    lines.extend(page_table(result))
    lines.append("")
    lines.append("Targets")
    for target in result["targets"]:
        lines.append(
            f"  {'PASS' if target['pass'] else 'FAIL'}  {target['target']}: {target['value']}"
        )
    passed = sum(target["pass"] for target in result["targets"])
    lines.append(f"{passed} of {len(result['targets'])} targets met")
    return "\n".join(lines)


def page_table(result):
    """Lines of the summary per page type: queries, median times and their ratio, its verdict,
    and the production server's requests per second (English pages)."""
    factors = sorted(int(f) for f in result["measurements"])
    smallest, largest = factors[0], factors[-1]
    rps = requests_per_second(result["load"])
    lines = [
        f"Per page type: queries, median ms in-process, x{largest}/x{smallest} and verdict; "
        f"req/s on the production server x{result['load_factor']} (uncached; cached; cached br)",
        f"{'page':<26}{'lang':<5}{'queries':>10}{f'x{smallest} ms':>9}{f'x{largest} ms':>9}"
        f"{'ratio':>7}  {'verdict':<8}{'uncached':>9}{'cached':>8}{'br':>8}",
    ]
    for (page, language), sizes in by_page(result["measurements"]).items():
        ratio = sizes[largest]["median_ms"] / sizes[smallest]["median_ms"]
        speeds = [rps.get(key) for key in (("uncached", page, ""), ("cached", page, ""))]
        speeds.append(rps.get(("cached", page, "br")))
        shown = "".join(
            f"{'-' if speed is None or language == 'fr' else f'{speed:.0f}':>{width}}"
            for speed, width in zip(speeds, (9, 8, 8), strict=True)
        )
        lines.append(
            f"{page:<26}{language:<5}"
            f"{'/'.join(str(sizes[f]['queries']) for f in factors):>10}"
            f"{sizes[smallest]['median_ms']:>9.1f}{sizes[largest]['median_ms']:>9.1f}"
            f"{ratio:>7.2f}  {'PASS' if ratio <= MAX_TIME_RATIO else 'FAIL':<8}{shown}"
        )
    return lines


def timing_table(rows, factors, figures_of):
    """Lines of a table of queries and times per page and size; figures_of(row) gives the
    figures to show from a measurement."""
    header = f"{'page':<26}{'lang':<5}{'queries':>10}"
    for factor in factors:
        header += f"{f'x{factor} med':>10}{'p95':>7}"
    lines = [header + f"{'ratio':>7}"]
    for (page, language), sizes in rows.items():
        figures = {factor: figures_of(sizes[factor]) for factor in factors}
        line = f"{page:<26}{language:<5}"
        line += f"{'/'.join(str(figures[f]['queries']) for f in factors):>10}"
        for factor in factors:
            line += f"{figures[factor]['median_ms']:>10.1f}{figures[factor]['p95_ms']:>7.1f}"
        line += f"{figures[factors[-1]]['median_ms'] / figures[factors[0]]['median_ms']:>7.2f}"
        lines.append(line)
    return lines


def main():
    arguments = parse_arguments()
    load_at_start = load_average()
    factors = sorted(int(f) for f in arguments.factors.split(","))
    load_factor = arguments.load_factor if arguments.load_factor in factors else max(factors)
    run_load = not arguments.skip_load
    if run_load and not load.wrk_available():
        print("wrk is not installed (apt-get install wrk): skipping the load runs.")
        run_load = False
    workdir = Path(tempfile.mkdtemp(prefix="liaise-bench-"))
    started = time.perf_counter()
    try:
        with ThrowawayCluster() as cluster:
            bench = Bench(cluster, workdir)
            builds = bench.build(factors)
            # The production settings serve hashed static files: collected before any page.
            static_url = bench.collectstatic(load_factor)
            measurements = bench.measure_in_two_rounds(factors, arguments.requests)
            archives = {
                str(factor): bench.archive(factor)
                for factor in factors
                if factor <= MAX_ARCHIVE_FACTOR
            }
            runs, soak = [], None
            if run_load:
                pages = {
                    row["page"]: row["url"]
                    for row in measurements[str(load_factor)]
                    if row["language"] in ("en", "")
                }
                runs, soak = bench.load_runs(
                    load_factor, pages, static_url, arguments.seconds, arguments.soak_seconds
                )
            postgresql = cluster.server_version().split(" on ", 1)[0]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {
            **machine(),
            "load_average_at_start": load_at_start,
            "load_average_at_end": load_average(),
        },
        "postgresql": postgresql,
        "builds": {str(factor): build for factor, build in builds.items()},
        "measurements": measurements,
        "load_factor": load_factor,
        "load_seconds": arguments.seconds,
        "load": runs,
        "soak": soak,
        "archives": archives,
        "targets": evaluate(builds, measurements, runs, factors, archives, soak),
        "seconds": time.perf_counter() - started,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"bench-{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print()
    print(report(result))
    print(f"\nWritten to {path.relative_to(ROOT)} ({result['seconds']:.0f} s in all)")
    if factors == FULL_RUN_FACTORS and runs:
        write_docs(result)
        print(f"docs/performance.md and {REPORT.relative_to(ROOT)} rewritten from this run")
    else:
        print("A partial run: docs/performance.md left as it is.")


def write_docs(result):
    """The run's figures (without each request's timing) in REPORT, committed, and its report
    in docs/performance.md between the markers: the docs' figures are never typed by hand
    (tests/test_docs.py checks that they are the report of REPORT)."""
    REPORT.write_text(json.dumps(without_timings(result), indent=1, ensure_ascii=False) + "\n")
    DOCS.write_text(with_report(DOCS.read_text(), report(result)))


def without_timings(value):
    if isinstance(value, dict):
        return {key: without_timings(item) for key, item in value.items() if key != "timings_ms"}
    if isinstance(value, list):
        return [without_timings(item) for item in value]
    return value


def with_report(text, report_text, begins=REPORT_BEGINS, ends=REPORT_ENDS):
    """`text` (docs/performance.md) with `report_text` between the markers `begins` and
    `ends` (by default, those of the benchmark's report)."""
    before, rest = text.split(begins)
    _old, after = rest.split(ends)
    return f"{before}{begins}\n```\n{report_text}\n```\n{ends}{after}"


if __name__ == "__main__":
    main()
