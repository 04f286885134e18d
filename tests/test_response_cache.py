"""Whole list pages kept per process (api/response_cache.py): the same bytes and headers as the app would send,
gone as soon as a write commits anywhere (another connection, process or server), never an error, a streamed
export, a feed, or a request carrying a key."""
from __future__ import annotations

import pytest
from conftest import seeded_database
from playhouse.db_url import connect

NATO = "/positions?actor=NATO&per_page=5"


@pytest.fixture(scope="module")
def own_url(tmp_path_factory):
    # a database of this module's own: the tests write to it
    with seeded_database(tmp_path_factory.mktemp("response-cache")) as url:
        yield url


@pytest.fixture(scope="module")
def cached_app(own_url):
    from api import create_app

    return create_app({"DATABASE_URL": own_url, "TESTING": True})


@pytest.fixture(scope="module")
def plain_app(own_url):
    from api import create_app

    return create_app({"DATABASE_URL": own_url, "TESTING": True, "RESPONSE_CACHE_BYTES": 0})


def cache_of(app):
    return app.extensions["response_cache"]


def write_elsewhere(url: str, sql: str, params=()) -> None:
    """A committed write through a connection of its own, as another process or server would make it."""
    db = connect(url)
    if url.startswith("sqlite"):
        sql = sql.replace("%s", "?")
    try:
        with db.atomic():
            db.execute_sql(sql, params)
    finally:
        db.close()


def same_answer(first, second) -> None:
    """The same status, body and headers; Date only present in both (the two answers may fall in two
    different seconds)."""
    assert first.status_code == second.status_code
    assert first.get_data() == second.get_data()
    assert ("Date" in first.headers) == ("Date" in second.headers)
    assert sorted(h for h in first.headers.items() if h[0] != "Date") == sorted(
        h for h in second.headers.items() if h[0] != "Date")


def served_from_cache(app, path: str, **kwargs):
    hits = cache_of(app).hits
    response = app.test_client().get(path, **kwargs)
    return response, cache_of(app).hits == hits + 1


@pytest.mark.parametrize("path, headers", [
    (NATO, {}),
    ("/positions?actor=NATO&per_page=3&page=2", {}),
    ("/positions?actor=NATO&per_page=3", {"Accept": "application/ld+json"}),
    ("/positions?actor=NATO&per_page=3&format=jsonld", {}),
    ("/demands?per_page=3", {}),
    ("/rebuttals?per_page=3", {}),
    ("/positions?q=nato&per_page=3", {}),
])
def test_a_page_served_again_is_what_the_app_sends(cached_app, plain_app, path, headers):
    cached_app.test_client().get(path, headers=headers)
    again, hit = served_from_cache(cached_app, path, headers=headers)
    assert hit
    same_answer(again, plain_app.test_client().get(path, headers=headers))
    assert again.headers["ETag"] and again.headers["Cache-Control"] == "public, max-age=60"
    assert again.headers["Access-Control-Allow-Origin"] == "*" and "Accept" in again.headers["Vary"]
    assert "Link" in again.headers and again.headers["X-Content-Type-Options"] == "nosniff"


def test_if_none_match_and_head_are_answered_as_the_app_would(cached_app, plain_app):
    first = cached_app.test_client().get(NATO)
    etag = first.headers["ETag"]
    for method, headers in (("GET", {"If-None-Match": etag}), ("GET", {"If-None-Match": '"other"'}),
                            ("GET", {"If-None-Match": f'W/{etag}'}), ("HEAD", {}), ("HEAD", {"If-None-Match": etag})):
        hits = cache_of(cached_app).hits
        cached = cached_app.test_client().open(NATO, method=method, headers=headers)
        assert cache_of(cached_app).hits == hits + 1, (method, headers)
        same_answer(cached, plain_app.test_client().open(NATO, method=method, headers=headers))
    assert cached_app.test_client().get(NATO, headers={"If-None-Match": etag}).status_code == 304


