"""Hostile input: every parameter, path segment and body field of every operation, fed what attackers and
broken clients send. Each answer is the documented 4xx as problem+json, or, where the input is legitimately
valid (SQL text in a search), a correct 2xx with no injected effect. The module runs on a database of its
own; it must come out unchanged: byte for byte (SQLite, WAL checkpointed) and in every table's row count.

The Flask test client sends what can be said in HTTP; raw sockets through real gunicorn send what `requests`
would normalise away (invalid UTF-8, bad percent-encoding, raw bytes in the request line, traversal paths).
"""
from __future__ import annotations

import hashlib
import json
import socket
import sqlite3
import threading
import unicodedata
from contextlib import ExitStack
from urllib.parse import quote

import pytest
from marshmallow import fields

from conftest import Server, create_api_key, seeded_database
from models.text import fold

PROBLEM_KEYS = {"type", "title", "status", "detail"}
# what the server would show if it leaked internals; the user's own text may of course be echoed back
LEAK_MARKERS = ("Traceback", 'File "/', "sqlite3.", "psycopg2", "peewee", "OperationalError", "ProgrammingError",
                'FROM "', '"t1".', "syntax error")
UNLIMITED_WRITES = "1000000/minute"  # rejected writes with a valid key must meet their own 4xx, not a 429

SQL_INJECTIONS = [
    "' OR 1=1--",
    '"; DROP TABLE position;--',
    "' UNION SELECT id, text, quote FROM source--",
    "NATO') OR ('1'='1",
    "1; DELETE FROM api_key",
    "%' OR search_text LIKE '%",
    "\\'; SELECT pg_sleep(0)--",
]
ODD_TEXT = [
    "%", "_", "\\", "[a-z]*",            # LIKE wildcards and escapes, regex syntax
    "NАТО",                               # Cyrillic А and Т: looks like NATO, is not
    "ＮＡＴＯ",                              # fullwidth
    "N\u200bATO",                         # zero-width space inside
    "\u202eOTAN",                         # right-to-left override
    "\u0301\u0302",                       # combining marks alone
    "🙂" * 3,
    "x" * 201,                            # past every text parameter's length limit
    "a\u00adb",                           # soft hyphen
]
CONTROL = ["a\x00b", "\x00", "a\x1bb", "a\r\nSet-Cookie: hostile=1", "\x7f"]
NUMBERS = ["-1", "0", "10" * 15, "1e3", "1.5", "0x10", " 1", "NaN", "Infinity", "9" * 400, "１"]
DATES = ["2022-13-45", "2022-02-30", "99999-01-01", "", "2022-1-1", "22-01-01", "2022-01-01T00:00:00",
         "+2022-01-01", "01/02/2022", "2022-W01"]
HOSTILE = SQL_INJECTIONS + ODD_TEXT + CONTROL + NUMBERS + DATES

# kind of each query parameter of the position lists, for the oracle below
POSITION_PARAMETERS = {"actor": "actor", "target": "actor", "kind": "choice", "sort": "choice", "format": "choice",
                       "topic": "topic", "speaker": "speaker", "source": "source", "q": "search", "since": "date",
                       "until": "date", "has_quote": "boolean", "page": "number", "per_page": "number"}
TEXT_LIMITS = {"actor": 200, "topic": 100, "speaker": 200, "source": 64, "search": 200}
SEARCH_SEPARATORS = ","  # list parameters split on commas
BOOLEAN_WORDS = {str(w).lower() for w in fields.Boolean.truthy | fields.Boolean.falsy}


# fixtures --------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    """A seeded database for this module alone: its file or schema must come out unchanged."""
    with seeded_database(tmp_path_factory.mktemp("hostile")) as url:
        yield url


@pytest.fixture(scope="module")
def key(hostile_url) -> str:
    return create_api_key(hostile_url, "hostile-input")


