"""What a newcomer tripped over on a fresh clone (issue 12, item 6), each pinned: search ranking and
highlights, English summaries, actor aliases, the make targets, and where a source's url comes from."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from models.summary import topic_phrase
from models.text import as_typed, fold, highlight

ROOT = Path(__file__).resolve().parent.parent


def searchable(p: dict) -> str:
    return " ".join(filter(None, [p["text"], p["quote"], (p["speaker"] or {}).get("name")]))


def words_of(text: str, transform) -> str:
    return " " + " ".join(re.findall(r"\w+", transform(text))) + " "


def test_adjacent_words_rank_above_the_same_words_apart(client):
    ranked = client.get("/positions?q=NATO%20bac%20bo&per_page=100").get_json()["items"]
    together = [" bac bo " in words_of(searchable(p), fold) for p in ranked]
    assert sum(together) >= 3 and not all(together)  # the corpus holds both kinds: the test can tell them apart
    assert together == sorted(together, reverse=True), "every row saying 'bác bỏ' before 'Bắc ... công bố'"
    assert all("«bác bỏ»" in p["highlight"] for p, t in zip(ranked, together) if t)


def test_the_spelling_as_typed_ranks_above_its_folded_twins(client):
    ranked = client.get("/positions?q=phản&per_page=100").get_json()["items"]
    exact = [" phản " in words_of(searchable(p), as_typed) for p in ranked]
    assert any(exact) and not all(exact)  # "phản" and also "phán", "phần"
    assert exact == sorted(exact, reverse=True)


def test_whole_words_rank_above_parts_of_words(client):
    ranked = client.get("/positions?q=nga&per_page=100").get_json()["items"]
    whole = [" nga " in words_of(searchable(p), fold) for p in ranked]
    assert any(whole) and whole == sorted(whole, reverse=True)


def test_dam_phan_marks_the_phrase_never_a_syllable_of_another_word(client):
    ranked = client.get("/positions?q=dam%20phan&per_page=100").get_json()["items"]
    marks = [m for p in ranked for m in re.findall("«([^»]*)»", p["highlight"] or "")]
    assert marks and {fold(m) for m in marks} == {"dam phan"}, marks
    replies = [p for p in ranked if "phản hồi" in p["text"]]
    assert replies and all("«phản" not in (p["highlight"] or "") for p in replies)


@pytest.mark.parametrize("text, query, expected", [
    # the cases
    ("thư phản hồi của Washington về đàm phán", "dam phan", "thư phản hồi của Washington về «đàm phán»"),
    ("thư phản hồi của Washington", "dam phan", None),
    ("Mỹ và các đồng minh NATO đã bác bỏ quan điểm này", "NATO bac bo",
     "Mỹ và các đồng minh «NATO» đã «bác bỏ» quan điểm này"),
    # names typed without diacritics, words typed with them
    ("với Mỹ, Nga muốn có quan hệ tốt", "nga my", "với «Mỹ», «Nga» muốn có quan hệ tốt"),
    ("Nga bác bỏ, không phải bắc bộ", "bác bỏ", "Nga «bác bỏ», không phải bắc bộ"),
    # one word: every folded whole word, else inside longer words
    ("Moscow sẵn sàng đàm phán", "dam", "Moscow sẵn sàng «đàm» phán"),
    ("ngay sau đó", "nga", "«nga»y sau đó"),
])
def test_highlight(text, query, expected):
    assert highlight(text, query) == expected


@pytest.mark.parametrize("labels, expected", [
    (["Missiles"], "on missiles"),
    (["Missiles", "Sanctions"], "on missiles and sanctions"),
    (["Arms control", "Military exercises and transparency", "Diplomacy"],
     "on arms control, on military exercises and transparency and on diplomacy"),
    (["Risk of invasion, conflict, de-escalation"], "on risk of invasion, conflict and de-escalation"),
    (["Diplomacy", "Risk of invasion, conflict, de-escalation"],
     "on diplomacy and on risk of invasion, conflict and de-escalation"),
    (["NATO enlargement", "Ukraine's membership"], "on NATO enlargement and Ukraine's membership"),
])
def test_topic_phrases_read_as_english(labels, expected):
    assert topic_phrase(labels) == expected


def test_summaries_never_run_two_topics_together(client):
    summaries = [p["summary"] for p in client.get("/positions?per_page=100").get_json()["items"]]
    assert any(" on " in s for s in summaries)
    for summary in summaries:
        assert "transparency and diplomacy" not in summary and "; " not in summary, summary
        assert "conflict, de-escalation" not in summary, summary


def test_actor_aliases_name_only_that_actor_once_per_spelling(client):
    russia = client.get("/actors/Kremlin").get_json()
    assert "Kremlin" in russia["aliases"] and "phía Nga" in russia["aliases"]
    assert not [a for a in russia["aliases"] if "Thịnh vượng chung" in a]
    folded = [a.casefold() for a in russia["aliases"]]
    assert len(folded) == len(set(folded)), "no case duplicates"
    for actor in client.get("/actors").get_json():
        assert len({a.casefold() for a in actor["aliases"]}) == len(actor["aliases"]), actor["code"]
    assert "Bộ Ngoại giao và Thịnh vượng chung Anh" in client.get("/actors/UK").get_json()["aliases"]
    assert client.get("/positions?actor=Bộ Ngoại giao và Thịnh vượng chung Nga").status_code == 400
    assert client.get("/positions?actor=Bộ Ngoại giao và Thịnh vượng chung Anh").status_code == 200


def make(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


def test_make_serve_installs_the_runtime_only_and_make_test_the_extras():
    serve = make("-n", "-B", "serve").stdout  # -n: print the commands a fresh clone would run, run none
    installs = [line for line in serve.splitlines() if "pip install" in line and " -e " in line]
    assert installs and all("dev" not in line and "bench" not in line for line in installs), serve
    assert "gunicorn" in serve and "scripts/seed.py" in serve
    test = make("-n", "-B", "test").stdout
    assert any("'.[dev,postgres,bench]'" in line for line in test.splitlines()), test


def test_make_api_key_prints_a_key_that_writes(database_url, client):
    # -o: the venv counts as installed (this suite runs in it); PY: this interpreter, in or out of a venv
    made = make("-o", ".venv/.runtime", "api-key", "NAME=newcomer-make-target", f"PY={sys.executable}",
                env={"DATABASE_URL": database_url})
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip()
    assert re.fullmatch(r"\S{20,}", key), made.stdout
    response = client.post("/articles", json={"text": ""}, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 400  # past authentication: the key is known (a wrong one gets 401)
    assert client.post("/articles", json={"text": ""}, headers={"Authorization": "Bearer x" + key}).status_code == 401
    usage = make("-o", ".venv/.runtime", "api-key", f"PY={sys.executable}")
    assert usage.returncode != 0 and "usage: make api-key NAME=" in usage.stderr


def test_a_sources_url_is_its_sidecars_and_the_readme_says_when_there_is_none(client):
    sources = {s["name"]: s for s in client.get("/sources?per_page=100").get_json()["items"]}
    sidecars = sorted((ROOT / "seeds").glob("*.meta.json"))
    assert sidecars
    for sidecar in sidecars:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        assert sources[sidecar.name.replace(".meta.json", ".txt")]["url"] == meta.get("url")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "every row carries provenance" not in readme.lower() or "url when one is known" in readme.lower()
    if any(s["url"] is None for s in sources.values()):
        assert "`url` is `null`" in readme
