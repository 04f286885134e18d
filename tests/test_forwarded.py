"""Absolute URLs (JSON-LD @ids, in answers marked Cache-Control: public) are not the client's to choose
(issue 11, finding 5): X-Forwarded-* is believed only from the proxies in FORWARDED_ALLOW_IPS (by default
from nobody, not even 127.0.0.1), and with PUBLIC_BASE_URL set the ids are built from it, whatever Host says."""
from __future__ import annotations

import pytest
import requests
from conftest import Server

FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example", "X-Forwarded-For": "203.0.113.9"}


def claim_ids(base: str, headers: dict) -> list[str]:
    first = requests.get(f"{base}/positions?per_page=1", timeout=30).json()["items"][0]["id"]
    response = requests.get(f"{base}/positions/{first}?format=jsonld", headers=headers, timeout=30)
    assert response.status_code == 200 and response.headers["Cache-Control"].startswith("public")
    claim = response.json()
    return [claim["@id"], claim["appearance"]["@id"]]


@pytest.fixture()
def serving(database_url):
    servers = []

    def start(**env) -> Server:
        server = Server(database_url, workers=1, env=env)
        servers.append(server)
        server.wait_ready()
        return server

    yield start
    for server in servers:
        server.stop()


def test_forwarded_headers_from_an_unconfigured_peer_are_ignored(server):
    for url in claim_ids(server.url, FORWARDED):
        assert url.startswith(f"http://127.0.0.1:{server.port}/"), url


def test_forwarded_headers_from_a_configured_proxy_are_believed(serving):
    proxied = serving(FORWARDED_ALLOW_IPS="127.0.0.1")
    for url in claim_ids(proxied.url, {"X-Forwarded-Proto": "https"}):
        assert url.startswith(f"https://127.0.0.1:{proxied.port}/"), url


def test_a_public_base_url_builds_every_id_whatever_the_request_says(serving):
    public = serving(PUBLIC_BASE_URL="https://positions.example/api/", FORWARDED_ALLOW_IPS="127.0.0.1")
    for headers in ({}, FORWARDED, {"Host": "evil.example"}):
        ids = claim_ids(public.url, headers)
        assert ids[0].startswith("https://positions.example/api/positions/"), ids
        assert ids[1].startswith("https://positions.example/api/sources/"), ids


@pytest.mark.parametrize("value", ["positions.example", "ftp://positions.example", "https://", "https://x/?a=1"])
def test_a_public_base_url_that_is_not_one_stops_the_app_at_start(database_url, value):
    from api import create_app

    with pytest.raises(ValueError, match="PUBLIC_BASE_URL"):
        create_app({"DATABASE_URL": database_url, "PUBLIC_BASE_URL": value})
