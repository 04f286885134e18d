"""The ceiling of this stack: a WSGI app that returns one fixed JSON body, served by the same gunicorn.

The body is read once at import from the file named by BENCH_BODY_FILE (run.py writes there the
bytes of the real `/positions?actor=NATO` response, so both servers send the same number of bytes).

    BENCH_BODY_FILE=/tmp/body.json gunicorn -w 2 -k sync --chdir scripts/bench bare_wsgi:app
"""
import os
from pathlib import Path

BODY = Path(os.environ["BENCH_BODY_FILE"]).read_bytes() if os.environ.get("BENCH_BODY_FILE") else b"{}"
HEADERS = [("Content-Type", "application/json"), ("Content-Length", str(len(BODY)))]


def app(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
