"""The positions API: `gunicorn 'api:create_app()'` serves it."""
from __future__ import annotations

import base64
import hashlib
import logging
import os
import re
from urllib.parse import urlsplit

import flask_smorest
import orjson
import swagger_ui_bundle
import yaml
from flask import Flask, Response, appcontext_pushed, request, send_from_directory
from flask.json.provider import JSONProvider
from peewee import InterfaceError, OperationalError

import models
from models.database import connection_usable, discard_connection, ensure_connection, use

from . import actors, articles, claims, explore, health, jobs, people, positions, response_cache, sources, timeline, topics
from .auth import document_auth
from .lookup import ActorResolver
from .ratelimit import init_rate_limits
from .problems import PROBLEM_CONTENT_TYPE, ProblemSchema, handle_http_exception, handle_unexpected, problem_response

API_DESCRIPTION = (
    "Positions stated by parties to international disputes (statements, demands, rebuttals, proposals, "
    "warnings), extracted from Vietnamese news, each with its speaker, verbatim quote, the date it was said "
    "and the source article, with character offsets so every row can be checked against the text.\n\n"
    "Reads are open; writes (POST /articles, POST /articles/batch, DELETE /sources/{source_id}) need an "
    "operator's API key as "
    "`Authorization: Bearer <key>`. Positions come as JSON (the default), as schema.org Claims in JSON-LD, "
    "and as streamed CSV or NDJSON exports of a whole filter (Accept header or format=). Reads carry an "
    "ETag and Cache-Control and answer 304 to If-None-Match; list pages repeat their navigation links in an "
    "RFC 8288 Link header; CORS allows any origin.\n\n"
    "Errors are RFC 9457 problem+json documents.")


MAX_URL_LENGTH = 65536  # longer request targets get 414 (gunicorn.conf.py lets them through to say so)


class OrjsonProvider(JSONProvider):
    """orjson: several times faster than the standard library on list pages."""

    def dumps(self, obj, **kwargs):
        return orjson.dumps(obj, default=str, option=orjson.OPT_NON_STR_KEYS).decode()

    def loads(self, s, **kwargs):
        return orjson.loads(s)

    def response(self, *args, **kwargs):
        # the bytes orjson writes, as the body: dumps() would decode them to text that Response encodes again
        # (two copies of a page of 100 rows, ~150 KB)
        body = orjson.dumps(self._prepare_response_obj(args, kwargs), default=str, option=orjson.OPT_NON_STR_KEYS)
        return self._app.response_class(body, mimetype="application/json")


class Api(flask_smorest.Api):
    ERROR_SCHEMA = ProblemSchema

    def _register_responses(self):
        # error responses are problem+json, not the default application/json
        self.DEFAULT_RESPONSE_CONTENT_TYPE = PROBLEM_CONTENT_TYPE
        try:
            super()._register_responses()
        finally:
            del self.DEFAULT_RESPONSE_CONTENT_TYPE

    def _register_error_handlers(self):
        self._app.register_error_handler(Exception, handle_unexpected)


CONFIG = {
    "API_TITLE": "Positions API",
    "API_VERSION": "1.0.0",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": "docs",
    "OPENAPI_SWAGGER_UI_URL": "/docs/static/",
    "OPENAPI_SWAGGER_UI_CONFIG": {"validatorUrl": None},  # no badge fetched from a third party (see CSP)
    "API_SPEC_OPTIONS": {"info": {"description": API_DESCRIPTION},
                         "servers": [{"url": "http://127.0.0.1:8000", "description": "Local server"}]},
    "JSON_SORT_KEYS": False,
    "MAX_CONTENT_LENGTH": articles.MAX_BODY_BYTES,
}
READ_CACHE_CONTROL = "public, max-age=60"
CORS_EXPOSED = "ETag, Link, Location, WWW-Authenticate, Retry-After"
CORS_ALLOWED_HEADERS = "Authorization, Content-Type, Accept, If-None-Match"


