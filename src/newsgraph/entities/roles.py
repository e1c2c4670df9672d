"""Titles and roles of people read off the tokens around a name: pre-name titles ("Russian
Defence Minister Sergei Shoigu", "Senior General Min Aung Hlaing"), appositions on either side
("Alexander Fomin, the Deputy Minister of Defense"; "the head of the army, X") and free title
phrases ("the Russian defence minister") that coreference resolves to a named person."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span

from newsgraph.entities import lexicon as L
from newsgraph.nlp import doc_ents

DETERMINERS = ("the", "a", "an", "its", "their", "his", "her", "our")


@dataclass
class TitlePhrase:
    start: int                    # token indices in the doc, end exclusive
    end: int
    titles: list[str]             # "Defence Minister", "Senior General"
    country: Optional[str] = None
    organization: Optional[str] = None
    heads: list[str] = field(default_factory=list)      # folded head nouns ("minister")
    modifiers: list[str] = field(default_factory=list)  # folded modifiers ("deputy", "defence")
    sector: Optional[str] = None
    org_span: Optional[tuple[int, int]] = None          # token span of the body named in the phrase
    org_key: Optional[str] = None                       # that body's cluster in the article (`extract`)

    def text(self, doc: Doc) -> str:
        return doc[self.start:self.end].text


def word_country(token) -> Optional[str]:
    """Country a token stands for as a modifier: a demonym, a country name or a GPE entity."""
    text = token.text
    if token.ent_type_ in ("NORP", "GPE") and token.ent_iob_ == "I":     # "Faso" of "Burkina Faso"
        ent = next((e for e in doc_ents(token.doc) if e.start < token.i < e.end), None)
        return (L.country_of_name(ent.text) or L.country_of_demonym(ent.text)) if ent is not None else None
    if token.ent_type_ in ("NORP", "GPE", ""):
        code = L.country_of_demonym(text) or L.country_of_name(text)
        if code:
            return code
    if token.ent_type_ == "GPE" and token.ent_iob_ == "B":
        ent = next((e for e in doc_ents(token.doc) if e.start == token.i), None)
        if ent is not None:
            return L.country_of_name(ent.text) or _place_country(ent.text)
    return None


def _place_country(text: str) -> Optional[str]:
    place = L.place(text)
    return place.country if place else None


def _phrase_at(doc: Doc, i: int, end_limit: int) -> int:
    """Length in tokens of the title phrase (from the lexicon) starting at token i, else 0."""
    for n in (3, 2):
        if i + n <= end_limit:
            words = " ".join(t.lower_ for t in doc[i:i + n])
            if words in L.title_phrases() or words.replace(" - ", "-") in L.title_phrases() \
                    or (n == 3 and words.replace(" - ", " ") in L.title_phrases() and glued_hyphen(doc, i + 1)):
                return n
    return 0


def phrase_key(phrase: Span) -> str:
    """The lexicon form of a title phrase: "Brigadier-General" -> "brigadier general"."""
    words = " ".join(t.lower_ for t in phrase)
    if words in L.title_phrases():
        return words
    joined = words.replace(" - ", "-")
    return joined if joined in L.title_phrases() else words.replace(" - ", " ")


def glued_hyphen(doc: Doc, i: int) -> bool:
    """Token i is a hyphen written without spaces between two words ("Colonel-Major")."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def hyphen_joins_head(doc: Doc, i: int, end: int) -> bool:
    """"Colonel-Major", "Lieutenant-General": a head joined by a hyphen to another title word
    forms one rank with it."""
    return i + 2 < end and glued_hyphen(doc, i + 1) and (is_head(doc[i + 2]) or is_modifier(doc[i + 2]))


def join_title(words: list[str]) -> str:
    return re.sub(r"\s*-\s*", "-", " ".join(words))


def is_head(token) -> bool:
    return token.lower_ in L.title_heads() or token.lemma_.lower() in L.title_heads()


def is_modifier(token) -> bool:
    return token.lower_ in L.title_modifiers()


