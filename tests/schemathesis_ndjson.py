"""schemathesis hook module (SCHEMATHESIS_HOOKS=schemathesis_ndjson): how to send an NDJSON body.

POST /articles/batch takes application/x-ndjson, a media type schemathesis has no serializer for: a
generated string goes as its UTF-8 bytes; anything else (negative cases) as its JSON.
"""
from __future__ import annotations

import json

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def ndjson(context, value):
    if value is None:
        return None
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    return json.dumps(value, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")
