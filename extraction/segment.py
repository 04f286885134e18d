"""Stage 2: sentences, quotations and clauses inside the kept blocks.

underthesea's sentence splitter knows nothing of quotation marks and splits inside long quotes, so
sentences that a quotation spans are merged back. Clauses are cut at conjunctions listed in
cues.yaml (clause_breaks); all offsets stay offsets into the raw article text.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from . import nlp
from .clean import Block
from .cues import find_cues
from .gazetteer import scan
from .reference import load_cues

QUOTE = re.compile(
    r"""“(?P<curly>[^”"]{2,}?)[”"]  # “Chúng tôi sẽ không thỏa hiệp ...” (or closed by a straight mark)
      | "(?P<straight>[^"\n]{2,}?)" # "động binh"
      | «(?P<angle>[^»]{2,}?)»      # «...» (rare)
    """,
    re.X,
)


ATTRIBUTION_FOLLOWS = re.compile(
    r"""\s*(?:,|\.|$)   # "... của an ninh châu Âu”, ông Stoltenberg nói.": the quotation ends here
    """,
    re.X,
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: Block
    index: int  # ordinal among all sentences of the article
    first_in_block: bool


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    sentence: Sentence
    inherits_subject: bool  # True when it opens with a conjunction that keeps the previous subject
    dates_from: int  # dates written before this offset do not date the clause ("... sau khi X nói")
    subordinate: bool = False  # an opening clause of time or concession ("Dù Mỹ nhiều lần cảnh báo, ...")


def quote_spans(text: str, blocks: list[Block]) -> list[tuple[int, int]]:
    """Offsets of quoted words (without the marks), block by block; a quotation left open at the end
    of a paragraph runs on to the first closing mark of the next paragraphs (at most two)."""
    spans: list[tuple[int, int]] = []
    for i, b in enumerate(blocks):
        if spans and spans[-1][1] > b.start:  # already inside a quotation opened earlier
            continue
        for m in QUOTE.finditer(text, b.start, b.end):
            group = next(g for g in ("curly", "straight", "angle") if m.group(g) is not None)
            spans.append((m.start(group), m.end(group)))
        opened = _open_quote(text, b, spans)
        if opened is not None:
            closing = _closing_mark(text, blocks[i + 1 : i + 3], text[opened - 1])
            if closing is not None:
                spans.append((opened, closing))
    return spans


def _open_quote(text: str, block: Block, spans) -> int | None:
    """Where a quotation opened in this block and not closed in it begins (after the mark)."""
    inside = [(s, e) for s, e in spans if block.start <= s < block.end]
    last_closed = max((e for _, e in inside), default=block.start)
    rest = text[last_closed + (1 if inside else 0) : block.end]
    for mark in ("“", '"'):
        k = rest.find(mark)
        if k >= 0 and (mark == "“" or rest.count('"') % 2 == 1):
            return last_closed + (1 if inside else 0) + k + 1
    return None


def _closing_mark(text: str, following: list[Block], opening: str) -> int | None:
    """The closing mark that ends the quotation: one followed by its attribution ("...”, ông X nói")."""
    close = "”" if opening == "“" else '"'
    for b in following:
        k = text.find(close, b.start, b.end)
        if k >= 0:
            return k if ATTRIBUTION_FOLLOWS.match(text[k + 1 : b.end]) else None
    return None


LOST_BREAKS = 1200  # characters: no paragraph of the 61 annotated articles is longer than 702 (7 sentences)


def restore_paragraphs(text: str, blocks: list[Block], quotes: list[tuple[int, int]]) -> list[Block]:
    """A block far longer than any paragraph is text whose paragraph breaks were lost (pasted or scraped onto one
    line): each of its sentences is read as a paragraph of its own, the first keeping the block's role. On
    dev-train so rewritten (the body on one line), strict F1 fell from 0.793 to 0.694; one sentence a line: 0.773."""
    if all(b.end - b.start <= LOST_BREAKS or b.role == "headline" for b in blocks):
        return blocks
    out: list[Block] = []
    for b in blocks:
        if b.end - b.start <= LOST_BREAKS or b.role == "headline":
            out.append(replace(b, paragraph=len(out)))
            continue
        for k, s in enumerate(sentences(text, [b], quotes)):
            out.append(Block(s.start, s.end, b.role if k == 0 else "body", len(out)))
    return out


def sentences(text: str, blocks: list[Block], quotes: list[tuple[int, int]]) -> list[Sentence]:
    out: list[Sentence] = []
    for b in blocks:
        local = nlp.sentence_spans(text[b.start : b.end]) or [(0, b.end - b.start)]
        spans = _merge_after_initials([(b.start + s, b.start + e) for s, e in local], text)
        spans = _merge_inside_quotes(spans, quotes)
        spans = _fill_gaps(spans, b)
        for k, (s, e) in enumerate(spans):
            out.append(Sentence(s, e, b, len(out), k == 0))
    return out


ENDS_WITH_INITIAL = re.compile(r"(?:^|\s)[^\W\d_]\.\s*$")  # "... Điện Crem-li Đ." before "Pê-xcốp cho rằng"


def _merge_after_initials(spans, text: str):
    """Join a sentence the splitter ended at a name's initial ("Đ.Pê-xcốp": it knows "V." but not "Đ.")."""
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and ENDS_WITH_INITIAL.search(text, merged[-1][0], merged[-1][1]) and text[s : s + 1].isupper():
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _merge_inside_quotes(spans, quotes):
    """Join consecutive sentences when a quotation runs across their boundary."""
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and any(qs < merged[-1][1] <= qe or qs < s < qe for qs, qe in quotes if qs < s):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _fill_gaps(spans, block):
    """Stretch sentences over characters the splitter dropped, so the block is fully covered."""
    if not spans:
        return spans
    out = []
    for i, (s, e) in enumerate(spans):
        start = block.start if i == 0 else s
        end = spans[i + 1][0] if i + 1 < len(spans) else block.end
        out.append((start, max(e, end)))
    return out


