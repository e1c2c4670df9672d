"""Entity recognition repair: the components that follow spaCy's "ner" and fix its errors by
general means. An entity ruler adds what gazetteers know (well-known organisations, seats of
government) and weapon designations; the "entity_repair" component then trims spans ("the",
"'s", an unclosed "(ACRONYM"), drops junk (page chrome across lines, lowercase words, a lone
title word like "Defence"), extends cut names ("Friends" + "of Syria"), relabels by
gazetteer and pattern (countries, demonyms, capitals, acronyms, events, weapons) and by the
words around a name (a place after "struck"/"in", an outlet before "television", a place before
"governor", an armed group before "group"/"militia"), lets a well-known organisation's full name
win over a model span cut inside it, and makes a document's labels consistent (a name labelled
PERSON once is a PERSON everywhere)."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgraph.entities import lexicon as L
from newsgraph.entities.roles import is_head, title_before
from newsgraph.nlp import doc_text

REPAIR = "entity_repair"
RULER = "entity_gazetteer"


@lru_cache(maxsize=1)
def resources() -> dict:
    return L._json("recognize.json")


def word_set(key: str) -> frozenset[str]:
    """One word list of recognize.json as a set."""
    return L.json_words("recognize.json", key)


def add_entity_ruler(nlp: Language) -> Language:
    """Add the gazetteer ruler and the span-repair component after "ner" (idempotent)."""
    if RULER not in nlp.pipe_names:
        after = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe("entity_ruler", name=RULER, after=after, config={"overwrite_ents": False})
        ruler.add_patterns(gazetteer_patterns())
    if REPAIR not in nlp.pipe_names:
        nlp.add_pipe(REPAIR, after=RULER)
    return nlp


def gazetteer_patterns() -> list[dict]:
    """Phrase patterns for well-known organisations and seats of government."""
    patterns = []
    for org in {o.name: o for o in L.known_orgs().values()}.values():
        for form in (org.name,) + org.aliases:
            if len(form) > 2 or form.isupper():
                patterns.append({"label": org.type, "pattern": form})
    for row in L._rows("seats.tsv"):
        patterns.append({"label": "GPE", "pattern": row[0]})
        patterns.append({"label": "GPE", "pattern": "the " + row[0]})
    return patterns


@Language.component(REPAIR)
def entity_repair(doc: Doc) -> Doc:
    """Repair the entity spans of doc in place."""
    names = word_set("name_labels")
    kept = [e for e in doc.ents if e.label_ not in names]
    spans = [s for s in (repair_span(e) for e in doc.ents if e.label_ in names) if s is not None]
    spans += names_after_titles(doc, kept + spans) + unlabelled_datelines(doc, kept + spans)
    kept = [country_not_date(e) for e in kept]
    spans = [place_by_kind(s) for s in spans] + places_named_by_kind(doc, kept + spans)
    spans = with_initialled_names(doc, split_country_lists(spans))
    forced = acronyms_in_parentheses(doc, spans) + weapon_spans(doc)
    forced += filter_spans(known_orgs_over_parts(doc, kept + spans) + armed_groups_by_noun(doc, kept + spans))
    taken = {i for s in forced for i in range(s.start, s.end)}
    spans = [s for s in spans if not taken & set(range(s.start, s.end))] + forced
    spans = titles_taken_for_bodies(filter_spans(spans + apostrophe_names(doc, kept + spans)))
    spans = relabel_by_document(doc, spans)
    tags = {i for s in spans if s.label_ == "PERSON" for i in state_tag_tokens(s)}
    doc.ents = filter_spans([s for s in kept + spans if not tags & set(range(s.start, s.end))])
    return doc


# --- one span --------------------------------------------------------------------------------

def repair_span(span: Span) -> Span | None:
    span = trim(span)
    if span is None or is_junk(span):
        return None
    span = extend(span)
    span = relabel(span)
    if span.label_ in MISLABELLED_PERSON and (is_person_by_context(span) or is_apostrophe_name(span)):
        span = extend(Span(span.doc, span.start, span.end, label="PERSON"))
    if span.label_ == "WORK_OF_ART" or is_lone_generic_word(span):
        return None
    return span


def trim(span: Span) -> Span | None:
    """Strip leading determiners and quotes, trailing "'s" and punctuation, and an unclosed
    parenthesis with what follows it ("National League for Democracy (NLD")."""
    lead, trail = word_set("leading_junk"), word_set("trailing_junk")
    start, end = span.start, span.end
    doc = span.doc
    for i in range(start, end):
        if doc[i].text == "(" and not any(doc[j].text == ")" for j in range(i, end)):
            end = i
            break
    while start < end and doc[start].lower_ in lead:
        start += 1
    while end > start and doc[end - 1].lower_ in trail:
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_)


def is_junk(span: Span) -> bool:
    text = span.text
    return ("\n" in text or not any(c.isalpha() for c in text) or not any(c.isupper() for c in text)
            or len(text) > 120)


def is_lone_generic_word(span: Span) -> bool:
    """A single capitalised word that is a title, sector noun or adjective, not a name
    ("Defence" in "Defence Minister", "Junta", "International")."""
    if len(span) != 1 or span.label_ in ("NORP", "WEAPON"):
        return False
    token = span[0]
    word = token.lower_
    if token.text.isupper() and len(word) > 1:
        return False
    if L.country_of_name(word) or L.country_of_demonym(word) or L.place(word) or L.known_org(word):
        return False
    if L.is_title_word(word) or L.group_noun_sector(word) or L.org_sector(word):
        return True
    return token.pos_ == "ADJ" or (token.i + 1 < len(token.doc) and token.nbor().is_lower
                                   and token.nbor().pos_ == "NOUN" and token.dep_ in ("amod", "compound")
                                   and span.label_ != "PERSON" and token.tag_ == "JJ")


def extend(span: Span) -> Span:
    """Grow an organisation over "for/of/and + Capitalised words" and a person over a
    capitalised first name the model left out."""
    doc = span.doc
    if span.label_ == "ORG":
        end = span.end
        while end + 1 < len(doc) and doc[end].lower_ in ("for", "of", "and", "on") \
                and (_capitalised(doc[end + 1]) or body_continues_after_the(doc, end)) \
                and doc[end + 1].ent_type_ not in ("DATE", "TIME") and doc[end + 1].lower_ not in word_set("calendar_words"):
            j = end + 2 if doc[end + 1].lower_ == "the" else end + 1
            while j < len(doc) and _capitalised(doc[j]) and "\n" not in doc[j].text_with_ws[:-1]:
                j += 1
            end = j
        end = name_before_title_end(doc, end)
        if end != span.end:
            return Span(doc, span.start, end, label=span.label_)
    if span.label_ == "PERSON":
        span = extend_person_right(span)
    if span.label_ == "PERSON" and span.start > 0:
        prev = doc[span.start - 1]
        if (_capitalised(prev) and prev.tag_ == "NNP" and prev.lower_ not in word_set("sentence_openers")
                and prev.lower_ not in word_set("honorifics") and not L.is_title_word(prev.text)
                and not L.country_of_name(prev.text) and not L.country_of_demonym(prev.text)
                and "\n" not in prev.text_with_ws and prev.ent_type_ in ("", "PERSON")):
            return Span(doc, span.start - 1, span.end, label="PERSON")
    return span


def name_before_title_end(doc: Doc, end: int) -> int:
    """"Foro Penal director X" cut to "Foro": capitalised words the model left unlabelled between
    a body's name and a lowercase title noun are the rest of the name."""
    j = end
    while j < len(doc) and j - end < 3 and _capitalised(doc[j]) and not doc[j].ent_type_ \
            and not L.is_title_word(doc[j].text) and "\n" not in doc[j - 1].text_with_ws:
        j += 1
    if j == end or j >= len(doc) or not doc[j].is_lower or not L.is_title_word(doc[j].text):
        return end
    return j


