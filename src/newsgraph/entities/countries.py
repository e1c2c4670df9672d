"""Countries of people and organisations from what the text states, never from the places a
sentence happens to name. Evidence read here (titles and appositions are read in `roles`):
a nationality phrase ("X, a Russian national", "Iranian dissident X"); a body the person
leads or belongs to that the text ties to a country ("the government of X" overthrown by
"the Malian junta", "X, one of the leaders of the Belarusian opposition", "the government led
by X" where the article names that government's country and no other); kinship ("X,
father of Y" takes Y's country); and for organisations, their member's country ("her party
UDP") or a possessive country ("Kenya's Electoral Commission"). An article datelined in a
country ("LA PAZ, Aug 18 —") gives that country to the national bodies and bare state titles it
writes no country on ("the Supreme Electoral Tribunal", "President X"). No evidence: no
country."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from newsgraph.entities import lexicon as L
from newsgraph.nlp import doc_ents

SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLAUSE_DEPS = ("advcl", "xcomp", "conj", "ccomp", "acl", "relcl", "pcomp")

# votes an evidence kind gives a country (titles and appositions give 3 in `extract`)
NATIONALITY, GROUP_OWN, GROUP_ARTICLE, KIN, MEMBER_PARTY = 3, 2, 1, 1, 2
DATELINE = 1
DATELINE_WITHIN = 400    # characters: where a dateline can stand in an article's text
DATELINE_DOMINANCE = 2   # the dateline's country outnumbers any other in the article this many times


@lru_cache(maxsize=1)
def words() -> dict:
    data = L._json("countries.json")
    return {k: set(v) for k, v in data.items() if isinstance(v, list)}


def token_country(token: Token) -> Optional[str]:
    """The country a token names or stands for as a modifier: a country name or demonym,
    or the whole GPE/NORP entity it belongs to ("South Korea's", "Myanmar")."""
    if token.ent_type_ in ("GPE", "NORP"):
        for ent in doc_ents(token.doc):
            if ent.start <= token.i < ent.end:
                code = L.country_of_name(ent.text) or L.country_of_demonym(ent.text)
                if code:
                    return code
                break
    if token.text[:1].isupper():
        return L.country_of_name(token.text) or L.country_of_demonym(token.text)
    return None


# --- people: nationality ---------------------------------------------------------------------

def nationality_of(doc: Doc, name: Span) -> Optional[str]:
    """"X, a Russian national", "X, an Iranian,", "X, who is Russian," and a demonym right
    before the name with at most two descriptive words between ("Iranian dissident X")."""
    return nationality_after(doc, name) or demonym_before(doc, name)


def nationality_after(doc: Doc, name: Span) -> Optional[str]:
    i = name.end
    if i + 2 >= len(doc) or doc[i].text != ",":
        return None
    j = i + 1
    if doc[j].lower_ == "who" and j + 1 < len(doc) and doc[j + 1].lemma_ == "be":
        j += 2
    elif doc[j].lower_ in ("a", "an"):
        j += 1
    code = L.country_of_demonym(doc[j].text) if j < len(doc) else None
    if not code:
        return None
    k = j + 1
    if k < len(doc) and doc[k].lower_ in words()["nationality_nouns"]:
        k += 1
    return code if k >= len(doc) or doc[k].is_punct else None


def demonym_before(doc: Doc, name: Span) -> Optional[str]:
    allowed = words()["descriptor_nouns"]
    i = name.start - 1
    between = 0
    while i >= 0 and between < 2 and doc[i].lower_ in allowed:
        i -= 1
        between += 1
    if i < 0 or "\n" in doc[i].text_with_ws:
        return None
    code = L.country_of_demonym(doc[i].text)
    if code and doc[i].ent_type_ in ("NORP", "") and (i == 0 or doc[i - 1].lower_ in ("the", "a", "an", ",", "by", "of", "and", "with", "to")
                                                       or doc[i - 1].is_sent_start or doc[i].is_sent_start):
        return code
    return None


# --- people: bodies they lead or belong to ---------------------------------------------------

def group_countries(doc: Doc, name: Span) -> list[tuple[str, int]]:
    """(country, votes) from the bodies the person named by `name` leads or belongs to, or from
    being the one a coup overthrew."""
    out = []
    root = name.root
    coup = coup_country(root)
    if coup:
        out.append((coup, GROUP_OWN))
    for group in groups_of(root):
        code = own_country(group) or coup_country(group)
        if code:
            out.append((code, GROUP_OWN))
            continue
        code = article_group_country(doc, group)
        if code:
            out.append((code, GROUP_ARTICLE))
    return out


def is_group(token: Token) -> bool:
    return token.lower_ in words()["groups"] or token.lemma_.lower() in words()["groups"]


def groups_of(root: Token) -> list[Token]:
    """"the government of X", "the government led by X", "X's party", "X, (one of) the
    leader(s) of the G", "X leads the G"."""
    found = []
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and is_group(head.head):
        found.append(head.head)
    if root.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_ in words()["lead_verbs"]:
        group = led_group(head.head)
        if group is not None:
            found.append(group)
    if root.dep_ == "poss" and is_group(head):
        found.append(head)
    if root.dep_ in SUBJECT_DEPS and head.lemma_ in words()["lead_verbs"]:
        found.extend(c for c in head.children if c.dep_ == "dobj" and is_group(c))
    for appos in (c for c in root.children if c.dep_ == "appos"):
        found.extend(member_of(appos))
    return found


