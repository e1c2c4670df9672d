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


# ---------------------------------------------------------------- page-level line features

TEASER_PAGE = """Home
World
Business

Port strike enters its third week as talks stall

Dock workers in the northern harbour extended their walkout on Friday after negotiators failed to agree on a new wage deal.

The union said it would not return to the table until the operator withdrew its plan to cut night shifts.

Shipping companies have begun diverting vessels to smaller ports further along the coast, adding days to deliveries.

More from World

Farmers block motorway over diesel prices
By Anna Berg
Tractors lined the road for twelve kilometres on Thursday as farmers protested against the end of a fuel rebate.
Museum returns looted bronzes to their owners
By Tom Reyes
The collection of forty pieces will go on show in the capital next spring after a ceremony at the embassy.
Storm cuts power to thousands on the islands
By Lea Martin
Crews expect to restore most connections by Sunday evening, the grid operator said in a statement.
Farmers block motorway over diesel prices
"""


def test_page_features_mark_teaser_lists_and_repeats():
    from newsgraph.clean.lines import features, occurrences, periodicity, prefix_repeats, shape_signature, split_lines

    lines = split_lines(TEASER_PAGE)
    texts = [ln.text for ln in lines]
    own = features(lines, "en")[:, :27]
    per3 = periodicity(shape_signature(own), 3)
    body = texts.index("The union said it would not return to the table until the operator withdrew its plan to cut night shifts.")
    teaser = texts.index("By Tom Reyes")
    assert per3[teaser] > per3[body]
    first, later = occurrences(lines)
    headline = texts.index("Farmers block motorway over diesel prices")
    assert first[headline] == 1.0 and later[-1] == 1.0 and later[body] == 0.0
    words = [ln.text.lower().split() for ln in lines]
    assert prefix_repeats(words)[headline] > 0 and prefix_repeats(words)[body] == 0


def test_common_words_need_no_stopword_list():
    from newsgraph.clean.lines import common_word_share

    sentences = ["der Rat sagte, dass der Plan zu spät sei und die Stadt warten müsse",
                 "die Bürgermeisterin sagte, dass die Abstimmung knapp sei und der Rat zögere",
                 "die Kämmerei sagte, dass der Haushalt eng sei und die Schulen sparen müssten",
                 "Anmelden", "Newsletter Abo", "Impressum Datenschutz Kontakt",
                 "Wetter Verkehr Polizeibericht Sport Kultur Wirtschaft Gesundheit Reisen Auto Immobilien"]
    share = common_word_share([s.lower().replace(",", "").split() for s in sentences])
    assert min(share[:3]) > 0.3 and max(share[3:]) == 0.0


def test_best_run_follows_the_scored_stretch():
    import numpy as np

    from newsgraph.clean.classify import best_run_features

    probs = [0.1, 0.9, 0.1, 0.1, 0.8, 0.9, 0.95, 0.85, 0.2, 0.1]
    feats = np.zeros((10, 2))
    feats[:, 1] = np.log1p([2, 3, 2, 3, 30, 28, 35, 25, 4, 2])      # a short liked line, then the body
    out = best_run_features(probs, feats)
    assert out[:, 0].tolist() == [0, 0, 0, 0, 1, 1, 1, 1, 0, 0]
    assert out[1, 1] < 0 < out[9, 1]
