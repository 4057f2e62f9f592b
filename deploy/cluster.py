"""Several app replicas behind HAProxy on this machine, in the foreground (`make cluster`).

A Streamlit session lives in one server process, so more people at once means
more processes and a balancer that keeps each browser on its replica. The
replicas listen on loopback ports only; HAProxy is the one listener a browser
reaches, with the settings of ``deploy/haproxy.cfg``. Ctrl-C or SIGTERM stops
the balancer first (no new requests), then every replica, and waits for each.

The browser tests and ``make bench-cluster`` use :class:`Cluster` directly, and the
single-server browser tests use :func:`start_server`, so every path starts the
app the same way.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import FrameType, TracebackType
from typing import IO, Self

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "serve.py"
"""What `make run` serves: app.py behind the no-store header for downloads."""
HAPROXY_CONFIG = ROOT / "deploy" / "haproxy.cfg"
LOOPBACK = "127.0.0.1"
HEALTH_PATH = "/_stcore/health"
AFFINITY_COOKIE = "DA_REPLICA"  # the `cookie` line of haproxy.cfg; its value names the replica
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def start_server(
    port: int,
    env: Mapping[str, str] | None = None,
    stdout: int | IO[bytes] | None = subprocess.DEVNULL,
    stderr: int | IO[bytes] | None = None,
) -> subprocess.Popen[bytes]:
    """One `streamlit run` of the app on a loopback port, with the settings of `.streamlit/config.toml`.

    Streamlit reads that file from the working directory, so it runs from the
    project root. Its start-up banner names a URL a person should not open in a
    cluster, so stdout is dropped unless asked for; warnings go to stderr.
    """
    return subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.port", str(port),
            "--server.address", LOOPBACK,
            "--server.headless", "true",
        ],
        cwd=ROOT,
        env=dict(os.environ if env is None else env),
        stdout=stdout,
        stderr=stderr,
    )


def is_healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}{HEALTH_PATH}", timeout=2) as response:  # noqa: S310 (http URLs built here)
            return bool(response.status == 200)
    except OSError:
        return False


def wait_healthy(url: str, process: subprocess.Popen[bytes], what: str, timeout_s: float = START_TIMEOUT_S) -> None:
    """Block until `url` answers its health check; fail fast if the process behind it has died."""
    deadline = time.monotonic() + timeout_s
    while not is_healthy(url):
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode} before it was ready")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not answer {url}{HEALTH_PATH} within {timeout_s:.0f} s")
        time.sleep(0.2)


def stop_process(process: subprocess.Popen[bytes], timeout_s: float = STOP_TIMEOUT_S) -> None:
    """SIGTERM, then SIGKILL if it is still there after `timeout_s`; always reaps the process."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class Replica:
    name: str
    port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def running(self) -> bool:
        return self.process.poll() is None


def render_haproxy_config(servers: Iterable[tuple[str, int]], base: Path = HAPROXY_CONFIG) -> str:
    """The shipped configuration with one server line per (name, loopback port) added to its last section, the backend.

    The cookie value is the replica's name: it says nothing about the person.
    """
    lines = "".join(f"    server {name} {LOOPBACK}:{port} check cookie {name}\n" for name, port in servers)
    return base.read_text(encoding="utf-8").rstrip("\n") + "\n" + lines


def haproxy_binary() -> str:
    # Debian puts it in /usr/sbin, which is not on every user's PATH.
    found = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/sbin")
    if found is None:
        raise RuntimeError("haproxy not found (Debian: apt-get install haproxy; `make test` as root installs it)")
    return found


