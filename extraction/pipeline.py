"""The extraction pipeline: stages over one Document, each adding a layer.

    normalise -> blocks -> quotations -> sentences -> mentions -> dates -> claims (candidates,
    features, decisions, drafts) -> complete (addressees, titles) -> dedupe -> positions

`run()` returns the Document with every layer (for tracing and training); `extract()` its result.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from . import dedupe as dedupe_module
from .article import infer_outlet
from .clean import caption_blocks, content_blocks, credit_text, headline
from .dates import DateMention, find_dates, infer_reference_date, is_background, parse_iso
from .dating import is_starting_point
from .decide import Decider, default_decider
from .document import Document
from .mentions import find_mentions, out_of_office, titled_persons
from .positions import Draft, infer_targets
from .reading import read_claims
from .segment import quote_spans, restore_paragraphs, sentences
from .spelling import english_spelling
from .textmap import readable
from .types import ArticleMeta, ExtractedPosition, ExtractionResult


def normalise(doc: Document) -> None:
    """Composed characters and plain spaces; offsets map back to the text as given."""
    doc.text, doc.to_raw = readable(doc.raw)
    doc.reference = parse_iso(doc.meta.published) or infer_reference_date(doc.text, url=doc.meta.url)


def find_blocks(doc: Document) -> None:
    doc.blocks = content_blocks(doc.text, title=doc.meta.title)


def find_quotes(doc: Document) -> None:
    doc.quotes = quote_spans(doc.text, doc.blocks)


def find_sentences(doc: Document) -> None:
    doc.blocks = restore_paragraphs(doc.text, doc.blocks, doc.quotes)  # a body pasted onto one line
    doc.sentences = sentences(doc.text, doc.blocks, doc.quotes)


def find_party_mentions(doc: Document) -> None:
    captions = caption_blocks(doc.text, doc.blocks)
    found = find_mentions(doc.text, doc.blocks, captions)
    titled = titled_persons(doc.text, found)
    doc.mentions = [out_of_office(m, doc.reference, titled) for m in found]
    doc.party_counts = Counter(a for m in doc.mentions for a in m.actors)


def find_date_mentions(doc: Document) -> None:
    """Dates outside quotations that can date a claim ("kể từ tháng 7/2019" is a starting point)."""
    last_day = None
    for b in doc.blocks:
        found = find_dates(doc.text, b.start, b.end, ref=doc.reference, last_day=last_day)
        kept = [d for d in found if not any(qs <= d.start < qe for qs, qe in doc.quotes)
                and not is_starting_point(doc.text, d.start) and not _scheduled(d, doc.reference)]
        doc.dates.extend(kept)
        # "cùng ngày" is the last day a claim could be dated by, not a span's end ("tính đến ngày 27/5/1997")
        days = [d.value for d in kept if d.precision == "day" and not is_background(doc.text, d.start)]
        last_day = days[-1] if days else last_day


def _scheduled(d: DateMention, reference: dt.date | None) -> bool:
    """A day or month after publication ("sẽ đến khu vực tìm kiếm vào ngày 24/4" in an article of 23/4, "sẽ đưa 2
    tiêm kích F-35 tới Bulgaria từ tháng 4" in January) is an event ahead, never when a position was taken."""
    if reference is None or d.value is None:
        return False
    return (d.precision == "day" and d.value > reference.isoformat()
            or d.precision == "month" and d.value > reference.isoformat()[:7])


def complete(doc: Document) -> None:
    """What only the whole article tells: unnamed addressees, a lead's date, each speaker's fullest title."""
    roles: dict[str, str] = {}  # "Ngoại trưởng Nga" over "Ngoại trưởng"
    for m in doc.mentions:
        if m.person and m.role and len(m.role) > len(roles.get(m.person, "")):
            roles[m.person] = m.role
    for d in doc.drafts:
        if not d.targets_named:
            d.targets = infer_targets(d, doc.drafts, doc.party_counts, doc.text)
        if d.date is None and d.role in ("headline", "lead"):
            _date_from_body(d, doc.drafts)
        fullest = roles.get(d.speaker or "")
        if fullest and (not d.speaker_role or fullest.startswith(d.speaker_role)):
            d.speaker_role = fullest


def _date_from_body(lead: Draft, drafts: list[Draft]) -> None:
    """A headline or lead names the news before the body dates it ("Tổng thống Zelensky kêu gọi ...", then
    "... ông Zelensky nói trong cuộc họp báo ngày 28/1"): the date of the same speaker's first dated words."""
    for d in drafts:
        if d.role == "body" and d.date and d.dated_by == "own" and d.actor == lead.actor and d.speaker == lead.speaker:
            lead.date, lead.date_precision, lead.dated_by = d.date, d.date_precision, "body"
            return


def dedupe(doc: Document) -> None:
    """One line per position; rebuttals point at what they reject."""
    doc.drafts = dedupe_module.dedupe(doc.text, doc.drafts)
    dedupe_module.link_rebuttals(doc.drafts)


def finalise(doc: Document) -> None:
    """Positions cut from the text as given; the title and outlet when the metadata lacks them."""
    doc.positions = [_final(doc, d) for d in doc.drafts]
    head = headline(doc.blocks)
    doc.title = doc.meta.title or (doc.raw_slice(head.start, head.end) if head else None)
    doc.outlet = doc.meta.outlet or infer_outlet(credit_text(doc.text, doc.blocks))


STAGES = (normalise, find_blocks, find_quotes, find_sentences, find_party_mentions, find_date_mentions,
          read_claims, complete, dedupe, finalise)


def run(text: str, meta: ArticleMeta | None = None, *, decider: Decider | None = None,
        tracing: bool = False) -> Document:
    """Every stage over one article; the Document keeps each layer. `decider` replaces the trained
    decisions (cross-validation, rules only); `tracing` keeps every candidate's features."""
    doc = Document(text, meta or ArticleMeta(), decider or default_decider(), tracing)
    for stage in STAGES:
        stage(doc)
    return doc


def extract(text: str, meta: ArticleMeta | None = None, *, decider: Decider | None = None) -> ExtractionResult:
    """Positions stated in one article; offsets index `text` exactly as given."""
    doc = run(text, meta, decider=decider)
    published = doc.reference.isoformat() if doc.reference else None  # an unreadable sidecar date is not used
    return ExtractionResult(doc.positions, published, doc.title, doc.outlet)


def _final(doc: Document, d: Draft) -> ExtractedPosition:
    start, end = doc.raw_span(*d.span)
    return ExtractedPosition(
        actor=d.actor, kind=d.kind, text=doc.raw[start:end], start=start, end=end, speaker=english_spelling(d.speaker),
        speaker_role=d.speaker_role, speaker_actor=d.speaker_actor, targets=d.targets, date=d.date,
        date_precision=d.date_precision if d.date else "unknown", quote=d.quote, topics=d.topics, rebuts=d.rebuts,
    )
