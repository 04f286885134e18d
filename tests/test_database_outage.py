"""The database goes away and comes back: gunicorn keeps answering, 503 problem+json while it is gone,
200 again by itself as soon as it is back.

PostgreSQL is reached through a TCP proxy started here, so "stopping the database" is closing the proxy
and cutting every connection through it, as a server restart does, without touching the real server.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests

from conftest import POSTGRES_URL, ROOT, Server, free_port, private_schema, require_postgres, run_seed

PATHS = ["/health", "/positions", "/positions?q=nga", "/sources", "/actors", "/positions?actor=NATO"]
REQUESTS_PER_PATH = 4  # with 2 workers, each worker answers some of them
EXPORT_POSITIONS = 8_000  # their full NDJSON export (~6 MB) is larger than the socket buffers


class TcpProxy:
    """Forwards 127.0.0.1:port to (host, port) of the target; stop() closes it and every connection."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = free_port()
        self._listener: socket.socket | None = None
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        if self._listener is None:
            return
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() blocked in the thread (Linux)
        except OSError:
            pass
        self._listener.close()
        self._listener = None
        with self._lock:
            for s in self._sockets:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()
            self._sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:  # closed by stop()
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._sockets |= {client, upstream}
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def through(url: str, proxy: TcpProxy) -> str:
    parts = urlsplit(url)
    netloc = f"{parts.username}@" if parts.username else ""
    return urlunsplit(parts._replace(netloc=f"{netloc}127.0.0.1:{proxy.port}"))


@pytest.fixture()
def proxied_server():
    """(server, proxy): gunicorn with 2 workers on a seeded PostgreSQL schema of its own, through the proxy."""
    require_postgres()
    with private_schema(POSTGRES_URL) as url:
        run_seed(url)
        parts = urlsplit(url)
        proxy = TcpProxy((parts.hostname, parts.port or 5432))
        proxy.start()
        server = Server(through(url, proxy))
        try:
            server.wait_ready()
            yield server, proxy
        finally:
            server.stop()
            proxy.stop()


def statuses(server: Server) -> dict[str, list[int]]:
    return {path: [requests.get(server.url + path, timeout=30).status_code for _ in range(REQUESTS_PER_PATH)]
            for path in PATHS}


def all_ok() -> dict[str, list[int]]:
    return {path: [200] * REQUESTS_PER_PATH for path in PATHS}


def test_database_down_gives_503_problems_then_recovers_by_itself(proxied_server):
    server, proxy = proxied_server
    assert statuses(server) == all_ok()  # every worker holds a connection now
    proxy.stop()
    for path in PATHS:
        for _ in range(REQUESTS_PER_PATH):
            response = requests.get(server.url + path, timeout=30)
            assert response.status_code == 503, (path, response.text[:500])
            assert response.headers["Content-Type"].startswith("application/problem+json")
            assert response.headers["Retry-After"].isdigit()
            problem = response.json()
            assert problem["status"] == 503 and "Traceback" not in response.text
    proxy.start()
    assert statuses(server) == all_ok()  # the first request after the outage already succeeds


def test_a_restart_between_requests_goes_unnoticed(proxied_server):
    """Connections cut while idle (a database restart at night) are replaced before they are used."""
    server, proxy = proxied_server
    assert statuses(server) == all_ok()
    proxy.stop()
    proxy.start()
    assert statuses(server) == all_ok()


def test_a_server_started_while_the_database_is_down_serves_once_it_is_up():
    """Workers start (and answer 503) without the database; the first request after it is up migrates."""
    require_postgres()
    with private_schema(POSTGRES_URL) as url:  # empty: the schema is made by the first request that can
        parts = urlsplit(url)
        proxy = TcpProxy((parts.hostname, parts.port or 5432))
        server = Server(through(url, proxy))
        try:
            response = None
            for _ in range(300):  # until gunicorn's workers answer (they cannot reach the database)
                try:
                    response = requests.get(server.url + "/health", timeout=30)
                    break
                except requests.ConnectionError:
                    assert server.process.poll() is None, server.process.stderr.read().decode()[-2000:]
                    time.sleep(0.2)
            assert response is not None and response.status_code == 503
            assert response.headers["Content-Type"].startswith("application/problem+json")
            proxy.start()
            for path in ("/health", "/positions", "/positions?q=nga", "/sources", "/actors"):
                assert requests.get(server.url + path, timeout=30).status_code == 200, path
            assert requests.get(server.url + "/health", timeout=30).json()["positions"] == 0
        finally:
            server.stop()
            proxy.stop()


def test_a_database_lost_mid_export_cuts_the_answer_so_the_client_can_tell():
    """Once an export's 200 is sent, only how its body ends can tell a failure: the connection closes without
    the chunked body's last chunk, instead of ending as a whole export would."""
    require_postgres()
    with private_schema(POSTGRES_URL) as url:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_corpus.py"), "--sources",
                        str(EXPORT_POSITIONS // 10), "--quiet"], cwd=ROOT, env={**os.environ, "DATABASE_URL": url},
                       check=True, capture_output=True, timeout=600)
        parts = urlsplit(url)
        proxy = TcpProxy((parts.hostname, parts.port or 5432))
        proxy.start()
        server = Server(through(url, proxy), workers=1)
        sock = socket.socket()
        try:
            server.wait_ready()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.settimeout(30)
            sock.connect(("127.0.0.1", server.port))
            sock.sendall(b"GET /positions?format=ndjson HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            received = sock.recv(4096)
            time.sleep(1)  # the server fills the socket buffers and waits for this client to read
            proxy.stop()  # ... while the database goes away: the next chunk's query fails
            while data := sock.recv(65536):
                received += data
        finally:
            sock.close()
            server.stop()
            proxy.stop()
    head, _, body = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200") and b"transfer-encoding: chunked" in head.lower()
    assert not body.endswith(b"\r\n0\r\n\r\n"), body[-64:]  # not the end of a whole chunked body
    assert body.count(b'\n{"') < EXPORT_POSITIONS - 1  # fewer rows than the whole export (one a line)
