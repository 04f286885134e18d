"""End to end: the real gunicorn server, every response checked against openapi.yaml, and the README's curls."""
from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse
from openapi_core.testing import MockRequest, MockResponse

ROOT = Path(__file__).resolve().parent.parent


def as_text(body, **parameters) -> str:
    return body.decode(parameters.get("charset", "utf-8")) if isinstance(body, bytes) else body


@pytest.fixture(scope="module")
def openapi(server):
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    spec["servers"] = [{"url": server.url}]
    # problem+json is JSON; openapi-core only knows application/json by name
    config = Config(extra_media_type_deserializers={
        "application/problem+json": json.loads, "application/ld+json": json.loads,
        "text/csv": as_text, "application/x-ndjson": as_text, "image/svg+xml": as_text,
        "application/atom+xml": as_text})
    return OpenAPI.from_dict(spec, config=config)


@pytest.fixture(scope="module")
def get(server, openapi):
    """GET through the server; every response is validated against the contract."""

    def fetch(path: str) -> requests.Response:
        response = requests.get(server.url + path, timeout=30)
        openapi.validate_response(RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response))
        return response

    return fetch


URLS = [
    "/positions", "/positions?actor=NATO", "/positions?actor=Nga&kind=demand", "/positions?q=dam%20phan",
    "/positions?has_quote=true&per_page=5&page=2", "/positions?since=2022-01-20&until=2022-01-31",
    "/positions?target=Mỹ&topic=diplomacy", "/demands", "/rebuttals", "/actors", "/actors/Moscow", "/people",
    "/sources", "/topics", "/health",
    # other representations and search ranking
    "/positions?format=csv", "/positions?actor=NATO&format=ndjson", "/positions?format=jsonld&per_page=3",
    "/demands?format=csv", "/rebuttals?format=jsonld", "/positions?q=dam%20phan&sort=relevance",
    "/positions?q=NATO&sort=newest",
    # errors are part of the contract too
    "/positions?actor=XYZ", "/positions?bogus=1", "/positions?since=2022-02-30", "/positions?page=500",
    "/positions/does-not-exist", "/actors/XYZ", "/sources/nope",
]


@pytest.mark.parametrize("path", URLS)
def test_responses_conform_to_the_contract(get, path):
    response = get(path)
    assert response.status_code < 500


def test_detail_pages_conform(get):
    first = get("/positions?per_page=1").json()["items"][0]
    assert get(f"/positions/{first['id']}").json() == first
    assert get(f"/sources/{first['source']['id']}").json()["id"] == first["source"]["id"]


def test_actor_aliases_agree_over_http(get):
    def ids(actor):
        return [p["id"] for p in get(f"/positions?actor={actor}&per_page=100").json()["items"]]

    assert ids("Nga") == ids("russia") == ids("Moscow") == ids("RUSSIA") != []
    problem = get("/positions?actor=XYZ")
    assert problem.status_code == 400 and "NATO" in problem.json()["detail"]


def readme_curls() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^\$ (curl [^\n]+)$", text, flags=re.MULTILINE)


def test_readme_has_a_cookbook():
    assert len(readme_curls()) >= 8


NOT_OPERATIONS = {"/openapi.yaml", "/openapi.json", "/docs", "/explore"}  # pages and the contract: no operation


def expected_status(command: str) -> str:
    """A trailing `# NNN` names the status; otherwise 400 for XYZ, 404 for does-not-exist, else 200."""
    stated = re.search(r"#\s*(\d{3})\s*$", command)
    if stated:
        return stated.group(1)
    return "400" if "XYZ" in command else "404" if "does-not-exist" in command else "200"


@pytest.fixture(scope="module")
def example_job(server, api_key, database_url):
    """The id of a job made from the README's example batch: the cookbook's $JOB_ID. Afterwards, once the
    server has run every queued article (this one and the cookbook's), the source they stored is deleted:
    later tests compare the session's database with a fresh seed."""
    auth = {"Authorization": f"Bearer {api_key}"}
    response = requests.post(f"{server.url}/articles/batch", data=(ROOT / "docs" / "examples" / "batch.ndjson")
                             .read_bytes(), timeout=60, headers={**auth, "Content-Type": "application/x-ndjson"})
    assert response.status_code == 202, response.text[:500]
    yield response.json()["id"]
    import time

    import models
    from models.jobs import pending_count

    db = models.bind(database_url)
    with db.connection_context():
        deadline = time.monotonic() + 120
        while pending_count() and time.monotonic() < deadline:
            time.sleep(0.2)
    job = requests.get(server.url + response.headers["Location"], timeout=30).json()
    for source_id in {a["source_id"] for a in job["articles"] if a["source_id"]}:
        requests.delete(f"{server.url}/sources/{source_id}", headers=auth, timeout=30)


@pytest.mark.parametrize("command", readme_curls())
def test_readme_cookbook_examples_work(server, openapi, api_key, example_job, command, tmp_path):
    expected = expected_status(command)
    args = [a.replace("localhost:8000", f"127.0.0.1:{server.port}").replace("127.0.0.1:8000",
                                                                         f"127.0.0.1:{server.port}")
            .replace("$API_KEY", api_key).replace("$JOB_ID", example_job)
            for a in shlex.split(command, comments=True)]
    headers = tmp_path / "headers"
    result = subprocess.run([*args, "--silent", "--show-error", "--dump-header", str(headers), "--write-out",
                             "\n%{http_code}"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    body, status = result.stdout.rsplit("\n", 1)
    assert status == expected, body[:500]
    assert body.strip() or status == "204"
    conforms(openapi, server, args, body, status, headers.read_text())


def conforms(openapi, server, args: list[str], body: str, status: str, header_lines: str) -> None:
    """What curl got is checked against the contract too (not the contract itself, a 204, a CORS preflight)."""
    url = urlsplit("http://" + next(a for a in args if f"127.0.0.1:{server.port}" in a).split("://")[-1])
    method = args[args.index("-X") + 1].lower() if "-X" in args else "get"
    if url.path in NOT_OPERATIONS or status == "204" or method == "options":
        return
    if "-i" in args:  # curl -i prints the headers (and a blank line: text mode reads CRLF as LF) before the body
        body = body.split("\n\n", 1)[1]
    fields = (line.split(": ", 1) for line in header_lines.splitlines()[1:] if ": " in line)
    headers = {name.lower(): value for name, value in fields}
    openapi.validate_response(MockRequest(server.url, method, url.path, args=parse_qsl(url.query)),
                              MockResponse(body.encode(), int(status), headers=headers,
                                           content_type=headers["content-type"].split(";")[0]))
