"""Writes need an operator's API key (Authorization: Bearer ...); reads stay open."""
from __future__ import annotations

import functools

from flask import request

from models.apikeys import key_owner

from .problems import problem_response

SECURITY_SCHEME = "bearerAuth"
BEARER = {"type": "http", "scheme": "bearer", "description":
          "An operator's API key: `python scripts/create_api_key.py NAME` creates one and prints it once."}
WRITE_SECURITY = [{SECURITY_SCHEME: []}]
WWW_AUTHENTICATE = {"WWW-Authenticate": {
    "description": 'Bearer, with error="invalid_token" when a key was sent but is not valid',
    "schema": {"type": "string"}}}


def document_auth(spec) -> None:
    """The bearer scheme, and the WWW-Authenticate header every 401 carries."""
    spec.components.security_scheme(SECURITY_SCHEME, BEARER)
    spec.components.responses.setdefault("UNAUTHORIZED", {}).setdefault("headers", {}).update(WWW_AUTHENTICATE)


def require_api_key(view):
    """401 problem+json with WWW-Authenticate unless the request carries a known key."""

    @functools.wraps(view)
    def checked(*args, **kwargs):
        scheme, _, key = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            return _unauthorized("This operation needs an API key: send 'Authorization: Bearer <key>' "
                                 "(an operator creates keys with scripts/create_api_key.py).", "")
        if key_owner(key.strip()) is None:
            return _unauthorized("The API key is not valid: check it, or ask an operator for a new one.",
                                 ', error="invalid_token"')
        return view(*args, **kwargs)

    return checked


def _unauthorized(detail: str, error: str):
    response = problem_response(401, detail)
    response.headers["WWW-Authenticate"] = f'Bearer realm="positions-api"{error}'
    return response
