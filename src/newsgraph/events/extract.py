"""Event extraction for one article: walk each sentence's parse once, find triggers by
lemma, fold frames ('threatened to X', 'refused to X', 'demanded that X') and purpose or
participle clauses into the event that governs them, read arguments, date, place,
modality and attribution, and merge repeated mentions of one event into one record."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc, Span, Token

from newsgraph.entities import country_name
from newsgraph.nlp import doc_ents, doc_sents, doc_text, reading
from newsgraph.records import Actor, Article, Entity, Event, Evidence, Place, Timex
from .actors import (NON_COUNTRY_PREFIXES, actor_for, as_civilians, country_in_phrase, country_of_name, ent_text, in_regional_adjective,
                     entity_at, group_head, is_actor_like, is_populated_place, is_stance_word, leader_code, place_owner, sector_of)
from .arguments import actor_in, addressees, agent_of, antecedent, complement_verb, dateline_end, is_adjectival_passive, is_channel, owners, place_of, quantities, resolve_pronoun, source_heads, target_heads, verb_subjects
from .dates import event_date, resolve_anchored_dates
from .lexicon import TriggerSense, actor_lexicon, cues, triggers
from .modality import attribution, is_conditional_threat, modality, reporting_verb_above, subject_of
from .places import place_record
from .same import dedupe
from .unidentified import is_accident, unidentified_attackers
from .triggers import Trigger, find_triggers, is_control_clause, is_simultaneous_clause, objects, prep_objects, quoted_ranges, with_conjuncts



def extract_events(article: Article, doc: Doc, entities: list[Entity], timexes: list[Timex]) -> list[Event]:
    """Events of one article, ids f"{article.id}#v{n}" in text order."""
    with reading(doc):
        return article_events(article, doc, entities, timexes)


def article_events(article: Article, doc: Doc, entities: list[Entity], timexes: list[Timex]) -> list[Event]:
    ctx = context_country(entities, doc)
    drafts: list[Event] = []
    last_subject: Optional[Token] = None
    quotes = quoted_ranges(doc_text(doc))
    for sent in sentences(doc):
        trigs = find_triggers(sent, quotes)
        trigs += obligation_triggers(sent, quotes)
        if trigs:
            drafts.extend(sentence_events(article, doc, sent, trigs, entities, timexes, ctx, last_subject))
        last_subject = main_subject(sent) or last_subject
    events = dedupe(drafts)
    resolve_anchored_dates(events, {id(e): e._anchored for e in drafts if getattr(e, "_anchored", None) is not None})
    for ev in drafts:
        ev.__dict__.pop("_anchored", None)
    for n, ev in enumerate(events, 1):
        ev.id = f"{article.id}#v{n}"
    return events


def sentences(doc: Doc):
    """doc.sents, cut again at paragraph breaks (a headline without a full stop is no
    part of the next paragraph's sentence)."""
    for sent in doc_sents(doc):
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n\n" in tok.text:
                if tok.i > start:
                    yield doc[start:tok.i]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


def context_country(entities: list[Entity], doc: Doc, skip: tuple = ()) -> Optional[str]:
    """The country the article is mostly about (for 'the junta', 'protesters'). A leader's
    country that only a gazetteer gives says who acts, not where the story is. Mentions inside
    the char ranges `skip` do not count."""
    counts: Counter = Counter()
    for e in entities:
        if e.country and e.type in {"GPE", "NORP", "ORG", "PERSON"} and not e._country_from_gazetteer and not is_medium(e):
            mentions = [m for m in e.mentions if not in_ranges(m.start, skip)]
            if e.mentions and not mentions:
                continue
            named = [m for m in mentions if not stance_mention(doc, m.start)]
            if named or not mentions:
                counts[e.country] += max(1, len(named))
    if not counts:
        for ent in doc_ents(doc):
            if ent.label_ in {"GPE", "NORP"} and not in_ranges(ent.start_char, skip):
                c = country_of_name(ent.text)
                if c:
                    counts[c] += 1
    return counts.most_common(1)[0][0] if counts else None


def in_ranges(start: int, ranges: tuple) -> bool:
    return any(a <= start < b for a, b in ranges)


def is_medium(entity: Entity) -> bool:
    """A news outlet ('the BBC reported'): it reports from elsewhere, its country is no sign of the story's."""
    return bool(entity.actor_code) and entity.actor_code.endswith("MED")


def stance_mention(doc: Doc, start: int) -> bool:
    """A mention inside 'anti-Syria', 'pro-Russian': a stance, no sign of where the article is."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and len(span) > 0 and is_stance_word(span[0])


def main_subject(sent: Span) -> Optional[Token]:
    for c in sent.root.children:
        if c.dep_ in {"nsubj", "nsubjpass"} and is_actor_like(c) and c.pos_ != "PRON":
            return c
    return None


# ---- within a sentence ----------------------------------------------------------------

def sentence_events(article, doc, sent, trigs, entities, timexes, ctx, last_subject) -> list[Event]:
    trigs = one_per_anchor(sorted(trigs, key=lambda t: t.sense is not OBLIGATION))
    absorbed: dict[int, Trigger] = {}     # trigger index -> trigger that takes it over
    for i, t in enumerate(trigs):
        outer = governing_trigger(t, trigs)
        if outer is not None:
            absorbed[i] = outer
    events = []
    for i, t in enumerate(trigs):
        if i in absorbed:
            continue
        inner = [trigs[j] for j, o in absorbed.items() if o is t]
        blockers = {x.token.i for x in trigs if x is not t} | {x.anchor.i for x in trigs if x is not t}
        ev = build_event(article, doc, sent, t, inner, entities, timexes, ctx, last_subject, blockers)
        if ev is not None and not is_bare_mention(t, ev, timexes):
            events.extend(reciprocal_dyads(ev))
    return events


def reciprocal_dyads(ev: Event) -> list[Event]:
    """'A and B met': CAMEO/PLOVER code one event per direction (A->B, B->A), never A->A.
    An event whose parties act on each other is split into one event per party."""
    if len(ev.source) < 2 or ev.source != ev.target:
        return [ev]
    out = []
    for party in ev.source:
        one = replace(ev, source=[party], target=[a for a in ev.source if a is not party],
                      evidence=list(ev.evidence), quantities=list(ev.quantities))
        one._anchored = getattr(ev, "_anchored", None)
        out.append(one)
    return out


OBLIGATION = TriggerSense("must", "V", "REQUEST", None, "100", "frame", (("obligation", frozenset()),))


def obligation_triggers(sent: Span, quotes) -> list[Trigger]:
    """'X said (that) Y must/should do Z': a demand by X on Y."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in tok.children):
            continue
        if any(a <= tok.idx < b for a, b in quotes):
            continue
        if reporting_verb_above(tok) is not None and not any(c.dep_ == "neg" for c in tok.children):
            out.append(Trigger(tok, OBLIGATION, tok))
    return out


def is_bare_mention(t: Trigger, ev: Event, timexes: list[Timex]) -> bool:
    """A noun trigger with no actor and no date of its own ('the attacks') adds no event."""
    if not t.is_noun or t.anchor != t.token or ev.source or ev.target:
        return False
    return ev.date is None or ev.date.granularity == "publication"


def one_per_anchor(trigs: list[Trigger]) -> list[Trigger]:
    seen, out = set(), []
    for t in sorted(trigs, key=lambda t: (t.anchor.i, t.sense is not OBLIGATION, t.token != t.anchor)):
        if t.anchor.i in seen:
            continue
        seen.add(t.anchor.i)
        out.append(t)
    return sorted(out, key=lambda t: t.token.i)


def governing_trigger(t: Trigger, trigs: list[Trigger]) -> Optional[Trigger]:
    """The trigger whose frame, purpose clause, participle or argument holds t, if any.
    Relative clauses and reporting verbs stop the climb: what they hold is its own event."""
    node, steps, via_acl = t.anchor, 0, False
    if t.sense.has("reduced") and t.token.dep_ == "acl":
        return None      # 'a deal brokered by Qatar': the brokering is its own act
    while node.head != node and steps < 8:
        if node.dep_ == "advcl" and is_simultaneous_clause(node):
            return None
        dep, node, steps = ("xcomp" if is_control_clause(node) else node.dep_), node.head, steps + 1
        if dep == "relcl" or dep in {"nsubj", "nsubjpass"} and not t.is_noun:
            return None
        via_acl = via_acl or dep == "acl"
        outer = next((o for o in trigs if (o.anchor == node or o.token == node) and o is not t), None)
        if outer is None:
            if node.lemma_.lower() in cues()["reporting_verbs"] and node.pos_ == "VERB":
                return None
            continue
        if (outer.sense.role == "frame" or outer.sense.type in FRAME_TYPES) and dep not in {"conj", "nsubj"}:
            return outer
        if outer.sense.type == "ACCUSE" and dep == "prep":
            return outer     # 'accused X of shelling Y', 'blamed X for killing Y': the act is alleged
        if t.is_noun and t.anchor == t.token and dep != "conj":
            return outer
        if dep in {"advcl", "xcomp", "acl"} or via_acl:
            return outer
        return None
    return None


def build_event(article, doc, sent, t: Trigger, inner: list[Trigger], entities, timexes, ctx, last_subject, blockers=frozenset()) -> Optional[Event]:
    sense = t.sense
    typ, mode, cameo = sense.type, sense.mode, sense.cameo
    src_heads, tgt_heads = argument_heads(t, inner, last_subject)
    if typ == "ASSAULT" and not src_heads and is_accident(t):
        return None
    content = content_of(t, inner)
    if content is not None and typ in FRAME_TYPES:
        mode = mode or content.sense.mode or content.sense.type.lower()
    typ, mode, cameo = recode_by_complement(t, content, typ, mode, cameo)
    mod = modality(t.token, t.anchor)
    mod = "planned" if is_ordered(t, mod) else mod
    typ, cameo, mod = recode_by_modality(t, typ, cameo, mod)
    if typ in {"ASSAULT", "COERCE"} and not src_heads:
        src_heads = [h for h in [responsibility_claimant(t)] if h is not None]
    accuser = claimed_by(t, typ)
    if accuser is not None:   # 'X claimed that Y attacked Z': X accuses Y
        typ, mode, cameo, mod = "ACCUSE", "allege", "112", "asserted"
        src_heads, tgt_heads = [accuser], src_heads
    place_tok = place_of(t)
    place = place_record(place_tok, entities)
    place_country = place.country if place is not None and typ in LOCAL_TYPES else None
    own_ctx = None if ctx in participant_countries(t, src_heads + tgt_heads) or is_venue_country(ctx, place, typ, mode) else ctx
    src_ctx = country_apart_from(tgt_heads + ([place_tok] if place_tok is not None else []), src_heads, own_ctx, typ, entities, doc)
    tgt_ctx = country_apart_from(src_heads, tgt_heads, own_ctx, typ, entities, doc)
    source = actors_of(src_heads, entities, src_ctx, place_country, sources=True)
    owner = next(filter(None, map(state_of, source)), None)
    target = [a for a in actors_of(tgt_heads, entities, tgt_ctx, place_country, owner=owner) if not same_actor(a, source, by_country=True)]
    source = [unborrowed(a, target, entities) for a in source]
    target = [unborrowed(a, source, entities) for a in target]
    reporters = foreign_reporters(t, typ, source, entities, own_ctx) if mod == "asserted" else []
    if reporters:   # 'X said that Y had attacked Z': CAMEO codes X accusing Y
        typ, mode, cameo, mod = "ACCUSE", "allege", "112", "asserted"
        source, target = reporters, source
    if typ == "PROTEST" and not target:
        scene = protest_recipient(t, entities, ctx)
        target = addressed_state_body(t, src_heads, entities, own_ctx, scene) or scene or home_country(source)
    if typ == "PROTEST":
        source = [protesters_at_home(a, target) for a in source]
    if not target and mode in {"visit", "arrive"} and place is not None and place.country:
        target = [Actor(place.entity_id, place.name, place.country)]
    if not target and typ in PLACE_TARGET_TYPES:
        scene = place_record(complement_place(t, content), entities) if typ == "THREATEN" else place
        target = place_as_target(scene, source)
        if typ == "ASSAULT" and scene is place:
            target = civilians_at(target, t, place_tok)
    if typ == "ASSAULT" and not source and target and not src_heads:
        source = unidentified_attackers(t, entities)
    if not target and len(source) > 1 and (typ in SYMMETRIC_TYPES or sense.has("with")) and mode != "mediate":
        target = list(source)   # 'A and B met/agreed/signed': each is the other's recipient
    if not target and source:
        venue = place_tok if is_meeting(typ, mode) else None
        target = first_coded_actor(t, src_heads, source, entities, tgt_ctx, place_country, owner, venue)
    if is_forecast(t, content, typ, tgt_heads) or is_ownerless_threat(t, typ, src_heads, source):
        return None
    if sense.has("coded_party") and not any(a.actor_code and not a.actor_code.startswith("---") for a in source + target):
        return None    # 'a protester demolished the building': damage with no political party coded
    qty = quantities(t) + [q for i in inner for q in quantities(i)]
    start, end = sent.start_char, sent.end_char
    date, anchored = event_date(doc, t, timexes, article.published, blockers - {i.token.i for i in inner} - {i.anchor.i for i in inner})
    ev = Event(
        id="", type=typ, mode=mode, cameo=cameo, source=source, target=target,
        date=date,
        place=place, modality=mod, attribution=attribution(t.token, t.anchor, sent), quantities=qty,
        evidence=[Evidence(article.id, start, end, doc_text(doc)[start:end])],
        trigger=" ".join(x.text for x in sorted({t.token.i: t.token, t.anchor.i: t.anchor}.values(), key=lambda x: x.i)),
    )
    ev._anchored = anchored
    return ev


SYMMETRIC_TYPES = {"CONSULT", "AGREE", "SUPPORT", "COOPERATE"}
PLACE_TARGET_TYPES = {"ASSAULT", "COERCE", "CONCEDE", "MOBILIZE", "THREATEN", "AID"}


def complement_place(frame: Trigger, content: Optional[Trigger]) -> Optional[Token]:
    """Where a threatened or promised act would happen ('threatened to resume raids in X'),
    not where the threat was made."""
    if content is not None:
        return place_of(content)
    verb = complement_verb(frame.token)
    return place_of(Trigger(verb, frame.sense, verb)) if verb is not None else None


def place_as_target(place, source: list[Actor]) -> list[Actor]:
    """A directed act with no recipient named ('lifted the curfew in X', 'reimposed blockades
    in X', 'shelled in X'): PLOVER codes the country where it happens as the recipient."""
    if place is None or not place.country:
        return []
    actor = Actor(place.entity_id, place.name, place.country)
    return [] if same_actor(actor, source, by_country=True) else [actor]


def is_ordered(t: Trigger, mod: str) -> bool:
    """'ordered the army to hunt down the attackers': an act ordered is not yet done. A
    sense that is itself the order ('ordered the envoy to leave': an expulsion) stays asserted."""
    if mod != "asserted" or t.sense.has("head") or t.anchor.dep_ != "xcomp":
        return False
    return t.anchor.head.lemma_.lower() in cues()["order_verbs"]


def is_forecast(t: Trigger, content, typ: str, tgt_heads: list[Token]) -> bool:
    """'warned that the deficit could reach 3 percent': a warning with no one warned, no act
    warned of and no actor in its clause is a forecast, not a threat."""
    if typ != "THREATEN" or t.sense.role != "frame" or content is not None or tgt_heads:
        return False
    clauses = [c for c in t.token.children if c.dep_ == "ccomp"]
    subjects = [s for c in clauses for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and not any(is_actor_like(x) or x.pos_ == "PRON" for x in subjects)


def is_ownerless_threat(t: Trigger, typ: str, src_heads: list[Token], source: list[Actor]) -> bool:
    """A conflictual act read as a threat only because a plan or wish governs it, with no one
    to make the threat ('wanted the officers detained'): no event."""
    return typ == "THREATEN" and t.sense.type != "THREATEN" and not src_heads and not source


def unborrowed(actor: Actor, others: list[Actor], entities: list[Entity]) -> Actor:
    """'President X welcomed the South African leader': a person whose own country is unknown
    took the article's country; when that makes them the very actor on the other side, the
    country was the other party's, so theirs stays unknown."""
    ent = next((e for e in entities if e.id == actor.entity_id), None) if actor.entity_id else None
    own = ent.actor_code if ent is not None else None
    if not own or not own.startswith("---") or not actor.actor_code or actor.actor_code == own or leader_code(ent):
        return actor
    if any(o.actor_code == actor.actor_code for o in others):
        return replace(actor, actor_code=own)
    return actor


def civilians_at(target: list[Actor], t: Trigger, place_tok: Optional[Token]) -> list[Actor]:
    """'shelled homes in X', 'fired on targets in X': an attack on where people live is coded
    against the civilians of the place's country."""
    attacked = objects(t.token) + ([place_owner(place_tok)] if place_tok is not None else [])
    if not any(is_populated_place(x) for x in attacked):
        return target
    return [replace(a, actor_code=as_civilians(a.actor_code)) for a in target]


def recode_by_complement(t: Trigger, content: Optional[Trigger], typ: str, mode, cameo):
    """A vow of force or protest is a threat ('vowed to retaliate', 'vowed to continue the strike'); a
    frame whose complement is an event noun takes its kind ('pledged aid': intent to give
    aid, 'called for a ceasefire')."""
    c = cues()
    if typ == "AGREE" and content is not None and content.sense.type in c["conflict_types"] \
            and t.token.lemma_.lower() in c["vow_verbs"]:
        return "THREATEN", mode, "130"
    if content is None and typ in FRAME_TYPES:
        noun = object_noun_sense(t)
        if noun is not None:
            mode = mode or noun.mode or noun.type.lower()
            if typ == "AGREE" and noun.type in c["cooperative_types"]:
                cameo = c["future_cameo"].get(noun.type, cameo)
    return typ, mode, cameo


def object_noun_sense(frame: Trigger) -> Optional[TriggerSense]:
    """The noun sense of a frame's object or 'for' complement ('pledged aid', 'called for talks')."""
    for noun in objects(frame.token) + prep_objects(frame.token, {"for"}):
        sense = next((s for s in triggers().get(noun.lemma_.lower(), ()) if s.pos == "N"), None)
        if sense is not None:
            return sense
    return None


def claimed_by(t: Trigger, typ: str) -> Optional[Token]:
    """The subject of 'claim/allege/charge' whose complement is a conflictual act."""
    if typ not in {"ASSAULT", "COERCE"}:
        return None
    rep = reporting_verb_above(t.anchor)
    if rep is None or rep.lemma_.lower() not in cues()["claim_accuse_verbs"]:
        return None
    return subject_of(rep)


def responsibility_claimant(t: Trigger) -> Optional[Token]:
    """'X claimed responsibility for the attack, which killed ...', 'X took responsibility for
    the bombing': X is who did it."""
    for tok in t.anchor.ancestors:
        if tok.lower_ in cues()["responsibility_nouns"] and tok.dep_ == "dobj" \
                and tok.head.lemma_.lower() in cues()["responsibility_verbs"]:
            return subject_of(tok.head)
    return None


NEWS_SECTORS = {"MED", "JRN"}


def foreign_reporters(t: Trigger, typ: str, source: list[Actor], entities, ctx) -> list[Actor]:
    """The actors of 'X said (that) Y attacked/arrested ...' when X is a coded party of another
    country than the act's source: a third party reporting a conflictual act accuses its doer
    (CAMEO 112, as PETRARCH codes such nested statements). Trailing attributions ('..., the army
    said') and reporters of their own side's acts keep the act itself."""
    if typ not in {"ASSAULT", "COERCE"} or not source:
        return []
    rep = reporting_verb_above(t.anchor)
    if rep is None or rep.i > t.anchor.i or rep.lemma_.lower() not in cues()["statement_verbs"] \
            or rep not in t.anchor.ancestors:         # the act must be what X said, not a phrase beside it
        return []
    subj = subject_of(rep)
    if subj is None or subj.i > rep.i or subj.pos_ == "PRON":
        return []
    reporters = [a for a in actors_of([subj], entities, ctx, sources=True) if a.actor_code and not a.actor_code.startswith("---")
                 and a.actor_code[3:6] not in NEWS_SECTORS]     # news media report, they do not accuse
    doers = {a.actor_code[:3] for a in source if a.actor_code and not a.actor_code.startswith("---")}
    if not reporters or not doers or any(a.actor_code[:3] in doers for a in reporters):
        return []                                     # a doer of no known country is no other country's
    return reporters


FRAME_TYPES = {"REQUEST", "THREATEN", "AGREE", "REJECT"}


def content_of(t: Trigger, inner: list[Trigger]) -> Optional[Trigger]:
    """The event a frame takes over: its complement, not a trigger in a side clause."""
    for i in inner:
        if i.anchor.dep_ in {"xcomp", "ccomp", "dobj", "acl", "pcomp", "pobj"}:
            return i
    return inner[0] if inner else None


def argument_heads(t: Trigger, inner: list[Trigger], last_subject) -> tuple[list[Token], list[Token]]:
    if t.sense is OBLIGATION:
        reporter = reporting_verb_above(t.anchor)
        src = [subject_of(reporter)] if reporter is not None and subject_of(reporter) is not None else []
        tgt = [h for h in (subject_of(t.anchor),) if h is not None]
        return src, with_conjuncts(tgt)
    resolved = (resolve_pronoun(antecedent(h), last_subject) for h in source_heads(t))
    src = unique([a for a in (agent_of(h) for h in resolved if h is not None) if a is not None])
    content = content_of(t, inner)
    if content is not None and t.sense.type in FRAME_TYPES:
        tgt = frame_targets(t, content, src)
    elif t.sense.role == "frame" and t.sense.type == "REQUEST":
        tgt = request_addressees(t, src)
    else:
        tgt = target_heads(t, src)
        if not tgt and content is not None:
            tgt = target_heads(content, src)
        if not tgt and content is None and t.sense.type in FRAME_TYPES:
            tgt = complement_targets(t, src)
    if not tgt and t.sense.has("reduced") and t.token.dep_ == "acl":
        tgt = parties_of_outcome(t.token)
    src_ids = {h.i for h in src}
    tgt = unique([h for h in (resolve_pronoun(antecedent(h), last_subject) for h in tgt)
                  if h is not None and h.i not in src_ids])
    return src, tgt


def complement_targets(frame: Trigger, src: list[Token]) -> list[Token]:
    """'threatened to cut off electricity to X': the recipient of an uncoded complement verb."""
    verb = complement_verb(frame.token)
    heads = target_heads(Trigger(verb, frame.sense, verb), src) if verb is not None else []
    return [h for h in heads if names_an_actor(h)]


def names_an_actor(head: Token) -> bool:
    """A name, a country word or a group noun itself, not a thing that a group word merely
    modifies ('their border crossing')."""
    return bool(head.ent_type_ or country_in_phrase(head) or country_of_name(head.text)
                or head.lemma_.lower() in actor_lexicon()["sector_of"] or head.lower_ in actor_lexicon()["sector_of"])


SIDE_CLAUSE_DEPS = {"parataxis", "relcl", "appos", "acl"}


def first_coded_actor(t: Trigger, src_heads: list[Token], source: list[Actor], entities, ctx, place_country, owner,
                      venue: Optional[Token] = None) -> list[Actor]:
    """The recipient a coder reads when the grammar names none (PETRARCH's rule): the first
    actor with a code named after the trigger in its clause ('threatened to launch an offensive
    in its war with Iraq', 'offered to help protect Jordan'), not the source itself nor the
    venue ('talks in Geneva': the place, never the recipient)."""
    for head in actors_after(t, src_heads):
        if venue is not None and head == venue:
            continue
        found = [a for a in actors_of([head], entities, ctx, place_country, owner=owner)
                 if a.actor_code and not same_actor(a, source, by_country=True)]
        if found:
            return found
    return []


def actors_after(t: Trigger, src_heads: list[Token]):
    """Actor heads named after the trigger in its clause, in text order, outside side clauses."""
    clause = t.anchor
    inside_source = {x.i for h in src_heads for x in h.subtree}
    for tok in clause.subtree:
        if tok.i <= t.token.i or tok.i in inside_source or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        if tok.dep_ in {"compound", "poss", "amod"} or in_side_clause(tok, clause) or is_channel(tok):
            continue
        head = actor_in(tok)
        if head is not None and head.i not in inside_source and names_an_actor(head):
            yield head


def in_side_clause(tok: Token, clause: Token) -> bool:
    """Whether tok lies in a parenthetical, relative clause, participle phrase ('techniques used
    against X') or apposition below the clause."""
    node = tok
    while node != clause and node.head != node:
        if node.dep_ in SIDE_CLAUSE_DEPS:
            return True
        node = node.head
    return False


def parties_of_outcome(participle: Token) -> list[Token]:
    """'A and B signed a truce, in a deal brokered by C': the parties to what C brokered are
    the subjects of the clause the outcome noun belongs to."""
    node = participle.head
    while node.pos_ not in {"VERB", "AUX"} and node.head != node:
        node = node.head
    if node.pos_ not in {"VERB", "AUX"}:
        return []
    return [a for a in map(agent_of, verb_subjects(node)) if a is not None]


def unique(heads: list[Token]) -> list[Token]:
    """Heads in order, each token once (a relative pronoun and its antecedent are one)."""
    seen: set[int] = set()
    return [h for h in heads if not (h.i in seen or seen.add(h.i))]


def recode_by_modality(t: Trigger, typ: str, cameo, mod: str):
    """PLOVER's reading of unrealised events: a promised cooperative act is AGREE, a
    refused one REJECT, a conditional or announced conflictual one THREATEN (or MOBILIZE
    when forces are being readied)."""
    c = cues()
    if t.sense.role == "frame" or typ in FRAME_TYPES:
        return typ, cameo, mod
    chain_lemmas = {x.lemma_.lower() for x in t.anchor.ancestors}
    if mod == "negated" and typ in c["cooperative_types"] and any(a.lower_ in {"will", "would", "wo"} for a in t.anchor.children):
        return "REJECT", "120", "asserted"
    if mod == "negated" and typ in c["threat_types"]:
        if any(a.lower_ in {"will", "would", "wo"} for a in t.anchor.children):
            return "AGREE", "035", "planned"     # 'will not attack': an intent to de-escalate
        if denied_by_doer(t.anchor):
            return "REJECT", "016", "asserted"   # 'said it did not attack': a denial of responsibility
    if mod in {"planned", "hypothetical"} and is_conditional_threat(t.anchor):
        return "THREATEN", "130", "planned"     # 'will withdraw unless ...': a threat, not a promise
    if mod == "planned" and typ in c["cooperative_types"]:
        return "AGREE", c["future_cameo"].get(typ, "030"), mod
    if mod in {"planned", "hypothetical"} and typ in c["threat_types"]:
        if typ == "ASSAULT" and chain_lemmas & set(c["mobilize_plan_verbs"]):
            return "MOBILIZE", "154", mod
        return "THREATEN", "130", mod
    return typ, cameo, mod


def denied_by_doer(anchor: Token) -> bool:
    """'X said it/its troops did not attack Y': the reporter speaks of its own (negated) act."""
    rep = reporting_verb_above(anchor)
    subj, speaker = subject_of(anchor), subject_of(rep) if rep is not None else None
    if subj is None or speaker is None:
        return False
    own = subj.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children)
    return own or subj.lemma_.lower() == speaker.lemma_.lower()


def frame_targets(frame: Trigger, content: Trigger, src_heads: list[Token]) -> list[Token]:
    """Recipient of 'X urged Y to Z' (Y), 'X demanded that Y do Z' (Y), 'X threatened to Z W' (W)."""
    if is_adjectival_passive(frame):      # 'X is opposed to Y's plan for talks'
        return target_heads(frame, src_heads) or target_heads(content, src_heads)
    direct = [o for o in objects(frame.token) if is_actor_like(o) and o != content.token]
    if frame.sense.type == "REQUEST":    # 'called on X to ...', 'appealed to X to ...'
        direct += [o for o in prep_objects(frame.token, {"on", "upon", "to"}) if is_actor_like(o) and o != content.token]
    if direct:
        return direct
    owned = owners([o for o in objects(frame.token) if o != content.token and o not in content.token.conjuncts])
    if frame.sense.type in {"REJECT", "AGREE"}:
        owned += [h for h in map(owner_of_act, prep_objects(frame.token, {"to"})) if h is not None]
    if owned and frame.sense.type in {"REJECT", "AGREE"}:
        return owned     # 'rejected a UN appeal for ...', 'accepted EU mediation': the author, not what it asks
    if frame.is_noun:
        addressed = [h for h in addressees(frame.token) if h.i not in {s.i for s in src_heads}]
        if addressed:
            return addressed
    src = {h.i for h in src_heads}
    if frame.sense.type == "REQUEST" and content.anchor.dep_ == "ccomp":
        subj = actor_of_subject(subject_of(content.anchor))
        if subj is not None and subj.i not in src:
            return [subj]
    return target_heads(content, src_heads)


def actor_of_subject(subj: Optional[Token]) -> Optional[Token]:
    """The actor a complement's subject names: itself, or the body inside it ('its European
    Community partners' -> European Community)."""
    return actor_in(subj) if subj is not None else None


def owner_of_act(noun: Token) -> Optional[Token]:
    """'accepted EU mediation', 'objected to Iran's plan': the actor whose act or proposal it is."""
    if noun.pos_ != "NOUN" or noun.ent_type_ or sector_of(noun):
        return None
    return next((c for c in noun.children if c.dep_ in {"poss", "compound", "amod"} and is_actor_like(c)), None)


def request_addressees(t: Trigger, src: list[Token]) -> list[Token]:
    """'demanded that the United States match ...', 'urged Iraq to ...' without a coded act."""
    direct = [o for o in objects(t.token) if is_actor_like(o)]
    if direct:
        return direct
    for c in t.token.children:
        if c.dep_ in {"ccomp", "xcomp"}:
            subj = actor_of_subject(subject_of(c))
            if subj is not None and subj.i not in {h.i for h in src}:
                return with_conjuncts([subj])
    return target_heads(t, src)


LOCAL_TYPES = {"ASSAULT", "COERCE", "PROTEST"}     # acts whose place says where their group actors belong
FOREIGN_SECTORS = {"MIL", "IGO"}     # armies act abroad: their place is no evidence of their country
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "iobj", "attr", "oprd"}
PARTY_PREPS = {"against", "on", "with", "to", "into", "toward", "towards", "upon", "by", "from"}


