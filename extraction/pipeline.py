"""The extraction pipeline: article -> blocks -> sentences/clauses -> mentions -> claims -> positions."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from . import dedupe
from .decide import Decider, default_decider
from .features import claim_features
from .article import infer_outlet
from .attribution import Claim, carried_claim, claim_of
from .candidates import carried_candidate, subject_candidates
from .clean import content_blocks, credit_text, headline
from .dates import DateMention, find_dates, infer_reference_date, parse_iso
from .dating import DateTracker, is_starting_point, keeps_speaker
from .mentions import Mention, find_mentions
from .positions import Draft, fallback_targets, infer_targets, speaker_of, targets_for, topics_of
from .segment import clauses, quote_spans, sentences
from .textmap import readable, to_raw_span
from .types import ArticleMeta, ExtractedPosition, ExtractionResult


@dataclass(frozen=True)
class _Article:
    """What every stage may look at: the raw text and the article-wide analyses."""

    text: str  # what the stages read (NFC, plain spaces)
    raw: str  # the text as given: what positions and quotes are cut from
    to_raw: list[int] | None  # offsets of text -> offsets of raw (None: the same)
    quotes: list[tuple[int, int]]
    mentions: list[Mention]
    counts: Counter  # how often each party is named (the article's main parties)

    def raw_slice(self, start: int, end: int) -> str:
        """The text as given at these reading offsets."""
        raw_start, raw_end = to_raw_span(self.to_raw, start, end)
        return self.raw[raw_start:raw_end]


class _State:
    """What earlier sentences tell later ones: dates, the last speaker and person, the last claim."""

    def __init__(self):
        self.dates = DateTracker()
        self.last_speaker: Mention | None = None
        self.last_person: Mention | None = None  # the last person named, for "ông" before anyone spoke
        self.sentence_people: dict[int, Mention] = {}  # the first person named in each sentence
        self.last_claim: Claim | None = None


def extract(text: str, meta: ArticleMeta | None = None, *, decider: Decider | None = None,
            collect: list | None = None) -> ExtractionResult:
    """Positions stated in one article; offsets index `text` exactly as given.

    `decider` replaces the trained decisions (cross-validation); `collect`, when given, receives every
    candidate claim with its features and raw span (training data for scripts/train_extractor.py)."""
    meta = meta or ArticleMeta()
    decider = decider or default_decider()
    raw = text
    text, to_raw = readable(raw)  # composed characters and plain spaces; offsets map back to raw
    blocks = content_blocks(text, title=meta.title)
    ref = parse_iso(meta.published) or infer_reference_date(text, url=meta.url)
    published = ref.isoformat() if ref else None  # the reference date used (an unreadable sidecar date is not)
    quotes = quote_spans(text, blocks)
    sents = sentences(text, blocks, quotes)
    mentions = find_mentions(text, blocks)
    art = _Article(text, raw, to_raw, quotes, mentions, Counter(a for m in mentions for a in m.actors))
    drafts = _read(art, sents, _dates(text, blocks, ref, quotes), decider, collect)
    _complete(art, drafts)
    kept = dedupe.dedupe(text, drafts)
    dedupe.link_rebuttals(kept)
    head = headline(blocks)
    title = meta.title or (art.raw_slice(head.start, head.end) if head else None)
    outlet = meta.outlet or infer_outlet(credit_text(text, blocks))
    return ExtractionResult([_final(raw, to_raw, d) for d in kept], published, title, outlet)


def _read(art: _Article, sents, dates: list[DateMention], decider: Decider, collect) -> list[Draft]:
    """Sentence by sentence, in order: what earlier sentences said dates and attributes later ones."""
    drafts: list[Draft] = []
    state = _State()
    for s in sents:
        s_mentions = [m for m in art.mentions if s.start <= m.start < s.end]
        s_dates = [d for d in dates if s.start <= d.start < s.end]
        before = len(drafts)
        for claim in _claims(art, s, s_mentions, state, decider, collect):
            drafts.extend(_drafts(art, claim, s_dates, s_mentions, state, drafts))
        if len(drafts) == before and _someone_else_speaks(art, s, s_mentions):
            state.last_claim = state.last_speaker = None  # what follows is no longer the last speaker's
        elif len(drafts) == before:
            _quote_follows(art, s, drafts)
        _remember(art.text, s, s_mentions, s_dates, drafts[before:], state)
    return drafts


def _complete(art: _Article, drafts: list[Draft]) -> None:
    """What only the whole article tells: unnamed addressees, each speaker's fullest title."""
    roles: dict[str, str] = {}  # "Ngoại trưởng Nga" over "Ngoại trưởng"
    for m in art.mentions:
        if m.person and m.role and len(m.role) > len(roles.get(m.person, "")):
            roles[m.person] = m.role
    for d in drafts:
        if not d.targets_named:
            d.targets = infer_targets(d, drafts, art.counts)
        fullest = roles.get(d.speaker or "")
        if fullest and (not d.speaker_role or fullest.startswith(d.speaker_role)):
            d.speaker_role = fullest


