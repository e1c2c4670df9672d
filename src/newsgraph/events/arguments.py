"""Event arguments from the dependency parse: the head tokens of source and target
(PLOVER recipient), the place, and counted quantities (dead, injured, arrested...).
Heads become Actors in actors.py; this module only picks tokens."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from newsgraph.records import Quantity
from .actors import country_of_name, is_actor_like, is_non_actor_noun, is_pronoun, media_words, own_sector
from .lexicon import actor_lexicon, cues, triggers
from .triggers import Trigger, match_sense, misparsed_active, objects, prep_objects, with_conjuncts

TARGET_PREPS = {"against", "on", "with", "to", "into", "toward", "towards", "upon", "over"}
NOUN_SOURCE_DEPS = {"poss", "compound", "amod", "nmod"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
IMPERSONAL_SUBJECTS = {"it", "this", "that", "there", "what"}


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) \
        or (verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"} and not misparsed_active(verb)) or _elided_passive(verb)


def _elided_passive(verb: Token) -> bool:
    """'11 people were killed and at least 40 wounded': a participle joined to a passive verb,
    with no auxiliary of its own, is passive too (the parser calls its subject active)."""
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ in {"VERB", "AUX"}
            and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
            and any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.head.children)) or _small_clause_passive(verb)


def _small_clause_passive(verb: Token) -> bool:
    """'wanted the prisoners freed', 'found the guards killed': a bare participle complement
    with a subject and no auxiliary is passive; its subject is acted on, not acting."""
    return (verb.tag_ == "VBN" and verb.dep_ in {"ccomp", "xcomp", "oprd"}
            and any(c.dep_ == "nsubj" for c in verb.children)
            and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children))


ATTITUDE_TYPES = {"REJECT", "SUPPORT", "AGREE"}


def is_adjectival_passive(trig: Trigger) -> bool:
    """'Israel is opposed to X', 'Ghana is committed to X': an attitude participle used as an
    adjective (no agent, a 'to' complement): its subject holds the attitude, the 'to' object
    receives it. ('were sentenced to', 'was handed to' stay passives.)"""
    verb = trig.anchor
    return (trig.sense.type in ATTITUDE_TYPES and not trig.is_noun and verb.tag_ == "VBN"
            and any(c.dep_ == "nsubjpass" for c in verb.children)
            and not any(c.dep_ == "agent" for c in verb.children)
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children))


def _agents(verb: Token) -> list[Token]:
    return with_conjuncts([g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"])


def _co_sources(verb: Token) -> list[Token]:
    """'Russia, together with China, blocked ...' / 'X along with Y'."""
    out = []
    for c in verb.sent:
        if c.lower_ in {"together", "along"} and _clause_verb(c) == verb:
            out.extend(prep_objects(c, {"with"}))
            if c.head.lower_ == "with":
                out.extend(with_conjuncts([g for g in c.head.children if g.dep_ == "pobj"]))
    return out


def _clause_verb(tok: Token) -> Token:
    node, hops = tok.head, 0
    while node.pos_ not in {"VERB", "AUX"} and node.head != node and hops < 6:
        node, hops = node.head, hops + 1
    return node


def verb_subjects(verb: Token) -> list[Token]:
    """Active subjects of a verb, following control, relative clauses and participles."""
    node, seen = verb, 0
    while seen < 6:
        seen += 1
        subj = past_datelines([c for c in node.children
                               if c.dep_ in ({"nsubj", "csubj"} if node == verb else {"nsubj", "csubj", "nsubjpass"})])
        if subj:
            s = subj[0]
            if s.lower_ in {"who", "which", "that"} and node.dep_ == "relcl":
                s = antecedent(s)
            return with_conjuncts([s])
        if node.dep_ == "relcl" or (node.dep_ in {"acl", "amod"} and node.tag_ == "VBG") or misparsed_active(node):
            return with_conjuncts([node.head])
        controller = _object_controller(node)
        if controller is not None:
            return with_conjuncts([controller])
        if node.dep_ == "conj" and _misattached_conjunct(node):
            node = node.head.head.head      # 'freeze assets [they hold] and ban them' -> freeze
            continue
        if node.dep_ in {"xcomp", "advcl", "conj", "pcomp", "acomp"} and node.head != node:
            node = node.head
            if node.pos_ == "ADP":
                node = node.head
            continue
        if node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"}:
            return []
        break
    return []


DATELINE_MARKS = {":", "--", "—", "–", "-"}


def dateline_end(sent: Span) -> int:
    """Index just past a dateline opening the sentence ('PORT ARLEN, Northland:'):
    proper names and commas up to a colon or dash. The sentence start when there is none."""
    for tok in sent[:10]:
        if tok.text in DATELINE_MARKS:
            return tok.i + 1 if tok.i > sent.start else sent.start
        if not (tok.pos_ == "PROPN" or tok.ent_type_ or tok.text in {",", "(", ")"}):
            break
    return sent.start


def past_datelines(subjects: list[Token]) -> list[Token]:
    """Subjects with a wire dateline the parser took for one ("KHARTOUM — the army and the militia
    agreed ...", "LIMA (Reuters) - Police fired ...") replaced by what it put in apposition to it
    after the dateline, or dropped. The dateline's place is written in capitals."""
    out = []
    for s in subjects:
        line = line_of(s)
        end = dateline_end(line)
        in_dateline = s.i < end and opens_line(line[0]) and line[0].is_upper and len(line[0]) >= 3
        out += [c for c in s.children if c.dep_ == "appos" and c.i >= end] if in_dateline else [s]
    return out


def opens_line(tok: Token) -> bool:
    doc = tok.doc
    return tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws or doc[tok.i - 1].is_space


def line_of(tok: Token) -> Span:
    """The tokens from the start of tok's line (at most a dateline's length back) to the end of
    its sentence: the segmenter may run a sentence over a line break or cut a dateline off."""
    doc, start = tok.doc, tok.i
    while start > 0 and tok.i - start < 12 and "\n" not in doc[start - 1].text_with_ws and not doc[start - 1].is_space:
        start -= 1
    return doc[start:tok.sent.end]


OBJECT_CONTROL_PREPS = {"of", "for", "from", "with"}


def _object_controller(node: Token) -> Optional[Token]:
    """'accused the army of shelling', 'blamed Iran for arming', 'charged him with
    inciting': the object of the governing verb does what the gerund says."""
    prep = node.head
    if node.dep_ != "pcomp" or prep.lower_ not in OBJECT_CONTROL_PREPS:
        return None
    if prep.head.dep_ in {"dobj", "nsubjpass"} and prep.head.head.pos_ in {"VERB", "AUX"}:
        objs = [prep.head]          # the parser hung 'of shelling' on the object itself
    elif prep.head.pos_ in {"VERB", "AUX"}:
        objs = [c for c in prep.head.children if c.dep_ in {"dobj", "nsubjpass"} and c.i < prep.i]
    else:
        return None
    return objs[0] if objs and is_actor_like(objs[0]) else None


def causing_clause(verb: Token) -> Optional[Token]:
    """'12 were killed ... when coalition aircraft struck a market': the attack clause that
    says who did what the passive leaves without an agent."""
    for v in [verb] + list(verb.conjuncts):
        for c in v.children:
            if c.dep_ != "advcl" or not any(m.lower_ in {"when", "as"} and m.dep_ in {"advmod", "mark"} for m in c.children):
                continue
            sense = match_sense(c)
            if sense is not None and sense.type == "ASSAULT":
                return c
    return None


def causing_attack(verb: Token) -> list[Token]:
    """'were killed in an Israeli airstrike', 'died in army shelling': the actor the attack
    belongs to, or the attacking force itself ('in Israeli tank fire')."""
    for pobj in prep_objects(verb, {"in", "during"}):
        if pobj.lemma_.lower() in cues()["non_agent_nouns"]:
            owner = agent_of(pobj)
            return [owner] if owner is not None else []
        if is_actor_like(pobj) and pobj.ent_type_ not in PLACE_LABELS and country_of_name(pobj.text) is None \
                and any(c.dep_ in {"amod", "compound", "poss"} and country_of_name(c.text) for c in pobj.children):
            return [pobj]
    return []


def _misattached_conjunct(verb: Token) -> bool:
    """A verb with its own object joined to an object-gap relative clause ('the assets the
    people hold ... and ban them'): it cannot share the gap, so it joins the clause that the
    relative's noun belongs to."""
    rel = verb.head
    if rel.dep_ != "relcl" or rel.head.dep_ not in {"dobj", "nsubjpass"} or rel.head.head.pos_ not in {"VERB", "AUX"}:
        return False
    gap = not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in rel.children)
    zero_relative = not any(c.lower_ in cues()["relative_pronouns"] for c in rel.children)
    return gap and zero_relative and any(c.dep_ == "dobj" for c in verb.children)