def participant_countries(t: Trigger, heads: list[Token]) -> set[str]:
    """Countries that are themselves parties of the event: a country or people word heading
    an argument ('Iran', 'Iranians'), or an object in its clause ('asking Obama to help Iran'),
    not a modifier naming a group ('Iranian police') nor a place ('in Iraq'). Such a country
    says nothing about the nationality of the event's other parties."""
    found: set[str] = set()
    toks = list(heads) + [c for h in heads for c in h.conjuncts] + list(t.anchor.subtree)
    dateline = dateline_end(t.anchor.sent)
    for tok in toks:
        if tok.ent_type_ not in {"GPE", "NORP"} or tok.i < dateline:
            continue
        first = tok
        while first.dep_ in ("conj", "appos") and first.head != first:
            first = first.head          # 'North Macedonia (formerly Macedonia)': an apposition is what it renames
        if not (first.dep_ in ARGUMENT_DEPS or first.dep_ == "pobj" and first.head.lower_ in PARTY_PREPS):
            continue
        code = country_of_name(ent_text(tok))
        if code:
            found.add(code)
    return found


HOSTILE_TYPES = {"ASSAULT", "THREATEN"}     # sides of a fight never share a country lent by the other side


def country_apart_from(others: list[Token], heads: list[Token], ctx: Optional[str], typ: str, entities, doc: Doc) -> Optional[str]:
    """'the army kept striking Hezbollah', 'Israeli jets killed five people': in a fight of
    armed forces (which fight abroad), the article's country is read without the other side's
    own words ('Hezbollah', 'Israeli') -- nor, for the attacker, the place it strikes --, which
    name that side's country, not its opponent's."""
    if ctx is None or typ not in HOSTILE_TYPES or not others or not any(is_armed(h) for h in heads + others):
        return ctx
    spans = tuple((t.idx, t.idx + len(t.text)) for h in others for t in phrase_of(h))
    return context_country(entities, doc, spans)


