"""scripts/ingest.py: folders of .txt + .meta.json and NDJSON files, directly or through the API, resumed
from its state file after an interruption."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from reliability_support import article, fresh_database, stored_sources

from conftest import ROOT

SCRIPT = str(ROOT / "scripts" / "ingest.py")


@pytest.fixture()
def archive(tmp_path):
    """A folder of three articles (two with metadata) and an NDJSON file of two good lines and a bad one."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for n in range(3):
        (folder / f"bai-{n}.txt").write_text(article(7_000_000 + 3 * n), encoding="utf-8")
        if n < 2:
            (folder / f"bai-{n}.meta.json").write_text(json.dumps(
                {"outlet": "Lưu trữ", "url": f"https://example.vn/luu-tru/{n}", "published": "2022-01-1" + str(n)}))
    ndjson = tmp_path / "more.ndjson"
    ndjson.write_text("\n".join([json.dumps({"text": article(7_000_100)}, ensure_ascii=False), "",
                                 json.dumps({"text": "ngắn quá"}, ensure_ascii=False),
                                 json.dumps({"text": article(7_000_103), "title": "Tin thêm"}, ensure_ascii=False)]),
                      encoding="utf-8")
    return folder, ndjson


def ingest(url: str, *args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, SCRIPT, *args], cwd=cwd, env={**os.environ, "DATABASE_URL": url},
                          capture_output=True, text=True, timeout=600)


def outcomes(state) -> dict[str, str]:
    found = {}
    for line in state.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:  # the line an interruption cut off
            continue
        found[record["key"].rsplit("/", 1)[-1]] = record["status"]
    return found


def test_direct_ingest_in_two_processes_resumes_from_its_state(archive, tmp_path):
    folder, ndjson = archive
    state = tmp_path / "state.jsonl"
    with fresh_database(tmp_path / "db") as url:
        before = len(stored_sources(url))
        # an interrupted earlier run had recorded one article: it is skipped, not sent again
        first = str((folder / "bai-0.txt").resolve())
        state.write_text(json.dumps({"key": first, "status": "done"}) + "\n{\"key\": \"cut off", encoding="utf-8")
        done = ingest(url, str(folder), str(ndjson), "--jobs", "2", "--state", str(state), cwd=tmp_path)
        assert done.returncode == 1, done.stderr[-2000:]  # one line was invalid
        assert "4 done" in done.stdout and "1 invalid" in done.stdout and "1 skipped" in done.stdout
        assert outcomes(state) == {"bai-0.txt": "done", "bai-1.txt": "done", "bai-2.txt": "done",
                                   "more.ndjson:1": "done", "more.ndjson:3": "invalid", "more.ndjson:4": "done"}
        stored = {text: count for _, _, text, count in stored_sources(url)}
        assert len(stored) == before + 4 and (folder / "bai-0.txt").read_text(encoding="utf-8") not in stored
        assert all(count > 0 for count in stored.values())

        again = ingest(url, str(folder), str(ndjson), "--state", str(tmp_path / "fresh-state.jsonl"), cwd=tmp_path)
        assert "4 duplicate" in again.stdout and "1 done" in again.stdout  # bai-0 now; the rest known by hash
        assert len(stored_sources(url)) == before + 5


def test_ingest_through_the_api(archive, server, api_key, tmp_path, database_url):
    folder, ndjson = archive
    state = tmp_path / "state.jsonl"
    result = subprocess.run([sys.executable, SCRIPT, str(folder), str(ndjson), "--api", server.url, "--key", api_key,
                             "--jobs", "2", "--state", str(state)], cwd=tmp_path, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 1, result.stderr[-2000:]
    assert outcomes(state) == {"bai-0.txt": "done", "bai-1.txt": "done", "bai-2.txt": "done",
                               "more.ndjson:1": "done", "more.ndjson:3": "invalid", "more.ndjson:4": "done"}
    ids = [json.loads(line)["source_id"] for line in state.read_text().splitlines() if '"done"' in line]
    import requests

    for source_id in ids:
        assert requests.get(f"{server.url}/sources/{source_id}", timeout=30).status_code == 200
        assert requests.delete(f"{server.url}/sources/{source_id}", timeout=30,
                               headers={"Authorization": f"Bearer {api_key}"}).status_code == 204
