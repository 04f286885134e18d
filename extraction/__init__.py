"""Positions stated by parties in Vietnamese news articles.

Public interface:
    extract(text, meta=None) -> ExtractionResult
    run(text, meta=None) -> Document (every stage's layer, for tracing: Document.trace())
    read_article(path) -> (text, ArticleMeta)
    reference  (actors, people, topics; importable without loading NLP models)

underthesea is imported lazily, on the first call to extract().
"""
from __future__ import annotations

from . import reference
from .article import read_article
from .types import DATE_PRECISIONS, KINDS, ArticleMeta, ExtractedPosition, ExtractionResult

__all__ = [
    "extract", "run", "read_article", "reference", "ArticleMeta", "ExtractedPosition", "ExtractionResult",
    "KINDS", "DATE_PRECISIONS",
]


def run(text: str, meta: ArticleMeta | None = None, **options):
    """The Document with every stage's layer (see extraction.pipeline)."""
    from .pipeline import run as _run

    return _run(text, meta, **options)


def extract(text: str, meta: ArticleMeta | None = None, **options) -> ExtractionResult:
    """Positions stated in one article (see extraction.pipeline for the options)."""
    from .pipeline import extract as _extract

    return _extract(text, meta, **options)