def is_place_prep(tok: Token) -> bool:
    """'(police) in Turkey': where a party is, not a word of its own name."""
    return tok.dep_ == "prep" and tok.lower_ in {"in", "at", "near"}


def is_armed(head: Token) -> bool:
    return sector_of(group_head(head)) in FOREIGN_SECTORS


def phrase_of(head: Token) -> list[Token]:
    """The tokens of an argument phrase, without the clauses hung on it."""
    clauses = {t.i for c in head.children if c.dep_ in {"relcl", "acl", "advcl"} or is_place_prep(c) for t in c.subtree}
    return [t for t in head.subtree if t.i not in clauses]


def is_meeting(typ: str, mode: Optional[str]) -> bool:
    """Talks, visits, summits: events whose place is a venue chosen by the parties."""
    return typ == "CONSULT" or mode in {"meet", "negotiate", "multilateral"}


def is_venue_country(ctx: Optional[str], place: Optional[Place], typ: str, mode: Optional[str] = None) -> bool:
    """'talks in Doha': the country of the place where a meeting happens is a venue; it
    lends no nationality to the parties."""
    return ctx is not None and place is not None and is_meeting(typ, mode) and place.country == ctx


PEOPLE_SECTORS = {"CVL", "LAB", "EDU", "OPP", "REF", "MED", "BUS", "REL"}


