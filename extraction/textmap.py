"""The text the pipeline reads, and the way back to the text as given.

Matching needs composed Vietnamese (NFC: "ỹ" as one character) and plain spaces, but offsets must
index the article exactly as given. `readable(raw)` returns the text to read plus, when composing
changed lengths, a table from each of its offsets to the raw offset it came from.
"""
from __future__ import annotations

import re
import unicodedata

ODD_SPACES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ", "\ufeff": " ", "\t": " "})


WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)?")  # letters, possibly two runs glued by a full stop
# one written Vietnamese syllable: onset, vowels, coda ("nghiêng", "báo", "ủa")
ONSET = "(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])"
VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
SYLLABLE = re.compile(f"{ONSET}?[{VOWELS}]{{1,3}}(?:ch|ng|nh|[cmnpt])?")
# two glued syllables (7 letters at most each) or a number and one; longer words are not tried, as the split
# scan is quadratic in the word's length (a 32,000-letter "word" took 14 s)
MAX_GLUED = 16
LOWER_RUN = re.compile(r"\b(?:\d+|[^\W\d_]+)[^\W\d_]+\b")  # "báocấm", "15/4thông" (after the slash)


def readable(raw: str) -> tuple[str, list[int] | None]:
    """(text to read, offsets back to raw or None when they are the same)."""
    text, to_raw = _composed(raw.translate(ODD_SPACES))  # ODD_SPACES: one character for one
    text, to_raw = _without_transcriptions(slashed_dates(traditional_tones(text)), to_raw)  # both: one for one
    return _unglued(text, to_raw)


# a day and month joined by full stops (Thanh Niên: "ngày 14.1", "(14.1.2022)") or hyphens (Nhân Dân: "ngày 14-1")
# after a day word or a bracket; read as slashes, so that no rule takes a stop for a sentence's end and every rule
# that reads "14/1" reads them
OTHER_DATE = re.compile(
    r"(?:\b(?:ngày|hôm|sáng|trưa|chiều|tối|đêm) |\()"
    r"(?P<date>(?:3[01]|[12]\d|0?[1-9])(?P<joint>[.-])(?:1[0-2]|0?[1-9])(?:(?P=joint)\d{4})?)(?!\d|[./-]\d)",
    re.I,
)


def slashed_dates(text: str) -> str:
    """ "ngày 14.1", "ngày 14-1" as "ngày 14/1": the same length."""
    if "." not in text and "-" not in text:
        return text
    return OTHER_DATE.sub(lambda m: m.group()[: m.start("date") - m.start()]
                          + m.group("date").replace(m.group("joint"), "/"), text)


# a name's Vietnamese transcription in brackets after it, as the national news agency writes ("Vladimir Putin
# (V.Pu-tin)", "Jens Stoltenberg (Jen Xtôn-ten-bớc)"): capitalised words, at least one of hyphenated syllables
TRANSCRIPTION_WORD = r"(?:[^\W\d_]\.\s?)?[^\W\d_]+(?:-[^\W\d_]+)*"
TRANSCRIPTION = re.compile(rf"(?<=[^\W\d_]) \({TRANSCRIPTION_WORD}(?:\s+{TRANSCRIPTION_WORD}){{0,3}}\)")


def _is_transcription(bracket: str) -> bool:
    """Capitalised words ("V.Ô-ban", "Jen Xtôn-ten-bớc"), syllables after a hyphen in lower case, one hyphen at least:
    not "(NATO-Nga)", "(trái)", "(OSCE)"."""
    words = bracket.strip("()").replace(". ", ".").split()
    syllables = [w.split(".")[-1].split("-") for w in words]
    return "-" in bracket and all(w[0].isupper() for w in words) and all(
        part[:1].islower() for parts in syllables for part in parts[1:])


def _without_transcriptions(text: str, to_raw: list[int] | None) -> tuple[str, list[int] | None]:
    """The text without bracketed transcriptions of the names before them: "Vladimir Putin (V.Pu-tin) cho rằng"
    reads as "Vladimir Putin cho rằng"; offsets map back to the raw text."""
    spans = [m.span() for m in TRANSCRIPTION.finditer(text) if _is_transcription(m.group()[1:])]
    if not spans:
        return text, to_raw
    if to_raw is None:
        to_raw = list(range(len(text) + 1))
    pieces, offsets, last = [], [], 0
    for start, end in spans:
        pieces.append(text[last:start])
        offsets += to_raw[last:start]
        last = end
    pieces.append(text[last:])
    offsets += to_raw[last:]
    return "".join(pieces), offsets


