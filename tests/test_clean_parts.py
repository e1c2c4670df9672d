"""Dates, outlet names, language detection and fragment rejoining of the clean stage."""
import pytest

from newsgraph.clean.dates import parse_datetime
from newsgraph.clean.dump import rejoin_fragments
from newsgraph.clean.language import detect_language
from newsgraph.clean.lines import split_lines
from newsgraph.clean.outlets import outlet_for_domain, resolve_outlet


@pytest.mark.parametrize("text, iso", [
    ("Published: Jun 28, 2021, 01:01 PM(IST)", "2021-06-28T13:01:00+05:30"),
    ("2021-03-26T19:26:03.611Z", "2021-03-26T19:26:03.611Z"),
    ("Nov. 19, 2019 8:03 am ET", "2019-11-19T08:03:00-05:00"),
    ("July 4, 2021 10:00 a.m. ET", "2021-07-04T10:00:00-04:00"),
    ("Updated 15:20 GMT+2, 4 May 2019", "2019-05-04T15:20:00+02:00"),
    ("Veröffentlicht am 03.02.2020 um 14:30 MEZ", "2020-02-03T14:30:00+01:00"),
    ("12 de marzo de 2020", "2020-03-12"),
    ("Posted on 2020/01/27", "2020-01-27"),
    ("Reuters November 18, 2019 11:03 PM", "2019-11-18T23:03:00"),
])
def test_parse_datetime(text, iso):
    assert parse_datetime(text) == iso


@pytest.mark.parametrize("text", ["© 2019", "Page 3 of 12", "", "Call 555-0134 now"])
def test_no_date(text):
    assert parse_datetime(text) is None


@pytest.mark.parametrize("text, name", [
    ("elpais", "El País"), ("El Pais", "El País"), ("elpaiss", "El País"), ("www.theguardian.com", "The Guardian"),
    ("AFP", "Agence France-Presse"), ("tass", "TASS"), ("dpa", "Deutsche Presse-Agentur"),
])
def test_resolve_outlet(text, name):
    assert resolve_outlet(text) == name


@pytest.mark.parametrize("text", ["Ministry of Health", "Our reporters", "Wikipedia contributors", "x"])
def test_unknown_outlet_is_none(text):
    assert resolve_outlet(text) is None


def test_outlet_for_domain():
    assert outlet_for_domain("https://edition.cnn.com/2021/01/01/world/x.html") == "CNN"
    assert outlet_for_domain("https://example.org/a") is None


@pytest.mark.parametrize("text, lang", [
    ("The minister said on Tuesday that the army would leave the city within a week.", "en"),
    ("Der Minister sagte am Dienstag, dass die Armee die Stadt verlassen werde.", "de"),
    ("Le ministre a déclaré mardi que l'armée quitterait la ville dans une semaine.", "fr"),
    ("El ministro dijo el martes que el ejército dejaría la ciudad en una semana.", "es"),
    ("部长周二表示，军队将在一周内离开这座城市。", "zh"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_rejoin_capitalized_link_fragment():
    dump = ("Officials met on Monday with the delegation sent by\n\nMaria Lopez\n\n, who chairs the committee.\n\n"
            "Next paragraph starts here.")
    texts = [ln.text for ln in rejoin_fragments(split_lines(dump))]
    assert texts[0] == "Officials met on Monday with the delegation sent by Maria Lopez, who chairs the committee."
    assert texts[1] == "Next paragraph starts here."


def test_menu_items_are_not_joined():
    dump = "Home\nnews\nsport\nweather"
    assert len(rejoin_fragments(split_lines(dump))) == 4
