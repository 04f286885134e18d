"""Dates of claims: written for the claim, else carried from the same speaker, meeting or sentence.

GUIDELINES: the date is when the party took the position, as the text states or clearly implies;
never the publication date by default. Conventions (from the annotated articles): a speaker's later
words in the article take the date given with their earlier dated words, unless a vague "gần đây"
intervenes; words said "sau cuộc gặp" take the meeting's date; a sentence that continues the
previous one in the paragraph ("Theo đó, ...") takes its date.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from .attribution import Claim
from .cues import has_word, lexicon_words, opens_with
from .dates import DateMention
from .mentions import Mention, meeting_words
from .positions import Draft
from .reference import load_cues
from .segment import Sentence

SPEECH_NOUN = re.compile(
    r"""(?:tuyên\ bố|phát\ biểu|bình\ luận)\b[^.]{0,25}\bcủa\s*$  # "Đây là tuyên bố mới nhất của <X> ... ngày 30/1"
    """,
    re.X | re.I,
)


DAYS_APART = re.compile(
    r"""(?P<n>một|hai|ba|bốn|năm|\d{1,2})\s+ngày\s*$   # "... được đưa ra một ngày | sau khi NATO thông báo"
    """,
    re.X | re.I,
)
SUBORDINATE = re.compile(
    r"""(?:^|[\s,])(?:dù|mặc\ dù|dẫu|trong\ khi|nhưng|song)\s   # "..., dù cả hai bên đều nói ...": not the main clause
    """,
    re.X | re.I,
)
AHEAD_OF_MEETING = re.compile(r"\btrước\s+khi\s+(?:\S+\s+){0,3}?(?:cuộc|phiên|vòng)\s", re.I)
BACKGROUND_DAYS = 60  # a day this long before the meeting already dated is not its day
LEAD_SENTENCES = 3  # sentences of the article body that may give the news day
NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5}


class DateTracker:
    """What earlier sentences of one article tell later ones about dates."""

    def __init__(self):
        self.speaker_dates: dict[str, DateMention] = {}
        self.sentence_dates: dict[int, DateMention | None] = {}
        self.sentence_parties: dict[int, set[str]] = {}  # the parties whose words a sentence dated (no meeting)
        self.event_date: DateMention | None = None  # the day of the meeting last named with a date
        self.event_paragraph = -1  # ... and the paragraph that named it
        self.event_people: set[str] = set()  # ... and the people it named
        self.speech_date: DateMention | None = None  # the day of the speech or interview last named with one
        self.speech_parties: set[str] = set()  # ... and the parties named with it: whose words it dates
        self.lead_date: DateMention | None = None  # the first day named in the article's opening sentences
        # the parties named with the news day: whose undated words it dates (none named: anyone's)
        self.lead_parties: set[str] = set()
        self.dated_words: list[tuple[str, DateMention]] = []  # each dated position's party and day, in order
        self.seen_sentences = 0

    def date_for(self, text: str, claim: Claim, s_dates, s_mentions, speaker: Mention | None):
        """(date, how it was found: "own" | "occasion" | "shifted" | "speaker" | "event" | "sentence" | "")."""
        s = claim.clause.sentence
        cue_pos = claim.cue.start if claim.cue else claim.content[0]
        own = own_date(s_dates, claim.clause.dates_from, cue_pos) or attribution_date(text, claim, s_dates)
        if own:
            return own, "own"
        occasion = occasion_date(text, claim, s_dates)
        if occasion:
            return occasion, "occasion"
        shifted = self._days_apart(text, claim, s_dates, s_mentions)
        if shifted:
            return shifted, "shifted"  # arithmetic: used for the claim, not passed on to later sentences
        cue_end = claim.cue.end if claim.cue else cue_pos
        if is_vague(text[s.start : s.end]) or is_habitual(text, s.start, cue_pos, cue_end) or _habitual_subject(text, claim):
            return None, ""  # "Nga nhiều lần khẳng định ...": said again and again, on no one day
        if opens_with(text[s.start : s.end], "earlier"):  # "Trước đó, ...": before the day last named, on no day given
            return None, ""
        if speaker and speaker.person in self.speaker_dates:
            return self.speaker_dates[speaker.person], "speaker"
        time_shifted = claim.clause.dates_from > s.start  # "... sau khi X nói": another time than before
        continues = not time_shifted and (not s.first_in_block or continues_previous(text[s.start : s.end]))
        previous = self.sentence_dates.get(s.index - 1)
        holders = {a for m in claim.agents for a in m.actors}
        others = self.sentence_parties.get(s.index - 1, set())
        if others and not others & holders and not _names_any(text[s.start : cue_end], "immediate"):
            previous = None  # "Mỹ ngày 20/4 kêu gọi ... Đáp lại, Moscow nói ...": one party's date is not the reply's,
            # unless it came at once ("Bắc Kinh ngay lập tức gọi đây là ...")
        if continues and previous:  # "Hôm 12/1, Hội đồng NATO - Nga nhóm họp. Sau cuộc họp, ông X nói ..."
            return previous, "sentence"
        if _names_any(text[s.start : cue_end], "immediate"):  # a reply at once, a paragraph or a caption later
            answered = next((day for actor, day in reversed(self.dated_words) if actor not in holders), None)
            if answered:
                return answered, "event"
        if self.event_date and names_event(_attribution_words(text, claim)):
            return self.event_date, "event"
        if (self.event_date and 0 < s.block.paragraph - self.event_paragraph <= 2 and not time_shifted
                and speaker is not None and speaker.person in self.event_people):
            # "Ngày 12/1, ông Lavrov gặp ông Blinken ... <new paragraph> Ông Lavrov cũng nói ...": one who met, in the
            # paragraph after the meeting's, speaks of it (not a spokesman or another party: dev-train 3 of 3 undated)
            return self.event_date, "event"
        if continues and self.event_date and self.event_paragraph == s.block.paragraph:
            # "Phát biểu tại cuộc họp báo chung với ông Putin ngày 15/2, ông Scholz nói ... Tuy nhiên, ông Putin đáp lại
            # rằng ...": the other side's reply at the meeting the paragraph opened with is of its day
            return self.event_date, "event"
        if continues:
            return None, "sentence"
        speech = self.speech_date if holders & self.speech_parties else None
        if speech and not time_shifted and (self.event_date is None or self.event_date.start < speech.start):
            return speech, "event"  # "Trong thông điệp ngày 21/4, ông Putin ...": every line of it, until a meeting
        background = has_word(text[max(s.start, cue_pos - 12) : cue_pos].lower(), "đã")  # "Nga đã yêu cầu": earlier
        # the article's news day: the undated words of the parties named with it (dev-train: one side's press
        # conference or drill, then another side's stance given as background, is undated). A meeting's day is not
        # carried this far: words after it that neither name it nor continue its sentence are undated (dev-train
        # 9 of 9; heldout8, written by us, dated them)
        named = self.lead_parties
        if self.lead_date and not time_shifted and not background and (not named or holders & named):
            return self.lead_date, "event"
        return None, ""

    def _days_apart(self, text: str, claim: Claim, s_dates, s_mentions) -> DateMention | None:
        """ "Bình luận của ông Stoltenberg được đưa ra một ngày sau khi NATO thông báo ...": the day before
        the date of the sentence's first part (its own date, else its speaker's)."""
        s, shift_at = claim.clause.sentence, claim.clause.dates_from
        m = DAYS_APART.search(text[s.start : shift_at].rstrip())
        after = text[shift_at : shift_at + 10].lower()
        if shift_at <= s.start or not m or not after.startswith(("sau khi", "trước khi")):
            return None
        first = [d for d in s_dates if d.start < shift_at and d.precision == "day"]
        anchor = first[-1] if first else next(
            (self.speaker_dates.get(p.person) for p in s_mentions if p.person and p.start < shift_at), None)
        if anchor is None or anchor.precision != "day":
            return None
        count = m.group("n")
        days = int(count) if count.isdigit() else NUMBERS[count.lower()]
        days = -days if after.startswith("sau khi") else days
        value = (dt.date.fromisoformat(anchor.value) + dt.timedelta(days=days)).isoformat()
        return DateMention(shift_at, shift_at, value, "day")

    def remember(self, text: str, s: Sentence, s_mentions, s_dates, new_drafts: list[Draft]) -> None:
        """Carry dates forward: per meeting, per sentence and per speaker."""
        sentence = text[s.start : s.end]
        own = s_dates[-1] if s_dates else None
        days = [d for d in s_dates if d.precision == "day"]
        named = {a for m in s_mentions for a in m.actors}  # whose words a date set here may go on to
        meeting = names_event(sentence)
        if (days and meeting and not AHEAD_OF_MEETING.search(sentence) and not _other_meetings_dated(sentence)
                and not self._long_before_the_meeting(days[-1], sentence)):
            # (not "... vào tối Chủ nhật trước khi bước vào phiên họp chính thức": a day before the meeting)
            self.event_date, self.event_paragraph = days[-1], s.block.paragraph
            self.event_people = {m.person for m in s_mentions if m.person}
        speech_day = days[-1] if days else None
        if speech_day is None and meeting and self.event_date:
            # a statement issued after the meeting last dated ("trong thông cáo phát đi sau cuộc gọi") is of its day
            speech_day = DateMention(s.start, s.start, self.event_date.value, self.event_date.precision)
        if speech_day and names_speech(sentence):
            # whose speech it is: the parties whose words the sentence reports, not those they speak of
            speakers = {d.actor for d in new_drafts}
            self.speech_date, self.speech_parties = speech_day, speakers or named
        self.seen_sentences += 1
        # a date given for a speaker's words is not the news day; one given for an event whose sentence only
        # reports words in a subordinate clause is ("Sau 8 giờ đàm phán hôm 10/1, ..., dù cả hai bên đều nói ...")
        said_then = any(d.dated_by == "own" and not SUBORDINATE.search(text, s.start, d.span[0]) for d in new_drafts)
        if (days and self.lead_date is None and self.seen_sentences <= LEAD_SENTENCES and not is_vague(sentence)
                and not said_then):
            # "Ngày 17/12, Bộ Ngoại giao Nga đăng tải ...", "Sau 8 giờ đàm phán hôm 10/1, ...": the news day
            # (a date set at the head of the sentence or "hôm X", not one given for a speaker's words)
            d = days[0]
            said_on = text[max(s.start, d.start - 5) : d.start + 4].lower()
            if d.start - s.start <= 12 or "hôm" in said_on:
                self.lead_date, self.lead_parties = d, named
        inherited = next((d for d in new_drafts if d.date and d.dated_by != "shifted"), None)
        self.dated_words += [(d.actor, DateMention(s.start, s.start, d.date, d.date_precision))
                             for d in new_drafts if d.date]
        # a meeting or call is every side's: its date goes on to the other side's words ("Sau cuộc gặp, ...")
        self.sentence_parties[s.index] = set() if meeting else {d.actor for d in new_drafts if d.date}
        if own:
            self.sentence_dates[s.index] = own
        elif inherited:
            self.sentence_dates[s.index] = DateMention(s.start, s.start, inherited.date, inherited.date_precision)
        elif continues_previous(sentence) or not s.first_in_block:
            self.sentence_dates[s.index] = self.sentence_dates.get(s.index - 1)
        self._remember_speakers(text, s, s_mentions, own, new_drafts)

    def _long_before_the_meeting(self, day: DateMention, sentence: str) -> bool:
        """ "Trong tuyên bố chung được công bố sau cuộc họp, ... các biện pháp được thông qua ngày 22/7/2020": the
        meeting named is the one already dated, and the day, long before it, is another event's."""
        if self.event_date is None or self.event_date.precision != "day" or not _after_the_meeting_only(sentence):
            return False
        gap = dt.date.fromisoformat(self.event_date.value) - dt.date.fromisoformat(day.value)
        return gap.days > BACKGROUND_DAYS

    def _remember_speakers(self, text, s, s_mentions, own, new_drafts) -> None:
        vague = is_vague(text[s.start : s.end])
        for m in s_mentions:
            if not m.person:
                continue
            if vague:  # "những bình luận gần đây của ông X": his later words are undated
                self.speaker_dates.pop(m.person, None)
            elif own and SPEECH_NOUN.search(text[max(s.start, m.start - 60) : m.start]):
                self.speaker_dates[m.person] = own
        for d in new_drafts:
            if d.speaker and d.dated_by in ("own", "occasion", "event", "sentence"):
                self.speaker_dates[d.speaker] = DateMention(s.start, s.start, d.date, d.date_precision)


