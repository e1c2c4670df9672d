"""TIMEX3 normalization: one function per grammar rule turns a regex match into (type, value,
span) against the document creation time (the article's `published` date), the tense of the
governing verb and the discourse focus (the last calendar date mentioned, for "a year earlier",
"the quarter"). Relative values stay unresolved ("XXXX-WXX-3") when there is no publication date."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from newsgraph.timex import calendar as cal
from newsgraph.timex.lexicon import lexicon, number_value
from newsgraph.timex.tense import deadline_ahead, governing_verb, past_perfect, present_passive, prospective_participle, scheduled_present, tense_at, token_at


@dataclass
class Found:
    type: str
    value: Optional[str]
    start: int
    end: int
    rule: str = ""


@dataclass
class Context:
    text: str
    dct: Optional[dt.date]
    doc: Optional[Doc] = None
    focus: Optional[str] = None
    period: Optional[str] = None          # the report's period: the last recent completed quarter named
    focus_at: Optional[int] = None        # where the date in focus was named (char offset)
    day_focus: Optional[str] = None       # the last date named to the day ("a week later" counts from it)
    _tense_cache: dict = field(default_factory=dict)

    def tense(self, char: int) -> Optional[str]:
        if char not in self._tense_cache:
            self._tense_cache[char] = tense_at(self.doc, char)
        return self._tense_cache[char]

    def direction(self, char: int, present: str = "past", none: str = "past", cues: bool | str = False) -> str:
        """'past' / 'future' (or the `present` / `none` fallback) for an underspecified date at
        `char`, from the verb's tense; with `cues`, words like "payable", "until" point forward."""
        t = self.tense(char)
        if t in ("FUTURE", "PRESENT_PROGRESSIVE"):
            return "future"
        if t == "PAST" and self.past_perfect(char):
            return "past"
        if cues and self.deadline_ahead(char):
            return "future"
        if cues and future_cue(self.doc, char, "strong_future_cues" if cues == "strong" else "future_cues",
                               words_only=t == "PAST" and not self.present_perfect(char)):
            return "future"
        if t == "MODAL":                  # "could be located Wednesday" looks back, "would meet" forward
            return "past" if self.past_modal(char) else "future"
        if t == "PRESENT":
            return present
        return "past" if t == "PAST" else none

    def present_perfect(self, char: int) -> bool:
        """The clause is in the present perfect ("has extended the deadline until Tuesday"): a
        past act whose preposition still points forward, unlike "had not named him until Thursday"."""
        tok = token_at(self.doc, char) if self.doc is not None else None
        verb = governing_verb(tok) if tok is not None else None
        return verb is not None and any(c.lower_ in ("has", "have", "'ve") and c.dep_ == "aux" for c in verb.children)

    def deadline_ahead(self, char: int) -> bool:
        """The date is a deadline after "by" in a clause of wanting or aiming: it lies ahead."""
        tok = token_at(self.doc, char) if self.doc is not None else None
        return tok is not None and deadline_ahead(tok)

    def past_perfect(self, char: int) -> bool:
        """The clause is in the past perfect ("had been due to expire Friday"): its cues look back."""
        tok = token_at(self.doc, char) if self.doc is not None else None
        return tok is not None and past_perfect(tok)

    def scheduled_present(self, char: int) -> bool:
        tok = token_at(self.doc, char) if self.doc is not None else None
        return tok is not None and self.tense(char) == "PRESENT" and scheduled_present(tok)

    def present_passive(self, char: int) -> bool:
        """The clause is a present passive ("the appeal is argued in May"): it points forward."""
        tok = token_at(self.doc, char) if self.doc is not None else None
        return tok is not None and present_passive(tok)

    def past_modal(self, char: int) -> bool:
        """The clause's modal is a past form ("could", "might"), not a forward-looking one."""
        tok = token_at(self.doc, char) if self.doc is not None else None
        verb = governing_verb(tok) if tok is not None else None
        past = set(lexicon()["past_modals"])
        return verb is not None and any(c.lower_ in past for c in verb.children if c.dep_ in ("aux", "auxpass"))

    def same_sentence(self, a: int, b: int) -> bool:
        """Whether char offsets a and b lie in one sentence (by the parse, else by punctuation)."""
        if self.doc is not None and len(self.doc):
            ta, tb = token_at(self.doc, a), token_at(self.doc, b)
            return ta is not None and tb is not None and ta.sent.start == tb.sent.start
        lo, hi = sorted((a, b))
        return re.search(r"[.!?]\s+[A-Z\"`']", self.text[lo:hi]) is None

    def word_before(self, start: int) -> str:
        m = re.search(r"([\w$%']+)\W*$", self.text[max(0, start - 40):start])
        return m.group(1).lower() if m else ""