def test_each_representation_and_host_has_its_own_page(cached_app):
    path = "/positions?actor=NATO&per_page=2"
    client = cached_app.test_client()
    as_json = client.get(path).get_json()
    as_claims = client.get(path, headers={"Accept": "application/ld+json"}).get_json()
    assert "items" in as_json and "@graph" in as_claims
    assert client.get(path).get_json() == as_json
    ids = [client.get(path, headers={"Accept": "application/ld+json", "Host": host}).get_json()["@graph"][0]["@id"]
           for host in ("one.example", "two.example", "one.example")]
    assert ids[0].startswith("http://one.example/") and ids[1].startswith("http://two.example/") and ids[2] == ids[0]


def test_a_write_through_another_connection_is_seen_at_the_next_read(cached_app, own_url):
    client = cached_app.test_client()
    page = client.get(NATO).get_json()
    first = page["items"][0]
    assert served_from_cache(cached_app, NATO)[1]
    try:
        write_elsewhere(own_url, 'UPDATE "position" SET "text" = %s WHERE "id" = %s',
                        ("Rewritten elsewhere.", first["id"]))
        again, hit = served_from_cache(cached_app, NATO)
        assert not hit and again.get_json()["items"][0]["text"] == "Rewritten elsewhere."
        assert again.headers["ETag"] != client.get(NATO, headers={"Accept": "application/ld+json"}).headers["ETag"]
    finally:
        write_elsewhere(own_url, 'UPDATE "position" SET "text" = %s WHERE "id" = %s', (first["text"], first["id"]))
    assert client.get(NATO).get_json()["items"][0]["text"] == first["text"]


def test_a_renamed_actor_or_speaker_is_seen_at_the_next_read(cached_app, own_url):
    """Actors and people are not counted by totals but shown by every page: writes to them move the version
    too (migration 8)."""
    client = cached_app.test_client()
    first = client.get(NATO).get_json()["items"][0]
    name = first["actor"]["name_vi"]
    try:
        write_elsewhere(own_url, 'UPDATE "actor" SET "name_vi" = %s WHERE "code" = %s', ("Tên mới", "NATO"))
        assert client.get(NATO).get_json()["items"][0]["actor"]["name_vi"] == "Tên mới"
        claims = client.get(NATO, headers={"Accept": "application/ld+json"}).get_json()["@graph"]
        assert claims[0]["author"].get("affiliation", claims[0]["author"]).get("alternateName") == "Tên mới"
    finally:
        write_elsewhere(own_url, 'UPDATE "actor" SET "name_vi" = %s WHERE "code" = %s', (name, "NATO"))
    assert client.get(NATO).get_json()["items"][0]["actor"]["name_vi"] == name
    with_speaker = next(p for p in client.get("/positions?per_page=100").get_json()["items"] if p["speaker"])
    path = f"/positions?speaker={with_speaker['speaker']['name']}&per_page=100"
    client.get(path)
    try:
        write_elsewhere(own_url, 'UPDATE "person" SET "role" = %s WHERE "name" = %s',
                        ("Role set elsewhere", with_speaker["speaker"]["name"]))
        roles = {p["speaker"]["role"] for p in client.get(path).get_json()["items"] if p["id"] == with_speaker["id"]}
        assert roles <= {"Role set elsewhere", with_speaker["speaker"]["role"]} and roles  # the position's own role wins
    finally:
        write_elsewhere(own_url, 'UPDATE "person" SET "role" = %s WHERE "name" = %s',
                        (with_speaker["speaker"]["role"], with_speaker["speaker"]["name"]))