def modifies_next_head(doc: Doc, i: int, end: int) -> bool:
    """"Deputy Foreign Minister", "General Secretary": a word that may be a head or a modifier
    modifies the title that follows it."""
    if not is_modifier(doc[i]) or i + 1 >= end:
        return False
    return is_head(doc[i + 1]) or _phrase_at(doc, i + 1, end) > 0 or (
        is_modifier(doc[i + 1]) and i + 2 < end and (is_head(doc[i + 2]) or _phrase_at(doc, i + 2, end) > 0))


def parse_title(doc: Doc, start: int, end: int) -> Optional[TitlePhrase]:
    """Read the tokens doc[start:end] as country words, modifiers and title heads. Returns
    None unless every token fits and at least one head is present."""
    titles, heads, mods, current, body = [], [], [], [], []
    country = None
    sector = None
    i = start
    while i < end:
        token = doc[i]
        if token.is_space:
            i += 1
            continue
        if is_country_possessive(token) and country:
            i += 1
            continue
        n = _phrase_at(doc, i, end)
        if n:
            phrase = doc[i:i + n]
            current.extend(t.text for t in phrase)
            key = phrase_key(phrase)
            heads.append(key)
            sector = sector or L.title_phrases().get(key)
            titles.append(join_title(current))
            current = []
            i += n
            continue
        code = word_country(token)
        if code and not is_head(token) and all(w.lower() in ("former", "ex", "then", "acting") for w in current):
            country = country or code
        elif is_head(token) and hyphen_joins_head(doc, i, end):     # "Colonel-Major"
            current.append(token.text)
        elif is_head(token) and not modifies_next_head(doc, i, end):
            current.append(token.text)
            heads.append(token.lemma_.lower() if token.lemma_ else token.lower_)
            sector = sector or L.title_heads().get(token.lower_) or L.title_heads().get(token.lemma_.lower())
            titles.append(join_title(current))
            current = []
        elif is_modifier(token) or token.text in ("-",):
            current.append(token.text)
            mods.append(token.lower_)
        elif is_body_word(doc, i, end) and not titles:
            body = current + [token.text]              # "foreign ministry" of "foreign ministry spokesman"
            sector = sector or L.group_noun_sector(token.text)
            current, mods = [], []
        else:
            return None
        i += 1
    if not titles:
        return None
    for m in mods:
        sector = L.titles()["modifier_sectors"].get(m) or sector
    return TitlePhrase(start, end, titles, country, " ".join(body) if body else None, heads, mods, sector)


def is_body_word(doc: Doc, i: int, end: int) -> bool:
    """A lowercase word for a state body ("ministry", "army") followed by a title head within the
    phrase: the body the title belongs to ("foreign ministry spokesman")."""
    token = doc[i]
    return (token.is_lower and L.group_noun_sector(token.text) is not None
            and any(is_head(t) for t in doc[i + 1:end]))


def title_before(doc: Doc, name: Span) -> Optional[TitlePhrase]:
    """The title written right before a name: "Russian Defence Minister Sergei Shoigu"."""
    start = name.start
    while start > 0:
        if start >= 3 and _phrase_at(doc, start - 3, start) == 3:
            start -= 3
        elif start >= 2 and _phrase_at(doc, start - 2, start) == 2:
            start -= 2
        elif _title_token(doc[start - 1]) and not ends_long_org_name(doc[start - 1]):
            start -= 1
        else:
            break
    best = None
    for s in range(start, name.start):
        if doc[s].is_space:
            continue
        best = parse_title(doc, s, name.start)
        if best:
            break
    return best


def ends_long_org_name(token) -> bool:
    """"Industry" of "Japanese Economy, Trade and Industry Minister": the last word of a
    several-word organisation's name is the body's, not the title's."""
    return token.ent_type_ == "ORG" and token.ent_iob_ == "I"


def _title_token(token) -> bool:
    if token.is_space:
        return "\n" not in token.text
    if is_country_possessive(token):
        return True
    return (is_head(token) or is_modifier(token) or word_country(token) is not None
            or token.text == "-" or (token.is_lower and L.group_noun_sector(token.text) is not None)) \
        and "\n" not in token.whitespace_