def led_group(verb: Token) -> Optional[Token]:
    """The body a passive "led by" describes: its head noun, or the noun right before it when the
    parse left the participle unattached ("the civil government led de facto by X")."""
    if verb.dep_ in ("acl", "relcl") and is_group(verb.head):
        return verb.head
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ in ("VBN", "VBD") and before is not None and is_group(before):
        return before
    return None


def member_of(token: Token, depth: int = 0) -> list[Token]:
    """"leader of the protests", "one of the leaders of the opposition": the body at the end
    of an "of" chain that starts at a leadership or membership word."""
    if depth > 2 or (token.lower_ not in words()["member_heads"] and token.lemma_ not in words()["member_heads"]):
        return []
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if is_group(obj):
                return [obj]
            return member_of(obj, depth + 1)
    return []


def own_country(group: Token) -> Optional[str]:
    """A country written on the body itself: "the Malian junta", "Russia's parliament",
    "the government of Chad", "the opposition in Belarus"."""
    for child in group.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            code = token_country(child)
            if code:
                return code
        if child.dep_ == "prep" and child.lower_ in ("of", "in"):
            for obj in child.children:
                if obj.dep_ == "pobj" and token_country(obj) and not obj.ent_type_ == "NORP":
                    return token_country(obj)
    return None


def coup_country(target: Token) -> Optional[str]:
    """The country of the military that overthrew `target` in a sentence about a coup: a coup
    overthrows its own country's government ("The Guinean junta came to power in a coup,
    overthrowing the government of X")."""
    verb = target.head
    if target.dep_ != "dobj" or verb.lemma_ not in words()["overthrow_verbs"]:
        return None
    sent = target.sent
    text = sent.text.lower()
    if not any(w in text for w in words()["coup_words"]):
        return None
    subject = subject_of(verb)
    if subject is None or not is_military(subject):
        return None
    return own_country(subject)


def subject_of(verb: Token) -> Optional[Token]:
    """The subject of a verb, of the clause a participle hangs from ("the junta came to power
    in a coup, overthrowing ...") or the noun a relative clause modifies ("plotters who overthrew")."""
    for _ in range(5):
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            if subjects[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head
            return subjects[0]
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ not in CLAUSE_DEPS + ("prep", "pobj") or verb.head is verb:
            return None
        verb = verb.head
    return None


def is_military(token: Token) -> bool:
    military = words()["military_groups"]
    phrase = " ".join(t.lower_ for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "amod") or t == token)
    return token.lower_ in military or token.lemma_ in military or any(p in phrase for p in military)


def article_group_country(doc: Doc, group: Token) -> Optional[str]:
    """The one country the article writes on a body of the same kind ("the government of
    Chad" elsewhere in the article for "the government led by X"); None if it names none
    or several."""
    return article_ties(doc).get(group.lemma_.lower())


def article_ties(doc: Doc) -> dict[str, str]:
    ties: dict[str, set] = defaultdict(set)
    for token in doc:
        if is_group(token):
            code = own_country(token)
            if code:
                ties[token.lemma_.lower()].add(code)
    return {k: next(iter(v)) for k, v in ties.items() if len(v) == 1}


# --- the dateline ------------------------------------------------------------------------------

def dateline_country(doc: Doc) -> Optional[str]:
    """The country of the place an article is datelined from ("LA PAZ, Aug 18 —", "NIAMEY —"),
    when its first lines carry one."""
    from newsgraph.entities.recognize import is_dateline_place

    for ent in doc_ents(doc):
        if ent.start_char > DATELINE_WITHIN:
            break
        if ent.label_ == "GPE" and is_dateline_place(ent):
            place = L.place(ent.text)
            return L.country_of_name(ent.text) or (place.country if place else None)
    return None


