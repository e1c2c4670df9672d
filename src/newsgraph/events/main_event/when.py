"""When: DATE and TIME entities of the lead window that are points in time (not durations, ages or
bare numbers), clock times matched by the lexicon's time patterns and the timexes found in the
window, widened to a date written with them, to modifiers such as 'around' or 'shortly after' and to
the part of the day ("the early hours of Sunday");
scored by the sentence prior, strong words, named days (a weekday, or a month and day within the
week before publication) and recency against the publication date (a
possessive time that dates another event than the headline's, "Tuesday's election", and a time in
a 'since' or 'until' clause lose), with
a clock time that refines another time scoring a little above it; a time the headline states after
its verb ("a day before vote") scores as a strong time of the lead's first sentence. A clock time
given with an alternative ("5.40am or 5.45am") keeps both; the fullest name of a day scores above
its vaguer mentions ("Thursday" over "this morning", "Nov. 10" over "Thursday")."""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from spacy.tokens import Span

from .candidates import Candidate, headline_candidate, span_candidate
from .headline import Headline
from .lead import Lead
from .what import starts_time
from .words import ANCHOR_WORDS, lexicon, weight

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")   # weekday() order


def when_candidates(lead: Lead, timexes: list, head: Optional[Headline] = None) -> list[Candidate]:
    stems = event_stems(head)
    out = []
    for sent, prior, ents in zip(lead.wide, lead.wide_prior, lead.wide_ents):
        taken = set()
        for k, ent in enumerate(ents):
            if ent.label_ not in ("DATE", "TIME"):
                continue
            span = widen_time(ent, ents[k + 1:k + 2])
            if is_point_in_time(span):
                taken.update(range(span.start_char, span.end_char))
                out.append(time_candidate(span, prior, lead, stems))
        for m in lexicon()["time_regex"].finditer(lead.body[sent.start_char:sent.end_char]):
            start = sent.start_char + m.start()
            if start not in taken:
                span = sent.doc.char_span(start, start + len(m.group()), alignment_mode="expand")
                if span is not None:
                    after = [e for e in ents if e.start >= span.end][:1]
                    out.append(time_candidate(widen_time(span, after), prior, lead, stems))
    out.extend(timex_candidates(lead, timexes, stems))
    out.extend(headline_times(head, lead.body))
    return named_days(refined_times(out), lead.published)


def named_days(cands: list[Candidate], published: Optional[date]) -> list[Candidate]:
    """The name of the day a vaguer time points to scores a little above it: a weekday for a
    deictic time ("Thursday" for "this morning" in a Thursday paper), a date for a weekday or a
    deictic time ("Nov. 10, 2016" for "Thursday"). Coders mark the day by its fullest name."""
    if published is None:
        return cands
    vaguer = {}       # (days before publication, precision) -> best score
    for c in cands:
        days, level = day_named(c.text, published)
        for finer in range(level + 1, 3):
            key = (days, finer)
            vaguer[key] = max(vaguer.get(key, c.score), c.score)
    out = []
    for c in cands:
        key = day_named(c.text, published)
        if key in vaguer:
            c = Candidate(c.text, c.start, c.end, max(c.score, vaguer[key] + weight("when_refines")))
        out.append(c)
    return out


def day_named(text: str, published: date) -> tuple[Optional[int], int]:
    """(days before publication, precision) of the day a time names: 0 deictic ("this morning"),
    1 a weekday, 2 a date; (None, 3) when it names no day."""
    days = dated_ago(text, published)
    if days is not None:
        return days, 2
    days = weekday_ago(text, published)
    if days is not None:
        return days, 1
    days = relative_days(text.lower().split())
    return (days, 0) if days is not None else (None, 3)


def dated_ago(text: str, published: date) -> Optional[int]:
    """Days before publication of a month-and-day date ("Nov. 10, 2016", "9 November")."""
    months = lexicon()["months"]
    words = re.findall(r"[a-z]+|\d+", text.lower())
    for k, w in enumerate(words):
        if w in months:
            beside = words[max(0, k - 1):k] + words[k + 1:k + 2]
            near = [int(u) for u in beside if u.isdigit() and int(u) <= 31]
            year = next((int(u) for u in words if len(u) == 4 and u.isdigit()), published.year)
            if near:
                try:
                    return (published - date(year, months[w], near[0])).days
                except ValueError:
                    return None
    return None


def weekday_ago(text: str, published: date) -> Optional[int]:
    """How many days before publication the weekday a time names fell (0-6), None without one."""
    wd = next((w for w in re.findall(r"[a-z]+", text.lower()) if w in WEEKDAYS), None)
    return None if wd is None else days_since_weekday(wd, published)


def days_since_weekday(wd: str, published: date) -> int:
    """Days from the last `wd` (a lower-case weekday name) up to publication, 0-6."""
    return (published.weekday() - WEEKDAYS.index(wd)) % 7


