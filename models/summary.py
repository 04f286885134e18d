"""Short English summaries of positions, built from their fields, for readers without Vietnamese.

"NATO (Jens Stoltenberg) rejected a demand of Russia on NATO enlargement, 2022-01-07". The Vietnamese
text stays the evidence; the summary only says what the row records.
"""
from __future__ import annotations

import functools
import re

# names_en from ISO 3166 are long or inverted ("Russian Federation", "Congo, The Democratic Republic of the")
SHORT_NAMES = {
    "RUSSIA": "Russia", "US": "the US", "UK": "the UK", "WEST": "the West", "DR CONGO": "DR Congo",
    "MICRONESIA": "Micronesia", "SAINT HELENA": "Saint Helena", "BRITISH VIRGIN ISLANDS": "British Virgin Islands",
}
ACRONYM = re.compile(r"[A-Z0-9]{2,6}")

# kind -> (verb phrase without a target, with a target)
VERBS = {
    "statement": ("made a statement", "made a statement about {target}"),
    "demand": ("made a demand", "made a demand of {target}"),
    "rebuttal": ("rejected a position", "rejected a position of {target}"),
    "proposal": ("made a proposal", "made a proposal to {target}"),
    "warning": ("issued a warning", "warned {target}"),
}


def short_name(code: str, name_en: str | None) -> str:
    """A short English name: "Russia" for RUSSIA, "NATO" rather than "North Atlantic Treaty Organization"."""
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    name = name_en or code
    if len(name.split()) <= 3 and not re.search(r"[,(]", name):
        return name
    return code if ACRONYM.fullmatch(code) else name


@functools.lru_cache(maxsize=1)
def _reference_names() -> tuple[dict[str, str], dict[str, str]]:
    from extraction import reference  # plain YAML data: no NLP models are loaded

    actors = {a.code: short_name(a.code, a.name_en) for a in reference.load_actors()}
    topics = {t.code: t.label for t in reference.load_topics()}
    return actors, topics


def load_reference_names() -> None:
    """Read the reference names now (a worker's start: ~140 ms), not in the first request that needs them."""
    _reference_names()


def actor_name(code: str) -> str:
    return _reference_names()[0].get(code) or short_name(code, None)


def summarize(position) -> str:
    """One English sentence from kind, actor, speaker, targets, topics and date (no database query)."""
    topic_labels = _reference_names()[1]
    who = short_name(position.actor.code, position.actor.name_en)
    if position.speaker_id is not None:
        who += f" ({position.speaker.name})"
    targets = [actor_name(code) for code in position.targets]
    plain, directed = VERBS.get(position.kind, VERBS["statement"])
    sentence = f"{who} {directed.format(target=_join(targets)) if targets else plain}"
    if position.topics:
        sentence += " " + topic_phrase([topic_labels.get(code, code) for code in position.topics])
    sentence += f", {position.said_on}" if position.said_on else ", undated"
    return sentence[:1].upper() + sentence[1:]


def topic_phrase(labels: list[str]) -> str:
    """"on missiles and sanctions"; labels that hold a list of their own ("Risk of invasion, conflict,
    de-escalation", "Military exercises and transparency") each get their "on", so the reader sees where one
    topic ends: "on arms control, on military exercises and transparency and on diplomacy"."""
    objects = [_as_object(_as_enumeration(label)) for label in labels]
    if len(objects) > 1 and any("," in o or " and " in o for o in objects):
        return _join([f"on {o}" for o in objects])
    return "on " + _join(objects)


def _as_enumeration(label: str) -> str:
    # "Risk of invasion, conflict, de-escalation" -> "Risk of invasion, conflict and de-escalation"
    head, comma, last = label.rpartition(", ")
    return f"{head} and {last}" if comma and " and " not in label and " or " not in label else label


@functools.lru_cache(maxsize=1024)  # a few dozen topic labels; the known names are hundreds, scanned per label
def _as_object(label: str) -> str:
    # "Missiles" -> "missiles"; "NATO enlargement" and "Ukraine's membership" keep their capitals
    first = label.split()[0].split("'")[0]
    known = first.isupper() or first in _reference_names()[0].values()
    return label if known else label[:1].lower() + label[1:]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