@pytest.fixture(scope="module")
def client(hostile_url, key):
    from api import create_app

    # counts in memory: the limiter's bookkeeping in the database would change the file the last test compares
    app = create_app({"DATABASE_URL": hostile_url, "TESTING": True, "WRITE_RATE_LIMIT": UNLIMITED_WRITES,
                      "RATELIMIT_STORAGE_URI": "memory://"})
    return app.test_client()


@pytest.fixture(scope="module")
def gunicorn(hostile_url, key):
    with pytest.MonkeyPatch.context() as patch, ExitStack() as stack:
        patch.setenv("WRITE_RATE_LIMIT", UNLIMITED_WRITES)
        patch.setenv("RATELIMIT_STORAGE_URI", "memory://")  # as the client's app, above
        srv = Server(hostile_url, workers=1)
        stack.callback(srv.stop)
        srv.wait_ready()
        yield srv


@pytest.fixture(scope="module")
def dataset(client) -> list[dict]:
    """Every position, as the NDJSON export gives it: the oracle's copy of the data."""
    response = client.get("/positions?format=ndjson")
    assert response.status_code == 200
    rows = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert len(rows) > 20
    return rows


@pytest.fixture(scope="module")
def fingerprint(hostile_url, client, gunicorn):
    """The database as it was before the first hostile request (both servers started and warmed up)."""
    for path in ("/health", "/positions"):
        assert client.get(path).status_code == 200
        assert raw_request(gunicorn, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())[0] == 200
    return database_fingerprint(hostile_url)


