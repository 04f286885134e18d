"""Stage 3: mentions of parties and speakers.

Gazetteer hits are grouped into noun phrases that can hold a position:
  "Tổng thư ký NATO Jens Stoltenberg"  -> person + party (title, party, name)
  "Thứ trưởng Ngoại giao Nga, ông Alexander Grushko" -> the same with an apposition
  "ông Lavrov", "Ngoại trưởng Mỹ", "ông" -> resolved to the person named earlier
  "chính quyền Tổng thống Mỹ Joe Biden", "một người phát ngôn Bộ Ngoại giao Mỹ" -> party only
  "Bộ Ngoại giao Nga", "Moscow" -> party only
"""
from __future__ import annotations

import bisect
import contextvars
import functools
import re
from dataclasses import dataclass, replace

from . import gazetteer, nlp
from .clean import Block
from .cues import find_cues, has_word, lexicon_words, opens_with_word
from .gazetteer import Hit
from .reference import compound_words, institution_words, load_titles, named_elsewhere_aliases, organisation_codes

# NER costs ~5 ms a call: real articles need at most 4 (seeds, heldout8, dev-train), a submitted megabyte
# of "ông <Unknown Name> nói" would need ~37,000 (over 3 minutes of a worker)
NER_CALLS_PER_ARTICLE = 64
_NER_CALLS_LEFT: contextvars.ContextVar[int] = contextvars.ContextVar("ner_calls_left", default=NER_CALLS_PER_ARTICLE)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actors: tuple[str, ...]  # party codes ("NATO",); empty when unresolved
    person: str | None = None  # canonical name when a person speaks
    role: str | None = None  # title as written, e.g. "Tổng thư ký NATO"
    pronoun: bool = False  # "ông" / bare title: person resolved from context
    grouped: bool = False  # one party of a group named as one ("các nước Baltic")
    honorific: str | None = None  # a bare "ông" / "bà" / "ngài" standing for a person named before (lower case)


NAME_WORD = re.compile(
    r"""(?:[A-ZĐ]\.){1,3}(?=\s+[A-ZĐ])   # initials standing alone: "T.S. Tirumurti"
    | (?:[A-ZĐ]\.(?=[^\W\d_]{2}))?   # an initial glued to the family name, as Nhân Dân writes it: "U.Sơ-man"
      [^\W\d_][\w'’\-]*           # Alexander / Thomas-Greenfield / O'Brien (first letter checked upper)
    """,
    re.X,
)
GLUED_INITIAL = re.compile(r"\b([A-ZĐ])\.(?=[^\W\d_]{2})")  # not "Washington D.C"
SPACES = re.compile(r"[ \u00a0]*")  # spaces, including the no-break space scraped pages carry
POSTING = re.compile(
    r"""\s+tại\s+   # "Đại sứ Trung Quốc tại Liên hợp quốc Trương Quân": the post, not the party
    """,
    re.X,
)
ANAPHORIC_AFTER = re.compile(r"\s+(?:trên|này|đó|nói\s+trên)\b")  # "Theo người phát ngôn trên, ..."
GLUE = re.compile(
    r"""\s*(?:[–\-,]\s*)?   # "Tổng thư ký ... Đại Tây Dương – NATO, ông Jens ..." : dash or comma glue
      | \s+của\s+          # "Đại diện thường trực của Nga tại OSCE ...", "người phát ngôn của Bộ Ngoại giao"
      | \s+(?:Cộng\ hòa|Cộng\ hoà|Vương\ quốc|Liên\ bang)\s+   # "Đại sứ Cộng hòa Ba Lan tại Việt Nam ..."
    """,
    re.X,
)
ABOUT = re.compile(r"\s+về\s+")  # an envoy's brief: "Đặc phái viên Mỹ về Triều Tiên Sung Kim"
JOINT_OFFICE = re.compile(r"\s+kiêm\s+")
# between two parties of one title no comma: "Theo người phát ngôn Lầu Năm Góc, Mỹ ..." starts a clause
PARTY_GLUE = re.compile(r"\s*(?:[–\-]\s*)?|\s+của\s+")
OWNER_BEFORE = re.compile(r"\scủa\s+$")  # the party a title belongs to, named after its portfolio


NAME_PARTICLES = frozenset({"von", "der", "van", "de", "da", "di", "del", "la", "le", "bin", "al", "el"})
JOINED_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|an|ar|at|az)-[A-Z]")  # an Arabic article joined to the name


def _capital_words(text: str, pos: int, *, limit: int = 5) -> tuple[int, int] | None:
    """Span of up to `limit` consecutive capitalised words starting at pos (after spaces); particles
    inside a name are kept ("Ursula von der Leyen")."""
    start = end = None
    while limit:
        m = SPACES.match(text, pos)
        w = NAME_WORD.match(text, m.end())
        if not w:
            break
        word = w.group()
        joined = start is not None and JOINED_PARTICLE.match(word)  # "Mariam al-Sadiq al-Mahdi"
        if not word[0].isupper() and not joined and not (start is not None and word in NAME_PARTICLES):
            break
        start = w.start() if start is None else start
        pos = w.end()
        end = pos if word[0].isupper() or joined else end
        limit -= 1
    return (start, end) if start is not None else None


def _next(hits: list[Hit], i: int, text: str, *, kinds: tuple[str, ...], glue: bool | str = False) -> int | None:
    """Index of hit i+1 when it directly follows hit i (only spaces; dash/comma when glue, dash only
    between two parties: glue="party")."""
    if i + 1 >= len(hits) or hits[i + 1].kind not in kinds:
        return None
    gap = text[hits[i].end : hits[i + 1].start]
    if kinds == ("person",) and INITIAL_GAP.fullmatch(gap):
        return i + 1  # "Trợ lý Tổng thống Nga I.U-sa-cốp": the given name's initial before the family name
    pattern = (PARTY_GLUE if glue == "party" else GLUE) if glue else SPACES
    return i + 1 if pattern.fullmatch(gap) or (glue is True and _qualifier_glue().fullmatch(gap)) else None


@functools.lru_cache(maxsize=1)
def _qualifiers() -> str:
    """titles.yaml's title_qualifiers as a regex alternation ("kỳ cựu|hàng đầu|cấp cao")."""
    return "|".join(re.escape(w).replace("\\ ", r"\s+") for w in load_titles().get("title_qualifiers") or ()) or "(?!)"


@functools.lru_cache(maxsize=1)
def _qualifier_glue() -> re.Pattern:
    """ "Nhà ngoại giao kỳ cựu của Nga", "nhà ngoại giao hàng đầu Mỹ": a qualifier between a title and its party."""
    return re.compile(rf"\s+(?:{_qualifiers()})(?:\s+của)?\s+")


@functools.lru_cache(maxsize=1)
def _anaphoric_qualified() -> re.Pattern:
    return re.compile(rf"(?:\s+(?:{_qualifiers()}))?{ANAPHORIC_AFTER.pattern}")


def _anaphoric_after(text: str, at: int) -> bool:
    """ "người phát ngôn trên", "nhà ngoại giao kỳ cựu này": a title referring back."""
    return _anaphoric_qualified().match(text, at) is not None


INITIAL_GAP = re.compile(r"\s+[A-ZĐ]\.\s?")
BRACKET_OPEN = re.compile(r"\s*\(\s*")
GLOSS = re.compile(r" \((?!Ảnh|ảnh|Nguồn|nguồn)[^()\n]{1,40}\)(?= )")  # an abbreviation or gloss in brackets, not a caption


def _name_after(text: str, pos: int, block_end: int, *, after_party: bool = False, hits: list[Hit] = ()):
    """A person's name starting at pos: (end, canonical-or-raw name, known Person | None).

    Known people are matched fuzzily (misspellings). An unknown name needs two capitalised words
    right after "title + party" ("Ngoại trưởng Litva Gabrielius Landsbergis") or right before a title
    in apposition ("Đô đốc Charles Richard, Tư lệnh ..."; `hits`: the block's, to find that title), else
    NER's agreement.
    """
    gloss = GLOSS.match(text, pos)  # "Giám đốc Cục Điều tra Liên bang Mỹ (FBI) Christopher Wray"
    span = _capital_words(text, gloss.end() if gloss else pos)
    if not span or span[1] > block_end:
        return None
    raw = text[span[0] : span[1]]
    known = gazetteer.fuzzy_person(raw) or (GLUED_INITIAL.match(raw) and gazetteer.fuzzy_person(raw[2:]))
    if known:
        return span[1], known.name, known
    if _opens_institution(raw):
        return None  # "người phát ngôn Bộ Ngoại giao Abbas Mousavi": "Bộ Ngoại" opens the ministry, no name
    apposed = text[span[1] : span[1] + 2] == ", " and _title_at(hits, span[1] + 2)
    whole = len(raw.split()) >= 2 or GLUED_INITIAL.match(raw)  # "Wendy Sherman", "U.Sơ-man": not a family name alone
    if whole and (after_party or apposed or _ner_agrees(text, span, block_end)):
        return span[1], raw, None
    return None


@functools.lru_cache(maxsize=1)
def _institutions() -> tuple[frozenset[str], re.Pattern]:
    """actors.yaml's institutions: their first two words ("Bộ Ngoại", "Hội đồng"), and a pattern for one of them
    after a space, longest first ("Hội đồng An ninh Quốc gia" before "Hội đồng")."""
    words = sorted(institution_words(), key=len, reverse=True)
    openings = frozenset(" ".join(w.split()[:2]) for w in words if len(w.split()) >= 2)
    return openings, re.compile(r" (?:%s)(?= )" % "|".join(map(re.escape, words)))


