"""Side by side with Wagtail's bakery demo (`make compare`; docs/performance.md): requests per
second of this site's home page and of each detail page type, uncached, against the bakery's
home page and one of its blog posts, both served the same way (gunicorn, 2 workers; wrk, 2
threads, 8 connections) on the same machine, in interleaved rounds.

    python -m bench.compare --bakery http://127.0.0.1:8099 --bakery-post /blog/a-post/

The bakery demo is served by whoever runs the comparison (it is not part of this project). This
site serves the demo content (x1) on a throwaway PostgreSQL, with the production settings and
the page cache off. Each round measures every page of both sites, in the reverse order of the
round before, and records the machine's load when it starts: the report gives each page's ratio
per round, their median, and the median of the two quietest rounds."""

import argparse
import datetime
import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from bench import load
from bench.run import RESULTS, ROOT, Bench, machine, with_report
from tests.postgres_cluster import ThrowawayCluster, pick_free_port

# The committed comparison, and where docs/performance.md shows its report.
REPORT = ROOT / "docs" / "bakery-comparison.json"
DOCS = ROOT / "docs" / "performance.md"
REPORT_BEGINS = "<!-- The report of docs/bakery-comparison.json, written by make compare: -->"
REPORT_ENDS = "<!-- End of the comparison. -->"
# Issue #29's targets: each detail page against the bakery's blog post, the home against its home.
DETAIL_PAGES = (
    "news item",
    "news item, 200 comments",
    "partner",
    "seminar",
    "training session",
    "pilot",
    "resource",
)
MIN_DETAIL_RATIO = 3
MIN_HOME_RATIO = 10
QUIET_ROUNDS = 2
WARM_UP_REQUESTS = 20


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bakery", required=True, help="the bakery demo's address")
    parser.add_argument("--bakery-home", default="/")
    parser.add_argument("--bakery-post", required=True, help="the path of a blog post")
    parser.add_argument("--bakery-note", default="", help="which bakery demo, for the report")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=10, help="of each wrk run")
    return parser.parse_args()


def pairs_to_measure(our_pages, bakery_home, bakery_post):
    """{our page type: (our path, the bakery page it is compared with)}."""
    pairs = {"home": (our_pages["home"], ("bakery home", bakery_home))}
    for page_type in DETAIL_PAGES:
        pairs[page_type] = (our_pages[page_type], ("bakery blog post", bakery_post))
    return pairs


def rate_of(url, seconds):
    """wrk's requests per second of `url` after a warm-up; every answer must be a 200."""
    for _ in range(WARM_UP_REQUESTS):
        status, _headers = load.fetch(url, "")
        if status != 200:
            raise RuntimeError(f"{url} answers {status}")
    figures = load.run_wrk(url, seconds)
    if figures["non_2xx"] or figures["socket_errors"]:
        raise RuntimeError(f"{url}: {figures['non_2xx']} non-2xx, errors {figures}")
    return figures["requests_per_second"]


def measure_rounds(targets, rounds, seconds):
    """[{"load": load average at its start, "rps": {name: req/s}}] of each round; `targets` is
    {name: url}, measured in order, then in reverse order at the next round, and so on."""
    results = []
    names = list(targets)
    for number in range(rounds):
        order = names if number % 2 == 0 else names[::-1]
        load_average = os.getloadavg()[0]
        rps = {}
        for name in order:
            rps[name] = rate_of(targets[name], seconds)
            print(f"round {number + 1}: {name} {rps[name]:.0f} req/s")
        results.append({"load": round(load_average, 2), "rps": rps})
    return results