def refined_times(cands: list[Candidate]) -> list[Candidate]:
    """A clock time that refines another time ("6.10am on Wednesday" of "Wednesday") scores at
    least as high as it, a little higher: coders mark the most precise mention of the moment."""
    out = []
    for c in cands:
        low = c.text.lower()
        if not re.search(r"\d", low):
            out.append(c)
            continue
        inner = [d.score for d in cands if len(d.text) < len(c.text)
                 and re.search(r"\b%s\b" % re.escape(d.text.lower()), low)]
        score = max([c.score] + [x + weight("when_refines") for x in inner])
        out.append(Candidate(c.text, c.start, c.end, score))
    return out


def headline_times(head: Optional[Headline], body: str) -> list[Candidate]:
    """The time the headline states after its verb ("... on Sunday", "... a day before vote")."""
    if head is None or not head.what:
        return []
    hdoc = head.doc
    for i in range(head.verb_or(head.what[0]) + 1, len(hdoc)):
        if starts_time(hdoc, i, len(hdoc)):
            a = i + 1 if hdoc[i].tag_ == "IN" else i
            anchor = next((t for t in hdoc[a:a + 4] if t.lower_ in ANCHOR_WORDS), None)
            b = anchor.right_edge.i + 1 if anchor is not None else a + 1
            score = 1.0 + weight("title") + weight("when_strong")
            return [headline_candidate(head, (a, b), body, score)]
    return []


def timex_candidates(lead: Lead, timexes: list, stems: frozenset) -> list[Candidate]:
    out = []
    if not lead.sents:
        return out
    doc = lead.sents[0].doc
    for tx in timexes:
        if getattr(tx, "type", None) not in ("DATE", "TIME") or tx.start is None:
            continue
        rank = next((r for r, s in enumerate(lead.wide) if s.start_char <= tx.start < s.end_char), None)
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand") if rank is not None else None
        if span is not None and is_point_in_time(span):
            out.append(time_candidate(span, lead.wide_prior[rank] - 0.05, lead, stems))
    return out


def is_point_in_time(span: Span) -> bool:
    """Not a duration ("three weeks"), an age ("62-year-old") or a bare number."""
    lex = lexicon()
    words = [t.lower_ for t in span]
    if any(w.endswith("old") or w.endswith("-year") for w in words):
        return False
    if any(w in lex["time_units"] for w in words):
        return any(w in lex["time_anchors"] for w in words)
    if all(t.like_num for t in span) and not re.fullmatch(r"(19|20)\d\d", span.text):
        return False
    return True


def widen_time(ent: Span, following: list[Span]) -> Span:
    """Join a time and a date written together ("6.10am on Wednesday"), keep 'around'/'shortly after'
    and the part of the day ("the early hours of Wednesday")."""
    doc, mods = ent.doc, lexicon()["time_lead_modifiers"]
    start, end = ent.start, ent.end
    for other in following:
        if end <= other.start <= end + 1 and other.label_ in ("DATE", "TIME") and is_point_in_time(other) \
                and all(doc[k].lower_ in ("on", ",", "of", "at") for k in range(end, other.start)):
            end = other.end
            break
    end = max(end, anchored_end(ent))
    start = part_of_day_start(ent)
    while start > ent.sent.start and doc[start - 1].lower_ in mods:
        start -= 1
    if start > ent.sent.start + 1 and doc[start - 1].lower_ in ("after", "before") \
            and doc[start - 2].lower_ in mods:
        start -= 2                          # "shortly after 6am"
    elif start > ent.sent.start and start < ent.start and doc[start - 1].lower_ in ("after", "before"):
        start -= 1
    return doc[start:alternative_end(doc[start:end])]


def part_of_day_start(ent: Span) -> int:
    """'the early hours of | Wednesday', 'the morning of | 3 May': a day named with the part of
    it the time falls in starts with that part (not "the early hours of | Wednesday morning",
    which names the part already)."""
    doc, start, floor, parts = ent.doc, ent.start, ent.sent.start, lexicon()["day_parts"]
    if start - 2 < floor or doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in parts \
            or any(t.lower_ in parts for t in ent):
        return start
    k = start - 2
    while k - 1 >= floor and doc[k - 1].tag_ in ("JJ", "DT") and doc[k - 1].lower_ not in ("this", "that"):
        k -= 1
    return k