def _opens_institution(raw: str) -> bool:
    return " ".join(raw.split()[:2]) in _institutions()[0]


def _past_institution(text: str, pos: int) -> int:
    """Past an institution named with no party after a title ("người phát ngôn Bộ Ngoại giao Abbas Mousavi", its
    party given by the sentence's opener "Phía Iran, ..."): where the name may start."""
    named = _institutions()[1].match(text, pos)
    return named.end() + 1 if named else pos


@functools.lru_cache(maxsize=1)
def _party_titles() -> dict[str, str]:
    return {t.casefold(): code for t, code in (load_titles().get("party_titles") or {}).items()}


@functools.lru_cache(maxsize=1)
def _ranks() -> frozenset[str]:
    return frozenset(r.lower() for r in load_titles().get("ranks") or ())


def _is_rank(title: str) -> bool:
    return title.lower() in _ranks()


def _title_at(hits: list[Hit], pos: int) -> bool:
    """A title starts at pos (hits are in text order)."""
    i = bisect.bisect_left(hits, pos, key=_hit_start)
    return any(h.kind in ("title", "spokes") for h in hits[i : bisect.bisect_right(hits, pos, key=_hit_start)])


def _hit_start(hit: Hit) -> int:
    return hit.start


def _ner_agrees(text: str, span: tuple[int, int], block_end: int) -> bool:
    """underthesea NER confirms an unknown name after a title (called only for unknown names; past the
    article's budget of calls, nothing is confirmed)."""
    left = _NER_CALLS_LEFT.get()
    if left <= 0:
        return False
    _NER_CALLS_LEFT.set(left - 1)
    window_start = max(0, span[0] - 40)
    window = text[window_start : min(block_end, span[1] + 60)]
    for s, e in nlp.person_spans(window):
        if s + window_start < span[1] and e + window_start > span[0]:
            return True
    return False


OFFICE_OF = re.compile(r" (?:của )?")
HOLDER_REACH = 3  # hits between a title and the name of its holder: "Tổng thống" [Nga] [Vladimir Putin]


def _holder_named(hits: list[Hit], i: int) -> bool:
    """The title at hits[i] is followed by the name of a known person who holds it ("... của Tổng thống Nga Vladimir
    Putin, Dmitry Peskov"): the name is the office's holder's, not the first title's."""
    person = next((h for h in hits[i + 1 : i + 1 + HOLDER_REACH] if h.kind == "person"), None)
    known = gazetteer.person(person.value) if person else None
    return bool(known and known.role and known.role.casefold().startswith(hits[i].value.casefold()))


def _title_phrase(hits, i, text, block_end) -> tuple[Mention, int]:
    """Title [party...] [name | , ông name]: returns the mention and the index of its last hit."""
    title, j, actors = hits[i], i, []
    while j + 1 < len(hits) and hits[j + 1].kind == "title":
        gap = text[hits[j].end : hits[j + 1].start]
        # "Phó Thủ tướng kiêm Bộ trưởng Công thương Séc ...": one person holding two offices; "Người phát ngôn (của)
        # Tổng thống Nga Dmitry Peskov": the office of another office's holder, one title
        if not (JOINT_OFFICE.fullmatch(gap) or (OFFICE_OF.fullmatch(gap) and not _holder_named(hits, j + 1))):
            break
        j += 1
    first = j
    while (k := _next(hits, j, text, kinds=("actor",), glue="party" if actors else j == first)) is not None:
        actors.append(hits[k].value)
        j = k
        if hits[k].end - title.start > 80:
            break
    role_end = hits[j].end
    if (actors and j + 1 < len(hits) and hits[j + 1].kind == "actor" and hits[j + 1].value == actors[-1]
            and BRACKET_OPEN.fullmatch(text[hits[j].end : hits[j + 1].start])
            and text.startswith(")", hits[j + 1].end)):
        j += 1  # "Chủ tịch Ủy ban châu Âu (EC) Ursula von der Leyen": the party's short name in brackets, then the name
        role_end = hits[j].end + 1
    if not actors and (named_party := _party_titles().get(hits[j].value.casefold())):
        actors.append(named_party)  # "Ủy viên châu Âu phụ trách kinh tế ...": the title names its party
    if (j + 1 < len(hits) and hits[j + 1].kind == "actor"
            and ((actors and POSTING.fullmatch(text[hits[j].end : hits[j + 1].start]))
                 or ABOUT.fullmatch(text[hits[j].end : hits[j + 1].start]))):
        # the post or the brief ("Đặc phái viên Mỹ về Triều Tiên Sung Kim"), not the party; with no party named
        # ("Đặc phái viên về Iran Robert Malley") the reference data's, or none
        j += 1
        role_end = hits[j].end
    portfolio = _portfolio_name(text, role_end, block_end)
    if portfolio is not None:
        named = _name_after(text, portfolio, block_end, after_party=True)
        if named:
            end, name, known = named
            owner = None
            while j + 1 < len(hits) and hits[j + 1].end <= end:
                j += 1
                if hits[j].kind == "actor" and OWNER_BEFORE.search(text[max(0, hits[j].start - 6) : hits[j].start]):
                    owner = hits[j].value  # "Bộ trưởng phụ trách châu Âu của Pháp Clément Beaune"
            party = tuple(actors[-1:]) or ((owner,) if owner else ()) or ((known.actor,) if known else ())
            return Mention(title.start, end, party, name, text[title.start:portfolio].rstrip()), j
    if (k := _next(hits, j, text, kinds=("person",))) is not None:
        person = gazetteer.person(hits[k].value)
        return Mention(title.start, hits[k].end, tuple(actors[-1:]) or (person.actor,), person.name,
                       text[title.start:role_end]), k
    titled = j
    if (k := _next(hits, j, text, kinds=("honorific",), glue=True)) is not None:
        j = k
    # "Trưởng đoàn Trung Quốc, Đại sứ Vương Quần, ...": a title in apposition to a placed office is placed too
    apposed = i > 0 and hits[i - 1].kind == "actor" and text[hits[i - 1].end : title.start] == ", "
    at = _past_institution(text, hits[j].end) if not actors else max(hits[j].end, role_end)
    placed = bool(actors) or at != hits[j].end  # a party, or an institution standing for it, after the title
    named = _name_after(text, at, block_end, after_party=placed or _is_rank(hits[j].value) or apposed, hits=hits)
    if named and j != titled and named[2] and actors and named[2].actor != actors[-1]:
        # "Hội đàm với Thủ tướng Đức, ông Putin sẵn sàng ...": a known person of another party is not this office's
        office = Mention(title.start, role_end, tuple(actors[-1:]), None, text[title.start:role_end], pronoun=True)
        return office, titled
    if named and not _is_alias_start(hits, j, named[0]):
        end, name, known = named
        if hits[j].kind == "honorific" and text[end : end + 1] == ",":
            end += 1  # "Thứ trưởng Ngoại giao Nga, ông Alexander Grushko, cảnh báo": through the comma
        party = tuple(actors[-1:]) or ((known.actor,) if known else ())
        while j + 1 < len(hits) and hits[j + 1].end <= end:
            j += 1
        return Mention(title.start, end, party, name, text[title.start:role_end]), j
    return Mention(title.start, role_end, tuple(actors[-1:]), None, text[title.start:role_end], pronoun=True), j


PORTFOLIO = re.compile(r"\s+(?:phụ\s+trách|tại)\s+")  # "phụ trách ...", or a post no party names ("tại ...")
PORTFOLIO_WORD = re.compile(r"\s*([^\W\d_][\w'’\-]*)")
PORTFOLIO_WORDS = 10  # "phụ trách các vấn đề châu Âu và Á-Âu": a portfolio is a few words
NAME_WORDS = 2  # an unknown name closing a run of capitals: its last two words ("Âu Olga Stefanishyna")


def _portfolio_name(text: str, pos: int, block_end: int) -> int | None:
    """Where the name starts after a title's portfolio or a post no party names ("Phó Thủ tướng Ukraine phụ trách hội
    nhập châu Âu Olga Stefanishyna", "Thứ trưởng Ngoại giao Mỹ phụ trách các vấn đề chính trị Victoria Nuland", "Đại
    diện thường trực Nga tại các tổ chức quốc tế ở Vienna Mikhail Ulyanov"): the last two words of
    the first run of two or more capitalised words, the portfolio's words before it no punctuation apart."""
    opened = PORTFOLIO.match(text, pos)
    if not opened:
        return None
    run: list[re.Match] = []
    at = opened.end()
    for _ in range(PORTFOLIO_WORDS + NAME_WORDS + 1):
        w = PORTFOLIO_WORD.match(text, at, block_end)
        capital = w is not None and w.group(1)[0].isupper()
        if capital:
            run.append(w)
            at = w.end()
            continue
        if len(run) >= NAME_WORDS:
            return run[-NAME_WORDS].start(1)
        if w is None:
            return None
        run = []
        at = w.end()
    return None


def _is_alias_start(hits, j, end) -> bool:
    return j + 1 < len(hits) and hits[j + 1].start < end and hits[j + 1].kind == "actor"