def _claims(art: _Article, s, s_mentions, state: _State, decider: Decider, collect) -> list[Claim]:
    """The sentence's candidate claims (the cue rules' and the extra ones), as the decider keeps them."""
    text, quotes = art.text, art.quotes
    previous: Claim | None = None
    found: list[tuple[Claim, str]] = []
    sentence_clauses = clauses(text, s, quotes)
    for cl in sentence_clauses:
        claim = claim_of(text, cl, s_mentions, quotes, previous)
        if claim is not None:
            found.append((claim, "rule"))
            previous = claim
    last = state.last_claim
    if not found and last and last.clause.sentence.block is s.block and last.clause.sentence.index == s.index - 1:
        carried = carried_claim(text, sentence_clauses[0], s_mentions, quotes, last)
        found += [(carried, "rule")] if carried else []
    taken = {actor for claim, _ in found for actor in _holders(claim, state)}
    found += [(c, "subject") for c in subject_candidates(text, sentence_clauses, s_mentions, quotes, taken)]
    if not found:
        carried = carried_candidate(text, s, sentence_clauses[0], s_mentions, quotes, last)
        found += [(carried, "carried")] if carried else []
    parties = len({m.actors[0] for m in s_mentions if m.actors})
    out = []
    for claim, source in found:
        features = claim_features(text, claim, source, parties, s_mentions)
        if collect is not None:
            collect.append({"features": features, "source": source, "rule_kind": claim.kind,
                            "span": to_raw_span(art.to_raw, *claim.span),
                            "actors": _holders(claim, state)})
        decision = decider.decide(features, source, claim.kind)
        if decision.keep:
            claim.kind = decision.kind
            out.append(claim)
    if out:
        state.last_claim = out[-1]
    return out


def _someone_else_speaks(art: _Article, s, s_mentions) -> bool:
    """A person the article does not place ("ông Kissinger cho rằng ...") speaks in this sentence."""
    return any(m.person and not m.actors and not any(qs <= m.start < qe for qs, qe in art.quotes)
               for m in s_mentions)


def _quote_follows(art: _Article, s, drafts: list[Draft]) -> None:
    """A bare quotation right after a reported position gives that position's words verbatim."""
    head = art.text[s.start : s.start + 2].lstrip()
    if not head or head[0] not in "“\"" or not drafts or drafts[-1].sentence != s.index - 1:
        return
    quote = next(((qs, qe) for qs, qe in art.quotes if s.start <= qs <= s.start + 2), None)
    if quote and drafts[-1].quote is None and drafts[-1].paragraph == s.block.paragraph:
        drafts[-1].quote = art.raw_slice(*quote)


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


def _holders(claim: Claim, state: _State) -> list[str]:
    return [a.actors[0] for a in (_agent_person(a, state) for a in claim.agents) if a.actors]


def _agent_person(agent: Mention, state: _State) -> Mention:
    referent = state.last_speaker or state.last_person
    if agent.pronoun and not agent.role and referent:  # "ông", "bà"
        return replace(agent, person=referent.person, actors=referent.actors, role=referent.role, pronoun=False)
    return agent


