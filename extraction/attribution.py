"""Stage 4a: who holds the position a clause states, and how (cue, kind, quoted content).

A clause yields a Claim when it has an attribution cue (a speech verb or a kind cue outside quotes)
whose subject is a party or speaker mention, or when it is a quotation followed by its attribution
("“...”, ông Stoltenberg cho biết."). The kind comes from the first kind cue of the content
(negated offers and demands, and cue words used as nouns, carry no kind).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .cues import Cue, find_cues
from .mentions import Mention
from .reference import load_cues
from .segment import Clause

COORDINATION = re.compile(
    r"""^\s*(?:,|và|cùng|cùng\ với|,\ cùng)\s*$   # "Mỹ và các đồng minh NATO", "Mỹ, NATO"
    """,
    re.X,
)
THEO_SPEAKER = re.compile(
    r"""^\W*(?:theo)\s+$   # "Theo ông Lavrov, ..." : the speaker introduces the whole sentence
    """,
    re.X | re.I,
)


@dataclass
class Claim:
    clause: Clause
    agents: list[Mention]  # the parties/speakers holding it (coordinated subjects)
    cue: Cue | None  # the attribution cue
    kind: str
    content: tuple[int, int]  # span of what is claimed
    span: tuple[int, int]  # evidence span reported
    quoted: bool
    shared_with: list[Mention]  # "cũng giống như Mỹ": parties holding the same position


@functools.lru_cache(maxsize=1)
def _lexicon():
    c = load_cues()
    return tuple(c["analysis"]), tuple(c["shared"])


def _inside(pos: int, quotes) -> bool:
    return any(qs <= pos < qe for qs, qe in quotes)


def _agents_before(mentions: list[Mention], pos: int, text: str, lo: int) -> list[Mention]:
    """The mention right before pos and those coordinated with it ("Mỹ và các đồng minh NATO")."""
    before = [m for m in mentions if lo <= m.start and m.end <= pos]
    if not before:
        return []
    group = [before[-1]]
    for m in reversed(before[:-1]):
        if COORDINATION.match(text[m.end : group[0].start]):
            group.insert(0, m)
        else:
            break
    return group


def _subject_ok(text: str, agent_end: int, cue_start: int) -> bool:
    """Between subject and verb only adverbs, dates, modal words: no new clause, no object marker."""
    gap = text[agent_end:cue_start]
    return len(gap) < 60 and not re.search(r"[.;:!?]|\b(?:của|về|với|tới|từ)\s*$", gap)


def _kind_of(cues: list[Cue], after: int, text: str, mentions: list[Mention], end: int) -> str:
    for c in cues:
        if c.start < after or c.noun or c.kind == "speech":
            continue
        if c.kind == "want":
            if any(m.start >= c.end and text[c.end : m.start].strip() == "" for m in mentions if m.start < end):
                return "demand"
            continue
        if c.negated and c.kind in ("demand", "proposal", "warning"):
            continue
        return c.kind
    return "statement"


def _is_analysis(text: str, clause: Clause) -> bool:
    analysis, _ = _lexicon()
    sentence = text[clause.sentence.start : clause.end].lower()
    return any(a in sentence for a in analysis)


def claim_of(text: str, clause: Clause, mentions: list[Mention], quotes, previous: Claim | None) -> Claim | None:
    """The claim a clause makes, or None (actions, analysis, unattributed text)."""
    if _is_analysis(text, clause):
        return None
    cues = [c for c in find_cues(text, clause.start, clause.end) if not _inside(c.start, quotes)]
    inner = [c for c in find_cues(text, clause.start, clause.end) if _inside(c.start, quotes)]
    local = [m for m in mentions if clause.start <= m.start < clause.end and not _inside(m.start, quotes)]
    quoted_first = _leading_quote(text, clause, quotes)
    for cue in cues:
        if cue.noun and cue.kind == "speech":
            continue
        agents = _agents_before(local, cue.start, text, clause.start)
        if agents and not _subject_ok(text, agents[-1].end, cue.start):
            agents = []
        if not agents and clause.inherits_subject and previous and previous.clause.sentence is clause.sentence:
            agents = previous.agents
        if not agents:
            if cue.kind == "speech":
                continue
            return None
        if quoted_first and cue.start > quoted_first[1]:
            content = quoted_first
            kind = _kind_of(inner, content[0], text, mentions, content[1])
            return Claim(clause, agents, cue, kind, content, content, True, [])
        content = (cue.start, clause.end)
        kind = cue.kind if cue.kind in ("rebuttal", "warning", "demand", "proposal") and not cue.noun else None
        if kind in ("demand", "proposal") and cue.negated:
            kind = None
        if kind is None or (cue.kind == "speech"):
            rest = sorted([c for c in cues + inner if c.start >= cue.end], key=lambda c: c.start)
            kind = kind or _kind_of(rest, cue.end, text, mentions, clause.end)
        if cue.kind == "want":
            kind = _kind_of([cue], cue.start, text, mentions, clause.end)
        start = min(a.start for a in agents) if agents[0].start >= clause.start else clause.start
        span = (start, _trim_end(text, start, clause.end))
        quoted = any(content[0] <= qs < content[1] for qs, _ in quotes)
        return Claim(clause, agents, cue, kind, content, span, quoted, _shared(text, clause, local, agents))
    return _theo_claim(text, clause, local, quotes, cues, inner, mentions)


def _theo_claim(text, clause, local, quotes, cues, inner, mentions) -> Claim | None:
    """ "Theo ông Lavrov, Nga ..." : the opener attributes the rest of the sentence."""
    if not local or clause.start != clause.sentence.start:
        return None
    first = local[0]
    if not (first.person or first.role) or not THEO_SPEAKER.match(text[clause.start : first.start]):
        return None
    if text[first.end : first.end + 1] != ",":
        return None
    rest = sorted(cues + inner, key=lambda c: c.start)
    kind = _kind_of(rest, first.end, text, mentions, clause.end)
    content = (first.end + 1, clause.end)
    quoted = any(content[0] <= qs < content[1] for qs, _ in quotes)
    return Claim(clause, [first], None, kind, content, (clause.start, _trim_end(text, clause.start, clause.end)),
                 quoted, [])


def _leading_quote(text: str, clause: Clause, quotes) -> tuple[int, int] | None:
    """A clause that opens with a quotation: its attribution follows ("“...”, ông X cho biết")."""
    head = text[clause.start : clause.start + 3].lstrip(" ,")
    if not head or head[0] not in "“\"«":
        return None
    for qs, qe in quotes:
        if clause.start <= qs <= clause.start + 3:
            return (qs, qe)
    return None


def _shared(text, clause, local, agents) -> list[Mention]:
    """Parties named in "cũng giống như X" before the subject hold the same position."""
    _, shared = _lexicon()
    lowered = text[clause.start : agents[0].start].lower() if agents[0].start >= clause.start else ""
    if not any(s in lowered for s in shared):
        return []
    return [m for m in local if m.end <= agents[0].start and m not in agents]


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " ,;.\u00a0\n":
        end -= 1
    return end
