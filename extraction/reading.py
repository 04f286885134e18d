"""The claims stage: sentence by sentence, candidates, their features and decisions, then drafts.

Reading goes in order because earlier sentences date and attribute later ones (the last speaker for
"ông", a meeting's date, the claim a subjectless sentence goes on reporting). Each sentence's
candidate claims (the cue rules' and the extra ones of extraction/candidates.py) get features
(extraction/features.py) and a decision (extraction/decide.py); the kept ones become drafts, one per
holding party, with speaker, date, quote, targets and topics. Every candidate is recorded on the
document with what was decided.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .attribution import (NEED, THEO_OPENING, Claim, _bare_party, _inside, _needed_from_another, _trim_end, claim_of,
                          needs_what_others_give, quoted_pieces)
from .carried import carried_claim, document_claim, list_head_claim, list_item_claim, own_party_goes_on
from .candidates import carried_candidate, subject_candidates
from .cues import find_cues, keeps_speaker
from .dating import DateTracker
from .document import Candidate, Document
from .features import claim_features
from .interview import Interview, answer_claim, answered_by, find_interview, is_courtesy, is_question
from .mentions import PLURAL, PLURAL_BEFORE, Mention
from .positions import (Draft, addresses_anyone, asks_people, fallback_targets, modal_subjects, same_report_targets,
                        speaker_of, targets_for, topics_of)
from .segment import Clause, clauses


ANSWER_WORDS = 6  # an answer's sentence saying something ("Đúng vậy." says nothing)


class _State:
    """What earlier sentences tell later ones: dates, the last speaker and person, the last claim."""

    def __init__(self):
        self.dates = DateTracker()
        self.last_speaker: Mention | None = None
        self.last_person: Mention | None = None  # the last person named, for "ông" before anyone spoke
        self.sentence_people: dict[int, Mention] = {}  # the first person named in each sentence
        self.genders: dict[str, str] = {}  # a person called "ông X" ("m") or "bà X" ("f") in the article
        self.last_of_gender: dict[str, Mention] = {}  # ... and the last person named of each
        self.last_claim: Claim | None = None
        self.interview: Interview | None = None


def read_claims(doc: Document) -> None:
    """Adds the candidates and the drafts of the kept ones."""
    state = _State()
    state.interview = find_interview(doc.text, doc.blocks, doc.sentences, doc.mentions, doc.dates)
    for s in doc.sentences:
        s_mentions, s_dates = doc.mentions_in(s.start, s.end), doc.dates_in(s.start, s.end)
        before = len(doc.drafts)
        for claim in _claims(doc, s, s_mentions, state):
            doc.drafts.extend(_drafts(doc, claim, s_dates, s_mentions, state))
        interview = state.interview
        if interview and interview.day and s.block.paragraph in interview.answers:
            for d in doc.drafts[before:]:
                if d.date is None:
                    d.date, d.date_precision, d.dated_by = interview.day.value, interview.day.precision, "event"
        if len(doc.drafts) == before and _someone_else_speaks(doc, s_mentions):
            state.last_claim = state.last_speaker = None  # what follows is no longer the last speaker's
        elif len(doc.drafts) == before:
            _quote_follows(doc, s)
        _remember(doc.text, s, s_mentions, s_dates, doc.drafts[before:], state)


def _claims(doc: Document, s, s_mentions, state: _State) -> list[Claim]:
    """The sentence's candidate claims (the cue rules' and the extra ones), as the decider keeps them."""
    text, quotes = doc.text, doc.quotes
    previous: Claim | None = None
    found: list[tuple[Claim, str]] = []
    sentence_clauses = clauses(text, s, quotes)
    if _closed_by_outsider(text, sentence_clauses[-1], s_mentions, quotes):
        return []  # "..., ông Chieh nói.": his words, no party's
    interview = state.interview
    if interview and (s.block.paragraph in interview.questions and is_question(text, s) or is_courtesy(text, s)):
        return []  # "Ông nhìn nhận yêu cầu này như thế nào?": the interviewer asks
    before = doc.sentences[s.index - 1] if s.index else None
    before_mentions = doc.mentions_in(before.start, before.end) if before else []
    listed = list_head_claim(text, s, s_mentions, quotes, state.last_claim, before_mentions)
    for i, cl in enumerate([] if listed else sentence_clauses):
        claim = claim_of(text, cl, s_mentions, quotes, previous)
        if claim is None and i == 0:  # "Tuyên bố yêu cầu ...": a document of the party reported just before
            claim = document_claim(text, cl, s_mentions, quotes, state.last_claim, before, before_mentions)
        if claim is not None:
            found.append((claim, "rule"))
            previous = claim
        elif previous is not None and previous.clause is sentence_clauses[i - 1] and cl.dates_from == cl.start:
            # "... sẽ rời Belarus sau khi cuộc diễn tập kết thúc": a time clause saying nothing of its own is part
            # of what was said (it still dates nothing of it)
            previous.span = (previous.span[0], max(previous.span[1], _trim_end(text, previous.span[0], cl.end)))
    found += [(listed, "rule")] if listed else []
    _theo_voice_goes_on(text, s, [claim for claim, _ in found])
    last = state.last_claim
    if not found and last and last.clause.sentence.block is s.block and last.clause.sentence.index == s.index - 1:
        carried = (carried_claim(text, sentence_clauses[0], s_mentions, quotes, last)
                   or own_party_goes_on(text, sentence_clauses[0], s_mentions, quotes, last))
        found += [(carried, "rule")] if carried else []
    if not found and last and last.clause.sentence.index == s.index - 1:
        item = list_item_claim(text, sentence_clauses[0], s_mentions, quotes, last)
        found += [(item, "rule")] if item else []
    if interview and s.block.paragraph in interview.answers:
        found = [(answered_by(claim, interview.answerer), source) for claim, source in found]
        if not found and len(text[s.start : s.end].split()) >= ANSWER_WORDS:
            whole = Clause(s.start, s.end, s, False, s.start)
            found = [(answer_claim(text, whole, s_mentions, quotes, interview.answerer), "rule")]
    taken = {actor for claim, _ in found for actor in _holders(claim, state)}
    found += [(c, "subject") for c in subject_candidates(text, sentence_clauses, s_mentions, quotes, taken)]
    if not found:
        carried = carried_candidate(text, s, sentence_clauses[0], s_mentions, quotes, last)
        found += [(carried, "carried")] if carried else []
    parties = len({m.actors[0] for m in s_mentions if m.actors})
    out = []
    for claim, source in found:
        features = (claim_features(text, claim, source, parties, s_mentions)
                    if doc.decider.needs_features(source) or doc.tracing else [])
        candidate = Candidate(claim, source, _holders(claim, state), features)
        candidate.decision = decision = doc.decider.decide(candidate.features, source, claim.kind)
        doc.candidates.append(candidate)
        if decision.keep:
            claim.kind = decision.kind
            out.extend(quoted_pieces(text, claim, s_mentions, quotes))
    if out:
        state.last_claim = out[-1]
    return out


def _theo_voice_goes_on(text: str, s, claims: list[Claim]) -> None:
    """ "Theo ông Peskov, phản hồi ... chưa tính đến các quan ngại của Nga, song Moskva “không đóng cánh cửa” ...": in a
    sentence a "Theo <person>," opener attributes, a later clause whose subject is only his own party is still his."""
    if len(claims) < 2 or not THEO_OPENING.match(text, s.start):
        return
    person = next((a for a in claims[0].agents if a.person and a.actors), None)
    if person is None:
        return
    for claim in claims[1:]:
        if (len(claim.agents) == 1 and _bare_party(claim.agents[0])
                and set(claim.agents[0].actors) <= set(person.actors)):
            claim.agents = [person]


def _closed_by_outsider(text: str, last, s_mentions, quotes) -> bool:
    """The sentence ends with a person the article does not place and a speech verb ("Điều mà quân đội Trung
    Quốc mong muốn nhất là ..., ông Chieh nói."): what comes before is that person's reading, not the words of
    a party named in it."""
    person = next((m for m in reversed(s_mentions) if last.start <= m.start < last.end), None)
    if person is None or not person.person or person.actors or _inside(person.start, quotes):
        return False
    if person.start > last.start and not text[last.start : person.start].rstrip().endswith(","):
        return False
    verb = next((c for c in find_cues(text, person.end, last.end) if c.kind == "speech"), None)
    return (verb is not None and not text[person.end : verb.start].strip()
            and len(text[verb.end : last.end].split()) <= 2)


def _someone_else_speaks(doc: Document, s_mentions) -> bool:
    """A person the article does not place ("ông Kissinger cho rằng ...") speaks in this sentence."""
    return any(m.person and not m.actors and not _inside(m.start, doc.quotes) for m in s_mentions)


def _quote_follows(doc: Document, s) -> None:
    """A bare quotation right after a reported position gives that position's words verbatim."""
    drafts = doc.drafts
    head = doc.text[s.start : s.start + 2].lstrip()
    if not head or head[0] not in "“\"" or not drafts or drafts[-1].sentence != s.index - 1:
        return
    quote = next(((qs, qe) for qs, qe in doc.quotes if s.start <= qs <= s.start + 2), None)
    if quote and drafts[-1].quote is None and drafts[-1].paragraph == s.block.paragraph:
        drafts[-1].quote = doc.raw_slice(*quote)


def _holders(claim: Claim, state: _State) -> list[str]:
    return [a.actors[0] for a in (_agent_person(a, state, claim) for a in claim.agents) if a.actors]


def _agent_person(agent: Mention, state: _State, claim: Claim) -> Mention:
    if agent.pronoun and agent.role and not agent.actors and not agent.person:
        # "Theo người phát ngôn, ...": the last speaker who holds that title
        last = state.last_speaker
        if last and last.role and agent.role.casefold() in last.role.casefold():
            return replace(agent, person=last.person, actors=last.actors, role=last.role, pronoun=False)
        return agent
    if not agent.pronoun or agent.role:
        return agent
    # a bare "ông", "bà": the person the paragraph's sentence before opened with ("Tổng thống Indonesia Joko Widodo
    # gửi lời chia buồn ... “...”, ông nói."), else the last speaker
    s = claim.clause.sentence
    introduced = state.sentence_people.get(s.index - 1)
    if introduced is not None and (introduced.start < s.block.start or not introduced.actors):
        introduced = None
    # never a man for "bà" nor a woman for "ông" ("Theo bà, ..." after Tổng thống Tshisekedi spoke); when every recent
    # one is of the other sex, the last person named of this one
    sex = {"ông": "m", "bà": "f"}.get(agent.honorific)
    referent = next((m for m in (introduced, state.last_speaker, state.last_person)
                     if m is not None and (sex is None or state.genders.get(m.person, sex) == sex)), None)
    if referent is None and sex:
        referent = state.last_of_gender.get(sex)
    if referent:
        return replace(agent, person=referent.person, actors=referent.actors, role=referent.role, pronoun=False)
    return agent


def _drafts(doc: Document, claim: Claim, s_dates, s_mentions, state: _State) -> list[Draft]:
    """One position per party holding the claim (joint subjects, shared stances)."""
    claim.agents = [_agent_person(a, state, claim) for a in claim.agents]
    holders = [a for a in claim.agents if a.actors]
    voice = _reported_voice(doc, claim)
    speaker = speaker_of(claim) or _continued_speaker(doc.text, claim, state) or voice
    own_speakers = {h.actors[0]: h for h in holders if h.person} if len(holders) > 1 else {}
    date, dated_by = state.dates.date_for(doc.text, claim, s_dates, s_mentions, speaker)
    framing = [d for d in s_dates if claim.cue.end <= d.start < voice.start] if voice else []
    if framing:  # "... cho biết trong cuộc điện đàm hôm 28/1, Tổng thống Putin cho rằng ...": the day he said it
        date, dated_by = framing[-1], "own"
    lo, hi = claim.content  # a quotation split in pieces (quoted_pieces) quotes each piece's part of it
    quote = " … ".join(doc.raw_slice(max(qs, lo), min(qe, hi)) for qs, qe in doc.quotes
                       if lo <= qs < hi or (claim.quoted and qs < lo < qe))
    out: list[Draft] = []
    for holder in holders + claim.shared_with:
        actor = holder.actors[0] if holder.actors else None
        if actor is None or any(d.actor == actor for d in out):
            continue
        shared = holder in claim.shared_with
        d = _draft(doc, claim, actor, holders=[h.actors[0] for h in holders] + [actor])
        voice = own_speakers.get(actor) or speaker  # "ông Macron và ông Scholz": each speaks for his own
        if voice and not shared:
            d.speaker, d.speaker_role, d.speaker_actor = voice.person, voice.role, voice.actors[0]
        elif holder.role and not holder.person:
            d.office = holder.role
        if date and date.value and (not shared or dated_by in ("own", "occasion")):
            d.date, d.date_precision, d.dated_by = date.value, date.precision, dated_by
        d.quote = None if shared else (quote or None)  # "cũng giống như Mỹ": the quoted words are not Mỹ's
        if not d.targets and len(holders) == 2 and holders[0].start == holders[1].start:
            # "hai bên nhất trí tiếp tục đối thoại": what the two sides say to each other
            d.targets = [h.actors[0] for h in holders if h.actors[0] != actor]
        if not d.targets and d.kind == "statement":  # naming no party: about what the same report addresses
            d.targets = same_report_targets(d, doc.drafts + out)
        anyone = ((d.kind in ("warning", "demand") and addresses_anyone(doc.text, *d.content))
                  or asks_people(claim, doc.text))
        if not d.targets and d.kind != "statement" and not anyone:
            d.targets_named = False
            d.targets = fallback_targets(d, doc.drafts + out, doc.party_counts, holders=list(d.holders))
        out.append(d)
    if speaker:
        state.last_speaker = speaker
    elif len(claim.agents) == 1 and claim.agents[0].role and claim.agents[0].actors \
            and not _plural(doc.text, claim.agents[0]):
        # "Thủ tướng Bulgaria cho rằng ... “...”, ông nói thêm": an unnamed official spoke last, not one named before
        state.last_speaker = claim.agents[0]
    return out


PLURAL_ROLE = re.compile(PLURAL, re.I)


def _plural(text: str, agent: Mention) -> bool:
    """ "một số Ngoại trưởng EU", "các quan chức Mỹ": officials, not one person an "ông" can stand for."""
    return bool(PLURAL_BEFORE.search(text, max(0, agent.start - 12), agent.start) or PLURAL_ROLE.match(agent.role))


def _draft(doc: Document, claim: Claim, actor: str, *, holders: list[str]) -> Draft:
    block = claim.clause.sentence.block
    cue = doc.text[claim.cue.start : claim.cue.end].lower() if claim.cue else ""
    d = Draft(actor, claim.kind, claim.span, block.role, block.paragraph, claim.clause.sentence.index,
              content=claim.content, cue=cue, holders=tuple(holders))
    lo, hi = min(claim.span[0], claim.content[0]), max(claim.span[1], claim.content[1])
    subjects = modal_subjects(claim, doc.mentions_in(lo, hi), doc.text)
    if d.kind == "demand" and actor in subjects and set(subjects) <= set(holders) \
            and not _needed_of_another(doc, claim, actor):
        d.kind = "statement"  # "Úc phải đưa ra quyết định vì lợi ích an ninh" said by Australia: its own course
    if d.kind == "statement" and _own_ask(doc, claim, actor):
        d.kind = "demand"  # "Bộ Ngoại giao Nga làm rõ rằng yêu cầu của Matxcơva ... bao gồm ...": its ask restated
    d.targets = targets_for(claim, holders, doc.mentions_in(lo, hi), doc.text)  # it reads no mention outside
    d.topics = topics_of(doc.text[lo:hi])
    return d


def _needed_of_another(doc: Document, claim: Claim, actor: str) -> bool:
    """ "Nga cần NATO trả lời cụ thể ...": what its own side needs of another party right after the modal; "Ukraine
    cần vũ khí phòng thủ thực sự", "cần thêm binh sĩ đồng minh": what only others can give it."""
    at = claim.subject_of_cue
    if at >= 0 and needs_what_others_give(doc.text, at):
        return True
    need = NEED.match(doc.text, at) if at >= 0 else None
    if need and _needed_from_another(doc.text, doc.mentions_in(at, claim.content[1]), need.end(), claim.content[1],
                                     {actor}):
        return True  # "Nga cần một giải pháp ràng buộc pháp lý từ phía Brussels": asked of the giver
    after = next((m for m in doc.mentions_in(at, claim.content[1]) if m.actors), None) if at >= 0 else None
    return (after is not None and actor not in after.actors
            and set(doc.text[at : after.start].lower().split()) <= {"cần", "phải", "nên"})


OWN_ASK = re.compile(r"\s*(?:rằng\s+)?(?:các\s+|những\s+)?(?:yêu\s+cầu|đòi\s+hỏi)\s+(?:\S+\s+){0,2}?của\s+", re.I)


def _own_ask(doc: Document, claim: Claim, actor: str) -> bool:
    """The reported words open with the holder's own ask ("yêu cầu của Matxcơva về việc NATO rút ...")."""
    if claim.cue is None or claim.cue.kind != "speech":
        return False
    opening = OWN_ASK.match(doc.text, claim.cue.end)
    owner = next((m for m in doc.mentions_in(claim.cue.end, claim.content[1]) if m.actors), None)
    return bool(opening and owner and owner.start == opening.end() and actor in owner.actors)


# between an office's speech verb and its leader's words: "cho biết, trong cuộc điện đàm với ... tối thứ Năm, "
FRAMING = re.compile(r"[\s,]*(?:(?:trong|tại|sau)\s[^.;:“”\"]{0,100}?,\s*)?")
VOICE_GAP = {"", "đã", "cũng", "vẫn", "đều"}


def _reported_voice(doc: Document, claim: Claim) -> Mention | None:
    """ "Điện Kremlin cho biết trong cuộc điện đàm với Tổng thống Pháp hôm 28/1, Tổng thống Putin cho rằng ...": an
    office reports its own party's leader speaking; he is the speaker (annotated sets 3 of 3)."""
    if claim.cue is None or len(claim.agents) != 1 or claim.agents[0].person or not claim.agents[0].actors:
        return None
    at = FRAMING.match(doc.text, claim.cue.end).end()
    voice = next((m for m in doc.mentions_in(at, claim.content[1]) if m.actors or m.person), None)
    if voice is None or voice.start != at or not voice.person or voice.actors[:1] != claim.agents[0].actors[:1]:
        return None
    verb = next((c for c in find_cues(doc.text, voice.end, min(claim.content[1], voice.end + 30)) if not c.noun), None)
    return voice if verb and doc.text[voice.end : verb.start].strip().lower() in VOICE_GAP else None


def _continued_speaker(text, claim: Claim, state: _State) -> Mention | None:
    """ "Tháng trước, Tổng thống Nga Vladimir Putin đã đưa ra các yêu cầu ... Theo đó, Moskva yêu cầu ..."."""
    s = claim.clause.sentence
    person = state.sentence_people.get(s.index - 1)
    if len(claim.agents) != 1 or not person or not keeps_speaker(text[s.start : s.end]):
        return None
    return person if person.actors[:1] == claim.agents[0].actors[:1] else None


HONORIFIC_IN = re.compile(r"(?:^|(?<=[\s,]))([Ôô]ng|[Bb]à)\s+(?=[A-ZĐ])")


def _remember(text, s, s_mentions, s_dates, new_drafts: list[Draft], state: _State) -> None:
    state.dates.remember(text, s, s_mentions, s_dates, new_drafts)
    people = [m for m in s_mentions if m.person]
    for m in people:
        called = HONORIFIC_IN.search(text, m.start, m.end)  # "ông Lavrov", "..., bà Linda Thomas-Greenfield"
        if called:
            state.genders[m.person] = "m" if called.group(1).lower() == "ông" else "f"
        if m.person in state.genders and m.actors:
            state.last_of_gender[state.genders[m.person]] = m
    if people:
        # the person who speaks in it, else the first named ("sau cuộc gặp Tổng thống Ukraine Volodymyr Zelensky,
        # Tổng thư ký NATO Jens Stoltenberg tuyên bố ...": the "ông" of the next sentence is Stoltenberg)
        speakers = {d.speaker for d in new_drafts if d.speaker}
        state.sentence_people[s.index] = next((m for m in people if m.person in speakers), people[0])
        state.last_person = people[-1]
