"""Stage 4a: who holds the position a clause states, and how (cue, kind, quoted content).

A clause yields a Claim when it has an attribution cue (a speech verb or a kind cue outside quotes)
whose subject is a party or speaker mention, or when it is a quotation followed by its attribution
("“...”, ông Stoltenberg cho biết."). The kind comes from the first kind cue of the content
(negated offers and demands, and cue words used as nouns, carry no kind).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from .cues import (ARMS_REACH, GIVING, QUOTE_MARKS, Cue, delivers_arms, directs_own_ranks, find_cues, has_word,
                   lexicon_words, opens_with_word, shape_kind)
from .mentions import PLACE_NOUN, Mention
from .reference import load_cues, load_titles
from .segment import Clause
from .types import KINDS

COORDINATION = re.compile(
    r"""^\)?\s*(?:và|lẫn|cùng|cùng\ với|,\ cùng|,\ cùng\ với)\s*$   # "Mỹ và các đồng minh NATO", "Nga cùng Trung Quốc",
                                                            # "... thế giới (G7) cùng EU"
      | ^\s*và\s+(?:các|một\ số|nhiều|những)\s+(?:nước|quốc\ gia)\s*$   # "Mỹ và một số nước phương Tây"
    """,
    re.X,
)
LIST_COMMA = re.compile(
    r"""^\s*,\s*$   # "Mỹ, Anh và Pháp": a comma joins subjects only inside a list closed by "và"
    """,
    re.X,
)
NOT_A_SUBJECT_GAP = re.compile(
    r"""[.,;:!?]                          # "... cho Kiev, trong bối cảnh lo ngại": a new clause
      | \b(?:của|về|với|tới|từ|cho)\s*$   # "quan ngại của Nga cảnh báo": the party is an object
      | \bcho\s+\S+                      # "Nga hậu thuẫn cho lực lượng đòi ...": the cue is inside the object
      | \b(?:nếu|trong\ trường\ hợp)\b  # "Nga phải rút quân nếu muốn ...": the verb is the condition's
    """,
    re.X,
)
# "phái đoàn Mỹ tại (thủ đô) Moscow cho biết": Moscow is where, not who
OBJECT_BEFORE = re.compile(r"(?<!cùng)\s(?:tại|ở|với|đối với|tới|đến|từ|vào|giữa)\s+(?:%s)?$" % PLACE_NOUN, re.I)
THEO_CLOSE = re.compile(
    r"""\s*(?:trên|này|đó)?\s*                 # "Theo người phát ngôn trên, ...", "Theo ông Lavrov, ..."
        (?:(?:tại|ở)\s+[^,.;:]{2,40}?\s*)?      # "Theo thông cáo của Đại sứ quán Mỹ tại Việt Nam, ..."
        (?:(?:công\ bố|đưa\ ra|ban\ hành|phát\ đi)\s*)?   # "Theo thông cáo do Bộ Ngoại giao Nga đưa ra, ..."
        (?:(?:hôm|ngày)\s+\d{1,2}/\d{1,2}\s*)?,   # "Theo thông cáo của Hạm đội Biển Đen ngày 20/4, ..."
    """,
    re.X,
)
PARENTHETICAL = re.compile(
    r"""^\s*,[^,.;:]{3,120},\s*   # "Ngoại trưởng Đức Annalena Baerbock, trong chuyến thăm Moskva ngày 18/1, kêu gọi"
      | ^\s+[-–—]\s[^.;:–—]{3,120}?\s[-–—]\s+   # "Đức, Italy và Tây Ban Nha - những nước có quan hệ với Ankara - phản đối"
    """,
    re.X,
)
# "Đại sứ quán Nga tại Tallinn, trong thông cáo ..., gọi": where the subject is posted, then an insertion
POSTED_AT = re.compile(r"^\s+(?:tại|ở)\s+[^,.;:“”\"]{2,30}"
                       r"(?=\s*,\s*(?:trong|qua|khi|sau|theo|hôm|ngày|sáng|chiều|tối)\s[^,.;:]{3,120},\s*$)")
GLOSSED = re.compile(r"^\s*\([^()]{1,40}\)")  # "Ủy ban ... Trung Quốc (NDRC), cơ quan ..., hôm qua ra thông báo"
PASSIVE = re.compile(
    r"""\b(?:bị|được)\s+$   # "bị nghi ngờ", "bị cáo buộc", "được đề nghị": a passive verb
    """,
    re.X | re.I,
)
SIDE_OPENER = re.compile(
    r"""^\W*(?:về|về\ phần|còn)\s+$   # "Về phía Việt Nam, người phát ngôn ... cho biết"
    """,
    re.X | re.I,
)
THEO_SPEAKER = re.compile(
    r"""^\W*(?:(?:tuy\s+nhiên|tuy\s+vậy|nhưng|song|ngoài\s+ra|mặt\s+khác|trong\s+khi\s+đó)\s*,?\s+)?
        # "Tuy nhiên / Tuy vậy, theo ..."
        (?:cũng\s+)?theo\s+   # "(Cũng) theo ông Lavrov, ..." : the speaker introduces the whole sentence
        (?:(?:bản\s+|một\s+)?(?:báo\s+cáo|thông\s+cáo(?:\s+báo\s+chí)?|tuyên\s+bố|thông\s+báo|(?:dữ|số)\s+liệu|thông\s+tin)
           (?:\s+\S+){0,3}?\s+(?:của|do|được|từ)\s+)?$   # "Theo thông cáo báo chí của Hạm đội Biển Đen, ...": its party
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
    object_from: int = -1  # where the addressee may be named: right after the cue that gave the kind
    subject_of_cue: int = -1  # a content-only kind cue's start: its subject is the addressee ("Nga phải chịu")
    list_kind: str = ""  # a bullet line's: the kind of the position that opened its list


@dataclass(frozen=True)
class _View:
    """One clause as the claim finders see it."""

    text: str
    clause: Clause
    cues: list[Cue]  # outside quotations, not used as nouns
    inner: list[Cue]  # inside quotations
    local: list[Mention]  # mentions in the clause, outside quotations
    mentions: list[Mention]  # mentions of the whole sentence
    quotes: list[tuple[int, int]]

    def all_cues(self) -> list[Cue]:
        return sorted(self.cues + self.inner, key=lambda c: c.start)

    def span_from(self, start: int) -> tuple[int, int]:
        return (start, _trim_end(self.text, start, self.clause.end))


@functools.lru_cache(maxsize=1)
def _lexicon():
    c = load_cues()
    return tuple(c["analysis"]), tuple(c["shared"]), c.get("openers") or {}


@functools.lru_cache(maxsize=1)
def _reciprocal() -> tuple[str, ...]:
    return tuple(load_cues().get("reciprocal") or ())


def _inside(pos: int, quotes) -> bool:
    return any(qs <= pos < qe for qs, qe in quotes)


@functools.lru_cache(maxsize=1)
def _media_words() -> tuple[str, ...]:
    return tuple(load_cues().get("media") or ())


def _names_media(before_subject: str) -> bool:
    """The subject's own noun phrase (since the last comma) is headed by a news medium ("Hãng thông
    tấn TASS của", "tờ New York Times của"); "báo" inside "Thông báo mới của Mỹ" is no newspaper.
    A medium quoting the subject ("Hãng tin TASS dẫn lời") leaves the subject the speaker."""
    phrase = before_subject.rsplit(",", 1)[-1].lower()
    if any(has_word(phrase, w) for w in load_cues().get("media_quoting") or ()):
        return False
    words = phrase.split()
    while words and words[0] in ("các", "một", "những", "theo"):
        words = words[1:]
    head = " ".join(words)
    if any(head == w or head.startswith(w + " ") for w in load_cues().get("not_media") or ()):
        return False
    return len(words) <= 6 and any(head == w or head.startswith(w + " ") for w in _media_words())


# "dự thảo hiệp ước gửi Washington yêu cầu Mỹ ...", "Nga gửi Mỹ đề xuất ...": whom something is sent to does not speak
RECIPIENT = re.compile(r"(?<!\w)gửi\s+(?:cho\s+|tới\s+|đến\s+)?(?:phía\s+)?$", re.I)
# "những lời đe dọa trừng phạt từ Washington sẽ không khiến Nga ...": whom something comes from does not speak either
# (but "nguồn tin ngoại giao từ Thổ Nhĩ Kỳ cho biết": a source from a party is of it)
GIVER = re.compile(r"(?<!\w)từ\s+(?:phía\s+)?$", re.I)
SOURCE_FROM = re.compile(r"(?<!\w)(?:nguồn(?:\s+tin)?|quan\s+chức|giới\s+chức|đại\s+diện|phái\s+đoàn|nhà\s+ngoại\s+giao)"
                         r"(?:\s+[^\s,.;:]+){0,2}?\s+từ\s+(?:phía\s+)?$", re.I)


def _from_party(text: str, lo: int, at: int) -> bool:
    return bool(GIVER.search(text, lo, at)) and not SOURCE_FROM.search(text, lo, at)
# "... chỉ có ý nghĩa nếu Kiev sẵn sàng bàn về ...": the party of a condition is no speaker, its verb the condition's
CONDITIONED_SUBJECT = re.compile(r"(?<!\w)(?:nếu|trong\s+trường\s+hợp|miễn\s+là)\s+(?:như\s+)?(?:phía\s+)?$", re.I)


