"""One article as the pipeline's stages see it: the text and the layers each stage adds.

As in spaCy's `Doc`, every stage (extraction/pipeline.py: STAGES) reads the layers before it and adds
its own, so one article's trace (`Document.trace()`, `scripts/extract.py --trace`) shows every layer
and a stage can be swapped or retrained alone (the decisions: extraction/decide.py).
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from .attribution import Claim
from .clean import Block
from .dates import DateMention
from .decide import Decider, Decision
from .features import WORD_FEATURES
from .mentions import Mention
from .positions import Draft
from .segment import Sentence
from .textmap import to_raw_span
from .types import ArticleMeta, ExtractedPosition


@dataclass
class Candidate:
    """A claim that may be a position: where it came from, its features and what was decided."""

    claim: Claim
    source: str  # rule (the cue rules), subject (a party named as subject), carried (the sentence after)
    holders: list[str]  # party codes holding it
    features: list[str]
    decision: Decision | None = None

    def describe(self, doc: Document) -> str:
        d = self.decision
        verdict = f"{'KEEP' if d.keep else 'drop'} {d.kind} p={d.probability:.2f}" if d else "undecided"
        rules_kind = next((f[3:] for f in self.features if f.startswith("rk:")), None)
        if d and rules_kind and rules_kind != d.kind:
            verdict += f" (rules: {rules_kind})"  # the learned kind overrode the rules
        lo, hi = self.claim.span
        return f"{self.source:<8} {'/'.join(self.holders) or '-':<14} {verdict:<28} {doc.text[lo:hi][:90]!r}"


@dataclass
class Document:
    raw: str  # the text as given: what positions and quotes are cut from
    meta: ArticleMeta
    decider: Decider
    tracing: bool = False  # keep every candidate's features even when the decider needs none
    text: str = ""  # what the stages read (NFC, plain spaces)
    to_raw: list[int] | None = None  # offsets of text -> offsets of raw (None: the same)
    reference: dt.date | None = None  # the date relative dates are resolved against
    blocks: list[Block] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    party_counts: Counter = field(default_factory=Counter)  # how often each party is named: the main parties
    dates: list[DateMention] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)  # kept claims, one per holder, with their fields
    positions: list[ExtractedPosition] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start in [lo, hi): a slice of the list (in text order), not a scan of it."""
        return _starting_in(self.mentions, lo, hi)

    def dates_in(self, lo: int, hi: int) -> list[DateMention]:
        return _starting_in(self.dates, lo, hi)

    def raw_slice(self, start: int, end: int) -> str:
        """The text as given at these reading offsets."""
        raw_start, raw_end = to_raw_span(self.to_raw, start, end)
        return self.raw[raw_start:raw_end]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return to_raw_span(self.to_raw, start, end)


    def trace(self) -> list[str]:
        """Every layer, one line per item, for reading one article's extraction."""
        out = [f"reference date: {self.reference}", f"blocks: {len(self.blocks)}"]
        out += [f"  {b.role:<8} {self.text[b.start:b.end][:90]!r}" for b in self.blocks]
        out.append(f"sentences: {len(self.sentences)}, quotations: {len(self.quotes)}")
        out.append(f"mentions: {len(self.mentions)}")
        out += [f"  {'/'.join(m.actors) or '-':<10} {m.person or '':<22} {self.text[m.start:m.end]!r}"
                for m in self.mentions]
        out.append(f"dates: {len(self.dates)}")
        out += [f"  {d.value} ({d.precision}) {self.text[d.start:d.end]!r}" for d in self.dates]
        out.append(f"candidates: {len(self.candidates)} (features and decision of each)")
        for c in self.candidates:
            words = [f for f in c.features if f.startswith(WORD_FEATURES)]  # the claim's own words: counted, not listed
            shown = [f for f in c.features if not f.startswith(WORD_FEATURES)] + ([f"+{len(words)} words"] if words else [])
            out += [f"  {c.describe(self)}", f"      {' '.join(shown)}"]
        out.append(f"positions: {len(self.positions)}")
        out += [f"  {p.actor:<8} {p.kind:<9} {p.speaker or '-':<20} {p.date or '-':<10} {p.text[:80]!r}"
                for p in self.positions]
        return out


def _starting_in(items: list, lo: int, hi: int) -> list:
    """items (sorted by .start) that start in [lo, hi)."""
    return items[bisect.bisect_left(items, lo, key=_start) : bisect.bisect_left(items, hi, key=_start)]


def _start(item) -> int:
    return item.start