def start_balancer(
    config: str,
    config_path: Path,
    bind: str,
    frame_ancestors: str | None = None,
    log: IO[bytes] | None = None,
) -> subprocess.Popen[bytes]:
    """HAProxy in the foreground with `config`, once `haproxy -c` has accepted it; its log lines go to `log`."""
    haproxy = haproxy_binary()
    config_path.write_text(config, encoding="utf-8")
    env = dict(os.environ, CLUSTER_BIND=bind)
    if frame_ancestors is not None:
        env["FRAME_ANCESTORS"] = frame_ancestors
    check = subprocess.run(
        [haproxy, "-c", "-q", "-f", str(config_path)], env=env, capture_output=True, text=True, check=False
    )
    if check.returncode != 0:
        raise RuntimeError(f"haproxy refused the configuration:\n{check.stdout}{check.stderr}")
    # -db: stay in the foreground, no master process; SIGTERM stops it at once.
    return subprocess.Popen(
        [haproxy, "-db", "-f", str(config_path)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT if log is not None else None,
    )


class Cluster:
    """Replicas and the balancer in front of them; a context manager that always stops both."""

    def __init__(
        self,
        port: int,
        replicas: int,
        address: str = LOOPBACK,
        frame_ancestors: str | None = None,
        haproxy_log: IO[bytes] | None = None,
        replica_stderr: int | IO[bytes] | None = None,
    ) -> None:
        if replicas < 1:
            raise ValueError("a cluster needs at least one replica")
        self.port = port
        self.replica_count = replicas
        self.address = address
        self.frame_ancestors = frame_ancestors
        self.haproxy_log = haproxy_log
        self.replica_stderr = replica_stderr
        self.replicas: list[Replica] = []
        self.haproxy: subprocess.Popen[bytes] | None = None
        self._workdir = tempfile.TemporaryDirectory(prefix="decision-aid-cluster-")
        self._reported_exits: set[str] = set()

    @property
    def url(self) -> str:
        host = LOOPBACK if self.address in ("0.0.0.0", "::", "") else self.address  # noqa: S104 (a wildcard is reached on loopback)
        return f"http://{host}:{self.port}"

    @property
    def config_path(self) -> Path:
        return Path(self._workdir.name) / "haproxy.cfg"

    def replica(self, name: str) -> Replica:
        for replica in self.replicas:
            if replica.name == name:
                return replica
        raise KeyError(name)

    def start(self) -> None:
        # Start every replica before waiting for any: they load in parallel.
        for number in range(1, self.replica_count + 1):
            port = free_port()
            process = start_server(port, stderr=self.replica_stderr)
            self.replicas.append(Replica(f"app{number}", port, process))
        for replica in self.replicas:
            wait_healthy(replica.url, replica.process, f"replica {replica.name}")

        self.haproxy = start_balancer(
            render_haproxy_config((r.name, r.port) for r in self.replicas),
            self.config_path,
            f"{self.address}:{self.port}",
            self.frame_ancestors,
            self.haproxy_log,
        )
        wait_healthy(self.url, self.haproxy, "haproxy")

    def stop_replica(self, name: str) -> None:
        stop_process(self.replica(name).process)
        self._reported_exits.add(name)

    def stop(self) -> None:
        """The balancer first, so nobody is sent to a replica that is going away; then all replicas at once."""
        if self.haproxy is not None:
            stop_process(self.haproxy)
        for replica in self.replicas:
            if replica.running:
                replica.process.terminate()
        for replica in self.replicas:
            stop_process(replica.process)
        self._workdir.cleanup()

    def watch(self, poll_s: float = 0.5) -> int:
        """Block while the balancer runs, telling once about each replica that dies; return haproxy's exit code."""
        assert self.haproxy is not None, "start() first"
        while self.haproxy.poll() is None:
            for replica in self.replicas:
                if not replica.running and replica.name not in self._reported_exits:
                    self._reported_exits.add(replica.name)
                    print(
                        f"Replica {replica.name} exited with code {replica.process.returncode};"
                        " the balancer sends its visitors to the others.",
                        file=sys.stderr,
                        flush=True,
                    )
            time.sleep(poll_s)
        return self.haproxy.returncode

    def __enter__(self) -> Self:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


class _Stop(Exception):
    """SIGTERM or SIGHUP: leave the wait and clean up, as Ctrl-C does."""


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop(signal.Signals(signum).name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make cluster", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080, help="port of the balancer (default 8080)")
    parser.add_argument("--replicas", type=int, default=3, help="number of app processes (default 3)")
    parser.add_argument(
        "--address",
        default=LOOPBACK,
        help="address the balancer listens on (default 127.0.0.1, this machine only; 0.0.0.0 serves the network)",
    )
    parser.add_argument(
        "--frame-ancestors",
        default=None,
        help="CSP frame-ancestors sources, e.g. https://portal.example.org (default 'none': no embedding)",
    )
    args = parser.parse_args(argv)

    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGHUP, _raise_stop)
    cluster = Cluster(args.port, args.replicas, args.address, args.frame_ancestors)
    try:
        try:
            cluster.start()
        except RuntimeError as error:
            print(error, file=sys.stderr)
            return 1
        ports = ", ".join(f"{r.name} on {LOOPBACK}:{r.port}" for r in cluster.replicas)
        print(f"Serving {cluster.url} through HAProxy ({ports}). Ctrl-C stops them all.", flush=True)
        if args.address != LOOPBACK:
            print(
                f"The balancer listens on {args.address}: other computers can reach it."
                " Outside a closed clinic network, put TLS in front (docs/deploy.md).",
                flush=True,
            )
        code = cluster.watch()
        print(f"haproxy exited with code {code}; stopping the replicas.", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, _Stop):
        return 0
    finally:
        # A second Ctrl-C must not leave replicas behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        cluster.stop()
        print("Stopped the balancer and every replica.", flush=True)


if __name__ == "__main__":
    sys.exit(main())
