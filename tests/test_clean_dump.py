"""The dump cleaner on invented page dumps: chrome on top and bottom, a subheading in the
body, a sentence broken by inline markup, a Source line, a Published line with a zone."""
import hashlib
import re

import pytest

from newsgraph.clean import CleanError, clean
from newsgraph.records import RawDoc

FLOOD_PAGE = """The Harbour Courier

Menu
Home
World
Politics
Business
Sport
Contact

Flood defences fail as river bursts its banks in northern province

Thousands of residents were moved to shelters overnight after the levee gave way near the provincial capital

Published: Mar 14, 2022, 09:45 PM(CET)

Emergency crews worked through the night on Monday to evacuate more than 4,000 residents after the river broke through a levee south of the provincial capital, officials said.

The regional governor, Marta Kessel, told reporters that the water had risen faster than forecast and that two villages had been cut off by the morning.

"We had hoped the new barrier would hold for another week, but the rain simply did not stop," Kessel said at a briefing in the town hall.

Rescue teams still searching

Army engineers flew in sandbags and pumps from two neighbouring regions, while volunteers used private boats to reach farms that were

cut off

by the rising water, according to the civil protection agency.

At least three people are missing, the agency said in a statement on Tuesday morning, adding that helicopters would resume the search at first light.

The national weather service has warned that more rain is expected over the weekend and urged residents to stay away from low-lying roads and bridges.

READ  Drought fears grow as reservoirs fall to record low in the south

Source: reuters

Share this:
Facebook
Twitter
WhatsApp

Related Articles

  • Farmers count the cost of a wet spring across the valley region

  • New rail link to open next year after long delays in the capital

Leave a Reply

Your email address will not be published. Required fields are marked *

Comment
Name *
Email *

Trending Now
World 2022-03-14T18:02:11Z
Politics 2022-03-13T07:45:00Z

© 2022 The Harbour Courier. All rights reserved.
Back to top button
"""


@pytest.fixture(scope="module")
def flood():
    return clean(RawDoc(source="flood.txt", kind="raw_text", content=FLOOD_PAGE), "a1")


def test_metadata_from_the_header(flood):
    assert flood.title == "Flood defences fail as river bursts its banks in northern province"
    assert flood.subtitle.startswith("Thousands of residents were moved to shelters overnight")
    assert flood.published == "2022-03-14T21:45:00+01:00"
    assert flood.outlet == "The Harbour Courier"
    assert flood.original_outlet == "Reuters"
    assert flood.language == "en"


def test_body_keeps_article_and_subheading(flood):
    assert flood.text.startswith("Emergency crews worked through the night")
    assert "\n\nRescue teams still searching\n\n" in flood.text
    assert "helicopters would resume the search at first light" in flood.text
    assert flood.text.rstrip().endswith("low-lying roads and bridges.")


def test_inline_break_is_rejoined(flood):
    assert "private boats to reach farms that were cut off by the rising water, according to" in flood.text


@pytest.mark.parametrize("chrome", [
    "The Harbour Courier", "Menu", "Published: Mar 14", "READ", "Source: reuters", "Share this",
    "Related Articles", "Farmers count the cost", "New rail link", "Leave a Reply",
    "Your email address", "Trending Now", "2022-03-14T18:02:11Z", "All rights reserved", "Back to top"])
def test_chrome_is_removed_and_listed(flood, chrome):
    assert chrome not in flood.text
    assert any(chrome in line for line in flood.removed)


def test_removed_keeps_page_order(flood):
    page = re.sub(r" +", " ", FLOOD_PAGE)
    positions = [page.find(line[:25]) for line in flood.removed]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_content_hash_is_sha256_of_text(flood):
    assert flood.content_hash == hashlib.sha256(flood.text.encode("utf-8")).hexdigest()


