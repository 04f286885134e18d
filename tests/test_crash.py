"""Faults: a worker killed (SIGKILL) in the middle of an ingest leaves no partial source, and gunicorn goes on
serving; a database that turned read-only refuses writes with 503 problem+json while reads go on."""
from __future__ import annotations

import itertools
import os
import shutil
import signal
import sqlite3
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from conftest import Server, create_api_key
from reliability_support import (article, database_counts, expected_positions, fresh_database, stored_sources,
                                 wait_for_workers, worker_pids)

KILLS_ANYWHERE = 6  # at delays spread over a whole ingest, from accepted to answered
KILLS_IN_TRANSACTION = 6  # at delays spread over the store, once its transaction is seen open
POLL_SECONDS = 0.003
PARAGRAPHS = 300  # ~95 kB, 200 positions: extraction ~0.9 s, then the store ~0.2 s (2 cores)


@pytest.fixture(scope="module")
def crash_server(tmp_path_factory):
    with fresh_database(tmp_path_factory.mktemp("crash")) as url:
        key = create_api_key(url, "crash")
        server = Server(url, workers=2)
        try:
            server.wait_ready()
            yield server, key, url
        finally:
            server.stop()


def connected_worker(server, pids, timeout: float = 30) -> int:
    """The worker that accepted the one request in flight: it holds the established connection."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for pid in pids:
            if server.port in tcp_ports(pid, local=True):
                return pid
        time.sleep(0.002)
    raise AssertionError("no worker accepted the request")


def tcp_ports(pid: int, *, local: bool, remote_port: int | None = None) -> set[int]:
    """The process's established TCP connections: their local ports (local=True, to `remote_port` if given),
    or their remote ports."""
    import psutil

    try:
        connections = psutil.Process(pid).net_connections(kind="tcp")
    except psutil.NoSuchProcess:
        return set()
    established = [c for c in connections if c.status == psutil.CONN_ESTABLISHED and c.raddr]
    if remote_port is not None:
        return {c.laddr.port for c in established if c.raddr.port == remote_port}
    return {c.laddr.port if local else c.raddr.port for c in established}


class StoreTransaction:
    """Whether a worker is inside a write transaction, seen from outside, as the database shows it.

    SQLite: the write lock is taken (BEGIN IMMEDIATE with no wait fails; only the worker writes here).
    PostgreSQL: the worker's connection, found by its client port, is in a transaction of more than one
    statement (the reads before the store are single autocommit statements)."""

    def __init__(self, url: str):
        self.sqlite = url.startswith("sqlite:///")
        self.ports: dict[int, list[int]] = {}
        if self.sqlite:
            self.probe = sqlite3.connect(url[len("sqlite:///"):], timeout=0, isolation_level=None)
        else:
            import psycopg2
            from urllib.parse import urlsplit

            self.postgres_port = urlsplit(url).port or 5432
            self.probe = psycopg2.connect(url.replace("postgresql://", "postgres://", 1))
            self.probe.autocommit = True

    def open_in(self, pid: int) -> bool:
        if self.sqlite:
            try:
                self.probe.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:  # database is locked: a writer is inside its transaction
                return True
            self.probe.execute("ROLLBACK")
            return False
        # a worker keeps its connections, but each of its threads opens its own when it first needs one: the
        # ports are looked up again (psutil is slow) only when the ones known show no transaction
        if self._in_transaction(self.ports.get(pid) or []):
            return True
        self.ports[pid] = list(tcp_ports(pid, local=True, remote_port=self.postgres_port))
        return self._in_transaction(self.ports[pid])

    def _in_transaction(self, ports: list[int]) -> bool:
        if not ports:
            return False
        with self.probe.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE client_port = ANY(%s) AND "
                           "(state = 'idle in transaction' OR xact_start < query_start)", (ports,))
            return cursor.fetchone()[0] > 0

    def wait_open(self, pid: int, thread: threading.Thread) -> float | None:
        """When the worker's transaction was first seen open; None if the request ended without one."""
        while thread.is_alive():
            if self.open_in(pid):
                return time.perf_counter()
            time.sleep(POLL_SECONDS)
        return None

    def close(self) -> None:
        self.probe.close()


def submit_in_background(server, key, text) -> tuple[threading.Thread, dict]:
    outcome = {}

    def post():
        try:
            outcome["status"] = requests.post(f"{server.url}/articles", json={"text": text}, timeout=120,
                                              headers={"Authorization": f"Bearer {key}"}).status_code
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError):
            # (killed while sending the answer's body, after its headers: the client sees a broken chunked read)
            outcome["status"] = "connection closed"

    thread = threading.Thread(target=post)
    thread.start()
    return thread, outcome


def has_loaded_the_nlp_models(pid: int) -> bool:
    import psutil

    return any("underthesea" in region.path for region in psutil.Process(pid).memory_maps())


def warm_up(server, key, pids, articles) -> None:
    """Small submissions until every worker in `pids` has loaded the NLP models (underthesea's native
    library is mapped): timed kills then fall over an ingest, not over a new worker's first model load."""
    while not all(has_loaded_the_nlp_models(pid) for pid in pids):
        response = requests.post(f"{server.url}/articles", json={"text": article(next(articles))}, timeout=120,
                                 headers={"Authorization": f"Bearer {key}"})
        assert response.status_code == 201, response.text[:500]


