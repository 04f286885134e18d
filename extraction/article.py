"""Reading articles from disk and inferring what a sidecar would have said."""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from .reference import load_page_rules
from .types import ArticleMeta


def read_article(path) -> tuple[str, ArticleMeta]:
    """The UTF-8 text of an article file and its <stem>.meta.json sidecar (if any)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    sidecar = path.with_name(path.stem + ".meta.json")
    data = {}
    if sidecar.is_file():
        data = json.loads(sidecar.read_text(encoding="utf-8")) or {}
    meta = ArticleMeta(
        name=path.name,
        title=data.get("title"),
        outlet=data.get("outlet"),
        url=data.get("url"),
        published=data.get("published"),
    )
    return text, meta


@functools.lru_cache(maxsize=1)
def _outlet_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(p, re.M), name) for p, name in (load_page_rules().get("outlets") or {}).items())


def infer_outlet(text: str) -> str | None:
    """The outlet named by a credit marker: "(VTC News)", "TPO -", "Theo TTXVN", "Nguồn tin: Báo VOV".
    Give it the article's own lines and credit lines (clean.credit_text), not other stories' teasers."""
    for pattern, name in _outlet_patterns():
        if pattern.search(text):
            return name
    return None