def test_a_write_moves_the_data_version_for_actors_and_people(own_url):
    import models
    from models import queries

    db = models.bind(own_url)
    try:
        before = queries.data_version()
        write_elsewhere(own_url, 'UPDATE "actor" SET "name_en" = "name_en" WHERE "code" = %s', ("NATO",))
        middle = queries.data_version()
        write_elsewhere(own_url, 'UPDATE "person" SET "role" = "role" '
                                 'WHERE "id" IN (SELECT MIN("id") FROM "person")')
        assert before < middle < queries.data_version()
    finally:
        db.close()


@pytest.mark.parametrize("path, status", [
    ("/positions?actor=NATO&page=100000", 400),
    ("/positions?actor=NoSuchActor", 400),
    ("/positions?per_page=0", 400),
    ("/positions?unknown=1", 400),
])
def test_errors_are_never_kept(cached_app, path, status):
    client = cached_app.test_client()
    for _ in range(2):
        hits = cache_of(cached_app).hits
        assert client.get(path).status_code == status
        assert cache_of(cached_app).hits == hits
    assert not any(key[1] == path.partition("?")[2] for key in cache_of(cached_app).entries)


@pytest.mark.parametrize("path", ["/positions?actor=NATO&format=csv", "/positions?actor=NATO&format=ndjson",
                                  "/positions?actor=NATO&format=atom", "/positions?sort=ingested&per_page=2",
                                  "/actors", "/positions?actor=NATO&per_page=2&facet=kind&after=MA"])
def test_exports_feeds_cursors_and_other_paths_are_not_kept(cached_app, path):
    client = cached_app.test_client()
    for _ in range(2):
        hits = cache_of(cached_app).hits
        client.get(path).close()
        assert cache_of(cached_app).hits == hits
    query = path.partition("?")[2]
    assert not any(key[0] + "?" + key[1] == path or (query and key[1] == query)
                   for key in cache_of(cached_app).entries)


def test_a_request_with_a_key_or_cookie_is_answered_by_the_app(cached_app, plain_app):
    client = cached_app.test_client()
    client.get(NATO)
    for headers in ({"Authorization": "Bearer not-a-key"}, {"If-Modified-Since": "x"}, {"Range": "bytes=0-10"}):
        answer, hit = served_from_cache(cached_app, NATO, headers=headers)
        assert not hit, headers
        same_answer(answer, plain_app.test_client().get(NATO, headers=headers))
    with_cookie, plain_with_cookie = cached_app.test_client(), plain_app.test_client()
    with_cookie.set_cookie("a", "b")  # the test client sends its jar's cookies, not a Cookie header given
    plain_with_cookie.set_cookie("a", "b")
    hits = cache_of(cached_app).hits
    answer = with_cookie.get(NATO)
    assert cache_of(cached_app).hits == hits
    same_answer(answer, plain_with_cookie.get(NATO))


def test_the_cache_stays_within_its_bytes(cached_app, own_url):
    from api import create_app

    size = len(cached_app.test_client().get("/positions?per_page=3").get_data())
    limit = 4 * (size + 1000)  # about four pages of 3 with their headers
    app = create_app({"DATABASE_URL": own_url, "TESTING": True, "RESPONSE_CACHE_BYTES": limit})
    client = app.test_client()
    for page in range(1, 8):
        assert client.get(f"/positions?per_page=3&page={page}").status_code == 200
    cache = cache_of(app)
    assert 0 < len(cache.entries) < 7 and cache.size <= limit
    assert served_from_cache(app, "/positions?per_page=3&page=7")[1]  # the newest stays
    assert not served_from_cache(app, "/positions?per_page=3&page=1")[1]  # the oldest went first


@pytest.mark.parametrize("value", ["-1", "lots"])
def test_a_cache_size_that_is_not_one_stops_the_app_at_start(own_url, value):
    from api import create_app

    with pytest.raises(ValueError, match="RESPONSE_CACHE_BYTES"):
        create_app({"DATABASE_URL": own_url, "RESPONSE_CACHE_BYTES": value})


def test_zero_turns_the_cache_off(plain_app):
    assert "response_cache" not in plain_app.extensions
