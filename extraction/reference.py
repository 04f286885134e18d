"""Reference data: actors, people, titles, cue lexicons, topics and page furniture.

Everything here is plain data read from YAML files in ``seeds/reference/`` (override the folder with
the environment variable POSITIONS_REFERENCE_DIR) and cached once per process. This module must not
import underthesea: the API imports it to list actors and topics without loading NLP models.
"""
from __future__ import annotations

import functools
import gettext
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from .textmap import traditional_tones

_DEFAULT_DIR = Path(__file__).resolve().parent.parent / "seeds" / "reference"


@dataclass(frozen=True)
class Actor:
    code: str  # "RUSSIA", "NATO", "UK"
    name_en: str
    name_vi: str
    aliases: tuple[str, ...]  # every surface form, the Vietnamese name first


@dataclass(frozen=True)
class Person:
    name: str  # canonical full name, "Sergei Lavrov"
    role: str  # Vietnamese title, "Ngoại trưởng Nga"
    actor: str  # actor code the person speaks for
    aliases: tuple[str, ...]
    since: str | None = None  # ISO date the office was taken, when it matters to the corpus
    until: str | None = None  # ISO date it was left: later, the person speaks for no party

    def in_office(self, on) -> bool:
        """Whether the person held the office on this date (a date object; None: assume so)."""
        day = on.isoformat() if on else None
        return day is None or ((self.since or "") <= day and (self.until is None or day < self.until))


@dataclass(frozen=True)
class Topic:
    code: str
    label: str
    keywords: tuple[str, ...] = ()


def reference_dir() -> Path:
    return Path(os.environ.get("POSITIONS_REFERENCE_DIR") or _DEFAULT_DIR)


@functools.lru_cache(maxsize=None)
def load_yaml(name: str):
    """One reference file, parsed (cached: callers must not mutate the result); its words with the tone placement
    the pipeline reads ("hoà" as "hòa": extraction/textmap.py)."""
    with open(reference_dir() / name, encoding="utf-8") as f:
        return _traditional(yaml.safe_load(f))


def _traditional(value):
    if isinstance(value, str):
        return traditional_tones(value)
    if isinstance(value, list):
        return [_traditional(v) for v in value]
    if isinstance(value, dict):
        return {_traditional(k): _traditional(v) for k, v in value.items()}
    return value


def _english_code(country) -> str:
    """ISO 3166 English short name in capitals, without the ", Republic of" tails."""
    name = getattr(country, "common_name", None) or country.name
    return name.split(",")[0].upper()  # "Korea, Republic of" -> "KOREA"


def _vietnamese_names() -> gettext.NullTranslations:
    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["vi"])
    except OSError:  # locale files missing: English names only
        return gettext.NullTranslations()


def _state_actors(data: dict) -> list[Actor]:
    """All ISO 3166 states, named in English and Vietnamese by pycountry plus the press's short forms."""
    import pycountry

    vi = _vietnamese_names()
    codes, extra = data.get("country_codes") or {}, data.get("states") or {}
    institutions = data.get("institutions") or ()
    actors = []
    for country in pycountry.countries:
        code = codes.get(country.alpha_2) or _english_code(country)
        name_vi = traditional_tones(vi.gettext(country.name).split(",")[0])  # "Đài Loan, Tỉnh Trung Quốc" -> "Đài Loan"
        press = list(extra.get(country.alpha_2) or [])
        english = [getattr(country, "common_name", None), country.name]
        forms = press + [name_vi] + [e.split(",")[0] for e in english if e]  # "Korea, Republic of" -> "Korea"
        short = press[0] if press else name_vi
        # "Chính phủ Đức", "Bộ Ngoại giao Nga", and with every name of the state ("Bộ Quốc phòng Litva" beside
        # "Lithuania", "Bộ Ngoại giao Indonesia" beside "In-đô-nê-xi-a"); a capital after a ministry is the state too
        forms += [f"{word} {name}" for name in dict.fromkeys([short, *forms]) for word in institutions]
        aliases = tuple(dict.fromkeys(forms))
        name_en = english[0] or country.name
        actors.append(Actor(code, name_en, press[0] if press else name_vi, aliases))
    return actors


@functools.lru_cache(maxsize=None)
def _actors() -> tuple[Actor, ...]:
    data = load_yaml("actors.yaml")
    orgs = [
        Actor(code, spec["name_en"], spec["name_vi"], tuple(dict.fromkeys([spec["name_vi"], *spec["aliases"]])))
        for code, spec in (data.get("organisations") or {}).items()
    ]
    return tuple(orgs + _state_actors(data))


@functools.lru_cache(maxsize=1)
def organisation_codes() -> frozenset[str]:
    """NATO, EU, OSCE ...: the parties that are no state."""
    return frozenset((load_yaml("actors.yaml").get("organisations") or {}).keys())


def load_actors() -> list[Actor]:
    """Every party the pipeline can name: organisations first, then all states."""
    return list(_actors())


@functools.lru_cache(maxsize=None)
def _people() -> tuple[Person, ...]:
    return tuple(
        Person(p["name"], p["role"], p["actor"], tuple(p.get("aliases") or ()), _iso(p.get("since")), _iso(p.get("until")))
        for p in load_yaml("people.yaml")
    )


def _iso(value) -> str | None:
    """A YAML date (read as a date object) or string as "YYYY-MM-DD"."""
    return None if value is None else str(value)


def load_people() -> list[Person]:
    return list(_people())


@functools.lru_cache(maxsize=None)
def _topics() -> tuple[Topic, ...]:
    return tuple(Topic(t["code"], t["label"], tuple(t.get("keywords") or ())) for t in load_yaml("topics.yaml"))


def load_topics() -> list[Topic]:
    return list(_topics())


def actor_codes() -> set[str]:
    return {a.code for a in _actors()}


def ambiguous_aliases() -> frozenset[str]:
    return frozenset(load_yaml("actors.yaml").get("ambiguous") or ())


@functools.lru_cache(maxsize=1)
def seat_aliases() -> frozenset[str]:
    return frozenset(load_yaml("actors.yaml").get("seats") or ())


def party_groups() -> dict[str, tuple[str, ...]]:
    """A group's name -> the codes of its parties ("các nước Baltic" -> ESTONIA, LATVIA, LITHUANIA)."""
    groups = load_yaml("actors.yaml").get("groups") or {}
    # "ESTONIA LATVIA LITHUANIA"; codes with a space are listed with commas: "NORTH KOREA, SOUTH KOREA"
    return {name: tuple(c.strip() for c in (codes.split(",") if "," in codes else codes.split()))
            for codes, names in groups.items() for name in names}


@functools.lru_cache(maxsize=1)
def west_members() -> frozenset[str]:
    """The parties "phương Tây" (WEST) sums up."""
    return frozenset(load_yaml("actors.yaml").get("west_members") or ())


def compound_words() -> tuple[str, ...]:
    return tuple(load_yaml("actors.yaml").get("compound_words") or ())


@functools.lru_cache(maxsize=1)
def named_elsewhere_aliases() -> frozenset[str]:
    return frozenset(load_yaml("actors.yaml").get("named_elsewhere") or ())


def institution_words() -> tuple[str, ...]:
    return tuple(load_yaml("actors.yaml").get("institutions") or ())


def ignored_names() -> tuple[str, ...]:
    return tuple(load_yaml("actors.yaml").get("ignore") or ())


def load_cues() -> dict:
    return load_yaml("cues.yaml")


def load_titles() -> dict:
    return load_yaml("titles.yaml")


def load_page_rules() -> dict:
    return load_yaml("page.yaml")