GERMAN_PAGE = """Startseite
Politik
Wirtschaft
Sport
Kultur

Stadtrat beschließt neuen Haushalt nach langer Debatte

Von Katrin Albers

14.03.2022, 21:45 Uhr

Der Stadtrat hat am Montagabend nach einer mehr als sechsstündigen Sitzung den Haushalt für das kommende Jahr beschlossen, wie die Verwaltung mitteilte.

Die Opposition kritisierte vor allem die geplanten Kürzungen bei den Bibliotheken und kündigte an, das Thema im Sommer erneut auf die Tagesordnung zu setzen.

Der Bürgermeister verteidigte den Kompromiss und sagte, die Stadt müsse angesichts steigender Energiekosten sparen, ohne dabei die Schulen zu vernachlässigen.

Quelle: dpa

Mehr zum Thema
Artikel teilen
Kommentare
Impressum
Datenschutz
"""


def test_german_dump():
    art = clean(RawDoc(source="rat.txt", kind="raw_text", content=GERMAN_PAGE), "a2")
    assert art.language == "de"
    assert art.title == "Stadtrat beschließt neuen Haushalt nach langer Debatte"
    assert art.published.startswith("2022-03-14T21:45")
    assert art.authors == ["Katrin Albers"]
    assert art.original_outlet == "Deutsche Presse-Agentur"
    assert art.text.startswith("Der Stadtrat hat am Montagabend")
    assert "Bibliotheken" in art.text and "vernachlässigen." in art.text
    for chrome in ("Startseite", "Quelle", "Impressum", "Kommentare", "Von Katrin"):
        assert chrome not in art.text


def test_given_metadata_wins():
    raw = RawDoc(source="x", kind="raw_text", content=FLOOD_PAGE, title="Given title",
                 published="2022-03-15", url="https://example.org/flood")
    art = clean(raw, "a3")
    assert (art.title, art.published, art.url) == ("Given title", "2022-03-15", "https://example.org/flood")


def test_clean_text_is_kept():
    body = "The port reopened on Friday after a week of strikes.\n\nDockworkers accepted a new pay offer."
    art = clean(RawDoc(source="t", kind="text", content=body, title="Port reopens"), "a4")
    assert art.text == body
    assert art.title == "Port reopens"
    assert art.removed == []


@pytest.mark.parametrize("content", ["", "   \n\n  ", "\x00\x01\x02\x03\ufffd\ufffd" * 50])
def test_unusable_pages_raise(content):
    with pytest.raises(CleanError):
        clean(RawDoc(source="bad", kind="raw_text", content=content), "bad")


def test_outlet_from_known_domain_when_page_does_not_say():
    page = FLOOD_PAGE.replace("The Harbour Courier", "")
    art = clean(RawDoc(source="x", kind="raw_text", content=page, url="https://www.reuters.com/world/flood"), "a5")
    assert art.outlet == "Reuters"


def test_dump_without_blank_lines_still_cleans():
    page = "\n".join(line for line in FLOOD_PAGE.split("\n") if line.strip())
    art = clean(RawDoc(source="x", kind="raw_text", content=page), "a6")
    assert "Emergency crews worked through the night" in art.text
    assert "Leave a Reply" not in art.text
    assert "Back to top" not in art.text


def test_unknown_outlet_slug_takes_the_pages_own_spelling_and_caps_masthead_is_title_cased():
    from newsgraph.clean import clean
    from newsgraph.records import RawDoc
    page = "\n".join([
        "NORTHERN BEACON", "News from the fjords, every day", "",
        "Fishermen block harbour in protest over new quotas", "",
        "Published: Apr 2, 2024, 08:00 AM (CET)", "",
        "Hundreds of fishermen blocked the harbour of Tromsvik on Monday, saying the new quotas set by the "
        "ministry would ruin small family boats, according to the regional daily Il Faro del Nord.", "",
        "The ministry said the quotas were needed to protect cod stocks and that it would meet the "
        "fishermen's union next week to discuss compensation for the smallest boats.", "",
        "Police said the protest was peaceful and that no one had been detained by the evening.", "",
        "Source: ilfaronord", "",
        "© Northern Beacon 2024 - All rights reserved",
    ])
    art = clean(RawDoc(source="beacon.txt", kind="raw_text", content=page), "b1")
    assert art.outlet == "Northern Beacon"
    assert art.original_outlet == "Il Faro del Nord"
    assert "ilfaronord" not in art.text


