"""A throwaway PostgreSQL cluster for the test run: initdb into a temporary directory, serve it
on a free port of 127.0.0.1, and delete everything on stop.

Usage::

    with ThrowawayCluster() as cluster:
        print(cluster.host, cluster.port, cluster.user, cluster.server_version())
        cluster.stop_server()  # an outage: the data and the port are kept…
        cluster.start_server()  # …for the server to come back as it was
"""

import os
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
from glob import glob
from pathlib import Path

import psycopg2

SERVER_BINARIES = ("initdb", "pg_ctl")
DEBIAN_BINDIR_GLOB = "/usr/lib/postgresql/*/bin"
NOT_FOUND_MESSAGE = (
    "PostgreSQL server binaries (initdb, pg_ctl) not found: "
    'install them with "apt-get install postgresql".'
)
SUPERUSER = "postgres"
LOG_TAIL_LINES = 20


class ClusterError(RuntimeError):
    """The throwaway cluster could not be created or started."""


class ServerBinariesNotFound(ClusterError):
    def __init__(self) -> None:
        super().__init__(NOT_FOUND_MESSAGE)


def find_server_bindir() -> Path:
    """The newest Debian-style install wins; otherwise fall back to whatever is on PATH."""
    for bindir in sorted(glob(DEBIAN_BINDIR_GLOB), key=_version_key, reverse=True):
        if all((Path(bindir) / name).is_file() for name in SERVER_BINARIES):
            return Path(bindir)
    on_path = [shutil.which(name) for name in SERVER_BINARIES]
    if all(on_path):
        return Path(on_path[0]).parent
    raise ServerBinariesNotFound()


def _version_key(bindir: str) -> tuple[int, ...]:
    # /usr/lib/postgresql/9.6/bin must sort below /usr/lib/postgresql/15/bin.
    version = Path(bindir).parent.name
    return tuple(int(part) for part in re.findall(r"\d+", version))


def pick_free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def running_as_root() -> bool:
    return os.geteuid() == 0


class ThrowawayCluster:
    host = "127.0.0.1"
    user = SUPERUSER

    def __init__(self, bindir: Path | None = None) -> None:
        self.bindir = bindir or find_server_bindir()
        self.port: int | None = None
        self.data_dir: Path | None = None
        self._tempdir: Path | None = None

    def __enter__(self) -> "ThrowawayCluster":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> "ThrowawayCluster":
        self._tempdir = Path(tempfile.mkdtemp(prefix="pg-throwaway-"))
        self.data_dir = self._tempdir / "data"
        self.port = pick_free_port(self.host)
        try:
            self._create_data_dir()
            self._initdb()
            self.start_server()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self._tempdir is None:
            return
        if (self.data_dir / "postmaster.pid").exists():
            # Errors are ignored: the server may already be gone (e.g. after Ctrl-C reached it).
            self._run_pg_tool(["pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "stop"])
        shutil.rmtree(self._tempdir, ignore_errors=True)
        self._tempdir = None

    def stop_server(self) -> None:
        """Shut the server down cleanly (its clients are disconnected), keeping the cluster."""
        result = self._run_pg_tool(["pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop"])
        if result.returncode != 0:
            raise ClusterError(f"pg_ctl stop failed:\n{result.stderr.strip()}")

    def start_server(self) -> None:
        """Start the server on the cluster's data directory and port (again, after stop_server)."""
        server_options = " ".join(
            [
                f"-p {self.port}",
                f"-k {shlex.quote(str(self.data_dir))}",
                f"-c listen_addresses={self.host}",
                # Durability is pointless for a cluster that is deleted after the run.
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                # The planner's cost of a random read for data in memory or on SSD, as PostgreSQL
                # advises: with the default (4, for spinning disks) it scans whole tables
                # rather than use an index for lists of keys (docs/performance.md).
                "-c random_page_cost=1.1",
            ]
        )
        data_dir, log_file = str(self.data_dir), str(self.log_file)
        result = self._run_pg_tool(
            ["pg_ctl", "-D", data_dir, "-w", "-l", log_file, "-o", server_options, "start"]
        )
        if result.returncode != 0:
            raise ClusterError(
                f"pg_ctl start failed:\n{result.stderr.strip()}\n"
                f"Server log (last lines):\n{self._log_tail()}"
            )

    def server_version(self) -> str:
        connection = psycopg2.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres"
        )
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT version()")
                return cursor.fetchone()[0]
        finally:
            connection.close()

    @property
    def log_file(self) -> Path:
        return self.data_dir / "log"

    def _create_data_dir(self) -> None:
        self.data_dir.mkdir()
        if running_as_root():
            # initdb and postgres refuse to run as root, so the cluster belongs to "postgres",
            # which needs to traverse the (0700, root-owned) temporary directory to reach it.
            self._tempdir.chmod(0o755)
            try:
                shutil.chown(self.data_dir, user=SUPERUSER, group=None)
            except LookupError as exc:
                raise ClusterError(
                    f'Running as root needs a "{SUPERUSER}" system user to own the cluster: {exc}'
                ) from exc

    def _initdb(self) -> None:
        options = ["-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--locale=C.UTF-8"]
        result = self._run_pg_tool(["initdb", "-D", str(self.data_dir), *options])
        if result.returncode != 0:
            raise ClusterError(f"initdb failed:\n{result.stdout}{result.stderr}".rstrip())

    def _log_tail(self) -> str:
        try:
            lines = self.log_file.read_text(errors="replace").splitlines()
        except OSError as exc:
            return f"(log unreadable: {exc})"
        return "\n".join(lines[-LOG_TAIL_LINES:])

    def _run_pg_tool(self, argv: list[str]) -> subprocess.CompletedProcess[str]:
        name, *args = argv
        command = [str(self.bindir / name), *args]
        if running_as_root():
            command = ["runuser", "-u", SUPERUSER, "--", *command]
        # cwd: as "postgres", the inherited working directory (e.g. /root) may be unreadable.
        return subprocess.run(
            command, cwd=self._tempdir, capture_output=True, text=True, check=False
        )
