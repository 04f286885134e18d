"""Claims a sentence carries over from the reported position right before it (stage 4, beside
attribution.claim_of): a sentence that goes on with the same report without a subject or verb of its own.

GUIDELINES: reported speech counts as much as a direct quote; Vietnamese reports often go on for a sentence or
a list after the one that names the speaker.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from .attribution import Claim, _has_quote, _inside, _kind_of, _names_media, _trim_end
from .candidates import OBJECT_BEFORE
from .cues import find_cues, keeps_speaker
from .reference import load_cues
from .segment import Clause


OWN_SUBJECT_OPENING = 12  # characters before the subject: an opener ("Theo đó, ", "Tuy nhiên, ")


def own_party_goes_on(text, clause: Clause, mentions, quotes, last: Claim) -> Claim | None:
    """A sentence after a person's reported words, in their paragraph, whose subject is that person's own party and
    which has no verb of saying ("Tổng thống Putin khẳng định, ... . Nga coi trọng xây dựng mối quan hệ ... .
    Moscow sẽ tìm ra những cách thức ... nếu ..."): the report goes on."""
    speaker = next((a for a in last.agents if a.person), None)
    if speaker is None or (last.cue is not None and last.cue.kind != "speech") or last.quoted:
        return None
    first = next((m for m in mentions if clause.start <= m.start < clause.end and not _inside(m.start, quotes)), None)
    if first is None or first.person or first.role or first.pronoun or not first.actors:
        return None
    if set(first.actors) - set(speaker.actors) or first.start - clause.start > OWN_SUBJECT_OPENING:
        return None
    found = [c for c in find_cues(text, clause.start, clause.end) if not _inside(c.start, quotes)]
    if any(c.kind == "speech" and not c.noun for c in found):
        return None  # its own verb of saying: a report of its own, or none
    content = (first.start, clause.end)
    kind = _kind_of(found, first.end, text, mentions, clause.end)
    return Claim(clause, [speaker], None, kind, content, (first.start, _trim_end(text, *content)),
                 _has_quote(content, quotes), [])


BULLET = re.compile(r"\s*[-–•+*]\s+")
LIST_OPENED = re.compile(r":\s*(?:\n\s*[-–•+*]\s[^\n]*)*\s*$")  # "Các yêu cầu chính gồm:" then bullet lines


def list_item_claim(text, clause: Clause, mentions, quotes, last: Claim) -> Claim | None:
    """A bullet line of a list that a reported position opened with a colon ("Các yêu cầu chính của Nga gồm:
    - NATO không kết nạp ...; - Mỹ không ...") goes on with that position, one line each: of its kind, or of the
    item's own when the head only states ("những điểm chính trong lập trường của Moscow gồm: - Nếu ..., Nga sẽ buộc
    phải đáp trả")."""
    s = clause.sentence
    bullet = BULLET.match(text, s.start)
    if bullet is None or clause.start != s.start or not s.first_in_block:
        return None
    previous = last.clause.sentence
    follows_item = BULLET.match(text, previous.start) and not text[previous.end : s.start].strip()
    colon = text.rfind(":", last.clause.start, s.start)
    if not follows_item and (colon < 0 or not LIST_OPENED.match(text, colon, s.start)):
        return None
    content = (bullet.end(), clause.end)
    head_kind = kind = last.list_kind or last.kind
    if head_kind == "statement":  # the head only states: each line is of its own kind
        found = [c for c in find_cues(text, *content) if not _inside(c.start, quotes)]
        kind = _kind_of(found, bullet.end(), text, mentions, clause.end)
    return Claim(clause, list(last.agents), None, kind, content, (bullet.end(), _trim_end(text, *content)),
                 _has_quote(content, quotes), [], list_kind=head_kind)


def carried_claim(text, clause: Clause, mentions, quotes, last: Claim) -> Claim | None:
    """A sentence with a kind cue but no subject, right after a reported position in the same
    paragraph, goes on reporting it: "... Lavrov nhấn mạnh, ... Nếu ... thì nên giải thích rõ lý do"."""
    bare = _bare_quotation(text, clause, quotes) is not None  # its words are the speaker's own: the cues in them count
    found = [c for c in find_cues(text, clause.start, clause.end) if not c.noun and (bare or not _inside(c.start, quotes))]
    kinds = [c for c in found if c.kind in ("demand", "rebuttal", "proposal", "warning") and not c.negated]
    if not kinds:
        return None
    if _names_media(text[clause.start : kinds[0].start]):
        return None  # "Trong một bài xã luận cùng ngày, tờ báo này cảnh báo ...": the newspaper's words
    subjects = [m for m in mentions if clause.start <= m.start < kinds[0].start and (m.actors or m.person)]
    holders = {a for m in last.agents for a in m.actors}
    # "Nga yêu cầu NATO ... Theo đó, NATO phải cam kết ...": what another party must do, by the same report
    goes_on = clause.start == clause.sentence.start and keeps_speaker(text[clause.start : clause.end])
    owed = goes_on and kinds[0].content_only and not any(a in holders or m.person for m in subjects for a in m.actors)
    if subjects and not owed:
        return None
    speaker = next((m for m in mentions if clause.start <= m.start < clause.end and (m.actors or m.person)),
                   None)
    if speaker and any(c.kind == "speech" and c.start > speaker.end for c in found):
        return None  # "Bình luận về biện pháp đáp trả của Nga, ông Hamacek cho biết ...": its own speaker
    content = (clause.start, clause.end)
    return Claim(clause, last.agents, kinds[0], kinds[0].kind, content, (clause.start, _trim_end(text, *content)),
                 _has_quote(content, quotes), [])


DOCUMENT_VERBS = r"viết|nêu\s+rõ|nêu|cho\s+biết|cho\s+hay|nhấn\s+mạnh|khẳng\s+định"


@functools.lru_cache(maxsize=1)
def _document_voice() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """ "Tuyên bố yêu cầu ...", "“...”, tuyên bố nêu rõ.": a document named alone, as the subject of its words (the
    opening) or closing a quotation (the trailing form); and one issued ("ra tuyên bố riêng", "trao ... văn bản phản
    hồi", "thông qua một tuyên bố chung")."""
    nouns = "|".join(re.escape(w).replace("\\ ", r"\s+")
                     for w in sorted(load_cues().get("documents") or (), key=len, reverse=True)) or "(?!)"
    # (after a connective: "Tuy nhiên, văn bản nhấn mạnh: ...")
    opening = re.compile(rf"(?:(?:tuy\s+nhiên|ngoài\s+ra|bên\s+cạnh\s+đó|theo\s+đó|đồng\s+thời|trong\s+khi\s+đó),\s+)?"
                         rf"(?:bản\s+)?(?:{nouns})(?:\s+(?:này|trên|đó))?(?:\s+(?:cũng|còn|đồng\s+thời))?\s+", re.I)
    trailing = re.compile(rf"[”\"]?\s*,\s*(?:bản\s+)?(?:{nouns})(?:\s+(?:này|trên|đó))?\s+(?:{DOCUMENT_VERBS})\W*", re.I)
    issued = re.compile(rf"\b(?:ra|đưa\s+ra|công\s+bố|phát\s+đi|ban\s+hành|thông\s+qua|trao|gửi|ký)\s+"
                        rf"(?:[^\s.;:]+\s+){{0,8}}?(?:bản\s+)?(?:{nouns})\b", re.I)
    return opening, trailing, issued


def _issuer(text, before, before_mentions: list, quotes, last: Claim | None, index: int) -> list:
    """Who issued the document: the holder of the claim the sentence before made, else the subject of that sentence's
    verb of issuing (the first party before it, not one a preposition governs: "Bộ Ngoại giao Nga trao cho Đại sứ Mỹ
    văn bản ...", "Trước phản ứng từ Canberra, ông O'Connor đã đưa ra tuyên bố ...")."""
    if last is not None and last.clause.sentence.index == index - 1:
        return [a for a in last.agents if a.actors][:1]
    issued = _document_voice()[2].search(text, before.start, before.end) if before is not None else None
    if issued is None:
        return []
    for m in before_mentions:
        if m.start < issued.start() and (m.actors or m.person) and not _inside(m.start, quotes) \
                and not OBJECT_BEFORE.search(text[max(0, m.start - 12) : m.start]):
            return [m] if m.actors else []
    return []


def document_claim(text, clause: Clause, mentions, quotes, last: Claim | None, before, before_mentions: list
                   ) -> Claim | None:
    """A document named alone speaks for the party that issued it, named in the sentence before (`before`, with its
    mentions): "Bắc Kinh cho biết đây là phản ứng ... . “Trung Quốc kiên quyết bảo vệ ...”, tuyên bố nêu rõ. Tuyên bố
    yêu cầu phía Anh “ngay lập tức sửa sai” ...". No person speaks in it."""
    s = clause.sentence
    if clause.start != s.start:
        return None
    opening, trailing, _ = _document_voice()
    head = opening.match(text, s.start)
    quote = None if head else _bare_quotation(text, clause, quotes, closing=trailing)
    if head is not None:
        verb = next((c for c in find_cues(text, head.end(), clause.end) if not c.noun), None)
        if verb is None or verb.start != head.end():
            return None  # (a party of its own, "Tuyên bố của Nga yêu cầu ...", is claim_of's)
        content = (verb.end if verb.kind == "speech" else verb.start, clause.end)
        found = [c for c in find_cues(text, verb.start, clause.end) if not c.noun]  # its quoted words are its own
    elif quote is not None:
        content = (quote[0] + 1, quote[1])
        found = [c for c in find_cues(text, *content) if not c.noun]
    else:
        return None
    issuer = _issuer(text, before, before_mentions, quotes, last, s.index)
    agents = [replace(a, person=None, role=None, pronoun=False) for a in issuer]
    if not agents:
        return None
    kind = _kind_of(found, content[0], text, mentions, content[1])
    return Claim(clause, agents, None, kind, content, (s.start, _trim_end(text, s.start, clause.end)),
                 _has_quote(content, quotes), [])


QUOTE_CLOSE = re.compile(r"[\s.,!?…”\"]*")


def _bare_quotation(text, clause: Clause, quotes, closing: re.Pattern = None) -> tuple[int, int] | None:
    """ "“...”, bà Zakharova viết trên Telegram. “Chúng tôi kêu gọi Bộ Ngoại giao Anh ngừng ...”.": a clause that is
    one quotation and nothing else (but `closing`: "..., tuyên bố nêu rõ."), opening its sentence: the quotation's span."""
    s = clause.sentence
    opening = text[s.start : s.start + 2].lstrip()
    if clause.start != s.start or not opening or opening[0] not in "“\"":
        return None
    quote = next(((qs, qe) for qs, qe in quotes if s.start <= qs <= s.start + 2), None)
    closed = quote is not None and (closing or QUOTE_CLOSE).fullmatch(text, quote[1], max(clause.end, quote[1]))
    return quote if closed else None


# "Các yêu cầu gồm: ...", "Theo đó, trong số các đề xuất an ninh mà Nga đưa ra có: ...": a list of a party's asks
LIST_HEAD = re.compile(
    r"""(?:trong\s+số\s+)?(?:các|những)\s+(?P<noun>yêu\s+cầu|đòi\s+hỏi|điều\s+kiện|đề\s+xuất|đề\s+nghị)\b
        (?P<mid>[^:.;“”"]{0,80}?)\s+(?:gồm|bao\s+gồm|là|có)\s*:\s*""",
    re.X | re.I,
)
LIST_OPENER = 24  # characters of an opener before the list's head: "Theo đó, "
ASKS_OF_ANOTHER = re.compile(r"\s*(?:\S+\s+){0,3}?(?:không|phải|cam\s+kết)\b", re.I)


def list_head_claim(text, sentence, mentions, quotes, last: Claim | None, before: list) -> Claim | None:
    """A sentence listing a party's asks after a head noun and a colon is that party's demand: the party named in
    the head ("các đề xuất an ninh mà Nga đưa ra có: Không mở rộng ..."), else that of the report in the sentence
    before (a paragraph may open with the list), else the subject of the sentence before ("Bộ Ngoại giao Nga công
    bố hai dự thảo. Các yêu cầu gồm: NATO cam kết ..."; `before`: its mentions). An offer listed is a proposal."""
    s = sentence
    head = LIST_HEAD.search(text, s.start, min(s.end, s.start + LIST_OPENER + 120))
    if head is None or head.start() - s.start > LIST_OPENER or _inside(head.start(), quotes):
        return None
    named = [m for m in mentions if head.start("mid") <= m.start < head.end("mid") and m.actors]
    if named:
        agents = named[:1]
    elif last is not None and last.clause.sentence.index == s.index - 1:
        agents = list(last.agents)
    elif any(m.actors for m in before):
        agents = [next(m for m in before if m.actors)]
    else:
        return None
    noun = head.group("noun").lower()
    asks = noun.startswith(("yêu", "đòi", "điều")) or ASKS_OF_ANOTHER.match(text, head.end()) is not None
    content = (head.end(), s.end)
    clause = Clause(s.start, s.end, s, False, s.start)
    return Claim(clause, agents, None, "demand" if asks else "proposal", content,
                 (head.start(), _trim_end(text, head.start(), s.end)), _has_quote(content, quotes), [])