VERB_JOIN = re.compile(r"(?:,\s*)?\b(và|thậm chí)\s+(chúng tôi\s+|chúng ta\s+|tôi\s+)?"
                       r"(?:(?:cũng|còn|đã|thậm chí|sẽ)\s+)*")


def _act_kind(text: str, start: int, end: int, first_only: bool = True) -> str | None:
    """The kind (not speech) of the ask, offer, rejection or warning that opens text[start:end]
    (first_only), or of the last one in it."""
    found = [c for c in find_cues(text, start, end) if not c.noun and not c.content_only and c.kind != "speech"
             and not c.negated]
    if first_only:
        return found[0].kind if found and found[0].start == start else None
    return found[-1].kind if found else None


@functools.lru_cache(maxsize=1)
def _breaks() -> tuple[tuple[str, re.Pattern], ...]:
    """(how, one alternation of its conjunctions), longest first: ", nhưng " before " nhưng "."""
    b = load_cues()["clause_breaks"]
    kinds = (("agentless", b["agentless"]), ("subject", b["with_subject"]), ("time_shift", b["time_shift"]))
    return tuple((how, re.compile("|".join(_mark(m) for m in sorted(marks, key=len, reverse=True))))
                 for how, marks in kinds)


def _mark(conjunction: str) -> str:
    """ "song" is "but", not the first syllable of "song phương" (bilateral), "song song", "song hành"."""
    if conjunction.strip(", ") == "song":
        return re.escape(conjunction) + r"(?!(?:phương|song|hành)\b)"
    return re.escape(conjunction)


TAIL_WORDS = 3  # words a sentence-closing verb may have after it: a time ("hôm 17/1"), no subject, no object


def _closing_verb(text: str, mark: str, after: int, end: int) -> bool:
    """ "“...”, bà Hua Chunying, người phát ngôn ..., tuyên bố.": a verb after a comma that closes the sentence
    says whose the words before it are; it opens no clause of its own."""
    tail = text[after:end].strip().rstrip(".!?").split()
    return mark.startswith(",") and len(tail) <= TAIL_WORDS and not any(w[0].isupper() for w in tail)


# a sentence opening with a clause of time or concession ("Ngay sau khi EU công bố quyết định, bà Zakharova gọi ...")
SUBORDINATE_OPENER = re.compile(r"\s*(?:(?:ngay|chỉ(?:\s+\S+){1,3})\s+)?"
                                r"(?:sau\s+khi|trước\s+khi|khi|trong\s+khi(?!\s+đó)|mặc\s+dù|dù)\s")
SUBORDINATE_MIN_WORDS = 4  # "Sau khi Mỹ, Anh và Pháp ...": a comma this early lists parties, it ends no clause


def _subordinate_clause_end(text: str, sentence: Sentence, body: str, quotes) -> int | None:
    """Where the main clause starts after an opening clause of time or concession: the first comma outside
    quotations after a few words. The main clause has a subject of its own, not the opening clause's."""
    if not SUBORDINATE_OPENER.match(body):
        return None
    comma = body.find(",")
    while comma >= 0:
        at = sentence.start + comma
        if len(body[:comma].split()) >= SUBORDINATE_MIN_WORDS and not any(qs <= at < qe for qs, qe in quotes):
            return at + 1 + len(body[comma + 1 :]) - len(body[comma + 1 :].lstrip())
        comma = body.find(",", comma + 1)
    return None


