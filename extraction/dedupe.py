"""Stage 5: one line per position: merge clause pieces, drop restatements, link rebuttals.

GUIDELINES: headline and lead count only when the body does not restate them; the same position
said twice by the same party counts once; a rebuttal points at the demand it rejects.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict

from .positions import Draft
from .reference import load_cues, west_members

WORD = re.compile(r"\w+")  # a syllable: "thỏa", "hiệp"
STOP = frozenset("và của các những là cho với về này đã sẽ được có không một trong rằng để khi thì mà đó".split())
SIMILAR = 0.5  # share of the shorter position's content words found in the other
LEAD_SIMILAR = 0.4  # the lead paraphrases the body more loosely
SUMMARY_SIMILAR = 0.6  # a lead restating a body position whatever kind each was read as
HEADLINE_SIMILAR = 0.4  # headlines are short: a few shared words are a restatement


@functools.lru_cache(maxsize=4096)  # a long article compares each position with many others
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(text.lower()) if w not in STOP and len(w) > 1)


def similarity(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def covered(summary: str, full: str) -> float:
    """Share of the summary's content words the full text says. Not of the shorter's (`similarity`): a short
    body sentence whose few words the lead also uses ("... không có sẵn vắc xin AstraZeneca") is not what the
    lead sums up."""
    said = _words(summary)
    return len(said & _words(full)) / len(said) if said else 0.0


def _merge_pieces(drafts: list[Draft]) -> list[Draft]:
    """Clauses of one sentence with the same holder, kind and speaker are one position when the later
    only goes on with the earlier's words (no cue of its own: "..., nhưng trong kế hoạch sắp tới, Anh
    dự định ...") or both ask, reject, offer or warn ("gửi đề nghị chính thức tới NATO ..., kêu gọi các
    tổ chức này ..."). Two statements stay two: each speech act says something else."""
    out: list[Draft] = []
    for d in drafts:
        prev = next((p for p in reversed(out) if p.sentence == d.sentence and p.actor == d.actor), None)
        if prev and prev.kind == d.kind and prev.speaker == d.speaker and (not d.cue or d.kind != "statement"):
            prev.span = (min(prev.span[0], d.span[0]), max(prev.span[1], d.span[1]))
            prev.content = (min(prev.content[0], d.content[0]), max(prev.content[1], d.content[1]))
            prev.topics = prev.topics + [t for t in d.topics if t not in prev.topics]
            prev.targets = prev.targets + [t for t in d.targets if t not in prev.targets]
            prev.quote = prev.quote or d.quote
            continue
        out.append(d)
    return out


def _restates(text: str, a: Draft, b: Draft, *, same_speaker_is_enough: bool, threshold: float = SIMILAR) -> bool:
    if a.actor != b.actor or a.kind != b.kind:
        return False
    if same_speaker_is_enough and (a.speaker and a.speaker == b.speaker or _same_office(a, b)):
        return True
    if same_speaker_is_enough and a.role == "lead" and a.speaker is None and b.speaker and len(set(a.holders)) > 1:
        return True  # "Lãnh đạo Mỹ, Anh và NATO đồng loạt cảnh báo Nga ...": a joint lead sums up what each says below
    return similarity(_said(text, a), _said(text, b)) >= threshold


def _same_office(a: Draft, b: Draft) -> bool:
    """ "Bộ trưởng Quốc phòng Philippines kêu gọi ..." in the lead, "Bộ trưởng Quốc phòng Philippines Delfin
    Lorenzana" in the body: the office unnamed is the person the body names in it."""
    unnamed, named = (a, b) if a.speaker is None else (b, a)
    return (unnamed.speaker is None and named.speaker is not None and bool(unnamed.office)
            and (named.speaker_role or "").lower() == unnamed.office.lower())


def _said(text: str, d: Draft) -> str:
    """What the position says, without who says it: two reports by one ministry share its name, not
    their content."""
    lo, hi = d.content if d.content[1] - d.content[0] >= 20 else d.span
    return text[lo:hi]