def body_continues_after_the(doc: Doc, i: int) -> bool:
    """"UN Office for the Coordination of ...": a name ending in a word for a body goes on over
    "for the"/"of the" and capitalised words that name no country or known organisation."""
    if i + 2 >= len(doc) or doc[i].lower_ not in ("for", "of") or doc[i + 1].lower_ != "the" \
            or doc[i - 1].lower_ not in L.sectors()["org_keywords"]:
        return False
    rest = doc[i + 2]
    return (_capitalised(rest) and not L.country_of_name(rest.text) and not L.known_org(rest.text)
            and rest.ent_type_ not in ("GPE", "NORP", "PERSON"))


def extend_person_right(span: Span) -> Span:
    """"Abdul-Rahman" + "Falih": a capitalised proper noun right after a person's name, that the
    name's last word modifies as a compound, is the rest of the name."""
    doc = span.doc
    end = span.end
    while end < len(doc) and end - span.start < 6 and is_name_word(doc[end]) and doc[end - 1].dep_ == "compound" \
            and doc[end - 1].head.i >= end and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    if hyphenated_syllable_at(doc, end):
        end += 2      # "Yoon Suk" + "-yeol": the rest of a hyphenated given name
    return span if end == span.end else Span(doc, span.start, end, label="PERSON")


def hyphenated_syllable_at(doc: Doc, i: int) -> bool:
    """Tokens i, i+1 are "-" and a short lowercase syllable glued to the name before them
    ("Suk-yeol", "Jae-in"): the second half of a hyphenated given name."""
    return (i + 1 < len(doc) and i > 0 and doc[i].text == "-" and not doc[i - 1].whitespace_
            and not doc[i].whitespace_ and doc[i + 1].is_alpha and doc[i + 1].is_lower and len(doc[i + 1]) <= 5)


def is_name_word(token) -> bool:
    """A capitalised proper noun that is not a title, a country, a people, a place or a calendar word."""
    return (_capitalised(token) and token.tag_ == "NNP" and token.ent_type_ in ("", "PERSON")
            and not L.is_title_word(token.text) and not L.country_of_name(token.text)
            and not L.country_of_demonym(token.text) and not L.known_org(token.text)
            and token.lower_ not in word_set("calendar_words") and not L.org_sector(token.text)
            and not L.group_noun_sector(token.text))


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and token.is_alpha


def relabel(span: Span) -> Span:
    label = label_by_gazetteer(span) or span.label_
    return span if label == span.label_ else Span(span.doc, span.start, span.end, label=label)


