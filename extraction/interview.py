"""Interviews: question paragraphs (ending with "?") and the answers after them. The person the opening
paragraphs name with an interview word ("dành cho Báo Thế giới và Việt Nam cuộc trao đổi", "trả lời phỏng vấn")
answers; a sentence of an answer that names no speaker of its own is his (GUIDELINES: what a party's official says
is that party's position, quoted or not), and the questions hold none.
"""
from __future__ import annotations

from dataclasses import dataclass

from .attribution import Claim, _has_quote, _inside, _kind_of, _trim_end
from .clean import Block
from .cues import find_cues, lexicon_words
from .dates import DateMention
from .mentions import Mention
from .segment import Clause, Sentence

MIN_QUESTIONS = 2  # one question paragraph may be a rhetorical one in a report


@dataclass(frozen=True)
class Interview:
    answerer: Mention
    questions: frozenset[int]  # paragraphs
    answers: frozenset[int]
    day: DateMention | None  # "Cuộc phỏng vấn diễn ra hôm 19/1": the day of every answer


def find_interview(text: str, blocks: list[Block], sentences: list[Sentence], mentions: list[Mention],
                   dates: list[DateMention]) -> Interview | None:
    """The article's interview, if it is one: who answers, the question and answer paragraphs, the day."""
    questions = [b for b in blocks if b.role == "body" and text[b.start : b.end].rstrip().endswith("?")]
    if len(questions) < MIN_QUESTIONS:
        return None
    words = lexicon_words("interview_words")
    answerer = None
    for b in blocks:
        if b.start >= questions[0].start:
            break
        if _names_interview(text, b.start, b.end, words):
            answerer = next((m for m in mentions if b.start <= m.start < b.end and m.person and m.actors), None)
            if answerer:
                break
    if answerer is None:
        return None
    # the day a sentence of the opening gives with an interview word ("Cuộc phỏng vấn diễn ra hôm 19/1")
    day = next((d for s in sentences if s.start < questions[0].start and _names_interview(text, s.start, s.end, words)
                for d in dates if s.start <= d.start < s.end and d.precision == "day"), None)
    asked = {b.paragraph for b in questions}
    answers, answering = set(), False
    for b in blocks:
        if b.paragraph in asked:
            answering = True
        elif answering and b.role == "body":
            answers.add(b.paragraph)
    return Interview(answerer, frozenset(asked), frozenset(answers), day)


def _names_interview(text: str, lo: int, hi: int, words) -> bool:
    return any(w in text[lo:hi].lower() for w in words)


def is_question(text: str, sentence: Sentence) -> bool:
    return text[sentence.start : sentence.end].rstrip().endswith("?")


def is_courtesy(text: str, sentence: Sentence) -> bool:
    """ "Xin trân trọng cảm ơn Đại sứ!": the interviewer's thanks."""
    return text[sentence.start : sentence.end].lstrip(" –-").lower().startswith("xin ")


def answer_claim(text: str, clause: Clause, mentions: list[Mention], quotes, answerer: Mention) -> Claim:
    """A clause of an answer with no claim of its own: the answerer's, its kind as its cues give it."""
    found = [c for c in find_cues(text, clause.start, clause.end) if not _inside(c.start, quotes)]
    content = (clause.start, clause.end)
    kind = _kind_of(found, _said_from(text, clause, found, mentions), text, mentions, clause.end)
    return Claim(clause, [answerer], None, kind, content, (clause.start, _trim_end(text, *content)),
                 _has_quote(content, quotes), [])


def _said_from(text: str, clause: Clause, found, mentions: list[Mention]) -> int:
    """Where what the answer says of other parties starts: after his own verb ("Chúng tôi cho rằng phương Tây cần
    ..."), after an opening phrase ("Tuy nhiên, để có hòa bình ở Donbass, Nga cần ..."), else the clause's start."""
    speech = next((c for c in found if c.kind == "speech" and not c.noun), None)
    if speech is not None and not any(m.actors for m in mentions if clause.start <= m.start < speech.start):
        return speech.end
    party = next((m for m in mentions if clause.start <= m.start < clause.end and m.actors), None)
    comma = text.rfind(",", clause.start, party.start) if party else -1
    return comma + 1 if comma >= 0 else clause.start


def answered_by(claim: Claim, answerer: Mention) -> Claim:
    """A claim of the answerer's own party with no person named ("Ba Lan sẵn sàng ..."): his words."""
    if any(a.person for a in claim.agents) or {x for a in claim.agents for x in a.actors} != set(answerer.actors):
        return claim
    claim.agents = [answerer]
    return claim
