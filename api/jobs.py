"""Batches of articles: NDJSON in, a job out; the job's progress and each article's outcome."""
from __future__ import annotations

import functools

from flask import current_app, request, url_for
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import Schema, ValidationError, fields

from models import jobs
from models.ingest import WriteRefused
from workers import QueueUnavailable, dispatch

from .articles import EXAMPLE_TEXT, ArticleSchema
from .auth import WRITE_SECURITY, require_api_key
from .base import Blueprint, NoQueryArgs, path_parameter, strict_json
from .problems import problem_response
from .ratelimit import write_rate_limited
from .sources import write_refused

blp = Blueprint("jobs", __name__, description="Batches of articles, extracted in the background (writes need an "
                                              "API key)")
blp.register_error_handler(WriteRefused, write_refused)

MAX_BATCH_ARTICLES = 1000
MAX_BATCH_BYTES = 20 * 1024 * 1024
NDJSON = "application/x-ndjson"
JOB_CACHE_CONTROL = "no-cache"  # a job moves on: revalidate (ETag) instead of reusing a minute-old state
JOB_LINKS = {"GetJob": {"operationId": "getJob", "parameters": {"job_id": "$response.body#/id"},
                        "description": "The job's progress and each article's outcome"}}
EXAMPLE_BATCH = "\n".join([
    '{"text": "' + EXAMPLE_TEXT + '", "outlet": "Ví dụ", "url": "https://example.vn/nato-nga-7-1-2022.html"}',
    '{"text": "quá ngắn"}', ""])


class CountsSchema(Schema):
    submitted = fields.Integer(required=True, metadata={"description": "Lines in the batch (blank ones aside)"})
    queued = fields.Integer(required=True, metadata={"description": "Waiting for a worker"})
    running = fields.Integer(required=True, metadata={"description": "Being extracted now"})
    done = fields.Integer(required=True, metadata={"description": "Extracted and stored as a new source"})
    duplicate = fields.Integer(required=True, metadata={
        "description": "The same text was stored before (same content hash): not stored again"})
    failed = fields.Integer(required=True, metadata={
        "description": "Failed after bounded retries (the extractor failed, or a limit was exceeded)"})
    invalid = fields.Integer(required=True, metadata={"description": "Refused at submission; never queued"})


class JobArticleSchema(Schema):
    line = fields.Integer(required=True, metadata={"description": "Line number in the submitted NDJSON, from 1"})
    status = fields.String(required=True, metadata={"enum": list(jobs.STATUSES), "example": "done"})
    source_id = fields.String(allow_none=True, metadata={
        "description": "The stored source (done, duplicate)", "example": "5f0c2a9d41b7e3aa"})
    error = fields.String(allow_none=True, metadata={"description": "Why it failed or was invalid"})
    attempts = fields.Integer(required=True, metadata={"description": "Times a worker took it up"})


class JobSchema(Schema):
    id = fields.String(required=True, metadata={"example": "3fa85f6457174562"})
    state = fields.String(required=True, metadata={
        "enum": ["queued", "running", "done"], "description": "done once no article is queued or running"})
    created_at = fields.DateTime(required=True, metadata={"description": "UTC"})
    finished_at = fields.DateTime(allow_none=True, metadata={"description": "UTC, once done"})
    counts = fields.Nested(CountsSchema, required=True)
    articles = fields.List(fields.Nested(JobArticleSchema), required=True, metadata={
        "description": "One entry per non-blank line, in line order"})


def ndjson_body(view):
    """415 unless the body is NDJSON, 413 past 20 MB or 1,000 articles, 400 unless it is UTF-8."""

    @functools.wraps(view)
    def checked(*args, **kwargs):
        if request.mimetype != NDJSON:
            return problem_response(415, f"Send the batch as NDJSON, one article object a line, with "
                                         f"'Content-Type: {NDJSON}' (got '{request.mimetype or 'none'}').")
        limit = current_app.config.get("MAX_BATCH_BYTES", MAX_BATCH_BYTES)
        if request.content_length is not None and request.content_length > limit:
            return problem_response(413, f"The batch is {request.content_length} bytes; at most {limit} bytes "
                                         f"({limit // 1024 // 1024} MiB) are accepted: split it.")
        request.max_content_length = limit  # the app's limit (1 MiB) is for single articles
        body = request.get_data(cache=True)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            return problem_response(400, f"The body is not valid UTF-8 (byte {error.start}): send UTF-8 NDJSON.")
        lines = [(number, line) for number, line in enumerate(text.split("\n"), 1) if line.strip()]
        if len(lines) > MAX_BATCH_ARTICLES:
            return problem_response(413, f"The batch has {len(lines)} articles; at most {MAX_BATCH_ARTICLES} are "
                                         "accepted in one: split it.")
        return view(*args, lines, **kwargs)

    return checked


