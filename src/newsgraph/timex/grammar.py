"""The surface grammar of English time expressions: named regular expressions, compiled once
from the lexicon, one per family (clock times, calendar dates, quarters, relative and
deictic expressions, durations, sets, reference words). Span conventions follow the TimeML
guidelines: determiners and temporal modifiers ("the", "last", "early", "nearly") are inside
the span, prepositions ("on", "in", "since") are outside.

Most rules match in few articles. Each of those has a gate: a lower-case pattern that every
match of the rule contains, searched (fast, without IGNORECASE) in the case-folded text; a
text without the gate's words is not scanned with the rule, which could not match there."""
from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.timex.lexicon import alternation, lexicon


def _cap(words):
    return [w[:1].upper() + w[1:] for w in words]


@lru_cache(maxsize=1)
def parts() -> dict[str, str]:
    """Reusable sub-patterns (no groups)."""
    lx = lexicon()
    month = r"(?-i:(?:%s)(?![a-z]))" % alternation(_cap(lx["months"]))
    weekday = r"(?-i:(?:%s)(?![a-rt-z]))" % alternation(_cap(w for w in lx["weekdays"] if not w.endswith(".")))
    simple_nums = [w for w in lx["number_words"] if " " not in w and w not in ("a", "an")]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    num_word = rf"(?:(?:{tens})[\s-](?:{ones})\b|(?:{alternation(simple_nums)})\b)"
    num = rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|{num_word})"
    vague = alternation(lx["vague_numbers"])
    amount = rf"(?:{num}|a\s+couple\s+of|a\s+half|half\s+an?|{vague}|a|an)"
    units = alternation(k for k in lx["units"] if k not in ("fall", "autumn", "spring"))
    ordinal = alternation(k for k, v in lx["ordinals"].items() if v > 0)
    approx = alternation(lx["approx_modifiers"])
    zones = r"(?-i:(?:%s))" % alternation(lx["time_zones"])
    year4 = r"(?:1[0-9]\d\d|20\d\d)"
    decade_words = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
    spelled_year = (rf"(?:nineteen[\s-]+(?:(?:{tens})(?:[\s-]+(?:{ones}))?|hundred|oh[\s-]+(?:{ones})|ten|eleven|twelve|"
                    rf"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+(?:and\s+)?(?:{ones}|ten))?)")
    day_num = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    mod = r"(?:early|late|mid|mid-|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+turn\s+of|the\s+close\s+of)"
    part = r"(?:morning|afternoon|evening|night)"
    holidays = r"(?-i:(?:%s))" % alternation(" ".join(_cap(x.split())) for x in lx["holidays"])
    day_ref = (rf"(?:{weekday}(?:,?\s+{month}\s+{day_num}(?![\d:]))?|today|yesterday|tomorrow|tonight|"
               rf"{month}\s+{day_num}(?![\d:])(?:,\s*{year4})?)")
    return dict(month=month, weekday=weekday, num=num, num_word=num_word, amount=amount, units=units,
                ordinal=ordinal, approx=approx, zones=zones, year4=year4, decade_words=decade_words,
                spelled_year=spelled_year, day_num=day_num, mod=mod, part=part, holidays=holidays, vague=vague,
                day_ref=day_ref)