def source_heads(trig: Trigger) -> list[Token]:
    tok, anchor = trig.token, trig.anchor
    if trig.sense.has("victim_subject"):
        return _agents(anchor)
    if trig.sense.has("inverse"):
        froms = prep_objects(tok, {"from"}) or [f for o in objects(tok) for f in prep_objects(o, {"from"})]
        if froms:
            return froms
        return [m for o in objects(tok) for m in o.children if m.dep_ in {"amod", "compound"} and is_actor_like(m)][:1]
    if trig.is_noun and anchor == tok:
        return noun_sources(tok)
    if trig.sense.pos == "A" or (trig.sense.role == "frame" and _is_passive(anchor)) or is_adjectival_passive(trig):
        subj = past_datelines([c for c in anchor.children if c.dep_ in {"nsubj", "nsubjpass"}])
        return with_conjuncts(subj) if subj else verb_subjects(anchor)
    if _is_passive(anchor):
        heads = _agents(anchor)
        clause = causing_clause(anchor)
        if not heads and clause is not None:
            heads = verb_subjects(clause)
        if not heads:
            heads = causing_attack(anchor)
    else:
        heads = verb_subjects(anchor)
    heads = heads + _co_sources(anchor)
    if trig.is_noun and not heads:
        heads = noun_sources(tok)
    return heads