def timed_ingest(server, key, text, watch: StoreTransaction) -> tuple[float, float]:
    """(seconds from accepted to answered, seconds the store transaction was seen open) of one ingest."""
    pids = worker_pids(server.process.pid)
    thread, outcome = submit_in_background(server, key, text)
    worker = connected_worker(server, pids)
    accepted = time.perf_counter()
    opened = watch.wait_open(worker, thread)
    closed = opened
    while thread.is_alive():
        if watch.open_in(worker):
            closed = time.perf_counter()
        time.sleep(POLL_SECONDS)
    assert outcome["status"] == 201 and opened is not None
    return time.perf_counter() - accepted, closed - opened


def test_a_worker_killed_mid_ingest_leaves_no_partial_source(crash_server):
    server, key, url = crash_server
    master = server.process.pid
    small_articles = itertools.count(10**6, 3)
    large_articles = itertools.count(0, PARAGRAPHS)
    watch = StoreTransaction(url)
    warm_up(server, key, wait_for_workers(master, 2), small_articles)
    # the faster of two ingests: the first large store may run beside the other worker's model loading
    timings = [timed_ingest(server, key, article(next(large_articles), PARAGRAPHS), watch) for _ in range(2)]
    ingest_seconds, store_seconds = min(timings)
    seeded = {source_id: count for source_id, name, _, count in stored_sources(url) if name}

    outcomes = []
    plan = [("anywhere", 1.2 * ingest_seconds * i / (KILLS_ANYWHERE - 1)) for i in range(KILLS_ANYWHERE)]
    plan += [("in transaction", 0.9 * store_seconds * i / (KILLS_IN_TRANSACTION - 1))
             for i in range(KILLS_IN_TRANSACTION)]
    for phase, delay in plan:
        pids = wait_for_workers(master, 2)
        thread, outcome = submit_in_background(server, key, article(next(large_articles), PARAGRAPHS))
        victim = connected_worker(server, pids)
        if phase == "in transaction":
            assert watch.wait_open(victim, thread) is not None, "the ingest ended before its store began"
        time.sleep(delay)
        os.kill(victim, signal.SIGKILL)
        thread.join()
        outcomes.append((phase, round(delay, 2), outcome["status"]))
        replacement = wait_for_workers(master, 2, without={victim})
        if phase == "anywhere":
            warm_up(server, key, replacement, small_articles)
    watch.close()

    stored = stored_sources(url)
    submitted = [(text, count) for _, name, text, count in stored if not name]
    large = [count for text, count in submitted if text.count("\n\n") == PARAGRAPHS]
    print(f"one ingest: {ingest_seconds:.2f} s, of which the store transaction {store_seconds:.2f} s; kills "
          f"(phase, delay s, answer): {outcomes}; {len(large) - len(timings)} of {len(plan)} killed ingests were "
          "stored whole, the others not at all")
    for text, count in submitted:
        assert count == expected_positions(text)  # all its positions, or the source is not there at all
    assert {source_id: count for source_id, name, _, count in stored if name} == seeded
    counts = database_counts(url)
    assert counts["orphan_positions"] == counts["orphan_targets"] == counts["orphan_topics"] == 0

    # still serving: reads, and a new ingest stored whole
    assert requests.get(f"{server.url}/health", timeout=30).status_code == 200
    text = article(next(large_articles), 3)
    after = requests.post(f"{server.url}/articles", json={"text": text}, timeout=120,
                          headers={"Authorization": f"Bearer {key}"})
    assert after.status_code == 201 and after.json()["position_count"] == expected_positions(text)


# Shell steps run in a mount namespace of gunicorn's own (as root): what they mount is seen by that process
# only and goes with it. $0 is the database's directory; the command to exec follows the step's arguments.
READ_ONLY_DISK = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
FULL_DISK = 'mount -t tmpfs -o size="$1" tmpfs "$0" && cp "$2" "$0/positions.sqlite3" && shift 2 && exec "$@"'


def can_make_mount_namespaces() -> bool:
    if os.geteuid() != 0:
        return False
    return subprocess.run(["unshare", "--mount", "true"], capture_output=True, check=False).returncode == 0


class ConfinedServer(Server):
    """gunicorn (one worker) started after `setup`, a shell step that prepares the file system it sees."""

    def __init__(self, database_url: str, setup: str | None = None, args: tuple[str, ...] = ()):
        import sys

        from conftest import ROOT, free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}", "--workers", "1",
                   "--access-logfile", "-", "api:create_app()"]
        if setup:
            command = ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c", setup, *args, *command]
        self.process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "DATABASE_URL": database_url},
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@contextmanager
def serving(server):
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def seeded_sqlite_copy(tmp_path: Path, directory: Path) -> tuple[Path, str]:
    """A seeded SQLite database in `directory`, and an API key stored in it."""
    if os.environ.get("TEST_DATABASE_URL"):
        pytest.skip("SQLite's own failure; PostgreSQL has test_a_read_only_postgresql_refuses_writes_with_503")
    directory.mkdir()
    database = directory / "positions.sqlite3"
    with fresh_database(tmp_path) as seeded_url:
        shutil.copy(seeded_url[len("sqlite:///"):], database)
    store_submitted_article(f"sqlite:///{database}")
    return database, create_api_key(f"sqlite:///{database}", "faults")


