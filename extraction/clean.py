"""Stage 1: split the raw article into lines and mask page furniture.

Nothing is re-indexed: the output is a list of Block(start, end, role) over the raw text, and every
later stage only looks inside blocks. Roles: "headline", "lead" (sapo), "body". Junk lines are simply
absent, so no position can come from a menu, a caption or another story's teaser.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .reference import load_page_rules

LINE = re.compile(r"[^\n]+")  # one line of the page, without its newline
PHOTO_CREDIT = re.compile(
    r"""\((?:Reuters|AP|AFP|TASS|Ảnh[^)]*)\)\s*$   # "... các cam kết. (Reuters)": a caption's credit
    """,
    re.X,
)


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    role: str  # "headline" | "lead" | "body"
    paragraph: int  # ordinal of the block among kept blocks


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # stripped


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split()).casefold()


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with offsets of their stripped content."""
    lines = []
    for m in LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            start = m.start() + (len(raw) - len(raw.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped))
    return lines


@dataclass(frozen=True)
class _Rules:
    junk: frozenset[str]  # whole lines, normalised
    prefixes: frozenset[str]  # line beginnings of breadcrumbs
    patterns: tuple[re.Pattern, ...]  # regexes of junk lines (timestamps ...)
    stops: frozenset[str]
    related: frozenset[str]
    sources: tuple[re.Pattern, ...]
    captions: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    rules = load_page_rules()
    return _Rules(
        junk=frozenset(_norm(x) for x in rules["junk_lines"]),
        prefixes=frozenset(_norm(x) for x in rules.get("junk_prefixes") or ()),
        patterns=tuple(re.compile(p, re.I) for p in rules.get("junk_patterns") or ()),
        stops=frozenset(_norm(x) for x in rules["stop_lines"]),
        related=frozenset(_norm(x) for x in rules.get("related_lines") or ()),
        sources=tuple(re.compile(p, re.I) for p in rules["source_lines"]),
        captions=tuple(rules["caption_marks"]),
    )


def _is_doubled(s: str) -> bool:
    """A teaser list item repeats its headline: "Tiêu đề X Tiêu đề X"."""
    half = len(s) // 2
    return len(s) > 20 and s[: half].strip() == s[half:].strip()


def _is_teaser(s: str) -> bool:
    """Cut-off teaser text of another story ends in an ellipsis."""
    return s.endswith(("...", "…"))


BYLINE = re.compile(
    r"""^(?:[^\W\d_][\w'’\-]*\s?){1,3}$  # "Kông Anh", "Quang Dũng", "Ánh Dương": 1-3 words, nothing else
    """,
    re.X,
)


def _is_byline(s: str) -> bool:
    return len(s) < 30 and bool(BYLINE.match(s)) and all(w[0].isupper() for w in s.split())


CAPTION_MAX_CHARS = 400  # the annotated articles' captions are 151 characters at most


def _is_junk(line: Line, seen: set[str], rules: _Rules) -> bool:
    norm = _norm(line.text)
    words = norm.split()
    if len(words) <= 8 and any(" ".join(words[:n]) in rules.prefixes for n in (1, 2, 3)):
        return True
    if norm in rules.junk or _is_doubled(line.text) or _is_teaser(line.text):
        return True
    if any(p.search(line.text) for p in rules.patterns):
        return True
    if _is_caption(line, rules):
        return True
    core = _norm(PHOTO_CREDIT.sub("", line.text))
    if core in seen:  # a caption or teaser repeating an earlier line
        return True
    return _is_byline(line.text) or _is_name_label(line.text)


def _is_caption(line: Line, rules: _Rules) -> bool:
    """A photo's caption: a credit mark in a short line (a longer line with one is a paragraph that swallowed it)."""
    return len(line.text) <= CAPTION_MAX_CHARS and any(mark in line.text for mark in rules.captions)


def _is_name_label(s: str) -> bool:
    """A caption that only names a person: "Tổng thư ký NATO Jens Stoltenberg." (title + capitalised name)."""
    words = s.rstrip(".").split()
    if len(s) > 70 or len(words) > 8 or "," in s:
        return False
    lower = [i for i, w in enumerate(words) if w[:1].islower()]
    tail = words[lower[-1] + 1 :] if lower else words
    return len(tail) >= 2 and len(tail) < len(words)


def _is_stop(line: Line, rules: _Rules) -> bool:
    return _norm(line.text) in rules.stops or any(p.match(line.text) for p in rules.sources)