def label_by_gazetteer(span: Span) -> str | None:
    """The label a gazetteer or a pattern gives span, else None (keep the model's)."""
    text = span.text
    if L.country_of_demonym(text) and span.label_ != "ORG":
        return "NORP"
    if L.names_state(text):
        return "GPE"
    org = L.known_org(text)
    if org:
        return org.type
    if span.label_ != "PERSON" and L.leader_code(text):
        return "PERSON"     # a listed political leader's name the model took for a place or body
    if is_weapon(text):
        return "WEAPON"
    last = span[-1].lower_
    if span.label_ in ("ORG", "GPE", "LOC", "FAC") and len(span) > 1 and last in word_set("event_heads") \
            and not acts_as_body(span):
        return "EVENT"
    if span.label_ in ("ORG", "PRODUCT", "WORK_OF_ART") and len(span) > 1 and last in word_set("law_heads") \
            and span[0].lower_ not in ("un", "security"):
        return "LAW"
    if is_dateline_place(span):
        return "GPE"
    if (is_acronym(text) or len(text) <= 5 and is_name_acronym(text)) and span.label_ in ("PERSON", "GPE", "LOC", "NORP"):
        return "ORG"
    if span.label_ in ("GPE", "PERSON", "LOC", "NORP", "PRODUCT") and before_media_noun(span):
        return "ORG"
    if span.label_ in ("PERSON", "ORG", "NORP", "PRODUCT") and before_place_office(span):
        return "GPE" if L.place(text) or L.names_state(text) else "LOC"
    if span.label_ in PLACE_SLOT_LABELS and (len(span) == 1 or is_gazetteer_place_name(span)) \
            and place_by_context(span):
        return place_by_context(span)
    if span.label_ in ("GPE", "PERSON", "LOC") and not L.place(text) and after_media_word(span):
        return "ORG"
    if span.label_ in ("PERSON", "NORP", "PRODUCT", "WORK_OF_ART") and after_body_noun(span):
        return "ORG"
    if span.label_ in ("ORG", "LOC", "FAC", "PERSON", "NORP") and not L.org_sector(text):
        if span.label_ == "NORP":
            return "GPE" if is_capital_city(text) else None   # "Tbilisi" as a people; "Hawaiian" is not Havana
        if span.label_ != "PERSON" and (L.place(text) or L.fuzzy_capital_place(text)):
            return "GPE"
    return None


PLACE_SLOT_LABELS = ("PERSON", "GPE", "LOC", "ORG", "NORP", "PRODUCT", "WORK_OF_ART")


def acts_as_body(span: Span) -> bool:
    """"the Penal Forum said", "Penal Forum director X", "the rights group Penal Forum": a name
    that speaks, has a titled officer or follows a noun for a body is a body, not an event,
    whatever its last word."""
    root, doc = span.root, span.doc
    if after_body_noun(span) or root.dep_ == "nsubj" and root.head.lemma_.lower() in L.person_words("speech_verbs"):
        return True
    return span.end < len(doc) and doc[span.end].is_lower and L.is_title_word(doc[span.end].text)


def followed_by_phrase(span: Span, phrases: frozenset[str]) -> bool:
    """The lowercase word (or two words) right after span is one of phrases."""
    doc = span.doc
    after = [t for t in doc[span.end:span.end + 2] if t.is_lower]
    if not after or after[0].i != span.end:
        return False
    return after[0].lower_ in phrases or " ".join(t.lower_ for t in after) in phrases


def before_media_noun(span: Span) -> bool:
    """"he told Al-Manar television", "X radio reported": a name right before a noun for a news
    outlet is the outlet; never a country, a people or a gazetteer place ("Syrian television")."""
    text = span.text
    if L.names_state(text) or L.country_of_demonym(text) or L.place(text) or L.country_of_seat(text):
        return False
    return followed_by_phrase(span, word_set("media_nouns"))


def before_place_office(span: Span) -> bool:
    """"the Zamfara governor", "the Kharkiv mayor": a name right before the title of a place's
    office is that place."""
    text = span.text
    if L.known_org(text) or is_acronym(text) or L.country_of_demonym(text):
        return False
    return followed_by_phrase(span, word_set("place_office_nouns"))


def is_dateline_place(span: Span) -> bool:
    """"BASRA, Iraq, July 9 (Reuters) -", "LIMA (AP) —": a place name in capitals that opens a
    line and is followed by a comma, a parenthesis or a dash is the dateline's place, not an acronym."""
    doc = span.doc
    if len(span.text) < 3 or not (L.place(span.text) or L.country_of_name(span.text)):
        return False
    starts_line = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    if not span.text.isupper():
        return starts_line and opens_dateline(doc, span.end)
    followed = span.end < len(doc) and doc[span.end].text in (",", "(", "—", "–", "-", "--")
    return starts_line and followed


DATELINE_DASHES = ("—", "–", "-", "--")


def opens_dateline(doc: Doc, i: int) -> bool:
    """Token i starts what follows a place written in mixed case at the head of a wire story: a
    dash ("Niamey — "), a bracketed agency and a dash ("Niamey (AFP) -"), or a comma and a date
    ("Niamey, 1 June 2026 (NND) -", "Niamey, June 1 -")."""
    if i >= len(doc):
        return False
    if doc[i].text in DATELINE_DASHES:
        return True
    if doc[i].text == "(":
        close = next((t.i for t in doc[i + 1:i + 5] if t.text == ")"), None)
        return close is not None and close + 1 < len(doc) and doc[close + 1].text in DATELINE_DASHES
    if doc[i].text != "," or i + 1 >= len(doc):
        return False
    date = doc[i + 1:i + 5]
    return any(t.lower_ in word_set("calendar_words") for t in date) and any(t.text in DATELINE_DASHES or t.text == "(" for t in doc[i + 2:i + 8])


