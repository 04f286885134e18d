"""Text folding shared by stored search columns and user queries, so both sides fold the same way."""
import re
import unicodedata


def fold(text: str | None) -> str:
    """Lower case without diacritics: "Đàm phán" -> "dam phan" (đ is a letter, not an accent, in Unicode)."""
    decomposed = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def highlight(text: str, query: str, *, mark: tuple[str, str] = ("«", "»")) -> str | None:
    """`text` with each word of `query` that it contains wrapped in «», matched as fold() matches; None
    when none occurs. Whole words are marked when there are any, else any occurrence."""
    words = [re.escape(w) for w in fold(query).split()]
    if not words or not text:
        return None
    folded, origin = [], []  # origin[i]: index in text of folded character i
    for i, character in enumerate(text):
        piece = fold(character)
        folded.append(piece)
        origin.extend([i] * len(piece))
    folded_text = "".join(folded)
    spans = _spans(folded_text, rf"(?<!\w)(?:{'|'.join(words)})(?!\w)") or _spans(folded_text, "|".join(words))
    if not spans:
        return None
    merged: list[list[int]] = []
    for start, end in ((origin[a], origin[b - 1] + 1) for a, b in spans):
        if merged and start <= merged[-1][1]:
            continue  # overlaps the previous mark
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1][1] = end  # "«đàm phán»", not "«đàm» «phán»"
        else:
            merged.append([start, end])
    marked, last = [], 0
    for start, end in merged:
        marked += [text[last:start], mark[0], text[start:end], mark[1]]
        last = end
    return "".join(marked) + text[last:]


def _spans(folded_text: str, pattern: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, folded_text) if m.end() > m.start()]