HEADLINE_VERB_REACH = 40  # characters from the second subject to its verb ("Thổ Nhĩ Kỳ tuyên bố", "Thủ tướng Nhật nói")


def _headline_second_subjects(text: str, sentence: Sentence, quotes) -> list[int]:
    """ "Đức “đóng băng” Nord Stream 2, Nga cảnh báo châu Âu sẽ trả giá": a headline's second clause, a party and its
    verb after the comma, is that party's (in the body the same shape is mostly an attribution placed after the words,
    "..., Nga cho biết.", which `_closing_verb` keeps)."""
    out = []
    for m in re.finditer(r", ", text[sentence.start : sentence.end]):
        at = sentence.start + m.end()
        if any(qs <= at < qe for qs, qe in quotes):
            continue
        subject = next((h for h in scan(text, at, min(sentence.end, at + HEADLINE_VERB_REACH))
                        if h.kind in ("actor", "person", "title") and h.start == at), None)
        if subject is None:
            continue
        reach = min(sentence.end, subject.end + HEADLINE_VERB_REACH)
        verb = next((c for c in find_cues(text, subject.end, reach) if not c.noun), None)
        if verb and text[verb.end : sentence.end].strip(" .!?"):
            out.append(at)
    return out


# "Bà Sherman, trong khi đó, nói ...": "meanwhile" set off by commas opens no clause ("trong khi" + a subject does)
MEANWHILE = re.compile(r"trong\s+khi\s+(?:đó|ấy)\s*,", re.I)


def _opens_what_is_said(text: str, start: int, at: int, mark: str) -> bool:
    """ "Ông Morawiecki cho rằng dù thế nào, Nga vẫn ...": a concession or condition right after a speech verb (and
    "rằng") opens what was said, not a clause of its own (a comma after the verb, "..., ông nói, đồng thời ...",
    still ends it)."""
    if mark.strip(" ,;") not in SAID_OPENERS:
        return False
    return any(c.kind == "speech" and not c.noun and text[c.end : at].strip().lower() in ("", "rằng")
               for c in find_cues(text, max(start, at - SPEECH_VERB_REACH), at))


SAID_OPENERS = frozenset({"dù", "mặc dù", "khi", "trong khi", "nếu"})
SPEECH_VERB_REACH = 24  # characters: "khẳng định rằng" and its spaces


def clauses(text: str, sentence: Sentence, quotes: list[tuple[int, int]]) -> list[Clause]:
    """Cut a sentence at clause-opening conjunctions that are outside quotations."""
    body = text[sentence.start : sentence.end].lower()
    cuts: dict[int, str] = {}
    for how, pattern in _breaks():
        for m in pattern.finditer(body):
            mark = m.group()
            at = sentence.start + m.start() + (len(mark) - len(mark.lstrip(" ,;")))  # where the conjunction starts
            if not any(qs <= at < qe for qs, qe in quotes) and at - sentence.start > 8 and not _closing_verb(
                    text, mark, sentence.start + m.end(), sentence.end) and not MEANWHILE.match(text, at) \
                    and not _opens_what_is_said(text, sentence.start, at, mark):
                cuts.setdefault(at, how)
    for m in VERB_JOIN.finditer(body):  # "X coi Đài Loan là ... và không loại trừ khả năng ...": a second act
        at, verb_at = sentence.start + m.start(1), sentence.start + m.end()
        if at - sentence.start > 8 and not any(qs <= at < qe for qs, qe in quotes):
            second = _act_kind(text, verb_at, min(sentence.end, verb_at + 30))
            if second and second != _act_kind(text, sentence.start, at, first_only=False):
                cuts.setdefault(at, "subject" if m.group(2) else "agentless")
    if sentence.block.role == "headline":
        for at in _headline_second_subjects(text, sentence, quotes):
            cuts.setdefault(at, "subject")
    subordinate_end = _subordinate_clause_end(text, sentence, body, quotes)
    if subordinate_end:
        cuts.setdefault(subordinate_end, "subject")
    out, start, how, dates_from = [], sentence.start, "", sentence.start
    for at in sorted(cuts):
        if at - start >= 12:
            out.append(Clause(start, at, sentence, how == "agentless", dates_from, at == subordinate_end))
            start, how = at, cuts[at]
            dates_from = at if how == "time_shift" else dates_from
    out.append(Clause(start, sentence.end, sentence, how == "agentless", dates_from))
    return out