def database_fingerprint(url: str) -> dict:
    """Row counts of every table, and on SQLite the sha256 of the file once the WAL is checkpointed into it."""
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        connection = sqlite3.connect(path)
        try:
            busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            assert busy == 0, "a reader kept the WAL from being checkpointed"
            tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            counts = {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
        finally:
            connection.close()
        with open(path, "rb") as database_file:
            return {"counts": counts, "sha256": hashlib.sha256(database_file.read()).hexdigest()}
    import psycopg2

    connection = psycopg2.connect(url.replace("postgresql://", "postgres://", 1))
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
            counts = {}
            for (table,) in cursor.fetchall():
                cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
                counts[table] = cursor.fetchone()[0]
    finally:
        connection.close()
    return {"counts": counts}


@pytest.fixture(autouse=True)
def _baseline_first(fingerprint):
    """Every case runs after the fingerprint is taken."""


# helpers ---------------------------------------------------------------------------------------------------

def check_problem(status: int, content_type: str, body: bytes, expected: int, label: str = "") -> dict:
    text = body.decode("utf-8", "replace")
    assert status == expected, f"{label}: {status} instead of {expected}: {text[:300]}"
    assert content_type.startswith("application/problem+json"), f"{label}: {content_type}"
    document = json.loads(body)
    assert PROBLEM_KEYS <= document.keys(), f"{label}: {document}"
    assert document["status"] == expected
    assert not any(marker in text for marker in LEAK_MARKERS), f"{label}: internals in {text[:300]}"
    return document


def problem(response, expected: int, label: str = "") -> dict:
    return check_problem(response.status_code, response.headers.get("Content-Type", ""), response.get_data(),
                         expected, label)


def raw_request(server, request: bytes) -> tuple[int, str, bytes]:
    """Send bytes as they are (no client normalises them) and read the whole answer."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as connection:
        if b"Connection:" not in request:
            request = request.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n", 1)
        sender = threading.Thread(target=_send_all, args=(connection, request))  # the answer may come first
        sender.start()
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
        sender.join()
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    if headers.get("transfer-encoding") == "chunked":
        body = dechunk(body)
    return int(lines[0].split()[1]), headers.get("content-type", ""), body


def _send_all(connection, data: bytes) -> None:
    try:
        connection.sendall(data)
        connection.shutdown(socket.SHUT_WR)  # all sent: a server waiting for more sees the end
    except OSError:  # the server answered and closed without reading it all (a 413)
        pass


def dechunk(body: bytes) -> bytes:
    out = b""
    while body:
        size, _, rest = body.partition(b"\r\n")
        n = int(size.split(b";")[0], 16)
        if n == 0:
            break
        out, body = out + rest[:n], rest[n + 2:]
    return out


def has_control(value: str) -> bool:
    return any(c == "\x7f" or (ord(c) < 0x20 and c != "\t") for c in value)


def expected_list_status(parameter: str, value: str) -> int:
    """What a position list answers to `parameter=value`: 400, or 200 when the value is a valid filter."""
    kind = POSITION_PARAMETERS[parameter]
    if has_control(value) or value == "":
        return 400
    if kind == "boolean":
        return 200 if value.lower() in BOOLEAN_WORDS else 400
    if kind in ("choice", "number", "date", "actor"):
        # none of the hostile values is a valid choice, page size or date, nor an actor's name
        return 400
    parts = [p.strip() for p in value.split(SEARCH_SEPARATORS)] if kind == "topic" else [value]
    if any(not p or len(p) > TEXT_LIMITS[kind] for p in parts):
        return 400
    if kind == "search" and not fold(value).split():
        return 400  # nothing to search for (only marks or spaces)
    return 200


def expected_ids(dataset: list[dict], parameter: str, value: str) -> set[str]:
    """The positions a valid text filter must return, computed here from the exported rows."""
    if parameter == "speaker":
        return {p["id"] for p in dataset if p["speaker"] and value.lower() in p["speaker"]["name"].lower()}
    if parameter == "source":
        return {p["id"] for p in dataset if p["source"]["id"] == value}
    if parameter == "topic":
        wanted = {part.strip() for part in value.split(",")}
        return {p["id"] for p in dataset if wanted & set(p["topics"])}
    if parameter == "has_quote":
        with_quote = value.lower() in fields.Boolean.truthy
        return {p["id"] for p in dataset if (p["quote"] is not None) == with_quote}
    if parameter == "q":
        words = fold(value).split()
        haystacks = {p["id"]: fold(" ".join(filter(None, [p["text"], p["quote"], (p["speaker"] or {}).get("name")])))
                     for p in dataset}
        return {i for i, text in haystacks.items() if all(w in text for w in words)}
    raise AssertionError(parameter)


# query parameters of the position lists ------------------------------------------------------------------

LIST_CASES = [(path, parameter) for path in ("/positions", "/demands", "/rebuttals")
              for parameter in POSITION_PARAMETERS if not (parameter == "kind" and path != "/positions")]


@pytest.mark.parametrize("path, parameter", LIST_CASES)
def test_hostile_values_of_a_list_parameter(client, dataset, path, parameter):
    """Every hostile value on /positions; the injections and control characters on the views that share
    its filters (/demands, /rebuttals)."""
    kinds = {"/demands": "demand", "/rebuttals": "rebuttal"}
    wrong = []
    for value in HOSTILE if path == "/positions" else SQL_INJECTIONS + CONTROL:
        response = client.get(path, query_string={parameter: value, "per_page": "100"}
                              if parameter not in ("page", "per_page") else {parameter: value})
        expected = expected_list_status(parameter, value)
        label = f"{path}?{parameter}={value!r}"
        if expected == 400:
            document = problem(response, 400, label)
            if parameter not in document.get("errors", {}) and "Unknown" not in document["detail"]:
                wrong.append(f"{label}: the problem does not name {parameter}: {document['detail'][:200]}")
            continue
        if response.status_code != 200:
            wrong.append(f"{label}: {response.status_code} {response.get_data(as_text=True)[:200]}")
            continue
        body = response.get_json()
        want = {i for i in expected_ids(dataset, parameter, value)
                if path == "/positions" or next(p for p in dataset if p["id"] == i)["kind"] == kinds[path]}
        got = {item["id"] for item in body["items"]}
        if body["total"] != len(want) or got != want:
            wrong.append(f"{label}: {body['total']} rows, expected {len(want)}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("injection", SQL_INJECTIONS)
def test_sql_in_a_search_finds_only_what_contains_it(client, dataset, injection):
    """The SQL is searched for as words, not run: a real search with injected SQL appended finds nothing
    more than the words themselves allow (no row of another kind, no 1=1 widening)."""
    value = f"NATO {injection}"
    response = client.get("/positions", query_string={"q": value, "per_page": 100})
    assert response.status_code == 200
    assert {p["id"] for p in response.get_json()["items"]} == expected_ids(dataset, "q", value)
    plain = client.get("/positions", query_string={"q": "NATO", "per_page": 100}).get_json()
    assert plain["total"] > response.get_json()["total"]


def test_a_search_with_sql_quotes_still_finds_real_text(client, dataset):
    """Quotes and semicolons are just characters: the word before them still matches, the data intact."""
    speaker = next(p["speaker"]["name"] for p in dataset if p["speaker"])
    first_word = speaker.split()[0]
    for value in (first_word, f"{first_word}'", f"{first_word}';--"):
        response = client.get("/positions", query_string={"speaker": value, "per_page": 100})
        assert response.status_code == 200
        assert {p["id"] for p in response.get_json()["items"]} == expected_ids(dataset, "speaker", value)
    assert client.get("/positions", query_string={"speaker": first_word}).get_json()["total"] > 0


@pytest.mark.parametrize("path", ["/sources", "/positions"])
@pytest.mark.parametrize("query, needle", [
    ("page=-1", "page"), ("page=0", "page"), (f"page={10**30}", "page"), ("page=99999", "out of range"),
    ("per_page=0", "per_page"), ("per_page=101", "per_page"), (f"per_page={10**30}", "per_page"),
    ("per_page=-5", "per_page"), ("page=1&page=2", "page"), ("per_page=1.0", "per_page"),
])
def test_paging_out_of_bounds(client, path, query, needle):
    document = problem(client.get(f"{path}?{query}"), 400, query)
    assert needle in document["detail"]


@pytest.mark.parametrize("path", ["/actors", "/topics", "/health", "/sources/0000000000000000", "/actors/NATO"])
@pytest.mark.parametrize("query", ["q=' OR 1=1--", "page=1", "%00=1", "actor=NATO", "x=\x00"])
def test_operations_without_query_parameters_refuse_any(client, path, query):
    problem(client.get(f"{path}?{quote(query, safe='=&%')}"), 400, f"{path}?{query}")


@pytest.mark.parametrize("value, status", [
    ("NATO", 200), ("nato", 200), (" NATO ", 200),
    (unicodedata.normalize("NFD", "Mỹ"), 200), (unicodedata.normalize("NFC", "Mỹ"), 200),
    ("NАТО", 400), ("ＮＡＴＯ", 400), ("N\u200bATO", 400), ("\u202eOTAN", 400), ("NAT0", 400),
])
def test_actor_names_look_alikes_are_not_the_actor(client, value, status):
    """Canonically equal names (composed or decomposed diacritics) are the same actor; look-alikes are not."""
    response = client.get("/positions", query_string={"actor": value, "per_page": 100})
    if status == 400:
        assert "Unknown actor" in problem(response, 400, value)["detail"]
        return
    assert response.status_code == 200
    codes = {p["actor"]["code"] for p in response.get_json()["items"]}
    assert len(codes) == 1 and response.get_json()["total"] > 0


def test_decomposed_diacritics_search_like_composed(client):
    composed = client.get("/positions", query_string={"q": "đàm phán"}).get_json()
    decomposed = client.get("/positions", query_string={"q": unicodedata.normalize("NFD", "đàm phán")}).get_json()
    assert composed["total"] > 0 and composed["items"] == decomposed["items"]


@pytest.mark.parametrize("value", [" ", "\u0301", "\t", "\u0301 \u0300"])
def test_a_search_without_words_is_refused(client, value):
    assert "q" in problem(client.get("/positions", query_string={"q": value}), 400, repr(value))["errors"]


# path parameters -------------------------------------------------------------------------------------------

HOSTILE_IDS = ["' OR 1=1--", "1 OR 1=1", '"; DROP TABLE source;--', "..", "....//....//etc", "%2e%2e", "\x00",
               "a\x00b", "NАТО", "ＮＡＴＯ", "x" * 10_000, "3f9a1c0b7d2e4f6", "3F9A1C0B7D2E4F61", "-1", "🙂", "%",
               "$(id)", "`id`", "<script>alert(1)</script>"]


@pytest.mark.parametrize("template", ["/positions/{}", "/sources/{}", "/actors/{}"])
def test_hostile_ids_are_404(client, template):
    for value in HOSTILE_IDS:
        problem(client.get(template.format(value)), 404, repr(value)[:80])


@pytest.mark.parametrize("raw_path", [
    "/positions/..%2f..%2fetc%2fpasswd", "/sources/%2e%2e", "/sources/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/actors/..%2f..%2f", "/positions/%00", "/sources/%ff%fe", "/actors/%c0%ae%c0%ae", "/actors/%zz",
    "/docs/static/../../../../etc/passwd", "/docs/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/docs/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/docs/static/%252e%252e/setup.cfg", "//etc/passwd",
    "/openapi.yaml/..", "/positions/.%2e/.%2e/setup.cfg",
])
def test_path_traversal_is_404_through_gunicorn(gunicorn, raw_path):
    status, content_type, body = raw_request(gunicorn, f"GET {raw_path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    check_problem(status, content_type, body, 404, raw_path)
    assert b"root:" not in body and b"[metadata]" not in body


# raw HTTP through gunicorn ---------------------------------------------------------------------------------

@pytest.mark.parametrize("query, parameter", [
    ("q=%ff", "q"), ("q=%c3%28", "q"), ("q=%c0%af", "q"), ("q=%e0%80%af", "q"), ("q=%ed%a0%80", "q"),
    ("q=%zz", "q"), ("q=50%", "q"), ("q=%", "q"), ("q=%4", "q"), ("speaker=%fe%ff", "speaker"),
    ("actor=NATO%2c%ff", "actor"), ("%ff=1", "\ufffd"), ("q=%00", "q"), ("q=%1b%5b31m", "q"), ("q=a%0d%0ab", "q"),
])
def test_invalid_utf8_and_bad_percent_encoding_are_400(gunicorn, query, parameter):
    status, content_type, body = raw_request(gunicorn, f"GET /positions?{query} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert parameter in check_problem(status, content_type, body, 400, query)["errors"]


@pytest.mark.parametrize("request_bytes, status", [
    (b"GET /positions?q=\xff HTTP/1.1\r\nHost: x\r\n\r\n", 400),         # raw byte, not percent-encoded
    (b"GET /positions?q=\xc3\xa9 HTTP/1.1\r\nHost: x\r\n\r\n", 400),      # raw UTF-8 is not a valid URI either
    (b"GET /positions?q=a\x00b HTTP/1.1\r\nHost: x\r\n\r\n", 400),        # raw NUL
    (b"GET /positions?q=a\x1bb HTTP/1.1\r\nHost: x\r\n\r\n", 400),        # raw escape character
    (b"GET /positions?q=a b HTTP/1.1\r\nHost: x\r\n\r\n", 400),           # raw space
    (b"G\x00T /positions HTTP/1.1\r\nHost: x\r\n\r\n", 400),              # broken method
    (b"GET * HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"GET /positions HTTP/9.9\r\nHost: x\r\n\r\n", 400),
    (b"GET /positions HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n", 400),
    (b"GET /positions HTTP/1.1\r\nHost: x\r\nX-A: \x00\r\n\r\n", 400),
    (b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
    (b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400),
    (b"GET /positions HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(200)) + b"\r\n", 431),
])
def test_malformed_http_is_a_problem_not_html(gunicorn, request_bytes, status):
    """What gunicorn refuses before the app sees it is still problem+json, never a 500."""
    got, content_type, body = raw_request(gunicorn, request_bytes)
    check_problem(got, content_type, body, status, repr(request_bytes[:60]))


@pytest.mark.parametrize("chunks", [b"zz\r\n", b"5\r\nabc\r\n0\r\n\r\n", b"ffffffffffffffffffff\r\n",
                                    b"3;\x00\r\nabc\r\n0\r\n\r\n"])
def test_a_malformed_chunked_body_is_400(gunicorn, key, chunks):
    """Read by the app (after the key is checked) while gunicorn parses the chunks: a parse error is the
    client's, a 400."""
    head = (f"POST /articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n"
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").encode()
    status, content_type, body = raw_request(gunicorn, head + chunks)
    check_problem(status, content_type, body, 400, repr(chunks))


@pytest.mark.parametrize("host", ["a b", "x@y", "[::1", "evil.com/../x", "%00", "\u00ff"])
def test_json_ld_needs_a_valid_host(gunicorn, host):
    """JSON-LD ids are absolute URLs built from Host: an invalid one would give "http:///positions/..."."""
    request = f"GET /positions?format=jsonld&per_page=1 HTTP/1.1\r\nHost: {host}\r\n\r\n".encode("latin-1")
    status, content_type, body = raw_request(gunicorn, request)
    assert "Host" in check_problem(status, content_type, body, 400, host)["detail"]
    status, _, body = raw_request(gunicorn, request.replace(f"Host: {host}".encode("latin-1"), b"Host: api.example"))
    assert status == 200 and b'"@id":"http://api.example/positions/' in body


def test_a_chunked_10_mb_body_is_413(gunicorn, key):
    """No Content-Length to check up front: the body is cut off at the limit while it is read."""
    chunk = b"a" * 65536
    head = (f"POST /articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n").encode()
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(160)) + b"0\r\n\r\n"
    status, content_type, answer = raw_request(gunicorn, head + body)
    check_problem(status, content_type, answer, 413, "chunked 10 MB")


# request bodies (POST /articles) ---------------------------------------------------------------------------

VIETNAMESE = ("Ngày 7/1/2022, Tổng thư ký NATO Jens Stoltenberg tuyên bố liên minh sẽ không từ bỏ chính sách mở cửa "
              "và bác bỏ yêu cầu của Nga về việc ngừng mở rộng NATO về phía đông. Ngoại trưởng Nga Sergei Lavrov "
              "yêu cầu Mỹ đưa ra câu trả lời bằng văn bản về các đề xuất bảo đảm an ninh của Moskva. [hostile]")


def nested(depth: int) -> str:
    return '{"text": ' + "[" * depth + "]" * depth + "}"


@pytest.mark.parametrize("label, content_type, body, status", [
    ("10 MB", "application/json", b'{"text": "' + b"a" * 10_000_000 + b'"}', 413),
    ("text/plain", "text/plain", json.dumps({"text": VIETNAMESE}).encode(), 415),
    ("form", "application/x-www-form-urlencoded", b"text=abc", 415),
    ("multipart", "multipart/form-data; boundary=x", b"--x\r\n\r\nabc\r\n--x--", 415),
    ("xml", "application/xml", b"<text>abc</text>", 415),
    ("no content type", None, json.dumps({"text": VIETNAMESE}).encode(), 415),
    ("json-ish suffix", "application/json-patch+json", b"[]", 415),
    ("10,000 levels", "application/json", nested(10_000).encode(), 400),
    ("1,000 levels", "application/json", nested(1_000).encode(), 400),
    ("duplicate keys", "application/json", b'{"text": "a", "text": "b"}', 400),
    ("duplicate keys, valid text", "application/json",
     json.dumps({"text": "x"})[:-1].encode() + b', "text": ' + json.dumps(VIETNAMESE).encode() + b"}", 400),
    ("array", "application/json", json.dumps([{"text": VIETNAMESE}]).encode(), 400),
    ("string", "application/json", json.dumps(VIETNAMESE).encode(), 400),
    ("null", "application/json", b"null", 400),
    ("number", "application/json", b"42", 400),
    ("empty", "application/json", b"", 400),
    ("truncated", "application/json", b'{"text": "abc', 400),
    ("single quotes", "application/json", b"{'text': 'abc'}", 400),
    ("trailing comma", "application/json", b'{"text": "abc",}', 400),
    ("invalid UTF-8", "application/json", b'{"text": "\xff\xfe"}', 400),
    ("latin-1 body", "application/json", '{"text": "Tổng"}'.encode().replace(b"\xe1", b"\xe0"), 400),
    ("BOM", "application/json", b'\xef\xbb\xbf{"text": "abc"}', 400),
    ("NaN", "application/json", b'{"text": NaN}', 400),
    ("huge number", "application/json", b'{"text": 1' + b"0" * 5000 + b"}", 400),
    ("lone surrogate", "application/json", b'{"text": "' + VIETNAMESE.encode() + b'\\ud800"}', 400),
    ("NUL in text", "application/json", json.dumps({"text": VIETNAMESE + "\x00"}).encode(), 400),
    ("text not a string", "application/json", b'{"text": {"$ne": null}}', 400),
    ("text a list", "application/json", json.dumps({"text": [VIETNAMESE]}).encode(), 400),
    ("text too short", "application/json", b'{"text": "\' OR 1=1--"}', 400),
    ("text not Vietnamese", "application/json", json.dumps({"text": "SELECT * FROM position; " * 20}).encode(), 400),
    ("unknown field", "application/json", json.dumps({"text": VIETNAMESE, "id": "0" * 16}).encode(), 400),
    ("url javascript:", "application/json",
     json.dumps({"text": VIETNAMESE, "url": "javascript:alert(1)"}).encode(), 400),
    ("url file:", "application/json", json.dumps({"text": VIETNAMESE, "url": "file:///etc/passwd"}).encode(), 400),
    ("url SQL", "application/json", json.dumps({"text": VIETNAMESE, "url": "' OR 1=1--"}).encode(), 400),
    ("url too long", "application/json",
     json.dumps({"text": VIETNAMESE, "url": "https://e.vn/" + "a" * 3000}).encode(), 400),
    ("outlet too long", "application/json", json.dumps({"text": VIETNAMESE, "outlet": "o" * 201}).encode(), 400),
    ("outlet a number", "application/json", json.dumps({"text": VIETNAMESE, "outlet": 1}).encode(), 400),
    ("outlet NUL", "application/json", json.dumps({"text": VIETNAMESE, "outlet": "VTC\x00"}).encode(), 400),
    ("title too long", "application/json", json.dumps({"text": VIETNAMESE, "title": "t" * 1001}).encode(), 400),
    ("title an object", "application/json", json.dumps({"text": VIETNAMESE, "title": {"a": 1}}).encode(), 400),
    ("published 2022-13-45", "application/json",
     json.dumps({"text": VIETNAMESE, "published": "2022-13-45"}).encode(), 400),
    ("published 2022-02-30", "application/json",
     json.dumps({"text": VIETNAMESE, "published": "2022-02-30"}).encode(), 400),
    ("published 99999-01-01", "application/json",
     json.dumps({"text": VIETNAMESE, "published": "99999-01-01"}).encode(), 400),
    ("published empty", "application/json", json.dumps({"text": VIETNAMESE, "published": ""}).encode(), 400),
    ("published SQL", "application/json", json.dumps({"text": VIETNAMESE, "published": "' OR 1=1--"}).encode(), 400),
])
def test_hostile_bodies_are_refused(client, key, label, content_type, body, status):
    headers = {"Authorization": f"Bearer {key}"}
    if content_type:
        headers["Content-Type"] = content_type
    problem(client.post("/articles", data=body, headers=headers), status, label)


@pytest.mark.parametrize("authorization", [None, "", "Bearer", "Bearer ", "Bearer ' OR 1=1--", "Basic YTpi",
                                           "Bearer " + "k" * 10_000, "bearer\x00x", "Bearer \x00", "Bearer \u00e9"])
def test_writes_without_a_valid_key_are_401(client, authorization):
    headers = {"Content-Type": "application/json"}
    if authorization is not None:
        headers["Authorization"] = authorization
    problem(client.post("/articles", data=json.dumps({"text": VIETNAMESE}), headers=headers), 401, repr(authorization))
    problem(client.delete("/sources/0000000000000000", headers=headers), 401, repr(authorization))


def test_a_key_in_the_query_string_is_not_a_key(client, key):
    problem(client.post(f"/articles?api_key={key}", json={"text": VIETNAMESE}), 401)


def test_deleting_with_hostile_ids_deletes_nothing(client, key, dataset):
    headers = {"Authorization": f"Bearer {key}"}
    for value in HOSTILE_IDS:
        problem(client.delete(f"/sources/{value}", headers=headers), 404, repr(value)[:80])
    seeded = dataset[0]["source"]["id"]
    problem(client.delete(f"/sources/{seeded}", headers=headers), 409)
    problem(client.delete(f"/sources/{seeded}", data="{\"force\": true}", headers={
        **headers, "Content-Type": "application/json"}), 409)
    problem(client.delete(f"/sources/{seeded}?force=1", headers=headers), 400)
    problem(client.delete(f"/sources/{seeded}"), 401)


# methods and content negotiation --------------------------------------------------------------------------

READ_PATHS = ["/positions", "/demands", "/rebuttals", "/actors", "/actors/NATO", "/people", "/sources", "/topics",
              "/health"]


@pytest.mark.parametrize("path", READ_PATHS)
def test_unsupported_methods_are_405_with_allow(client, path):
    for method in ("PUT", "PATCH", "POST", "DELETE", "TRACE", "PROPFIND"):
        response = client.open(path, method=method)
        problem(response, 405, f"{method} {path}")
        assert "GET" in response.headers["Allow"]
    head = client.head(path)
    assert head.status_code == 200 and head.get_data() == b""
    options = client.options(path)
    assert options.status_code == 200 and "GET" in options.headers["Allow"]


def test_unknown_methods_through_gunicorn_are_405(gunicorn):
    for method in ("FOO", "PURGE", "CONNECT"):
        status, content_type, body = raw_request(gunicorn, f"{method} /positions HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        check_problem(status, content_type, body, 405, method)


@pytest.mark.parametrize("accept", ["text/html", "application/xml", "image/png;q=1, */*;q=0", "*/*;q=abc",
                                    "\x01garbage;;;", "application/json;q=0", "text/csv;q=0.1, application/json"])
def test_unusual_accept_headers_get_json(client, accept):
    """The API answers JSON when the Accept header names nothing else it offers (RFC 9110 lets a server
    disregard Accept rather than answer 406): the same page as without the header."""
    response = client.get("/positions?per_page=5", headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.get_json() == client.get("/positions?per_page=5").get_json()


# afterwards: nothing changed -------------------------------------------------------------------------------

def test_zz_the_database_is_unchanged(hostile_url, fingerprint):
    """Runs last (file order): every read left the file byte for byte as it was, every rejected write left
    every table's row count as it was."""
    after = database_fingerprint(hostile_url)
    assert after["counts"] == fingerprint["counts"]
    assert after.get("sha256") == fingerprint.get("sha256")