@functools.lru_cache(maxsize=1)
def _vague_words() -> tuple[str, ...]:
    return tuple(load_cues().get("vague_time") or ())


@functools.lru_cache(maxsize=1)
def _habitual_words() -> tuple[str, ...]:
    return tuple(load_cues().get("habitual") or ())


def is_habitual(text: str, sentence_start: int, cue_pos: int, cue_end: int | None = None) -> bool:
    """A habitual or past-repeated stance right before the cue or in it ("nhiều lần khẳng định", "luôn
    coi Đài Loan là": the cue pattern takes in "luôn")."""
    before = text[max(sentence_start, cue_pos - 16) : max(cue_pos, cue_end or 0)].lower()
    return any(has_word(before, w) for w in _habitual_words())


HABITUAL_REACH = 16  # characters after a subject for its adverb: "Moskva nhiều lần bác bỏ ..."


def _habitual_subject(text: str, claim: Claim) -> bool:
    """A verb sharing an earlier clause's subject shares its habit: "Moskva nhiều lần bác bỏ ..., khẳng định ..."."""
    agent = claim.agents[0] if claim.agents else None
    if agent is None or agent.end > claim.clause.start or agent.start < claim.clause.sentence.start:
        return False
    return is_habitual(text, agent.end, min(agent.end + HABITUAL_REACH, claim.clause.start))