def actors_of(heads: list[Token], entities, ctx, place_country: Optional[str] = None, sources: bool = False,
              owner: Optional[str] = None) -> list[Actor]:
    """Actors of argument heads. A group with no country word of its own belongs to the country
    where a local act (attack, arrest, protest) happened (place_country) -- for a source only
    when it is no army --, else to the article's country (ctx, None when that is a party)."""
    out: list[Actor] = []
    for h in heads:
        group = group_head(h)
        sector = sector_of(group)
        own = country_in_phrase(group) or country_of_name(h.text)
        if not own and any(in_regional_adjective(t) for t in group.lefts):
            out.append(actor_for(h, entities, None))     # 'Latin American governments': no one country's
            continue
        shared = None if own else shared_country(h)
        local = place_country if place_country and not (sources and sector in FOREIGN_SECTORS) else None
        if owner and not own and sector in PEOPLE_SECTORS and any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in group.children):
            local = owner      # 'urged its citizens': the source's own people
        a = actor_for(h, entities, shared or (ctx if own or not local else local))
        for b in [a] + co_national_actors(h, a):
            if not any(same_actor(b, [c]) for c in out):
                out.append(b)
    return without_vaguer_codes(out)


def shared_country(head: Token) -> Optional[str]:
    """'Turkish jets and drones', 'the Malian government and the rebels': a conjunct with
    no modifier of its own (a determiner aside) shares its first conjunct's country word."""
    if head.dep_ != "conj" or any(t.dep_ != "det" for t in head.lefts):
        return None
    first = head
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    return country_in_phrase(group_head(first))


