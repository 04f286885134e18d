"""Fixtures: a real database seeded by the real seed script, the Flask app on it, and gunicorn serving it.

The engine is chosen by TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test); without it the
suite uses a fresh SQLite file; on PostgreSQL each run works in a schema of its own, so runs sharing a
database are independent. PostgreSQL tests skip with a reason when no server answers, except in CI
(CI=true), where they fail.
"""
from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
# The suite writes faster than an operator would: every app and gunicorn it starts allows this many writes per
# key (tests/test_ratelimit.py sets its own small limit).
os.environ.setdefault("WRITE_RATE_LIMIT", "100000/minute")
# Batch jobs run in each server's background unless a test gives its servers a Redis queue of its own
# (tests/test_batch_jobs.py): a developer's REDIS_URL must not send the suite's jobs to a shared queue.
os.environ.pop("REDIS_URL", None)


class WholeAnswerClient(FlaskClient):
    """Reads every answer whole and closes it, as a WSGI server does: an export gives its process's export
    slot back when its answer is closed (api/representations.py), and Flask's client closes nothing itself."""

    def open(self, *args, buffered=True, **kwargs):
        return super().open(*args, buffered=buffered, **kwargs)


Flask.test_client_class = WholeAnswerClient  # every app the suite makes, in-process


def postgres_reachable(url: str = POSTGRES_URL) -> bool:
    try:
        import psycopg2

        psycopg2.connect(url.replace("postgresql://", "postgres://", 1), connect_timeout=3).close()
        return True
    except Exception:
        return False


def require_postgres(url: str = POSTGRES_URL) -> None:
    """Skip (fail in CI) when PostgreSQL is not reachable."""
    if not postgres_reachable(url):
        message = f"PostgreSQL not reachable at {url}: start it or set TEST_POSTGRES_URL"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def reset_database(url: str) -> None:
    """Drop the project's tables so each run starts empty (PostgreSQL test databases are shared)."""
    import models

    db = models.bind(url)
    with db.connection_context():
        db.drop_tables(models.ALL_MODELS, safe=True, cascade=url.startswith("postgres"))
    db.close()


@contextmanager
def private_schema(url: str):
    """`url` with its connections in a fresh schema of their own, dropped afterwards.

    Runs that share one PostgreSQL database (two CI jobs, a developer and CI) never see each other's tables;
    seed script, gunicorn and the tests all connect through the returned URL.
    """
    import psycopg2

    schema = f"pytest_{os.getpid()}_{secrets.token_hex(3)}"

    def execute(sql: str) -> None:
        connection = psycopg2.connect(url.replace("postgresql://", "postgres://", 1), connect_timeout=5)
        connection.autocommit = True
        with connection, connection.cursor() as cursor:
            cursor.execute(sql)
        connection.close()

    execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    finally:
        execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def run_seed(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "seed.py"), *args], env=env, check=True,
                          capture_output=True, text=True, timeout=600)


@contextmanager
def seeded_database(directory: Path):
    """A seeded database of its own on the suite's engine: a SQLite file in `directory`, or a private
    schema of TEST_DATABASE_URL (dropped afterwards)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        url = f"sqlite:///{directory / 'positions.sqlite3'}"
        run_seed(url)
        yield url
        return
    require_postgres(url)
    with private_schema(url) as isolated:
        run_seed(isolated)
        yield isolated


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    with seeded_database(tmp_path_factory.mktemp("db")) as url:
        yield url


def create_api_key(url: str, name: str) -> str:
    """A key made by the operator's script against `url`, as an operator would."""
    env = {**os.environ, "DATABASE_URL": url}
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "create_api_key.py"), name], env=env,
                            check=True, capture_output=True, text=True, timeout=120)
    return result.stdout.strip()


@pytest.fixture(scope="session")
def api_key(database_url) -> str:
    return create_api_key(database_url, "test-suite")


@pytest.fixture(scope="session")
def app(database_url):
    from api import create_app

    return create_app({"DATABASE_URL": database_url, "TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn serving api:create_app() on a free loopback port."""

    def __init__(self, database_url: str, *, workers: int = 2, env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "DATABASE_URL": database_url, **(env or {})}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers),
             "--access-logfile", "-", "api:create_app()"], cwd=ROOT, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited: " + self.process.stderr.read().decode()[-2000:])
            try:
                if requests.get(self.url + "/health", timeout=2).status_code == 200:
                    return
            except (requests.ConnectionError, requests.Timeout):  # not listening yet, or no worker booted yet
                pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer /health in time")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def server(database_url):
    srv = Server(database_url)
    try:
        srv.wait_ready()
        yield srv
    finally:
        srv.stop()