def _rules() -> list[tuple[str, str]]:
    p = parts()
    y, mon, wd, dn, mod, part = p["year4"], p["month"], p["weekday"], p["day_num"], p["mod"], p["part"]
    clock = (r"(?:(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m\b|o'clock)"
             r"|(?P<h2>\d{1,2}):(?P<mi2>\d{2})(?![\d:])|(?P<cw>noon|midnight|midday)"
             rf"|(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)(?=\s+{p['zones']}\b))")   # "0735 GMT": 24-hour, zone required
    day_ref = p["day_ref"]
    q_ord = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
    q_pre = (r"(?:fiscal|current|latest|most\s+recent|same|year-earlier|year-ago|comparable|previous|prior|"
             r"recent|calendar|preceding|just-ended|just\s+ended|final|seasonally\s+slow)")
    q_det = rf"(?:the|this\s+year's|last\s+year's|next\s+year's|{y}'s)"
    q_year = (rf"(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<qyear>{y})|(?P<qrel>this|last|next)\s+year|"
              r"the\s+(?P<qrel2>previous|prior|current|same|past)\s+year|(?P<qthe>the\s+year)))?")
    rel_unit = r"(?:week|month|year|quarter|weekend|decade|century|fiscal\s+year|season)"
    dur_dir = (r"(?:past|last|next|first|coming|previous|latest|final|following|remaining|initial|ensuing|"
               r"preceding|same|entire|whole|full|last\s+few|past\s+few|next\s+few|first\s+few|recent)")
    return [
        ("clock", rf"(?:(?P<approx>around|approximately|shortly\s+after|shortly\s+before|just\s+after|"
                  rf"just\s+before|after|before)\s+)?{clock}(?:\s+(?P<zone>{p['zones']})\b)?"
                  rf"(?:,?\s+(?:on\s+)?(?P<dayref>{day_ref}))?"),
        ("clock_part", rf"(?P<h>\d{{1,2}}|{p['num_word']})(?:\s+o'clock)?\s+in\s+the\s+(?P<part>morning|afternoon|evening)"),
        ("mdy", rf"(?:(?:(?:this\s+)?(?:past|coming)\s+|(?:last|next|this)\s+)?(?P<wd>{wd}),?\s+)?(?:(?P<mod>early|late|mid-?)\s*)?(?P<mon>{mon})\s+(?P<day>{dn})(?!\d|:\d)"
                rf"(?!\s*(?:%|percent|million|billion|points|cents))(?:(?:,\s*|\s+)(?P<year>{y})(?!\d))?"),
        ("dmy", rf"(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?(?P<day>{dn})\s+(?:of\s+)?(?P<mon>{mon})(?:,?\s+(?P<year>{y})(?!\d))?"),
        ("month_year", rf"(?:(?P<mod>{mod})[\s-]*)?(?P<mon>{mon}),?\s+(?:of\s+)?(?:(?P<year>{y})(?!\d)|'(?P<yy>\d\d)\b|"
                       rf"(?P<spelled>{p['spelled_year']})\b|(?P<rel>this|last|next)\s+year\b)"),
        ("month", rf"(?:(?P<mod>{mod})[\s-]*)?(?:(?P<dir>this|last|next|past|coming|early|late|mid)[\s-]+)?(?P<mon>{mon})(?![\s.]*\d{{1,2}}\b)"),
        ("quarter", rf"(?:(?P<det>{q_det})\s+)?(?:(?P<pre>{q_pre})\s+)*(?:(?P<pyear>{y})\s+)?(?:(?P<pre2>fiscal)\s+)?"
                    rf"(?P<ord>{q_ord})(?P<sep>[\s-])(?:fiscal[\s-]+)?(?P<unit>quarter|half|period)(?P<pl>s)?{q_year}"),
        ("quarter_ref", rf"(?:(?P<det>the)\s+)(?:(?P<pre>{q_pre}|(?P<pyear>{y}))\s+)?(?:(?P<pre2>{q_pre})\s+)?"
                        rf"(?:fiscal\s+)?(?P<unit>quarter|period|half)\b(?!-)"),
        ("year_ago_adj", r"(?P<adj>year-earlier|year-ago|year-before|a-year-earlier)(?!\s+(?:quarter|period|third|fourth|first|second))"),
        ("qn", rf"(?-i:(?P<q>Q[1-4]))(?:\s+(?P<year>{y}))?\b"),
        ("decade", rf"(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]*)?(?:(?P<d4>1\d{{2}}0|20\d0)'?s|'(?P<d2>\d0)s|"
                   rf"(?P<dw>(?:nineteen[\s-])?(?:{p['decade_words']})))\b"),
        ("century", rf"(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]*)?(?P<ord>{p['ordinal']}|\d{{1,2}}(?:st|nd|rd|th))[\s-]+century\b"),
        ("season", rf"(?:(?P<mod>early|late|mid)[\s-]*)?(?:(?P<dir>this|last|next|past|coming|the)\s+)?"
                   rf"(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?:(?P<year>{y})|(?P<spelled>{p['spelled_year']})))?\b"),
        ("fiscal_year", rf"(?:(?P<det>the)\s+)?(?P<year>{y})\s+(?P<noun>fiscal\s+year|period|season|calendar\s+year)\b"),
        ("year", rf"(?<![\$\d,.#/])(?:(?P<mod>{mod})[\s-]*)?(?:(?P<fiscal>fiscal(?:\s+year)?|FY|calendar(?:\s+year)?)\s*)?"
                 rf"(?P<year>{y})(?![\d%]|,\d|\.\d|\s*(?:%|percent))"),
        ("spelled_year", rf"(?:the\s+year\s+)?(?P<spelled>{p['spelled_year']})\b"),
        ("numeric_date", r"(?<![\d/.-])(?:(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)|(?P<m2>\d{1,2})/(?P<d2>\d{1,2})/(?P<y2>\d{2}|\d{4}))(?![\d/])"),
        ("relative", rf"(?:(?P<mod>early|late|earlier|later|mid|{mod}|the\s+rest\s+of|the\s+remainder\s+of)[\s-]+)?"
                     rf"(?P<dir>this\s+past|this\s+coming|this|last|next|past|coming|previous|current|the\s+current|the\s+past|the\s+last|"
                     rf"the\s+previous|the\s+coming|the\s+next|the\s+following|the\s+same)\s+(?P<unit>{rel_unit})\b"),
        ("deictic", rf"(?:(?P<mod>early|late|earlier|later|mid-?afternoon|late\s+in\s+the\s+day)\s+)?"
                    rf"(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>{part}))?"
                    rf"|(?P<mod2>mid-?afternoon|late\s+afternoon|early\s+morning)\s+(?P<word2>yesterday|today)"
                    rf"|(?:(?P<mod3>earlier|later)\s+)?(?P<dir3>this|last)\s+(?P<part3>{part})"),
        ("weekday", rf"(?:(?P<mod>early|late)\s+)?(?:(?P<dir>this\s+past|this\s+coming|last|this|next|coming|past|"
                    rf"the\s+(?:previous|prior|preceding|following|next))\s+)?(?P<wd>{wd})(?P<pl>s)?(?:\s+(?P<part>{part})(?P<pl2>s)?)?(?:\s+(?P<rel>last|this|next)\s+week)?"),
        ("ago", rf"(?:(?P<approx>{p['approx']})\s+)?(?P<amount>{p['amount']})?[\s-]*(?P<unit>{p['units']})\s+"
                rf"(?:or\s+(?:so|more|two|three)\s+)?(?P<rel>ago|earlier|later|from\s+now|hence|back|previously)\b"),
        ("ref", rf"\b(?P<ref>{alternation(k for k in lexicon()['ref_words'] if k not in lexicon()['ref_words_need_context'])})\b"),
        ("duration", rf"(?:(?P<det>the|its|their|his|her|our|a|an)\s+)?(?:(?P<approx>{p['approx']})\s+)?(?:(?P<dir>{dur_dir})\s+)?"
                     rf"(?:(?P<approx2>{p['approx']})\s+)?(?P<amount>{p['amount']})(?P<sep>[\s-]+)(?:(?P<more>more|additional|extra)\s+)?(?P<unit>{p['units']})\b"
                     rf"(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+(?:so|more))?(?P<adj>-(?:long|old))?"),
        ("bare_units", rf"(?:(?P<det>the)\s+)?(?:(?P<dir>{dur_dir}|coming|recent|several|many|few)\s+)?"
                       r"(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)(?P<adj>-long)?\b"),
        ("set", rf"(?P<q>every|each|per)\s+(?:other\s+)?(?:(?P<amount>{p['num']})\s+)?(?P<unit>{p['units']}|{wd}|{mon}|morning|evening|night)\b"),
        ("set_adverb", rf"\b(?P<adv>{alternation(lexicon()['set_adverbs'])})\b"),
        ("holiday", rf"(?:(?P<dir>last|this|next)\s+)?(?P<hol>{p['holidays']})(?:\s+(?P<year>{y}))?\b"),
        ("the_unit", r"(?P<det>the)\s+(?:(?P<adj>full|fiscal|calendar|entire|whole)\s+)?(?P<unit>weekend|year)\b(?!-)"),
        ("long_unit", r"(?<![\w-])(?P<unit>year|month|week|day|hour|decade|century)-?long\b"),
        ("edge_unit", r"(?P<edge>the\s+(?:end|beginning|start|middle|close)\s+of)\s+the\s+(?P<unit>week|month|year)\b(?!-|\s+(?:before|after|earlier|ended|ending)\b)"),
        ("adjacent_day", r"(?P<det>the)\s+(?P<dir>previous|next|following|prior)\s+(?P<unit>day|morning|afternoon|evening|night)\b"),
        ("part_of_day", r"(?P<prep>in|during|through|throughout)\s+(?P<det>the)\s+(?P<unit>morning|afternoon|evening|night)\b"
                        r"(?!\s+(?:of|after|before)\b)"),
        ("that_unit", r"(?:(?P<mod>earlier|later|early|late)\s+)?(?P<det>that(?:\s+same)?|the\s+same)\s+(?P<unit>year|month|week|day|quarter|morning|night|evening|afternoon)\b"),
        ("unit_before", r"(?P<det>the)\s+(?P<unit>day|night|week|month|year)\s+(?P<dir>before|after|earlier)(?=\s*[,.;:!?)\"']|\s*$)"),
        ("year_end", r"(?P<w>year-end|year\s+end|year's\s+end)"),
        ("vague_duration", rf"(?P<vd>{alternation(lexicon()['vague_durations'])})"),
    ]


