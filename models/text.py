"""Text folding shared by stored search columns and user queries, so both sides fold the same way."""
import re
import unicodedata

WORD = re.compile(r"\w+")


def fold(text: str | None) -> str:
    """Lower case without diacritics: "Đàm phán" -> "dam phan" (đ is a letter, not an accent, in Unicode)."""
    decomposed = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def as_typed(text: str | None) -> str:
    """Lower case with the diacritics kept (composed): what an exact match compares."""
    return unicodedata.normalize("NFC", text or "").casefold()


def ranking_words(text: str) -> str:
    """position.ranking_words: the words as written (lower case), then folded, each run space-separated and
    padded, so that " word " and " two words " test whole words and phrases without punctuation in the way:
    " mỹ đã bác bỏ | my da bac bo "."""
    return f" {' '.join(WORD.findall(as_typed(text)))} | {' '.join(WORD.findall(fold(text)))} "


def query_words(q: str | None) -> tuple[list[str], list[str]]:
    """The words of a search as typed (lower case, diacritics kept) and folded, punctuation dropped."""
    return WORD.findall(as_typed(q)), WORD.findall(fold(q))


def highlight(text: str, query: str, *, mark: tuple[str, str] = ("«", "»")) -> str | None:
    """`text` with what matched `query` (match_spans) wrapped in «», or None when nothing is marked."""
    spans = match_spans(text, query)
    return _marked(text, spans, mark) if spans else None


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """The (start, end) spans of `text` that match `query`, in order, adjacent ones joined.

    One word: its whole-word occurrences, folded ("dam" marks "đàm"), else any occurrence (inside a longer
    word). Several words, which in Vietnamese are often the syllables of one word: runs of two or more of
    them found as a phrase, folded ("dam phan" marks "đàm phán"); a word alone only where it is written as
    typed ("NATO", "bác bỏ") or is a capitalised name ("my" marks "Mỹ"); words typed with diacritics, only
    where spelt so. So "dam phan" does not mark "phản" in "phản hồi", a syllable of another word that
    matched only once its diacritics were dropped."""
    typed, folded_words = query_words(query)
    if not folded_words or not text:
        return []
    folded_text, folded_origin = _mapped(text, fold)
    if len(folded_words) == 1:
        word = re.escape(folded_words[0])
        spans = (_spans(folded_text, folded_origin, rf"(?<!\w){word}(?!\w)")
                 or _spans(folded_text, folded_origin, word))
    else:
        typed_text, typed_origin = _mapped(text, as_typed)
        spans = []
        for run, folded_run in zip(_runs(typed), _runs(folded_words)):
            # a run typed with diacritics marks that spelling only ("bác bỏ", not "bắc bộ")
            target, origin = (typed_text, typed_origin) if run != folded_run else (folded_text, folded_origin)
            spans += _spans(target, origin, r"(?<!\w)" + r"\s+".join(map(re.escape, run)) + r"(?!\w)")
        whole = "|".join(map(re.escape, typed))
        spans += _spans(typed_text, typed_origin, rf"(?<!\w)(?:{whole})(?!\w)")
        plain = [re.escape(word) for word in typed if word == fold(word)]  # typed without diacritics
        if plain:
            spans += [span for span in _spans(folded_text, folded_origin, rf"(?<!\w)(?:{'|'.join(plain)})(?!\w)")
                      if text[span[0]].isupper()]
    return _merged(text, sorted(set(spans)))


def _mapped(text: str, transform) -> tuple[str, list[int]]:
    """transform(text) character by character, with origin[i]: the index in text of character i."""
    pieces, origin = [], []
    for i, character in enumerate(text):
        piece = transform(character)
        pieces.append(piece)
        origin.extend([i] * len(piece))
    return "".join(pieces), origin


def _runs(words: list[str]) -> list[list[str]]:
    """Every run of two or more adjacent words, longest first."""
    return [words[i:i + n] for n in range(len(words), 1, -1) for i in range(len(words) - n + 1)]


def _spans(transformed: str, origin: list[int], pattern: str) -> list[tuple[int, int]]:
    """Spans, in the original text, of the pattern's matches in its transformed copy."""
    return [(origin[m.start()], origin[m.end() - 1] + 1)
            for m in re.finditer(pattern, transformed) if m.end() > m.start()]


def _merged(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)  # overlaps the previous mark (a phrase and its word)
        elif merged and not text[merged[-1][1]:start].strip():
            merged[-1][1] = end  # "«đàm phán»", not "«đàm» «phán»"
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _marked(text: str, spans: list[tuple[int, int]], mark: tuple[str, str]) -> str:
    marked, last = [], 0
    for start, end in spans:
        marked += [text[last:start], mark[0], text[start:end], mark[1]]
        last = end
    return "".join(marked) + text[last:]