def validate_lines(lines: list[tuple[int, str]]) -> list[tuple[int, dict | None, str | None]]:
    """(line number, article fields, None) or (line number, None, what is wrong) for each line."""
    schema = ArticleSchema()
    checked = []
    for number, line in lines:
        try:
            article = schema.load(strict_json(line.encode("utf-8")))
        except ValueError as error:  # not JSON, duplicate keys
            checked.append((number, None, f"Invalid JSON: {str(error)[:200]}."))
            continue
        except ValidationError as error:
            checked.append((number, None, _messages(error.messages)))
            continue
        checked.append((number, article, None))
    return checked


def _messages(messages) -> str:
    if isinstance(messages, dict):
        return "; ".join(f"{name}: {_messages(value)}" if name != "_schema" else _messages(value)
                         for name, value in messages.items())
    if isinstance(messages, (list, tuple)):
        return " ".join(_messages(m) for m in messages)
    return str(messages)


@blp.route("/articles/batch")
class Batch(MethodView):
    @require_api_key
    @write_rate_limited
    @ndjson_body
    @blp.doc(operationId="submitBatch", security=WRITE_SECURITY, requestBody={
        "required": True, "description": (
            f"NDJSON: one article a line, each a JSON object with the fields of POST /articles (text, url, "
            f"outlet, title, published); at most {MAX_BATCH_ARTICLES} articles and {MAX_BATCH_BYTES // 2**20} MiB; "
            "blank lines are skipped (line numbers still count them)"),
        "content": {NDJSON: {"schema": {"type": "string", "example": EXAMPLE_BATCH}}}},
        responses={202: {"links": JOB_LINKS, "headers": {"Location": {
            "description": "URL of the job (GET /jobs/{job_id})", "schema": {"type": "string"}}}}})
    @blp.arguments(NoQueryArgs, location="query", as_kwargs=True)
    @blp.response(202, JobSchema, description=(
        "Accepted: the valid articles are queued; invalid lines are listed with their line number and error"))
    @blp.alt_response(400, response="BAD_REQUEST")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
    @blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    @blp.alt_response(507, response="INSUFFICIENT_STORAGE")
    def post(self, lines):
        """Submit a batch of articles

        Validates every line first, as POST /articles validates one article; the valid ones are queued
        for extraction even when others are not, and 202 answers with the job (Location: GET
        /jobs/{job_id}). 400 when no line is valid. Each article is then stored as by POST /articles: a
        text stored before counts as a duplicate; one the extractor fails on fails alone, with its reason,
        after bounded retries. Needs an API key; a batch counts as one write against WRITE_RATE_LIMIT.
        """
        checked = validate_lines(lines)
        if not lines or all(article is None for _, article, _ in checked):
            errors = {f"line {number}": [error] for number, _, error in checked[:50]}
            return problem_response(400, "No valid article in the batch: " + (
                "; ".join(f"line {n}: {e}" for n, _, e in checked[:3]) if checked else "the body is empty."),
                errors=errors)
        job, queued = jobs.create_job(checked)
        try:
            dispatch(job.id, queued)
        except QueueUnavailable:
            jobs.discard_job(job.id)
            response = problem_response(503, "The job queue is unavailable: nothing was queued; retry shortly.")
            response.headers["Retry-After"] = "5"
            return response
        return jobs.job_report(job.id), 202, {"Location": url_for("jobs.JobById", job_id=job.id)}


@blp.route("/jobs/<string:job_id>", parameters=[path_parameter(
    "job_id", "Job id, from the Location of POST /articles/batch", "3fa85f6457174562")])
class JobById(MethodView):
    @blp.doc(operationId="getJob")
    @blp.arguments(NoQueryArgs, location="query", as_kwargs=True)
    @blp.response(200, JobSchema, headers={"Cache-Control": {"description": "no-cache: a job moves on",
                                                             "schema": {"type": "string"}}})
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, job_id):
        """Get a job's progress

        The state, the counts per outcome and each article's outcome: its source id, or its error. Any
        API server answers for any job (jobs live in the database).
        """
        report = jobs.job_report(job_id)
        if report is None:
            abort(404, message=f"No job '{job_id[:64]}': job ids come from the Location of POST /articles/batch.")
        return report, 200, {"Cache-Control": JOB_CACHE_CONTROL}
