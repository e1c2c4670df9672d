"""Claims: quantities someone asserts. Numbers in digits and words with their qualifier ("at
least", "more than", "nearly"), percents, money with its currency, what is counted (the noun
phrase and its verb: "people have died in the crackdown"), the period ("between 2014 and
2019"), and the chain of sources in citation order (["AAPP", "Reuters"] for "according to
the ... (AAPP) cited by Reuters"). Years, dates, times, ordinals, model numbers and list
numbering are not claims."""
from __future__ import annotations

from newsgraph.nlp import doc_ents

import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from newsgraph.records import Article, Claim, Entity, Period, Quote
from newsgraph.quotes.cues import according_phrases, relays_of, short_name, source_head
from newsgraph.quotes.lexicon import attribution, numbers

QUANTITY_LABELS = ("CARDINAL", "PERCENT", "MONEY", "QUANTITY")
NOT_QUANTITY_LABELS = ("DATE", "TIME", "ORDINAL")
YEAR = r"(1[89]\d\d|20\d\d)"
PERIOD_PATTERNS = [
    re.compile(rf"\bbetween {YEAR} and {YEAR}\b"),
    re.compile(rf"\bfrom {YEAR} (?:to|until|through) {YEAR}\b"),
    re.compile(rf"\b{YEAR}\s*[-–]\s*{YEAR}\b"),
    re.compile(rf"\bsince {YEAR}\b"),
]
NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _number_spans(doc: Doc) -> list[Span]:
    """Quantity entities, plus numeric tokens the entity model left out."""
    spans = [e for e in doc_ents(doc) if e.label_ in QUANTITY_LABELS]
    covered = {t.i for e in doc_ents(doc) for t in e}
    for tok in doc:
        if tok.i not in covered and tok.pos_ == "NUM" and tok.like_num:
            spans.append(doc[tok.i:tok.i + 1])
    return sorted(spans, key=lambda s: s.start)


def _word_value(words: list[str]) -> Optional[float]:
    table = numbers()
    total, current, seen = 0.0, 0.0, False
    for word in words:
        w = word.lower().replace(",", "")
        if NUMBER_RE.fullmatch(w):
            current += float(w)
            seen = True
        elif w in table["units"] and w not in ("a", "an") or (w in ("a", "an") and not seen):
            current += table["units"][w]
            seen = seen or w not in ("a", "an")
        elif w in table["scales"]:
            current = (current or 1) * table["scales"][w]
            if table["scales"][w] >= 1000:
                total, current = total + current, 0.0
            seen = True
        elif w in ("and", "-"):
            continue
    return total + current if seen else None


