"""Cue words that attribute speech and mark a position's kind (lexicons in cues.yaml).

Matching is case-insensitive, leftmost-longest, on word boundaries; single-syllable cues ("bác",
"phải", "mời") must also be whole words for underthesea's word segmenter ("bác sĩ" is not "bác").
Each cue carries its scope flags: negated ("không chấp nhận" is its own rebuttal cue, but a negated
offer "chưa sẵn sàng" is no offer) and noun ("các yêu cầu này" names a demand, it does not make one).
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import ahocorasick

from . import nlp
from .reference import load_cues

KIND_CLASSES = ("rebuttal", "warning", "demand", "proposal")  # earlier wins when one string is in two


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    kind: str  # "speech" | "want" | "ought" | "rebuttal" | "warning" | "demand" | "proposal"
    negated: bool = False
    noun: bool = False
    content_only: bool = False  # says what the content is, never who holds it ("sẽ phải trả giá")


@dataclass(frozen=True)
class _Lexicon:
    automaton: ahocorasick.Automaton  # every fixed cue -> (length, kind)
    patterns: tuple[tuple[str, re.Pattern], ...]  # (kind, gapped cue)
    negators: frozenset[str]
    noun_markers: frozenset[str]
    noun_followers: tuple[str, ...]
    noun_capable: frozenset[str]
    not_after: dict  # cue -> words after which it is no cue
    not_before: dict  # cue -> words before which it is no cue ("sự cần thiết phải": a noun phrase)
    denied_after: dict  # cue -> words later in its clause that deny it ("nguy cơ ... không cao")
    content_only: frozenset[str]
    shapes: tuple[tuple[str, re.Pattern], ...]  # (kind, content shape giving it when no cue does)


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    cues = load_cues()
    auto = ahocorasick.Automaton()
    seen = set()
    for kind in (*KIND_CLASSES, "want", "ought", "speech"):
        for word in cues.get(kind) or ():
            if word not in seen:
                seen.add(word)
                auto.add_word(word, (len(word), kind))
    auto.make_automaton()
    return _Lexicon(
        automaton=auto,
        patterns=tuple((kind, re.compile(p)) for kind, ps in (cues.get("patterns") or {}).items() for p in ps),
        negators=frozenset(cues["negators"]),
        noun_markers=frozenset(cues["noun_markers"]),
        noun_followers=tuple(cues.get("noun_followers") or ()),
        noun_capable=frozenset(cues.get("noun_capable") or ()),
        not_after=cues.get("not_after_cue") or {},
        not_before={cue: tuple(words) for cue, words in (cues.get("not_before_cue") or {}).items()},
        content_only=frozenset(cues.get("content_only") or ()),
        denied_after=cues.get("denied_after") or {},
        shapes=tuple((kind, re.compile(p)) for kind, ps in (cues.get("shapes") or {}).items() for p in ps),
    )


def shape_kind(text: str, start: int, end: int) -> str | None:
    """The kind the content's shape gives when it has no kind cue ("nếu ..., X sẽ ...": a warning)."""
    lower = text[start:end].lower()
    for kind, pattern in _lexicon().shapes:
        m = pattern.search(lower)
        if m and not (kind == "proposal" and GIVING.search(m.group())
                      and delivers_arms(text, start + m.start(), start + m.end() + ARMS_REACH)):
            return kind
    return None


ARMS_REACH = 40  # characters after a verb of giving where the weapons given are named
GIVING = re.compile(r"\b(?:cung\s+cấp|gửi|chuyển|viện\s+trợ|trao|tặng)\b", re.I)  # offers of things, not of talks


def delivers_arms(text: str, start: int, end: int) -> bool:
    """ "ba nước Baltic sẽ gửi tên lửa chống tăng Javelin ... cho Ukraine", "sẽ tiếp tục cung cấp vũ khí phòng thủ
    cho Kiev": arms delivered to a party are an announced act (a statement), not an offer (heldout8, three annotators
    of fresh articles); aid sent ("sẽ gửi 4 triệu liều vắc xin cho Mexico") is one (dev-train)."""
    lower = text[start:end].lower()
    return any(has_word(lower, w) for w in lexicon_words("arms"))