def _agents_before(mentions: list[Mention], pos: int, text: str, lo: int) -> list[Mention]:
    """The subject of the verb at pos and those coordinated with it ("Mỹ và các đồng minh NATO").
    A party named inside an insertion ("Baerbock, trong chuyến thăm Moskva ngày 18/1, kêu gọi") is
    skipped for the one before it."""
    before = [m for m in mentions if lo <= m.start and m.end <= pos
              and not CONDITIONED_SUBJECT.search(text, max(lo, m.start - 24), m.start)
              and not RECIPIENT.search(text, max(lo, m.start - 16), m.start)
              and not _from_party(text, max(lo, m.start - 40), m.start)]
    for k in range(len(before) - 1, max(-1, len(before) - 4), -1):
        if k and OBJECT_BEFORE.search(text, max(lo, before[k].start - 24), before[k].start):
            continue  # the party a preposition governs is no subject when another party comes before it
        if _subject_ok(text, before[k].end, pos):
            before = before[: k + 1]
            break
    if not before:
        return []
    _, shared, _ = _lexicon()
    group = [before[-1]]
    listed: list[Mention] = []  # parties joined by commas alone, before the group
    for m in reversed(before[:-1]):
        if text[max(lo, m.start - 20) : m.start].lower().rstrip().endswith(shared):
            break  # "cũng giống như Mỹ, các quan chức NATO": Mỹ shares the stance, it is not a subject
        if THEO_BEFORE.search(text, max(lo, m.start - 8), m.start):
            break  # "Theo ông Putin, Washington và NATO đã ...": the speaker, not one of the subjects listed
        gap = text[m.end : (listed or group)[0].start]
        if not listed and (m.start == group[0].start or COORDINATION.match(gap)
                           or (LIST_COMMA.match(gap) and len(group) > 1)):
            # (one span for two: "hai nhà lãnh đạo" names both parties, extraction/mentions.py _pair)
            group.insert(0, m)
        elif LIST_COMMA.match(gap) and _bare_party(m) and all(_bare_party(g) for g in group):
            listed.insert(0, m)
        else:
            break
    if listed and not text[lo : listed[0].start].strip():
        group = listed + group  # "Mỹ, Anh cảnh báo Nga ...": a headline's list, no "và", opening the clause
    return _one_per_party(group)


THEO_BEFORE = re.compile(r"\btheo\s+$", re.I)


def _bare_party(m: Mention) -> bool:
    return bool(m.actors) and not m.person and not m.role and not m.pronoun


MEMBER_NAMED = re.compile(r"\s*,\s*(?:trong\s+đó\s+có|bao\s+gồm(?:\s+cả)?)\s+", re.I)


def _member_named(mentions: list[Mention], group: Mention, pos: int, text: str) -> Mention | None:
    """ "Giới chức NATO, trong đó có ông Stoltenberg, cho rằng ...": the one member named speaks for them."""
    inside = [m for m in mentions if group.end <= m.start and m.end <= pos and m.person and m.actors == group.actors]
    if len(inside) == 1 and MEMBER_NAMED.fullmatch(text, group.end, inside[0].start):
        return inside[0]
    return None


def _one_per_party(group: list[Mention]) -> list[Mention]:
    """ "ông Lavrov, Nga ...": a speaker and the party he speaks for are one holder, not two."""
    out: list[Mention] = []
    for m in group:
        twin = next((o for o in out if o.actors and o.actors == m.actors), None)
        if twin is None:
            out.append(m)
        elif m.person and not twin.person:
            out[out.index(twin)] = m
    return out


SUBJECT_GAP_CHARS = 60  # between a subject and its verb
SETTING_GAP_CHARS = 120  # ... when the gap is the setting of the words ("trong cuộc trả lời phỏng vấn ...")


def _subject_ok(text: str, agent_end: int, cue_start: int) -> bool:
    """Between subject and verb only adverbs, dates, modal words, a setting: no new clause, no object marker."""
    gap = PARENTHETICAL.sub(" ", GLOSSED.sub("", POSTED_AT.sub("", text[agent_end:cue_start])))
    limit = SETTING_GAP_CHARS if gap.lower().lstrip().startswith(_speech_settings()) else SUBJECT_GAP_CHARS
    return len(gap) < limit and not NOT_A_SUBJECT_GAP.search(gap)


@functools.lru_cache(maxsize=1)
def _speech_settings() -> tuple[str, ...]:
    return tuple(load_cues().get("speech_settings") or ())


CONSEQUENCE = re.compile(r"[,;]|(?<!\w)(?:thì|sẽ)(?!\w)")