# an open "oa", "oe" or "uy" (nothing after it in the word; not "qu") with the tone on its second vowel
SECOND_VOWEL_TONE = re.compile(r"(?<![qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![^\W\d_])")


def _tone_on_first(m: re.Match) -> str:
    first, second = m.group(1), m.group(2)
    base, tone = unicodedata.normalize("NFD", second)[0], unicodedata.normalize("NFD", second)[1:]
    if (first in "oO") != (base in "aeAE"):  # "uà", "oỳ": no such pair
        return m.group()
    return unicodedata.normalize("NFC", first + tone) + base


def traditional_tones(text: str) -> str:
    """ "hoà", "thoả thuận", "Uỷ ban", "Thuỵ Điển" (outlets differ) as "hòa", "thỏa thuận", "Ủy ban", "Thụy Điển",
    the placement the reference data uses; composed text keeps its length. Both placements are standard
    Vietnamese; reading one lets every lexicon match either."""
    return SECOND_VOWEL_TONE.sub(_tone_on_first, text)


def _glue_points(text: str) -> list[int]:
    """Where pages dropped a space: "Moscow.Bình luận" (a sentence end), "giữaLiên minh", "Tổng
    thốngJoe Biden" (a lower-case run of three letters or more straight into a capital). Short runs
    stay whole: "McFaul", "TikTok", "YouTube". Lower case: see _syllable_glue."""
    points = [m.start() + at for m in LOWER_RUN.finditer(text) if (at := _syllable_glue(m.group()))]
    for m in WORD.finditer(text):
        word = m.group()
        if word.islower() or word.isupper() or ("." not in word and word.istitle()):
            continue
        for i in range(3, len(word)):
            before = word[i - 3 : i].replace(".", "", 1) if word[i - 1] == "." else word[i - 3 : i]
            if word[i].isupper() and before.isalpha() and before.islower():
                points.append(m.start() + i)  # "thốngJoe", "Moscow.Bình"
    return sorted(points)


def _marked(syllable: str) -> bool:
    return any(ord(c) > 127 for c in syllable)


def _syllable_glue(word: str) -> int | None:
    """Where a lower-case word that is no Vietnamese syllable splits into a number or a syllable and a
    syllable, both with diacritics ("báo|cấm", "bộ|của" rather than "bộc|ủa", "4|thông"); loan words
    without them stay whole ("video", "ôxy", "hecta")."""
    if not word.islower() or len(word) > MAX_GLUED or SYLLABLE.fullmatch(word):
        return None
    best = None
    for i in range(1, len(word)):
        head, tail = word[:i], word[i:]
        if ((head.isdigit() or (_marked(head) and SYLLABLE.fullmatch(head))) and _marked(tail)
                and SYLLABLE.fullmatch(tail)):
            onset = len(re.match(ONSET + "?", tail).group())  # the longer onset: "để|thách", not "đểt|hách"
            if best is None or onset > best[0]:
                best = (onset, i)
    return best[1] if best else None


def _unglued(text: str, to_raw: list[int] | None) -> tuple[str, list[int] | None]:
    """A space read in at each glue point; it maps to the raw offset of the letter after it."""
    points = _glue_points(text)
    if not points:
        return text, to_raw
    if to_raw is None:
        to_raw = list(range(len(text) + 1))
    pieces, offsets, last = [], [], 0
    for p in points:
        pieces += [text[last:p], " "]
        offsets += to_raw[last:p] + [to_raw[p]]
        last = p
    pieces.append(text[last:])
    offsets += to_raw[last:]
    return "".join(pieces), offsets


def _composed(spaced: str) -> tuple[str, list[int] | None]:
    if unicodedata.is_normalized("NFC", spaced):
        return spaced, None
    text, to_raw = [], []
    group_start = 0
    for i in range(1, len(spaced) + 1):
        if i < len(spaced) and unicodedata.combining(spaced[i]):
            continue  # a combining mark belongs to the character before it
        composed = unicodedata.normalize("NFC", spaced[group_start:i])
        text.append(composed)
        to_raw.extend([group_start] * len(composed))
        group_start = i
    to_raw.append(len(spaced))
    return "".join(text), to_raw


def to_raw_span(to_raw: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """Raw offsets of text[start:end]."""
    return (start, end) if to_raw is None else (to_raw[start], to_raw[end])
