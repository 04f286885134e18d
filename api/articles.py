"""Articles submitted by fact-check tools: extracted on arrival and stored as sources with their positions."""
from __future__ import annotations

import functools
import re

from flask import current_app, request, url_for
from flask.views import MethodView
from marshmallow import ValidationError, fields, validate, validates
from peewee import IntegrityError

from models import ingest, queries

from .auth import WRITE_SECURITY, require_api_key
from .base import BaseSchema, Blueprint
from .problems import problem_response
from .ratelimit import write_rate_limited
from .schemas import SourceDetailSchema
from .sources import source_detail, write_refused

blp = Blueprint("articles", __name__, description="Submitting articles (needs an API key)")
blp.register_error_handler(ingest.WriteRefused, write_refused)

MAX_BODY_BYTES = 1024 * 1024
MIN_TEXT_CHARACTERS = 200
MIN_VIETNAMESE_SHARE = 0.08  # of letters; Vietnamese news prose has 25-40 % letters with Vietnamese marks
VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)
EXAMPLE_TEXT = (
    "Ngày 7/1/2022, Tổng thư ký NATO Jens Stoltenberg tuyên bố liên minh sẽ không từ bỏ chính sách mở cửa "
    "và bác bỏ yêu cầu của Nga về việc ngừng mở rộng NATO về phía đông. Trong khi đó, Ngoại trưởng Nga "
    "Sergei Lavrov yêu cầu Mỹ đưa ra câu trả lời bằng văn bản về các đề xuất bảo đảm an ninh của Moskva.")


SOURCE_LINKS = {
    "GetSource": {"operationId": "getSource", "parameters": {"source_id": "$response.body#/id"},
                  "description": "The stored source"},
    "DeleteSource": {"operationId": "deleteSource", "parameters": {"source_id": "$response.body#/id"},
                     "description": "Delete the submitted source and its positions"},
    "ListItsPositions": {"operationId": "listPositions", "parameters": {"source": "$response.body#/id"},
                         "description": "Its positions, with every filter and format of /positions"},
}


class ArticleSchema(BaseSchema):
    text = fields.String(required=True, validate=validate.Length(max=MAX_BODY_BYTES), metadata={
        "description": f"The article's full text in Vietnamese (at least {MIN_TEXT_CHARACTERS} characters of "
                       "prose); positions' offsets will index it as given", "example": EXAMPLE_TEXT})
    url = fields.String(allow_none=True, validate=[validate.Length(max=2000), validate.URL(schemes={"http", "https"})],
                        metadata={"example": "https://example.vn/nato-nga-7-1-2022.html"})
    outlet = fields.String(allow_none=True, validate=validate.Length(max=200), metadata={"example": "VTC News"})
    title = fields.String(allow_none=True, validate=validate.Length(max=1000), metadata={
        "example": "NATO bác yêu cầu của Nga"})
    published = fields.Date(allow_none=True, metadata={
        "description": "Publication date; inferred from the text when absent", "example": "2022-01-07"})

    @validates("text")
    def _vietnamese_prose(self, text: str, **kwargs):
        stripped = text.strip()
        if not stripped:
            raise ValidationError("The text is empty.")
        if len(stripped) < MIN_TEXT_CHARACTERS:
            raise ValidationError(f"The text is {len(stripped)} characters long; an article needs at least "
                                  f"{MIN_TEXT_CHARACTERS}.")
        letters = sum(c.isalpha() for c in stripped)
        marked = len(VIETNAMESE_LETTERS.findall(stripped))
        if letters < MIN_TEXT_CHARACTERS // 2 or marked < MIN_VIETNAMESE_SHARE * letters:
            raise ValidationError(f"The text does not look like Vietnamese prose: {marked} of its {letters} "
                                  f"letters carry Vietnamese diacritics (at least {MIN_VIETNAMESE_SHARE:.0%} "
                                  "expected). Submit the article's Vietnamese text.")


def json_body(view):
    """415 unless the body is JSON, 413 past the size limit, 400 unless it is UTF-8: before anything is read."""

    @functools.wraps(view)
    def checked(*args, **kwargs):
        limit = current_app.config.get("MAX_CONTENT_LENGTH") or MAX_BODY_BYTES
        if request.mimetype != "application/json":
            return problem_response(415, f"Send the article as JSON with 'Content-Type: application/json' "
                                         f"(got '{request.mimetype or 'none'}').")
        if request.content_length is not None and request.content_length > limit:
            return problem_response(413, f"The body is {request.content_length} bytes; at most {limit} "
                                         f"bytes ({limit // 1024} KiB) are accepted.")
        body = request.get_data(cache=True)
        if request.content_length is None and len(body) >= limit:
            # a chunked body is cut off at the limit without a word: one more byte read raises the 413
            request.stream.read(1)
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as error:
            return problem_response(400, f"The body is not valid UTF-8 (byte {error.start}): send UTF-8 JSON.")
        return view(*args, **kwargs)

    return checked


@blp.route("/articles")
class Articles(MethodView):
    @require_api_key
    @write_rate_limited
    @json_body
    @blp.doc(operationId="submitArticle", security=WRITE_SECURITY, responses={
        201: {"links": SOURCE_LINKS, "headers": {"Location": {"description": "URL of the new source",
                                                              "schema": {"type": "string"}}}},
        200: {"links": SOURCE_LINKS}})
    @blp.arguments(ArticleSchema, location="json", content_type="application/json")
    @blp.response(201, SourceDetailSchema, description="Extracted and stored: the new source with its positions")
    @blp.alt_response(200, schema=SourceDetailSchema, success=True, description=(
        "The same text was submitted before, or at the same moment: the existing source, unchanged, not a second "
        "copy"))
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
    @blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    @blp.alt_response(507, response="INSUFFICIENT_STORAGE")
    def post(self, article):
        """Submit an article

        Runs the extraction on the text and stores the article as a source with its positions. The same
        text again answers 200 with the existing source, also when both copies arrive at once. Needs an
        API key; each key may make WRITE_RATE_LIMIT writes (60 a minute unless the operator set another
        limit), then gets 429. 503 while the database is read-only, 507 when it is full.
        """
        source, created = ingest_article(article)
        detail = source_detail(source.id)
        if not created:
            return detail, 200
        return detail, 201, {"Location": url_for("sources.SourceById", source_id=source.id)}


def ingest_article(article: dict):
    """(source, created): the stored source for this text, extracting only when the text is new."""
    text = article["text"]
    existing = queries.source_by_hash(ingest.content_hash(text))
    if existing is not None:
        return existing, False
    import extraction  # loads the NLP models: only workers that ingest pay for them

    published = article.get("published")
    meta = extraction.ArticleMeta(title=article.get("title"), outlet=article.get("outlet"), url=article.get("url"),
                                  published=published.isoformat() if published else None)
    result = extraction.extract(text, meta)
    try:
        return ingest.store_article(text, meta, result, keep_existing=True)
    except IntegrityError:  # the same text, submitted concurrently, was committed first by another request
        existing = queries.source_by_hash(ingest.content_hash(text))
        if existing is None:
            raise
        return existing, False