def create_app(config: dict | None = None) -> Flask:
    """The WSGI application, bound to the database named by DATABASE_URL (or config["DATABASE_URL"])."""
    app = Flask(__name__)
    app.config.update(CONFIG)
    app.config.update(config or {})
    app.config["PUBLIC_BASE_URL"] = public_base_url(app.config.get("PUBLIC_BASE_URL",
                                                                    os.environ.get("PUBLIC_BASE_URL")))
    app.json = OrjsonProvider(app)
    app.url_map.strict_slashes = False
    db = models.bind(app.config.get("DATABASE_URL"))
    app.extensions["actor_resolver"] = ActorResolver()
    api = Api(app)
    _null_or_object(api)
    for module in (positions, claims, timeline, actors, people, sources, articles, jobs, topics, health):
        api.register_blueprint(module.blp)
    document_auth(api.spec)
    app.register_blueprint(explore.blp)  # HTML for people, not an operation of the contract
    _register_database_hooks(app, db)
    _register_docs(app, api)
    app.register_error_handler(OperationalError, _database_unavailable)
    app.register_error_handler(InterfaceError, _database_unavailable)
    init_rate_limits(app, api.spec)
    app.after_request(_security_headers)
    app.after_request(_cache_validators)
    app.after_request(_cors)
    response_cache.install(app, db)  # whole list pages, per process, while the data version holds
    return app


def public_base_url(value: str | None) -> str | None:
    """PUBLIC_BASE_URL as absolute ids are built from it (`https://host[:port][/prefix]`, no trailing slash),
    or None when unset; one that is not such a URL stops the app at start."""
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ValueError(f"PUBLIC_BASE_URL={value!r} is not an http(s) URL such as https://api.example.org")
    return value.rstrip("/")


# What a nullable nested object's second branch is: null and nothing else (apispec writes {type: object,
# nullable: true}, any object or null, which generators read as `Speaker | Record<string, never> | null`)
NULL_ONLY = {"type": "object", "nullable": True, "enum": [None]}


def _null_or_object(api: Api) -> None:
    """Nullable nested objects as `anyOf: [{$ref: Speaker}, NULL_ONLY]`: OpenAPI 3.0.3 validators accept
    the object or null (a `nullable` beside an allOf $ref, without a type, means nothing in 3.0.3), and
    openapi-typescript and openapi-python-client read it as `Speaker | null` (tests/test_ts_client.py)."""
    converter = api.ma_plugin.converter
    functions = converter.attribute_functions
    written_by_apispec = next(i for i, f in enumerate(functions) if f.__name__ == "field2nullable")
    apispec_nullable = functions[written_by_apispec]

    def field2nullable(field, ret, **kwargs):
        attributes = apispec_nullable(field, ret, **kwargs)
        if "anyOf" in attributes:
            attributes["anyOf"] = [NULL_ONLY if branch == {"type": "object", "nullable": True} else branch
                                   for branch in attributes["anyOf"]]
        return attributes

    functions[written_by_apispec] = field2nullable


def _register_database_hooks(app: Flask, db) -> None:
    schema = {"migrated": _migrate_at_start(db)}

    @app.before_request
    def _refuse_long_urls():
        if len(request.full_path) > MAX_URL_LENGTH:
            return problem_response(414, f"The request URL is longer than {MAX_URL_LENGTH} characters.")

    # an app context outside a request (scripts, tests: `with app.app_context(): queries...`) reads this
    # app's database too, not the one another app in the process bound last
    appcontext_pushed.connect(lambda *_args, **_kwargs: use(db), app, weak=False)

    @app.before_request
    def _connect():
        use(db)  # another app in this process (tests) may have rebound the proxy
        ensure_connection()  # raises OperationalError while the database is down: 503
        if not schema["migrated"]:  # it was unreachable when this worker started
            models.create_tables()
            schema["migrated"] = True

    @app.teardown_request
    def _close(exc):
        # Each worker keeps its connection: SQLite keeps its page cache in it, and a PostgreSQL connection
        # costs more to open than most queries (docs/benchmarks.md). One a failed statement left broken
        # or mid-transaction is dropped here; one the server closed meanwhile, by ensure_connection().
        if not connection_usable():
            discard_connection()


