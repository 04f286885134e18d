"""Compiled match tables over the reference data (built once per process, longest alias first).

One Aho-Corasick automaton finds every actor alias, person alias, title, honorific and ignored name
in a text; `scan` keeps the leftmost-longest matches that start and end on word boundaries.
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass

import ahocorasick

from .reference import (ambiguous_aliases, ignored_names, load_actors, load_people, load_titles, party_groups,
                        seat_aliases)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    kind: str  # "actor" | "person" | "title" | "host" | "anaphor" | "body_anaphor" | "pair" | "group" | "document"
    # | "honorific" | "collective" | "spokes" | "ignore"
    value: str  # actor code, canonical person name, or the matched surface form


def _entries():
    titles = load_titles()
    # a title opens a sentence or follows a comma: "Trợ lý Điện Kremlin ...", "..., trợ lý Điện Kremlin ..."
    ministers = [f"{rank} {p}" for rank in ("Bộ trưởng", "Thứ trưởng") for p in titles.get("portfolios") or ()]
    for t in (*titles["titles"], *ministers, *(titles.get("ranks") or ()), *(titles.get("party_titles") or ())):
        yield from ((form, "title", form) for form in {t, t[0].upper() + t[1:], t[0].lower() + t[1:]})
    yield from ((d, "title", d) for d in titles.get("descriptors") or ())
    yield from ((h, "host", h) for h in titles.get("host") or ())
    yield from ((a, "anaphor", a) for a in titles.get("anaphors") or ())
    for phrase, body in (titles.get("body_anaphors") or {}).items():
        yield from ((form, "body_anaphor", body) for form in {phrase, phrase[0].upper() + phrase[1:]})
    yield from ((a, "pair", "people") for a in titles.get("people_pairs") or ())
    yield from ((a, "pair", "people3") for a in titles.get("people_trios") or ())
    yield from ((a, "pair", "people4") for a in titles.get("people_quartets") or ())
    yield from ((a, "pair", "people5") for a in titles.get("people_quintets") or ())
    yield from ((a, "pair", "parties") for a in titles.get("party_pairs") or ())
    yield from ((a, "pair", "parties3") for a in titles.get("party_trios") or ())
    yield from ((a, "pair", "parties4") for a in titles.get("party_quartets") or ())
    yield from ((a, "pair", "parties5") for a in titles.get("party_quintets") or ())
    yield from ((d, "document", d) for d in (titles.get("documents") or []) + (titles.get("quoted_documents") or []))
    yield from ((h, "honorific", h) for h in titles["honorifics"])
    yield from ((c, "collective", c) for c in titles["collective"])
    yield from ((s, "spokes", s) for s in titles["spokesperson"])
    for person in load_people():
        for form in (person.name, *person.aliases):
            yield form, "person", person.name
            if form[0].islower():  # a name opening with its particle opens a sentence capitalised: "Von der Leyen"
                yield form[0].upper() + form[1:], "person", person.name
    for actor in load_actors():
        for form in actor.aliases:
            yield form, "actor", actor.code
    yield from ((name, "group", ",".join(codes)) for name, codes in party_groups().items())
    yield from ((n, "ignore", n) for n in ignored_names())


@functools.lru_cache(maxsize=1)
def automaton() -> ahocorasick.Automaton:
    table: dict[str, tuple[str, str]] = {}
    for form, kind, value in _entries():
        form = unicodedata.normalize("NFC", form)
        table.setdefault(form, (kind, value))  # first listed wins: organisations before states
    auto = ahocorasick.Automaton()
    for form, (kind, value) in table.items():
        auto.add_word(form, (len(form), kind, value))
    auto.make_automaton()
    return auto


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_"


def scan(text: str, start: int = 0, end: int | None = None) -> list[Hit]:
    """Leftmost-longest gazetteer hits in text[start:end] on word boundaries."""
    end = len(text) if end is None else end
    found = []
    for last, (length, kind, value) in automaton().iter(text, start, end):
        s, e = last - length + 1, last + 1
        if (s > 0 and _is_word_char(text[s - 1])) or (e < len(text) and _is_word_char(text[e])):
            continue
        found.append(Hit(s, e, kind, value))
    found.sort(key=lambda h: (h.start, -(h.end - h.start)))
    found = _titles_yielding_to_parties(text, found)
    hits: list[Hit] = []
    for h in found:
        if hits and h.start < hits[-1].end:
            continue
        hits.append(h)
    starts, ends = {h.start for h in hits}, {h.end: h for h in hits}  # hits do not overlap: one per offset
    return [h for h in hits if not _ambiguous_miss(text, h, starts, ends) and not _tail_of_name(text, h, ends)
            and not _seat_as_place(text, h)]


SEAT_PLACE_BEFORE = re.compile(r"(?:^|\s)(?:tại|ở|đến|tới|từ|thăm|về)\s+$", re.I)


def _seat_as_place(text: str, hit: Hit) -> bool:
    """ "thảo luận tại Brussels": the city, not the EU whose seat it is (actors.yaml: seats)."""
    return (hit.kind == "actor" and text[hit.start : hit.end] in seat_aliases()
            and SEAT_PLACE_BEFORE.search(text, max(0, hit.start - 8), hit.start) is not None)


NAME_BEFORE = re.compile(
    r"""(?<![.!?:;“"(\-–]\s)(?<![.!?:;“"(\-–])   # not right after a sentence or clause start
        \b([^\W\d_][\w\-]*)[ \t\u00a0]+$        # "Trung tâm Carnegie |Moskva" (on the same line)
    """,
    re.X,
)


def _tail_of_name(text: str, hit: Hit, ends: dict[int, Hit]) -> bool:
    """A party's name closing another proper name ("Trung tâm Carnegie Moskva") is not the party."""
    if hit.kind != "actor":
        return False
    line_start = text.rfind("\n", 0, hit.start) + 1
    m = NAME_BEFORE.search(text, max(line_start, hit.start - 40), hit.start)
    if not m or not m.group(1)[0].isupper() or _is_title_word(m.group(1)):
        return False
    if m.end(1) in ends:  # "quan hệ Nga Mỹ": the word before is itself a name found
        return False
    return bool(text[line_start : m.start(1)].strip())  # a capitalised first word of a line opens it


def _ambiguous_miss(text: str, hit: Hit, starts: set[int], ends: dict[int, Hit]) -> bool:
    """'Anh' in "Kông Anh" / "Anh Tuấn" is a given name, not the UK: a capitalised word that is no
    name found next to it (a title before it is fine: "Ngoại trưởng Anh Liz Truss")."""
    if hit.kind != "actor" or text[hit.start : hit.end] not in ambiguous_aliases():
        return False
    before = text[max(0, hit.start - 20) : hit.start].split()
    after = text[hit.end : hit.end + 20].split()
    prev_word = before[-1] if before else ""
    next_word = after[0] if after else ""
    starts_next = text.find(next_word, hit.end) if next_word else -1
    next_is_hit = starts_next in starts
    gap = hit.start
    while gap > 0 and text[gap - 1].isspace():
        gap -= 1
    prev_hit = ends.get(gap)  # a hit right before this one, only spaces between
    prev_is_hit = prev_hit is not None and text[prev_hit.start : prev_hit.end].split()[-1] == prev_word
    prev_capital = prev_word[:1].isupper() and prev_word.isalpha() and not prev_is_hit
    next_capital = (next_word[:1].isupper() and next_word.isalpha() and text[hit.end : hit.end + 1] not in ",."
                    and not next_is_hit)
    # "của Pháp Clément Beaune": a party owning the title before it, not a given name
    return (prev_capital or next_capital) and not _is_title_word(prev_word) and prev_word != "của"


def _titles_yielding_to_parties(text: str, found: list[Hit]) -> list[Hit]:
    """ "Phó chủ tịch Ủy ban châu Âu Maros Sefcovic": the title "Phó chủ tịch Ủy ban" would swallow the start of the
    party "Ủy ban châu Âu"; when what comes before the party is a title of its own ("Phó chủ tịch"), that is the
    title."""
    out, trimmed = list(found), False
    for i, h in enumerate(found):
        if h.kind != "title":
            continue
        inside = (a for a in found[i + 1 :] if a.start < h.end)  # found is sorted by start: stop at the title's end
        party = next((a for a in inside if a.kind == "actor" and h.start < a.start and a.end > h.end), None)
        shorter = text[h.start : party.start].rstrip() if party else ""
        if shorter in _title_forms():
            out[i], trimmed = Hit(h.start, h.start + len(shorter), "title", _title_forms()[shorter]), True
    if trimmed:
        out.sort(key=lambda h: (h.start, -(h.end - h.start)))
    return out


@functools.lru_cache(maxsize=1)
def _title_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for form, kind, value in _entries():
        if kind == "title":
            forms.setdefault(unicodedata.normalize("NFC", form), value)
    return forms


def _is_title_word(word: str) -> bool:
    return word in _title_last_words()


@functools.lru_cache(maxsize=1)
def _title_last_words() -> frozenset[str]:
    titles = load_titles()
    return frozenset(t.split()[-1] for t in (*titles["titles"], *(titles.get("portfolios") or ())))


@functools.lru_cache(maxsize=1)
def _people_index():
    return {p.name: p for p in load_people()}


def person(name: str):
    return _people_index().get(name)


@functools.lru_cache(maxsize=1)
def _office_holders() -> dict[str, frozenset[str]]:
    holders: dict[str, set[str]] = {}
    for p in load_people():
        if p.role:
            holders.setdefault(p.role.casefold(), set()).add(p.name)
    return {role: frozenset(names) for role, names in holders.items()}


def office_holders(role: str) -> frozenset[str]:
    """The known people whose office (people.yaml's role) is this title, whole: "Người phát ngôn Điện
    Kremlin" -> Dmitry Peskov."""
    return _office_holders().get(role.casefold(), frozenset())


FAMILY_NAME_CUTOFF = 0.85
SINGLE_NAME_CUTOFF = 0.9  # a family name alone: "Johansson" (0.875 like "Johnson") is another person


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def fuzzy_person(name: str, *, cutoff: float = 0.8):
    """The known person a (possibly misspelt) name refers to: "Valdimir Putin" -> Vladimir Putin."""
    people = _people_index()
    name = name.replace("’", "'")  # "O’Brien" is O'Brien
    best, best_form, best_score = None, "", 0.0
    matcher = difflib.SequenceMatcher(None)
    matcher.set_seq2(name.casefold())  # the matcher indexes seq2 once for every form compared with it
    for p in people.values():
        for form in (p.name, *p.aliases):
            matcher.set_seq1(form.casefold())
            # the cheap upper bounds skip forms that cannot reach the cutoff or beat the best so far
            needed = max(cutoff, best_score)
            if matcher.real_quick_ratio() < needed or matcher.quick_ratio() < needed:
                continue
            score = matcher.ratio()
            if score > best_score:
                best, best_form, best_score = p, form, score
    # a shared given name is no misspelling: "Alexander Lukashevich" is not "Alexander Lukashenko" (the
    # form matched is compared: "Dương Khiết Trì" is written as its alias, not as Yang Jiechi)
    family, known_family = name.split()[-1], best_form.split()[-1] if best_form else ""
    # a misspelling keeps the family name's first letter: "Pushkov" is not "Ushakov" (0.86 alike)
    if len(name.split()) == 1:
        cutoff = max(cutoff, SINGLE_NAME_CUTOFF)
    if (best_score >= cutoff and _similar(family, known_family) >= FAMILY_NAME_CUTOFF
            and family[:1].casefold() == known_family[:1].casefold()):
        return best
    # same family name and a close given name ("Sergey Lavrov")
    parts = name.split()
    if len(parts) >= 2 and "-" in parts[-1]:  # a transcription in full ("Vla-đi-mia Pu-tin"): its family name's
        return next((p for p in people.values() if parts[-1] in p.aliases), None)
    for p in people.values():
        if len(parts) >= 2 and parts[-1] == p.name.split()[-1]:
            given = difflib.SequenceMatcher(None, parts[0].casefold(), p.name.split()[0].casefold()).ratio()
            if given >= 0.6:
                return p
    return None