def _drafts(art: _Article, claim: Claim, s_dates, s_mentions, state: _State, drafts: list[Draft]) -> list[Draft]:
    """One position per party holding the claim (joint subjects, shared stances)."""
    claim.agents = [_agent_person(a, state) for a in claim.agents]
    holders = [a for a in claim.agents if a.actors]
    speaker = speaker_of(claim) or _continued_speaker(art.text, claim, state)
    own_speakers = {h.actors[0]: h for h in holders if h.person} if len(holders) > 1 else {}
    date, dated_by = state.dates.date_for(art.text, claim, s_dates, s_mentions, speaker)
    quote = " … ".join(art.raw_slice(qs, qe) for qs, qe in art.quotes if claim.content[0] <= qs < claim.content[1])
    out: list[Draft] = []
    for holder in holders + claim.shared_with:
        actor = holder.actors[0] if holder.actors else None
        if actor is None or any(d.actor == actor for d in out):
            continue
        shared = holder in claim.shared_with
        d = _draft(art, claim, actor, holders=[h.actors[0] for h in holders] + [actor])
        voice = own_speakers.get(actor) or speaker  # "ông Macron và ông Scholz": each speaks for his own
        if voice and not shared:
            d.speaker, d.speaker_role, d.speaker_actor = voice.person, voice.role, voice.actors[0]
        if date and date.value and (not shared or dated_by == "own"):
            d.date, d.date_precision, d.dated_by = date.value, date.precision, dated_by
        d.quote = None if shared else (quote or None)  # "cũng giống như Mỹ": the quoted words are not Mỹ's
        if not d.targets and d.kind != "statement":
            d.targets_named = False
            d.targets = fallback_targets(d, drafts + out, art.counts, holders=list(d.holders))
        out.append(d)
    if speaker:
        state.last_speaker = speaker
    return out


def _draft(art: _Article, claim: Claim, actor: str, *, holders: list[str]) -> Draft:
    block = claim.clause.sentence.block
    cue = art.text[claim.cue.start : claim.cue.end].lower() if claim.cue else ""
    d = Draft(actor, claim.kind, claim.span, block.role, block.paragraph, claim.clause.sentence.index,
              content=claim.content, cue=cue, holders=tuple(holders))
    d.targets = targets_for(claim, holders, art.mentions, art.text)
    lo, hi = min(claim.span[0], claim.content[0]), max(claim.span[1], claim.content[1])
    d.topics = topics_of(art.text[lo:hi])
    return d


def _continued_speaker(text, claim: Claim, state: _State) -> Mention | None:
    """ "Tháng trước, Tổng thống Nga Vladimir Putin đã đưa ra các yêu cầu ... Theo đó, Moskva yêu cầu ..."."""
    s = claim.clause.sentence
    person = state.sentence_people.get(s.index - 1)
    if len(claim.agents) != 1 or not person or not keeps_speaker(text[s.start : s.end]):
        return None
    return person if person.actors[:1] == claim.agents[0].actors[:1] else None


def _remember(text, s, s_mentions, s_dates, new_drafts: list[Draft], state: _State) -> None:
    state.dates.remember(text, s, s_mentions, s_dates, new_drafts)
    people = [m for m in s_mentions if m.person]
    if people:
        state.sentence_people[s.index] = people[0]
        state.last_person = people[-1]


def _final(raw: str, to_raw: list[int] | None, d: Draft) -> ExtractedPosition:
    start, end = to_raw_span(to_raw, *d.span)
    return ExtractedPosition(
        actor=d.actor, kind=d.kind, text=raw[start:end], start=start, end=end, speaker=d.speaker,
        speaker_role=d.speaker_role, speaker_actor=d.speaker_actor, targets=d.targets, date=d.date,
        date_precision=d.date_precision if d.date else "unknown", quote=d.quote, topics=d.topics, rebuts=d.rebuts,
    )