def unlabelled_datelines(doc: Doc, spans: list[Span]) -> list[Span]:
    """The dateline place the model left unlabelled ("BEIRUT (AFP) —", "SAN SALVADOR, May 2")."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for token in doc:
        if token.i in taken or not (token.i == 0 or "\n" in doc[token.i - 1].text_with_ws):
            continue
        end = token.i
        while end < len(doc) and end - token.i < 3 and doc[end].is_alpha and doc[end].is_upper and end not in taken:
            end += 1
        for stop in range(end, token.i, -1):
            span = Span(doc, token.i, stop, label="GPE")
            if is_dateline_place(span):
                out.append(span)
                break
    return out


def place_by_context(span: Span) -> str | None:
    """"fighting in Belmora", "refugees from Dalen", "between Oskara and Belmora", "Belmora's
    government", "the Dalen camp", "the Tyumen region": a one-word name in a place's slot is a
    place (GPE for a polity or a gazetteer city, LOC otherwise), not a person."""
    root, doc = span.root, span.doc
    if L.country_of_demonym(span.text) or L.known_org(span.text) or is_acronym(span.text):
        return None
    gpe = "GPE" if L.place(span.text) or L.names_state(span.text) else "LOC"
    slot = root.head if root.dep_ == "conj" and root.head.dep_ == "pobj" else root
    if slot.dep_ == "pobj" and span.label_ != "ORG":
        prep = slot.head
        if prep.lower_ in word_set("place_prepositions"):
            return gpe
        if prep.lower_ == "of" and prep.head.lemma_.lower() in word_set("named_place_kinds"):
            return gpe     # "the villages of X and Y"
        verb = prep.head.lemma_.lower()
        if prep.lower_ == "from" and prep.head.pos_ in ("VERB", "AUX") and verb not in word_set("from_person_verbs"):
            return gpe
        if prep.lower_ == "from" and prep.head.pos_ in ("NOUN", "PROPN") and is_gazetteer_place_name(span):
            return gpe     # "a senator from Cochabamba"
        if prep.lower_ == "at" and prep.head.pos_ in ("VERB", "AUX") and verb not in word_set("at_person_verbs"):
            return gpe
    if struck_place(span):
        return gpe
    nxt = doc[span.end:span.end + 3]
    if len(nxt) >= 2 and nxt[0].lower_ in ("'s", "’s") and nxt[1].lower_ in word_set("polity_nouns"):
        return "GPE"
    if span.label_ == "ORG":
        return None
    if len(nxt) >= 1 and span.start > 0 and doc[span.start - 1].lower_ == "the" and nxt[0].lower_ in word_set("place_nouns"):
        return "GPE" if nxt[0].lower_ in word_set("polity_nouns") else gpe
    return None


def struck_place(span: Span) -> bool:
    """"jets struck Port Arlen", "troops recaptured X": the object of a verb of striking or taking
    ground is a place, when the gazetteer knows it or the verb only takes places."""
    root = span.root
    if root.dep_ != "dobj" or span.label_ not in ("PERSON", "LOC", "GPE", "PRODUCT", "WORK_OF_ART", "NORP"):
        return False
    verb = root.head.lemma_.lower()
    if span.label_ == "NORP":
        return verb in word_set("strike_verbs") and is_gazetteer_place_name(span)
    if verb in word_set("strike_verbs_any_name"):
        return True
    return verb in word_set("strike_verbs") and is_gazetteer_place_name(span)


def is_gazetteer_place_name(span: Span) -> bool:
    """A name the gazetteer knows as a place that does not open with a given name ("Khan Shaykhun",
    not "Jordan Peterson")."""
    return L.place(span.text) is not None and not L.is_given_name(span[0].text)


def after_media_word(span: Span) -> bool:
    """"the Iranian news agency Mehr": a name right after a word for a news outlet is the outlet."""
    media = set(L.sectors()["media_words"])
    prev = [t.lower_ for t in span.doc[max(0, span.start - 2):span.start]]
    return bool(prev) and (prev[-1] in media or " ".join(prev) in media)


def after_body_noun(span: Span) -> bool:
    """"the rights group Amparo Libre", "the charity Open Hands": a name right after a noun for a
    body names that body."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.is_lower and prev.lower_ in word_set("body_nouns")


def has_person_title(span: Span) -> bool:
    """A title written before the name or in apposition to it ("X, the Deputy Minister of Energy")."""
    from newsgraph.entities import roles

    return roles.title_before(span.doc, span) is not None or roles.appositive_title(span.doc, span) is not None


def is_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&.]{1,7}", text)) and sum(c.isalpha() for c in text) >= 2


@lru_cache(maxsize=1)
def weapon_designation() -> re.Pattern:
    return re.compile(resources()["weapon_designation"])


@lru_cache(maxsize=65536)
def is_weapon(text: str) -> bool:
    if text in word_set("named_weapons"):
        return True
    if "-" not in text or not weapon_designation().match(text):
        return False
    return text.split("-")[0].lower() not in word_set("not_weapons")


# --- persons the model labelled as something else --------------------------------------------

MISLABELLED_PERSON = ("GPE", "LOC", "FAC", "NORP", "ORG", "PRODUCT", "WORK_OF_ART")


def is_person_by_context(span: Span) -> bool:
    """A name the model labelled a place, a people, a building or a body is a person's when a
    person title or rank stands before it ("Colonel-Major X"), an apposition gives it a person's
    role ("X, a farmer"), it says something and a gendered pronoun follows ("X said he"), or it
    is a known given name followed by capitalised words ("Karim Y"). Never for the names of
    countries, peoples, seats of government, well-known organisations or acronyms, nor for a
    gazetteer place that only its given name makes look like a person."""
    if not could_be_person_name(span):
        return False
    if title_right_before(span) or person_apposition(span) or speaks_with_gendered_pronoun(span):
        return True
    return starts_with_given_name(span) and not L.place(span.text)


def could_be_person_name(span: Span) -> bool:
    text = span.text
    if len(span) > 5 or not all(_capitalised(t) or t.text in ("-", "'", "’") for t in span):
        return False
    return not (L.names_state(text) or L.country_of_demonym(text) or L.known_org(text)
                or is_acronym(text) or L.org_sector(text) or any(L.is_title_word(t.text) for t in span)
                or before_media_noun(span) or before_place_office(span)
                or any(L.group_noun_sector(t.text) or t.lower_ in word_set("place_nouns")
                       or t.lower_ in L.person_words("non_person_heads") for t in span))