def directs_own_ranks(text: str, cue: Cue) -> bool:
    """ "Bộ trưởng Shoigu yêu cầu quân đội phải sẵn sàng": an order to one's own forces or government is
    a directive (a statement), not a demand on another party ("yêu cầu chính phủ Nga" still is one)."""
    following = text[cue.end : cue.end + 40].lstrip().lower()
    for word in load_cues().get("own_ranks") or ():
        if following.startswith(word + " "):
            after = text[cue.end : cue.end + 40].lstrip()[len(word) :].split()
            return not after or not after[0][:1].isupper()
    return False


def _word_char(ch: str) -> bool:
    return ch.isalnum()


QUOTE_MARKS = str.maketrans({c: " " for c in "“”\"«»‘’'"})


def _prev_words(lower: str, pos: int, n: int) -> str:
    """The n words before pos; quotation marks do not glue to a word ("“không đe dọa" is negated)."""
    return " ".join(lower[max(0, pos - 30) : pos].translate(QUOTE_MARKS).split()[-n:])


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Cues in text[start:end], offsets into text."""
    lex = _lexicon()
    lower = text[start:end].lower()
    if len(lower) != end - start:  # lower() changed lengths (exotic characters): match as written
        lower = text[start:end]
    chosen = _whole_words(text, start, lower, _leftmost_longest(text, start, lower, lex))
    cased = text[start : start + len(lower)]  # markers are read in the original case ("Nhật Bản tuyên bố")
    out = []
    for s, e, kind in chosen:
        # what follows, past quotation marks (the clause's end read as a full stop)
        word, following = cue_word(lower[s:e]), lower[e : e + 20].lstrip(" “”\"«»") or "."
        if any(following.startswith(w) for w in lex.not_after.get(word, ())):
            continue
        if any(_prev_words(lower, s, len(w.split())) == w for w in lex.not_before.get(word, ())):
            continue
        negated = any(_prev_words(lower, s, n) in lex.negators for n in (1, 2, 3, 4)) or _denied(lower, e, word, lex)
        out.append(Cue(start + s, start + e, kind, negated, _is_noun(word, cased, s, following, lex),
                       word in lex.content_only))
    return out


DENIAL_REACH = 40  # characters after a cue, within its clause: "nguy cơ bị Nga tấn công là không cao"


def _denied(lower: str, cue_end: int, word: str, lex: _Lexicon) -> bool:
    denials = lex.denied_after.get(word)
    if not denials:
        return False
    after = re.split(r"[,;.:!?]", lower[cue_end : cue_end + DENIAL_REACH], maxsplit=1)[0]
    return any(has_word(after, w) for w in denials)


def _whole_word_hits(lower: str, lex: _Lexicon):
    """(start, end, kind) of the lexicon's phrases in `lower` that are whole words."""
    for last, (length, kind) in lex.automaton.iter(lower):
        s, e = last - length + 1, last + 1
        if not (s > 0 and _word_char(lower[s - 1])) and not (e < len(lower) and _word_char(lower[e])):
            yield s, e, kind


def _leftmost_longest(text: str, start: int, lower: str, lex: _Lexicon) -> list[tuple[int, int, str]]:
    found = [(s, e, kind) for s, e, kind in _whole_word_hits(lower, lex)
             if not _names_proper_noun(text[start + s : start + e])]
    found.extend(_across_quote_marks(lower, lex))
    for kind, pattern in lex.patterns:  # gapped patterns may span a name: "gửi cho Moscow các đề xuất"
        found.extend((m.start(), m.end(), kind) for m in pattern.finditer(lower))
    found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    chosen, taken_to = [], -1
    for s, e, kind in found:
        if s >= taken_to:
            chosen.append((s, e, kind))
            taken_to = e
    return chosen


INNER_QUOTE = re.compile(r"(?<= )[“”\"«»](?=\w)|(?<=\w)[“”\"«»](?= )")  # a mark inside a phrase: trả “cái giá


def _across_quote_marks(lower: str, lex: _Lexicon) -> list[tuple[int, int, str]]:
    """Cue phrases a quotation mark cuts ("sẽ phải trả “cái giá rất cao”", "sẽ là “sai lầm to lớn”"): read
    with the marks inside phrases left out, offsets mapped back; only those that span a mark."""
    marks = [m.start() for m in INNER_QUOTE.finditer(lower)]
    if not marks:
        return []
    dropped = set(marks)
    kept = [i for i in range(len(lower)) if i not in dropped]
    flat = "".join(lower[i] for i in kept)
    out = []
    for s, e, kind in _whole_word_hits(flat, lex):
        start, end = kept[s], kept[e - 1] + 1
        if end - start != e - s:  # a mark inside: missed by the plain reading
            out.append((start, end, kind))
    return out