def content_blocks(text: str, *, title: str | None = None) -> list[Block]:
    """The article's own text, line by line, with headline and lead marked."""
    rules = _rules()
    lines = split_lines(text)
    kept: list[Line] = []
    seen: set[str] = set()
    in_related_box = False
    for i, line in enumerate(lines):
        if kept and _is_stop(line, rules):
            break
        if _norm(line.text) in rules.related:
            in_related_box = True
            continue
        if in_related_box and not _reads_as_paragraph(line):
            continue  # another story's headline listed in the box
        in_related_box = False
        repeated_next = i + 1 < len(lines) and _norm(lines[i + 1].text) == _norm(line.text)
        if not repeated_next and not _is_junk(line, seen, rules):
            kept.append(line)
        seen.add(_norm(line.text))
    return _assign_roles(_join_introduced(kept), title=title)


def _join_introduced(kept: list[Line]) -> list[Line]:
    """ "Ông Lavrov tuyên bố:" + next line "“...”": the words a line introduces belong with it."""
    out: list[Line] = []
    for line in kept:
        if out and out[-1].text.endswith(":"):
            prev = out.pop()
            line = Line(prev.start, line.end, prev.text + " " + line.text)
        out.append(line)
    return out


def _reads_as_paragraph(line: Line) -> bool:
    return not _is_heading(line) and len(line.text.split()) >= 12


def caption_blocks(text: str, blocks: list[Block]) -> list[Block]:
    """Photo captions the article's own text leaves out ("Đặc phái viên khí hậu của Tổng thống Mỹ John Kerry (Ảnh:
    Reuters)."): no position comes from them, but they introduce people the body names by family name only."""
    rules = _rules()
    kept = {(b.start, b.end) for b in blocks}
    return [Block(line.start, line.end, "caption", -1) for line in split_lines(text)
            if (line.start, line.end) not in kept and _is_caption(line, rules)]


def credit_text(text: str, blocks: list[Block]) -> str:
    """Where the outlet may be named: the article's own lines, its menu/marker lines before the body
    ends ("(VTC News) -") and credit lines ("(theo TTXVN)", "Nguồn tin: Báo VOV") -- never teasers."""
    rules = _rules()
    own = [text[b.start : b.end] for b in blocks]
    for line in split_lines(text):
        if _norm(line.text) in rules.junk or any(p.match(line.text) for p in rules.sources):
            own.append(line.text)
    return "\n".join(own)


def headline(blocks: list[Block]) -> Block | None:
    """The headline's block, when one was found."""
    return next((b for b in blocks if b.role == "headline"), None)


TERMINAL = re.compile(
    r"""(?:[.!?…;:]|[.!?…][”"’'»)]+|\.\/\.)\s*$   # "... leo thang.", "... của mình.”", VOV's "./."
    """,
    re.X,
)


HEADING_MAX_WORDS = 30  # a longer line is a paragraph that lost its final stop in scraping


def _is_heading(line: Line) -> bool:
    """A line that does not end a sentence: a headline, subheading, teaser or menu item."""
    return not TERMINAL.search(line.text) and len(line.text.split()) <= HEADING_MAX_WORDS


def _assign_roles(kept: list[Line], *, title: str | None) -> list[Block]:
    """Headline (the title, else the first heading-like line of 4+ words among the first three), then the
    lead, then the body. Short lines before the headline are breadcrumbs; heading-like lines inside
    the body are subheadings or other stories' headlines: no positions come from them."""
    head = _headline_index(kept, title=title)
    blocks: list[Block] = []
    if head is not None:
        blocks.append(Block(kept[head].start, kept[head].end, "headline", 0))
    for line in kept[(head + 1 if head is not None else 0) :]:
        if blocks and blocks[-1].role != "headline" and _is_heading(line):
            continue
        role = "lead" if all(b.role == "headline" for b in blocks) else "body"
        blocks.append(Block(line.start, line.end, role, len(blocks)))
    return blocks


def _title_words(s: str) -> list[str]:
    """A title's words, without its punctuation: the sidecar's title may quote or stop otherwise than the page."""
    return re.findall(r"\w+", _norm(s))


def _headline_index(kept: list[Line], *, title: str | None) -> int | None:
    if title:
        wanted = _title_words(title)
        found = next((i for i, line in enumerate(kept[:5]) if _title_words(line.text) == wanted), None)
        if found is not None:
            return found  # else: a title the page does not print; the first lines may still hold a headline
    for i, line in enumerate(kept[:3]):
        if _is_heading(line) and len(line.text.split()) >= 4:
            return i
        if not _is_heading(line) or len(line.text.split()) >= 4:
            return None
    return None