def _office_phrase(hits: list[Hit], i: int, text: str) -> tuple[Mention | None, int]:
    """ "chính quyền Tổng thống Mỹ Joe Biden", "một người phát ngôn Bộ Ngoại giao Mỹ": the party the
    office belongs to speaks; a person named in it does not speak in person."""
    hit, j, actors = hits[i], i, []
    while j + 1 < len(hits) and hits[j + 1].start - hits[j].end <= 2 and hits[j + 1].kind != "ignore":
        if (hits[j + 1].kind == "actor" or hit.kind == "collective") and "," in text[hits[j].end : hits[j + 1].start]:
            # "Theo các nhà ngoại giao, Mỹ, Anh và Pháp đã ...": the comma ends the source, a list follows; "Theo văn
            # phòng Thủ tướng Anh, ông Johnson nhấn mạnh ...": the office ends there, the man speaks
            break
        j += 1
        if hits[j].kind == "actor":
            actors.append(hits[j].value)
        elif hits[j].kind == "person":
            actors.append(gazetteer.person(hits[j].value).actor)
    if not actors and hit.value.casefold() in _anaphoric_officials() and _anaphoric_after(text, hit.end):
        return Mention(hit.start, hit.end, (), None, hit.value, pronoun=True), i  # "Quan chức này": resolved later
    if not actors:  # "người phát ngôn trên": the office is named elsewhere
        return None, i
    return Mention(hit.start, hits[j].end, (actors[0],), None, text[hit.start : hits[j].end]), j


def _phrase(hits: list[Hit], i: int, text: str, block_end: int) -> tuple[Mention | None, int]:
    """The mention that starts with hit i, and the index of the last hit it used."""
    hit = hits[i]
    if hit.kind == "title":
        return _title_phrase(hits, i, text, block_end)
    if hit.kind in ("collective", "spokes"):
        return _office_phrase(hits, i, text)
    if hit.kind == "honorific":
        if (k := _next(hits, i, text, kinds=("person",))) is not None:
            p = gazetteer.person(hits[k].value)
            return Mention(hit.start, hits[k].end, (p.actor,), p.name), k
        named = _name_after(text, hit.end, block_end, hits=hits)
        if named:
            return Mention(hit.start, named[0], ((named[2].actor,) if named[2] else ()), named[1]), i
        if hit.value[0].isupper() or text[hit.end : hit.end + 1] in (" ", ","):  # "ông cho biết", "Theo ông, ..."
            return Mention(hit.start, hit.end, (), None, None, pronoun=True, honorific=hit.value.lower()), i
        return None, i
    if hit.kind == "person":
        p = gazetteer.person(hit.value)
        return Mention(hit.start, hit.end, (p.actor,), p.name), i
    if hit.kind == "actor":
        # "Phó cố vấn an ninh quốc gia Nhà Trắng Matt Pottinger": a title the list lacks, then the
        # party and a full name: the person speaks for that party
        named = _name_after(text, hit.end, block_end, after_party=True)
        if named and not _is_alias_start(hits, i, named[0]) and SPACES.fullmatch(text[hit.end : hit.end + 1]):
            end, name, known = named
            while i + 1 < len(hits) and hits[i + 1].end <= end:
                i += 1
            return Mention(hit.start, end, (hit.value,), known.name if known else name), i
        return Mention(hit.start, hit.end, (hit.value,)), i
    return None, i


TIME_ZONE = re.compile(
    r"""giờ\s+$   # "tối 24/1 (giờ Mỹ)": a clock, not the party
    """,
    re.X | re.I,
)


PLACE_BEFORE_GLOSS = re.compile(r"[^\W\d_]*[A-ZĐ][^\W\d_]*\s*\(\s*$")
GLOSS_END = re.compile(r"\s*\)")


def _place_gloss(text: str, h: Hit) -> bool:
    """ "tại Vienna (Áo)", "Đại sứ quán Nga tại Prague (Séc)": a state in brackets after a place says where
    the place is; it names no party (an organisation's short name in brackets, "(NATO)", still does)."""
    return (h.value not in organisation_codes() and GLOSS_END.match(text, h.end) is not None
            and PLACE_BEFORE_GLOSS.search(text, max(0, h.start - 30), h.start) is not None)


def find_mentions(text: str, blocks: list[Block], captions: list[Block] = ()) -> list[Mention]:
    """Speaker and party mentions in the kept blocks, in text order, persons resolved (`captions`: photo captions,
    whose people placed by a title are known to the body by family name, "ông Kerry")."""
    budget = _NER_CALLS_LEFT.set(NER_CALLS_PER_ARTICLE)
    try:
        captioned = [m for m in _find_mentions(text, list(captions)) if m.person and m.actors] if captions else []
        return _resolve(text, _find_mentions(text, blocks), captioned)
    finally:
        _NER_CALLS_LEFT.reset(budget)


def _find_mentions(text: str, blocks: list[Block]) -> list[Mention]:
    out: list[Mention] = []
    block_hits = [(b, gazetteer.scan(text, b.start, b.end)) for b in blocks]
    common = named_elsewhere_aliases()
    named = {h.value for _, hits in block_hits for h in hits
             if h.kind == "actor" and text[h.start : h.end] not in common}
    for b, hits in block_hits:
        hits = [h for h in hits if h.value in named or text[h.start : h.end] not in common]
        hits = _referring_hits(text, _whole_word_hits(text, hits))
        hits = [h for h in hits
                if not (h.kind == "actor" and (TIME_ZONE.search(text, max(b.start, h.start - 6), h.start)
                                               or _place_gloss(text, h)))]
        i = 0
        while i < len(hits):
            if hits[i].kind == "pair":
                out.extend(_pair(text, hits[i], out))
            elif hits[i].kind == "group":  # "các nước Baltic": each of its parties, as "hai bên" gives two
                out.extend(Mention(hits[i].start, hits[i].end, (code,), grouped=True) for code in hits[i].value.split(","))
            else:
                mention, i = _phrase(hits, i, text, b.end)
                if mention:
                    out.append(mention)
            i += 1
    return [_speaks_for_none(text, m) for m in _appositions(text, out)]


CLAUSE_BEFORE = re.compile(r"[.!?;:\n“”\"]")


@functools.lru_cache(maxsize=1)
def _none_markers() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    words = load_titles().get("speaks_for_none") or {}
    return tuple(words.get("before") or ()), tuple(words.get("inside") or ()), tuple(words.get("not_markers") or ())


def _speaks_for_none(text: str, m: Mention) -> Mention:
    """ "Cựu Ngoại trưởng Mỹ Henry Kissinger", "Lãnh đạo phe đối lập Nga": a former office holder or
    the opposition speaks for no party (an unplaced person: not the last speaker either)."""
    before, inside, not_markers = _none_markers()
    preceding = CLAUSE_BEFORE.split(text[max(0, m.start - 20) : m.start])[-1]  # "... với phe đối lập.\n\nNgoại trưởng"
    lead_in = (preceding + " " + (m.role or "")).lower()
    for phrase in not_markers:
        lead_in = lead_in.replace(phrase, " ")
    if (preceding.split()[-1:] and preceding.split()[-1] in before) or any(has_word(lead_in, w.lower()) for w in inside):
        return replace(m, actors=(), person=m.person or m.role, role=None, pronoun=False)
    if m.person and _former_title_before(text, m.start, before):
        return replace(m, actors=(), role=None, pronoun=False)
    return m


FORMER_TITLE_WORDS = 6  # "Cựu thẩm phán Tòa án Tối cao Philippines Antonio Carpio": a title the reference data lacks


def _former_title_before(text: str, start: int, markers: tuple[str, ...]) -> bool:
    """A former-office marker opening the few title words right before a named person, no comma, verb or "và"
    between ("Cựu thẩm phán Tòa án Tối cao Philippines Antonio Carpio cho rằng ...")."""
    words = re.split(r"[,;:.!?“”\"()\n]", text[max(0, start - 60) : start])[-1].split()
    at = max((i for i, w in enumerate(words) if w in markers), default=None)
    title = words[at + 1 :] if at is not None else []
    return at is not None and 0 < len(title) <= FORMER_TITLE_WORDS and "và" not in title


ANAPHOR_REACH = 250  # characters back to the state "nước này" refers to
PAIR_REACH = 400  # characters back to the two parties "hai bên" refers to


def _pair(text: str, hit: Hit, before: list[Mention]) -> list[Mention]:
    """ "hai nhà lãnh đạo", "cả hai bên": the last two parties named before, one mention each (as a
    subject they hold a position jointly); none when the words name them right after ("hai phía Nga và
    NATO") or fewer than two parties were named. "ba/bốn nhà lãnh đạo": the last three/four persons; "ba/bốn bên":
    the last three/four parties."""
    if NAME_WORD.match(text, hit.end + 1) and text[hit.end + 1 : hit.end + 2].isupper():
        return []
    people = not hit.value.startswith("parties")  # "hai nhà lãnh đạo" names two persons, "hai bên" two parties
    n = int(hit.value[-1]) if hit.value[-1].isdigit() else 2  # "people3": "ba nhà lãnh đạo", "parties4": "bốn bên"
    if n > 2 and text[hit.start : hit.end].lower().endswith("nước"):
        # "ba nước": the three named together last ("Anh, Pháp và Đức ... Ba nước cũng nhấn mạnh"), not a group
        # named after it ("Ba nước châu Âu đã trục xuất ...") nor the last three parties named one by one
        listed = [] if _group_named_after(text, hit.end) else (
            _last_list(text, hit.start, before, n) or _host_and_guests(text, hit.start, before, n))
        if not listed and LEADERS_OF.match(text, hit.start):
            # "lãnh đạo 5 nước" after Biden's call with Macron, Merkel, Draghi and Johnson: the leaders named last
            named = _last_named(hit, before, n, persons_only=True)
            listed = list(reversed(named.values())) if len(named) == n else []
        return [Mention(hit.start, hit.end, m.actors) for m in listed]
    # two leaders are the last two persons named ("Putin ... với Tổng thống Pháp Macron ..., hai nhà lãnh
    # đạo"), not parties named in between ("phản hồi của Mỹ và NATO"); else the last two parties
    named = _last_named(hit, before, n, persons_only=True) if people else {}
    if len(named) < n and not people and n == 2:
        named = _met(text, hit, before)
    if len(named) < n:
        named = _last_named(hit, before, n, persons_only=False, exclude=_asking(text, hit, before))
    if len(named) < n:
        named = _last_named(hit, before, n, persons_only=False)
    if len(named) < n:
        return []
    return [Mention(hit.start, hit.end, m.actors, m.person if people else None, m.role if people else None)
            for m in reversed(named.values())]


