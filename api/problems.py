"""RFC 9457 problem+json: the one error shape of the API, produced by one handler."""
from __future__ import annotations

import logging

import orjson
from flask import current_app, request
from marshmallow import Schema, fields
from werkzeug.exceptions import HTTPException, InternalServerError

PROBLEM_CONTENT_TYPE = "application/problem+json"
log = logging.getLogger(__name__)


class ProblemSchema(Schema):
    type = fields.String(metadata={"description": "A URI reference that identifies the problem type",
                                   "example": "about:blank"})
    title = fields.String(metadata={"description": "Short summary of the problem type", "example": "Bad Request"})
    status = fields.Integer(metadata={"description": "HTTP status code", "example": 400})
    detail = fields.String(metadata={"description": "What went wrong and how to fix it",
                                     "example": "Unknown actor 'XYZ'. Known actors: NATO, RUSSIA, US, UK"})
    instance = fields.String(metadata={"description": "The request path", "example": "/positions"})
    errors = fields.Dict(keys=fields.String(), values=fields.Raw(), metadata={
        "description": "Per-parameter messages, when the request's parameters were invalid"})


def problem_response(status: int, detail: str | None = None, *, title: str | None = None, errors=None):
    """A problem+json response; the body never carries a stack trace or SQL."""
    body = {"type": "about:blank", "title": title or _phrase(status), "status": status,
            "detail": detail or _phrase(status), "instance": request.path}
    if errors:
        body["errors"] = errors
    response = current_app.response_class(orjson.dumps(body, option=orjson.OPT_NON_STR_KEYS), status=status, mimetype=PROBLEM_CONTENT_TYPE)
    return response


def handle_http_exception(error: HTTPException):
    """Every HTTP error, from abort() or from webargs' argument validation."""
    data = getattr(error, "data", None) or {}
    messages = data.get("messages")
    status = error.code or 500
    if status == 422:  # webargs reports invalid parameters as 422; a bad request is what the user sent
        status = 400
    if messages:
        errors = _flatten_locations(messages)
        detail = "Invalid request parameters: " + "; ".join(f"{k}: {_text(v)}" for k, v in errors.items())
        return problem_response(status, detail, errors=errors)
    detail = data.get("message") or error.description
    response = problem_response(status, detail)
    if status == 405 and getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def handle_unexpected(error: Exception):
    """A bug: log it with its traceback, answer a bare 500 problem (no internals leak)."""
    if _read_timeout(error):
        return problem_response(408, "The request body was not received in time.")
    if isinstance(error, HTTPException):
        return handle_http_exception(error)
    if _malformed_body(error):
        return problem_response(400, f"The request body is not valid HTTP/1.1 chunked encoding "
                                     f"({type(error).__name__}).")
    log.exception("unhandled error on %s %s", request.method, request.path)
    return problem_response(500, InternalServerError.description)


def _read_timeout(error: Exception) -> bool:
    """The body stopped arriving (server/worker.py bounds how long a thread waits for it): 408."""
    try:
        from server.worker import RequestReadTimeout
    except ImportError:  # served without the project's worker
        return False
    # werkzeug turns a failed body read into ClientDisconnected (400), raised while handling the read's error
    return any(isinstance(e, RequestReadTimeout) for e in (error, error.__cause__, error.__context__))


def _malformed_body(error: Exception) -> bool:
    """gunicorn parses a chunked body while the app reads it: its parse errors (bad chunk size, missing
    terminator) surface in the view, and are the client's fault."""
    try:
        from gunicorn.http.errors import ParseException
    except ImportError:  # served by another WSGI server
        return False
    return isinstance(error, ParseException)


def _flatten_locations(messages: dict) -> dict:
    # webargs nests messages by location ({"query": {"actor": [...]}}); users know parameters, not locations
    flat = {}
    for location, by_field in messages.items():
        if isinstance(by_field, dict):
            flat.update(by_field)
        else:
            flat[location] = by_field
    return flat


def _text(value) -> str:
    if isinstance(value, dict):
        return "; ".join(_text(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return " ".join(_text(v) for v in value)
    return str(value)


def _phrase(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


# gunicorn answers requests it cannot parse (a raw non-ASCII byte or control character in the request line, a
# malformed header or chunk) itself, before the app sees them, with an HTML page; gunicorn.conf.py installs
# this writer in each worker so those answers are problem+json like every other error.
def write_protocol_error(sock, status_int: int, reason: str, mesg: str) -> None:
    from gunicorn import util

    from . import SECURITY_HEADERS

    detail = (mesg or reason)[:300]
    body = orjson.dumps({"type": "about:blank", "title": reason, "status": status_int, "detail": detail})
    headers = {"Connection": "close", "Content-Type": PROBLEM_CONTENT_TYPE, "Content-Length": str(len(body)),
               **SECURITY_HEADERS}
    head = f"HTTP/1.1 {status_int} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    util.write_nonblock(sock, head.encode("latin-1") + body)


def install_protocol_error_writer(worker=None) -> None:
    """gunicorn post_worker_init hook: protocol-level refusals as problem+json."""
    from gunicorn import util

    util.write_error = write_protocol_error
