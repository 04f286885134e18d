"""Response schemas: what a fact-checker needs to cite a row without a second request."""
from __future__ import annotations

from marshmallow import Schema, fields

from extraction.types import DATE_PRECISIONS, KINDS


class ActorRefSchema(Schema):
    code = fields.String(required=True, metadata={"example": "NATO"})
    name_en = fields.String(required=True, metadata={"example": "North Atlantic Treaty Organization"})
    name_vi = fields.String(allow_none=True, metadata={"example": "Tổ chức Hiệp ước Bắc Đại Tây Dương"})
    short_name = fields.String(required=True, metadata={
        "description": "Short English name, as summaries use it", "example": "NATO"})


class SpeakerSchema(Schema):
    name = fields.String(required=True, metadata={"example": "Jens Stoltenberg"})
    role = fields.String(allow_none=True, metadata={"description": "Title as the article gives it",
                                                    "example": "Tổng thư ký NATO"})


class SourceRefSchema(Schema):
    id = fields.String(required=True, metadata={"example": "5f0c2a9d41b7e3aa"})
    outlet = fields.String(allow_none=True, metadata={"example": "VTC News"})
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published = fields.Date(allow_none=True, metadata={"example": "2022-01-07"})


class PositionSchema(Schema):
    id = fields.String(required=True, metadata={
        "description": "Stable id: the same article, span and party keep it across re-seeds",
        "example": "3f9a1c0b7d2e4f61"})
    kind = fields.String(required=True, metadata={"enum": list(KINDS), "example": "rebuttal"})
    summary = fields.String(required=True, metadata={
        "description": "What the row says, in English, built from its fields (kind, party, speaker, targets, "
                       "topics, date); the Vietnamese text is the evidence",
        "example": "NATO (Jens Stoltenberg) rejected a position of Russia on NATO enlargement, 2022-01-07"})
    actor = fields.Nested(ActorRefSchema, required=True)
    speaker = fields.Nested(SpeakerSchema, attribute="speaker_info", allow_none=True, metadata={
        "description": "The person who voiced it; null for an institution"})
    text = fields.String(required=True, metadata={"description": "The Vietnamese clause that carries the position"})
    quote = fields.String(allow_none=True, metadata={"description": "The verbatim quotation, when quoted"})
    date = fields.String(attribute="said_on", allow_none=True, metadata={
        "description": "When it was said: YYYY-MM-DD or YYYY-MM, per date_precision", "example": "2022-01-07"})
    date_precision = fields.String(required=True, metadata={"enum": list(DATE_PRECISIONS), "example": "day"})
    source = fields.Nested(SourceRefSchema, required=True)
    start = fields.Integer(required=True, metadata={"description": "Offset of text in the source text"})
    end = fields.Integer(required=True, metadata={"description": "End offset (exclusive): source.text[start:end]"})
    targets = fields.List(fields.String(), required=True, metadata={"example": ["RUSSIA"]})
    topics = fields.List(fields.String(), required=True, metadata={"example": ["nato-enlargement"]})
    rebuts = fields.String(attribute="rebuts_id", allow_none=True, metadata={
        "description": "For a rebuttal: id of the position it rebuts, when known"})
    claim = fields.String(attribute="claim_id", allow_none=True, metadata={
        "description": "Id of the claim this position belongs to: the same party stating the same thing in "
                       "other articles (GET /claims/{claim_id}); a position reported once is a claim of its own",
        "example": "3f9a1c0b7d2e4f61"})
    highlight = fields.String(allow_none=True, metadata={
        "description": "Only in answers to a search (q=): the text (or, when nothing in it is marked, the "
                       "quote) with what matched wrapped in « »: the query's phrases, and its words where written "
                       "as typed or as capitalised names (a syllable of another word that matched only without "
                       "its diacritics is not marked); null when nothing is marked (e.g. only the speaker's name "
                       "matched)",
        "example": "Ngoại trưởng Nga cho biết Moskva sẵn sàng «đàm phán» với Mỹ"})


class DemandSchema(PositionSchema):
    rebuttals = fields.List(fields.Nested(PositionSchema), required=True, metadata={
        "description": "Positions that rebut this demand"})


class RebuttalSchema(PositionSchema):
    rebutted = fields.Nested(PositionSchema, allow_none=True, metadata={
        "description": "The position this rebuttal answers, when known"})


class ActorSchema(Schema):
    code = fields.String(required=True, metadata={"example": "RUSSIA"})
    name_en = fields.String(required=True, metadata={"example": "Russia"})
    name_vi = fields.String(allow_none=True, metadata={"example": "Nga"})
    aliases = fields.List(fields.String(), required=True, metadata={"example": ["Moscow", "Điện Kremlin"]})
    position_count = fields.Integer(required=True)


class ActorDetailSchema(ActorSchema):
    counts_by_kind = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True, metadata={
        "example": {"statement": 3, "demand": 2, "rebuttal": 1, "proposal": 0, "warning": 1}})


class PersonSchema(Schema):
    name = fields.String(required=True, metadata={"example": "Sergei Lavrov"})
    role = fields.String(allow_none=True, metadata={"example": "Ngoại trưởng Nga"})
    actor = fields.String(attribute="actor_id", allow_none=True, metadata={"example": "RUSSIA"})
    position_count = fields.Integer(required=True)


class TopicSchema(Schema):
    code = fields.String(required=True, metadata={"example": "nato-enlargement"})
    label = fields.String(required=True, metadata={"example": "NATO enlargement"})
    position_count = fields.Integer(required=True)


class SourceSchema(Schema):
    id = fields.String(required=True, metadata={"example": "5f0c2a9d41b7e3aa"})
    name = fields.String(allow_none=True, metadata={"description": "Seed file name, when seeded"})
    outlet = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published = fields.Date(allow_none=True)
    content_hash = fields.String(required=True, metadata={"description": "sha256 of the UTF-8 text"})
    position_count = fields.Integer(required=True)


class SourceDetailSchema(SourceSchema):
    text = fields.String(required=True, metadata={"description": "Full text; positions' offsets index it"})
    positions = fields.List(fields.Nested(PositionSchema), required=True)


class HealthSchema(Schema):
    status = fields.String(required=True, metadata={"example": "ok"})
    database = fields.String(required=True, metadata={"example": "sqlite"})
    positions = fields.Integer(required=True)