LEADERS_OF = re.compile(r"(?:lãnh\s+đạo|ngoại\s+trưởng|bộ\s+trưởng)\s", re.I)
LIST_GLUE = re.compile(r"\s*(?:,|và|lẫn|cùng|cũng như)\s*$")


def _last_list(text: str, at: int, before: list[Mention], n: int) -> list[Mention]:
    """The last n parties named as one list ("Anh, Pháp và Đức") within reach of `at`, or none; with n = 0, the last
    list of any length, or an organisation named alone ("Lãnh đạo G7 ...")."""
    listed: list[Mention] = []
    for m in reversed(before):
        if at - m.end > PAIR_REACH:
            break
        if not m.actors:
            continue
        if listed and not LIST_GLUE.fullmatch(text[m.end : listed[-1].start]):
            if len(listed) == n or (n == 0 and _a_group(listed)):
                break
            listed = []
        if not listed or m.actors != listed[-1].actors:
            listed.append(m)
    if n == 0:
        return list(reversed(listed)) if _a_group(listed) else []
    return list(reversed(listed)) if len({m.actors for m in listed}) == n else []


GUESTS_AFTER = re.compile(r"\bvới\s+(?:[^\s,.;]+\s+){0,3}$", re.I)  # "hội đàm với (đại diện) Đức, Pháp và Anh"


def _host_and_guests(text: str, at: int, before: list[Mention], n: int) -> list[Mention]:
    """ "Ngoại trưởng Blinken hội đàm với đại diện Đức, Pháp và Anh. ... 4 nước khẳng định ...": the n - 1 parties
    met, listed last, and the one who met them, named before them in the same sentence."""
    guests = _last_list(text, at, before, n - 1) if n > 2 else []
    if not guests or not GUESTS_AFTER.search(text, max(0, guests[0].start - 40), guests[0].start):
        return []
    opened = max((m.end() for m in SENTENCE_END.finditer(text, 0, guests[0].start)), default=0)
    taken = {m.actors for m in guests}
    host = next((m for m in before if opened <= m.start and m.end <= guests[0].start and m.actors
                 and m.actors not in taken), None)
    return [host, *guests] if host else []


def _a_group(listed: list[Mention]) -> bool:
    """Several parties, or one organisation of several (G7, EU, NATO, ASEAN)."""
    return len({m.actors for m in listed}) > 1 or (len(listed) == 1 and listed[0].actors[0] in organisation_codes())


def _group_named_after(text: str, end: int) -> bool:
    """A word naming the group right after "ba nước" / "các nhà lãnh đạo" (titles.yaml: group_named_after)."""
    after = text[end : end + 16].lstrip().lower()
    return any(re.match(re.escape(w.lower()) + r"(?!\w)", after) for w in load_titles().get("group_named_after") or ())


ASKED_REACH = 24  # characters between a verb and the sides it addresses ("kêu gọi cả hai bên")


def _asking(text: str, hit: Hit, before: list[Mention]) -> frozenset[tuple[str, ...]]:
    """ "Moscow kêu gọi cả hai bên kiềm chế": the sides asked are not the party asking, the subject named before the
    verb in the same sentence."""
    opening = max((m.end() for m in SENTENCE_END.finditer(text, max(0, hit.start - PAIR_REACH), hit.start)),
                  default=max(0, hit.start - PAIR_REACH))
    verb = next((c for c in reversed(find_cues(text, opening, hit.start))
                 if not c.noun and c.kind != "speech" and hit.start - c.end <= ASKED_REACH), None)
    if verb is None:
        return frozenset()
    return frozenset(m.actors for m in before if opening <= m.start and m.end <= verb.start and m.actors)


SENTENCE_END = re.compile(r"[.!?…]\s|\n")


@functools.lru_cache(maxsize=1)
def meeting_words() -> re.Pattern:
    words = sorted(lexicon_words("event_words"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I)


def _met(text: str, hit: Hit, before: list[Mention]) -> dict[tuple[str, ...], Mention]:
    """ "Hai bên nhất trí tiếp tục đối thoại" after a meeting: its two sides, the two parties named nearest
    the meeting word in the last sentence naming one ("Sherman và Ryabkov hội đàm tại Geneva", "cuộc đàm
    phán giữa Nga và Mỹ"), not the last two parties of the sentences between."""
    reach = max(0, hit.start - PAIR_REACH)
    meetings = list(meeting_words().finditer(text, reach, hit.start))
    if not meetings:
        return {}
    at = meetings[-1].start()
    ends = [m.end() for m in SENTENCE_END.finditer(text, reach, hit.start)]
    sentence = (max((e for e in ends if e <= at), default=reach), min((e for e in ends if e > at), default=hit.start))
    in_sentence = [m for m in before if m.actors and sentence[0] <= m.start and m.end <= sentence[1]
                   and not _posted_at(text, m.start)]  # "hội đàm ... tại Moscow": the venue
    named: dict[tuple[str, ...], Mention] = {}
    for m in sorted(in_sentence, key=lambda m: min(abs(m.end - at), abs(m.start - at))):
        if len(named) == 2:
            break
        named.setdefault(m.actors, m)
    return dict(sorted(named.items(), key=lambda item: item[1].start, reverse=True)) if len(named) == 2 else {}


def _last_named(hit: Hit, before: list[Mention], n: int, *, persons_only: bool,
                exclude: frozenset = frozenset()) -> dict[tuple[str, ...], Mention]:
    named: dict[tuple[str, ...], Mention] = {}
    for m in reversed(before):
        if hit.start - m.end > PAIR_REACH or len(named) == n:
            break
        if not m.actors or (persons_only and not m.person) or m.actors in exclude:
            continue
        if m.actors not in named:
            named[m.actors] = m
        elif m.person and not named[m.actors].person:
            named[m.actors] = m  # "Tổng thống Nga Vladimir Putin" over a later bare "Nga"
    return named


DOCUMENT_REACH = 40  # characters between the party and the document it published ("Nga đã công bố dự thảo")
SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|\n\s*)$")
THEO_DOCUMENT = re.compile(r"(?:^|[.!?…]\s+|\n\s*)Theo\s+$")  # "Theo dự thảo, ..."
# a document as the subject after an opener ("Tuy nhiên, báo cáo nhấn mạnh ...") or a quotation ("“...”, báo cáo nêu rõ")
DOCUMENT_SUBJECT = re.compile(r"(?:(?:^|[.!?…]\s+|\n\s*)[A-ZĐ][^\s,.]*(?:\s+[^\s,.]+){0,2},|[”\"],)\s+$")
# "báo cáo do Ủy ban ... công bố", "tuyên bố chung được Điện Kremlin đăng tải"
AUTHORED = re.compile(r"\s+(?:\S+\s+){0,2}?(?:do|của|được)\s+(?:[^\s,.]+\s+){0,4}?$")
AUTHOR_NAMED = re.compile(r"\s+(?:\S+\s+){0,2}?(?:do|của)\s")  # "Báo cáo của Lầu Năm Góc ...": its own author named
BARE_DOCUMENT_END = re.compile(r"\s*(?:này|đó|trên|mới)?\s*,")  # "Theo dự thảo này, ...": no author named after it
PUBLISHED = re.compile(
    r"""\s+(?:\S+\s+){0,5}?(?:công\ bố|đăng\ tải|đưa\ ra|soạn\ thảo|công\ khai|ban\ hành|trao|gửi|ra|phát\ đi|thông\ qua)
        \s+(?:\S+\s+){0,3}?$   # "Bộ Ngoại giao Nga đã công bố toàn văn hai dự thảo": Nga published it
    """,
    re.X | re.I,
)


IN_DOCUMENT = re.compile(r"(?:^|[.!?…]\s+|\n\s*)Trong\s+$")  # "Trong tuyên bố chung ..., <its authors> ..."
QUOTE_OPENS = re.compile(r"[“\"]")  # "hai nước khẳng định “phản đối việc NATO ...": a party in what they say
# "Đại sứ quán Trung Quốc tại (thủ đô) Canberra ra tuyên bố": the post, not the author
PLACE_NOUN = r"(?:thủ\s+đô|thành\s+phố|tỉnh|bang|vùng|đảo)\s+"  # "tại thủ đô Manila": the place, then its name
POSTED_AT = re.compile(r"\b(?:tại|ở)\s+(?:%s)?$" % PLACE_NOUN)


def _posted_at(text: str, pos: int) -> bool:
    """The party at pos is where someone is posted or met ("tại (thủ đô) Canberra"), not who speaks."""
    return POSTED_AT.search(text, max(0, pos - 20), pos) is not None