def is_country_possessive(token) -> bool:
    """The "'s" of "Myanmar's" in "Myanmar's foreign minister"."""
    return token.lower_ in ("'s", "’s") and token.i > 0 and word_country(token.doc[token.i - 1]) is not None


def title_after(doc: Doc, start: int, max_len: int = 10) -> Optional[TitlePhrase]:
    """A title phrase starting at token start (after an optional determiner), with an optional
    "of [the] X" complement: "the Deputy Minister of Defense", "the head of the Army"."""
    i = start
    if i + 2 < len(doc) and doc[i].lower_ == "one" and doc[i + 1].lower_ == "of":
        i += 2
    if i < len(doc) and doc[i].lower_ in DETERMINERS:
        i += 1
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    org = org_possessive_at(doc, i)
    if org is not None:
        i = org[1] + 1
    j = i
    while j < len(doc) and j - i < max_len and _title_token(doc[j]):
        j += 1
    best = None
    for end in range(j, i, -1):
        if is_head(doc[end - 1]) or _phrase_at(doc, end - 2, end) or _phrase_at(doc, end - 3, end):
            best = parse_title(doc, i, end)
            if best:
                break
    if best is None:
        return None
    if org is not None:
        best.org_span = org
        best.organization = doc[org[0]:org[1]].text
    return with_complement(doc, best)


def org_possessive_at(doc: Doc, i: int) -> Optional[tuple[int, int]]:
    """"the NUG's deputy foreign minister": an organisation's name in the possessive that opens a
    title phrase at token i; its token span."""
    ent = org_starting_at(doc, i)
    if ent is not None and ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "’s"):
        return ent.start, ent.end
    return None


def org_starting_at(doc: Doc, i: int) -> Optional[Span]:
    """The organisation entity that starts at token i, if any."""
    return next((e for e in doc_ents(doc) if e.start == i and e.label_ == "ORG"), None)


def with_complement(doc: Doc, phrase: TitlePhrase) -> TitlePhrase:
    """A title with its "of" complement, or its "to"/"for" complement ("ambassador to Mali").""" 
    if phrase.end + 1 < len(doc) and doc[phrase.end].lower_ == "for" and body_after(doc, phrase.end + 1):
        return with_body(doc, phrase, phrase.end + 1)
    if phrase.end + 1 < len(doc) and doc[phrase.end].lower_ in ("to", "for"):
        return with_destination(doc, phrase)
    return with_of_complement(doc, phrase)


def with_destination(doc: Doc, phrase: TitlePhrase) -> TitlePhrase:
    """Extend "ambassador"/"envoy" over "to Mali" / "for Syria" / "to the Azerbaijani president":
    the country or body a title is sent to is not the holder's own (Russia's ambassador to Mali
    is Russian), but a country's office served ("adviser to the Azerbaijani president") is."""
    k = phrase.end
    m = k + 1
    if doc[m].lower_ == "the":
        m += 1
    n = m
    while n < len(doc) and n - m < 6 and (_complement_token(doc[n]) or is_head(doc[n]) or word_country(doc[n])):
        n += 1
    if n == m:
        return phrase
    served = parse_title(doc, m, n)
    if served is not None and doc[k].lower_ == "to" and served.country and not L.country_of_name(doc[m:n].text):
        phrase.country = phrase.country or served.country
    elif not (destination_place(doc[m:n]) or doc[m].text[:1].isupper()):
        return phrase
    if L.country_of_name(doc[m:n].text) or served is not None:     # "ambassador to Mali", not "envoy for the Sahel"
        phrase.titles[-1] = doc[phrase.end - len(phrase.titles[-1].split()):n].text
    phrase.end = n
    return phrase


def body_after(doc: Doc, i: int) -> Optional[Span]:
    """The organisation named at token i, after an optional "the" and a country's possessive
    ("Qatar's Ministry of Foreign Affairs", "the Qassam Brigades")."""
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i + 1 < len(doc) and is_country_possessive(doc[i + 1]):
        i += 2
    return org_starting_at(doc, i)