def takes_dateline_country(name: str, sector: Optional[str]) -> bool:
    """A national body named without a country ("the Supreme Electoral Tribunal", "the Defence
    Ministry"), not one above states ("International Criminal Court")."""
    name_words = set(L.fold(name).replace("-", " ").split())
    return sector in words()["dateline_sectors"] and not name_words & words()["supranational_words"]


def bare_state_title(phrase) -> bool:
    """A state office written without a country or a body ("President X", "Defence Minister X")."""
    return (phrase.sector in words()["dateline_sectors"] and not phrase.country
            and not phrase.organization and phrase.org_key is None)


# --- people: kinship --------------------------------------------------------------------------

def kin_of(root: Token) -> list[Token]:
    """"X, father of Y" / "X, Y's father": the token of Y."""
    out = []
    for appos in (c for c in root.children if c.dep_ == "appos" and c.lemma_ in words()["kin_nouns"]):
        for child in appos.children:
            if child.dep_ == "poss":
                out.append(child)
            if child.dep_ == "prep" and child.lower_ == "of":
                out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


# --- organisations ----------------------------------------------------------------------------

def member_party_owner(span: Span) -> Optional[Token]:
    """"her party United Democratic Party", "X's movement, the Y": the possessor of the
    party noun right before the organisation's name (or the one it stands in apposition to)."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].lower_ in ("the", ",") or doc[i].is_space):
        i -= 1
    candidates = [doc[i]] if i >= 0 else []
    if span.root.dep_ == "appos":
        candidates.append(span.root.head)
    if span.root.i == span.end - 1:
        candidates.append(span.root)        # "his Christian Democratic Union": the name is the party noun's
    for noun in candidates:
        if noun.lower_ in words()["party_nouns"] or noun.lemma_ in words()["party_nouns"]:
            owners = [c for c in noun.children if c.dep_ == "poss"]
            if owners:
                return owners[0]
    return None


def apposed_possessive_country(span: Span) -> Optional[str]:
    """"The CDU, Germany's main conservative party, ...": the country whose possessive opens an
    apposition after the name that ends in a party noun."""
    doc = span.doc
    i = span.end
    if i + 3 >= len(doc) or doc[i].text != ",":
        return None
    poss = next((t for t in doc[i + 1:i + 5] if t.lower_ in ("'s", "’s")), None)
    if poss is None:
        return None
    for token in doc[poss.i + 1:poss.i + 6]:
        if token.lower_ in words()["party_nouns"] or token.lemma_ in words()["party_nouns"]:
            return token_country(doc[poss.i - 1])
        if not token.is_lower or token.pos_ not in ("ADJ", "NOUN", "ADV"):
            return None
    return None


def article_body_country(span: Span) -> Optional[str]:
    """"the Transitional Military Council" in an article that writes "Sudan's ruling military
    council" and ties no other country to a council: a state body named by a group noun takes the
    one country the article ties to bodies of that kind."""
    root = span.root
    if not is_group(root) or root.i != span.end - 1:
        return None
    return article_ties(span.doc).get(root.lemma_.lower())


def based_in_country(span: Span) -> Optional[str]:
    """"the Niamey-based group X", "a Beirut-based NGO, X": the country of the place an
    organisation is said to be based in."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= 3 and (doc[i].is_lower and doc[i].lower_ != "based" or doc[i].text == ","):
        i -= 1
    if i < 2 or doc[i].lower_ != "based" or doc[i - 1].text not in ("-", "–"):
        return None
    ent = next((e for e in doc_ents(doc) if e.start <= i - 2 < e.end and e.label_ in ("GPE", "LOC")), None)
    if ent is None:
        return None
    found = L.place(ent.text)
    return L.country_of_name(ent.text) or (found.country if found else None)


def owner_of_apposition(span: Span) -> Optional[Token]:
    """"Hamas's armed wing, the Qassam Brigades": the possessor of the noun an organisation's
    name stands in apposition to (its token), read off the words before the name."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0 or doc[i].text != ",":
        return None
    j = i - 1
    while j >= 0 and i - j <= 4 and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ", "VERB"):
        j -= 1
    if j == i - 1 or j < 1 or doc[j].lower_ not in ("'s", "’s"):
        return None
    return doc[j - 1]


def possessive_country(span: Span) -> Optional[str]:
    """"Kenya's Electoral Commission": the country whose possessive precedes the name."""
    doc = span.doc
    i = span.start - 1
    if i >= 1 and doc[i].lower_ in ("'s", "’s"):
        return token_country(doc[i - 1])
    return None