SAID_AFTER = re.compile(r"\s+(?:(?:này|đó|mới|cũng|chung)\s+){0,2}(?:nhấn\ mạnh|cho\ biết|nêu\ rõ|khẳng\ định|viết|"
                        r"cho\ rằng|kêu\ gọi|cảnh\ báo|yêu\ cầu|bác\ bỏ|lên\ án)\b", re.I)


@functools.lru_cache(maxsize=1)
def _verb_like_documents() -> frozenset[str]:
    return frozenset(load_titles().get("verb_like_documents") or ())


AFTER_QUOTATION = re.compile(r"[”\"],\s+$")


@functools.lru_cache(maxsize=1)
def _quoted_documents() -> frozenset[str]:
    return frozenset(load_titles().get("quoted_documents") or ())


def _document_holder(text: str, h: Hit) -> Hit | None:
    """ "Dự thảo cũng đòi Mỹ ...": a sentence whose subject is a document named before speaks for the
    party that published it ("Bộ Ngoại giao Nga đã công bố dự thảo ..."); elsewhere the word is no mention."""
    if text[h.start : h.end] in _verb_like_documents() and not SAID_AFTER.match(text, h.end):
        return None  # "Tuyên bố tại cuộc họp báo, ông X ...": the verb, not the document
    opens = SENTENCE_START.search(text, max(0, h.start - 3), h.start) and text[h.start].isupper()
    after_theo = THEO_DOCUMENT.search(text, max(0, h.start - 8), h.start) and BARE_DOCUMENT_END.match(text, h.end)
    subject = DOCUMENT_SUBJECT.search(text, max(0, h.start - 30), h.start) and not AUTHOR_NAMED.match(text, h.end)
    if text[h.start : h.end] in _quoted_documents():  # (as written: "Thông cáo" opening a sentence is a document)
        opens = after_theo = False
        subject = subject and AFTER_QUOTATION.search(text, max(0, h.start - 4), h.start)
    if not (opens or after_theo or subject):
        return None
    word = text[h.start : h.end].lower()
    for earlier, word in _earlier_documents(text, word, h.start):  # its own word, else the last document's
        # the publisher before it ("Nga đã công bố dự thảo"), or its author after it ("báo cáo do Hạ viện Mỹ công bố")
        before = gazetteer.scan(text, max(0, earlier - DOCUMENT_REACH - ANAPHOR_REACH), earlier)  # earlier paragraphs too
        party = next((b for b in reversed(before) if b.kind in ("actor", "anaphor") and b.end >= earlier - DOCUMENT_REACH
                      and PUBLISHED.fullmatch(text, b.end, earlier)
                      and not _posted_at(text, b.start)), None)
        if party is not None and party.kind == "anaphor":  # "Phía Lithuania, Bộ Ngoại giao nước này đã ra thông cáo"
            party = next((b for b in reversed(before) if b.kind == "actor" and b.end <= party.start), None)
        after = gazetteer.scan(text, earlier + len(word), earlier + len(word) + DOCUMENT_REACH)
        party = party or next((a for a in after if a.kind == "actor"
                               and AUTHORED.fullmatch(text, earlier + len(word), a.start)), None)
        if party is None and IN_DOCUMENT.search(text, max(0, earlier - 8), earlier):
            # "Trong tuyên bố chung công bố rạng sáng nay, các nhà lãnh đạo EU cảnh báo ...": the subject after it
            comma = text.find(",", earlier, earlier + DOCUMENT_REACH * 2)
            subject = gazetteer.scan(text, comma + 1, comma + 1 + DOCUMENT_REACH) if comma >= 0 else []
            party = next((a for a in subject
                          if a.kind == "actor" and not QUOTE_OPENS.search(text, comma, a.start)), None)
        if party:
            joint = _coordinated(text, before, party)  # "Pháp và Đức ra tuyên bố chung": both issued it
            if text.startswith("chung", earlier + len(word) + 1) or word.endswith(" chung"):
                # "Tổng thống Mỹ Joe Biden và Thủ tướng Nhật Bản Yoshihide Suga ra tuyên bố chung": every party of its
                # sentence before it issued it
                stop = text.rfind(". ", 0, party.start)
                opening = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, party.start) + 1)
                joint = [b for b in before if b.kind == "actor" and opening <= b.start <= party.start]
            if party.start > earlier:  # its authors after it: "được Bộ Ngoại giao Mỹ và Bộ ... Trung Quốc công bố"
                joint = [party] + [a for a in gazetteer.scan(text, party.end, party.end + DOCUMENT_REACH * 2)
                                   if a.kind == "actor" and CO_AUTHOR.fullmatch(text, party.end, a.start)]
            codes = list(dict.fromkeys(b.value for b in joint))
            if len(codes) > 1:
                return Hit(h.start, h.end, "group", ",".join(codes))
            return Hit(h.start, h.end, "actor", party.value)
    return None


CO_AUTHOR = re.compile(r"\s+và\s+(?:[^\s,.]+\s+){0,6}?")  # "... Mỹ và Bộ Sinh thái và Môi trường Trung Quốc"
GENERIC_DOCUMENTS = ("văn bản", "văn kiện")  # the document just spoken of, whatever it was called


def _earlier_documents(text: str, word: str, before: int):
    """Where the document a sentence opens with was named before, nearest first: its own word ("dự thảo" ... "Dự
    thảo cũng đòi ..."), else, for a generic word ("Văn bản cho biết ..."), the last document named by another word."""
    lower = text.lower()
    at = lower.rfind(word, 0, before)
    while at >= 0:
        yield at, word
        at = lower.rfind(word, 0, at)
    if word in GENERIC_DOCUMENTS:
        named = [h for h in gazetteer.scan(text, 0, before)
                 if h.kind == "document" and text[h.start : h.end].lower() not in GENERIC_DOCUMENTS]
        if named:
            yield named[-1].start, text[named[-1].start : named[-1].end].lower()


LIST_CLOSED = re.compile(r"\s*,?\s*và\s*")  # "... và Pháp"
LISTED = re.compile(r"\s*,\s*")  # "Mỹ, Anh ..."


def _coordinated(text: str, hits: list[Hit], last: Hit) -> list[Hit]:
    """The parties listed up to `last` ("Mỹ, Anh và Pháp"; a comma alone is no list: "Đáp lại quyết định của EU, Bộ
    Ngoại giao Trung Quốc ..."), in order; `hits` are in text order."""
    out = [last]
    for b in reversed([b for b in hits if b.end <= last.start]):
        gap = LIST_CLOSED if len(out) == 1 else LISTED
        if b.kind != "actor" or not gap.fullmatch(text, b.end, out[0].start):
            break
        out.insert(0, b)
    return list({b.value: b for b in out}.values())


def _referring_hits(text: str, hits: list[Hit]) -> list[Hit]:
    """Words that name a party by reference, made that party's hits (or dropped): the host ("Blinken đã đến
    thăm Ukraine, nơi các quan chức nước chủ nhà ..."), "this country" ("Về phía Nga, nước này ...": the
    party named last before it) and a published document opening a sentence (`_document_holder`)."""
    visits = tuple(load_titles().get("visit_words") or ())
    out: list[Hit] = []
    for h in hits:
        if h.kind == "document":
            h = _document_holder(text, h)
            if h is None:
                continue
        if h.kind == "anaphor":
            # the party named last, preferring one that is no object ("Nga ... gần biên giới Ukraine. Tuy nhiên,
            # nước này ...": Russia, not the Ukraine of "biên giới Ukraine")
            named_before = [v for v in _within(out, h.start, ANAPHOR_REACH) if v.kind == "actor"
                            and not (v.value in organisation_codes() and "nước" in h.value.lower())]  # a state
            named = next((v for v in named_before if not OBJECT_OF.search(text, max(0, v.start - 14), v.start)),
                         named_before[0] if named_before else None)
            if named is None:
                continue
            h = Hit(h.start, h.end, "actor", named.value)
        if h.kind == "body_anaphor":
            if PLURAL_BEFORE.search(text, max(0, h.start - 12), h.start):
                continue  # "các tổ chức này": several bodies named before
            named = next((v for v in _within(out, h.start, BODY_ANAPHOR_REACH)
                          if v.kind == "actor" and _is_body(text, v, h.value)), None)
            if named is None:
                continue
            h = Hit(h.start, h.end, "actor", named.value)
        if h.kind == "host":
            visited = next((v for v in _within(out, h.start, 120) if v.kind == "actor"
                            and text[max(0, v.start - 12) : v.start].rstrip().endswith(visits)), None)
            if visited is None:
                continue
            h = Hit(h.start, h.end, "actor", visited.value)
        out.append(h)
    return out


PLURAL = r"(?:một\s+số|các|những|nhiều)\s+"  # "các tổ chức này", "một số Ngoại trưởng EU": more than one
PLURAL_BEFORE = re.compile(PLURAL + "$", re.I)
BODY_ANAPHOR_REACH = 400  # "Cơ quan này" opens the sentence after the one its body spoke in, however long


def _is_body(text: str, hit: Hit, body: str) -> bool:
    """Whether a party's hit names a body of the sort a "this bloc / body / ministry" refers to."""
    if hit.value in organisation_codes():
        return body != "ministry"
    words = text[hit.start : hit.end].split()
    if body == "ministry":
        return words[0] == "Bộ"
    return body == "body" and len(words) > 1 and any(
        text.startswith(head + " ", hit.start) for head in load_titles().get("body_heads") or ())


OBJECT_OF = re.compile(r"\b(?:biên\ giới|của|với|tới|đến|từ|vào|giữa|gần|cho|tại|ở|về|sang|nhằm\ vào)\s+$", re.I)


