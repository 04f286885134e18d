"""The extraction pipeline: article -> blocks -> sentences/clauses -> mentions -> claims -> positions."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from . import dedupe
from .article import infer_outlet
from .attribution import Claim, claim_of
from .clean import content_blocks
from .dates import DateMention, find_dates, infer_reference_date, parse_iso
from .mentions import Mention, find_mentions
from .positions import (Draft, continues_previous, fallback_targets, is_vague, own_date, speaker_of,
                        targets_for, topics_of)
from .segment import clauses, quote_spans, sentences
from .types import ArticleMeta, ExtractedPosition, ExtractionResult

SPEECH_NOUN = re.compile(
    r"""(?:tuyên\ bố|phát\ biểu|bình\ luận|tuyên\ bố\ mới\ nhất)\b[^.]{0,25}\bcủa\s*$  # "tuyên bố mới nhất của"
    """,
    re.X | re.I,
)


class _State:
    """What earlier sentences tell later ones: each speaker's date, the last speaker, sentence dates."""

    def __init__(self):
        self.speaker_dates: dict[str, DateMention | None] = {}
        self.last_speaker: Mention | None = None
        self.sentence_dates: dict[int, DateMention | None] = {}


def extract(text: str, meta: ArticleMeta | None = None) -> ExtractionResult:
    """Positions stated in one article; offsets index `text` exactly as given."""
    meta = meta or ArticleMeta()
    blocks = content_blocks(text, title=meta.title)
    ref = parse_iso(meta.published) or infer_reference_date(text)
    published = meta.published or (ref.isoformat() if ref else None)
    quotes = quote_spans(text, blocks)
    sents = sentences(text, blocks, quotes)
    mentions = find_mentions(text, blocks)
    dates = _dates(text, blocks, ref, quotes)
    counts = Counter(a for m in mentions for a in m.actors)
    drafts: list[Draft] = []
    state = _State()
    for s in sents:
        s_mentions = [m for m in mentions if s.start <= m.start < s.end]
        s_dates = [d for d in dates if s.start <= d.start < s.end]
        previous: Claim | None = None
        before = len(drafts)
        for cl in clauses(text, s, quotes):
            claim = claim_of(text, cl, s_mentions, quotes, previous)
            if claim is None:
                continue
            previous = claim
            for draft in _drafts(text, claim, s_dates, state, quotes, mentions, counts, drafts):
                drafts.append(draft)
        _remember(text, s, s_mentions, s_dates, drafts[before:], state)
    kept = dedupe.dedupe(text, drafts)
    dedupe.link_rebuttals(kept)
    return ExtractionResult([_final(text, d) for d in kept], published, meta.title, meta.outlet or infer_outlet(text))


def _dates(text, blocks, ref, quotes) -> list[DateMention]:
    out: list[DateMention] = []
    last_day = None
    for b in blocks:
        found = find_dates(text, b.start, b.end, ref=ref, last_day=last_day)
        out.extend(d for d in found if not any(qs <= d.start < qe for qs, qe in quotes))
        days = [d.value for d in found if d.precision == "day"]
        last_day = days[-1] if days else last_day
    return out


def _agent_person(agent: Mention, state: _State) -> Mention:
    if agent.pronoun and not agent.person and state.last_speaker:
        return replace(agent, person=state.last_speaker.person, actors=state.last_speaker.actors,
                       role=state.last_speaker.role, pronoun=False)
    return agent


def _drafts(text, claim: Claim, s_dates, state: _State, quotes, mentions, counts, drafts):
    claim.agents = [_agent_person(a, state) for a in claim.agents]
    holders = [a for a in claim.agents if a.actors]
    actors = [a.actors[0] for a in holders]
    speaker = speaker_of(claim)
    date = _date_for(text, claim, s_dates, speaker, state)
    block = claim.clause.sentence.block
    quote = " … ".join(text[qs:qe] for qs, qe in quotes if claim.content[0] <= qs < claim.content[1]) or None
    out = []
    for holder in holders + claim.shared_with:
        actor = holder.actors[0] if holder.actors else None
        if actor is None or any(d.actor == actor for d in out):
            continue
        shared = holder in claim.shared_with
        d = Draft(actor, claim.kind, claim.span, block.role, block.paragraph, claim.clause.sentence.index,
                  content=claim.content)
        if speaker and not shared:
            d.speaker, d.speaker_role, d.speaker_actor = speaker.person, speaker.role, speaker.actors[0]
        if date:
            d.date, d.date_precision = date.value, date.precision if date.value else "unknown"
        d.quote = None if shared else quote
        d.targets = targets_for(claim, actors + [actor], mentions, text)
        if not d.targets and d.kind != "statement":
            d.targets = fallback_targets(d, drafts + out, counts)
        d.topics = topics_of(text[min(claim.span[0], claim.content[0]) : max(claim.span[1], claim.content[1])])
        out.append(d)
    if speaker:
        state.last_speaker = speaker
    return out


def _date_for(text, claim: Claim, s_dates, speaker: Mention | None, state: _State) -> DateMention | None:
    s = claim.clause.sentence
    cue_pos = claim.cue.start if claim.cue else claim.content[0]
    own = own_date(s_dates, s.start, cue_pos, s.end)
    if own:
        return own
    if is_vague(text[s.start : s.end]):
        return None
    if speaker and speaker.person in state.speaker_dates:
        return state.speaker_dates[speaker.person]
    if not s.first_in_block or continues_previous(text[s.start : s.end]):
        return state.sentence_dates.get(s.index - 1)
    return None


def _remember(text, s, s_mentions, s_dates, new_drafts: list[Draft], state: _State) -> None:
    """Carry dates forward: per speaker (their dated words), and per sentence."""
    own = s_dates[-1] if s_dates else None
    inherited = next((d for d in new_drafts if d.date), None)
    if own:
        state.sentence_dates[s.index] = own
    elif inherited:
        state.sentence_dates[s.index] = DateMention(s.start, s.start, inherited.date, inherited.date_precision)
    elif continues_previous(text[s.start : s.end]) or not s.first_in_block:
        state.sentence_dates[s.index] = state.sentence_dates.get(s.index - 1)
    vague = is_vague(text[s.start : s.end])
    for m in s_mentions:
        if not m.person:
            continue
        if vague:
            state.speaker_dates.pop(m.person, None)
        elif own and SPEECH_NOUN.search(text[max(s.start, m.start - 60) : m.start]):
            state.speaker_dates[m.person] = own
    for d in new_drafts:
        if d.speaker and own and d.date == own.value and not vague:
            state.speaker_dates[d.speaker] = own


def _final(text: str, d: Draft) -> ExtractedPosition:
    start, end = d.span
    return ExtractedPosition(
        actor=d.actor, kind=d.kind, text=text[start:end], start=start, end=end, speaker=d.speaker,
        speaker_role=d.speaker_role, speaker_actor=d.speaker_actor, targets=d.targets, date=d.date,
        date_precision=d.date_precision if d.date else "unknown", quote=d.quote, topics=d.topics, rebuts=d.rebuts,
    )