def _migrate_at_start(db) -> bool:
    """Bring the schema up to date as the worker starts (True), or leave it to the first request when the
    database cannot be reached yet (False): a worker must start, and answer 503, while it is down."""
    try:
        models.create_tables()
    except (OperationalError, InterfaceError) as error:
        logging.getLogger(__name__).warning("database unreachable at start (%s); migrating on the first "
                                            "request", type(error).__name__)
        discard_connection()
        return False
    db.close()  # requests open their own (and a connection must never be shared with a forked process)
    return True


def _register_docs(app: Flask, api: Api) -> None:
    app.extensions["openapi_spec"] = api.spec

    @app.get("/openapi.yaml")
    def openapi_yaml():
        """The OpenAPI contract as YAML (the same document as /openapi.json)."""
        return Response(contract_yaml(app), mimetype="application/yaml")

    @app.get("/docs/static/<path:filename>")
    def swagger_ui_static(filename):
        """Swagger UI assets from the swagger-ui-bundle package: the docs page works offline."""
        return send_from_directory(swagger_ui_bundle.swagger_ui_path, filename)


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # repeated examples as plain copies, not &id001 anchors
        return True


def contract_yaml(app: Flask) -> str:
    """The OpenAPI document, as openapi.yaml holds it."""
    return yaml.dump(app.extensions["openapi_spec"].to_dict(), Dumper=_NoAliasDumper, sort_keys=False,
                     allow_unicode=True, width=110)


# what the engines say of a statement too large or deep to run: the request's fault, not an outage
TOO_COMPLEX = ("parser stack overflow", "expression tree is too large", "too many sql variables",
               "too many terms", "pattern too complex", "stack depth limit exceeded", "statement too complex")
TOO_COMPLEX_SQLSTATES = ("54000", "54001")  # PostgreSQL: program limit exceeded, statement too complex


def _too_complex(error) -> bool:
    original = error.args[0] if error.args and isinstance(error.args[0], Exception) else error
    return (getattr(original, "pgcode", None) in TOO_COMPLEX_SQLSTATES
            or any(phrase in str(original).lower() for phrase in TOO_COMPLEX))


def _database_unavailable(error):
    if _too_complex(error):
        return problem_response(400, "These filters make a query too large for the database: use fewer "
                                     "search words or values.")
    logging.getLogger(__name__).warning("database unavailable: %s", type(error).__name__)
    response = problem_response(503, "The database is unavailable; retry shortly.")
    response.headers["Retry-After"] = "5"
    return response


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    # JSON, CSV and problem documents load nothing and are never framed, even when opened in a browser
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}
# The docs page (Swagger UI from /docs/static/): its own scripts and styles, the inline script that starts it
# (allowed by its hash, computed from the page as rendered), the spec and try-it-out requests to this origin.
DOCS_POLICY = ("default-src 'none'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
               "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


def _security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if (response.mimetype == "text/html" and not response.is_streamed and response.content_length
            and request.blueprint != explore.blp.name):  # /docs (/explore sets its own policy)
        response.headers["Content-Security-Policy"] = DOCS_POLICY.format(hashes=" ".join(
            f"'sha256-{base64.b64encode(hashlib.sha256(script).digest()).decode()}'"
            for script in INLINE_SCRIPT.findall(response.get_data())))
    return response


def _cache_validators(response):
    """ETag and Cache-Control on reads; 304 when If-None-Match names the current ETag."""
    if request.method in ("GET", "HEAD"):
        response.vary.add("Accept")  # JSON, JSON-LD, CSV and NDJSON share URLs
    if request.method in ("GET", "HEAD") and response.status_code == 200 and not response.is_streamed:
        response.headers.setdefault("Cache-Control", READ_CACHE_CONTROL)
        response.add_etag()
        response.make_conditional(request)
    return response


def _cors(response):
    """Browser-based tools may call the API from any origin; preflights get the methods and headers allowed."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = CORS_EXPOSED
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = response.headers.get("Allow", "GET, HEAD, OPTIONS")
        response.headers["Access-Control-Allow-Headers"] = CORS_ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = "86400"
    return response