def _conditions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the conditions in text[start:end]: from "nếu"/"trong trường hợp" to the comma or "thì"
    that opens the consequence."""
    lower, out = text[start:end].lower(), []
    for marker in load_cues().get("conditions") or ():
        for m in re.finditer(rf"(?<!\w){re.escape(marker)}(?!\w)", lower):
            stop = CONSEQUENCE.search(lower, m.end())
            out.append((start + m.start(), start + (stop.start() if stop else len(lower))))
    return out


def _kind_of(cues: list[Cue], after: int, text: str, mentions: list[Mention], end: int,
             holders: frozenset[str] | None = None) -> str:
    """The kind the first kind cue from `after` gives; speech verbs, nouns ("các yêu cầu") and negated
    asks, offers and warnings ("chưa sẵn sàng") give none: then it is a statement. `holders`: the parties
    speaking, when known (else every party named before `after`)."""
    conditions = _conditions(text, after, end)
    best = BEST_WAY.search(text, after, end)
    if best and any(m.start == best.end() and m.actors for m in mentions):
        return "demand"  # "giải pháp tốt nhất cho khủng hoảng là Kiev từ bỏ ...": what the party named must do
    for c in cues:
        if c.start < after or c.noun or c.kind == "speech" or any(lo <= c.start < hi for lo, hi in conditions):
            continue
        if _nominalised(text, c, mentions, after):
            continue  # "việc Nga đòi quyền phủ quyết là điều không thể chấp nhận": Russia's ask, spoken of
        if c.kind == "want" and c.negated:
            continue  # "Mỹ không thể mong đợi Trung Quốc hợp tác ...": what it cannot expect asks nothing
        if c.kind == "want":  # "hy vọng Mỹ sẽ ...", "hy vọng những quốc gia liên quan sẽ ...": asks of them
            if any(m.start >= c.end and WANT_GAP.fullmatch(text, c.end, m.start) for m in mentions if m.start < end) \
                    or _opens_with_anyone(text, c.end) or WANTED_OF_GROUP.match(text, c.end) \
                    or WANTED_OF_TALKS.match(text, c.end) or WANTED_DONE.match(text, c.end):
                return "demand"
            continue
        if c.kind == "ought":  # "... cho rằng Washington nên ngừng ...": the party the content opens with,
            # not the speaker's own ("Ông Lavrov cho rằng Nga nên ...": a course of its own, a statement)
            speakers = holders if holders is not None else {
                a for m in mentions if m.end <= after for a in m.actors}
            adverbs = MODAL_ADVERBS.search(text, max(after, c.start - 24), c.start)  # "Ukraine vẫn cần ..."
            subject_end = adverbs.start() if adverbs else c.start
            allies = ALLIES_AFTER.search(text, max(after, subject_end - 40), subject_end)
            # (not the speaker the opener names: "Theo ngoại trưởng ba nước, Iran cần ...")
            subject = _coordinated_before(text, [m for m in mentions if m.actors and m.start >= after],
                                          allies.start() if allies else subject_end)
            if not subject:  # "Mỹ, bên đã đơn phương rút khỏi thỏa thuận, cần ...": the party before its apposition
                subject = [m for m in mentions if m.actors and after <= m.start < subject_end
                           and APPOSED_SUBJECT.fullmatch(text, m.end, subject_end)][:1]
            subject_parties = {a for m in subject for a in m.actors}
            if subject and _opens(text, after, subject[0].start) and not subject_parties & speakers:
                return "demand"  # "... nhấn mạnh Mỹ và NATO cần coi trọng ...": each of them is asked
            if _names_anyone_before(text, after, c.start):
                return "demand"  # "... cho rằng cộng đồng quốc tế cần làm rõ ...": an ask of everyone
            if NUMBERED_GROUP.fullmatch(text, after, subject_end):
                return "demand"  # "... cho rằng ba nước cần từ bỏ tâm lý Chiến tranh Lạnh": the parties counted are asked
            if EVERY_OPENING.match(text, after) and "," not in text[after : c.start]:
                return "demand"  # "mọi cuộc đối thoại với Nga cần tính đến ...": what any dealing must do is asked
            if PASSIVE_NEED.match(text, c.end) and any(
                    set(m.actors) - speakers for m in mentions if after <= m.start < c.start and m.actors
                    and OF_PARTY.search(text, max(after, m.start - 6), m.start)):
                return "demand"  # "các quan ngại an ninh chính đáng của Nga cần được coi trọng": an ask of whoever must
            if not c.negated and needs_what_others_give(text, c.start):
                return "demand"  # "Ukraine cần vũ khí phòng thủ thực sự": what only others can give is asked of them
            if not c.negated and NEED.match(text, c.start) and _needed_from_another(
                    text, mentions, c.end, end, speakers):
                return "demand"  # "Nga cần một giải pháp ràng buộc pháp lý từ phía Brussels": asked of the giver
            needed_of = next((m for m in mentions if m.start >= c.end and m.actors and m.start < end), None)
            if (needed_of and not c.negated and not text[c.end : needed_of.start].strip()
                    and not set(needed_of.actors) & speakers):
                return "demand"  # "Nga cần NATO trả lời cụ thể ...": what it needs of another party is asked of it
            continue
        if c.negated and c.kind in ("demand", "proposal", "warning"):
            continue
        if c.kind == "demand" and FORCED.search(text, max(after, c.start - 40), c.start):
            continue  # "... sẽ buộc Moscow phải đáp trả": a response foretold, no ask (the shape makes it a warning)
        if c.kind == "rebuttal" and _judges(text, c) and _judges_an_act(text, c.start):
            continue  # "gọi quyết định của Minsk là “không có cơ sở”": an act judged, no claim rejected
        if (c.kind == "proposal" and GIVING.search(text, c.start, c.end)
                and delivers_arms(text, c.start, c.end + ARMS_REACH)):
            continue  # "sẽ tiếp tục cung cấp vũ khí phòng thủ cho Kiev": an act announced
        return c.kind
    return shape_kind(text, after, end) or "statement"


# "cần nhận được ... từ Mỹ", "cần những bảo đảm ... từ phía phương Tây": whom it asks to give
RECEIVED_FROM = re.compile(r"\btừ\s+(?:phía\s+)?(?:(?:các|những)\s+(?:đối\s+tác|đồng\s+minh|nước)\s+)?$", re.I)
NEED = re.compile(r"cần(?!\w)", re.I)  # the need itself, not "cần phải", "không được": what one must do
CLAUSE_MARK = re.compile(r"[,;.]")  # the giver is named in the need's own clause
NEED_REACH = 80  # characters from the need to its giver: "cần một “giải pháp có tính ràng buộc pháp lý” từ phía ..."


def _needed_from_another(text: str, mentions, start: int, end: int, speakers) -> bool:
    """What the speakers' side needs (from `start`, after "cần"), given by another party named after "từ" in the
    same clause."""
    for m in mentions:
        if start <= m.start < min(end, start + NEED_REACH) and m.actors and not set(m.actors) & speakers:
            between = text[start : m.start]
            if RECEIVED_FROM.search(between) and not CLAUSE_MARK.search(between):
                return True
    return False


# "Mỹ và các đồng minh cần ...": the party and its allies before a modal are its subject
# ("Paris cũng như các đối tác khác cần ...")
ALLIES_AFTER = re.compile(r"\s+(?:và|cũng\s+như)\s+(?:các|những)\s+(?:nước\s+)?(?:đồng\s+minh|đối\s+tác)"
                          r"(?:\s+(?:của\s+)?\S+)?\s*$", re.I)
APPOSED_SUBJECT = re.compile(r",\s[^,.;:“”\"]{3,80},\s*")
NUMBERED_GROUP = re.compile(r"[\s,:“”\"]*(?:rằng\s+)?(?:cả\s+)?(?:hai|ba|bốn|năm|\d)\s+(?:nước|quốc\s+gia)"
                            r"(?:\s+[^\s,.;]+){0,3}\s*", re.I)  # "ba nước", "4 nước Bộ tứ"
# "mọi hành động của cộng đồng quốc tế cần ...", "bất kỳ cuộc đối thoại nào ... cần": any such dealing, asked
# (9 of 10 such modals in the annotated sets are demands, the tenth a warning's "sẽ phải")
EVERY_OPENING = re.compile(r"[\s,:“”\"]*(?:rằng\s+)?(?:mọi|bất\s+kỳ|bất\s+cứ)\s", re.I)
MODAL_ADVERBS = re.compile(r"(?:\s+(?:vẫn|cũng|đều|thực\s+sự|trước\s+hết|trước\s+tiên|còn|luôn|nhất\s+thiết|rất))+\s*$",
                           re.I)
# "cần thêm nhiều vũ khí", "cần một phản hồi", "cần tiếp tục nhận được hỗ trợ"
NEED_OPENING = re.compile(r"cần\s+(?:tiếp\s+tục\s+)?(?:nhận\s+được\s+)?(?:thêm\s+)?(?:nhiều\s+)?"
                          r"(?:những\s+|các\s+|một\s+)?", re.I)


def needs_what_others_give(text: str, at: int) -> bool:
    """ "cần (thêm) vũ khí / binh sĩ / viện trợ" at `at` (cues.yaml needed_from_others)."""
    need = NEED_OPENING.match(text, at)
    return need is not None and opens_with_word(text[need.end() : need.end() + 30].lower(),
                                                lexicon_words("needed_from_others"))


PASSIVE_NEED = re.compile(r"[\s“”\"]*được\s", re.I)  # "cần được coi trọng"
OF_PARTY = re.compile(r"\bcủa\s+$")
# "muốn các đồng minh trong EU và NATO có hành động ...": a want of a group of parties asks them
# "hy vọng Mỹ sẽ ...", "muốn được Washington cung cấp ...", "muốn mỗi nước phương Tây tự trả lời"
# ... or a party's ships, firms, troops ("Manila muốn các tàu Trung Quốc rời khỏi đá Ba Đầu")
WANT_GAP = re.compile(r"[\s“”\"]*(?:(?:được|mỗi|từng|nghe)\s+)?(?:nước\s+)?"
                      r"(?:(?:các|những)\s+[^\s,.;:]+(?:\s+[^\s,.;:]+)?\s+)?", re.I)
WANTED_OF_GROUP = re.compile(r"\s*(?:các|những)\s+(?:đồng\s+minh|đối\s+tác|nước|quốc\s+gia|thành\s+viên)\b", re.I)
# "Moscow muốn cuộc đối thoại bao quát mọi loại vũ khí", "muốn mọi thỏa thuận ... phải có sự tham gia của Kiev":
# what talks or a settlement must hold is asked of the other side (7 of 7 such wants in the annotated sets are demands)
WANTED_OF_TALKS = re.compile(r"\s*(?:mọi|các|những|bất\s+kỳ)?\s*(?:cuộc\s+)?(?:đối\s+thoại|đàm\s+phán|thảo\s+luận|"
                             r"thỏa\s+thuận|giải\s+pháp|quyết\s+định|hiệp\s+ước)\b", re.I)


# "muốn được tham gia ...", "muốn vấn đề này được giải quyết ngay", "muốn nhận được phản hồi ...": what it wants done or
# granted is asked of others (stop 35: 40 of the 42 such wants in the annotated sets are demands; not "biết được")
WANTED_DONE = re.compile(r"\s*(?:[^\s,.;:“”\"]+\s+){0,5}?(?<!biết\s)được\s", re.I)


def _coordinated_before(text: str, mentions: list[Mention], at: int) -> list[Mention]:
    """The parties right before `at`, joined by "và" or commas ("Mỹ và NATO cần ..."), first to last."""
    group: list[Mention] = []
    end = at
    for m in reversed([m for m in mentions if m.end <= at]):
        gap = text[m.end : end]
        listed = gap.strip() == "," and not m.person and not m.role  # "Mỹ, Anh và Úc": bare parties listed
        if (not group and gap.strip().strip("“\"")) or (group and not (COORDINATION.match(gap) or listed)):
            # (an opening quotation mark may stand between: "Minsk “cần chấm dứt ngay ...”")
            break
        group.insert(0, m)
        end = m.start
    return group


NOMINALISER = re.compile(r"(?:^|\s)việc\s+$", re.I)
COPULA = re.compile(r"\slà\s")


def _nominalised(text: str, cue: Cue, mentions: list[Mention], after: int) -> bool:
    """The cue is the verb of a clause made a noun by "việc" ("việc Nga đòi ...", "việc NATO từ chối ..."): it
    names another party's act, the sentence's own verb comes later. A cue that runs on to that verb ("việc Nga đáp
    trả là “không thể tránh khỏi”") is the sentence's own."""
    if COPULA.search(text, cue.start, cue.end):
        return False
    if NOMINALISER.search(text, max(after, cue.start - 6), cue.start):
        return True  # "việc tiếp tục đàm phán lúc này là vô nghĩa": an act spoken of
    subject = next((m for m in reversed(mentions) if after <= m.start and m.end <= cue.start), None)
    return (subject is not None and bool(subject.actors) and not text[subject.end : cue.start].strip()
            and bool(NOMINALISER.search(text, max(after, subject.start - 8), subject.start)))


def _names_anyone_before(text: str, after: int, cue_start: int) -> bool:
    """Only the generic addressee the content opens with stands before the modal ("cộng đồng quốc tế cần")."""
    head = text[after:cue_start].replace("rằng", " ").strip(" ,:“”\"").lower()
    return head in lexicon_words("generic_addressees") or head in lexicon_words("anyone_subjects")


def _opens_with_anyone(text: str, at: int) -> bool:
    """The words at `at` address parties without naming one ("những quốc gia liên quan", "các bên liên quan",
    "các bên ở Myanmar")."""
    head = text[at : at + 40].lstrip().lower()
    return any(opens_with_word(head, lexicon_words(words)) for words in ("generic_addressees", "anyone_subjects"))


def _opens(text: str, after: int, start: int) -> bool:
    """Nothing but "rằng", punctuation, a clause's conjunction ("..., và Tehran cần ...") and a group noun ("các
    nước EU") between `after` (the verb's end or the clause's start) and `start`."""
    head = LEADING_CONDITION.sub(" ", BREAK_WORDS.sub(" ", text[after:start]).replace("rằng", " "))
    return GROUP_NOUN.sub(" ", head).strip(" ,:") == ""


# "Theo ông Peskov, nếu muốn giúp đỡ, Ankara nên ...": a condition opening the content comes before its subject;
# so does a purpose ("để đối thoại mang lại kết quả, Nga cần rút bớt lực lượng ...")
LEADING_CONDITION = re.compile(r"^[\s,:]*(?:nếu|nếu như|để)\s[^,.;:“”\"]{2,80},", re.I)
# "các nước EU", "các tàu chiến Mỹ nên tránh xa ...": a plural noun of the party's, its party the one asked
GROUP_NOUN = re.compile(r"\b(?:các|những)\s+(?:\S+\s+){0,2}\S+\s*$")


OWN_SENTENCE_END = re.compile(r"[.!?…]\s+(?=[“\"]?[A-ZĐ])")


def _is_analysis(text: str, clause: Clause, cues: list[Cue]) -> bool:
    """The journalist's or an expert's reading (named before the clause's first cue: "Theo giới quan
    sát, ...", "Các chuyên gia nhận định ...", "... dường như không chấp nhận"), or a party declining to
    comment: no position."""
    analysis, _, _ = _lexicon()
    first_cue = min((c.start for c in cues if not c.noun), default=clause.end)  # "những bình luận" asserts nothing
    lead_in = text[clause.sentence.start : first_cue].lower()
    # declining is the clause's own verb: it comes before any other cue but speech ("... yêu cầu Mátxcơva
    # không tiết lộ ..." is a demand, "Nhà Trắng cho biết sẽ không bình luận" declines)
    first_ask = min((c.start for c in cues if not c.noun and c.kind != "speech"), default=clause.end)
    declined = text[clause.start : first_ask].lower()
    # ... unless the clause says more in another sentence: "“Tôi sẽ không nêu cụ thể số lượng. Chúng tôi sẽ tiếp tục
    # theo dõi ...”"
    says_more = OWN_SENTENCE_END.search(text, clause.start, clause.end) is not None
    return any(has_word(lead_in, a) for a in analysis) or not says_more and any(
        has_word(declined, w) for w in load_cues().get("no_comment") or ())


def claim_of(text: str, clause: Clause, mentions: list[Mention], quotes, previous: Claim | None) -> Claim | None:
    """The claim a clause makes, or None (actions, analysis, unattributed text)."""
    found = find_cues(text, clause.start, clause.end)
    if _is_analysis(text, clause, found):
        return None
    # a cue quoted on its own ("ông Ushakov đã “khuyên” ông Sullivan") is the reporter's scare quote
    quoted = [c for c in found if _inside(c.start, quotes) and not _scare_quoted(text, c, quotes)]
    opening = CONDITION_OPENING.match(text, clause.start)
    if opening and clause.inherits_subject and previous and previous.clause.sentence is clause.sentence:
        # "..., với điều kiện Nga cũng cam kết làm điều tương tự": the condition is the speaker's ask; the verbs in it
        # are what the other side must do, not its words
        found = [c for c in found if c.start < opening.end()]
    v = _View(text, clause,
              cues=[c for c in found if c not in quoted and not c.noun],
              inner=quoted,
              local=[m for m in mentions if clause.start <= m.start < clause.end and not _inside(m.start, quotes)],
              mentions=mentions, quotes=quotes)
    if clause.sentence.block.role == "headline":  # terse: only "Subject cue ..." counts
        return None if clause.inherits_subject else _cue_claim(v, None)
    same_sentence = previous if previous and previous.clause.sentence is clause.sentence else None
    finders = (lambda: _document_claim(v), lambda: _closing_theo_claim(v), lambda: _cue_claim(v, same_sentence),
               lambda: _opener_claim(v),
               lambda: _theo_claim(v), lambda: _inserted_theo_claim(v), lambda: _continued_claim(v, same_sentence))
    claim = next((c for c in (find() for find in finders) if c is not None and _says_something(text, c)), None)
    if claim is None:
        return None
    lo, hi = claim.content
    kind_cue = next((c for c in v.all_cues() if lo <= c.start < hi and _gives(c, claim.kind) and not c.noun), None)
    _credit_speaker(v, claim, same_sentence, kind_cue)
    claim.object_from = _object_start(claim, v.all_cues())
    if kind_cue and kind_cue.content_only:
        claim.subject_of_cue = kind_cue.start
    return claim


def _gives(cue: Cue, kind: str) -> bool:
    """The cue gives this kind: its own, or a want or an ought that asks a party ("mong muốn các đồng minh ...",
    "nói với các phóng viên rằng Nga cần ...": a demand)."""
    return cue.kind == kind or (cue.kind in ("want", "ought") and kind == "demand")


def _object_start(claim: Claim, cues: list[Cue]) -> int:
    """ "ông Grushko nói rằng Nga không thể chấp nhận việc liên minh ...": the object follows the cue
    that gave the kind, not the speech verb."""
    lo, hi = claim.content
    kind_cue = next((c for c in cues if lo <= c.start < hi and _gives(c, claim.kind) and not c.noun), None)
    if kind_cue and not kind_cue.content_only:
        return kind_cue.end
    # "phương Tây cần phải ...", "Nếu phương Tây ..., chúng tôi sẽ buộc phải ...": named before the modal
    return claim.cue.end if claim.cue and lo <= claim.cue.start < hi else lo


ACTION_CHARGE = re.compile(r"với\s", re.I)   # "Mỹ áp lệnh trừng phạt Nga với cáo buộc ...": the charge behind an act
OPENING_OBJECT = re.compile(r"\b(?:của|cựu|dưới thời|tại|ở|với|đối với|tới|đến|từ|vào|giữa)\s*$", re.I)


def _acting_subject(v: _View, cue: Cue) -> list[Mention]:
    """Who acts in the clause ("Mỹ và phương Tây đã trục xuất ... với cáo buộc ..."): the party that
    opens it with those coordinated with it, not the party acted on right before the cue."""
    before = [m for m in v.local if v.clause.start <= m.start and m.end <= cue.start]
    if not before or before[0].start - v.clause.start > 40:
        return []
    if OPENING_OBJECT.search(v.text[v.clause.start : before[0].start]):
        return []
    group = [before[0]]
    for m in before[1:]:
        if not COORDINATION.match(v.text[group[-1].end : m.start]):
            break
        group.append(m)
    return _one_per_party(group)


def _subject_of(v: _View, cue: Cue, same_sentence: Claim | None) -> list[Mention] | None:
    """The holders of what the cue attributes; None when the clause must be dropped."""
    if ACTION_CHARGE.match(v.text, cue.start):
        return _with_parties(v, _acting_subject(v, cue))
    if PURPOSE.search(v.text, max(v.clause.start, cue.start - 8), cue.start):
        return _with_parties(v, _purpose_holder(v))
    agents = _agents_before(v.local, cue.start, v.text, v.clause.start)
    opener = v.text[max(v.clause.start, agents[0].start - 14) : agents[0].start].strip().lower() if agents else ""
    if opener.endswith("được"):
        return None  # passive "được phía Nga nhắc lại": restates what was reported before
    if agents and _names_media(v.text[v.clause.start : agents[0].start]):
        return None  # "Hãng thông tấn TASS của Nga cho biết": the press reports, the party does not speak
    if opener.endswith(_reciprocal()) and len(agents) > 1:
        return None  # "cả hai phía Nga và NATO ...": a stand-off described, not a party's stance
    if agents and not _subject_ok(v.text, agents[-1].end, cue.start):
        agents = []
    if not agents and v.clause.inherits_subject and not _own_subject(v.text, v.clause.start, cue.start):
        agents = same_sentence.agents if same_sentence else _sentence_subject(v)
        if agents and v.clause.sentence.start <= agents[0].start and _names_media(
                v.text[v.clause.sentence.start : agents[0].start]):
            return None  # "Kênh truyền hình Al-Alam của Iran, dẫn các nguồn tin ..., cho rằng": the press, past a gap
    return _with_parties(v, agents)


KINDS_OF_VERB = frozenset(KINDS) - {"statement"}  # the kinds a verb can name: "kêu gọi", "bác bỏ", "cảnh báo"


AND_OPENING = re.compile(r"[\s,]*(?:và|đồng\s+thời)\s", re.I)


def _verb_kind(cue: Cue) -> str | None:
    """The kind the cue's verb itself names ("cảnh báo": a warning), if it is an affirmed verb of one."""
    return cue.kind if cue.kind in KINDS_OF_VERB and not (cue.noun or cue.negated) else None


ACCUSING = frozenset({"cáo buộc", "tố cáo", "buộc tội"})  # charges against another: the accuser's words
PURPOSE = re.compile(r"\b(?:nhằm|để)\s+$", re.I)  # "triệu tập Đại sứ Séc nhằm phản đối ...": why the act was done
CONTRASTS = r"nhưng|song|tuy nhiên"
ADDITIONS = r"đồng thời|và"
# the words a clause break opens with ("..., trong đó đòi NATO ...": what a document published holds)
CONJUNCTIONS = f"{CONTRASTS}|{ADDITIONS}|trong đó"
CLAUSE_HEAD = re.compile(r"^[\s,;]*(?:(?:%s|sau khi|trước khi|khi)\b[\s,]*)*$" % CONJUNCTIONS, re.I)


def _purpose_holder(v: _View) -> list[Mention]:
    """Who protests by acting: the subject of the act the purpose clause follows ("Bộ Ngoại giao Nga triệu
    tập Đại sứ Séc nhằm phản đối ..."), not its object; the sentence's subject when the act has none
    in the clause ("Đại sứ Nga ... sau khi rời Mỹ nhằm phản đối ...")."""
    first = v.local[:1]
    if first and CLAUSE_HEAD.match(v.text[v.clause.start : first[0].start]):
        return first
    return _sentence_subject(v)


BREAK_WORDS = re.compile(r"^[\s,;]*(?:(?:%s)\b[\s,]*)*" % CONJUNCTIONS, re.I)


def _own_subject(text: str, start: int, cue_start: int) -> bool:
    """ "..., nhưng một nguồn tin quân sự cho biết": a noun phrase no party names is the verb's own
    subject, so the clause does not go on with the sentence's (adverbs alone, "nhưng cũng cho biết", do)."""
    lead = text[start:cue_start]
    words = lead[BREAK_WORDS.match(lead).end() :].lower().replace(",", " ").split()
    return any(w not in _adverbs() and not any(ch.isdigit() for ch in w) for w in words)


@functools.lru_cache(maxsize=1)
def _adverbs() -> frozenset[str]:
    return frozenset(w for phrase in load_cues().get("subject_adverbs") or () for w in phrase.split())


def _with_parties(v: _View, agents: list[Mention]) -> list[Mention]:
    """A title naming no party ("người phát ngôn Bộ Ngoại giao Lê Thị Thu Hằng") speaks for the side a
    "Về phía Việt Nam, ..." opener names, else holds nothing (the next cue may have a subject)."""
    if all(a.actors or not a.role for a in agents):
        return agents
    side = _side_opener(v)
    if side is None:
        return [a for a in agents if a.actors or not a.role]
    return [a if a.actors or not a.role else replace(a, actors=side.actors) for a in agents]


def _side_opener(v: _View) -> Mention | None:
    if not v.local or v.clause.start != v.clause.sentence.start:
        return None
    first = v.local[0]
    opened = SIDE_OPENER.match(v.text[v.clause.start : first.start]) or (
        not v.text[v.clause.start : first.start].strip() and v.text[first.start : first.end].lower().startswith("phía "))
    # ("Phía Iran, người phát ngôn Bộ Ngoại giao Abbas Mousavi nói ...": "phía" is part of the mention)
    return first if opened and first.actors and v.text[first.end : first.end + 1] == "," else None


def _is_belief(text: str, cue: Cue) -> bool:
    return text[cue.start : cue.end].lower() in (load_cues().get("belief") or ())


def _cue_claim(v: _View, same_sentence: Claim | None) -> Claim | None:
    """Subject + attribution cue: "Nga đã bác bỏ ...", "“...”, ông X cho biết", "..., ông X nói"."""
    quoted_first = _leading_quote(v.text, v.clause, v.quotes)
    relayed = _relayed_by_medium(v, quoted_first) if quoted_first else None
    if relayed:
        return relayed
    if not quoted_first and (said_after := _said_after(v, same_sentence)):
        return said_after
    for cue in v.cues:
        if cue.content_only or PASSIVE.search(v.text, max(v.clause.start, cue.start - 12), cue.start):
            continue  # "Nga bị nghi ngờ ...": the subject undergoes it, someone else says it
        agents = _subject_of(v, cue, same_sentence)
        if agents is None:
            return None
        if agents and same_sentence is not None and _judges(v.text, cue) and AND_OPENING.match(v.text, v.clause.start) \
                and not {a for m in agents for a in m.actors} & {a for m in same_sentence.agents for a in m.actors}:
            # "Ông Stoltenberg khẳng định ..., và Nga không có “quyền phủ quyết” ...": the party judged goes on with
            # the words of the sentence's speaker
            agents = same_sentence.agents
        if not agents:
            # "Bình luận về biện pháp đáp trả của Nga, ông Hamacek cho biết": a later speech verb may have one
            if _is_belief(v.text, cue):
                return None  # an analyst's reading: "X tin rằng Trung Quốc sẵn sàng ..." holds no position
            if cue.kind == "speech" or any(c.kind == "speech" and c.start > cue.end for c in v.cues):
                continue
            return None
        if quoted_first and cue.start > quoted_first[1]:
            kind = _quotation_kind(v, quoted_first)
            if kind == "statement":  # "“Hậu quả sẽ rất nghiêm trọng”, ông X cảnh báo.": the verb says what they are
                kind = _verb_kind(cue) or kind
            agents = _quoted_speaker(v, quoted_first) or agents
            return Claim(v.clause, agents, cue, kind, quoted_first, quoted_first, True, [])
        trailing = _trailing_attribution(v.text, v.clause, agents, cue)
        if trailing:
            return _trailing_claim(v, agents, cue, trailing)
        inner = _nested(v, cue, agents) if cue.kind == "speech" else None
        if inner is not None:  # "Ukraine cho biết Ngoại trưởng Italy cũng bày tỏ ...": Italy's position
            agents, cue = inner
        kind = _cue_kind(cue, v, frozenset(a for m in agents for a in m.actors))
        start = min(a.start for a in agents) if agents[0].start >= v.clause.start else v.clause.start
        if v.text[start - 1 : start] == "(":  # "Ngoại trưởng Nhóm 7 ... (G7) cùng EU lên án": from the full name
            start = v.clause.start
        content = (cue.start, v.clause.end)
        return Claim(v.clause, agents, cue, kind, content, v.span_from(start), _has_quote(content, v.quotes),
                     _shared(v, agents))
    return None


def _said_after(v: _View, same_sentence: Claim | None) -> Claim | None:
    """ "Nga sẵn sàng đối thoại với NATO, ông Peskov nói thêm.": the speech verb closing the sentence names who said
    it, whatever subject and cue the words before have."""
    cue = next((c for c in reversed(v.cues) if c.kind == "speech" and not c.content_only), None)
    if cue is None or not CLOSING_TAIL.fullmatch(v.text, cue.end, v.clause.end) \
            or v.text[cue.start : cue.end].lower() in lexicon_words("stance_verbs"):
        return None  # "..., Ethiopia phản đối": a stance taken against the words, not their source
    agents = _subject_of(v, cue, same_sentence)
    if not agents or len(agents) != 1 or agents[0].start <= v.clause.start \
            or v.text[agents[0].end : cue.start].strip() or v.text[agents[0].start - 2 : agents[0].start] != ", ":
        return None
    first = next((c for c in v.cues if c.end <= agents[0].start and not c.content_only and c.kind != "speech"), None)
    holders = _subject_of(v, first, same_sentence) if first else None
    if not holders or any(m.person or m.pronoun for m in holders):
        # no cue with a subject of its own before: the usual reading finds this speaker; a person's words
        # ("Thủ tướng Merkel đề nghị ..., người phát ngôn Seibert cho biết") are his, the spokesman relays them
        return None
    trailing = _trailing_attribution(v.text, v.clause, agents, cue)
    return _trailing_claim(v, agents, cue, trailing) if trailing else None


def _trailing_claim(v: _View, agents: list[Mention], cue: Cue, trailing: tuple[int, int]) -> Claim:
    kind = _kind_of(v.all_cues(), v.clause.start, v.text, v.mentions, trailing[1])
    if kind == "statement":  # "Các bên cần kiềm chế ..., Ngoại trưởng Vương Nghị kêu gọi."
        kind = _verb_kind(cue) or kind
    return Claim(v.clause, agents, cue, kind, trailing, v.span_from(v.clause.start), _has_quote(trailing, v.quotes), [])


QUOTE_OPENING_CHARS = 3  # a quotation mark and a space


def _quoted_speaker(v: _View, quoted: tuple[int, int]) -> list[Mention] | None:
    """A quotation opening with a named person and his verb ('"Tổng thống Biden nói rõ rằng ...", Nhà Trắng
    cho biết'): he voiced the words; the reporter (a readout, another party) relays them."""
    first = next((m for m in v.mentions if quoted[0] <= m.start <= quoted[0] + QUOTE_OPENING_CHARS), None)
    if first is None or not first.person or not first.actors:
        return None
    cue = next((c for c in v.inner if first.end <= c.start < quoted[1]), None)
    if cue is None or cue.noun or cue.content_only or not _subject_ok(v.text, first.end, cue.start):
        return None
    return [first]


REPORTED_OPENER = re.compile(
    r"""\s*(?:rằng\s*)?[,:]?\s*$   # "cho biết rằng", "cho biết:", "cho biết," before the reported subject
      | \s*(?:rằng\s*)?,?\s*trong\s+cuộc\s+[^,.;:“”"]{2,40},\s*$   # "cho biết, trong cuộc điện đàm, ông Putin ..."
      # "cho biết đầu tuần này, tại Kiev, Tổng thống Zelensky đã cam kết ...": when and where the reported words were said
      | \s*(?:rằng\s*)?,?\s*(?:(?:hôm|ngày|sáng|trưa|chiều|tối|đầu|giữa|cuối|tuần|tháng)\s[^,.;:“”"]{1,30},\s*)?
        (?:tại\s+[^,.;:“”"]{2,30},\s*)?$
    """,
    re.X,
)


def _nested(v: _View, outer: Cue, reporters: list[Mention]) -> tuple[list[Mention], Cue] | None:
    """A report of another party's words: the reported content opens with its own subject and cue
    ("Quân đội Indonesia cho biết Australia, Mỹ và Đức cũng đã đề nghị hỗ trợ"). The inner subject
    holds the position when it speaks in person or asks, rejects, offers or warns; the reporter only
    relays it. A speaker naming his own side ("Ông Blinken khẳng định Mỹ sẵn sàng ...") keeps it, and so does one
    giving his view or charge of the other ("Ông Kozak cho rằng Kiev tiếp tục từ chối đối thoại ...")."""
    if _is_belief(v.text, outer) or v.text[outer.start : outer.end].lower() in ACCUSING:
        return None
    for cue in v.cues:
        if cue.start <= outer.end or cue.content_only or cue.negated and cue.kind != "rebuttal":
            continue
        if _judges(v.text, cue):
            return None  # "Ông Pompeo khẳng định Bắc Kinh không có cơ sở pháp lý ...": China judged, not speaking
        agents = _agents_before(v.local, cue.start, v.text, outer.end)
        if not agents or not REPORTED_OPENER.match(v.text[outer.end : agents[0].start]) \
                or not _subject_ok(v.text, agents[-1].end, cue.start):
            return None  # "Ukraine cáo buộc Nga hậu thuẫn cho lực lượng đòi ...": "đòi" is not Nga's verb
        if any(agents[-1].end <= c.start < cue.start and (c.kind == "ought" or c.content_only) for c in v.cues):
            return None  # "Ông Lavrov nói London nên dùng ảnh hưởng để thúc giục Kiev ...": London is asked, not asking
        own = {x for r in reporters for x in r.actors}
        if not own:
            return None  # "ông" (resolved later) or a person no party speaks through: nothing to relay
        speaks_in_person = any(a.role or a.person for a in agents)
        # "Bộ trưởng Estonia tuyên bố ba nước Baltic sẵn sàng ...": a group of his own side is his own side
        own_group = any(a.grouped and set(a.actors) & own for a in agents)
        if (cue.kind != "speech" or speaks_in_person) and any(a.actors for a in agents) and not own_group \
                and not {x for a in agents for x in a.actors} <= own:
            return _with_parties(v, agents), cue
        # "Trợ lý Yuri Ushakov cho biết ông Putin nhấn mạnh ...": his side's leader took the position, he relays it
        # (an order he gave is the act the spokesman announces: "John Kirby cho biết Bộ trưởng Austin đã ra lệnh ...")
        if any(a.person and a.person not in {r.person for r in reporters} for a in agents) and not own_group \
                and v.text[cue.start : cue.end].lower() not in lexicon_words("orders"):
            return agents, cue
        return None  # "Tổng thống Pháp cho biết Nga cam kết ...": France's account of Russia's words
    return None


def _sentence_subject(v: _View) -> list[Mention]:
    """The subject of the sentence's first clause ("TPO - Ngày 26/1, Mỹ gửi ..."), for a clause
    that continues it ("... nhưng yêu cầu Mátxcơva ...")."""
    s = v.clause.sentence
    # named before the sentence's first verb: "Tổng biên tập ... viết rằng Trung Quốc ..., và cho rằng ..." goes on
    # with the editor, not with a party his words name
    # (not a verb opening the sentence: "Phát biểu tại phiên họp, Đại sứ Trương Quân, ..., kêu gọi ...")
    verbs = (c.start for c in find_cues(v.text, s.start, v.clause.start)
             if not c.noun and c.kind == "speech" and v.text[s.start : c.start].strip())
    first_verb = next(verbs, v.clause.start)
    before = [m for m in v.mentions if s.start <= m.start < first_verb and not _inside(m.start, v.quotes)]
    member = _member_named(before, before[0], v.clause.start, v.text) if before and not before[0].person else None
    return [member] if member else _opening_group(v.text, before, s.start)


def _opening_group(text: str, before: list[Mention], start: int) -> list[Mention]:
    """The first party and those coordinated with it when they open the sentence (or follow an opener and its comma):
    "Pháp, Đức và Anh hôm qua ra tuyên bố chung, kêu gọi ...": all three call; not "Căng thẳng giữa Praha và
    Moscow ...". A comma joins only inside a list that "và" closes."""
    group = before[:1]
    lead = text[start : group[0].start].strip() if group else ""
    if lead and not lead.endswith(","):
        return group
    for m in before[1:]:
        gap = text[group[-1].end : m.start]
        if not (COORDINATION.match(gap) or LIST_COMMA.match(gap)):
            break
        group.append(m)
    while len(group) > 1 and not COORDINATION.match(text[group[-2].end : group[-1].start]):
        group.pop()  # "Mỹ, Anh ra ...": no "và", no list
    return _one_per_party(group) if all(_bare_party(m) for m in group) else group[:1]


# what may follow a verb closing the sentence: "thêm", a time (", ông X cảnh báo hôm 17/1.")
CLOSING_TAIL = re.compile(r"\s*(?:thêm|(?:hôm|ngày|tối|sáng|chiều)\s+\S+)?\s*[.!?…]*\s*", re.I)


def _trailing_attribution(text, clause, agents, cue) -> tuple[int, int] | None:
    """ "Mỹ đặt 8.500 binh sĩ trong tình trạng sẵn sàng, người phát ngôn Lầu Năm Góc cho biết.":
    the words before ", <speaker> <speech verb>" at the end of the sentence are what was said; so with a verb that
    says what they are (", bà Sherman cảnh báo.")."""
    if (cue.kind != "speech" and not _verb_kind(cue)) or agents[0].start <= clause.start:
        return None
    before, after = text[clause.start : agents[0].start], text[cue.end : clause.end]
    if not before.rstrip().endswith(",") or len(before.split()) < 4 or len(after.split()) > 4:
        return None
    if cue.kind != "speech" and not CLOSING_TAIL.fullmatch(after):
        return None  # "Tại cuộc họp báo, ông Lavrov bác bỏ lời kêu gọi này": the verb has its object after it
    return (clause.start, clause.start + len(before.rstrip().rstrip(",").rstrip()))


def _cue_kind(cue: Cue, v: _View, holders: frozenset[str]) -> str:
    if cue.kind == "demand" and directs_own_ranks(v.text, cue):
        return "statement"
    if cue.kind == "want":
        return _kind_of([cue], cue.start, v.text, v.mentions, v.clause.end)
    if cue.kind != "speech" and not (cue.negated and cue.kind in ("demand", "proposal", "warning")):
        return cue.kind
    said_from = _reported_from(v, cue)
    rest = [c for c in v.all_cues() if c.start >= said_from]
    if _is_belief(v.text, cue) or v.text[cue.start : cue.end].lower() in ACCUSING:
        # "Ông Kozak cho rằng Kiev tiếp tục từ chối đối thoại ...": a view of what another party does or refuses
        # states it (what the other should do is still asked of it)
        speakers = {a for m in v.mentions if m.end <= cue.start for a in m.actors}
        rest = [c for c in rest if c.kind in ("ought", "want") or c.content_only or _judges(v.text, c)
                or not _acted_by_another(v, c, said_from, speakers)]
    # the holders, not every party named before: "Moscow cho rằng Mỹ đã không ..., đồng thời cho rằng Washington cần
    # rút ..." asks the US
    return _kind_of(rest, said_from, v.text, v.mentions, v.clause.end, holders)


def _judges(text: str, cue: Cue) -> bool:
    """ "vô căn cứ", "không có cơ sở": the speaker judges a claim; whoever is named before it does not act."""
    said = " ".join(text[cue.start : cue.end].lower().translate(QUOTE_MARKS).split())  # 'không có "quyền phủ quyết'
    return said in lexicon_words("judgements")


JUDGED_REACH = 60  # characters before a judgement that name what it judges ("gọi quyết định của Mỹ là “phá hoại” và")


def _judges_an_act(text: str, at: int) -> bool:
    """What is judged, in the words of its sentence before the judgement, names a decision or measure ("quyết định
    trục xuất", "các mức thuế") and no claim."""
    lo = max(text.rfind(".", 0, at), text.rfind("\n", 0, at), at - JUDGED_REACH)
    judged = text[lo:at].lower()
    return (any(has_word(judged, w) for w in lexicon_words("act_nouns"))
            and not any(has_word(judged, w) for w in lexicon_words("claim_nouns")))


ACT_SUBJECT_WORDS = 3  # adverbs between a subject and its verb: "Kiev tiếp tục từ chối", "Nga đã nhiều lần bác bỏ"


def _acted_by_another(v: _View, cue: Cue, after: int, speakers: set[str]) -> bool:
    """The cue's subject, a few words before it, is a party other than the speaker's."""
    subject = next((m for m in reversed(v.mentions) if m.actors and after <= m.start and m.end <= cue.start), None)
    if subject is None:
        return False
    between = v.text[subject.end : cue.start]
    return "," not in between and len(between.split()) <= ACT_SUBJECT_WORDS and not set(subject.actors) & speakers


THAT = re.compile(r"\brằng\b", re.I)


def _reported_from(v: _View, cue: Cue) -> int:
    """Where the reported words start: after the "rằng" that ends the verb's setting ("nhận định trong
    “Báo cáo Đánh giá Mối đe dọa” được công bố tuần trước rằng, ..."), so that a quoted title's words
    give no kind; right after the verb when no such "rằng" follows or a kind cue stands before it."""
    that = THAT.search(v.text, cue.end, min(v.clause.end, cue.end + SETTING_GAP_CHARS))
    if that is None or any(cue.end <= c.start < that.start() for c in v.cues if c.kind != "speech"):
        return cue.end
    return that.end()


def _scare_quoted(text: str, cue: Cue, quotes) -> bool:
    return any(qs <= cue.start and cue.end <= qe and not text[qs:cue.start].strip() and not text[cue.end:qe].strip()
               for qs, qe in quotes)


def _has_quote(content, quotes) -> bool:
    return any(content[0] <= qs < content[1] for qs, _ in quotes)


THEO_OPENING = re.compile(r"\s*theo\s", re.I)


def _continued_claim(v: _View, same_sentence: Claim | None) -> Claim | None:
    """ "..., nhưng “điều đó yêu cầu Nga ...”": more of the words the same subject was reporting; and every clause of
    a sentence a "Theo X," opener attributes ("Theo ông Price, Mỹ sẽ không ..., và Tehran cần quay lại ...")."""
    reported = (v.clause.inherits_subject and same_sentence and same_sentence.cue
                and same_sentence.cue.kind == "speech")
    opened = (same_sentence is not None and THEO_OPENING.match(v.text, v.clause.sentence.start) is not None
              and (same_sentence.cue is None or _opens_with_subject(v)))
    if not (reported or opened):
        return None
    # whose words they are: the reporting subject, not every party named before the clause
    heard = same_sentence.agents + [m for m in v.mentions if m.start >= v.clause.start]
    kind = _kind_of(v.all_cues(), v.clause.start, v.text, heard, v.clause.end)
    content = (v.clause.start, v.clause.end)
    return Claim(v.clause, same_sentence.agents, None, kind, content, v.span_from(v.clause.start),
                 _has_quote(content, v.quotes), [])


SUBJECT_REACH = 12  # characters from a clause's start to its own subject ("và Tehran cần ...", ", còn Moskva ...")


def _opens_with_subject(v: _View) -> bool:
    """A clause of a "Theo X, ..." sentence naming a party of its own as its subject is more of X's words, whatever
    cue the first clause had ("Theo ông Price, Mỹ sẽ không dỡ bỏ ..., và Tehran cần quay lại ...")."""
    return bool(v.local) and v.local[0].start - v.clause.start <= SUBJECT_REACH


def _opener_claim(v: _View) -> Claim | None:
    """ "Đổi lại, Nga sẽ ...": an opener that gives the kind, the subject right after it."""
    if v.clause.start != v.clause.sentence.start or not v.local:
        return None
    subject = v.local[0]
    head = v.text[v.clause.start : subject.start].strip(" ,").lower()
    _, _, openers = _lexicon()
    kind = next((k for k, words in openers.items() if head in words), None)
    if kind is None:
        return None
    content = (subject.end, v.clause.end)
    return Claim(v.clause, [subject], None, kind, content, v.span_from(subject.start),
                 _has_quote(content, v.quotes), [])


HEDGE = re.compile(r"\bcó\s+thể(?:\s+sẽ)?\s*$", re.I)  # "Washington có thể sẽ cung cấp ...": may do


def _says_something(text: str, claim: Claim) -> bool:
    """A statement whose content is a mere anaphor ("xác nhận thông tin trên") states nothing; an act a party
    only may do, with no verb of its saying ("Washington có thể sẽ cung cấp thêm tên lửa ..."), is the writer's
    guess."""
    if claim.cue is not None and claim.cue.kind != "speech" and not claim.quoted \
            and HEDGE.search(text, max(claim.clause.start, claim.cue.start - 14), claim.cue.start):
        return False
    if claim.clause.subordinate and claim.cue is not None and not text[claim.cue.end : claim.clause.end].strip(" ,"):
        return False  # "Dù Mỹ nhiều lần cảnh báo, Nga vẫn ...": a stance recalled, its words not given
    if claim.kind != "statement" or claim.cue is None or claim.quoted:
        return True
    lo = claim.cue.end if claim.cue.end <= claim.content[1] else claim.content[0]  # trailing attribution
    if _reports_contact_only(text, lo, claim.content[1]):
        return False
    words = text[lo : claim.content[1]].split()
    if len(words) >= load_cues().get("min_statement_words", 4):
        return True
    if text[claim.cue.start : claim.cue.end].lower() in lexicon_words("stance_verbs"):
        return True  # the verb is the stance: "... để phản đối động thái này"
    # a stance named in a few words says something: "Mỹ và Slovakia bày tỏ ủng hộ Séc"
    return any(not c.noun for c in find_cues(text, lo, claim.content[1]))


@functools.lru_cache(maxsize=1)
def _contact() -> re.Pattern:
    words = sorted(lexicon_words("contacts"), key=len, reverse=True)
    verbs = "|".join(re.escape(w).replace("\\ ", r"\s+") for w in words)
    # "(rằng) (ông / Tổng thống X) đã điện đàm (qua điện thoại) với ...": a subject of a few words, no clause between
    return re.compile(r"\W*(?:rằng\s+)?[^,.;:“”\"]{0,60}?\b(?:đã|vừa)\s+(?:%s)"
                      r"(?:\s+qua\s+điện\s+thoại|\s+trực\s+tuyến)?\s+với\s+(?P<whom>[^,;:“”\"]*)$" % verbs, re.I)


def _reports_contact_only(text: str, lo: int, hi: int) -> bool:
    """Words that only report a call or meeting held, saying nothing of what was said ("cho biết ông đã điện đàm
    với Tổng thống Azerbaijan Ilham Aliyev tối thứ Ba"); "... để thông báo ý định ..." says more."""
    found = _contact().match(text[lo:hi].rstrip(" .…"))
    return found is not None and not any(not c.noun for c in find_cues(text, lo + found.start("whom"), hi))


def _credit_speaker(v: _View, claim: Claim, same_sentence: Claim | None, kind_cue: Cue | None) -> None:
    """A party named inside a person's reported words is that person speaking for it: "Theo ông
    Lavrov, Nga ...", "Putin cho biết ..., tuy nhiên Moscow sẵn sàng ..."; and a person of the party
    the institution reports about: "Bộ Ngoại giao Mỹ cho biết ông Blinken kêu gọi Nga ..."."""
    if any(a.person for a in claim.agents):
        return
    parties = {a for m in claim.agents for a in m.actors}
    theo = _theo_speaker(v)
    if theo is not None and theo.pronoun and not theo.person and not theo.actors:
        claim.agents = [theo]  # "Theo ông, Nga ...": resolved to the last speaker like any bare "ông"
        return
    if theo is not None and theo.role and theo.actors and claim.cue is not None and claim.cue.content_only:
        # "Theo Ngoại trưởng Anh, bất kỳ cuộc xâm nhập nào của Nga ... sẽ là “một sai lầm”": the office says it
        claim.agents = [theo]
        return
    if theo is None and same_sentence and len(same_sentence.agents) == 1 and same_sentence.agents[0].person:
        theo = same_sentence.agents[0] if same_sentence.cue and same_sentence.cue.kind == "speech" else None
    if theo is None and kind_cue and claim.cue and claim.cue.kind == "speech" and kind_cue.start > claim.cue.end:
        reported = _agents_before(v.local, kind_cue.start, v.text, claim.cue.end)
        theo = reported[0] if len(reported) == 1 and _subject_ok(v.text, reported[0].end, kind_cue.start) else None
    if theo is not None and theo.person and theo.actors and parties == set(theo.actors[:1]):
        claim.agents = [theo]


def _theo_speaker(v: _View) -> Mention | None:
    """The speaker of a "Theo ông X, ..." / "Theo Bộ Quốc phòng Nga, ..." opener."""
    if not v.local or v.clause.start != v.clause.sentence.start:
        return None
    first = v.local[0]
    if not (first.actors or first.pronoun) or not THEO_SPEAKER.match(v.text[v.clause.start : first.start]):
        return None
    return first if _theo_close(v.text, first) is not None else None


def _theo_close(text: str, first: Mention) -> int | None:
    """Where the words after a "Theo X," opener start; a speaker in apposition ends with its comma ("Theo bà
    Mélanie Joly, Ngoại trưởng Canada, ...")."""
    if text[first.end - 1] == ",":
        return first.end
    closed = THEO_CLOSE.match(text[first.end : first.end + 60])
    return first.end + closed.end() if closed else None


def _theo_claim(v: _View) -> Claim | None:
    """ "Theo ông Lavrov, Nga ..." with no cue of its own: the opener attributes the sentence."""
    first = _theo_speaker(v)
    if first is None:
        return None
    end = v.clause.end
    if len(v.text[first.end + 1 : end].split()) < load_cues().get("min_statement_words", 4):
        # "Theo bà, 30 năm | sau khi tái thống nhất, nước Đức cần ...": the opener attributes the whole
        # sentence, not only the few words before a clause break
        end = v.clause.sentence.end
    # what is claimed starts after the opener's comma ("Theo thông cáo của X ngày 20/4, ..." dates it; "Theo người
    # phát ngôn này, phía Ấn Độ nên ...": the party the content opens with is asked)
    content = (_theo_close(v.text, first), end)
    kind = _kind_of(v.all_cues(), content[0], v.text, v.mentions, end)
    # "Theo ngoại trưởng ba nước, ...": each party the counted group names
    agents = [m for m in v.local if (m.start, m.end) == (first.start, first.end) and m.actors] or [first]
    return Claim(v.clause, agents, None, kind, content, (v.clause.start, _trim_end(v.text, v.clause.start, end)),
                 _has_quote(content, v.quotes), [])


BEST_WAY = re.compile(r"\b(?:giải\s+pháp|cách)\s+tốt\s+nhất\b[^.;]{0,40}?\blà\s+", re.I)
FORCED = re.compile(r"\bsẽ\s+buộc\s+(?:\S+\s+){1,3}?$", re.I)
CONDITION_OPENING = re.compile(r"\W*(?:(?:nhưng|song)\s+)?(?:với\s+điều\s+kiện|miễn\s+là|chỉ\s+khi)\b", re.I)
INSERTED_THEO = re.compile(r",\s*theo\s+(?:ông|bà)(?:\s+[A-ZĐ][^\s,]*){0,3}\s*,\s*")


def _inserted_theo_claim(v: _View) -> Claim | None:
    """ "Nếu Moscow chọn con đường đối đầu, theo ông, NATO sẽ ...", "Mỹ, theo ông Triệu, cần ...": a "theo ông" set
    inside the sentence attributes all of it to him."""
    inserted = INSERTED_THEO.search(v.text, v.clause.start, v.clause.end)
    if inserted is None or len(v.text[inserted.end() : v.clause.end].split()) < load_cues().get("min_statement_words", 4):
        return None  # ("Dù vậy, theo bà Psaki, ...": the opener of the next clause, which _theo_claim reads)
    source = next((m for m in v.local if inserted.start() < m.start < inserted.end()), None)
    if source is None or not (source.person or source.pronoun):
        return None
    content = (v.clause.start, v.clause.end)
    others = [m for m in v.mentions if not inserted.start() <= m.start < inserted.end()]
    kind = _kind_of(v.all_cues(), v.clause.start, v.text, others, v.clause.end,
                    frozenset(source.actors) if source.actors else None)
    return Claim(v.clause, [source], None, kind, content, (v.clause.start, _trim_end(v.text, *content)),
                 _has_quote(content, v.quotes), [])


OWED = re.compile(r"\s*(?:\S+\s+){0,2}?(?:phải|cam kết|không được|sẽ không|cần)\b", re.I)


def _document_claim(v: _View) -> Claim | None:
    """ "Theo dự thảo, Mỹ cam kết không thiết lập căn cứ ...": a clause of a published document is its author's
    (the party `mentions._document_holder` found), whoever it binds; what it binds another party to is a demand
    on it."""
    first = _theo_speaker(v)
    if first is None or v.text[first.start : first.end].lower() not in _document_words():
        return None
    claim = _theo_claim(v)
    if claim is None or claim.kind != "statement":
        return claim
    bound = next((m for m in v.local[1:] if m.actors), None)
    if bound and not set(bound.actors) & set(first.actors) and OWED.match(v.text, bound.end):
        claim.kind = "demand"
    return claim


@functools.lru_cache(maxsize=1)
def _document_words() -> frozenset[str]:
    return frozenset(d.lower() for d in load_titles().get("documents") or ())


CLOSING_THEO = re.compile(r",\s*theo\s+(?:lời\s+(?:của\s+)?)?$", re.I)
CLOSING_TAIL_WORDS = 4  # words after the speaker's name: a time, a place ("hôm 25/1", "tại Brussels")


def _closing_theo_claim(v: _View) -> Claim | None:
    """ "Nga sẽ không chờ đợi ... vô thời hạn, theo lời Ngoại trưởng Nga Sergei Lavrov.": the speaker named after
    a closing "theo" holds the words before it, whoever they name."""
    last = v.local[-1] if v.local else None
    if last is None or not (last.actors or last.person) or v.clause.end != v.clause.sentence.end:
        return None
    opener = CLOSING_THEO.search(v.text, v.clause.start, last.start)
    if opener is None or len(v.text[last.end : v.clause.end].split()) > CLOSING_TAIL_WORDS:
        return None
    end = opener.start()
    if len(v.text[v.clause.start : end].split()) < load_cues().get("min_statement_words", 4):
        return None
    if not last.person and any(m.person and m.actors[:1] == last.actors[:1] for m in v.local if m.end <= end):
        return None  # "Ngoại trưởng Nga Sergei Lavrov cảnh báo ..., theo Bộ Ngoại giao Nga.": his ministry reports him
    content = (v.clause.start, end)
    kind = _kind_of(v.all_cues(), v.clause.start, v.text, v.mentions, end)
    return Claim(v.clause, [last], None, kind, content, (v.clause.start, _trim_end(v.text, *content)),
                 _has_quote(content, v.quotes), [])


MEDIUM_GAP = 40  # characters naming the medium between a quotation and "dẫn lời" ("hãng tin Reuters")
RELAYED_WORDS = re.compile(r"(?:(?:\S+\s+){1,3}?của\s+)?$")  # "dẫn bài phát biểu dự kiến của ông Morrison"


def _relayed_by_medium(v: _View, quoted: tuple[int, int]) -> Claim | None:
    """ "“...”, Taiwan News dẫn lời ông O'Brien ngày 30/10.": a medium quoting someone with no speech verb
    after the name; the one quoted holds the quotation."""
    relay = _medium_relay().match(v.text, quoted[1], v.clause.end)
    if not relay:
        return None
    said_by = next((m for m in v.local if m.start >= relay.end()), None)
    if said_by and not RELAYED_WORDS.match(v.text, relay.end(), said_by.start):
        said_by = None  # the one quoted comes right after the verb, or after "(bài phát biểu dự kiến) của"
    if said_by is None or not (said_by.actors or said_by.person) \
            or any(c.start > said_by.end for c in v.cues if c.kind == "speech"):
        return None  # "..., Reuters dẫn lời ông X cho biết": the speech verb's own claim
    kind = _quotation_kind(v, quoted)
    # no cue: a date written after the name is the medium's ("dẫn lời ông X ngày 30/10"), not when X said it
    return Claim(v.clause, [said_by], None, kind, quoted, quoted, True, [])


@functools.lru_cache(maxsize=1)
def _medium_relay() -> re.Pattern:
    words = "|".join(re.escape(w) for w in load_cues().get("media_quoting") or ())
    return re.compile(r"""[”"»]?\s*,\s*[^,.;:]{0,%d}?\b(?:%s)\s+""" % (MEDIUM_GAP, words), re.I)


def _quotation_kind(v: _View, quoted: tuple[int, int]) -> str:
    """The kind of a quotation the clause opens with (one opened in an earlier paragraph is read whole)."""
    cues = find_cues(v.text, *quoted) if quoted[0] < v.clause.start else v.inner
    return _kind_of(cues, quoted[0], v.text, v.mentions, quoted[1])


def _leading_quote(text: str, clause: Clause, quotes) -> tuple[int, int] | None:
    """A clause that opens with a quotation: its attribution follows ("“...”, ông X cho biết")."""
    for qs, qe in quotes:
        if qs < clause.start < qe:  # the quotation opened in an earlier paragraph
            return (qs, qe)
    head = text[clause.start : clause.start + 3].lstrip(" ,")
    if not head or head[0] not in "“\"«":
        return None
    for qs, qe in quotes:
        if clause.start <= qs <= clause.start + 3:
            return (qs, qe)
    return None


def _shared(v: _View, agents: list[Mention]) -> list[Mention]:
    """Parties named in "cũng giống như X" before the subject hold the same position."""
    _, shared, _ = _lexicon()
    lowered = v.text[v.clause.start : agents[0].start].lower() if agents[0].start >= v.clause.start else ""
    if not any(s in lowered for s in shared):
        return []
    return [m for m in v.local if m.end <= agents[0].start and m not in agents]


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " ,;.\u00a0\n":
        end -= 1
    return end


CONTINUING = re.compile(r"\s*[\"“]?(?:%s|ngoài ra)\b" % ADDITIONS, re.I)  # a sentence going on with the one before
CONTRASTING = re.compile(r"\s*[\"“]?(?:%s)\b" % CONTRASTS, re.I)
SEPARATE_ACTS = {"statement", "demand", "proposal"}  # kinds whose sentences in one quotation are positions apart
NEXT_SENTENCE = re.compile(r"[.!?]\s+[\"“]?(\w)")  # a full stop inside a quotation, and the next word's letter


def quoted_pieces(text: str, claim: Claim, mentions: list[Mention], quotes) -> list[Claim]:
    """A quotation of several sentences that state and ask or offer ("Chúng tôi vẫn chưa hiểu rõ mục đích ...
    . Chúng tôi kêu gọi phía Nga minh bạch hơn ...") is a position per run of sentences of one kind. Sentences
    that all state (or all ask ...) stay one position; so do a warning's or a rejection's, whose other sentences
    go on with it ("... sẽ là một sai lầm chiến lược. Cái giá phải trả sẽ rất đắt"), and a quotation whose kind
    a verb outside it gives ("cảnh báo: “...”")."""
    lo, hi = claim.content
    inside = [(qs, qe) for qs, qe in quotes if lo <= qs and qe <= hi + 1]
    if not inside:
        return [claim]
    qs, qe = max(inside, key=lambda q: q[1] - q[0])
    if claim.cue and claim.cue.kind != "speech" and claim.cue.start < qs:
        return [claim]
    cuts = [qs, *(m.start() + 1 for m in NEXT_SENTENCE.finditer(text, qs, qe) if m.group(1).isupper()), qe]
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]
    if len(pieces) < 2:
        return [claim]
    found = find_cues(text, qs, qe)  # once for the quotation: each call tokenizes its text
    # each piece read alone: a party named in an earlier sentence of the quotation is not its speaker ("Chúng tôi
    # muốn Nga giải thích ... . Moscow cần kiềm chế ...": an ask of Moscow)
    kinds = [_kind_of([c for c in found if a <= c.start < b], a, text, [m for m in mentions if not qs <= m.start < a],
                      b) for a, b in pieces]
    # a warning goes on with the statement before it ("Đây là thời khắc nguy hiểm. Thời gian cảnh báo đang ngắn lại":
    # dev-train reads such quotations as one), but after an ask it is an act of its own ("Nga cần rút quân ... . Không
    # ai nên nghi ngờ về những hậu quả nghiêm trọng nếu Moscow xâm lược")
    after_ask = {"warning"} if kinds[0] in ("demand", "proposal") else set()
    if len(set(kinds)) < 2 or not set(kinds) <= SEPARATE_ACTS | after_ask:
        return [claim]
    runs: list[list] = []
    for (a, b), kind in zip(pieces, kinds):
        # "... . Và chúng tôi sẽ ..." goes on; "... . Nhưng chúng tôi sẵn sàng thảo luận ...": an offer of its own
        # (a "but" sentence of another kind goes on: dev-train's "Nhưng ... 62 công dân Nga phải rời Séc")
        if runs and (runs[-1][2] == kind or CONTINUING.match(text, a, b)
                     or (kind != "proposal" and CONTRASTING.match(text, a, b))):
            runs[-1][1] = b
        else:
            runs.append([a, b, kind])
    out = []
    for a, b, kind in runs:
        a = a + len(text[a:b]) - len(text[a:b].lstrip())
        b = _trim_end(text, a, b)
        out.append(replace(claim, kind=kind, content=(a, b), span=(a, b), quoted=True, object_from=a))
    return out
