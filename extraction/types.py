"""Plain data that flows out of the extraction pipeline (the contract with models/ and api/)."""
from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("statement", "demand", "rebuttal", "proposal", "warning")
DATE_PRECISIONS = ("day", "month", "unknown")


@dataclass(frozen=True)
class ArticleMeta:
    """What is known about an article besides its text (from a .meta.json sidecar or an API request)."""

    name: str | None = None  # file name, e.g. "000_a9ea3fdd60572e44.txt"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD"; inferred from the text when None


@dataclass
class ExtractedPosition:
    """One position held by one party, located by character offsets into the article text as given."""

    actor: str  # actor code, e.g. "NATO", "RUSSIA"
    kind: str  # one of KINDS
    text: str  # == article_text[start:end], the clause that carries the position
    start: int
    end: int
    speaker: str | None = None  # canonical full name, e.g. "Jens Stoltenberg"
    speaker_role: str | None = None  # title as the article gives it, e.g. "Tổng thư ký NATO"
    speaker_actor: str | None = None  # actor code the speaker speaks for
    targets: list[str] = field(default_factory=list)  # actor codes
    date: str | None = None  # "YYYY-MM-DD" | "YYYY-MM" | None
    date_precision: str = "unknown"  # one of DATE_PRECISIONS, agrees with date
    quote: str | None = None  # the verbatim quoted words (without quote marks) when quoted
    topics: list[str] = field(default_factory=list)
    rebuts: int | None = None  # index, in the same result list, of the position this rebuttal answers


@dataclass
class ExtractionResult:
    """The positions of one article, plus what the pipeline inferred about the article."""

    positions: list[ExtractedPosition]
    published: str | None  # the reference date used (sidecar, else inferred, else None)
    title: str | None
    outlet: str | None
