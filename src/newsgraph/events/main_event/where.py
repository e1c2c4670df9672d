"""Where: places named in the headline, the name after a headline's place preposition, a dateline
place found in the gazetteer, place entities of the lead window (preferred after a locative
preposition, widened to "Salford, Greater Manchester" or "Royal Infirmary in Edinburgh"), the city
'the city' or 'the capital' stands for, and proper nouns after a locative preposition that NER left
unlabelled; a place the article uses as the container of another loses to the place
it contains, a place people come 'from' (in the headline, or hanging off a noun in the lead) is an
origin, not the scene, and the place named as who is never where. Frequency counts the name as a
whole word."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from .candidates import Candidate, headline_candidate, span_candidate
from .headline import Headline
from .lead import Lead
from .words import PROPER_TAGS, gazetteer, lexicon, settlements, weight


def not_the_agent(cands: list[Candidate], who: Optional[dict]) -> list[Candidate]:
    """Places other than the one that acts: a team or country named as who is not where."""
    if not who:
        return cands
    agent = who["text"].lower()
    return [c for c in cands if c.text.lower() != agent]


class WordIndex:
    """Whole-word occurrences of names in one lower-cased text ("US" not in "just"), each name
    scanned once however many candidates ask for it."""

    def __init__(self, low: str):
        self.low = low
        self.counts: dict[str, int] = {}

    def count(self, name: str) -> int:
        key = name.lower()
        if key not in self.counts:
            self.counts[key] = len(re.findall(r"\b%s\b" % re.escape(key), self.low))
        return self.counts[key]

    def mentions(self, name: str) -> int:
        """How often the text names it, at most 10."""
        return min(self.count(name), 10)

    def has(self, name: str) -> bool:
        return self.count(name) > 0


def where_candidates(lead: Lead, head: Optional[Headline]) -> list[Candidate]:
    lex = lexicon()
    low = WordIndex(lead.body.lower())
    head_text = head.title.lower() if head else ""
    in_head = WordIndex(head_text)
    out = headline_places(head, lead, low) + headline_locatives(head, lead.body, low) if head else []
    out.extend(dateline_places(lead.body))
    for sent, prior, ents in zip(lead.wide, lead.wide_prior, lead.wide_ents):
        for k, ent in enumerate(ents):
            if not is_place(ent):
                continue
            span = widen_place(ent, ents[k + 1:k + 2])
            in_title = in_head.has(ent.text)
            origin = home_of_someone(ent)
            locative = preposition_before(span) in lex["locative_preps"] and not origin
            score = prior + weight("where_locative") * locative \
                + weight("where_origin") * origin \
                + weight("where_fac") * (ent.label_ != "GPE") \
                + weight("where_modifier") * (ent.root.dep_ in ("compound", "nmod", "amod", "poss") and not in_title) \
                + weight("frequency") * low.mentions(ent.text) \
                + weight("title") * in_title \
                + weight("where_origin") * (in_title and named_as_origin(place_key(ent.text), head_text))
            out.append(span_candidate(span, score))
        if sent.start < lead.sents[-1].end:
            out.extend(unlabelled_places(sent, prior))
            out.extend(settlement_references(sent, prior, lead, low))
    return narrowest_places(out, lead, in_head)


def settlement_references(sent: Span, prior: float, lead: Lead, low: WordIndex) -> list[Candidate]:
    """'in the capital', 'outside the city' with no name beside it: the place it stands for is
    the city (a national capital for 'capital') the article names most, scored as a locative."""
    out = []
    for tok in sent:
        kind = tok.lower_
        if kind not in ("city", "capital") or tok.dep_ != "pobj" or tok.i == 0 \
                or tok.doc[tok.i - 1].lower_ != "the" or tok.head.lower_ not in lexicon()["locative_preps"] \
                or any(c.dep_ in ("appos", "prep", "compound") for c in tok.children):
            continue
        ent = named_settlement(lead, kind, low)
        if ent is not None:
            score = prior + weight("where_locative") + weight("frequency") * low.mentions(ent.text)
            out.append(span_candidate(ent, score))
    return out


def named_settlement(lead: Lead, kind: str, low: WordIndex) -> Optional[Span]:
    """The first mention of the city (or capital) the article names most often."""
    known = settlements()[kind]
    found = [e for e in lead.ents if e.label_ == "GPE" and e.text.lower() in known]
    if not found:
        return None
    return max(found, key=lambda e: (low.count(e.text), -e.start))


def narrowest_places(cands: list[Candidate], lead: Lead, in_head: WordIndex) -> list[Candidate]:
    """Coders mark the town, not the region around it: a place the article uses as the
    container of another ("Salford, Greater Manchester") loses to the place it contains, which
    takes over the container's headline bonus."""
    inside = containment(lead, in_head.low)
    outer = set(inside.values())
    out = []
    for c in cands:
        key = place_key(c.text)
        score = c.score
        if key in outer:
            score -= weight("where_container")
        elif inside.get(key) and in_head.has(inside[key]) and not in_head.has(key):
            score += weight("title")
        out.append(Candidate(c.text, c.start, c.end, score))
    return out


def containment(lead: Lead, head_text: str) -> dict[str, str]:
    """{place: the place it lies in}, from place names written one after the other in the
    headline or the lead: "X, Y", "X, south Y", "X near Y", "X, near Y", "X in Y"."""
    texts = (head_text, lead.body[:lead.sents[-1].end_char].lower() if lead.sents else "")
    # only names these texts contain can be paired: the pattern stays short
    names = {key for key in (place_key(e.text) for e in lead.ents if is_place(e))
             if key in texts[0] or key in texts[1]}
    if len(names) < 2:
        return {}
    pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    compass = "|".join(re.escape(w) for w in lexicon()["compass_words"])
    pair = re.compile(r"\b(%s),?\s+(?:near\s+|in\s+)?(?:(?:%s)\s+)?(%s)\b" % (pattern, compass, pattern))
    out = {}
    for text in texts:
        for m in pair.finditer(text):
            if m.group(1) != m.group(2):
                out.setdefault(m.group(1), m.group(2))
    return out