def noun_sources(noun: Token) -> list[Token]:
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.pos_ == "VERB":
        verb = noun.head.head        # 'sent the minister on a visit', 'went on a trip'
        sent_obj = [c for c in verb.children if c.dep_ == "dobj"] if verb.lemma_.lower() == "send" else []
        heads = sent_obj or verb_subjects(verb)
        if heads:
            return with_conjuncts(heads[:1])
    mods = [c for c in noun.children if c.dep_ in NOUN_SOURCE_DEPS and is_actor_like(c) and not c.lemma_.lower() in {"arm", "arms"}]
    if mods:
        return with_conjuncts(mods[:1])
    by = prep_objects(noun, {"by", "of"} if noun.lemma_.lower() in {"condemnation", "criticism", "visit", "trip"} else {"by"})
    if by:
        return by
    if noun.dep_ == "attr":     # 'X's visit was ...'; not 'It was the largest rally'
        return [c for c in noun.head.children if c.dep_ == "nsubj" and c.lower_ not in IMPERSONAL_SUBJECTS][:1]
    return []


def target_heads(trig: Trigger, sources: list[Token]) -> list[Token]:
    tok, anchor = trig.token, trig.anchor
    src = set(t.i for t in sources)
    if trig.sense.has("inverse"):
        return [t for t in verb_subjects(tok) if t.i not in src] if not _is_passive(tok) else _agents(tok)
    cands: list[Token] = []
    if trig.sense.has("object_target"):
        cands += [c for c in tok.head.children if c.dep_ == "dobj"]
    elif trig.sense.has("victim_subject"):
        cands += [c for c in anchor.children if c.dep_ in {"nsubj", "nsubjpass"}]
    elif trig.sense.type == "RETREAT" and trig.sense.mode == "withdraw":
        cands += prep_objects(tok, {"from"}) + [o for o in objects(tok) if not any(c.dep_ == "poss" for c in o.children)]
    elif trig.sense.has("from_target"):     # 'recalled its ambassador from X'
        cands += prep_objects(tok, {"from"}) + [p for o in objects(tok) for p in prep_objects(o, {"from"})]
    elif trig.sense.has("theme_object"):
        cands += prep_objects(tok, TARGET_PREPS - {"with", "over", "on"})
        cands += [p for x in [tok] + objects(tok) for p in prep_objects(x, {"in", "inside"}) if p.ent_type_ == "GPE"]
    elif trig.sense.type == "AID":
        cands += [c for c in tok.children if c.dep_ in {"dative", "iobj"}] + prep_objects(tok, {"to", "for"})
        cands += [o for o in objects(tok) if o.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}]
        if anchor != tok:
            cands += prep_objects(anchor, {"to", "for"}) + [c for c in anchor.children if c.dep_ in {"dative", "iobj"}]
    elif trig.sense.pos == "A" or is_adjectival_passive(trig):
        cands += prep_objects(tok, TARGET_PREPS | {"by", "about", "at", "of"})
    elif anchor != tok:   # light verb: its other object, or the noun's complements
        cands += [o for o in objects(anchor) if o != tok and o not in tok.conjuncts]
        cands += prep_objects(tok, TARGET_PREPS | {"of"}) + prep_objects(anchor, TARGET_PREPS | {"for"})
    elif trig.is_noun:
        cands += prep_objects(tok, TARGET_PREPS | {"of"})
    else:
        if _is_passive(tok):
            subject_deps = {"nsubjpass", "nsubj"} if _elided_passive(tok) else {"nsubjpass"}
            cands += [c for c in tok.children if c.dep_ in subject_deps] + ([tok.head] if tok.dep_ in {"acl", "amod", "relcl"} else [])
            cands = with_conjuncts(cands)
        else:
            cands += [c for c in tok.children if c.dep_ in {"dative", "iobj"}]
            cands += event_noun_parties(trig) or infinitive_subjects(tok)
        cands += prep_objects(tok, TARGET_PREPS | _aim_preps(trig))
    out = []
    for c in cands:
        if is_helper(c) or is_channel(c):
            continue
        head = _actor_in(c)
        found = [head] + _actor_conjuncts(head) if head is not None and head != c else [head]
        for h in found:
            if h is not None and h.i not in src and h not in out and not _place_as_victim(trig, h) and not is_channel(h):
                out.append(h)
    return out


