"""The HTML path of the clean stage (trafilatura), on an invented news page."""
import pytest

from newsgraph.clean import CleanError, clean
from newsgraph.records import RawDoc

PARAGRAPHS = [
    "The central bank raised its main interest rate by half a percentage point on Thursday, "
    "the largest increase in more than two decades, as inflation climbed to a new high.",
    "Governor Elena Varga told reporters that further increases could follow if prices kept rising "
    "at the current pace through the summer months.",
    "Economists had expected a smaller move, and the currency strengthened sharply against the euro "
    "within minutes of the announcement in the capital.",
    "Retail groups warned that higher borrowing costs would weigh on household spending, which has "
    "already slowed for three consecutive quarters according to official figures.",
]

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Central bank lifts rates by half a point | The Daily Ledger</title>
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:title" content="Central bank lifts rates by half a point">
<meta name="author" content="Tomas Berg">
<meta property="article:published_time" content="2022-05-12T10:30:00+02:00">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/economy">Economy</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>Central bank lifts rates by half a point</h1>
<p class="byline">By Tomas Berg</p>
""" + "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS) + """</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Ten tips for cheaper holidays</a></li>
<li><a href="/b">Local team wins the cup final</a></li></ul></aside></main>
<footer><p>© 2022 The Daily Ledger. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


@pytest.fixture(scope="module")
def article():
    return clean(RawDoc(source="ledger.html", kind="html", content=PAGE, url="https://ledger.example/rates"), "h1")


def test_body_has_the_paragraphs(article):
    for p in PARAGRAPHS:
        assert p in article.text
    assert "\n\n" in article.text


@pytest.mark.parametrize("chrome", ["Most read", "Ten tips", "All rights reserved", "Privacy policy"])
def test_body_drops_chrome(article, chrome):
    assert chrome not in article.text


def test_metadata(article):
    assert article.title == "Central bank lifts rates by half a point"
    assert article.published == "2022-05-12T10:30:00+02:00"
    assert article.outlet == "The Daily Ledger"
    assert article.authors == ["Tomas Berg"]
    assert article.url == "https://ledger.example/rates"
    assert article.language == "en"


def test_page_without_text_raises():
    with pytest.raises(CleanError):
        clean(RawDoc(source="empty.html", kind="html", content="<html><body><nav>Home</nav></body></html>"), "h2")


def test_removed_lists_the_chrome(article):
    assert "Ten tips for cheaper holidays" in article.removed
    assert any("All rights reserved" in line for line in article.removed)
    assert not any(p in article.removed for p in PARAGRAPHS)


def test_headline_leaves_the_body_and_is_listed_removed(article):
    assert not article.text.startswith("Central bank lifts rates")
    assert article.text.startswith("The central bank raised")
    assert "Central bank lifts rates by half a point" in article.removed


def test_markdown_table_rows_become_plain_cells():
    from newsgraph.clean.html import paragraphs
    text = "Results by region:\n| Region | Seats | Share |\n|---|---|---|\n| North | 12 | 41% |"
    assert paragraphs(text) == "Results by region:\n\nRegion Seats Share\n\nNorth 12 41%"


def test_a_first_line_unlike_the_title_stays():
    from newsgraph.clean.html import drop_headline_lines
    body = "Parliament passed the budget late on Tuesday.\n\nThe vote was 210 to 190."
    assert drop_headline_lines(body, "Budget clears parliament") == (body, [])
    assert drop_headline_lines("Budget clears parliament\n\n" + body, "Budget clears parliament") == (body, ["Budget clears parliament"])


# --- the headline: <h1> against the metadata titles (html_title.py) ---------------------------

def page_with(head: str, body_h1s: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html><head>{head}</head><body><nav><h1>Menu</h1></nav><main><article>{body_h1s}"
            f"{paras}</article></main></body></html>")


def title_of(head: str, body_h1s: str, url: str = "https://www.ledger.example/a/1") -> str | None:
    from newsgraph.clean.html import parse_tree
    from newsgraph.clean.html_title import page_title
    return page_title(parse_tree(page_with(head, body_h1s)), None, url, None)


def test_the_site_name_leaves_the_metadata_title():
    head = "<title>Ferry service resumes after storm | The Daily Ledger</title><meta property='og:site_name' content='The Daily Ledger'>"
    assert title_of(head, "") == "Ferry service resumes after storm"