def future_cue(doc: Optional[Doc], char: int, lexicon_key: str = "future_cues", words_only: bool = False) -> bool:
    """A forward-pointing word governs the date ("payable Dec. 1", "until Nov. 30", "effective").
    With `words_only` (a past-tense clause), prepositions ("until", "through", "as of") do not
    count: "had not called him a suspect until Thursday" looks back."""
    if doc is None or not len(doc):
        return False
    cues = set(lexicon()[lexicon_key])
    if words_only:
        cues -= set(lexicon()["prepositional_future_cues"])
    tok = token_at(doc, char)
    if tok is None:
        return False
    if tok.i > 0 and doc[tok.i - 1].lower_ in cues:
        return True
    cur = tok
    for _ in range(4):
        if cur.head is cur:
            break
        cur = cur.head
        if cur.lower_ in cues or cur.lemma_.lower() in cues:
            return cur.tag_ != "VBN" or prospective_participle(cur)
        if cur.pos_ in ("VERB", "AUX"):
            break
    return False


def g(m: re.Match, name: str) -> Optional[str]:
    try:
        return m.group(name)
    except IndexError:
        return None


def month_num(word: str) -> int:
    return lexicon()["months"][word.lower() if word.lower() in lexicon()["months"] else word.lower()[:3] + "."]


def weekday_num(word: str) -> int:
    w = word.lower().rstrip("s") if word.lower().endswith("days") else word.lower()
    return lexicon()["weekdays"][w]


def day_int(word: str) -> int:
    return int(re.match(r"\d+", word).group(0))


def span(m: re.Match) -> tuple[int, int]:
    return m.start(), m.end()


# ---- calendar dates -------------------------------------------------------------------------

def norm_mdy(m: re.Match, ctx: Context) -> Found | None:
    mon, day = month_num(m.group("mon")), day_int(m.group("day"))
    if day > 31:
        return None
    if m.group("mon").lower() == "may" and _is_modal(m, ctx):
        return None
    year = int(m.group("year")) if m.group("year") else None
    if year is None and ctx.dct is None:
        return Found("DATE", f"XXXX-{mon:02d}-{day:02d}", *span(m))
    if year is None and g(m, "wd"):
        year = cal.year_with_weekday(ctx.dct, mon, day, weekday_num(m.group("wd").rstrip(".,")))
    if year is None:
        year = cal.day_year_near(ctx.dct, mon, day, ctx.direction(m.start(), present="future", none="nearest", cues=True))
    return Found("DATE", cal.fmt_day(cal.safe_date(year, mon, day)), *span(m))


def is_title(m: re.Match, ctx: Context) -> bool:
    """A capitalized deictic inside a sentence is a name: ABC's "This Week", "VOA Today"."""
    words = m.group(0).split()
    if ctx.doc is None or not all(w[:1].isupper() for w in words):
        return False
    tok = token_at(ctx.doc, m.start())
    if tok is None or tok.is_sent_start:
        return False
    before = [t for t in ctx.doc[max(0, tok.i - 4):tok.i] if not t.is_space and t.text.strip("`'\"")]
    return bool(before) and not before[-1].is_punct


def _month_after_preposition(m: re.Match, ctx: Context) -> bool:
    """"by May", "in May": the capitalized month after a preposition of time, not a person's name."""
    if ctx.doc is None or m.group("mon") != "May":
        return False
    tok = token_at(ctx.doc, m.start("mon"))
    if tok is None or tok.i == 0 or tok.ent_type_ == "PERSON" or _a_person_named_may(ctx.doc):
        return False
    before, preps = ctx.doc[tok.i - 1].lower_, lexicon()["month_prepositions"]
    return before in preps["month"] or (before in preps["if_date"] and tok.ent_type_ == "DATE")


