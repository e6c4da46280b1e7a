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
   the home page, a news item and a static file, with the page cache off and on.
4. Builds the static archive (archive/build.py) of the sizes up to x10: time, pages, size.
5. Prints one table with the ratios and a pass/fail per target, and writes it all as JSON to
   bench/results/.

Options: --requests N (timed requests per page), --seconds N (per load run), --factors 1,10,100,
--load-factor N (the size served to wrk), --skip-load.
"""

import argparse
import datetime
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg2

from bench import load
from bench.measure import summary
from tests.postgres_cluster import ThrowawayCluster, pick_free_port

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
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
MIN_CACHED_SHARE_OF_STATIC = 0.5
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
    parser.add_argument("--seconds", type=int, default=10)
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

    def load_runs(self, factor, news_url, static_url, seconds):
        """wrk on the home page, a news item and a static file, page cache off then on."""
        runs = []
        for mode, page_cache in (("uncached", "false"), ("cached", "true")):
            shutil.rmtree(self.page_cache_dir(factor), ignore_errors=True)
            port = pick_free_port("127.0.0.1")
            environment = self.environment(factor, PAGE_CACHE=page_cache)
            with load.gunicorn(environment, port, self.workdir / "gunicorn.log") as base:
                for name, path in (
                    ("home", "/en/"),
                    ("news item", news_url),
                    ("static", static_url),
                ):
                    url = base + path
                    for _ in range(20):  # warm-up: renditions, connections, the cache
                        status, headers = load.fetch(url)
                    figures = load.run_wrk(url, seconds)
                    runs.append(
                        {
                            "mode": mode,
                            "target": name,
                            "url": path,
                            "status": status,
                            "x_page_cache": headers.get("X-Page-Cache", ""),
                            "cache_control": headers.get("Cache-Control", ""),
                            "content_encoding": headers.get("Content-Encoding", ""),
                            **figures,
                        }
                    )
                    print(f"{mode} {name}: {figures['requests_per_second']:.0f} req/s")
        return runs


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
        # Other work on the machine skews every figure: the load when the benchmark started.
        "load_average": [round(load, 2) for load in os.getloadavg()],
    }


# -- Targets and report ------------------------------------------------------------------------


def by_page(measurements):
    """{(page, language): {size: row}} of the measurements {size: rows} (sizes as text keys,
    as in the JSON)."""
    pages = {}
    for factor, rows in measurements.items():
        for row in rows:
            pages.setdefault((row["page"], row["language"]), {})[int(factor)] = row
    return pages


def evaluate(builds, measurements, runs, factors, archives=None):
    """Each target with its figures and pass/fail."""
    targets = archive_targets(archives or {})
    smallest, largest = min(factors), max(factors)
    for (page, language), sizes in by_page(measurements).items():
        queries = [sizes[f]["queries"] for f in factors]
        ratio = sizes[largest]["median_ms"] / sizes[smallest]["median_ms"]
        most = MAX_LISTING_QUERIES if page in LISTINGS else MAX_DETAIL_QUERIES
        targets.append(
            {
                "target": f"queries ≤ {most}, same at every size: {page} {language}".strip(),
                "value": "/".join(map(str, queries)),
                "pass": max(queries) <= most and len(set(queries)) == 1,
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
        rps = {(run["mode"], run["target"]): run["requests_per_second"] for run in runs}
        static = rps["cached", "static"]
        for name in ("home", "news item"):
            share = rps["cached", name] / static
            targets.append(
                {
                    "target": f"cached {name} ≥ {MIN_CACHED_SHARE_OF_STATIC:.0%} of static req/s",
                    "value": f"{share:.0%}",
                    "pass": share >= MIN_CACHED_SHARE_OF_STATIC,
                }
            )
        targets.append(
            {
                "target": f"uncached home ≥ {MIN_UNCACHED_HOME_RPS} req/s",
                "value": f"{rps['uncached', 'home']:.0f}",
                "pass": rps["uncached", "home"] >= MIN_UNCACHED_HOME_RPS,
            }
        )
        errors = sum(run["non_2xx"] + run["socket_errors"] for run in runs)
        targets.append(
            {
                "target": "0 non-2xx responses (or socket errors) in every load run",
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
        f"Python {m['python']}, {result['postgresql']}; load average at the start "
        f"{' '.join(map(str, m['load_average']))}"
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
            f"{'page cache':<11}{'target':<11}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
            f"{'non-2xx':>9}  headers"
        )
        for run in result["load"]:
            lines.append(
                f"{run['mode']:<11}{run['target']:<11}{run['requests_per_second']:>9.0f}"
                f"{run['p50_ms']:>9.2f}{run['p99_ms']:>9.2f}{run['non_2xx']:>9}  "
                f"{run['x_page_cache'] or '-'}; {run['cache_control'] or '-'}"
                f"{'; ' + run['content_encoding'] if run['content_encoding'] else ''}"
            )
    lines.append("")
    lines.append("Targets")
    for target in result["targets"]:
        lines.append(
            f"  {'PASS' if target['pass'] else 'FAIL'}  {target['target']}: {target['value']}"
        )
    passed = sum(target["pass"] for target in result["targets"])
    lines.append(f"{passed} of {len(result['targets'])} targets met")
    return "\n".join(lines)


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
            runs = []
            if run_load:
                news_url = next(
                    row["url"]
                    for row in measurements[str(load_factor)]
                    if row["page"].startswith("news item") and row["language"] == "en"
                )
                runs = bench.load_runs(load_factor, news_url, static_url, arguments.seconds)
            postgresql = cluster.server_version().split(" on ", 1)[0]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "postgresql": postgresql,
        "builds": {str(factor): build for factor, build in builds.items()},
        "measurements": measurements,
        "load_factor": load_factor,
        "load_seconds": arguments.seconds,
        "load": runs,
        "archives": archives,
        "targets": evaluate(builds, measurements, runs, factors, archives),
        "seconds": time.perf_counter() - started,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"bench-{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print()
    print(report(result))
    print(f"\nWritten to {path.relative_to(ROOT)} ({result['seconds']:.0f} s in all)")


if __name__ == "__main__":
    main()