def _within(hits: list[Hit], pos: int, reach: int):
    """The hits ending less than `reach` characters before pos, nearest first (hits are in text order:
    the walk back stops at the first one farther away)."""
    for v in reversed(hits):
        if pos - v.end >= reach:
            return
        yield v


def _whole_word_hits(text: str, hits: list[Hit]) -> list[Hit]:
    """Drop "Pháp" in "Pháp luật", "Anh" in "Anh hùng": a short name opening a compound word (actors.yaml)."""
    return [h for h in hits if not (
        h.kind == "actor" and opens_with_word(text[h.start : h.start + 30], _compounds_from(text[h.start : h.end])))]


@functools.lru_cache(maxsize=64)
def _compounds_from(name: str) -> tuple[str, ...]:
    return tuple(w for w in compound_words() if w.startswith(name + " "))


def _appositions(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Bà Maria Zakharova, người phát ngôn Bộ Ngoại giao Nga, ..." : name and title are one speaker;
    "Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO)" is one party."""
    out: list[Mention] = []
    skip_to = 0
    for i, m in enumerate(mentions):
        if i < skip_to:
            continue
        prev = out[-1] if out else None
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        if (prev and prev.role and not prev.person and not prev.actors and m.person and m.actors
                and text[prev.end : m.start].strip() == "của" and after is not None and after.person
                and text[m.end : after.start] == ", "):
            # "Người phát ngôn của Tổng thống Rodrigo Duterte, ông Harry Roque, ...": the office of his party
            out[-1] = Mention(prev.start, m.end, m.actors, None, text[prev.start : m.end], pronoun=True)
            continue
        name = _bare_name_before(text, m.start) if m.role and not m.person else None
        found = _apposition(text, mentions, i) if name and not (prev and prev.end > name[0]) else None
        if found:
            # "“...”, Andrea Gacki, giám đốc Văn phòng ... của Bộ Tài chính Mỹ, cho biết": a name the reference
            # data lacks, with no honorific, placed by the title in apposition after it
            inside, close, party = found
            out.append(Mention(name[0], close + 1, party.actors, text[name[0] : name[1]], text[m.start : close]))
            skip_to = i + len(inside)
            continue
        relative = bool(prev) and HOLDING_OFFICE.fullmatch(text, prev.end, m.start) is not None
        if prev and prev.person and not m.person and m.role and (text[prev.end : m.start] == ", " or relative):
            # "Ông Bob Menendez, Chủ tịch Ủy ban Đối ngoại Thượng viện Mỹ, ...", "Đại sứ Marshall Billingslea,
            # Đặc phái viên của Tổng thống Mỹ về Kiểm soát Vũ khí, ...": the title runs to the closing comma and
            # its last party is his
            found = _apposition(text, mentions, i)
            if found and relative and HELD_THEN.search(text, m.end, found[1]):
                found = None  # "..., người giữ chức Bộ trưởng Quốc phòng Séc khi xảy ra vụ nổ, ...": held then
            if found:
                inside, close, party = found
                out[-1] = Mention(prev.start, close + 1, party.actors, prev.person, text[m.start : close])
                skip_to = i + len(inside)
                continue
        if (prev and prev.actors and not prev.person and m.person and m.actors in ((), prev.actors)
                and text[prev.end : m.start] == ", "):
            # "Tư lệnh Bộ Chỉ huy Chiến lược Mỹ, Đô đốc Charles Richard": a title its party closes places the name
            # (and names the office of one the reference data knows: "Chủ tịch Hội đồng liên bang Nga, bà ...")
            title = _title_before(text, out)
            if title is not None:
                start, end = out[title].start, m.end + 1 if text[m.end : m.end + 1] == "," else m.end
                out[title:] = [Mention(start, end, prev.actors, m.person, text[start : prev.end])]
                continue
        if (prev and prev.person and not m.person and m.role and m.actors
                and text[prev.end : m.start] == ", " and text[m.end : m.end + 1] == ","):
            out[-1] = Mention(prev.start, m.end + 1, m.actors, prev.person, m.role)  # through the closing comma
            continue
        if (prev and prev.pronoun and prev.role and prev.actors and m.person and m.role
                and text[prev.end : m.start] == ", " and not GOVERNED.search(text, max(0, prev.start - 12), prev.start)
                and not (_is_descriptor(prev.role) and m.actors not in ((), prev.actors))):
            # "Trưởng đoàn Nga, Thứ trưởng Ngoại giao Sergei Ryabkov": he speaks in the first capacity named (not
            # "người đồng cấp Nga, Ngoại trưởng Mỹ Antony Blinken": the counterpart is another man)
            end = m.end + 1 if text[m.end : m.end + 1] == "," else m.end  # through the closing comma
            out[-1] = Mention(prev.start, end, prev.actors, m.person, prev.role)
            continue
        if (prev and prev.role and prev.actors and not prev.person and m.person and not m.actors
                and text[prev.end : m.start] == ", "):
            # "Người phát ngôn Bộ Ngoại giao Indonesia, ông Teuku Faizasyah, ...": the title places the name
            end = m.end + 1 if text[m.end : m.end + 1] == "," else m.end
            out[-1] = Mention(prev.start, end, prev.actors, m.person, prev.role)
            continue
        if (prev and prev.actors and prev.actors == m.actors and not m.person
                and text[prev.end : m.start].strip() == "(" and text[m.end : m.end + 1] == ")"):
            out[-1] = replace(prev, end=m.end + 1)  # "Liên minh châu Âu (EU)": one name and its abbreviation
            continue
        out.append(m)
    return out


APPOSITION_REACH = 120  # characters of a title in apposition, up to its closing comma
# "Thủ tướng Armenia Nikol Pashinyan, người đang giữ cương vị Chủ tịch Hội đồng An ninh tập thể CSTO, ...": the office
# he holds, in a relative clause, is the capacity he speaks in (heldout8 codes the OSCE chair's words as the OSCE's)
HOLDING_OFFICE = re.compile(r", (?:người (?:đang |hiện |hiện đang )?(?:giữ|nắm giữ|nắm|là)"
                            r"(?: (?:chức|cương vị|vai trò|ghế))?"
                            # "Ngoại trưởng Ba Lan Zbigniew Rau, phát biểu trên cương vị Chủ tịch luân phiên OSCE, ..."
                            r"|(?:phát biểu )?(?:trên|với) (?:cương vị|tư cách)) ", re.I)
HELD_THEN = re.compile(r"\b(?:khi|hồi|thời\s+điểm|trước\s+đây|vào\s+năm)\b", re.I)  # ... not one held then
# "Sau cuộc gặp với Ngoại trưởng Ukraine, Tổng thư ký NATO Jens Stoltenberg nói ...": a title after these words is
# their object, and the title after its comma opens the subject: no apposition; nor after a meeting's name ("bên lề hội
# nghị bộ trưởng OSCE, Ngoại trưởng Mỹ Antony Blinken ...": the ministers met, he speaks for his own party)
GOVERNED = re.compile(r"\b(?:với|của|gặp|tiếp|cùng|và|hội\s+nghị|cuộc\s+họp|phiên\s+họp)\s+$", re.I)
APPOSITION_BREAK = re.compile(r"[.;:!?“”\"]")


def _apposition(text: str, mentions: list[Mention], i: int) -> tuple[list[Mention], int, Mention] | None:
    """The mentions of a title in apposition that starts with mentions[i] and names a party before its
    closing comma, that comma's offset and the last party named (the holder's); None when it is no such
    title."""
    close = text.find(",", mentions[i].end, mentions[i].start + APPOSITION_REACH)
    if close < 0 or APPOSITION_BREAK.search(text, mentions[i].start, close):
        return None
    inside = [x for x in mentions[i:] if x.end <= close]
    if any(x.person for x in inside) or not any(x.actors for x in inside):
        return None
    if any(not c.noun for c in find_cues(text, mentions[i].end, close)):
        return None  # "ông Stoltenberg, Thủ tướng Kallas nói Estonia muốn ...,": a clause of its own, no title
    parties = [x for x in inside if x.actors]
    # "trưởng đoàn đàm phán của Tehran tại Vienna": the post is no party of his
    unposted = [x for x in parties if not _posted_at(text, x.start)]
    party = (unposted or parties)[-1]
    if _non_state_body().search(text, mentions[i].start, party.start):
        return None
    return inside, close, party


BARE_NAME_OPENER = re.compile(r"(?:^|[.!?\n]\s*|[”\"]\s*,\s*)$")  # a sentence's start, or a quotation's comma


def _bare_name_before(text: str, title_start: int) -> tuple[int, int] | None:
    """The span of two to four capitalised words between a sentence's start or a closing quotation's comma
    and the comma before a title ("“...”, Andrea Gacki, giám đốc ..."); None when there are none."""
    end = title_start - 2
    if end <= 0 or text[end:title_start] != ", ":
        return None
    floor = max(0, end - 60)  # a name is shorter than this
    stop = max(text.rfind(",", floor, end), text.rfind(".", floor, end), text.rfind("\n", floor, end))
    start = end - len(text[stop + 1 : end].lstrip())
    if _capital_words(text, start) != (start, end) or not 2 <= len(text[start:end].split()) <= 4:
        return None
    return (start, end) if BARE_NAME_OPENER.search(text, max(0, start - 4), start) else None


@functools.lru_cache(maxsize=1)
def _non_state_body() -> re.Pattern:
    """A capitalised word opening the name of a body outside the state (`titles.yaml: non_state_bodies`)."""
    words = sorted(load_titles().get("non_state_bodies") or (), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\s") if words else re.compile(r"(?!)")


def _title_before(text: str, out: list[Mention]) -> int | None:
    """The index in `out` of a bare title that the last mention, a party, closes ("Tư lệnh Bộ Chỉ huy Chiến
    lược Mỹ"); None when the party stands alone."""
    party = out[-1]
    for k in range(len(out) - 2, -1, -1):
        m = out[k]
        if m.person or party.end - m.start > APPOSITION_REACH or APPOSITION_BREAK.search(text, m.start, party.start):
            return None
        if "," in text[m.end : party.start]:
            return None
        if m.role and m.pronoun and not m.actors:
            return k
    return None


def _resolve(text: str, mentions: list[Mention], captioned: list[Mention] = ()) -> list[Mention]:
    """Give bare titles the person or office named earlier ("Ngoại trưởng Mỹ" -> Antony Blinken,
    "người phát ngôn trên" -> the spokesperson of the Bộ Ngoại giao Mỹ named before)."""
    in_captions = {m.person: m for m in captioned}
    by_role: dict[str, Mention] = {}
    by_office: dict[str, Mention] = {}  # people.yaml's role, whole -> the person of it named last
    by_person: dict[str, Mention] = {}  # people not in people.yaml, as first named with their party
    out: list[Mention] = []
    for m in mentions:
        m = _known_from_earlier(text, m, by_person)
        if not m.actors and in_captions:
            m = _known_from_earlier(text, m, in_captions)
        named = _name_word(text, m.end) if m.pronoun and not m.person and not m.role else None
        if named:
            # "ông Kissinger": a person the article names but does not place speaks, not the last speaker;
            # a later "ông" is this person, who holds no party's position
            m = replace(m, end=named.end(), person=named.group(), pronoun=False)
        if m.person and m.actors:
            first = by_person.setdefault(m.person, m)
            retitled = m.role is not None and m.start > first.end and _names_party(m.role)
            if first.actors != m.actors and first.actors[0] in organisation_codes() and not retitled:
                # "Chủ tịch luân phiên OSCE, Ngoại trưởng Ba Lan Zbigniew Rau ... Ông Rau kêu gọi ...": the capacity he
                # was introduced in holds in the article, unless a title names another party again
                m = replace(m, actors=first.actors)
        if m.person and m.role and m.actors:
            by_role[_role_key(m.role, m.actors[0])] = m
        if m.person and m.actors and (known := gazetteer.person(m.person)) and known.role:
            by_office[known.role.casefold()] = m
        if not m.person and not m.pronoun and m.role and m.actors and m.role.casefold() in by_office:
            # "Dmitry Peskov ... người phát ngôn Điện Kremlin nói thêm": the office phrase is the holder named before
            m = replace(m, person=by_office[m.role.casefold()].person)
        if m.pronoun and m.role:
            # "bà Zakharova ... người phát ngôn Bộ Ngoại giao Nga": the office the reference data gives her, whole
            earlier = by_office.get(m.role.casefold()) or by_role.get(_role_key(m.role, m.actors[0] if m.actors else ""))
            known = gazetteer.office_holders(m.role)
            if earlier and known and earlier.person not in known:
                earlier = None  # "người phát ngôn Điện Kremlin" after Zakharova, the ministry's: another office
            if earlier is None and not m.actors and _anaphoric_after(text, m.end) and not _is_descriptor(m.role):
                earlier = _same_office(out, m.role)  # "người phát ngôn trên": the one named before
            if earlier is None and not m.actors and text[m.start : m.end].casefold() in _bare_spokesperson_titles():
                # "... Uông Văn Bân nói ... Người phát ngôn cũng cho rằng ...": a spokesman named before, the only one
                # a bare "người phát ngôn" can be (no aide relays a spokesman)
                earlier = _same_office(out, m.role)
            head_of = _office_headed(m.role)
            if earlier is None and head_of:
                # "Người đứng đầu Lầu Năm Góc": the defence secretary named before, not the party's person named last
                earlier = by_office.get(head_of.casefold()) or by_role.get(
                    _role_key(head_of, m.actors[0] if m.actors else ""))
            elif earlier is None and _is_descriptor(m.role) and (m.actors or _anaphoric_after(text, m.end)):
                # "nhà ngoại giao Nga": that party's person named last; "nhà lãnh đạo này": the person named last
                same_side = [e for e in reversed(out) if e.person and (e.actors == m.actors or not m.actors)]
                # "Nhà lãnh đạo Nga đáp lại ...": the head of state or government named, not his aide named last
                leader = _is_leader(m.role) and next((e for e in same_side if _holds_top_office(e)), None)
                earlier = leader or next(iter(same_side), None)
                if earlier is None and m.actors and _anaphoric_after(text, m.end):
                    # "Đặc phái viên LHQ ... Christine Schraner Burgener ... Nhà ngoại giao Thụy Sĩ này": the person named
                    # last, if an organisation's, in the capacity she spoke in (her nationality is no party of hers)
                    last = next((e for e in reversed(out) if e.person and e.actors), None)
                    if last is not None and last.actors[0] in organisation_codes():
                        earlier, m = last, replace(m, actors=last.actors)
            if earlier is None and not m.actors and m.role.casefold().startswith("nữ "):
                # "Nữ phát ngôn viên cho biết thêm ...", "“...”, nữ đại sứ nói": the woman of that title spoken of
                # last, else the person named last with a title
                title = OFFICE_KEY.sub("", m.role.casefold()[3:]).strip()
                titled = [e for e in reversed(out) if e.person and e.actors and e.role]
                ranked = ([e for e in titled if title in e.role.casefold() and _called_ba(text, e, m.start)]
                          + [e for e in titled if _called_ba(text, e, m.start)]
                          + [e for e in titled if title in e.role.casefold()] + titled)
                earlier = next(iter(ranked), None)
            if earlier is None and not m.actors and m.role.casefold() in _anaphoric_officials() \
                    and _anaphoric_after(text, m.end):
                # "Quan chức này cảnh báo ...": the official spoken of last, named or not ("một quan chức Mỹ")
                earlier = next((e for e in reversed(out) if e.role and e.actors), None)
            bare = not m.actors and text[m.start : m.end] == m.role
            if earlier is None and bare and _refers_back(text, m.start, m.end):
                # "“...”, vị bộ trưởng nhấn mạnh": the person named last who holds that title ("Bộ trưởng Thương mại
                # Australia Simon Birmingham")
                earlier = next((e for e in reversed(out) if e.person and e.actors and _holds_title(e, m.role)), None)
            if earlier:
                m = replace(m, person=earlier.person, actors=m.actors or earlier.actors, pronoun=False)
        if m.person and m.role and not m.actors:
            m = replace(m, actors=_ministry_party(text, out, m) or _side_named(text, out, m))
            if m.actors:  # known so to his later mentions ("ông Podolyak")
                by_person.setdefault(m.person, m)
        if m.pronoun and not m.person and not m.actors and _leaders(text, m):
            # "Lãnh đạo G7 và NATO họp khẩn ... Các nhà lãnh đạo khẳng định ...": each party last named as one list
            listed = _last_list(text, m.start, out, 0)
            if listed:
                out.extend(Mention(m.start, m.end, x.actors) for x in listed)
                continue
        # a bare "ông" is resolved later, against the last *speaker* (pipeline), not the last name
        out.append(m)
    return out


LEADERS = re.compile(r"(?:^|\s)(?:các|những)\s+$", re.I)


GROUP_TITLES = ("nhà lãnh đạo", "bộ trưởng", "ngoại trưởng")  # "các nhà lãnh đạo", "các Bộ trưởng" of a meeting


def _leaders(text: str, m: Mention) -> bool:
    """ "các nhà lãnh đạo", "các Bộ trưởng" naming no party after them ("Các nhà lãnh đạo khẳng định ...", not "...
    phương Tây")."""
    plural = LEADERS.search(text, max(0, m.start - 8), m.start) is not None
    return (m.role or "").casefold() in GROUP_TITLES and plural and not _group_named_after(text, m.end)


MINISTRY_REACH = 800  # characters back to the ministry a minister's title names without its state


def _ministry_party(text: str, earlier: list[Mention], m: Mention) -> tuple[str, ...]:
    """ "Bộ Thương mại Mỹ cho rằng ... Thứ trưởng Thương mại phụ trách ... Alan Estevez cho biết": a minister whose
    title names no state speaks for the state of the ministry of his portfolio named last."""
    rank, _, rest = m.role.partition(" ")
    office, _, portfolio_words = rest.partition(" ")
    if f"{rank} {office}".casefold() not in ("bộ trưởng", "thứ trưởng"):
        return ()
    portfolio = next((p for p in _portfolios() if portfolio_words.startswith(p)), None)
    if portfolio is None:
        return ()
    ministry = f"bộ {portfolio}".casefold()
    named = [e for e in earlier if e.actors and m.start - e.start <= MINISTRY_REACH
             and text[e.start : e.end].casefold().startswith(ministry)]
    return named[-1].actors if named else ()


SIDE_BEFORE = re.compile(r"(?:^|[.!?\n]\s*)\W*(?:về\s+(?:phía\s+|phần\s+)?|phía\s+)$", re.I)  # ("phía Ukraine": a mention)


def _side_named(text: str, earlier: list[Mention], m: Mention) -> tuple[str, ...]:
    """ "Về phía Ukraine, cố vấn Tổng thống Mykhailo Podolyak ...": a titled person whose title names no party speaks
    for the side the sentence opens with (and so do his later words, "ông Podolyak cảnh báo")."""
    side = next((e for e in reversed(earlier) if e.actors and e.end <= m.start), None)
    if side is None or text[side.end : m.start].strip() != "," or not SIDE_BEFORE.search(text, max(0, side.start - 12),
                                                                                         side.start):
        return ()
    return side.actors


@functools.lru_cache(maxsize=1)
def _portfolios() -> tuple[str, ...]:
    return tuple(sorted(load_titles().get("portfolios") or (), key=len, reverse=True))


def _known_from_earlier(text: str, m: Mention, by_person: dict[str, Mention]) -> Mention:
    """ "Tổng thống Kazakhstan Kassym-Jomart Tokayev ... Tổng thống Tokayev / ông Tokayev": a person
    the article introduced, named again without his party or by family name only."""
    if m.person and not m.actors and m.person in by_person:
        return replace(m, actors=by_person[m.person].actors)
    if m.person and not m.actors:
        # the family name an unknown person was introduced with ("cố vấn ... Mykhailo Podolyak ... ông Podolyak"), of
        # two words too ("Bruno Le Maire ... ông Le Maire")
        earlier = next((p for name, p in by_person.items() if name.endswith(" " + m.person)), None)
        if earlier:
            return replace(m, actors=earlier.actors, person=earlier.person)
    if m.pronoun and not m.person:
        word = NAME_WORD.match(text, m.end + 1) if text[m.end : m.end + 1] == " " else None
        if word and word.group()[0].isupper():
            # the family name comes last in "Sergei Lavrov", first in "Vương Nghị", "Moon Jae-in"
            forms = [(p, form.split()) for name, p in by_person.items() for form in _name_forms(text, name, p)]
            earlier = next((p for p, n in forms if n[-1] == word.group()), None) or next(
                (p for p, n in forms if n[0] == word.group()), None) or next(
                (p for p, n in forms if _misspelt(n[-1], word.group())), None)
            if earlier:
                return Mention(m.start, word.end(), earlier.actors, earlier.person, m.role or earlier.role)
    return m


def out_of_office(m: Mention, on, titled: frozenset[str] = frozenset()) -> Mention:
    """A known person named in an article dated outside his term (people.yaml since/until: Donald Trump
    after January 2021, Joe Biden before it) speaks for no party, as a former office holder does;
    a party named in the phrase itself ("Tổng thống Mỹ Donald Trump") still places him, and so does one the article
    gives him elsewhere (`titled`: "Phó Thủ tướng Anh Dominic Raab ... ông Raab nói", his term in the reference
    data being another office's)."""
    p = gazetteer.person(m.person) if m.person else None
    if p is None or p.in_office(on) or m.actors != (p.actor,) or (m.role and _names_party(m.role)):
        return m
    return m if m.person in titled else replace(m, actors=())


def titled_persons(text: str, mentions: list[Mention]) -> frozenset[str]:
    """The persons the article names with a title naming their party, the title and the name written together
    ("Phó Thủ tướng Anh Dominic Raab"; not "chủ nhân tiếp theo của Nhà Trắng", a description resolved to him)."""
    return frozenset(m.person for m in mentions if m.person and m.actors and m.role and _names_party(m.role)
                     and m.person.split()[-1] in text[m.start : m.end])


def _names_party(role: str) -> bool:
    return any(h.kind == "actor" for h in gazetteer.scan(role, 0, len(role)))


def _name_forms(text: str, name: str, m: Mention) -> list[str]:
    """Every form a person introduced may be named by again: the canonical name, people.yaml's aliases
    ("Uông Văn Bân" for Wang Wenbin) and the name as this article wrote it."""
    known = gazetteer.person(name)
    forms = [name, *(known.aliases if known else ()), _written_name(text, m)]
    return [f for f in dict.fromkeys(forms) if f]


def _written_name(text: str, m: Mention) -> str:
    """The name as the article writes it, after the title ("Vương Nghị" where people.yaml has Wang Yi)."""
    surface = text[m.start : m.end]
    if m.role and surface.startswith(m.role):
        surface = surface[len(m.role):]
    words = [w for w in GLUED_INITIAL.sub(r"\1. ", surface).split() if w[:1].isupper()]  # "U.Sơ-man": "Sơ-man" last
    return " ".join(words[-3:])


def _misspelt(known: str, written: str) -> bool:
    """ "Kubela" for "Kuleba": a long family name written with one or two letters off (transposed,
    dropped or doubled), same first letter; short names differ by a letter too often to tell."""
    if len(known) < 6 or known[0] != written[0] or abs(len(known) - len(written)) > 1 or known == written:
        return False
    previous = list(range(len(written) + 1))
    for i, a in enumerate(known, 1):
        row = [i]
        for j, b in enumerate(written, 1):
            row.append(min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = row
    return previous[-1] <= 2


def _name_word(text: str, pos: int) -> re.Match | None:
    """The capitalised name right after "ông"/"bà" ending at pos."""
    word = NAME_WORD.match(text, pos + 1) if text[pos : pos + 1] == " " else None
    return word if word and word.group()[0].isupper() else None


@functools.lru_cache(maxsize=1)
def _descriptors() -> tuple[str, ...]:
    return tuple(load_titles().get("descriptors") or ())


LEADER_WORDS = ("nhà lãnh đạo", "người đứng đầu", "ông chủ", "chủ nhân")
TOP_OFFICES = ("tổng thống", "thủ tướng", "chủ tịch", "tổng bí thư", "quốc vương", "nhà lãnh đạo")


def _is_leader(role: str) -> bool:
    return role.lower().startswith(LEADER_WORDS) and "ngành" not in role.lower()


def _holds_top_office(m: Mention) -> bool:
    known = gazetteer.person(m.person)
    role = (m.role or (known.role if known else "") or "").lower()
    return role.startswith(TOP_OFFICES)


@functools.lru_cache(maxsize=1)
def _anaphoric_officials() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_titles().get("anaphoric_officials") or ())


BARE_TITLE_BEFORE = re.compile(r"(?:\bvị\s+|[”\"]\s*,\s*)$", re.I)  # "vị bộ trưởng nói", "“...”, bộ trưởng nói"


def _refers_back(text: str, start: int, end: int) -> bool:
    """A bare title after "vị" or right after a quotation, a verb after it, speaks of someone named (not "một / các
    bộ trưởng", not "Chủ tịch Phòng Thương mại ...": a title going on with an institution's name). Not a title opening
    a sentence: "Tổng thống tin rằng ..." is often an aide relaying his leader."""
    after = NAME_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return (BARE_TITLE_BEFORE.search(text[max(0, start - 6) : start]) is not None
            and after is not None and after.group()[0].islower())


def _holds_title(m: Mention, title: str) -> bool:
    """The mention's title, or the office the reference data gives its person, starts with this bare title."""
    known = gazetteer.person(m.person) if m.person else None
    roles = [r.casefold() for r in (m.role, known.role if known else None) if r]
    return any(r.startswith(title.casefold()) for r in roles)


def _office_headed(role: str) -> str | None:
    """ "Người đứng đầu Lầu Năm Góc" -> "Bộ trưởng Quốc phòng Mỹ" (titles.yaml: institution_heads)."""
    words = role.split(maxsplit=3)
    if len(words) < 4 or " ".join(words[:3]).casefold() != "người đứng đầu":
        return None
    return _institution_heads().get(words[3].casefold())


@functools.lru_cache(maxsize=1)
def _institution_heads() -> dict[str, str]:
    return {k.casefold(): v for k, v in (load_titles().get("institution_heads") or {}).items()}


def _called_ba(text: str, m: Mention, before: int) -> bool:
    """The article calls this person "bà" before `before`: a woman. Her family name is the last word of the name as
    the reference data or the article writes it, or the first ("bà Hoa": Hoa Xuân Oánh)."""
    written = text[m.start : m.end].split()
    names = {w for w in (m.person.split()[-1], written[-1], *written[-3:-2]) if w[:1].isupper()}
    return any(re.search(r"\b[Bb]à\s+" + re.escape(n) + r"\b", text[:before]) for n in names)


OFFICE_KEY = re.compile(r"^người\s+|\s+viên$")  # "phát ngôn viên", "người phát ngôn": one office


def _is_descriptor(role: str) -> bool:
    """ "Nhà ngoại giao Nga", "người đứng đầu Điện Kremlin": the party's person spoken of last."""
    return role.startswith(_descriptors())


@functools.lru_cache(maxsize=1)
def _bare_spokesperson_titles() -> frozenset[str]:
    return frozenset(t.casefold() for t in load_titles().get("bare_spokesperson") or ())


def _same_office(earlier: list[Mention], role: str) -> Mention | None:
    """The latest mention whose title contains this bare title and names its party."""
    needle = role.casefold()
    return next((e for e in reversed(earlier) if e.role and e.actors and needle in e.role.casefold()), None)


@functools.lru_cache(maxsize=1)
def _title_forms() -> tuple[str, ...]:
    titles = load_titles()
    forms = {t.casefold() for t in (*titles["titles"], *(titles.get("descriptors") or ()))}
    return tuple(sorted(forms, key=len, reverse=True))


def _role_key(role: str, actor: str) -> str:
    """ "Tổng thư ký NATO" and "Tổng thư ký" + NATO map to the same key: the title, then the party."""
    folded = role.casefold()
    title = next((t for t in _title_forms() if folded.startswith(t)), folded)
    return title + "|" + actor