def title_right_before(span: Span) -> bool:
    """"Colonel-Major X", "Defence Minister X": a person's title or rank, capitalised, right before."""
    if span.start == 0 or not span.doc[span.start - 1].text[:1].isupper():
        return False
    return title_before(span.doc, span) is not None


def person_apposition(span: Span) -> bool:
    """"X, a farmer near Y", "X, the government's spokesman": a comma, a determiner and,
    within a few words, a noun only a person is (or a title head), that is no subject of the
    next clause ("... and X, the army said")."""
    doc = span.doc
    i = span.end
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the", "one"):
        return False
    nouns = L.person_words("person_nouns")
    for token in doc[i + 2:min(i + 7, len(doc))]:
        if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP") and token.lower_ != "of":
            return False
        if token.pos_ == "NOUN" and token.dep_ not in ("compound", "nsubj", "nsubjpass") and (token.lower_ in nouns or token.lemma_.lower() in nouns or L.is_title_word(token.text)):
            return True
    return False


def speaks_with_gendered_pronoun(span: Span) -> bool:
    """"X said he would appeal": the subject of a verb of saying with a gendered pronoun after
    the verb in the same sentence and no other person named in between."""
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_.lower() not in L.person_words("speech_verbs"):
        return False
    pronouns = L.person_words("gendered_pronouns")
    for token in span.doc[verb.i + 1:span.sent.end]:
        if token.ent_type_ == "PERSON":
            return False
        if token.lower_ in pronouns and token.pos_ in ("PRON", "DET"):
            return True
    return False


def starts_with_given_name(span: Span) -> bool:
    """"Karim Y": two or more capitalised words, the first a known given name that is not
    itself a place or a country ("Georgia", "Jordan")."""
    first = span[0].text
    return (len(span) >= 2 and L.is_given_name(first) and not L.place(first) and not L.country_of_name(first)
            and all(is_name_word(t) or t.ent_iob_ == "I" for t in span[1:]))


# --- spans the model missed -----------------------------------------------------------------

APOSTROPHE_NAME = re.compile(r"(?:O|D|N|Mc|Dell|Dall)['’][A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?")


def is_apostrophe_name(span: Span) -> bool:
    """"O'Leary", "D'Alessio", "N'Dour": a name with an elided particle ("O'", "D'", "N'") that
    the model took for an organisation or a place is a person's, unless a gazetteer knows it
    as a place or a body ("N'Djamena")."""
    words = [t for t in span if t.text not in ("-",)]
    if not words or len(words) > 4 or not any(APOSTROPHE_NAME.fullmatch(t.text) for t in words):
        return False
    if not all(APOSTROPHE_NAME.fullmatch(t.text) or is_name_word(t) or t.ent_iob_ == "I" for t in words):
        return False
    text = span.text
    return not (L.place(text) or L.names_state(text) or L.known_org(text)
                or L.city(text))


def apostrophe_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Apostrophe names the model left unlabelled ("Dinesh D’Souza"-like), with a capitalised
    proper noun before them as the given name."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for token in doc:
        if token.i in taken or token.ent_type_ or not APOSTROPHE_NAME.fullmatch(token.text):
            continue
        span = Span(doc, token.i, token.i + 1, label="PERSON")
        if is_apostrophe_name(span):
            span = extend(span)
            if not taken & set(range(span.start, span.end)):
                out.append(span)
                taken.update(range(span.start, span.end))
    return out


def us_state_tags() -> dict:
    return L._json("us_state_tags.json")


@lru_cache(maxsize=1)
def us_state_forms() -> frozenset[str]:
    """How a state may be written in a tag: its name, its postal code, an older abbreviation."""
    states = L.us_states()
    return frozenset({s["name"] for s in states} | {s["code"] for s in states} | set(us_state_tags()["abbreviations"]))


STATE_TAG = re.compile(r"[ \t]*\((?:(?P<party>[A-Za-z]{1,3})[ ]?[-–][ ]?)?(?P<state>[A-Z][A-Za-z. ]{1,15}?)\)")


def state_tag(span: Span) -> str | None:
    """"Rep. X (D-Ohio)", "Sen. Y (R-Tex.)", "Z (Mich.)": the US state written in parentheses
    after a person's name (with the party letter before it, if any), else None."""
    m = STATE_TAG.match(doc_text(span.doc), span.end_char)
    if not m or m.group("state").strip() not in us_state_forms():
        return None
    if m.group("party") and m.group("party") not in us_state_tags()["parties"]:
        return None
    return m.group("state").strip()


def state_tag_tokens(span: Span) -> range:
    """Token indices of the parenthesised state tag after a person's name (empty when none)."""
    if state_tag(span) is None:
        return range(0)
    doc = span.doc
    end = span.end + 1
    while end < len(doc) and doc[end - 1].text != ")" and end - span.end < 8:
        end += 1
    return range(span.end, end)


def is_title_in_apposition(span: Span) -> bool:
    """"X, the United Nations Emergency Relief Coordinator,": an organisation's span that ends in
    a person's title word, right after "<name>, the", is the title of the name before it."""
    doc = span.doc
    return (span.label_ == "ORG" and len(span) > 1 and span.start >= 3 and is_head(span[-1])
            and doc[span.start - 1].lower_ == "the" and doc[span.start - 2].text == ","
            and doc[span.start - 3].ent_type_ != "" and not L.known_org(span.text))