def ratios(pairs, rounds):
    """{our page type: {"per_round": [ratio, …], "median", "quiet", "target", "met"}}."""
    quiet = sorted(range(len(rounds)), key=lambda number: rounds[number]["load"])[:QUIET_ROUNDS]
    table = {}
    for page_type, (_path, (bakery_page, _bakery_path)) in pairs.items():
        per_round = [round(each["rps"][page_type] / each["rps"][bakery_page], 2) for each in rounds]
        target = MIN_HOME_RATIO if page_type == "home" else MIN_DETAIL_RATIO
        median = statistics.median(per_round)
        table[page_type] = {
            "compared_with": bakery_page,
            "per_round": per_round,
            "median": round(median, 2),
            "quiet": [per_round[number] for number in sorted(quiet)],
            "target": target,
            "met": median >= target,
        }
    return table


def report(result):
    lines = [
        f"Compared with Wagtail's bakery demo on {result['date']}: {result['rounds']} rounds of "
        f"{result['seconds']} s per page, uncached, gunicorn {load.WORKERS} workers, wrk "
        f"{load.WRK_THREADS} threads {load.WRK_CONNECTIONS} connections",
        f"Machine: {result['machine']['cpu']}, {result['machine']['cores']} cores; load average "
        f"at each round's start: {', '.join(str(each['load']) for each in result['per_round'])}",
        f"Bakery demo: home {result['bakery']['home']}, blog post {result['bakery']['post']}"
        + (f"; {result['bakery']['note']}" if result["bakery"].get("note") else ""),
        "",
        f"{'page':<26}{'compared with':<18}{'req/s':>7}{'bakery':>8}{'median':>9}"
        f"{'quiet rounds':>16}  {'target':<8}verdict",
    ]
    for page_type, row in result["ratios"].items():
        ours = statistics.median(each["rps"][page_type] for each in result["per_round"])
        theirs = statistics.median(
            each["rps"][row["compared_with"]] for each in result["per_round"]
        )
        quiet = " / ".join(f"{ratio:.2f}" for ratio in row["quiet"])
        lines.append(
            f"{page_type:<26}{row['compared_with']:<18}{ours:>7.0f}{theirs:>8.0f}"
            f"{row['median']:>8.2f}x{quiet:>16}  {'>= ' + str(row['target']) + 'x':<8}"
            f"{'PASS' if row['met'] else 'FAIL'}"
        )
    return "\n".join(lines)


def main():
    arguments = parse_arguments()
    if not load.wrk_available():
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    bakery = arguments.bakery.rstrip("/")
    workdir = Path(tempfile.mkdtemp(prefix="liaise-compare-"))
    try:
        with ThrowawayCluster() as cluster:
            bench = Bench(cluster, workdir)
            bench.build([1])
            bench.collectstatic(1)
            our_pages = json.loads(bench.python(1, "-m", "bench.build", "urls").splitlines()[-1])
            pairs = pairs_to_measure(our_pages, arguments.bakery_home, arguments.bakery_post)
            port = pick_free_port("127.0.0.1")
            environment = bench.environment(1, PAGE_CACHE="false")
            with load.gunicorn(environment, port, workdir / "gunicorn.log") as base:
                targets = {page_type: base + path for page_type, (path, _) in pairs.items()}
                targets["bakery home"] = bakery + arguments.bakery_home
                targets["bakery blog post"] = bakery + arguments.bakery_post
                per_round = measure_rounds(targets, arguments.rounds, arguments.seconds)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "rounds": arguments.rounds,
        "seconds": arguments.seconds,
        "pages": {page_type: path for page_type, (path, _) in pairs.items()},
        "bakery": {
            "home": arguments.bakery_home,
            "post": arguments.bakery_post,
            "note": arguments.bakery_note,
        },
        "per_round": per_round,
        "ratios": ratios(pairs, per_round),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"compare-{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    REPORT.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    DOCS.write_text(with_report(DOCS.read_text(), report(result), REPORT_BEGINS, REPORT_ENDS))
    print()
    print(report(result))
    print(f"\nWritten to {path.relative_to(ROOT)}, {REPORT.relative_to(ROOT)} and the docs")


if __name__ == "__main__":
    main()