def test_a_site_name_before_the_headline_leaves_too():
    head = "<title>Ledger Online | Ferry service resumes after storm</title>"
    assert title_of(head, "", url="https://ledgeronline.example/x") == "Ferry service resumes after storm"


def test_a_kicker_inside_the_h1_is_not_part_of_the_headline():
    h1 = ("<h1><span class='article-heading__kicker'>Transport</span><span class='visually-hidden'>: </span>"
          "<span class='article-heading__title'>Ferry service resumes after storm</span></h1>")
    assert title_of("<title>Transport: Ferry service resumes after storm | Ledger</title>", h1) == "Ferry service resumes after storm"


def test_a_date_stamp_inside_the_h1_is_not_part_of_the_headline():
    h1 = "<h1><time datetime='2022-02-01'>1 February 2022</time> Ferry service resumes after storm</h1>"
    assert title_of("<title>Ferry service resumes after storm</title>", h1) == "Ferry service resumes after storm"


def test_an_h1_that_prints_the_site_name_is_not_the_headline():
    h1s = "<h1>Daily Ledger</h1><h1>Ferry service resumes after storm</h1>"
    head = "<title>Ferry service resumes after storm | Daily Ledger</title>"
    assert title_of(head, h1s, url="https://www.dailyledger.example/a") == "Ferry service resumes after storm"


def test_a_blog_name_h1_at_the_tail_of_the_title_is_not_the_headline():
    head = "<title>Why ferries run late - Harbour Notes</title>"
    assert title_of(head, "<h1>Harbour Notes</h1>", url="https://harbour-notes.example/p/9") == "Why ferries run late"


def test_the_printed_headline_wins_over_a_differently_worded_seo_title():
    head = "<title>Ferry timetable 2022: all changes at a glance</title><meta property='og:title' content='Ferry timetable 2022: all changes at a glance'>"
    h1 = "<h1>Islanders face longer waits as ferry timetable is cut</h1>"
    assert title_of(head, h1) == "Islanders face longer waits as ferry timetable is cut"


def test_a_one_word_section_heading_does_not_replace_the_metadata_title():
    head = "<title>Ferry service resumes after storm</title>"
    assert title_of(head, "<h1>Transport</h1>") == "Ferry service resumes after storm"


def test_a_declared_site_name_equal_to_the_title_is_not_stripped():
    head = ("<title>Ferry service resumes after storm</title>"
            "<meta property='og:site_name' content='Ferry service resumes after storm'>")
    assert title_of(head, "") == "Ferry service resumes after storm"


def test_a_blog_post_title_in_an_h2_drops_an_unknown_blog_name_from_the_metadata_title():
    head = "<title>Ferry service resumes after storm | Notes from the Harbour Wall</title>"
    h2 = "<h2 class='entry-title'><a href='https://www.ledger.example/a/1'>Ferry service resumes after storm</a></h2>"
    assert title_of(head, h2) == "Ferry service resumes after storm"


def test_the_printed_form_of_the_headline_beats_the_metadata_casing_and_dashes():
    head = "<title>Ferry Service Resumes After Storm - What Changes For Islanders</title>"
    h2 = "<h2>Ferry service resumes after storm – what changes for islanders</h2>"
    assert title_of(head, h2) == "Ferry service resumes after storm – what changes for islanders"


def test_a_printed_line_with_extra_marks_gives_the_metadata_form():
    head = "<title>Ferry service resumes after storm | Notes from the Harbour Wall</title>"
    assert title_of(head, "<p><a href='/'>[&gt; Ferry service resumes after storm</a></p>") == "Ferry service resumes after storm"


def test_an_h1_with_a_site_name_after_a_bar_gives_the_headline():
    head = "<title>Ferry service resumes after storm</title>"
    h1 = "<h1>Ferry service resumes after storm | HARBOURWALL.NET</h1>"
    assert title_of(head, h1) == "Ferry service resumes after storm"


def test_a_dash_inside_an_h1_stays_in_the_headline():
    head = "<title>Ferry service resumes – and fares go up | Ledger</title>"
    assert title_of(head, "<h1>Ferry service resumes – and fares go up</h1>") == "Ferry service resumes – and fares go up"