def parse_value(text: str) -> Optional[float]:
    """The number a quantity expression states ("at least 320" -> 320, "$1.5 billion" -> 1.5e9)."""
    words = re.findall(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+", text.replace("-", " "))
    value = _word_value(words)
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _unit(span: Span) -> Optional[str]:
    text = span.text.lower()
    if span.label_ == "PERCENT" or "%" in text or "percent" in text or "per cent" in text:
        return "%"
    currencies = numbers()["currencies"]
    for tok in list(span) + ([span.doc[span.end]] if span.end < len(span.doc) else []):
        if tok.lower_ in currencies:
            return currencies[tok.lower_]
    if span.start > 0 and span.doc[span.start - 1].text.lower() in currencies:
        return currencies[span.doc[span.start - 1].text.lower()]
    measure = _measure(span)
    if measure is None:
        return None
    rate = _rate(measure)
    return measure.lower_ + (f" per {rate.lemma_.lower()}" if rate is not None else "")


def _measure(span: Span) -> Optional[Token]:
    """The unit of measure a number counts in ("650,000 barrels", "20 tonnes"), or None."""
    noun = _counted(span)
    return noun if noun is not None and noun.lower_ in numbers()["measure_units"] else None


def _rate(noun: Token) -> Optional[Token]:
    """"barrels a day", "tonnes per year": the period a measure is counted over, or None."""
    for child in noun.children:
        if child.dep_ == "npadvmod" and child.lemma_.lower() in numbers()["rate_periods"] \
                and any(c.lower_ in ("a", "an", "each", "every", "per") for c in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ == "per":
            objs = [c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in numbers()["rate_periods"]]
            if objs:
                return child
    return None


def _is_not_a_claim(span: Span) -> bool:
    doc, first, last = span.doc, span[0], span[-1]
    if any(t.ent_type_ in NOT_QUANTITY_LABELS for t in span):
        return True
    if not any(t.like_num or t.text.lower() in numbers()["units"] or t.text.lower() in numbers()["scales"] for t in span):
        return True
    if re.fullmatch(YEAR, span.text.strip()):
        return True
    if first.i > 0 and doc[first.i - 1].text in ("-", "#") or re.search(r"[A-Za-z]-?\d|\d[A-Za-z]", span.text):
        return True                                   # MiG-29, No. 5, 75th
    if first.i > 0 and doc[first.i - 1].text.endswith("-") and doc[first.i - 1].is_alpha:
        return True
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and (nxt.lower_ in numbers()["not_counts"] or nxt.text in ("-year-old",)
                            or (nxt.text == "-" and last.i + 2 < len(doc) and doc[last.i + 2].lower_ in numbers()["not_counts"])):
        return True
    if (first.i == 0 or "\n" in doc[first.i - 1].text) and nxt is not None and nxt.text in (".", ")"):
        return True                                   # list numbering
    return first.text.lower() in ("one",) and len(span) == 1 and first.head.lower_ == "of"


def _counted(span: Span) -> Optional[Token]:
    """The noun a number counts ("320 people" -> people, "16% of the weapons" -> %)."""
    root = span.root
    head = root.head if root.dep_ in ("nummod", "quantmod", "compound", "amod") else root
    return head if head.pos_ in ("NOUN", "PROPN", "PRON", "SYM", "NUM") else None


def _what(span: Span) -> Optional[str]:
    return _what_counted(span) or _estimated(span) or _share(span)


def _what_counted(span: Span) -> Optional[str]:
    noun = _counted(span)
    if noun is None:
        return None
    rate = _rate(noun)
    own = {t.i for t in span} | ({t.i for t in rate.subtree} if rate is not None else set())
    words = [t for t in noun.subtree if t.i not in own and t.dep_ not in ("det", "advmod", "quantmod", "punct")
             and not (t.i < noun.i and t.dep_ == "nummod")]
    words = [t for t in words if t.i - noun.i <= 14]
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
        words += [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt") and c.i > noun.i]
        for child in verb.rights:
            if child.dep_ in ("prep", "dobj", "acomp", "attr", "agent"):
                words += [t for t in child.subtree]
                break
    words = sorted(set(words), key=lambda t: t.i)
    text = " ".join(t.text for t in words if not t.is_space).strip()
    measure = _measure(span)
    if not text and measure is not None and measure.i == noun.i and noun.dep_ == "dobj" and verb.pos_ == "VERB":
        return verb.text                 # "exports 650,000 barrels a day": what is measured
    return text or None


def _phrase(head: Token) -> str:
    words = [t for t in head.subtree if t.dep_ not in ("det", "punct") and not t.is_space]
    return "".join(t.text_with_ws for t in words).strip()


def _estimated(span: Span) -> Optional[str]:
    """"the army put the toll at 10", "estimated the damage at $2 billion": the object the
    number is set at is what it counts."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "at" or prep.head.lemma_.lower() not in numbers()["estimate_verbs"]:
        return None
    objects = [c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i]
    return _phrase(objects[0]) if objects else None


def _share(span: Span) -> Optional[str]:
    """A bare percent or measure a subject wins or moves to: a party's vote share ("The Greens
    won 11 percent", "the SPD slumped to 15.1 percent" in a report of results), else the
    subject itself ("inflation rose to 5 percent", "output fell to 600,000 barrels a day")."""
    unit, measure = _unit(span), _measure(span)
    if unit != "%" and measure is None:
        return None
    verb = _governing_verb(measure or span.root)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subject is None or subject.pos_ == "PRON":
        return None
    lemma = verb.lemma_.lower()
    named = subject.pos_ == "PROPN" or subject.ent_type_ in ("ORG", "NORP")
    if unit == "%" and named and (lemma in numbers()["vote_verbs"]
                                  or lemma in numbers()["change_verbs"] and _about_votes(span)):
        return f"{_phrase(subject)} vote share"
    return _phrase(subject) if lemma in numbers()["change_verbs"] and not named else None


def _governing_verb(root: Token) -> Optional[Token]:
    if root.dep_ in ("dobj", "npadvmod", "attr"):
        verb = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "prep":
        verb = root.head.head
    else:
        return None
    return verb if verb.pos_ == "VERB" else None


def _about_votes(span: Span) -> bool:
    """The number's sentence or the one before speaks of an election or its results."""
    sent = span.sent
    before = sent.doc[sent.start - 1].sent if sent.start > 0 else sent
    words = {t.lower_ for t in list(before) + list(sent)}
    return not words.isdisjoint(numbers()["election_words"])


def _period(sentence: Span) -> Optional[Period]:
    for pattern in PERIOD_PATTERNS:
        m = pattern.search(sentence.text)
        if m:
            groups = [g for g in m.groups() if g]
            return Period(groups[0], groups[1] if len(groups) > 1 else None)
    return None


def _according_chain(span: Span) -> list[str]:
    sent = span.sent
    for marker, obj in according_phrases(sent.doc):
        if sent.start <= marker.i < sent.end:
            return [short_name(source_head(obj))] + [short_name(r) for r in relays_of(obj)]
    return []


def _cited(span: Span) -> list[str]:
    """"X said, citing Y, that ...": the sources a reporting clause of the sentence cites (Y)."""
    words = attribution()["citing_verbs"]
    return [short_name(source_head(obj)) for tok in span.sent if tok.tag_ == "VBG" and tok.lemma_.lower() in words
            for obj in tok.children if obj.dep_ == "dobj"]


def _quote_chain(span: Span, quotes: list[Quote]) -> list[str]:
    for q in quotes:
        if q.start <= span.start_char and span.end_char <= q.end and q.speaker is not None:
            return _cited(span) + [q.speaker.name] + ([q.via] if q.via else [])
    return []


def extract_claims(article: Article, doc: Doc, entities: list[Entity], quotes: list[Quote]) -> list[Claim]:
    claims = []
    for span in _number_spans(doc):
        if _is_not_a_claim(span):
            continue
        value = parse_value(span.text)
        if value is None:
            continue
        claims.append(Claim(id=f"{article.id}#c{len(claims) + 1}", article_id=article.id,
                            start=span.start_char, end=span.end_char, value=value, unit=_unit(span),
                            what=_what(span), period=_period(span.sent),
                            attribution=_according_chain(span) or _quote_chain(span, quotes),
                            text=span.sent.text.strip()))
    return claims