def _a_person_named_may(doc: Doc) -> bool:
    """Whether the text names someone whose name ends in "May" ("Theresa May"): then a bare
    "May" is as likely her."""
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == "May" for e in doc.ents)


def _is_modal(m: re.Match, ctx: Context) -> bool:
    """'May' used as a modal verb ("May I..."), not the month."""
    if ctx.doc is None:
        return False
    tok = token_at(ctx.doc, m.start("mon"))
    return tok is not None and tok.tag_ == "MD"


def norm_month_year(m: re.Match, ctx: Context) -> Found | None:
    mon = month_num(m.group("mon"))
    year = _explicit_year(m, ctx)
    if year is None:
        return None
    return Found("DATE", cal.fmt_month(year, mon), *span(m))


def _explicit_year(m: re.Match, ctx: Context) -> Optional[int]:
    if g(m, "year"):
        return int(m.group("year"))
    if g(m, "yy"):
        yy = int(m.group("yy"))
        return (1900 if yy > 30 else 2000) + yy
    if g(m, "spelled"):
        return spelled_year(m.group("spelled"))
    rel = g(m, "rel")
    if rel and ctx.dct:
        return ctx.dct.year + {"this": 0, "last": -1, "next": 1}[rel.lower()]
    return None


def spelled_year(words: str) -> Optional[int]:
    w = " ".join(words.lower().replace("-", " ").split())
    if w.startswith("two thousand"):
        rest = w[len("two thousand"):].replace("and", "").strip()
        return 2000 + int(number_value(rest) or 0) if rest else 2000
    if w.startswith("nineteen"):
        rest = w[len("nineteen"):].strip().replace("oh ", "")
        if rest == "hundred":
            return 1900
        n = number_value(rest)
        return 1900 + int(n) if n is not None and n < 100 else None
    return None


def norm_month(m: re.Match, ctx: Context) -> Found | None:
    word = m.group("mon")
    if word.lower() == "may" and (_is_modal(m, ctx) or not (g(m, "dir") or g(m, "mod") or _month_after_preposition(m, ctx))):
        return None
    if word.lower() == "march" and _is_a_march(m, ctx):
        return None
    mon = month_num(word)
    if ctx.dct is None:
        return Found("DATE", f"XXXX-{mon:02d}", *span(m))
    d = (g(m, "dir") or "").lower()
    direction = {"last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"}.get(d)
    if direction is None:
        direction = ctx.direction(m.start(), present="past", none="past", cues=True)
        if ctx.tense(m.start()) == "PRESENT" and _in_infinitive_clause(m, ctx):
            direction = "future"          # "an agreement to acquire the bank in January"
        if ctx.scheduled_present(m.start("mon")) or ctx.present_passive(m.start("mon")):
            direction = "future"          # "the country goes to the polls in May", "the appeal is argued in May"
        return Found("DATE", cal.fmt_month(cal.month_year_near(ctx.dct, mon, direction), mon), *span(m))
    return Found("DATE", cal.fmt_month(cal.month_year(ctx.dct, mon, direction), mon), *span(m))


def _in_infinitive_clause(m: re.Match, ctx: Context) -> bool:
    """The month belongs to a to-infinitive ("a contract to build the bridge in January", "talks
    to end the siege in March"): an aim, still ahead. Not a month before a noun ("a June
    agreement"), nor an infinitive of purpose under a past verb ("met to discuss it in May")."""
    if ctx.doc is None:
        return False
    tok = token_at(ctx.doc, m.start("mon"))
    if tok is None or (tok.dep_ in ("compound", "nmod", "amod") and tok.head.i > tok.i):
        return False
    verb = governing_verb(tok)
    if verb is None or verb.tag_ != "VB" or verb.head.tag_ == "VBD":
        return False                      # "met to discuss the budget in May" may be the meeting's month
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