def with_body(doc: Doc, phrase: TitlePhrase, i: int) -> TitlePhrase:
    """"the spokesperson for Qatar's Ministry of Foreign Affairs": the body a title works for is
    its organisation; a country written on it is the title's country."""
    ent = body_after(doc, i)
    phrase.organization, phrase.org_span = ent.text, (ent.start, ent.end)
    code = next((word_country(t) for t in doc[i:ent.start] if word_country(t)), None) or leading_country(ent)
    phrase.country = phrase.country or code
    phrase.sector = phrase.sector or institution_sector(ent)
    phrase.end = ent.end
    return phrase


def destination_place(span: Span) -> bool:
    """A country, a people or a place a title can be sent to ("Mali", "the Sahel")."""
    return bool(L.country_of_name(span.text) or L.place(span.text) or all(t.ent_type_ in ("GPE", "LOC") for t in span))


def with_of_complement(doc: Doc, phrase: TitlePhrase) -> TitlePhrase:
    """Extend "Minister" over "of Defense" / "of the Army" / "of Russia" / "of the Myanmar army"
    / "of Russia's parliament": a country named there is the title's country, an institution
    named there gives its organisation and sector."""
    k = phrase.end
    if k + 1 < len(doc) and doc[k].lower_ == "of":
        m = k + 1
        if doc[m].lower_ == "the":
            m += 1
        n = m
        while n < len(doc) and _complement_token(doc[n]):
            n += 1
        named = org_starting_at(doc, m)
        n = max(n, named.end) if named is not None else n       # "of the Department of Foreign Affairs"
        if n > m:
            complement = doc[m:n]
            code = L.country_of_name(complement.text) or leading_country(complement) or place_country(complement)
            if code:
                phrase.country = phrase.country or code
            if not L.country_of_name(complement.text):
                if complement.root.ent_type_ == "ORG" and not all(is_modifier(t) for t in complement):
                    phrase.organization = complement.text
                    phrase.org_span = (m, n)
                phrase.sector = phrase.sector or institution_sector(complement)
                phrase.titles[-1] = doc[phrase.end - len(phrase.titles[-1].split()):n].text
            phrase.end = n
        elif doc[m].is_lower and doc[m].pos_ == "NOUN":
            return with_lowercase_complement(doc, phrase, doc[m])
    return phrase


def with_lowercase_complement(doc: Doc, phrase: TitlePhrase, noun) -> TitlePhrase:
    """"the president of the transition", "the head of the junta in Mali": a lowercase
    complement belongs to the phrase but not to the title's text; a country it names is the
    title's country."""
    end = max(noun.right_edge.i + 1, noun.i + 1)
    if any(t.text in (",", ";", "(") or "\n" in t.text for t in doc[noun.i:end]):
        end = noun.i + 1
    phrase.end = end
    for token in doc[noun.i:end]:
        code = word_country(token)
        if code and not phrase.country:
            phrase.country = code
    return phrase


def _complement_token(token) -> bool:
    """A word of an "of" complement: a capitalised word, a title modifier, an institution noun
    ("army", "parliament") or the possessive of a country ("Russia's")."""
    if is_country_possessive(token) or (token.lower_ in ("'s", "’s") and token.i > 0 and token.doc[token.i - 1].text[:1].isupper()):
        return True
    return token.is_alpha and (token.text[:1].isupper() or is_modifier(token) or L.group_noun_sector(token.text) is not None)


def place_country(span: Span) -> Optional[str]:
    """The country of a place the model labelled and the gazetteer knows ("governor of Tillabéri")."""
    if all(t.ent_type_ in ("GPE", "LOC") for t in span):
        return _place_country(span.text)
    return None


def leading_country(span: Span) -> Optional[str]:
    """The country a complement starts with: "Myanmar army", "Russia's parliament"."""
    for n in (3, 2, 1):
        if len(span) > n:
            head = span[:n]
            code = L.country_of_name(head.text) or L.country_of_demonym(head.text)
            if code:
                return code
    return None