def is_channel(tok: Token) -> bool:
    """'on national radio and television', 'over state TV': an unnamed medium something is said
    or shown on, not a party to the event."""
    node = tok
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    return (not tok.ent_type_ and node.dep_ == "pobj" and node.head.lower_ in {"on", "over", "via", "through"}
            and (tok.lemma_.lower() in media_words() or tok.lower_ in media_words()))


def is_helper(tok: Token) -> bool:
    """'with Norway's help', 'with US backing': who helps the source, not whom it acts on."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.lemma_.lower() in cues()["helper_nouns"]


def event_noun_parties(trig: Trigger) -> list[Token]:
    """The verb's objects; an object that names the event itself ('held a meeting with X',
    'held talks with X') gives way to the parties its complements name."""
    event_nouns = trig.sense.get("obj") or frozenset()
    out: list[Token] = []
    for o in objects(trig.token):
        named_event = o.lemma_.lower() in event_nouns and any(s.pos == "N" for s in triggers().get(o.lemma_.lower(), ()))
        parties = prep_objects(o, TARGET_PREPS) if named_event else []
        out += parties or [o]
    return out


def infinitive_subjects(verb: Token) -> list[Token]:
    """'allowed the opposition to hold a rally', 'let refugees return': the parser makes the
    one allowed the subject of the infinitive; it is the verb's object."""
    out = []
    for c in verb.children:
        if c.dep_ in {"ccomp", "xcomp"} and c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            out += [s for s in c.children if s.dep_ == "nsubj"]
    return with_conjuncts(out)


