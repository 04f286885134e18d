"""The extraction pipeline: article -> blocks -> sentences/clauses -> mentions -> claims -> positions."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from . import dedupe
from .article import infer_outlet
from .attribution import Claim, carried_claim, claim_of
from .clean import content_blocks, credit_text, headline
from .dates import DateMention, find_dates, infer_reference_date, parse_iso
from .mentions import Mention, find_mentions
from .positions import (Draft, answered_party, continues_previous, fallback_targets, is_starting_point, is_vague,
                        keeps_speaker, names_event, own_date, speaker_of, targets_for, topics_of)
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
        self.sentence_people: dict[int, Mention] = {}  # the first person named in each sentence
        self.last_claim: Claim | None = None
        self.last_person: Mention | None = None  # the last person named, for "ông" before anyone spoke
        self.event_date: DateMention | None = None  # the day of the meeting last named with a date


def extract(text: str, meta: ArticleMeta | None = None) -> ExtractionResult:
    """Positions stated in one article; offsets index `text` exactly as given."""
    meta = meta or ArticleMeta()
    blocks = content_blocks(text, title=meta.title)
    ref = parse_iso(meta.published) or infer_reference_date(text, url=meta.url)
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
        before = len(drafts)
        for claim in _claims(text, s, s_mentions, quotes, state):
            drafts.extend(_drafts(text, claim, s_dates, state, quotes, mentions, counts, drafts))
        if len(drafts) == before:
            _quote_follows(text, s, quotes, drafts)
        _remember(text, s, s_mentions, s_dates, drafts[before:], state)
    for d in drafts:
        if d.kind == "rebuttal" and not d.targets_named:
            d.targets = answered_party(d, drafts, counts)
    kept = dedupe.dedupe(text, drafts)
    dedupe.link_rebuttals(kept)
    title = meta.title or headline(text, blocks)
    outlet = meta.outlet or infer_outlet(credit_text(text, blocks))
    return ExtractionResult([_final(text, d) for d in kept], published, title, outlet)


def _claims(text, s, s_mentions, quotes, state: _State) -> list[Claim]:
    previous: Claim | None = None
    out = []
    sentence_clauses = clauses(text, s, quotes)
    for cl in sentence_clauses:
        claim = claim_of(text, cl, s_mentions, quotes, previous)
        if claim is not None:
            out.append(claim)
            previous = claim
    last = state.last_claim
    if not out and last and last.clause.sentence.block is s.block and last.clause.sentence.index == s.index - 1:
        carried = carried_claim(text, sentence_clauses[0], s_mentions, quotes, last)
        out = [carried] if carried else []
    if out:
        state.last_claim = out[-1]
    return out


def _quote_follows(text, s, quotes, drafts: list[Draft]) -> None:
    """A bare quotation right after a reported position gives that position's words verbatim."""
    head = text[s.start : s.start + 2].lstrip()
    if not head or head[0] not in "“\"" or not drafts or drafts[-1].sentence != s.index - 1:
        return
    quote = next(((qs, qe) for qs, qe in quotes if s.start <= qs <= s.start + 2), None)
    if quote and drafts[-1].quote is None and drafts[-1].paragraph == s.block.paragraph:
        drafts[-1].quote = text[quote[0] : quote[1]]


def _dates(text, blocks, ref, quotes) -> list[DateMention]:
    out: list[DateMention] = []
    last_day = None
    for b in blocks:
        found = find_dates(text, b.start, b.end, ref=ref, last_day=last_day)
        out.extend(d for d in found
                   if not any(qs <= d.start < qe for qs, qe in quotes) and not is_starting_point(text, d.start))
        days = [d.value for d in found if d.precision == "day"]
        last_day = days[-1] if days else last_day
    return out


def _agent_person(agent: Mention, state: _State) -> Mention:
    referent = state.last_speaker or state.last_person
    if agent.pronoun and not agent.role and referent:  # "ông", "bà"
        return replace(agent, person=referent.person, actors=referent.actors, role=referent.role, pronoun=False)
    return agent


