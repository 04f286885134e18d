"""schemathesis hooks for the stateful phase (SCHEMATHESIS_HOOKS=schemathesis_hooks).

Bodies generated from the schema alone are never Vietnamese prose, so POST /articles would always answer
400 and the links from a submitted article (GetSource, DeleteSource, ListItsPositions) would never be
followed. In the stateful run each generated object body gets a real article's text, numbered so every
submission is new and is extracted and stored; every other generated field is kept as generated.
"""
from __future__ import annotations

import itertools

import schemathesis

ARTICLE = (
    "Ngày 7/1/2022, Tổng thư ký NATO Jens Stoltenberg tuyên bố liên minh sẽ không từ bỏ chính sách mở cửa "
    "và bác bỏ yêu cầu của Nga về việc ngừng mở rộng NATO về phía đông. Trong khi đó, Ngoại trưởng Nga "
    "Sergei Lavrov yêu cầu Mỹ đưa ra câu trả lời bằng văn bản về các đề xuất bảo đảm an ninh của Moskva.")
_numbers = itertools.count(1)
URL_MAX_LENGTH = 2000  # the contract's maxLength of an article's url


@schemathesis.hook
def map_body(context, body):
    operation = context.operation
    if operation is None or str(operation.method).upper() != "POST" or not isinstance(body, dict):
        return body
    if not isinstance(body.get("text"), str):
        return body  # a negative case about the text itself: keep it
    url = body.get("url")
    if url is not None and not (isinstance(url, str) and len(url) <= URL_MAX_LENGTH):
        return body  # a negative case about the url (not a string, too long): keep it, or null would pass
    # url is documented as a string, but only http(s) URLs are accepted: a generated one rarely is
    return {**body, "text": f"{ARTICLE} (Bài số {next(_numbers)}.)", "url": None}
