"""Start a server as a subprocess on 127.0.0.1, wait until it answers, and always stop it."""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

VENV_BIN = Path(sys.executable).parent
PROJECT_ROOT = Path(__file__).resolve().parents[2]
# the project's own settings file (access log included) for every gunicorn, the API's and the bare app's
GUNICORN_SETTINGS = ["--config", str(PROJECT_ROOT / "gunicorn.conf.py"), "--workers", "2"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 10.0) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@contextlib.contextmanager
def serving(command: list[str], port: int, *, env: dict | None = None, cwd: str | None = None,
            ready_path: str = "/", startup_s: float = 60.0):
    """Run `command` (which must listen on 127.0.0.1:port) for the duration of the with-block."""
    log = tempfile.NamedTemporaryFile(prefix="bench-server-", suffix=".log", delete=False)
    process = subprocess.Popen(command, env={**os.environ, **(env or {})}, cwd=cwd,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_ready(process, f"http://127.0.0.1:{port}{ready_path}", startup_s, log.name)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(process)
        log.close()
        os.unlink(log.name)


def gunicorn(app: str, *, env: dict | None = None, cwd: str | None = None, ready_path: str = "/"):
    """The project's serving setup (`gunicorn 'api:create_app()'` with gunicorn.conf.py), 2 workers."""
    port = free_port()
    command = [str(VENV_BIN / "gunicorn"), *GUNICORN_SETTINGS, "--bind", f"127.0.0.1:{port}", app]
    return serving(command, port, env=env, cwd=cwd, ready_path=ready_path)


def datasette(db_path: Path, *, ready_path: str = "/"):
    """Datasette on one immutable database file; one process (it has no worker setting)."""
    port = free_port()
    command = [str(VENV_BIN / "datasette"), "serve", "-i", str(db_path), "--host", "127.0.0.1",
               "--port", str(port), "--setting", "suggest_facets", "off",
               "--setting", "sql_time_limit_ms", "5000"]
    return serving(command, port, ready_path=ready_path)


def _wait_ready(process: subprocess.Popen, url: str, startup_s: float, log_path: str) -> None:
    deadline = time.monotonic() + startup_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{Path(log_path).read_text()}")
        try:
            fetch(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server did not answer {url} within {startup_s}s:\n{Path(log_path).read_text()}")


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM the server's own process group (it was started in a new session), then SIGKILL."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)