def test_soft_hyphens_leave_the_headline():
    assert title_of("<title>Fähr\u00adverkehr läuft wieder</title>", "") == "Fährverkehr läuft wieder"


def test_declared_publication_time_when_the_extractor_finds_no_date():
    from newsgraph.clean.html import publication_time
    html = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-05-06T09:15:00+02:00"}</script>'
    assert publication_time(None, html) == "2022-05-06T09:15:00+02:00"
    assert publication_time(None, "<p>no date here</p>") is None


def dated_page(head: str, byline: str, tail: str = "") -> str:
    return ("<html><head>" + head + "</head><body><article><h1>Harbour bridge reopens after repairs</h1>"
            + byline + "<p>The bridge reopened to traffic on the morning after eleven weeks of work.</p>"
            + tail + "</article></body></html>")


def test_printed_declared_day_beats_the_url_date():
    from newsgraph.clean.html import publication_time
    html = dated_page('<meta property="article:published_time" content="2022-05-08T06:00:00-05:00">',
                      '<p class="date">08 May 2022</p>')
    # the extractor took the day in the URL (2022/05/02), printed nowhere on the page
    assert publication_time("2022-05-02", html) == "2022-05-08T06:00:00-05:00"


def test_printed_local_time_beats_a_utc_instant():
    from newsgraph.clean.html import publication_time
    html = dated_page('<meta property="article:published_time" content="2022-05-04T03:37:37+00:00">',
                      '<time datetime="2022-05-03T23:37:37-04:00">3 May, 2022, 11:37 pm</time>')
    assert publication_time("2022-05-04", html) == "2022-05-03T23:37:37-04:00"


def test_printed_extractor_day_is_kept():
    from newsgraph.clean.html import publication_time
    html = dated_page('<meta property="article:published_time" content="2022-05-08T06:00:00+02:00">'
                      '<meta property="article:modified_time" content="2022-06-01T10:00:00+02:00">',
                      '<p class="date">08.05.2022</p>', '<p>Updated 1 June 2022</p>')
    assert publication_time("2022-05-08", html) == "2022-05-08T06:00:00+02:00"


def test_dates_in_reader_comments_are_no_evidence():
    from newsgraph.clean.html import publication_time
    html = dated_page('<meta property="article:published_time" content="2016-02-08T11:04:42+00:00">', "",
                      '<ol class="comment-list"><li><time datetime="2017-02-23T12:33:18+05:30">'
                      'February 23, 2017</time> Great article!</li></ol>')
    assert publication_time("2016-02-08", html) == "2016-02-08T11:04:42+00:00"


def test_undeclared_printed_day_does_not_override():
    from newsgraph.clean.html import publication_time
    html = dated_page('<meta property="article:published_time" content="2022-05-08T06:00:00+02:00">', "",
                      "<p>Work began on 14 February 2022.</p>")
    assert publication_time("2022-05-08", html) == "2022-05-08T06:00:00+02:00"


def test_dateline_under_the_headline_beats_an_extractor_day_printed_nowhere():
    from newsgraph.clean.html import publication_time
    html = dated_page("", "<p>Erstellt am: 01.11.2023</p>")
    # the extractor read the day the other way round (2023-01-11): the page prints 1 November
    assert publication_time("2023-01-11", html) == "2023-11-01"


def test_a_dated_link_under_the_headline_is_no_dateline():
    from newsgraph.clean.html import publication_time
    html = dated_page("", '<p><a href="/old">Bridge closed, 14.02.2022</a></p>')
    assert publication_time("2022-05-08", html) == "2022-05-08"


def test_a_marked_dateline_beats_a_declared_day_it_contradicts():
    from newsgraph.clean.html import publication_time
    html = dated_page('<meta property="article:published_time" content="2022-06-20T11:02:44+01:00">',
                      '<span class="date">27.01.2022</span>')
    assert publication_time("2022-06-20", html) == "2022-01-27"


def test_a_heading_in_the_comment_form_is_not_the_headline():
    head = "<title>Ferry service resumes after storm | Harbour Notes</title>"
    body = ("<div id='respond' class='comment-respond'><h1 id='reply-title'>Leave a Reply or Comment</h1></div>")
    assert title_of(head, body, url="https://harbour-notes.example/p/9") == "Ferry service resumes after storm"