def co_national_actors(head: Token, actor: Actor) -> list[Actor]:
    """'French and Egyptian warships': one actor per conjoined country word, same sector."""
    code = actor.actor_code or ""
    out = []
    for mod in (c for c in head.lefts if c.dep_ in {"amod", "compound"}):
        first = country_of_name(mod.text)
        if not first or not code.startswith(first):
            continue
        for conj in mod.conjuncts:
            other = country_of_name(conj.text)
            if other and other != first:
                out.append(Actor(None, f"{conj.text} {head.text}", other + code[3:]))
    return out


def without_vaguer_codes(actors: list[Actor]) -> list[Actor]:
    """'four children and a man': a bare country code read off a common noun says nothing
    that a sibling's country-and-sector code ('PSECVL') does not."""
    def vaguer(a: Actor) -> bool:
        code = a.actor_code or ""
        return (len(code) == 3 and a.entity_id is None and country_of_name(a.name) is None
                and any(b is not a and (b.actor_code or "").startswith(code) and len(b.actor_code) > 3 for b in actors))
    return [a for a in actors if not vaguer(a)]


def same_actor(a: Actor, others: list[Actor], by_country: bool = False) -> bool:
    for b in others:
        if by_country and a.actor_code and len(a.actor_code) == 3 and a.actor_code == b.actor_code:
            return True
        if a.entity_id and a.entity_id == b.entity_id:
            return True
        if a.name.lower() == b.name.lower():
            return True
    return False


