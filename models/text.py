"""Text folding shared by stored search columns and user queries, so both sides fold the same way."""
import unicodedata


def fold(text: str | None) -> str:
    """Lower case without diacritics: "Đàm phán" -> "dam phan" (đ is a letter, not an accent, in Unicode)."""
    decomposed = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
