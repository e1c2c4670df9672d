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