def is_vague(text: str) -> bool:
    lower = text.lower()
    return any(has_word(lower, w) for w in _vague_words())


def continues_previous(sentence_text: str) -> bool:
    """ "Theo đó, ...", "... khi đó nhận định ...": the sentence goes on with the previous one's time."""
    if opens_with(sentence_text, "continuations"):
        return True
    head = sentence_text.lower().replace("trong khi đó", "")  # "meanwhile" is no time reference
    return any(has_word(head, w) for w in load_cues().get("anaphoric_time") or ())


def _attribution_words(text: str, claim: Claim) -> str:
    """The words that frame a claim: those before its cue, and after it when the quotation came first
    ('"...", Nhà Trắng cho biết trong thông cáo phát đi sau cuộc gọi')."""
    s = claim.clause.sentence
    if claim.cue is None:
        return text[s.start : claim.content[0]]
    before = text[s.start : claim.cue.start]
    if claim.quoted and claim.content[1] <= claim.cue.start:
        return before[claim.content[1] - s.start :] + " " + text[claim.cue.end : claim.clause.end]
    that = THAT.search(text, claim.cue.end, min(claim.clause.end, claim.cue.end + FRAMING_CHARS))
    # "cho biết trong thông cáo phát đi sau cuộc gọi rằng ...": the setting between the verb and its content
    return before + " " + text[claim.cue.end : that.start()] if that else before


