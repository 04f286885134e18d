"""Actors, people, sources, topics and health on the seeded corpus."""
from __future__ import annotations

from extraction.types import KINDS


def test_actors_list_codes_names_and_counts(client):
    actors = {a["code"]: a for a in client.get("/actors").get_json()}
    assert {"NATO", "RUSSIA", "US", "UK", "UKRAINE"} <= actors.keys()
    assert actors["RUSSIA"]["name_vi"] == "Nga" and "Moscow" in actors["RUSSIA"]["aliases"]
    assert actors["NATO"]["position_count"] > 0


def test_actor_detail_counts_per_kind_and_accepts_aliases(client):
    russia = client.get("/actors/RUSSIA").get_json()
    assert set(russia["counts_by_kind"]) == set(KINDS)
    assert sum(russia["counts_by_kind"].values()) == russia["position_count"]
    assert client.get("/actors/Moscow").get_json() == russia


def test_people_have_roles_and_parties(client):
    people = {p["name"]: p for p in client.get("/people?per_page=100").get_json()["items"]}
    assert people["Jens Stoltenberg"]["actor"] == "NATO" and people["Jens Stoltenberg"]["position_count"] > 0
    assert people["Sergei Lavrov"]["role"]


def test_people_is_a_page_of_those_who_spoke_unless_asked(client):
    speaking = client.get("/people?per_page=2").get_json()
    assert speaking["per_page"] == 2 and speaking["total"] > 2 and speaking["links"]["next"]
    every = {p["name"]: p["position_count"] for p in client.get("/people?per_page=100").get_json()["items"]}
    silent = client.get("/people?has_positions=false&per_page=100").get_json()
    assert every and all(n > 0 for n in every.values()) and len(every) == speaking["total"]
    assert silent["total"] > 0 and all(p["position_count"] == 0 for p in silent["items"])
    assert not set(every) & {p["name"] for p in silent["items"]}
    assert client.get("/people?per_page=2&page=2").get_json()["items"][0]["name"] == list(every)[2]


def test_sources_list_and_detail(client):
    page = client.get("/sources").get_json()
    assert page["total"] == 5
    detail = client.get(f"/sources/{page['items'][0]['id']}").get_json()
    assert detail["text"] and len(detail["positions"]) == detail["position_count"]
    assert [p["start"] for p in detail["positions"]] == sorted(p["start"] for p in detail["positions"])


def test_topics(client):
    topics = {t["code"]: t for t in client.get("/topics").get_json()}
    assert {"nato-enlargement", "diplomacy", "sanctions"} <= topics.keys()
    assert topics["diplomacy"]["position_count"] > 0


def test_health(client):
    body = client.get("/health").get_json()
    assert body["status"] == "ok" and body["positions"] > 0


def test_docs_page_assets_are_served_locally(client):
    page = client.get("/docs").get_data(as_text=True)
    assert "/docs/static/swagger-ui-bundle.js" in page and "https://" not in page.split("<body>")[0]
    assert client.get("/docs/static/swagger-ui-bundle.js").status_code == 200