def test_a_category_class_that_says_comment_does_not_hide_the_headline():
    body = "<div class='post category-kommentar'><h1>Ferry service resumes after storm</h1></div>"
    assert title_of("<title>Ferry service resumes after storm - Ledger</title>", body) == "Ferry service resumes after storm"


def test_a_style_block_inside_the_h1_is_not_printed():
    h1 = "<h1><style>.x{font-size:16px;color:#707070}</style>Ferry service resumes after storm</h1>"
    assert title_of("<title>Ferry service resumes after storm</title>", h1) == "Ferry service resumes after storm"


def test_ruby_readings_leave_the_headline():
    h1 = "<h1><ruby>港<rt>みなと</rt></ruby>の<ruby>船<rt>ふね</rt></ruby>がまた動き出す</h1>"
    assert title_of("<title>NEWS EASY|港の船がまた動き出す</title>", h1) == "港の船がまた動き出す"


def test_a_kicker_run_onto_the_heading_leaves_the_metadata_headline():
    h1 = "<h1><span class='css-1x2y'>Press release of the Harbour Office</span> :Ferry service resumes after storm</h1>"
    head = ("<title>Press releases</title><meta property='og:title' content='Press releases'>"
            "<meta name='twitter:title' content='Ferry service resumes after storm'>")
    assert title_of(head, h1) == "Ferry service resumes after storm"


def test_the_heading_that_prints_og_title_beats_a_section_heading_that_prints_the_title_tag():
    head = "<meta property='og:title' content='Ferry service resumes after storm'><title>News - Ledger</title>"
    assert title_of(head, "<h1>News</h1><h1>Ferry service resumes after storm</h1>") == "Ferry service resumes after storm"


DECK = "Bank says further increases may follow; retailers fear weaker spending"


def page_with_deck(deck_text: str) -> str:
    head = f'<meta name="description" content="{DECK}">\n</head>'
    body = f'<h1>Central bank lifts rates by half a point</h1>\n<p class="deck">{deck_text}</p>\n'
    return PAGE.replace("</head>", head, 1).replace("<h1>Central bank lifts rates by half a point</h1>\n", body, 1)


def test_a_printed_deck_that_is_the_description_leaves_the_body():
    art = clean(RawDoc(source="d.html", kind="html", content=page_with_deck(DECK), url="https://ledger.example/d"), "d1")
    assert art.subtitle == DECK and not art.text.startswith("Bank says") and DECK in art.removed
    assert art.text.startswith("The central bank raised")


def test_a_first_sentence_that_repeats_the_description_stays_in_the_body():
    lead = PARAGRAPHS[0]
    page = PAGE.replace("</head>", f'<meta name="description" content="{lead}">\n</head>', 1)
    art = clean(RawDoc(source="l.html", kind="html", content=page, url="https://ledger.example/l"), "l1")
    assert art.text.startswith(lead[:40])


DOCK_PAGE = """<html><head><title>Dock strike ends | Harbour Post</title></head><body>
<header><nav>Home World Business</nav></header>
<article><h1>Dock strike ends after three weeks</h1>
<p class="article-standfirst">Workers accept a new pay offer as exports pile up on the quays</p>
<p class="meta">By Ann Lee · <time datetime="2026-05-04T08:10:00+01:00">May 4, 2026</time></p>
<p>Dock workers in the northern port returned to work on Monday after their union accepted a new pay offer,
ending a strike that had held up exports for three weeks.</p>
<p>The port authority said ships would be cleared within days and that no jobs would be cut, according to a
statement released late on Sunday.</p></article>
<footer>Copyright Harbour Post</footer></body></html>"""


@pytest.fixture(scope="module")
def dock():
    return clean(RawDoc(source="dock.html", kind="html", content=DOCK_PAGE), "dock")


def test_a_printed_standfirst_is_the_deck_not_the_body(dock):
    assert dock.subtitle == "Workers accept a new pay offer as exports pile up on the quays"
    assert dock.text.startswith("Dock workers in the northern port")
    assert dock.removed.count(dock.subtitle) == 1


def test_an_article_time_element_gives_the_time_and_zone(dock):
    assert dock.published == "2026-05-04T08:10:00+01:00"
