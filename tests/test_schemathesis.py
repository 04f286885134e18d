"""Contract fuzzing: schemathesis against a real gunicorn server, every operation, derandomized.

Three runs: reads (300 examples per operation), writes with a valid API key (100 per operation), and the
stateful phase, which follows the OpenAPI links of a submitted article (GetSource, DeleteSource,
ListItsPositions) and the links schemathesis infers between the reads. Each run has the examples,
coverage and fuzzing phases or the stateful one; generation is deterministic (the same cases every run).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from conftest import Server

ROOT = Path(__file__).resolve().parent.parent
READ_EXAMPLES = os.environ.get("SCHEMATHESIS_EXAMPLES", "300")
WRITE_EXAMPLES = os.environ.get("SCHEMATHESIS_WRITE_EXAMPLES", "100")  # accepted articles are extracted
STATEFUL_EXAMPLES = int(os.environ.get("SCHEMATHESIS_STATEFUL_EXAMPLES", "60"))
CASE_PHASES = "examples,coverage,fuzzing"
# a schema-violating body may also be refused as larger than the 1 MiB limit (413), or a query as a too-long
# URL (414): correct refusals that schemathesis' default list lacks
REJECTIONS = """
[checks.negative_data_rejection]
expected-statuses = ["400", "401", "403", "404", "405", "406", "409", "413", "414", "415", "422", "428", "429", "5xx"]
"""


@pytest.fixture(scope="module")
def fuzzed_server(database_url):
    """gunicorn on the suite's database, with no practical write rate limit: hundreds of writes with one
    key must meet the contract's checks, not 429s."""
    with pytest.MonkeyPatch.context() as patch, ExitStack() as stack:
        patch.setenv("WRITE_RATE_LIMIT", "1000000/minute")
        srv = Server(database_url)
        stack.callback(srv.stop)
        srv.wait_ready()
        yield srv


@pytest.fixture()
def submitted_sources_removed(database_url):
    yield
    import models
    from models.ingest import delete_source
    from models.jobs import pending_count

    db = models.bind(database_url)
    with db.connection_context():
        deadline = time.monotonic() + 120  # the server's runners finish the batches' articles first
        while pending_count() and time.monotonic() < deadline:
            time.sleep(0.2)
        for source in models.Source.select().where(models.Source.name.is_null()):
            delete_source(source)


def schemathesis(server, api_key, tmp_path, *selection: str, config: str = "", hooks: str = "schemathesis_ndjson"):
    # positive_data_acceptance is excluded on purpose: the contract documents that some schema-valid
    # values are refused with 400 (an actor name that matches no actor, a page past the last one, text
    # that is not Vietnamese prose), which that check counts as a failure.
    config_file = tmp_path / "schemathesis.toml"
    config_file.write_text(REJECTIONS + config)
    command = [
        str(Path(sys.executable).parent / "schemathesis"), "--config-file", str(config_file), "run",
        str(ROOT / "openapi.yaml"), "--url", server.url, "--checks", "all",
        "--exclude-checks", "positive_data_acceptance", "--generation-deterministic", "--no-color",
        "--header", f"Authorization: Bearer {api_key}", "--report", "junit,har", "--report-dir", str(tmp_path),
        "--report-har-path", str(tmp_path / "requests.har"),
        *selection,
    ]
    env = {**os.environ}  # hooks: the NDJSON serializer (POST /articles/batch); the stateful run's bodies
    env.update(SCHEMATHESIS_HOOKS=hooks,
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "tests"), env.get("PYTHONPATH")])))
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, timeout=1200, cwd=tmp_path, env=env)
    summary = "\n".join(line[:300] for line in result.stdout.splitlines()[-45:])
    print(summary, f"\nschemathesis ran {time.monotonic() - started:.1f} s", sep="")
    assert result.returncode == 0, summary
    return result.stdout


def test_schemathesis_finds_no_failure_on_reads(fuzzed_server, api_key, tmp_path):
    schemathesis(fuzzed_server, api_key, tmp_path, "--include-method", "GET", "--max-examples", READ_EXAMPLES,
                 "--phases", CASE_PHASES, "--workers", "2")


def test_schemathesis_finds_no_failure_on_writes(fuzzed_server, api_key, tmp_path, submitted_sources_removed):
    schemathesis(fuzzed_server, api_key, tmp_path, "--exclude-method", "GET", "--max-examples", WRITE_EXAMPLES,
                 "--phases", CASE_PHASES)


def test_schemathesis_stateful_follows_the_links(fuzzed_server, api_key, tmp_path, submitted_sources_removed):
    """Submit articles, then follow their links: read each one back, list its positions, delete it (and
    check it is gone: use_after_free, ensure_resource_availability)."""
    operations = [option for operation_id in ("submitArticle", "getSource", "deleteSource", "listPositions",
                                              "submitBatch", "getJob")
                  for option in ("--include-operation-id", operation_id)]
    schemathesis(fuzzed_server, api_key, tmp_path, "--phases", "stateful", *operations, hooks="schemathesis_hooks",
                 config=f"[phases.stateful.generation]\nmax-examples = {STATEFUL_EXAMPLES}\n")
    exchanges = [(e["request"]["method"], urlsplit(e["request"]["url"]), e["response"]["status"],
                  {h["name"].lower(): h["value"] for h in e["response"]["headers"]})
                 for e in json.loads((tmp_path / "requests.har").read_text())["log"]["entries"]]
    created = {headers["location"].rsplit("/", 1)[1] for method, url, status, headers in exchanges
               if method == "POST" and url.path == "/articles" and status == 201}
    assert created, "no article was submitted"
    followed = {
        "GetSource": {url.path.rsplit("/", 1)[1] for method, url, status, _ in exchanges
                      if method == "GET" and url.path.startswith("/sources/") and status == 200},
        "DeleteSource": {url.path.rsplit("/", 1)[1] for method, url, status, _ in exchanges
                         if method == "DELETE" and status == 204},
        # the link fills in source=; the other parameters are generated, and may make a valid 400
        "ListItsPositions": {value for method, url, status, _ in exchanges if method == "GET" and
                             url.path == "/positions" and status in (200, 400)
                             for name, value in parse_qsl(url.query) if name == "source"},
    }
    jobs = {headers["location"].rsplit("/", 1)[1] for method, url, status, headers in exchanges
            if method == "POST" and url.path == "/articles/batch" and status == 202}
    followed_jobs = {url.path.rsplit("/", 1)[1] for method, url, status, _ in exchanges
                     if method == "GET" and url.path.startswith("/jobs/") and status == 200}
    assert jobs & followed_jobs, f"no batch's job was read through its GetJob link ({len(jobs)} batches)"
    assert {link: bool(ids & created) for link, ids in followed.items()} == dict.fromkeys(followed, True), (
        f"{len(exchanges)} requests, {len(created)} articles created")