def home_country(source: list[Actor]) -> list[Actor]:
    """A protest with no addressee and no place: by the PLOVER/CAMEO convention it addresses
    the protesters' own country ('Serbian workers went on strike' -> SRB)."""
    country = next(filter(None, map(state_of, source)), None)
    return [Actor(None, country_name(country), country)] if country else []


def protesters_at_home(actor: Actor, target: list[Actor]) -> Actor:
    """Protesters of no known country who address a state body ('fundamentalists demanded the
    resignation of the Algerian president'): by the PLOVER/CAMEO convention for domestic
    protest they are that state's ('---LAB' -> 'DZALAB'); transnational bodies stay as they are."""
    code = actor.actor_code or ""
    if state_of(actor) or code[:3] in NON_COUNTRY_PREFIXES or (code and not code.startswith("---")):
        return actor
    home = next((state_of(a) for a in target if state_of(a) and (a.actor_code or "")[3:6] in STATE_BODY_SECTORS | {""}), None)
    return replace(actor, actor_code=home + code[3:]) if home else actor


def state_of(actor: Actor) -> Optional[str]:
    """The country part of an actor's code ('SRBLAB' -> SRB); none for a transnational body
    (IGO, NGO...) or an unknown country ('---GOV')."""
    country = (actor.actor_code or "")[:3]
    return country if len(country) == 3 and country.isalpha() and country not in NON_COUNTRY_PREFIXES else None