def titles_taken_for_bodies(spans: list[Span]) -> list[Span]:
    """Drop organisation spans that are a title in apposition; the name before such a title, when
    the model took it for a place, a people or a building and it can be a person's name, is a person."""
    titles = [s for s in spans if is_title_in_apposition(s)]
    if not titles:
        return spans
    before = {t.start - 2 for t in titles}
    out = []
    for s in spans:
        if s in titles:
            body = L.igo_prefix(s.text)      # "United Nations" of "United Nations Emergency Relief Coordinator"
            if body is not None:
                n = next((n for n in range(1, len(s)) if L.known_org(s[:n].text) is body), None)
                if n:
                    out.append(Span(s.doc, s.start, s.start + n, label=body.type))
            continue
        if s.end in before and s.label_ in MISLABELLED_PERSON and s.label_ != "ORG" and could_be_person_name(s) \
                and not L.country_of_name(s.text):
            s = extend(Span(s.doc, s.start, s.end, label="PERSON"))
        out.append(s)
    return filter_spans(out)


def country_not_date(span: Span) -> Span:
    """A country's name the model took for a date or a number ("western Niger") is the country."""
    return Span(span.doc, span.start, span.end, label="GPE") if L.country_of_name(span.text) else span


def after_place_kind(doc: Doc, i: int) -> bool:
    """Token i follows "the <kind of place> of" ("the town of", "the village of", "the Russian
    city of", "the northern town of")."""
    if i < 3 or doc[i - 1].lower_ != "of" or doc[i - 2].lower_ not in word_set("named_place_kinds"):
        return False
    if doc[i - 3].lower_ == "the":
        return True
    return i >= 4 and doc[i - 4].lower_ == "the" and doc[i - 3].tag_ in ("JJ", "NNP") and doc[i - 3].pos_ != "PROPN" \
        or i >= 4 and doc[i - 4].lower_ == "the" and doc[i - 3].ent_type_ == "NORP"


def place_by_kind(span: Span) -> Span:
    """"the village of Kafr Nabl" taken for an organisation or a person: the name is a place's."""
    if span.label_ not in ("ORG", "PERSON", "FAC", "NORP") or not after_place_kind(span.doc, span.start) \
            or L.known_org(span.text) or is_acronym(span.text):
        return span
    return Span(span.doc, span.start, span.end, label="GPE" if L.place(span.text) else "LOC")


def places_named_by_kind(doc: Doc, spans: list[Span]) -> list[Span]:
    """"the town of Téra", "the village of Kafr Nabl": capitalised words the model left
    unlabelled after "the <kind of place> of" are a place's name (GPE when the gazetteer knows it)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for token in doc[3:]:
        i = token.i
        if not after_place_kind(doc, i):
            continue
        end = i
        while end < len(doc) and end - i < 3 and end not in taken and _capitalised(doc[end]) \
                and doc[end].lower_ not in word_set("calendar_words") and "\n" not in doc[end - 1].text_with_ws[len(doc[end - 1].text):]:
            end += 1
        if end > i and (end == len(doc) or not _capitalised(doc[end])):
            name = doc[i:end]
            out.append(Span(doc, i, end, label="GPE" if L.place(name.text) else "LOC"))
    return out


def split_country_lists(spans: list[Span]) -> list[Span]:
    """"Burkina Faso and Mali" taken for one name: a span that lists countries is each country."""
    out = []
    for span in spans:
        parts = [] if L.country_of_name(span.text) else list_parts(span)     # not "Trinidad and Tobago"
        if parts and all(L.country_of_name(p.text) for p in parts):
            out += [Span(span.doc, p.start, p.end, label="GPE") for p in parts]
        else:
            out.append(span)
    return out


def list_parts(span: Span) -> list[Span]:
    """The parts of a span split at "and" and commas; empty when it has no such separator."""
    cuts = [t.i for t in span if t.lower_ == "and" or t.text == ","]
    if not cuts:
        return []
    bounds = [span.start] + [c + 1 for c in cuts]
    ends = cuts + [span.end]
    return [span.doc[a:b] for a, b in zip(bounds, ends) if b > a]


def with_initialled_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Islamic State Sahel Province (ISSP)": capitalised words before a bracketed acronym whose
    initials spell it are one organisation's name, whatever the model made of them."""
    found = []
    ends: dict[int, int] = {}
    for s in spans:
        if s.label_ != "PERSON":
            ends[s.end] = min(s.start, ends.get(s.end, s.start))
    for token in doc[1:len(doc) - 2]:
        if token.text != "(" or doc[token.i + 2].text != ")" or not is_name_acronym(doc[token.i + 1].text):
            continue
        start = initialled_start(doc, token.i, doc[token.i + 1].text)
        if start is None:
            start = unlabelled_body_start(doc, token.i, spans)
        if start is None:
            start = name_around_country_start(doc, token.i, spans, doc[token.i + 1].text)
        if start is not None and not ends.get(token.i, start + 1) <= start:     # not already named as long
            found.append(Span(doc, start, token.i, label="ORG"))
    if not found:
        return spans
    taken = {i for s in found for i in range(s.start, s.end)}
    return [s for s in spans if not taken & set(range(s.start, s.end))] + found