def place_key(text: str) -> str:
    """A place name without its compass word ("south London" -> "london")."""
    words = text.lower().split()
    while len(words) > 1 and words[0] in lexicon()["compass_words"]:
        words = words[1:]
    return " ".join(words)


def dateline_places(body: str) -> list[Candidate]:
    """The place of a dateline ("KABUL, Afghanistan (Reuters) - ..."), checked in a gazetteer."""
    lex = lexicon()
    m = re.search(lex["dateline_pattern"], body[:lex["dateline_chars"]])
    if m is None or m.group(1).title().lower() not in gazetteer():
        return []
    return [Candidate(m.group(1), m.start(1), m.end(1), 1.0 + weight("dateline"))]


def headline_places(head: Headline, lead: Lead, low: WordIndex) -> list[Candidate]:
    """Places named in the headline: its own place entities and the body's place names it repeats."""
    body_places = {e.text for e in lead.ents if is_place(e)}
    title_low = head.title.lower()
    names = {n for n in body_places if re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(n.lower()), title_low)}
    out = []
    for name in sorted(names):   # sorted: ties resolve the same way in every process
        at = lead.body.find(name)
        score = 1.0 + weight("title") + weight("frequency") * low.mentions(name) \
            + weight("where_origin") * named_as_origin(name.lower(), title_low)
        out.append(Candidate(name, at if at >= 0 else None, at + len(name) if at >= 0 else None, score))
    return out


def headline_locatives(head: Headline, body: str, low: WordIndex) -> list[Candidate]:
    """The name after a headline's place preposition ("rally outside City Hall"), whether or
    not NER knows it as a place: the object of the preposition, not a modifier ("in Trump talks")."""
    preps = lexicon()["headline_place_preps"]
    hdoc, out = head.doc, []
    for tok in hdoc:
        if tok.lower_ not in preps:
            continue
        k = tok.i + 1 + (tok.i + 1 < len(hdoc) and hdoc[tok.i + 1].lower_ == "the")
        end = k
        while end < len(hdoc) and (hdoc[end].tag_ in PROPER_TAGS or joins_a_name(hdoc, end)):
            end += 1
        if end > k and hdoc[end - 1].dep_ == "pobj":
            name = head.text((k, end))
            score = 1.0 + weight("title") + weight("where_locative") \
                + weight("frequency") * low.mentions(name)
            out.append(headline_candidate(head, (k, end), body, score))
    return out


def joins_a_name(hdoc, i: int) -> bool:
    """A hyphen inside a name, before another name ("Bandar-e-Abbas")."""
    return inner_hyphen(hdoc, i) and hdoc[i + 1].tag_ in PROPER_TAGS


def inner_hyphen(doc, i: int) -> bool:
    """A hyphen written without spaces between two words ("Bandar-e-Abbas")."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_ and doc[i + 1].is_alpha


def named_as_origin(name: str, title_low: str) -> bool:
    """"Victims named as three adults from south London": where people come from, not where it happened."""
    compass = "|".join(re.escape(w) for w in lexicon()["compass_words"])
    return bool(re.search(r"\bfrom\s+(?:the\s+)?(?:(?:%s)\s+)?%s\b" % (compass, re.escape(name)), title_low))


def home_of_someone(ent: Span) -> bool:
    """"a 35-year-old woman from Gateshead": 'from' + place hanging off a noun is where someone comes
    from, not where the event took place ("fled from Aleppo" hangs off the verb)."""
    prep = ent.root.head
    return prep.lower_ == "from" and prep.dep_ == "prep" and prep.head.pos_ in ("NOUN", "PROPN", "PRON")


def unlabelled_places(sent: Span, prior: float) -> list[Candidate]:
    """Proper nouns after a locative preposition that NER left unlabelled or took for a people ("in Kidal")."""
    out = []
    for tok in sent:
        if tok.tag_ in PROPER_TAGS and tok.dep_ == "pobj" and tok.ent_type_ in ("", "NORP") \
                and tok.head.lower_ in lexicon()["locative_preps"]:
            left = tok.left_edge.i if all(t.tag_ in PROPER_TAGS for t in tok.lefts) else tok.i
            out.append(span_candidate(sent.doc[left:tok.i + 1], prior + weight("where_unlabelled")))
    return out


def is_place(ent: Span) -> bool:
    lex = lexicon()
    if ent.label_ in lex["place_entity_labels"]:
        return True
    return ent.label_ == "ORG" and ent[-1].lower_ in lex["place_like_org_words"] \
        and preposition_before(ent) in lex["locative_preps"]


def preposition_before(span: Span) -> str:
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].tag_ in ("DT", "JJ"):
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


def widen_place(ent: Span, following: list[Span]) -> Span:
    """'Salford, Greater Manchester': a place followed by ', <place>', and a building or site
    followed by 'in <place>' ("Royal Infirmary in Edinburgh"); a name NER cut at a hyphen
    ("Bandar" of "Bandar-e-Abbas") is made whole."""
    doc = ent.doc
    end = ent.end
    while inner_hyphen(doc, end):
        end += 2
    if end + 1 < len(doc) and (doc[end].text == "," or doc[end].lower_ == "in" and ent.label_ != "GPE"):
        nxt = next((e for e in following if e.start in (end + 1, end + 2) and e.label_ in ("GPE", "LOC")), None)
        if nxt is not None:
            end = nxt.end
    return doc[ent.start:end]
