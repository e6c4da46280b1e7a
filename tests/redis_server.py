"""A throwaway Redis server for tests: Debian's redis-server on a free port of 127.0.0.1, in a
temporary directory, without persistence, stopped and started again on the same port (as an
outage looks to the site: its data are lost, as they would be without persistence).

Usage::

    with RedisServer(maxmemory="2mb") as redis_server:
        print(redis_server.url)
        redis_server.stop()  # an outage…
        redis_server.start()  # …and Redis back, empty, on the same port
        redis_server.pause()  # hung: commands wait, its data stay…
        redis_server.resume()  # …until it answers again
"""

import shutil
import signal
import subprocess
import tempfile
import time

import redis

from tests.postgres_cluster import pick_free_port

HOST = "127.0.0.1"
NOT_FOUND_MESSAGE = 'redis-server not found: install it with "apt-get install redis-server".'
STARTUP_TIMEOUT = 10
TIMEOUT_SECONDS = 0.5  # the production settings' socket timeouts


def redis_caches(url):
    """CACHES as liaise.settings.production writes them with REDIS_URL set."""
    options = {"socket_connect_timeout": TIMEOUT_SECONDS, "socket_timeout": TIMEOUT_SECONDS}
    backend = "pagecache.backends.FailSoftRedisCache"
    return {
        "default": {"BACKEND": backend, "LOCATION": url, "OPTIONS": options},
        "pages": {"BACKEND": backend, "LOCATION": url, "OPTIONS": options, "KEY_PREFIX": "pages"},
        "page_generation": {
            "BACKEND": backend,
            "LOCATION": url,
            "OPTIONS": options,
            "KEY_PREFIX": "pages",
            "TIMEOUT": None,
        },
    }


class RedisServer:
    def __init__(self, **config):
        """`config`: redis-server options, e.g. maxmemory="2mb" (underscores for dashes)."""
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            raise RuntimeError(NOT_FOUND_MESSAGE)
        self.config = config
        self.port = pick_free_port(HOST)
        self.url = f"redis://{HOST}:{self.port}/0"
        self.process = None
        self.directory = None

    def __enter__(self):
        self.directory = tempfile.TemporaryDirectory(prefix="liaise-redis-")
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()
        self.directory.cleanup()

    def start(self):
        options = {"port": self.port, "bind": HOST, "save": "", "appendonly": "no"}
        arguments = [self.binary, "--daemonize", "no"]
        for name, value in (options | self.config).items():
            arguments += [f"--{name.replace('_', '-')}", str(value)]
        self.process = subprocess.Popen(
            arguments,
            cwd=self.directory.name,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.wait_until_up()

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def pause(self):
        """Hang the server, as a Redis that stopped answering: connections are accepted (by the
        system), commands wait; its data stay."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def client(self):
        return redis.Redis.from_url(self.url)

    def wait_until_up(self):
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with status {self.process.returncode}")
            try:
                with self.client() as client:
                    client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not answer within {STARTUP_TIMEOUT} s")
