"""The outlet a copy was taken from: credit lines, translation notes, wire datelines and, in
HTML, links to the original; on invented pages and lines."""
import pytest

from newsgraph.clean import clean
from newsgraph.clean.syndication import credited_name, is_credit_label, other_outlet, translated_from, wire_agency
from newsgraph.records import RawDoc


@pytest.mark.parametrize("line, name", [
    ("Source: reuters", "reuters"),
    ("Quelle: dpa", "dpa"),
    ("This article was originally published by Harbour Post and is republished here under a licence.", "Harbour Post"),
    ("This article is republished from The Conversation under a Creative Commons license.", "The Conversation"),
    ("Originally published in Le Monde on May 2, 2024.", "Le Monde"),
    ("Sources: officials", None),                     # people, not an outlet
    ("Source: Defence Ministry, May 3", None),        # a body that released a figure or a picture
    ("Quellen ausblenden", None),                     # "hide sources": a label cue needs its colon
    ("The source said the talks had failed.", None),
])
def test_credit_lines(line, name):
    assert credited_name(line) == name


def test_translation_notes_name_an_outlet_not_a_language():
    assert translated_from("Translated from El País") == "El País"
    assert translated_from("Translated from the Spanish by Ana Ruiz") is None


@pytest.mark.parametrize("lede, agency", [
    ("KYIV, Ukraine (AP) — Drones struck a power plant overnight, officials said.", "Associated Press"),
    ("WASHINGTON, May 3 (Reuters) - The Senate passed the bill on Friday.", "Reuters"),
    ("DHAKA — Police fired tear gas at protesters on Thursday.", None),
    ("Ahmed (32) - a teacher from the town - was arrested.", None),
])
def test_wire_datelines(lede, agency):
    assert wire_agency(lede) == agency


def test_a_copy_of_the_pages_own_outlet_names_no_original():
    assert other_outlet("Reuters", "Reuters") is None
    assert other_outlet("Reuters", "reuters") is None
    assert other_outlet("Reuters", "The Harbour Courier") == "Reuters"


def test_a_credit_sentence_is_text_a_credit_label_is_furniture():
    assert is_credit_label("Source: reuters")
    assert not is_credit_label("This article was originally published by Harbour Post and is republished here.")


DUMP = """The Lakeside Ledger
Home
World
Subscribe

Fishing fleet stays in port as fuel prices climb for a third week

By Jon Marsh

Published: May 3, 2024, 08:00 AM (CET)

OSLO (Reuters) - Hundreds of fishing boats stayed in port along the western coast on Friday as skippers said the price of diesel had made a day at sea a loss for the third week running.

The fishermen's association said it would ask the government for a temporary cut in fuel duty at a meeting next week, and warned that some small firms could close by the summer.

Share this:
Facebook
© 2024 The Lakeside Ledger
"""


def test_a_dump_with_a_wire_dateline_is_the_agencys_copy():
    art = clean(RawDoc(source="ledger.txt", kind="raw_text", content=DUMP), "s1")
    assert art.outlet == "The Lakeside Ledger"
    assert art.original_outlet == "Reuters"
    assert art.text.startswith("OSLO (Reuters) - Hundreds")


def test_a_republished_dump_keeps_its_credit_sentence_and_names_the_original():
    page = DUMP.replace("OSLO (Reuters) - ", "").replace(
        "Share this:", "This article was originally published by Harbour Post and is republished here under a licence.\n\nShare this:")
    art = clean(RawDoc(source="ledger2.txt", kind="raw_text", content=page), "s2")
    assert art.original_outlet == "Harbour Post"
    assert "originally published by Harbour Post" in art.text


HTML = """<html><head><title>Fishing fleet stays in port | The Lakeside Ledger</title>
<link rel="canonical" href="https://www.reuters.com/world/fishing-fleet-stays-in-port-2024-05-03/">
<meta property="og:site_name" content="The Lakeside Ledger"></head>
<body><article><h1>Fishing fleet stays in port as fuel prices climb for a third week</h1>
<p>Hundreds of fishing boats stayed in port along the western coast on Friday as skippers said the price of
diesel had made a day at sea a loss for the third week running, the fishermen's association said.</p>
<p>The association said it would ask the government for a temporary cut in fuel duty at a meeting next week,
and warned that some small firms could close by the summer if prices did not fall.</p>
<p>Source: reuters.com</p>
</article></body></html>"""


def test_html_canonical_link_to_another_outlet_and_its_credit_label():
    art = clean(RawDoc(source="ledger.html", kind="html", content=HTML, url="https://lakesideledger.example/fleet"), "h1")
    assert art.original_outlet == "Reuters"
    assert "Source: reuters.com" not in art.text
    assert "Source: reuters.com" in art.removed


def test_html_canonical_link_to_its_own_host_names_no_original():
    page = HTML.replace("https://www.reuters.com/world/", "https://lakesideledger.example/").replace("<p>Source: reuters.com</p>", "")
    art = clean(RawDoc(source="ledger.html", kind="html", content=page, url="https://lakesideledger.example/fleet"), "h2")
    assert art.original_outlet is None


def test_clean_text_takes_its_outlet_from_the_url_and_the_agency_from_its_dateline():
    text = "KYIV, Ukraine (AP) — Drones struck a power plant overnight, cutting heat to thousands of homes, officials said."
    art = clean(RawDoc(source="row1", kind="text", content=text, url="https://www.nytimes.com/2024/05/03/world/x.html"), "t1")
    assert art.outlet == "The New York Times"
    assert art.original_outlet == "Associated Press"
    own = clean(RawDoc(source="row2", kind="text", content=text, url="https://apnews.com/article/x"), "t2")
    assert own.outlet == "Associated Press" and own.original_outlet is None
    assert clean(RawDoc(source="row3", kind="text", content=text), "t3").outlet is None
