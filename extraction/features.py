"""Features of one candidate claim, for the learned decisions (extraction/decide.py).

Every feature is a name with value 1: what the rules found (where the candidate came from, the kind
they gave, the kinds of the cues in it, negated or used as nouns, a conditional shape), who holds it
(a person, a title, a pronoun, the first party of the clause or one item of a list, an expert or a
medium) and whether a cue follows the holder, quotation, conditions, and where the sentence sits;
and the words of the claim (`lexical_features`: its syllables and syllable pairs, the pairs also
with the rules' kind). With some 500 labelled positions, word features learned the topics of the
training news (cross-validation by article scored them lower); with the synthetic sets beside them
(42,240 candidates, stop 38) they learn how a kind is worded. Only plain Python: the
pipeline must stay fast.
"""
from __future__ import annotations

import functools
import re

from .attribution import Claim
from .cues import find_cues, has_word, shape_kind
from .reference import load_cues

SYLLABLE = re.compile(r"[^\W_]+", re.U)


def _syllables(text: str) -> list[str]:
    return SYLLABLE.findall(text.lower())


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    return str(next((e for e in edges if n <= e), "more"))


@functools.lru_cache(maxsize=1)
def _words_of(key: str) -> tuple[str, ...]:
    return tuple(load_cues().get(key) or ())


def _holder_features(text: str, claim: Claim, sentence_mentions) -> list[str]:
    """Is the holder the clause's subject: the first party named, not one item of a list, not an
    expert or a medium, followed by an attribution cue."""
    agent, cl = claim.agents[0], claim.clause
    f = []
    earlier = [m for m in sentence_mentions if cl.start <= m.start < agent.start and m.actors]
    f.append("ag:first_party" if not earlier else "ag:after_party")
    gap = text[earlier[-1].end : agent.start] if earlier else ""
    if earlier and gap.strip() in (",", "và", ", và"):
        f.append("ag:listed")
    lead = text[max(cl.start, agent.start - 60) : agent.start].lower()
    if any(has_word(lead, w) for w in _words_of("analysis")):
        f.append("ag:expert")
    if any(has_word(lead.rsplit(",", 1)[-1], w) for w in _words_of("media")):
        f.append("ag:media")
    if "(" in text[agent.end : agent.end + 3] or "ảnh" in text[max(cl.start, agent.start - 8) : agent.start].lower():
        f.append("ag:parenthesis")
    near = [c for c in find_cues(text, agent.end, min(cl.end, agent.end + 40)) if not c.noun]
    f += [f"near:{c.kind}" for c in near[:1]]
    return f


LEXICAL_SYLLABLES = 40  # of the claim's text: its subject, verb and the head of what is said
WORD_FEATURES = ("w:", "p:", "kp:")  # the prefixes of lexical_features' names


def lexical_features(said: str, rule_kind: str | None) -> list[str]:
    """ "w:" each syllable, "p:" each pair of syllables, "kp:" each pair with the rules' kind ("kp:statement:không_có")."""
    words = _syllables(said)[:LEXICAL_SYLLABLES]
    pairs = [f"{a}_{b}" for a, b in zip(words, words[1:])]
    return ([f"w:{w}" for w in words] + [f"p:{p}" for p in pairs]
            + ([f"kp:{rule_kind}:{p}" for p in pairs] if rule_kind else []))


def claim_features(text: str, claim: Claim, source: str, sentence_parties: int, sentence_mentions=()) -> list[str]:
    """Feature names of a claim; `source` is rule, subject or carried (extraction/candidates.py)."""
    s = claim.clause.sentence
    agent = claim.agents[0] if claim.agents else None
    lo, hi = claim.content
    f = [f"src:{source}", f"role:{s.block.role}", f"parties:{_bucket(sentence_parties, (1, 2, 3))}",
         f"agents:{_bucket(len(claim.agents), (1, 2))}", f"clen:{_bucket(len(_syllables(text[lo:hi])), (4, 8, 16, 32))}"]
    if source == "rule":
        f.append(f"rk:{claim.kind}")
    if claim.cue is not None:
        f.append(f"cue:{claim.cue.kind}")
    for c in find_cues(text, min(lo, claim.span[0]), max(hi, claim.span[1])):
        f.append(f"kc:{c.kind}:{'noun' if c.noun else ('neg' if c.negated else 'on')}")
    shape = shape_kind(text, lo, hi)
    if shape:
        f.append(f"shape:{shape}")
    if agent is not None:
        f.append("ag:first" if agent.start - s.start < 25 else "ag:later")
        f += ["ag:person"] if agent.person else []
        f += ["ag:role"] if agent.role else []
        f += ["ag:pronoun"] if agent.pronoun else []
        f += _holder_features(text, claim, sentence_mentions)
    sentence = text[s.start : s.end]
    if claim.quoted:
        f.append("quoted")
    if "“" in sentence or '"' in sentence:
        f.append("sentence_quote")
    if re.search(r"\bnếu\b", sentence.lower()):
        f.append("cond:nếu")
    if sentence.rstrip().endswith("?"):
        f.append("question")
    if s.first_in_block:
        f.append("first_in_paragraph")
    f += lexical_features(text[claim.span[0] : claim.span[1]], claim.kind if source == "rule" else None)
    return sorted(set(f))