def institution_sector(span: Span) -> Optional[str]:
    """Sector of the institution a complement names ("the Army" MIL, "Russia's parliament" LEG)."""
    words = [t.text for t in span if not is_country_possessive(t)]
    text = " ".join(words)
    for n in range(len(words), 0, -1):
        sector = L.group_noun_sector(" ".join(words[-n:]))
        if sector:
            return sector
    return L.org_sector(text)


def appositive_title(doc: Doc, name: Span) -> Optional[TitlePhrase]:
    """"NAME, the Russian Defence Minister" or "the Deputy Minister of Defense, NAME"."""
    if name.end + 1 < len(doc) and doc[name.end].text == ",":
        phrase = title_after(doc, name.end + 1)
        if phrase and (phrase.end >= len(doc) or not doc[phrase.end].is_alpha or doc[phrase.end].pos_ in ("VERB", "AUX")
                       or doc[phrase.end].text in (",", ".", ";")):
            return phrase
    before = title_before(doc, name)
    first = before.start if before is not None else name.start
    if first >= 2 and doc[first - 1].text == ",":
        k = first - 1
        for s in range(max(0, k - 10), k):
            phrase = title_after(doc, s)
            if phrase and phrase.end == k:
                return phrase
    return None


# --- roles written in a clause ----------------------------------------------------------------

def clause_titles(doc: Doc, name: Span) -> list[TitlePhrase]:
    """Roles a clause gives the person named by `name`: "X, who now serves as the NUG's deputy
    foreign minister", "X was appointed defence minister in 2021", "X, who heads the Y"."""
    root = name.root
    nouns = [root] + [c for c in root.children if c.dep_ == "appos"]     # "X, a former lawmaker who ..."
    verbs = [c for n in nouns for c in n.children if c.dep_ == "relcl" and relative_subject(c) is not None]
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        verbs.append(root.head)
    out = []
    for verb in verbs:
        passive = root.dep_ == "nsubjpass" or any(c.dep_ == "nsubjpass" for c in verb.children)
        phrase = served_title(doc, verb, passive) or led_body(doc, verb, passive)
        if phrase is not None:
            out.append(phrase)
    return out


def relative_subject(verb) -> Optional[object]:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that")), None)


def served_title(doc: Doc, verb, passive: bool) -> Optional[TitlePhrase]:
    """"serves as the X", "was appointed X", "was sworn in as X", "became X"."""
    verbs = L.titles()["clause_verbs"]
    lemma = verb.lemma_.lower()
    if lemma in verbs["serve"] or (lemma in verbs["appoint"] and (passive or lemma == "become")):
        start = title_start_after(doc, verb, lemma in verbs["serve"])
        if start is not None:
            return title_after(doc, start)
    return None


def title_start_after(doc: Doc, verb, needs_as: bool) -> Optional[int]:
    """Where the title after a role verb starts: after "as" (within three words), else, for
    "appointed"/"became", right after the verb."""
    i = verb.i + 1
    for j in range(i, min(i + 4, len(doc))):
        if doc[j].lower_ == "as":
            return j + 1
        if not (doc[j].pos_ in ("ADV", "ADP", "PART") and doc[j].lower_ in ("in", "now", "also", "later", "then")):
            break
    return None if needs_as else i


def led_body(doc: Doc, verb, passive: bool) -> Optional[TitlePhrase]:
    """"who heads the Patriotic Movement", "leads the opposition": the body led, as a role
    ("head", "leader") with that body as its organisation."""
    title = L.titles()["clause_verbs"]["lead"].get(verb.lemma_.lower())
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if title is None or passive or obj is None:
        return None
    ent = next((e for e in doc_ents(doc) if e.start <= obj.i < e.end and e.label_ == "ORG"), None)
    country = next((word_country(c) for c in obj.children if c.dep_ in ("poss", "amod", "compound") and word_country(c)), None)
    sector = L.group_noun_sector(obj.text) if ent is None else None
    if ent is None and sector is None:
        return None
    phrase = TitlePhrase(obj.left_edge.i, obj.right_edge.i + 1, [title], country, None, [title], [], sector)
    if ent is not None:
        phrase.org_span, phrase.organization = (ent.start, ent.end), ent.text
    return phrase