def _continues_announcement(a: Draft, b: Draft) -> bool:
    """ "NATO thông báo X. NATO thông báo, Y ...": the second sentence details the same announcement (two
    sentences that each "nhấn mạnh" say two things)."""
    return (a.actor == b.actor and a.kind == b.kind == "statement" and a.speaker == b.speaker
            and a.cue in _announcement_cues() and a.cue == b.cue and a.paragraph == b.paragraph
            and b.sentence == a.sentence + 1)


@functools.lru_cache(maxsize=1)
def _announcement_cues() -> frozenset[str]:
    return frozenset(load_cues().get("announcement_cues") or ())


def _summarised(text: str, summary: Draft, full: Draft, *, threshold: float) -> bool:
    """The headline or lead says again what the body reports, even if the kinds read differently."""
    if summary.actor != full.actor:
        return False
    return covered(_said(text, summary), _said(text, full)) >= threshold


# "động thái này", "chiến lược này của Washington": what was just told
ANAPHORIC_CLOSE = re.compile(r"\b(?:này|đó|trên)(?:\s+của(?:\s+\w+){1,3})?\W*$", re.I)
OPENS_SENTENCE = re.compile(r"(?:\A|[.!?…]\s+|\n\s*)\Z")
CLOSES_SENTENCE = re.compile(r"\s*(?:[.!?…]|\n|\Z)")
SHORT_INTRODUCTION = 10  # words at most: "Mỹ đã lên tiếng chỉ trích động thái này."


def _introduces(text: str, a: Draft, b: Draft) -> bool:
    """ "Bộ Ngoại giao Nga ngay lập tức phản pháo." or "..., nhưng Mỹ đã lên tiếng chỉ trích động thái này."
    followed by the words themselves ("“Động thái này cho thấy ...”, người phát ngôn Bộ Ngoại giao Mỹ cho
    biết"): a bare verb opening its sentence, or a short report closing it of a stance on what was just told,
    then the report in full, in the next sentence, is one position. Not "..., điều mà Nga nhiều lần bác bỏ.":
    the verb there answers what came before."""
    said = text[a.content[0] : a.content[1]]
    bare = not said.lower().replace(a.cue, "", 1).strip(" .,;:!")  # the verb alone says nothing yet
    if a.actor == b.actor and b.sentence == a.sentence and bare and a.speaker == b.speaker:
        # "Dmitry Polyanskiy phản bác, cho rằng các nước phương Tây ...": what follows the comma is the rejection
        return a.kind != "statement" and b.kind == "statement" and not text[a.span[1] : b.span[0]].strip(" ,")
    if a.actor != b.actor or b.sentence != a.sentence + 1:
        return False
    if bare:
        # its subject opens the sentence ("Chính quyền quân sự Myanmar phản ứng gay gắt.")
        return bool(OPENS_SENTENCE.search(text, max(0, a.span[0] - 3), a.span[0])) or _subject_opens(text, a.span[0])
    if a.kind != "statement" or len(said.split()) > SHORT_INTRODUCTION or not CLOSES_SENTENCE.match(text, a.span[1]):
        return False
    # "Phía Mỹ cũng lên tiếng ủng hộ Canberra." opening its paragraph, then who said what: a heading for the report
    heading = (not a.speaker and (b.speaker or b.kind == "statement") and b.paragraph == a.paragraph
               and a.role == "body" and bool(OPENS_PARAGRAPH.search(text, max(0, a.span[0] - 12), a.span[0])))
    return heading or bool(ANAPHORIC_CLOSE.search(said))


OPENS_PARAGRAPH = re.compile(r"(?:\A|\n)\s*(?:phía\s+)?\S*\s*\Z", re.I)


SUBJECT_WORDS = 4  # words of a subject's noun phrase before the party: "Chính quyền quân sự Myanmar"