MARCH_NOUN_AFTER = re.compile(r"\s+(?:for|of|on|to|against|through|from)\b")


def _is_a_march(m: re.Match, ctx: Context) -> bool:
    """'March' the verb, or the noun ("the annual March for Life", "the March of the Mothers")."""
    if ctx.doc is not None:
        tok = token_at(ctx.doc, m.start("mon"))
        if tok is not None and tok.pos_ == "VERB":
            return True
    if m.group(0).lower() != "march":
        return False
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    return bool(MARCH_NOUN_AFTER.match(ctx.text[m.end():m.end() + 10])) and bool(
        re.search(r"(?:\bthe|\ba|\bannual|[`\"'])\s*$", before))


def norm_dmy(m: re.Match, ctx: Context) -> Found | None:
    return norm_mdy(m, ctx)


def norm_year(m: re.Match, ctx: Context) -> Found | None:
    year = int(m.group("year"))
    if not _plausible_year(m, ctx, year):
        return None
    return Found("DATE", f"{year:04d}", *span(m))


def _plausible_year(m: re.Match, ctx: Context, year: int) -> bool:
    if g(m, "mod") or g(m, "fiscal"):
        return True
    if year < 1800 and ctx.word_before(m.start()) not in ("in", "since", "of", "from", "until", "by", "to", "and"):
        return False
    nxt = ctx.text[m.end():m.end() + 12].lower()
    if re.match(r"\s*(?:shares|people|troops|tons|votes|members|feet|meters|acres|units|cars|barrels)", nxt):
        return False
    return True


def norm_fiscal_year(m: re.Match, ctx: Context) -> Found | None:
    year = m.group("year")
    noun = m.group("noun").lower()
    if noun == "period" and ctx.focus and cal.granularity_of(ctx.focus) == "quarter":
        return Found("DATE", f"{year}{ctx.focus[4:]}", *span(m))
    return Found("DATE", year, *span(m))


def norm_spelled_year(m: re.Match, ctx: Context) -> Found | None:
    if not m.group(0).lower().startswith("the year") and m.group("spelled").lower().startswith("two thousand"):
        return None
    year = spelled_year(m.group("spelled"))
    return Found("DATE", f"{year:04d}", *span(m)) if year else None


def norm_numeric_date(m: re.Match, ctx: Context) -> Found | None:
    if m.group("y"):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        y = y + (1900 if y > 30 else 2000) if y < 100 else y
    try:
        return Found("DATE", dt.date(y, mo, d).isoformat(), *span(m))
    except ValueError:
        return None


def norm_decade(m: re.Match, ctx: Context) -> Found | None:
    if m.group("d4"):
        v = m.group("d4")[:3]
    elif m.group("d2"):
        v = ("19" if int(m.group("d2")) > 20 else "20") + m.group("d2")[0]
    else:
        names = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        w = m.group("dw").lower().split()[-1].split("-")[-1]
        v = f"19{names.index(w) + 2}"
    return Found("DATE", v, *span(m))


def norm_century(m: re.Match, ctx: Context) -> Found | None:
    word = m.group("ord").lower()
    n = int(word[:-2]) if word[:-2].isdigit() else lexicon()["ordinals"].get(word)
    if not n or n < 1:
        return None
    return Found("DATE", f"{n - 1:02d}", *span(m))


def norm_qn(m: re.Match, ctx: Context) -> Found | None:
    q = m.group("q")[1]
    year = m.group("year") or (str(ctx.dct.year) if ctx.dct else "XXXX")
    return Found("DATE", f"{year}-Q{q}", *span(m))


# ---- quarters and halves -------------------------------------------------------------------

ORD_NUM = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": 0, "final": 0}


def _names_year(m: re.Match) -> bool:
    """The quarter says which year it belongs to ("of 2012", "of last year", "of the year", "1989's")."""
    return any(g(m, k) for k in ("qyear", "qrel", "qrel2", "qthe", "pyear")) or (m.group("det") or "").endswith("'s")