def own_date(dates: list[DateMention], lo: int, cue_pos: int) -> DateMention | None:
    """The date given for the claim: the last one before its cue in the sentence (not in the content)."""
    before = [d for d in dates if lo <= d.start < cue_pos]
    return before[-1] if before else None


AFTER_CUE = re.compile(
    r"""\s*(?:vào\s+)?   # "Ông Blinken nói hôm 19/1 rằng ...", "cho biết vào ngày 24/1"
    """,
    re.X,
)


FRAMING_CHARS = 60  # "trong báo cáo được công bố", "tại cuộc họp báo ở Brussels"
THAT = re.compile(r"\s*rằng\b")


def attribution_date(text: str, claim: Claim, dates: list[DateMention]) -> DateMention | None:
    """A date in the attribution after its verb: '"...", ông Blinken nói tại Kiev hôm 19/1' (the quote came
    first), 'ông Blinken nói hôm 19/1 rằng ...' (the date right after the verb)."""
    if claim.cue is None:
        return None
    after = _after_cue(claim, dates)
    if claim.quoted and claim.content[1] <= claim.cue.start:
        return after[0] if after else None
    framing = next((d for d in after if d.start - claim.cue.end <= FRAMING_CHARS
                    and THAT.match(text, d.end)), None)
    if framing:  # "nhận định trong báo cáo được công bố tuần trước rằng ...": between the verb and its content
        return framing
    return next((d for d in after if AFTER_CUE.fullmatch(text[claim.cue.end : d.start])), None)