def unlabelled_body_start(doc: Doc, end: int, spans: list[Span]) -> int | None:
    """"the Movement for Socialism (MAS)": capitalised words before a bracketed acronym that the
    model left unlabelled and that hold a word for a body ("Movement", "Party") are its name,
    whatever language the acronym comes from."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    glue = word_set("acronym_glue_words")
    i = end
    while i > 0 and end - i < 8 and i - 1 not in taken and "\n" not in doc[i - 1].text_with_ws \
            and (_capitalised(doc[i - 1]) or doc[i - 1].lower_ in glue):
        i -= 1
    while i < end and (not _capitalised(doc[i]) or doc[i].lower_ in glue):
        i += 1
    words = doc[i:end]
    if len(words) < 2 or not any(L.org_sector(t.text) for t in words):
        return None
    return i


def is_name_acronym(text: str) -> bool:
    """An acronym as written in brackets after a name: all capitals ("ISSP") or capitals with a
    lowercase letter for a small word ("AfD", "PdL")."""
    return is_acronym(text) or bool(re.fullmatch(r"[A-Z][A-Za-z]{1,6}[A-Z]", text)) and sum(c.isupper() for c in text) >= 2


def name_around_country_start(doc: Doc, end: int, spans: list[Span], acronym: str) -> int | None:
    """"Alternative for Germany (AfD)", "Union for Peace in Chad (UPT)": a bracketed acronym after a
    country the model labelled inside a longer name (capitalised words, "for"/"of"/"in", the
    country) belongs to the whole name when that name starts with the acronym's first letter,
    whatever language the acronym's other letters come from."""
    country = next((s.start for s in spans if s.end == end and s.label_ == "GPE"), None)
    if country is None and end > 0 and L.country_of_name(doc[end - 1].text):
        country = end - 1
    if country is None or country < 2 or doc[country - 1].lower_ not in ("for", "of", "in"):
        return None
    glue = word_set("acronym_glue_words")
    i = country - 1
    while i > 0 and country - 1 - i < 7 and not doc[i - 1].ent_type_ and "\n" not in doc[i - 1].text_with_ws \
            and (_capitalised(doc[i - 1]) or doc[i - 1].lower_ in glue):
        i -= 1
    while i < country - 1 and (not _capitalised(doc[i]) or doc[i].lower_ in glue):
        i += 1
    if i == country - 1 or doc[i].text[0] != acronym[0]:
        return None
    return i


def initialled_start(doc: Doc, end: int, letters: str) -> int | None:
    """Where the capitalised words ending at token `end` whose initials are `letters` start; a
    small word ("for", "of") counts when the acronym writes its letter ("AfD")."""
    glue = word_set("acronym_glue_words")
    i, initials, lowered = end, "", letters.casefold()
    while i > 0 and len(initials) < len(letters) and "\n" not in doc[i - 1].text_with_ws:
        word = doc[i - 1]
        if _capitalised(word):
            initials = word.text[0].casefold() + initials
        elif word.lower_ not in glue:
            return None
        elif len(initials) < len(letters) and letters[len(letters) - len(initials) - 1] == word.text[0]:
            initials = word.text[0] + initials
        i -= 1
    if initials != lowered or not letters.isalpha() or any(doc[k].ent_type_ == "PERSON" for k in range(i, end)):
        return None
    return i


def acronyms_in_parentheses(doc: Doc, spans: list[Span]) -> list[Span]:
    """"X (ABC)" where X is a name: ABC is a name of the same kind; never a person's state tag
    ("Rep. X (Ohio)")."""
    out = []
    for span in spans:
        i = span.end
        if span.label_ == "PERSON" and state_tag(span):
            continue
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            token = doc[i + 1]
            if token.is_alpha and token.text[0].isupper() and len(token) <= 10:
                org = L.known_org(token.text)
                label = org.type if org else span.label_ if span.label_ != "PERSON" else "ORG"
                out.append(Span(doc, i + 1, i + 2, label=label))
    return out


