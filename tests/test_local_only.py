"""`make run` serves this machine only: a clinic network cannot reach the app or the PDFs it holds."""

from __future__ import annotations

import ipaddress
import shlex
import socket
import subprocess
from pathlib import Path

import pytest

from deploy.cluster import free_port, stop_process, wait_healthy

ROOT = Path(__file__).resolve().parents[1]
LISTEN = "0A"  # the TCP state of a listening socket in /proc/net/tcp

pytestmark = pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's socket table")


def make_run_command(port: int) -> list[str]:
    """The server command `make run` would start, as make itself prints it, on another port."""
    printed = subprocess.run(
        ["make", "--no-print-directory", "-n", "run", f"PORT={port}"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    lines = [line for line in printed.splitlines() if " run serve.py" in line]
    assert len(lines) == 1, printed
    return shlex.split(lines[0])


def _address(hex_address: str) -> str:
    raw = bytes.fromhex(hex_address)
    # The kernel prints each 32-bit word of the address in host (little-endian) order.
    words = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    return str(ipaddress.ip_address(words))


def listening_addresses(port: int) -> set[str]:
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            fields = row.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == LISTEN:
                found.add(_address(address))
    return found


def test_the_proc_table_reading_knows_loopback_from_every_interface() -> None:
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as wildcard, socket.socket() as loopback:
        wildcard.bind(("::", 0))
        wildcard.listen()
        loopback.bind(("127.0.0.1", 0))
        loopback.listen()
        assert listening_addresses(wildcard.getsockname()[1]) == {"::"}
        assert listening_addresses(loopback.getsockname()[1]) == {"127.0.0.1"}


def test_make_run_listens_on_127_0_0_1_only() -> None:
    port = free_port()
    server = subprocess.Popen(make_run_command(port), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", server, "make run")
        assert listening_addresses(port) == {"127.0.0.1"}
    finally:
        stop_process(server)