def alternative_end(span: Span) -> int:
    """'about 5.40am or 5.45am', '9am to 10am': a clock time followed by another one it is
    given as an alternative to, or a range with, ends with the second."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in ("or", "to", "and", "-", "–") \
            or not lexicon()["time_regex"].search(span.text):
        return span.end
    stop = span.end + 1
    while stop < min(len(doc), span.end + 6) and not doc[stop].is_sent_start:
        stop += 1
    rest = doc[span.end - 1].whitespace_ + doc[span.end:stop].text     # the text from span.end_char
    m = re.match(r"\s*(?:or|to|and|-|–)\s*", rest)
    second = lexicon()["time_regex"].match(rest, m.end()) if m else None
    if second is None:
        return span.end
    tail = doc.char_span(span.end_char + second.start(), span.end_char + second.end(), alignment_mode="expand")
    return tail.end if tail is not None else span.end


def anchored_end(ent: Span) -> int:
    """'two days | before the election': a span of time counted from an event ends with it."""
    doc = ent.doc
    if ent.end >= ent.sent.end or not any(t.lower_ in lexicon()["time_units"] for t in ent):
        return ent.end
    anchor = doc[ent.end]
    if anchor.lower_ not in ("before", "after") or ent.root.head.i != anchor.i:
        return ent.end
    objs = [c for c in anchor.children if c.dep_ == "pobj"]
    return min(objs[0].i + 1, ent.sent.end) if objs else ent.end


def counted_from_event(span: Span) -> bool:
    """'a week before the summit': as exact as a date."""
    units = lexicon()["time_units"]
    unit = next((t.i for t in span if t.lower_ in units), None)
    return unit is not None and any(t.lower_ in ("before", "after") and t.dep_ == "prep" and t.i > unit
                                    for t in span)


def time_candidate(span: Span, prior: float, lead: Lead, stems: frozenset) -> Candidate:
    lex = lexicon()
    words = [t.lower_ for t in span]
    strong = any(w.rstrip(".") in lex["time_strong_words"] for w in words) \
        or bool(lex["time_regex"].search(span.text)) or counted_from_event(span)
    day = calendar_day(span, lead.published)
    weekday = any(w in lex["weekdays"] for w in words) or in_last_week(day, lead.published)
    score = prior + weight("when_strong") * strong + weight("when_weekday") * weekday \
        + weight("when_recency") * recency(words, lead.published, day) \
        + weight("when_other_event") * (dates_another_event(span, stems) or bounds_a_stretch(span))
    return span_candidate(span, score)


def bounds_a_stretch(span: Span) -> bool:
    """A time inside a 'since' or 'until' clause ("protests have gone on since the result was
    confirmed on Wednesday") dates where another stretch of time starts or ends, not the event."""
    tok = span.root
    while tok.head.i != tok.i:
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("since", "until", "till")
                                       for c in tok.children):
            return True
        tok = tok.head
    return False


def event_stems(head: Optional[Headline]) -> frozenset:
    """Stems (first letters) of the nouns and verbs of the headline's what span: meet, talk, prot."""
    if head is None or not head.what:
        return frozenset()
    n = int(weight("stem_letters"))
    return frozenset(t.lemma_.lower()[:n] for t in head.doc[head.what[0]:head.what[1]]
                     if t.pos_ in ("NOUN", "VERB") and len(t.lemma_) >= n)


def dates_another_event(span: Span, stems: frozenset) -> bool:
    """A possessive time dates the noun it modifies: "Thursday's meeting" is the headline's event
    ("meet"), "Tuesday's election" another one."""
    n = int(weight("stem_letters"))
    for t in span:
        if t.dep_ == "poss" and not (span.start <= t.head.i < span.end):
            return t.head.lemma_.lower()[:n] not in stems
    return False


def calendar_day(span: Span, published: Optional[date]) -> Optional[date]:
    """The day a span names by month and day ("March 3, 2019", "9 November"), the year taken
    from the span or else from the publication date; None when it names no single day."""
    months = lexicon()["months"]
    toks = list(span)
    for k, t in enumerate(toks):
        month = months.get(t.lower_.rstrip("."))
        if month is None or t.lower_ == "may" and t.tag_ == "MD":
            continue
        near = [u for u in toks[max(0, k - 1):k] + toks[k + 1:k + 2] if u.like_num and u.text.isdigit()]
        year = next((int(u.text) for u in toks if re.fullmatch(r"(19|20)\d\d", u.text)), None)
        year = year or (published.year if published else None)
        if near and year and 1 <= int(near[0].text) <= 31:
            try:
                return date(year, month, int(near[0].text))
            except ValueError:
                return None
    return None


def in_last_week(day: Optional[date], published: Optional[date]) -> bool:
    """A named day within the week up to publication: as exact as a weekday."""
    return day is not None and published is not None and 0 <= (published - day).days <= 7


def recency(words: list[str], published: Optional[date], day: Optional[date] = None) -> float:
    """1 for the publication day, falling to 0 a week before (a later day: 0); 0.5 when unknown."""
    if day is not None and published is not None:
        days = (published - day).days
        return max(0.0, 1.0 - days / 7) if days >= 0 else 0.0
    days = relative_days(words)
    if days is None and published is not None:
        wd = next((w for w in words if w in lexicon()["weekdays"]), None)
        if wd is not None:
            days = days_since_weekday(wd, published)
    return 0.5 if days is None else max(0.0, 1.0 - days / 7)


def relative_days(words: list[str]) -> Optional[int]:
    text = " ".join(words)
    for phrase, days in lexicon()["relative_days"].items():
        if phrase in text:
            return days
    return None