def test_fallback_keeps_long_lines_when_nothing_ends_like_a_sentence():
    from newsgraph.clean.dump import DumpLines, fallback_body
    from newsgraph.clean.lines import split_lines

    run_on = " ".join(["the ferry left the island late in the evening with two hundred passengers on board"] * 3)
    lines = split_lines(f"Home\nNews\n{run_on} Share\nFacebook")
    keep = fallback_body(DumpLines(lines, [0.01, 0.02, 0.01, 0.0], "en"))
    assert keep == [False, False, True, False]


def test_fallback_when_the_only_body_line_is_the_headline():
    from newsgraph.clean.dump import DumpLines, body_and_removed
    from newsgraph.clean.lines import split_lines

    lines = split_lines("Ferry service resumes after storm\n\nBoats left the harbour again on Monday morning, the operator said.\n\nShare")
    body, removed = body_and_removed(DumpLines(lines, [0.6, 0.4, 0.01], "en"), {0})
    assert body == ["Boats left the harbour again on Monday morning, the operator said."]
    assert removed == ["Ferry service resumes after storm", "Share"]


@pytest.mark.parametrize("line,teaser", [
    ("READ  Dam inspectors were warned of cracks two years before the collapse", True),
    ("ALSO READ: Army chief replaced after weeks of protests in the capital city", True),
    ("Related: Aid convoy reaches the besieged town after three weeks of talks", True),
    ("Home secretary promises new border rules within the next six months", False),
    ("NATO leaders end their summit without a deal on air defence funding", False),
    ("Read the full statement from the ministry on its website.", False),
])
def test_labelled_links_inside_the_body_are_teasers(line, teaser):
    from newsgraph.clean.dump import labelled_teaser
    assert labelled_teaser(" ".join(line.split())) is teaser


def test_a_labelled_link_between_body_paragraphs_is_removed():
    paragraphs = [
        "Engineers opened the spillway of the Ribeira dam on Friday after three days of heavy rain across the valley.",
        "The regional water authority said the reservoir had reached 97 percent of its capacity by Thursday night.",
        "Farmers downstream moved cattle to higher ground while the fire service handed out sandbags in two villages.",
        "READ  Storm warning extended to the whole northern coast until the weekend",
        "The authority said it expected the level to fall by Sunday if the forecast for drier weather held.",
        "Residents were told to avoid the riverbanks and the old footbridge, which was closed to traffic.",
    ]
    raw = "Valley Courier\n\nDam spillway opened as reservoir nears capacity\n\n" + "\n\n".join(paragraphs) + "\n"
    art = clean(RawDoc(source="dam.txt", kind="raw_text", content=raw), "dam")
    assert "Storm warning extended" not in art.text
    assert any("Storm warning extended" in r for r in art.removed)
    assert "Residents were told to avoid" in art.text


THREAD_PAGE = """Ferry service to the islands resumes after storm repairs

June 2, 2021 | by Ana Ruiz

The ferry line to the outer islands will run again from Thursday, the harbour authority said, after three weeks of repairs to the pier.

Engineers replaced two mooring posts and part of the loading ramp that the storm had torn away.

12 Comments

harbourwatcher says:
June 3, 2021 at 7:12 am

Good news at last, the detour by road took us two hours each way.

Pete L. says:
June 3, 2021 at 8:40 am

Will the early morning crossing come back as well, or only the afternoon one?

Island resident says:
June 3, 2021 at 8:52 am

We waited long enough, but thanks to the crews who worked in that weather.

Marta on June 3, 2021 at 9:05 am said:

The timetable on the authority's site still shows the winter schedule.
"""

