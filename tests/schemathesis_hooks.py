"""schemathesis hooks for the stateful phase (SCHEMATHESIS_HOOKS=schemathesis_hooks).

Bodies generated from the schema alone are never Vietnamese prose, so POST /articles would always answer
400 and the links from a submitted article (GetSource, DeleteSource, ListItsPositions) would never be
followed. In the stateful run each generated object body gets a real article's text, numbered so every
submission is new and is extracted and stored; every other generated field is kept as generated. A
generated batch (POST /articles/batch, a string) gets such an article as its first line, before the
generated text, so the job is made and its link (GetJob) is followed.
"""
from __future__ import annotations

import itertools
import json

import schemathesis
import schemathesis_ndjson  # noqa: F401  (registers the NDJSON serializer)

ARTICLE = (
    "Ngày 7/1/2022, Tổng thư ký NATO Jens Stoltenberg tuyên bố liên minh sẽ không từ bỏ chính sách mở cửa "
    "và bác bỏ yêu cầu của Nga về việc ngừng mở rộng NATO về phía đông. Trong khi đó, Ngoại trưởng Nga "
    "Sergei Lavrov yêu cầu Mỹ đưa ra câu trả lời bằng văn bản về các đề xuất bảo đảm an ninh của Moskva.")
_numbers = itertools.count(1)
MAX_URL = 2000  # Article.url's maxLength


@schemathesis.hook
def map_body(context, body):
    operation = context.operation
    if operation is None or str(operation.method).upper() != "POST":
        return body
    if isinstance(body, str) and operation.path == "/articles/batch":
        line = json.dumps({"text": f"{ARTICLE} (Lô số {next(_numbers)}.)"}, ensure_ascii=False)
        return f"{line}\n{body}"
    if not isinstance(body, dict):
        return body
    if not isinstance(body.get("text"), str):
        return body  # a negative case about the text itself: keep it
    url = body.get("url")
    if url is not None and not (isinstance(url, str) and len(url) <= MAX_URL):
        return body  # a negative case about the url (not a string, too long): replacing it would make it valid
    # url is documented as a string, but only http(s) URLs are accepted: a generated one rarely is
    return {**body, "text": f"{ARTICLE} (Bài số {next(_numbers)}.)", "url": None}