def actor_in(tok: Token) -> Optional[Token]:
    """The actor a noun phrase stands for: itself, a named modifier or an of-complement."""
    return _actor_in(tok)


def _actor_conjuncts(head: Token) -> list[Token]:
    """'relations with Congo and Costa Rica': the other actors joined to one found inside a
    complement share its role."""
    return [c for c in head.conjuncts if is_actor_like(c)]


def owners(nouns: list[Token]) -> list[Token]:
    """The actors whose proposal, appeal or demand is meant: 'a UN appeal', 'Iran's offer'."""
    found = [_actor_in(n) for n in nouns if not is_actor_like(n)]
    return [h for h in found if h is not None]


def addressees(tok: Token) -> list[Token]:
    """Whom a noun or verb is addressed to: 'an ultimatum to Ecuador', 'a warning to the rebels'."""
    out = []
    for pobj in prep_objects(tok, {"to"}):
        head = _actor_in(pobj)
        if head is not None and head not in out:
            out.append(head)
    return out


def complement_verb(frame: Token) -> Optional[Token]:
    """The verb a frame governs: 'threatened to [cut off] power to X', 'vowed to [resume] raids'."""
    return next((c for c in frame.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)


def _place_as_victim(trig: Trigger, head: Token) -> bool:
    """Only people are killed, arrested or wounded: a town in that slot is a misread dateline."""
    return head.ent_type_ in PLACE_LABELS and cues()["victim_of"].get(trig.token.lemma_.lower()) == "obj" \
        and trig.sense.type in {"ASSAULT", "COERCE"}


def _aim_preps(trig: Trigger) -> set[str]:
    """'fired tear gas at the crowd', 'threw stones at police': 'at' names whom force is aimed at."""
    return {"at"} if trig.sense.type in {"ASSAULT", "COERCE"} else set()


def _actor_in(tok: Token, depth: int = 0) -> Optional[Token]:
    """The actor a complement stands for: itself, or its possessor/of-complement
    ('the withdrawal of Serbian forces', 'a U.S. request', 'the number of deaths in X')."""
    owner = possessor(tok)
    if owner is not None:
        return owner
    if is_actor_like(tok) and not _is_thing(tok):
        return tok
    mods = sorted(tok.children, key=is_pronoun)     # 'its Mercosur partners': the name first
    for c in mods:
        if c.dep_ in {"poss", "compound", "amod", "nmod"} and is_actor_like(c) and not _kind_word(tok, c):
            return c
    for c in prep_objects(tok, {"of", "from", "to", "for", "with", "against", "on"} | ({"in"} if depth else set())):
        found = _actor_in(c, depth + 1) if depth < 2 else (c if is_actor_like(c) else None)
        if found is not None:
            return found
    return None


def possessor(tok: Token) -> Optional[Token]:
    """'President Ortega's latest statement', 'Iran's offer': a named possessor of a common noun
    that is no group of its own is the actor meant ('Sudan's army' stays the army)."""
    if tok.ent_type_ or tok.pos_ != "NOUN" or own_sector(tok):
        return None
    return next((c for c in tok.children if c.dep_ == "poss" and not is_pronoun(c) and is_actor_like(c)), None)


def _kind_word(head: Token, mod: Token) -> bool:
    """'school bus', 'police station', 'the Russian language': a word saying what kind of thing,
    not whose."""
    if head.lemma_.lower() in actor_lexicon()["kind_nouns"]:
        return True
    return _is_thing(head) and mod.dep_ in {"compound", "nmod", "amod"} and not mod.ent_type_ and country_of_name(mod.text) is None


def _is_thing(tok: Token) -> bool:
    """Nouns that name things, not actors, even with a country word inside ('Russian aircraft')."""
    return tok.lemma_.lower() in {"aircraft", "vehicle", "weapon", "arm", "system", "tank", "helicopter", "missile", "jet", "equipment", "drone", "material", "training", "scholarship", "supply", "ammunition", "aid", "assistance"} \
        or is_non_actor_noun(tok)


def place_of(trig: Trigger) -> Optional[Token]:
    """A place named with in/at/near on the trigger or its clause ('in the capital, Naypyidaw')."""
    for head in (trig.token, trig.anchor):
        for pobj in with_conjoined_preps(head, {"in", "at", "near", "inside", "outside"}):
            tok = place_token(pobj)
            if tok is None:
                tok = next((t for t in map(place_token, with_conjoined_preps(pobj, {"in", "at"})) if t is not None), None)
            if tok is not None:
                return tok
    tok = object_place(trig)
    if tok is not None:
        return tok
    clause = causing_clause(trig.anchor) if not trig.is_noun else None
    if clause is not None:
        return place_of(Trigger(clause, trig.sense, clause))
    if trig.sense.mode == "visit" and not trig.is_noun:
        for o in objects(trig.token):
            if o.ent_type_ in PLACE_LABELS:
                return o
    if trig.sense.mode == "visit" and trig.is_noun:
        for pobj in prep_objects(trig.token, {"to"}):
            if pobj.ent_type_ in PLACE_LABELS:
                return pobj
    return None


def object_place(trig: Trigger) -> Optional[Token]:
    """'held talks in Istanbul', 'met his counterpart in Muscat': the parse often hangs the
    place phrase on the verb's object rather than the verb; it still says where the act was."""
    if trig.is_noun:
        return None
    for obj in objects(trig.token):
        for pobj in prep_objects(obj, {"in", "at"}):
            if pobj.ent_type_ in PLACE_LABELS:
                return pobj
    return None


def with_conjoined_preps(head: Token, preps: set[str]) -> list[Token]:
    """Objects of the prepositions on head, then of prepositions conjoined to them ('in the
    capital and in Maracaibo')."""
    first = prep_objects(head, preps)
    conjoined = [g for p in head.children if p.dep_ == "prep" and p.lower_ in preps
                 for c in p.conjuncts if c.lower_ in preps for g in c.children if g.dep_ == "pobj"]
    return first + conjoined


def place_token(tok: Token) -> Optional[Token]:
    """The place a word names: itself, or a place in apposition, compound or 'of' phrase on it."""
    if tok.ent_type_ in PLACE_LABELS:
        return tok
    for c in tok.children:
        if c.dep_ == "appos" and c.ent_type_ in PLACE_LABELS:
            return c
        if c.dep_ == "compound" and c.ent_type_ in PLACE_LABELS:
            return c
    for c in prep_objects(tok, {"of"}):
        if c.ent_type_ in PLACE_LABELS:
            return c
    return None


def number_value(tok: Token) -> Optional[float]:
    text = tok.text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return cues()["number_words"].get(tok.lower_)


def quantities(trig: Trigger) -> list[Quantity]:
    c = cues()
    lemma = trig.token.lemma_.lower()
    what = c["quantity_what"].get(lemma)
    role = c["victim_of"].get(lemma)
    if not what or not role:
        return []
    heads = objects(trig.token) if role == "obj" else [x for x in trig.token.children if x.dep_ in {"nsubj", "nsubjpass"}]
    out = []
    for head in heads:
        # 'killing five people' counts by the noun's number; 'killing three and wounding 40' by the number alone
        numbers = [head] if head.pos_ == "NUM" else [m for m in head.children if m.dep_ == "nummod"]
        for mod in numbers:
            val = number_value(mod)
            if val is not None:
                out.append(Quantity(val if val % 1 else int(val), None, what))
    return out


def antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ('the activist, who was
    arrested' -> activist). 'who' needs a person: when the parser hung the clause on a place
    inside a prepositional phrase ('a doctor at the clinic in Darfa, who asked'), the
    antecedent is the noun that phrase belongs to."""
    c = cues()
    if tok.lower_ not in c["relative_pronouns"] or tok.head.dep_ != "relcl":
        return tok
    noun = tok.head.head
    if tok.lower_ in {"who", "whom"}:
        while (noun.dep_ == "pobj" and noun.head.lower_ in c["locative_preps"] and noun.ent_type_ != "PERSON"
               and noun.head.head.pos_ in {"NOUN", "PROPN"}):
            noun = noun.head.head
        if noun.ent_type_ in PLACE_LABELS:
            return nearest_actor_before(noun) or tok
    return noun


def nearest_actor_before(tok: Token) -> Optional[Token]:
    """The closest actor-like noun before `tok` in its sentence that is not a place."""
    for cand in reversed(tok.doc[tok.sent.start:tok.i]):
        if cand.pos_ in {"NOUN", "PROPN"} and cand.ent_type_ not in PLACE_LABELS and is_actor_like(cand) \
                and cand.dep_ not in {"compound", "amod"}:
            return cand
    return None


def is_non_agent(tok: Token) -> bool:
    """An event or a disaster named as the doer ('the war has killed', 'the blast injured'),
    or a thing ('the measures ban'): no actor, so the source stays unknown."""
    return not tok.ent_type_ and tok.lemma_.lower() in cues()["non_agent_nouns"] or is_non_actor_noun(tok)


def agent_of(tok: Token) -> Optional[Token]:
    """The doer a subject stands for: itself, or for an act named as the doer, the actor
    that act belongs to ('a coalition airstrike killed', 'Russian shelling destroyed')."""
    if not is_non_agent(tok):
        return tok
    owners = [c for c in tok.children if c.dep_ in {"poss", "compound", "amod", "nmod"} and is_actor_like(c)]
    return owners[0] if owners and tok.lemma_.lower() in cues()["non_agent_nouns"] else None


OBJECT_PRONOUNS = {"them": True, "him": False, "her": False}


def resolve_pronoun(tok: Token, fallback: Optional[Token]) -> Optional[Token]:
    """Possessive/personal pronouns point to the sentence's main subject (or the previous one);
    an object pronoun to the nearest earlier actor that is not its own clause's subject."""
    if not is_pronoun(tok):
        return tok
    if tok.lower_ in OBJECT_PRONOUNS and tok.dep_ in {"dobj", "pobj", "dative"}:
        found = object_antecedent(tok)
        if found is not None:
            return found
    reporter = reporter_of(tok)
    if reporter is not None:
        return reporter
    root = tok.sent.root
    for c in root.children:
        if c.dep_ in {"nsubj", "nsubjpass"} and not is_pronoun(c) and c.i < tok.i:
            return c
    return fallback


def reporter_of(pron: Token) -> Optional[Token]:
    """'Egypt announced it would free ...': the subject pronoun of a reported clause is the
    reporter (singular 'it' only for a singular reporter)."""
    if pron.dep_ not in {"nsubj", "nsubjpass"} or pron.head.dep_ != "ccomp":
        return None
    verb = pron.head.head
    if verb.lemma_.lower() not in cues()["reporting_verbs"]:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and not is_pronoun(c) and c.i < pron.i), None)
    if subj is None or (pron.lower_ == "it" and subj.tag_ in {"NNS", "NNPS"}):
        return None
    return subj


def object_antecedent(pron: Token) -> Optional[Token]:
    """'ban them', 'detained him': an object pronoun never means its own verb's subject
    (that would be 'themselves'); take the nearest earlier actor noun of the same number."""
    plural = OBJECT_PRONOUNS[pron.lower_]
    verb = pron.head if pron.dep_ != "pobj" else pron.head.head
    own_subjects = {t.i for t in verb_subjects(verb)}
    for cand in reversed(pron.doc[pron.sent.start:pron.i]):
        if cand.pos_ not in {"NOUN", "PROPN"} or cand.i in own_subjects or cand.dep_ in {"compound", "amod"}:
            continue
        if is_actor_like(cand) and (cand.tag_ in {"NNS", "NNPS"}) == plural:
            return cand
    return None
