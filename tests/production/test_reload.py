"""Reloading gunicorn under load leaves no gap (gunicorn.conf.py: the app is preloaded by the
master): a HUP swaps workers that are ready at once; a deployment's new master (USR2, then
TERM to the old one) serves alongside the old one until it takes over."""

import itertools
import os
import signal
import subprocess
import threading
import time
from contextlib import contextmanager, suppress

import pytest
import requests

from bench.load import GUNICORN, wait_until_up
from tests.postgres_cluster import pick_free_port
from tests.production.test_two_app_servers import HOST, app_server_environment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Workers that import the app themselves leave ~1.7 s on a quiet machine, 30 s on a busy one.
LONGEST_GAP_SECONDS = 1
WATCHED_SECONDS = 8


@contextmanager
def gunicorn_with_pid_file(environment, log_path, pid_path):
    port = pick_free_port(HOST)
    with open(log_path, "ab") as log:
        master = subprocess.Popen(
            [
                str(GUNICORN),
                "liaise.wsgi",
                "--workers",
                "2",
                "--bind",
                f"{HOST}:{port}",
                "--pid",
                str(pid_path),
            ],
            env=environment,
            stdout=log,
            stderr=log,
        )
        try:
            wait_until_up(f"http://{HOST}:{port}/healthz", master)
            yield f"http://{HOST}:{port}", master
        finally:
            for suffix in ("", ".2"):
                path = pid_path.with_name(pid_path.name + suffix)
                if path.exists():
                    with suppress(ProcessLookupError):
                        os.kill(int(path.read_text()), signal.SIGTERM)
            master.terminate()
            master.wait(timeout=30)


class Visitors(threading.Thread):
    """Requests one after the other until stopped; when each one succeeded, and what failed."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url = url
        self.answered_at = []
        self.failures = []
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            try:
                response = requests.get(self.url, timeout=10)
            except requests.RequestException as error:
                self.failures.append(repr(error))
                continue
            if response.status_code == 200:
                self.answered_at.append(time.monotonic())
            else:
                self.failures.append(response.status_code)

    def longest_gap(self):
        times = self.answered_at
        return max(later - earlier for earlier, later in itertools.pairwise(times))


@contextmanager
def visitors(url):
    thread = Visitors(url)
    thread.start()
    try:
        yield thread
    finally:
        thread.stopping.set()
        thread.join(timeout=15)


def wait_for_new_master(pid_path, seconds=60):
    """The pid of the master started by USR2, once it wrote it (to `<pid file>.2` until it is
    promoted): after it imported the app, as it does before forking its workers."""
    new_pid_path = pid_path.with_name(pid_path.name + ".2")
    deadline = time.monotonic() + seconds
    while not new_pid_path.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1)  # its workers fork
    return int(new_pid_path.read_text())


@pytest.fixture
def server(redis_server, tmp_path, home):
    environment = app_server_environment(redis_server.url)
    pid_path = tmp_path / "gunicorn.pid"
    with gunicorn_with_pid_file(environment, tmp_path / "gunicorn.log", pid_path) as running:
        yield (*running, pid_path)


def test_a_reload_under_load_leaves_no_gap(server):
    base, master, _pid_path = server

    with visitors(base + "/en/") as load:
        time.sleep(1)
        master.send_signal(signal.SIGHUP)
        time.sleep(WATCHED_SECONDS)

    assert load.failures == []
    assert load.longest_gap() < LONGEST_GAP_SECONDS


def test_a_new_master_takes_over_under_load_without_a_gap(server):
    base, master, pid_path = server

    with visitors(base + "/en/") as load:
        time.sleep(1)
        master.send_signal(signal.SIGUSR2)  # a deployment: a new master, with the new code
        new_master = wait_for_new_master(pid_path)
        master.send_signal(signal.SIGTERM)  # the old master ends gracefully
        master.wait(timeout=30)
        time.sleep(WATCHED_SECONDS)

    assert new_master != master.pid
    os.kill(new_master, 0)  # alive, and alone since the old master ended: it served the rest
    assert load.failures == []
    assert load.longest_gap() < LONGEST_GAP_SECONDS
