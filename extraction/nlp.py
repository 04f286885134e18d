"""Thin adapter over underthesea: the only module that imports it (lazily, on first use).

Only the offline functions are used: sent_tokenize, word_tokenize and ner. Each function returns plain
offsets into the string it was given, so callers never re-find tokens themselves.
"""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _underthesea():
    import underthesea  # heavy: loads CRF models on first call

    return underthesea


def _locate(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Offsets of consecutive pieces of text (underthesea drops or normalises whitespace between them)."""
    spans, pos = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        i = text.find(piece, pos)
        if i < 0:  # normalised piece (e.g. joined word with "_"): fall back to its first character
            i = text.find(piece.split()[0], pos)
            if i < 0:
                continue
            spans.append((i, i + len(piece.split()[0])))
            pos = spans[-1][1]
            continue
        spans.append((i, i + len(piece)))
        pos = i + len(piece)
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence offsets within text, by underthesea's sentence splitter."""
    return _locate(text, _underthesea().sent_tokenize(text))


def word_spans(text: str) -> list[tuple[int, int]]:
    """Word (possibly multi-syllable) offsets within text, by underthesea's word segmenter."""
    return _locate(text, _underthesea().word_tokenize(text))


def person_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of person names found by underthesea's NER (slow: call it only where needed)."""
    tagged = _underthesea().ner(text)
    words = [t[0] for t in tagged]
    spans = _locate(text, words)
    out: list[tuple[int, int]] = []
    previous = "O"
    for (start, end), tag in zip(spans, (t[-1] for t in tagged)):
        if tag == "I-PER" and previous in ("B-PER", "I-PER"):
            out[-1] = (out[-1][0], end)
        elif tag in ("B-PER", "I-PER"):
            out.append((start, end))
        previous = tag
    return out