@lru_cache(maxsize=1)
def compiled_rules() -> list[tuple[str, re.Pattern]]:
    """(rule name, compiled pattern) in priority order (earlier wins a tie on the same span)."""
    return [(name, re.compile(r"(?<![\w'])(?:" + pat + r")(?![\w])", re.IGNORECASE)) for name, pat in _rules()]


# The characters that re.IGNORECASE matches to an ASCII letter, folded to it: A-Z, and the four
# non-ASCII ones ("İ", dotless "ı", long "ſ", the Kelvin sign) that Python's re also equates.
CASE_FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
                           "\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold_case(text: str) -> str:
    """text with every character that re.IGNORECASE equates to an ASCII letter folded to
    that lower-case letter (same length, so a gate found here is found in text)."""
    return text.translate(CASE_FOLD)


def _gates() -> dict[str, str]:
    """Rule name -> a lower-case pattern that every match of the rule contains (read off the
    rule's required parts in `_rules`)."""
    p, lx = parts(), lexicon()
    months = alternation(lx["months"])
    return {
        "clock": r"\d\s*(?:[ap]\.\s?m|[ap]m|o'clock)|\d:\d\d|noon|midnight|midday|\d\d\d\d\s+[a-z]",
        "clock_part": r"in\s+the\s+(?:morning|afternoon|evening)",
        "mdy": rf"(?:{months})\s+\d",
        "dmy": rf"\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})",
        "month_year": rf"(?:{months}),?\s+(?:of\s+)?(?:\d|'|nineteen|two|this|last|next)",
        "quarter": r"(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)[\s-](?:fiscal[\s-]+)?(?:quarter|half|period)",
        "quarter_ref": r"quarter|period|half",
        "year_ago_adj": r"year-(?:earlier|ago|before)",
        "qn": r"q[1-4]",
        "decade": rf"\d0'?s|{p['decade_words']}",
        "century": r"century",
        "season": r"spring|summer|fall|autumn|winter",
        "fiscal_year": r"\d\s+(?:fiscal\s+year|period|season|calendar\s+year)",
        "spelled_year": r"nineteen|two\s+thousand",
        "numeric_date": r"\d-\d\d-\d|\d/\d",
        "relative": r"(?:this|last|next|past|coming|previous|current|following|same)\s+"
                    r"(?:week|month|year|quarter|weekend|decade|century|fiscal\s+year|season)",
        "weekday": alternation(w for w in lx["weekdays"] if not w.endswith(".")),
        "deictic": r"today|yesterday|tomorrow|tonight|(?:this|last)\s+(?:morning|afternoon|evening|night)",
        "ago": rf"(?:{p['units']})\s+(?:or\s+(?:so|more|two|three)\s+)?(?:ago|earlier|later|from\s+now|hence|back|previously)",
        "set": r"(?:every|each|per)\s",
        "set_adverb": alternation(lx["set_adverbs"]),
        "holiday": alternation(lx["holidays"]),
        "year_end": r"year(?:-|\s+|'s\s+)end",
        "long_unit": r"(?:year|month|week|day|hour|decade|century)-?long",
        "edge_unit": r"(?:end|beginning|start|middle|close)\s+of\s+the\s+(?:week|month|year)",
        "adjacent_day": r"(?:previous|next|following|prior)\s+(?:day|morning|afternoon|evening|night)",
        "part_of_day": r"(?:in|during|through|throughout)\s+the\s+(?:morning|afternoon|evening|night)",
        "that_unit": r"(?:that|same)\s+(?:year|month|week|day|quarter|morning|night|evening|afternoon)",
        "unit_before": r"(?:day|night|week|month|year)\s+(?:before|after|earlier)",
        "vague_duration": alternation(lx["vague_durations"]),
    }


@lru_cache(maxsize=1)
def compiled_gates() -> dict[str, re.Pattern]:
    """Rule name -> its gate, compiled case-sensitively for the folded text."""
    gates = _gates()
    for name, pat in gates.items():
        if re.search(r"[A-Z]", pat):   # an upper-case letter (or \S, \W...) would not survive folding
            raise ValueError(f"timex gate {name!r} must be lower case: {pat}")
    return {name: re.compile(pat) for name, pat in gates.items()}