STATE_BODY_SECTORS = {"GOV", "LEG", "JUD"}


def addressed_state_body(t: Trigger, src_heads: list[Token], entities, ctx, scene: list[Actor]) -> list[Actor]:
    """A protest addresses the state body its clause names ('strike over a bill signed by the
    labour minister', 'in defiance of the authorities', 'to demand the resignation of the
    president'), of the country the protest happens in when the body names none."""
    inside_source = {x.i for h in src_heads for x in h.subtree}
    home = next((a.actor_code[:3] for a in scene if a.actor_code), None)
    for tok in t.anchor.subtree:
        if tok.i in inside_source or tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ in {"compound", "amod", "poss"}:
            continue
        actor = state_body(tok, entities, ctx, home) if is_actor_like(tok) else None
        if actor is not None:
            return [actor]
    return []


def state_body(tok: Token, entities, ctx, home: Optional[str]) -> Optional[Actor]:
    """The actor at tok when it is a government, legislature or court of a known country."""
    actor = actor_for(tok, entities, ctx)
    code = actor.actor_code
    if not code or code[3:6] not in STATE_BODY_SECTORS:
        return None
    if code.startswith("---"):
        return replace(actor, actor_code=home + code[3:]) if home else None
    return actor


def protest_recipient(t: Trigger, entities, ctx) -> list[Actor]:
    """Domestic protests address the government of the country they happen in (PLOVER/CAMEO
    coding convention): use the place's country, else a country named in the clause."""
    place = place_of(t)
    for tok in ([place] if place is not None else []) + [x for x in t.anchor.subtree if x.ent_type_ == "GPE"]:
        code = country_of_name(tok.text)
        if code:
            ent = entity_at(entities, tok.idx, tok.idx + len(tok.text))
            return [Actor(ent.id if ent else None, ent.name if ent else tok.text, code)]
    return []
