"""Load runs against the production server: gunicorn with 2 workers and the production
settings on 127.0.0.1, driven by wrk (short, bounded runs: a few seconds, 2 threads, 8
connections). Used by bench/run.py."""

import http.client
import random
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

GUNICORN = Path(sys.executable).parent / "gunicorn"
WORKERS = 2
WRK_THREADS = 2
WRK_CONNECTIONS = 8
STARTUP_TIMEOUT = 60
# The soak's visitors (threads) and what their browsers send.
SOAK_VISITORS = 4
SOAK_HEADERS = {"Accept-Encoding": "gzip, br", "Accept-Language": "en"}


def wrk_available():
    return shutil.which("wrk") is not None


@contextmanager
def gunicorn(environment, port, log_path):
    """gunicorn serving liaise.wsgi on 127.0.0.1:port until the block ends."""
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [
                str(GUNICORN),
                "liaise.wsgi",
                "--workers",
                str(WORKERS),
                "--bind",
                f"127.0.0.1:{port}",
            ],
            env=environment,
            stdout=log,
            stderr=log,
        )
        try:
            wait_until_up(f"http://127.0.0.1:{port}/healthz", process)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_up(url, process):
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {url} within {STARTUP_TIMEOUT} s")


def fetch(url, encoding="gzip, br"):
    """(status, headers) of one GET, for warming up and checking what the server answers."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def fetch_text(url):
    """The body of a GET (uncompressed), which must succeed."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def run_wrk(url, seconds, headers=()):
    """wrk's figures for `url` (sent with `headers`, "Name: value" lines): requests per second,
    latency percentiles (ms), errors."""
    command = [
        "wrk",
        *(option for header in headers for option in ("-H", header)),
        f"-t{WRK_THREADS}",
        f"-c{WRK_CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        url,
    ]
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=seconds + 30
    ).stdout
    return parse_wrk(output)


def parse_wrk(output):
    def latency(percentile):
        match = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        value, unit = float(match[1]), match[2]
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    requests = int(re.search(r"(\d+) requests in", output)[1])
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "requests": requests,
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "non_2xx": int(non_2xx[1]) if non_2xx else 0,
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
    }


def soak(base, paths, seconds, visitors=SOAK_VISITORS):
    """`visitors` threads, each on a keep-alive connection, loading `paths` in random order for
    `seconds`, as browsers do (Accept-Encoding: gzip, br): {"requests", "statuses", "page_cache"}
    counts ({X-Page-Cache value or "-": n})."""
    host, port = base.removeprefix("http://").split(":")
    deadline = time.monotonic() + seconds
    results = []

    def visit(seed):
        shuffled = random.Random(seed)
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        statuses, states = Counter(), Counter()
        while time.monotonic() < deadline:
            connection.request("GET", shuffled.choice(paths), headers=SOAK_HEADERS)
            response = connection.getresponse()
            response.read()
            statuses[response.status] += 1
            states[response.getheader("X-Page-Cache") or "-"] += 1
        connection.close()
        results.append((statuses, states))

    threads = [threading.Thread(target=visit, args=(seed,)) for seed in range(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sum((s for s, _ in results), Counter())
    states = sum((s for _, s in results), Counter())
    return {
        "requests": sum(statuses.values()),
        "statuses": {str(code): n for code, n in statuses.items()},
        "page_cache": dict(states),
    }