def _drafts(text, claim: Claim, s_dates, state: _State, quotes, mentions, counts, drafts):
    claim.agents = [_agent_person(a, state) for a in claim.agents]
    holders = [a for a in claim.agents if a.actors]
    actors = [a.actors[0] for a in holders]
    speaker = speaker_of(claim) or _continued_speaker(text, claim, state)
    own_speakers = {h.actors[0]: h for h in holders if h.person} if len(holders) > 1 else {}
    date, dated_by = _date_for(text, claim, s_dates, speaker, state)
    block = claim.clause.sentence.block
    quote = " … ".join(text[qs:qe] for qs, qe in quotes if claim.content[0] <= qs < claim.content[1]) or None
    out = []
    for holder in holders + claim.shared_with:
        actor = holder.actors[0] if holder.actors else None
        if actor is None or any(d.actor == actor for d in out):
            continue
        shared = holder in claim.shared_with
        d = Draft(actor, claim.kind, claim.span, block.role, block.paragraph, claim.clause.sentence.index,
                  content=claim.content, cue=text[claim.cue.start : claim.cue.end].lower() if claim.cue else "")
        voice = own_speakers.get(actor) or speaker  # "ông Macron và ông Scholz": each speaks for his own
        if voice and not shared:
            d.speaker, d.speaker_role, d.speaker_actor = voice.person, voice.role, voice.actors[0]
        if date and date.value and (not shared or dated_by == "own"):
            d.date, d.date_precision, d.dated_by = date.value, date.precision, dated_by
        d.quote = None if shared else quote
        d.holders = tuple(actors + [actor])
        d.targets = targets_for(claim, list(d.holders), mentions, text)
        if not d.targets and d.kind != "statement":
            d.targets_named = False
            d.targets = fallback_targets(d, drafts + out, counts, holders=list(d.holders))
        d.topics = topics_of(text[min(claim.span[0], claim.content[0]) : max(claim.span[1], claim.content[1])])
        out.append(d)
    if speaker:
        state.last_speaker = speaker
    return out


def _continued_speaker(text, claim: Claim, state: _State) -> Mention | None:
    """ "Tháng trước, Tổng thống Nga Vladimir Putin đã đưa ra các yêu cầu ... Theo đó, Moskva yêu cầu ..."."""
    s = claim.clause.sentence
    person = state.sentence_people.get(s.index - 1)
    if len(claim.agents) != 1 or not person or not keeps_speaker(text[s.start : s.end]):
        return None
    return person if person.actors[:1] == claim.agents[0].actors[:1] else None


def _date_for(text, claim: Claim, s_dates, speaker: Mention | None, state: _State):
    """(date, how it was found): written for the claim, else the speaker's, else the sentence's."""
    s = claim.clause.sentence
    cue_pos = claim.cue.start if claim.cue else claim.content[0]
    own = own_date(s_dates, claim.clause.dates_from, cue_pos)
    if own:
        return own, "own"
    if is_vague(text[s.start : s.end]):
        return None, ""
    if speaker and speaker.person in state.speaker_dates:
        return state.speaker_dates[speaker.person], "speaker"
    if state.event_date and names_event(text[s.start : cue_pos]):
        return state.event_date, "event"
    if not s.first_in_block or continues_previous(text[s.start : s.end]):
        return state.sentence_dates.get(s.index - 1), "sentence"
    return None, ""


def _remember(text, s, s_mentions, s_dates, new_drafts: list[Draft], state: _State) -> None:
    """Carry dates forward: per speaker (their dated words), and per sentence."""
    own = s_dates[-1] if s_dates else None
    days = [d for d in s_dates if d.precision == "day"]
    if days and names_event(text[s.start : s.end]):
        state.event_date = days[-1]
    inherited = next((d for d in new_drafts if d.date), None)
    if own:
        state.sentence_dates[s.index] = own
    elif inherited:
        state.sentence_dates[s.index] = DateMention(s.start, s.start, inherited.date, inherited.date_precision)
    elif continues_previous(text[s.start : s.end]) or not s.first_in_block:
        state.sentence_dates[s.index] = state.sentence_dates.get(s.index - 1)
    vague = is_vague(text[s.start : s.end])
    people = [m for m in s_mentions if m.person]
    if people:
        state.sentence_people[s.index] = people[0]
        state.last_person = people[-1]
    for m in s_mentions:
        if not m.person:
            continue
        if vague:
            state.speaker_dates.pop(m.person, None)
        elif own and SPEECH_NOUN.search(text[max(s.start, m.start - 60) : m.start]):
            state.speaker_dates[m.person] = own
    for d in new_drafts:
        if d.speaker and d.dated_by in ("own", "event"):
            state.speaker_dates[d.speaker] = DateMention(s.start, s.start, d.date, d.date_precision)


def _final(text: str, d: Draft) -> ExtractedPosition:
    start, end = d.span
    return ExtractedPosition(
        actor=d.actor, kind=d.kind, text=text[start:end], start=start, end=end, speaker=d.speaker,
        speaker_role=d.speaker_role, speaker_actor=d.speaker_actor, targets=d.targets, date=d.date,
        date_precision=d.date_precision if d.date else "unknown", quote=d.quote, topics=d.topics, rebuts=d.rebuts,
    )