def cue_word(surface: str) -> str:
    """The lexicon form of a cue as written: quotation marks inside it left out."""
    return INNER_QUOTE.sub("", surface)


def _is_noun(word: str, cased: str, s: int, following: str, lex: _Lexicon) -> bool:
    """ "các yêu cầu", "đề xuất an ninh", "yêu cầu này": the cue word names a thing, it asks nothing."""
    if word not in lex.noun_capable:
        return False
    # (a marker opening the sentence is capitalised: "Mọi đề nghị về việc ... đều không thể chấp nhận"; one inside
    # a name is none: "Nhật Bản tuyên bố")
    words = _prev_words(cased, s, 2).split()
    if not (len(words) == 2 and all(w[:1].isupper() for w in words)):
        words = [w.lower() for w in words]
    if words and (words[-1] in lex.noun_markers or " ".join(words) in lex.noun_markers):
        return True
    if WHERE_SAID.match(cased, s + len(word)):
        return False  # "bình luận trên Twitter": where it was said, not "the comment above"
    return any(following == f or following.startswith((f + " ", f + ",")) for f in lex.noun_followers)


WHERE_SAID = re.compile(r"\s+trên\s+(?:[A-ZĐ]|(?:mạng|trang|kênh|tài khoản|truyền hình|sóng|báo)\b)")


def _names_proper_noun(surface: str) -> bool:
    """ "đề nghị Tổ chức Hiệp ước ...": a later capitalised syllable belongs to a name, not to the cue."""
    return any(w[:1].isupper() for w in surface.split()[1:])


def _whole_words(text: str, start: int, lower: str, chosen):
    """Drop single-syllable cues that underthesea puts inside a longer lower-case word ("bác sĩ").

    A word that also holds a capitalised syllable ("Stoltenberg bác") is a segmentation slip on a
    foreign name, not a compound, so the cue stays.
    """
    if not any(" " not in lower[s:e] for s, e, _ in chosen):
        return chosen
    spans = nlp.word_spans(text[start : start + len(lower)])  # in text order, not overlapping
    starts = [ws for ws, _ in spans]
    kept = []
    for s, e, k in chosen:
        i = bisect.bisect_right(starts, s) - 1  # the word starting at or before the cue
        word = spans[i] if i >= 0 and e <= spans[i][1] else (s, e)
        rest = (text[start + word[0] : start + s] + text[start + e : start + word[1]]).strip()
        glued = lower[word[0] : word[1]]
        if " " in lower[s:e] or not rest or any(ch.isupper() for ch in rest) or glued in _split_compounds():
            kept.append((s, e, k))
    return kept


@functools.lru_cache(maxsize=1)
def _split_compounds() -> frozenset[str]:
    """Words the segmenter makes of a cue and the next noun's first syllable ("cần câu" of "cần câu trả lời")."""
    return frozenset(load_cues().get("split_compounds") or ())


def opens_with_word(head: str, words) -> bool:
    """`head` opens with one of `words` as whole words ("công dân Mỹ" opens with "công dân", "công dânx" does not)."""
    return any(head.startswith(w) and not head[len(w) : len(w) + 1].isalnum() for w in words)


def has_word(lower: str, word: str) -> bool:
    """`word` occurs in `lower` between non-alphanumeric characters (both already lower case)."""
    i = lower.find(word)
    while i >= 0:
        before = lower[i - 1] if i else " "
        after = lower[i + len(word)] if i + len(word) < len(lower) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = lower.find(word, i + 1)
    return False


@functools.lru_cache(maxsize=None)
def lexicon_words(name: str) -> tuple[str, ...]:
    """One of cues.yaml's word lists, by name (cached)."""
    return tuple(load_cues().get(name) or ())


def opens_with(sentence_text: str, lexicon: str) -> bool:
    """The sentence opens with one of the lexicon's words, then a comma or a space ("Theo đó, ...")."""
    head = sentence_text.lstrip(" “\"").lower()
    return any(head.startswith(c + ",") or head.startswith(c + " ") for c in lexicon_words(lexicon))


def keeps_speaker(sentence_text: str) -> bool:
    """ "Theo đó, Moskva yêu cầu ...": the previous sentence's speaker is still being reported."""
    return opens_with(sentence_text, "speaker_continuations")