SUBMITTED = article(10**6)  # stored before the database turns read-only: then deleting it must fail


def store_submitted_article(url: str) -> None:
    import extraction
    import models
    from models.ingest import store_article

    with models.bind(url).connection_context():
        store_article(SUBMITTED, extraction.ArticleMeta(), extraction.extract(SUBMITTED))


def test_a_read_only_sqlite_database_refuses_writes_with_503_and_keeps_serving_reads(tmp_path):
    """The disk turned read-only under a running server, as when the kernel remounts a failing disk.

    Root ignores file modes, so as root the directory is a read-only bind mount of itself in gunicorn's
    mount namespace; any other user gets the directory and its files made read-only (chmod). This process
    keeps a connection open, as the server's other workers would: the -wal and -shm files then exist,
    which a read-only WAL reader needs."""
    if os.geteuid() == 0 and not can_make_mount_namespaces():
        pytest.skip("root without the right to make a mount namespace (unshare --mount) cannot make a "
                    "read-only file system, and root ignores file modes")
    directory = tmp_path / "disk"
    database, key = seeded_sqlite_copy(tmp_path, directory)
    holder = sqlite3.connect(database)
    holder.execute("PRAGMA journal_mode=wal")
    holder.execute("SELECT COUNT(*) FROM source").fetchone()
    if os.geteuid() == 0:
        server = ConfinedServer(f"sqlite:///{database}", READ_ONLY_DISK, (str(directory),))
    else:
        for path in (*directory.iterdir(), directory):
            path.chmod(0o555 if path.is_dir() else 0o444)
        server = ConfinedServer(f"sqlite:///{database}")
    try:
        with serving(server):
            assert_refuses_writes_and_serves_reads(server, key, 503, "read-only")
    finally:
        directory.chmod(0o755)
        holder.close()


def test_a_full_sqlite_disk_refuses_writes_with_507_and_keeps_serving_reads(tmp_path):
    """The database on a file system with 128 KiB left (a tmpfs of gunicorn's own): a large article does
    not fit."""
    if not can_make_mount_namespaces():
        pytest.skip("needs root and mount namespaces (unshare --mount) to give the server a small disk")
    database, key = seeded_sqlite_copy(tmp_path, tmp_path / "seeded")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    size = (database.stat().st_size // 4096 + 32) * 4096
    server = ConfinedServer(f"sqlite:///{mount_point / 'positions.sqlite3'}", FULL_DISK,
                            (str(mount_point), str(size), str(database)))
    with serving(server):
        # a deletion may still fit (SQLite frees pages): only the large article is sure not to
        assert_refuses_writes_and_serves_reads(server, key, 507, "no space", article(0, PARAGRAPHS), deletes=False)


def test_a_read_only_postgresql_refuses_writes_with_503(tmp_path):
    """A hot standby, or default_transaction_read_only set on the database: PostgreSQL's read-only error."""
    if not os.environ.get("TEST_DATABASE_URL"):
        pytest.skip("PostgreSQL only (TEST_DATABASE_URL); SQLite has its own tests above")
    with fresh_database(tmp_path) as url:
        key = create_api_key(url, "read-only")
        store_submitted_article(url)
        read_only = url.replace("options=", "options=-cdefault_transaction_read_only%3Don%20", 1)
        with serving(Server(read_only, workers=1)) as server:
            assert_refuses_writes_and_serves_reads(server, key, 503, "read-only")


def assert_refuses_writes_and_serves_reads(server, key, status: int, needle: str, text: str = article(0),
                                         deletes: bool = True) -> None:
    """POST /articles (and DELETE of a submitted source) answer `status` problem+json; reads go on, unchanged."""
    sources = requests.get(f"{server.url}/sources?per_page=100", timeout=30)
    assert sources.status_code == 200 and sources.json()["total"] > 0
    writes = [requests.post(f"{server.url}/articles", json={"text": text}, timeout=120,
                            headers={"Authorization": f"Bearer {key}"})]
    if deletes:
        submitted = next(s["id"] for s in sources.json()["items"] if not s["name"])
        writes.append(requests.delete(f"{server.url}/sources/{submitted}", timeout=30,
                                      headers={"Authorization": f"Bearer {key}"}))
    for response in writes:
        assert response.status_code == status, response.text[:500]
        assert response.headers["Content-Type"].startswith("application/problem+json")
        assert response.json()["status"] == status and needle in response.json()["detail"]
        assert "Traceback" not in response.text
    assert requests.get(f"{server.url}/positions?q=NATO", timeout=30).status_code == 200
    assert requests.get(f"{server.url}/sources?per_page=100", timeout=30).json() == sources.json()
