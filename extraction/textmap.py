"""The text the pipeline reads, and the way back to the text as given.

Matching needs composed Vietnamese (NFC: "ỹ" as one character) and plain spaces, but offsets must
index the article exactly as given. `readable(raw)` returns the text to read plus, when composing
changed lengths, a table from each of its offsets to the raw offset it came from.
"""
from __future__ import annotations

import unicodedata

ODD_SPACES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ", "\t": " "})


def readable(raw: str) -> tuple[str, list[int] | None]:
    """(text to read, offsets back to raw or None when they are the same)."""
    spaced = raw.translate(ODD_SPACES)  # one character for one: offsets unchanged
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