CALENDAR_PAGE = """Season calendar

Round 1: 12 March – Northfield
Round 2: 9 April – Eastbay
Round 3: 23 April – Hillcrest
Round 4: 7 May – Lakeside

The calendar may still change before the season opens.
"""


def page_rows(dump):
    from newsgraph.clean.lines import N_OWN, features, split_lines, thread_features
    lines = split_lines(dump)
    return lines, thread_features(lines, features(lines, "en")[:, :N_OWN])


def test_comment_thread_after_the_article_is_found():
    lines, rows = page_rows(THREAD_PAGE)
    first = next(i for i, ln in enumerate(lines) if ln.text == "harbourwatcher says:")
    assert rows[first, 1] == 1.0 and rows[first, 2] == 0.0          # the thread starts at the first attribution
    assert all(rows[i, 2] == -1.0 for i in range(first))            # nothing before it is after a thread start
    header = next(i for i, ln in enumerate(lines) if ln.text == "12 Comments")
    assert 0 < rows[header, 3] < 1.0                                # the count header sits just before it
    reply = next(i for i, ln in enumerate(lines) if ln.text.startswith("Will the early"))
    assert rows[reply, 2] > 0 and rows[reply, 0] == 0.0             # comment text: after the start, no attribution


def test_dated_list_lines_in_a_row_are_not_a_thread():
    lines, rows = page_rows(CALENDAR_PAGE)
    assert rows[:, 1].sum() == 0 and (rows[:, 2] == -1.0).all()



def _scored(rows):
    """A DumpLines from (text, score) rows, each line a paragraph of its own."""
    from newsgraph.clean.dump import DumpLines
    from newsgraph.clean.lines import split_lines

    lines = split_lines("\n\n".join(text for text, _ in rows))
    return DumpLines(lines, [score for _, score in rows], "en")


REPORT = [
    ("The council approved the new water tariff on Tuesday after a four-hour debate in the chamber.", 0.95),
    ("Opposition members said the increase would hit pensioners hardest during the winter months.", 0.9),
    ("The mayor promised a review of the subsidy scheme before the next budget is presented.", 0.92),
]


def test_prose_far_below_the_article_is_cut_at_a_long_stretch_of_chrome():
    from newsgraph.clean.dump import ARTICLE_END_GAP, body_and_removed

    chrome = [(f"Section {k}", 0.02) for k in range(ARTICLE_END_GAP)]
    comment = ("I have lived in this town for thirty years and never seen the council listen to anyone.", 0.8)
    body, removed = body_and_removed(_scored(REPORT + chrome + [comment]), set())
    assert body == [text for text, _ in REPORT]
    assert removed[-1] == comment[0]


def test_prose_after_a_short_break_in_the_article_is_kept():
    from newsgraph.clean.dump import ARTICLE_END_GAP, body_and_removed

    chrome = [(f"Advertisement {k}", 0.02) for k in range(ARTICLE_END_GAP - 2)]
    tail = ("Residents can comment on the plan at the town hall until the end of March.", 0.85)
    body, _ = body_and_removed(_scored(REPORT + chrome + [tail]), set())
    assert body == [text for text, _ in REPORT] + [tail[0]]


def test_lines_above_the_article_are_not_cut_by_the_end_rule():
    from newsgraph.clean.dump import ARTICLE_END_GAP, body_and_removed

    deck = ("Households will pay about eight percent more for water from April.", 0.7)
    chrome = [(f"Menu item {k}", 0.02) for k in range(ARTICLE_END_GAP + 5)]
    body, _ = body_and_removed(_scored([deck] + chrome + REPORT), set())
    assert body == [deck[0]] + [text for text, _ in REPORT]


