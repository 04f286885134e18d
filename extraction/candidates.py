"""Candidate claims the cue rules did not find, for the learned decision stage to accept or drop.

The cue rules see a position only where a lexicon word attributes it. On unseen news most missed
positions still name their party in the sentence (93 % of dev-train's gold positions do) or continue
the previous sentence's speaker ("Ông nói thêm ..."). So every party named as a possible subject of a
clause becomes a candidate, and a sentence naming no party right after a kept claim of the same
paragraph becomes a candidate of that claim's holders. Candidates start as statements with no cue;
the decision stage (extraction/decide.py) gives them, like the rule claims, a probability and a kind.
"""
from __future__ import annotations

import re

from .attribution import Claim, _has_quote, _inside, _trim_end
from .mentions import Mention
from .segment import Clause, Sentence

OBJECT_BEFORE = re.compile(
    r"""(?:\b(?:của|về|với|tới|từ|cho|đối\ với|giữa|tại|ở|sang|đến|vào|nhằm\ vào|và)\s*$)   # an object, not a subject
    """,
    re.X | re.I,
)


def subject_candidates(text: str, sentence_clauses: list[Clause], mentions: list[Mention], quotes,
                       taken: set[str]) -> list[Claim]:
    """One candidate per party first named in a clause as a possible subject, unless a rule claim of
    the sentence already holds that party (`taken`)."""
    out: list[Claim] = []
    seen = set(taken)
    for cl in sentence_clauses:
        for m in mentions:
            if not (cl.start <= m.start < cl.end) or _inside(m.start, quotes) or not m.actors:
                continue
            actor = m.actors[0]
            if actor in seen or OBJECT_BEFORE.search(text[max(cl.start, m.start - 12) : m.start]):
                continue
            seen.add(actor)
            content = (m.end, cl.end)
            if content[1] - content[0] < 12:
                continue
            span = (cl.start, _trim_end(text, cl.start, cl.end))
            out.append(Claim(cl, [m], None, "statement", content, span, _has_quote(content, quotes), []))
    return out


def carried_candidate(text: str, sentence: Sentence, first_clause: Clause, mentions: list[Mention], quotes,
                      last: Claim | None) -> Claim | None:
    """The sentence right after a kept claim, in its paragraph, naming no party of its own."""
    if last is None or last.clause.sentence.block is not sentence.block or last.clause.sentence.index != sentence.index - 1:
        return None
    if any(m.actors and not _inside(m.start, quotes) for m in mentions):
        return None
    content = (sentence.start, sentence.end)
    span = (sentence.start, _trim_end(text, sentence.start, sentence.end))
    return Claim(first_clause, list(last.agents), None, "statement", content, span, _has_quote(content, quotes), [])