def norm_quarter(m: re.Match, ctx: Context) -> Found | None:
    unit = m.group("unit").lower()
    if m.group("ord").lower() in ("last", "final") and not (unit == "half" or _names_year(m)):
        return None                       # "last quarter" alone is the previous quarter (a relative date)
    n = ORD_NUM[m.group("ord").lower()] or (2 if unit == "half" else 4)
    start, end = span(m)
    if m.group("sep") == "-" and m.group("det") and not m.group("pre"):
        start = m.start("ord") if not m.group("pyear") else m.start("pyear")
    if unit == "half" and n > 2:
        return None
    year = _quarter_year(m, ctx, n, unit)
    if m.group("pl"):
        return Found("SET", f"XXXX-Q{n}", start, end)
    code = f"Q{n}" if unit in ("quarter", "period") else f"H{n}"
    return Found("DATE", f"{year}-{code}", start, end)


def _quarter_year(m: re.Match, ctx: Context, n: int, unit: str) -> str:
    det = (m.group("det") or "").lower()
    pre = " ".join(x.lower() for x in (m.group("pre") or "", m.group("pre2") or "") if x)
    if m.group("pyear") or m.group("qyear"):
        return m.group("pyear") or m.group("qyear")
    if det.endswith("'s") and det[:4].isdigit():
        return det[:4]
    if ctx.dct is None:
        return "XXXX"
    rel = (g(m, "qrel") or g(m, "qrel2") or "").lower()
    if "last year" in det or rel in ("last", "previous", "prior", "past") or pre in ("year-earlier", "year-ago"):
        return str(_focus_year(ctx) - 1)
    if "next year" in det or rel == "next":
        return str(ctx.dct.year + 1)
    year = _focus_year(ctx)
    current = cal.quarter_of(ctx.dct) if unit != "half" else (1 if ctx.dct.month <= 6 else 2)
    if n > current and year == ctx.dct.year and ctx.direction(m.start()) == "past" and not det.startswith("this"):
        year -= 1
    return str(year)


def _focus_year(ctx: Context) -> int:
    return ctx.dct.year


def norm_quarter_ref(m: re.Match, ctx: Context) -> Found | None:
    """'the quarter', 'the latest quarter', 'the year-ago period', 'the 1988 period'."""
    unit = m.group("unit").lower()
    pres = [x.lower() for x in (m.group("pre"), m.group("pre2")) if x]
    if unit == "period" and not pres:
        return None
    if unit == "half" and not pres:
        return None
    base = _quarter_focus(ctx, unit)
    if any(p in LATEST for p in pres) and ctx.dct is not None:
        base = ctx.period or _previous_quarter(ctx.dct)
    if base is None:
        return Found("DATE", None, *span(m))
    if m.group("pyear"):
        base = m.group("pyear") + base[4:]
    elif any(p in ("year-earlier", "year-ago", "comparable", "year-before") for p in pres):
        base = cal.shift_years(base, -1)
    elif any(p in ("previous", "prior", "preceding") for p in pres) and unit != "period":
        y, q = cal.add_quarters(int(base[:4]), int(base[-1]), -1)
        base = f"{y}-Q{q}"
    elif "current" in pres and ctx.dct:
        base = f"{ctx.dct.year}-Q{cal.quarter_of(ctx.dct)}"
    return Found("DATE", base, *span(m))


def _quarter_focus(ctx: Context, unit: str) -> Optional[str]:
    if ctx.focus and cal.granularity_of(ctx.focus) in ("quarter", "half") and not unfinished_quarter(ctx.focus, ctx):
        return ctx.focus
    if ctx.period:
        return ctx.period
    if ctx.dct is None:
        return None
    return _previous_quarter(ctx.dct)


def unfinished_quarter(value: str, ctx: Context) -> bool:
    """A quarter or half not yet over at publication (a forecast, not a period reported on)."""
    if ctx.dct is None or not ctx.period:
        return False
    n = int(value[-1]) * (2 if value[5] == "H" else 1)
    return int(value[:4]) * 4 + n >= ctx.dct.year * 4 + cal.quarter_of(ctx.dct)


LATEST = {"latest", "most recent", "just-ended", "just ended", "recent"}