# "..., trong cuộc điện đàm kéo dài hơn một giờ đêm 12/2": the occasion the words were said at, closing the clause
OCCASION = re.compile(r"[,;]?\s+(?:trong|tại)\s+(?:cuộc|buổi|phiên)\s+(?:điện\s+đàm|hội\s+đàm|gặp|họp|trả\s+lời|"
                      r"phỏng\s+vấn|trao\s+đổi|điện\s+thoại)\b[^.;,“”\"]{0,50}$", re.I)


def occasion_date(text: str, claim: Claim, dates: list[DateMention]) -> DateMention | None:
    """The day of the occasion named after the words ("... nếu tấn công Ukraine, trong cuộc điện đàm ... đêm 12/2").
    Unlike a date set for the words, it is also the news day (DateTracker.remember)."""
    if claim.cue is None:
        return None
    return next((d for d in _after_cue(claim, dates) if OCCASION.search(text, claim.cue.end, d.start)), None)


def _after_cue(claim: Claim, dates: list[DateMention]) -> list[DateMention]:
    """The dates between the claim's cue and its clause's end."""
    return [d for d in dates if claim.cue.end <= d.start < claim.clause.end]


def _names_any(text: str, lexicon: str) -> bool:
    lower = text.lower()
    return any(has_word(lower, w) for w in lexicon_words(lexicon))


OTHER_MEETINGS = re.compile(r"\s*(?:Cuộc|Phiên|Vòng)\s[^.;]*?\b(?:sau|trước)\s", re.I)


def _other_meetings_dated(sentence: str) -> bool:
    """ "Cuộc họp ở Vienna là vòng cuối ..., sau đối thoại tại Geneva hôm 10/1 và cuộc họp ở Brussels hôm 12/1":
    the meeting the sentence is about has no date here; the days given are other meetings'."""
    m = OTHER_MEETINGS.match(sentence)
    return m is not None and not DATE_LIKE.search(sentence, 0, m.end())


AFTER_MEETING = re.compile(r"\bsau\s+(?:khi\s+kết\s+thúc\s+)?$", re.I)


def _after_the_meeting_only(sentence: str) -> bool:
    """ "Trong tuyên bố chung được công bố sau cuộc họp, ... các biện pháp được thông qua ngày 22/7/2020": the meeting
    named is the one already dated ("sau cuộc họp"), the day is another event's."""
    hits = list(meeting_words().finditer(sentence))
    return bool(hits) and all(AFTER_MEETING.search(sentence, max(0, m.start() - 20), m.start()) for m in hits)


DATE_LIKE = re.compile(r"\d{1,2}/\d{1,2}|\bhôm\s|\bngày\s\d")


def names_event(text: str) -> bool:
    """ "sau cuộc gặp", "trong cuộc họp Hội đồng Nga-NATO": the text refers to a meeting."""
    return _names_any(text, "event_words")


def names_speech(text: str) -> bool:
    """ "đọc Thông điệp Liên bang ngày 21/4", "trong bài phát biểu hôm 3/2": one speaker's address."""
    return _names_any(text, "speech_events")


@functools.lru_cache(maxsize=1)
def _date_blockers() -> tuple[str, ...]:
    return tuple(load_cues().get("date_blockers") or ())


def is_starting_point(text: str, date_start: int) -> bool:
    """ "kể từ tháng 07/2019", "lần thứ hai kể từ khi ông Biden nhậm chức hồi tháng 1": a starting point, not when
    anything was said."""
    return (text[max(0, date_start - 12) : date_start].lower().rstrip().endswith(_date_blockers())
            or (SINCE_CLAUSE.search(text, max(0, date_start - 80), date_start) is not None
                and not text[date_start : date_start + 4].lower().startswith("hôm")))


# (not "trong cuộc họp báo đầu tiên kể từ khi nhậm chức hôm 25/3": "hôm" dates the press conference)
SINCE_CLAUSE = re.compile(r"\b(?:kể\s+)?từ\s+(?:khi|sau\s+khi)\s[^,.;:“”\"]{0,60}$", re.I)