def own_rows(dump):
    from newsgraph.clean.lines import N_OWN, features, split_lines

    lines = split_lines(dump)
    return lines, features(lines, "en")[:, :N_OWN]


def test_comment_thread_starts_at_its_cue_line():
    from newsgraph.clean.lines import comment_thread_start

    lines, own = own_rows(THREAD_PAGE)
    assert lines[comment_thread_start(lines, own)].text == "12 Comments"


LIVE_PAGE = """Election night as it happened

Reply to our survey

9:05 pm:
Polls have closed in the eastern districts and counting has begun in most towns.

9:20 pm:
The first results from the capital show the governing party slightly ahead.

9:41 pm:
Turnout reached 61 percent, the electoral commission said, four points up on the last vote.

10:02 pm:
The opposition leader told supporters it was too early to call the result.
"""

INDEX_PAGE = """Harbour notes
Most commented

Posted on May 2, 2021 by Ana Ruiz
The new pier opens next week after two years of building work on the waterfront.
Posted in News | 4 Comments

Posted on May 9, 2021 by Ana Ruiz
Ferry fares will rise by five percent from June, the operator announced on Friday.
Posted in News | 2 Comments

Posted on May 16, 2021 by Ana Ruiz
The harbour festival returns in August with music, boats and a market on the quay.
Posted in News | 7 Comments

Posted on May 23, 2021 by Ana Ruiz
Divers found the remains of an old wooden boat near the northern breakwater.
"""


def test_no_comment_thread_without_a_cue_or_in_a_list_of_dated_posts():
    from newsgraph.clean.lines import comment_thread_start

    for page in (LIVE_PAGE.replace("Reply to our survey", "Live updates"), INDEX_PAGE):
        lines, own = own_rows(page)
        assert comment_thread_start(lines, own) is None
    lines, own = own_rows(INDEX_PAGE.replace(" by Ana", " at 9:15 am by Ana"))
    assert comment_thread_start(lines, own) == 1       # bylines with a clock time would look like comments


def test_comment_thread_is_cut_from_the_body():
    from newsgraph.clean.dump import body_and_removed, score_dump

    doc = score_dump(THREAD_PAGE)
    doc.scores = [0.9] * len(doc.scores)           # even when the classifier keeps every line
    body, removed = body_and_removed(doc, set())
    assert any(text.startswith("The ferry line") for text in body)
    assert not any("timetable" in text or text == "12 Comments" for text in body)
    assert "Will the early morning crossing come back as well, or only the afternoon one?" in removed


def test_runs_of_teasers_cut_off_with_an_ellipsis_are_dropped():
    from newsgraph.clean.dump import body_and_removed

    teasers = [("Port strike enters second week as talks stall over pay and pensions...", 0.7),
               ("Dates", 0.1),
               ("New bridge toll angers commuters who cross the river every day…", 0.7),
               ("Museum reopens its east wing after a two-year restoration of the roof...", 0.7)]
    body, removed = body_and_removed(_scored(REPORT + teasers), set())
    assert body == [text for text, _ in REPORT]
    body, _ = body_and_removed(_scored(REPORT + teasers[:2]), set())
    assert teasers[0][0] in body                    # one trailing paragraph is not a list


def test_runs_of_headlines_glued_to_their_ledes_are_dropped():
    from newsgraph.clean.dump import body_and_removed, headline_glued

    teasers = [("Port Strike Enters Second WeekTalks between the union and the operators stalled again on Monday.", 0.9),
               ("The Best Bakeries In The Old TownOur reporter tasted her way through a dozen shops in one morning.", 0.9),
               ("Video", 0.05),
               ("New Bridge Toll Angers CommutersDrivers who cross the river every day will pay twice as much.", 0.9)]
    body, removed = body_and_removed(_scored(teasers + REPORT), set())
    assert body == [text for text, _ in REPORT]
    assert not headline_glued("The company's iPhone sales fell, and McDonald's said its prices would rise again.")