def _previous_quarter(dct: dt.date) -> str:
    """The last quarter completed before the publication date (what "the latest quarter" reports)."""
    y, q = cal.add_quarters(dct.year, cal.quarter_of(dct), -1)
    return f"{y}-Q{q}"


def norm_year_ago_adj(m: re.Match, ctx: Context) -> Found | None:
    """'the year-earlier results': the report's period (else the date in focus) a year back."""
    base = ctx.period or ctx.focus or (str(ctx.dct.year) if ctx.dct else None)
    return Found("DATE", cal.shift_years(base, -1) if base else None, *span(m))


# ---- seasons, holidays ----------------------------------------------------------------------

SEASON = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def norm_season(m: re.Match, ctx: Context) -> Found | None:
    d = (m.group("dir") or "").lower()
    named_year = int(m.group("year")) if m.group("year") else (spelled_year(m.group("spelled")) if m.group("spelled") else None)
    if not d and not named_year:
        return None
    if d == "the" and m.group("season").lower() == "fall" and not named_year:
        return None
    code = SEASON[m.group("season").lower()]
    if named_year:
        year = named_year
    elif ctx.dct is None:
        return Found("DATE", f"XXXX-{code}", *span(m))
    else:
        year = ctx.dct.year + _season_shift(ctx.dct, code, d, ctx.direction(m.start()))
    return Found("DATE", f"{year}-{code}", *span(m))


def _season_shift(dct: dt.date, code: str, d: str, direction: str) -> int:
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if d in ("last", "past"):
        return 0 if dct.month > start_month + 2 else -1
    if d in ("next", "coming"):
        return 0 if dct.month < start_month else 1
    if d == "this":
        return 0
    if direction == "past":
        return 0 if dct.month >= start_month else -1
    return 0 if dct.month <= start_month + 2 else 1


def norm_holiday(m: re.Match, ctx: Context) -> Found | None:
    key = " ".join(m.group("hol").lower().split())
    md = lexicon()["holidays"][key]
    year = int(m.group("year")) if m.group("year") else None
    if year is None and ctx.dct is None:
        return Found("DATE", None, *span(m))
    if year is None:
        year = ctx.dct.year
    if not re.match(r"\d\d-\d\d", md):
        d = _movable_holiday(md, year)
        if d is None:
            return Found("DATE", None, *span(m))
        if not m.group("year") and ctx.dct:
            d = _movable_near(md, ctx, m)
        return Found("DATE", d.isoformat(), *span(m))
    mon, day = int(md[:2]), int(md[3:])
    if not m.group("year"):
        d = (m.group("dir") or "").lower()
        named = {"last": "past", "next": "future", "this": "future"}.get(d)
        if named:
            year = cal.day_year(ctx.dct, mon, day, named)
        else:                             # like a month-day: the tense's side of publication, when near
            direction = ctx.direction(m.start(), present="future", none="nearest", cues=True)
            year = cal.day_year_near(ctx.dct, mon, day, direction)
    return Found("DATE", f"{year:04d}-{mon:02d}-{day:02d}", *span(m))


def _movable_holiday(code: str, year: int) -> Optional[dt.date]:
    if code == "THANKSGIVING":
        return _nth_weekday(year, 11, 4, 4)
    if code == "LABOR":
        return _nth_weekday(year, 9, 1, 1)
    if code == "MEMORIAL":
        return _nth_weekday(year, 5, 1, -1)
    if code == "EASTER":
        return _easter(year)
    return None


def _movable_near(code: str, ctx: Context, m: re.Match) -> dt.date:
    this = _movable_holiday(code, ctx.dct.year)
    if ctx.direction(m.start()) == "past" and this > ctx.dct:
        return _movable_holiday(code, ctx.dct.year - 1)
    if ctx.direction(m.start()) == "future" and this < ctx.dct:
        return _movable_holiday(code, ctx.dct.year + 1)
    return this


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = cal.safe_date(year, month, 31)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    gg = (b - f + 1) // 3
    h = (19 * a + b - d - gg + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * mm + 114) // 31
    day = (h + l_ - 7 * mm + 114) % 31 + 1
    return dt.date(year, month, day)