def names_after_titles(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Defence Minister General Souleymane Traore": proper nouns the model left unlabelled right
    after a capitalised title word that the parse attaches to them are a person's name."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for title in doc[:-1]:
        i = title.i + 1
        if not (title.text[:1].isupper() and is_head(title)) or i in taken or not is_name_word(doc[i]):
            continue
        end = i
        while end < len(doc) and end - i < 4 and end not in taken and is_name_word(doc[end]) \
                and "\n" not in doc[end - 1].text_with_ws:
            end += 1
        name = doc[i:end]
        if title.dep_ == "compound" and title.head.i == name.root.i and name.root.i == end - 1:
            out.append(Span(doc, i, end, label="PERSON"))
            taken.update(range(i, end))
    return out


def weapon_spans(doc: Doc) -> list[Span]:
    """Tokens that are weapon designations, in order (each distinct spelling tested once)."""
    orths = doc.to_array(ORTH)
    strings = doc.vocab.strings
    weapons = [orth for orth in numpy.unique(orths).tolist() if is_weapon(strings[orth])]
    if not weapons:
        return []
    return [Span(doc, i, i + 1, label="WEAPON") for i in numpy.flatnonzero(numpy.isin(orths, weapons)).tolist()]


# --- the document as a whole ----------------------------------------------------------------

def is_surname_in_person_slot(span: Span) -> bool:
    """A surname of a person of the document, outside a place's slot ("in X", "X region"), that
    is not a country, a people or a known organisation."""
    doc = span.doc
    possessive = span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")
    return could_be_person_name(span) and (possessive or place_by_context(span) is None) and not is_dateline_place(span)


def is_capital_city(text: str) -> bool:
    place = L.place(text)
    return place is not None and place.is_capital


DOCUMENT_ROUNDS = 4     # rounds of document relabelling at most (labels settle in two or three)


def relabel_by_document(doc: Doc, spans: list[Span]) -> list[Span]:
    """One label per surface form in a document; a name-like organisation that shares a name
    part with a person of the document, and has no organisation word, is a person. Repeated
    until the labels settle: a person one round reveals ("Minister Kone" taken for a body)
    lends its surname to the next ("Kone's defence minister")."""
    for _ in range(DOCUMENT_ROUNDS):
        relabelled = document_round(doc, spans)
        if all(a.label_ == b.label_ for a, b in zip(spans, relabelled)):
            return relabelled
        spans = relabelled
    return spans


def document_round(doc: Doc, spans: list[Span]) -> list[Span]:
    """One round of `relabel_by_document` over the labels the spans have now."""
    votes: dict[str, Counter] = {}
    for s in spans:
        votes.setdefault(s.text, Counter())[s.label_] += 1
    person_parts = {t.text for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s}
    person_surnames = {s[-1].text for s in spans if s.label_ == "PERSON" and len(s) > 1}
    placed: dict[str, str] = {}
    for s in spans:
        where = place_by_context(s) if len(s) == 1 and s.label_ in ("GPE", "LOC") and s.text not in person_parts else None
        if where and placed.get(s.text) != "GPE":
            placed[s.text] = where
    out = []
    for s in spans:
        label = document_label(s, votes[s.text], person_parts, person_surnames, placed)
        out.append(s if label == s.label_ else Span(doc, s.start, s.end, label=label))
    return out


def document_label(s: Span, counts: Counter, person_parts: set[str], person_surnames: set[str],
                   placed: dict[str, str]) -> str:
    """The label of span s given the document's votes for its text, its persons' name parts and
    surnames, and the places its single words name by context."""
    label = s.label_
    if label in ("PERSON", "GPE", "LOC") and s.text in placed:
        return placed[s.text]
    if counts.get("PERSON") and label in ("ORG", "GPE") and not label_by_gazetteer(s) and not is_acronym(s.text):
        return "PERSON"
    if counts.get("PERSON") and label in MISLABELLED_PERSON and (label != "NORP" or len(s) > 1) and could_be_person_name(s):
        return "PERSON"
    if label in MISLABELLED_PERSON and len(s) == 1 and s.text in person_surnames and is_surname_in_person_slot(s):
        return "PERSON"     # "Kone's defence minister" after "Moussa Kone": the surname, even if a place shares it
    if label == "PERSON" and len(s) == 1 and s.text not in person_parts and is_capital_city(s.text):
        return "GPE"     # "relations with Niamey": a lone capital's name is the city, not a person
    if (label in ("ORG", "GPE", "LOC", "NORP") and all(t.text in person_surnames for t in s) and not label_by_gazetteer(s)
            and not L.place(s.text) and not L.org_sector(s.text) and not is_acronym(s.text)):
        return "PERSON"
    if label == "ORG" and len(s) > 1 and not L.org_sector(s.text) and not label_by_gazetteer(s) \
            and all(_capitalised(t) for t in s) and has_person_title(s):
        return "PERSON"
    if (label == "ORG" and len(s) > 1 and not L.org_sector(s.text) and not label_by_gazetteer(s)
            and all(_capitalised(t) for t in s) and sum(t.text in person_parts for t in s) >= 1
            and not any(t.ent_type_ in ("GPE", "NORP") for t in s)):
        return "PERSON"
    return label


# --- names a gazetteer or a noun marks as one body ------------------------------------------

@lru_cache(maxsize=1)
def known_org_matcher(vocab) -> PhraseMatcher:
    """A phrase matcher over the names and aliases of well-known organisations (built once)."""
    matcher = PhraseMatcher(vocab)
    forms = {form for org in L.known_orgs().values() for form in (org.name,) + org.aliases
             if len(form.split()) > 1}
    matcher.add("KNOWN_ORG", [vocab_doc(vocab, form) for form in sorted(forms)])
    return matcher


def vocab_doc(vocab, text: str) -> Doc:
    words = re.findall(r"\w+|[^\w\s]", text)
    return Doc(vocab, words=words)


def known_orgs_over_parts(doc: Doc, spans: list[Span]) -> list[Span]:
    """"The Northern Liberation Army group" labelled "Northern" alone: a well-known organisation's full name
    wins over shorter model spans lying inside it (the gazetteer ruler never overwrites)."""
    out = []
    for _, start, end in known_org_matcher(doc.vocab)(doc):
        inside = [s for s in spans if s.start < end and s.end > start]
        if inside and all(start <= s.start and s.end <= end and len(s) < end - start for s in inside):
            org = L.known_org(doc[start:end].text)
            out.append(Span(doc, start, end, label=org.type if org else "ORG"))
    return out


def armed_groups_by_noun(doc: Doc, spans: list[Span]) -> list[Span]:
    """"the Ansar Dine group", "the Wagner militia": capitalised words between "the" and a noun
    for an armed group name that group, whatever the model made of them; never a country or a
    people alone ("the Syrian group") nor a known place."""
    out = []
    nouns = word_set("armed_group_nouns")
    for noun in doc[2:]:
        if noun.lower_ not in nouns or not noun.is_lower:
            continue
        start = noun.i
        while start > 0 and noun.i - start < 5 and _capitalised(doc[start - 1]) and "\n" not in doc[start - 1].text_with_ws:
            start -= 1
        if start == noun.i or start == 0 or doc[start - 1].lower_ != "the":
            continue
        while start < noun.i and (L.country_of_demonym(doc[start].text) or L.country_of_name(doc[start].text)):
            start += 1          # "the Lebanese X group": the people is no part of the name
        name = doc[start:noun.i]
        if not len(name) or any(s.label_ == "ORG" for s in spans if s.start < noun.i and s.end > start):
            continue
        if is_plain_place_or_people(name) or any(s.start == start and s.end == noun.i and s.label_ == "NORP" for s in spans) or any(s.label_ in ("DATE", "TIME", "CARDINAL") for s in spans
                                                 if s.start < noun.i and s.end > start):
            continue
        out.append(Span(doc, start, noun.i, label="ORG"))
    return out


def is_plain_place_or_people(name: Span) -> bool:
    text = name.text
    return bool(L.country_of_name(text) or L.country_of_demonym(text) or L.place(text) or L.names_state(text)
                or L.is_title_word(name[-1].text) or all(L.country_of_demonym(t.text) or L.country_of_name(t.text)
                                                         or L.is_title_word(t.text) for t in name))