def _subject_opens(text: str, start: int) -> bool:
    """A few words, no comma, stand between the sentence's start and `start`."""
    line = text.rfind("\n", 0, start) + 1
    stop = max(text.rfind(". ", line, start) + 2, line)
    before = text[stop:start]
    return "," not in before and len(before.split()) <= SUBJECT_WORDS


def _fold_introductions(text: str, drafts: list[Draft]) -> list[Draft]:
    """Drop each introduction (`_introduces`); the words it introduces take its kind when they state only
    ("... phản pháo." then a quotation: the quotation is the rejection)."""
    out = []
    for i, d in enumerate(drafts):
        following = drafts[i + 1] if i + 1 < len(drafts) else None
        if following is not None and _introduces(text, d, following):
            if following.kind == "statement":
                following.kind = d.kind
            if following.sentence == d.sentence:
                following.span = (d.span[0], following.span[1])
            continue
        out.append(d)
    return out


def _west_summed_up(summary: Draft, body: list[Draft]) -> bool:
    """ "Phương Tây cảnh báo Nga" in a headline or lead, then the US, Germany or NATO warning in the body: the
    West named as a whole only sums up the parties the body names (GUIDELINES: WEST when no narrower party is)."""
    return summary.actor == "WEST" and any(b.kind == summary.kind and b.actor in west_members() for b in body)


def dedupe(text: str, drafts: list[Draft]) -> list[Draft]:
    drafts = _merge_pieces(drafts)
    drafts = _fold_introductions(text, drafts)
    body = [d for d in drafts if d.role == "body"]
    lead = [d for d in drafts if d.role == "lead"]
    # a lead quoting the speaker's own words says something of its own, not a summary of the body's: only
    # shared words make it a restatement (dev-train: 3 such leads, each a gold position)
    kept_lead = [d for d in lead
                 if not any(_restates(text, d, b, same_speaker_is_enough=not d.quote, threshold=LEAD_SIMILAR)
                            or _summarised(text, d, b, threshold=SUMMARY_SIMILAR) for b in body)]
    kept_lead = [d for d in kept_lead if not _west_summed_up(d, body)]
    kept_head = [
        d for d in drafts if d.role == "headline"
        and not any(b.actor == d.actor and b.kind == d.kind or _summarised(text, d, b, threshold=HEADLINE_SIMILAR)
                    for b in body + kept_lead)
        and not _west_summed_up(d, body)
    ]
    # kept, by holder and kind: the only ones a position can restate (the result is sorted by place below)
    kept_body: dict[tuple[str, str], list[Draft]] = defaultdict(list)
    first_body = min((d.paragraph for d in body), default=0)
    for d in body:
        alike = kept_body[(d.actor, d.kind)]
        twin = next((k for k in alike if _restates(text, k, d, same_speaker_is_enough=False)
                     and (k.speaker == d.speaker or (k.paragraph == first_body and not k.speaker))), None)
        if any(_continues_announcement(k, d) for k in alike):
            continue
        if twin is None:
            alike.append(d)
        elif twin.paragraph == first_body and d.paragraph != first_body:
            alike[alike.index(twin)] = d  # the opening paragraph summarises; keep the full report
    kept = {id(d) for alike in kept_body.values() for d in alike}
    return sorted(kept_head + kept_lead + [d for d in body if id(d) in kept], key=lambda d: d.span)


def link_rebuttals(drafts: list[Draft]) -> None:
    """Point each rebuttal at what it rejects: the nearest earlier demand of a party it targets, else
    that party's nearest earlier claim; failing both, the first such demand or claim after it."""
    for i, d in enumerate(drafts):
        if d.kind != "rebuttal":
            continue
        for candidates in (range(i - 1, -1, -1), range(i + 1, len(drafts))):
            of_target = [j for j in candidates if drafts[j].actor in d.targets and drafts[j].kind != "rebuttal"]
            demands = [j for j in of_target if drafts[j].kind == "demand"]
            if demands or of_target:
                d.rebuts = (demands or of_target)[0]
                break
