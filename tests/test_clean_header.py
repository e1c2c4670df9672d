"""Headline and publication date of page dumps (clean/header.py, clean/dates.py) on invented
pages: a section label over the headline, a byline and date under it, a byline run onto
the headline, update stamps, publication statements, slashed and glued dates."""
import pytest

from newsgraph.clean import clean
from newsgraph.clean.dates import parse_datetime, slash_order
from newsgraph.records import RawDoc

BODY = """Workers at the northern container terminal walked out on Monday after talks over night-shift pay broke down, union officials said.

The terminal handles about a third of the region's exports, and shipping agents warned that vessels could be diverted to other ports within days.

"We have asked for the same rate that the southern terminal agreed last year, nothing more," said the union's regional secretary at a press conference.

The port authority said it remained open to talks and that essential cargo, including medicine and fuel, would still be unloaded during the strike."""

MENU = "Home\nNews\nBusiness\nSport\nWeather\nContact\n\n"


def header_of(page: str):
    return clean(RawDoc(source="t", kind="raw_text", content=page), "h1")


def test_section_label_over_headline_is_not_the_title():
    page = (MENU + "Economy & Trade\n\nDock workers strike over night-shift pay at northern terminal\n\n"
            "By Lena Okafor\n\n14 March 2023 09:12\n\n" + BODY + "\n\nShare this article\nFacebook\nTwitter\n")
    art = header_of(page)
    assert art.title == "Dock workers strike over night-shift pay at northern terminal"
    assert art.published.startswith("2023-03-14T09:12")


def test_byline_and_date_run_onto_the_headline_are_cut_off():
    page = (MENU + "Dock workers strike over night-shift pay at northern terminal by Lena Okafor on March 14, 2023\n\n"
            + BODY + "\n\nRelated\nMore news\n")
    art = header_of(page)
    assert art.title == "Dock workers strike over night-shift pay at northern terminal"
    assert art.published == "2023-03-14"


def test_published_stamp_wins_over_updated_stamp():
    page = (MENU + "Dock workers strike over night-shift pay at northern terminal\n\n"
            "Updated: 16.03.2023 18:40\n\nPublished: 14.03.2023 09:12\n\n" + BODY + "\n")
    assert header_of(page).published.startswith("2023-03-14")


def test_publication_statement_after_the_body():
    page = (MENU + "Dock workers strike over night-shift pay at northern terminal\n\n" + BODY
            + "\n\nThis entry was published on 14 March 2023 by Lena Okafor in Business.\n\nLeave a comment\n")
    assert header_of(page).published == "2023-03-14"


@pytest.mark.parametrize("text, iso", [
    ("Veröffentlicht am 9. März 20239. März 2023", "2023-03-09"),          # published and updated glued
    ("April 2, 2021April 3, 2021 admin", "2021-04-02"),
    ("Lena Okafor | 14.03.23", "2023-03-14"),                              # two-digit year
    ("posted 3 Feb ’22 in Business", "2022-02-03"),
    ("publicado el 7 de junio del 2022", "2022-06-07"),
    ("Aktualisiert am15.03.2023", "2023-03-15"),
    ("gast_user17.02.2314:05", "2023-02-17"),                              # two-digit year glued to the hour
    ("Erstellt am 17.02.2023: neue Regeln", "2023-02-17"),
    ("12 de abril de 202318:40", "2023-04-12"),                  # year glued to the time
    ("Tomasz Wrona12. April 2023", "2023-04-12"),                          # name glued to the day
    ("04.27.2023 09:30 AM", "2023-04-27T09:30:00"),                       # dotted, month first
    ("3 марта 2021, 10:15", "2021-03-03T10:15:00"),
    ("14 února 2022", "2022-02-14"),
    ("5 augusti 2020", "2020-08-05"),
    ("Autorin: Lena Okafor, Datum: 07.Okt.21", "2021-10-07"),          # day, month name, year joined by dots
    ("14.Sep.2022 18:30", "2022-09-14T18:30:00"),
])
def test_more_date_shapes(text, iso):
    assert parse_datetime(text) == iso


def test_slashed_date_follows_the_page_order():
    assert parse_datetime("Posted 03/05/2022") is None
    assert parse_datetime("Posted 03/05/2022", day_first=True) == "2022-05-03"
    assert parse_datetime("Posted 03/05/2022", day_first=False) == "2022-03-05"
    assert slash_order(["Comment 21/04/2020", "Reply 22/04/2020"]) is True
    assert slash_order(["Comment 04/21/2020"]) is False
    assert slash_order(["03/05/2022"]) is None


@pytest.mark.parametrize("text", ["Version 1.2.3", "10.10.10.10", "Call 555-0134 now"])
def test_still_no_date(text):
    assert parse_datetime(text) is None


def test_site_tagline_over_the_headline_is_not_the_title_when_the_deck_follows_the_date():
    page = ("Harbour Gazette\n\nNews from the coast, every morning\n\n"
            "Dock workers strike over night-shift pay at northern terminal\n\n"
            "Published: Mar 14, 2023, 09:12 AM (GMT)\n\n"
            "The walkout at the busiest terminal of the region could divert ships to other ports within days\n\n"
            + BODY)
    art = header_of(page)
    assert art.title == "Dock workers strike over night-shift pay at northern terminal"
    assert art.published.startswith("2023-03-14T09:12")


def test_headline_over_its_deck_over_the_date_keeps_the_deck():
    page = ("Dock workers strike over night-shift pay at northern terminal\n\n"
            "The walkout at the busiest terminal of the region could divert ships to other ports within days\n\n"
            "Published: Mar 14, 2023, 09:12 AM (GMT)\n\n" + BODY)
    art = header_of(page)
    assert art.title == "Dock workers strike over night-shift pay at northern terminal"
    assert art.subtitle.startswith("The walkout at the busiest terminal")


HEADLINE = "Dock workers strike over night-shift pay at northern terminal\n\n"


@pytest.mark.parametrize("meta, authors", [
    ("Lena Okafor | 14.03.2023", ["Lena Okafor"]),                                   # name beside the date
    ("14.03.2023 um 09:12 Uhr - Lena Okafor - 12 Kommentare", ["Lena Okafor"]),
    ("Lena Okafor, 14. März 2023", ["Lena Okafor"]),
    ("Lena Okafor\n\n14 March 2023", ["Lena Okafor"]),                                # a name alone under the headline
    ("Lena Okafor, Tomasz Wierzbicki & Maria Santos\n\n14 March 2023",
     ["Lena Okafor", "Tomasz Wierzbicki", "Maria Santos"]),
    ("By Lena OkaforStaff Writer\n\n14 March 2023", ["Lena Okafor"]),                 # role glued onto the name
    ("By :\nLena Okafor\n\n14 March 2023", ["Lena Okafor"]),                          # cue and name on two lines
    ("Posted by Lena Okafor and Tomasz Wierzbicki on March 14, 2023", ["Lena Okafor", "Tomasz Wierzbicki"]),
    ("Von Lena Okafor Twitter Account von Lena Okafor\n\n14.03.2023", ["Lena Okafor"]),
])
def test_authors_from_bylines_datelines_and_name_lines(meta, authors):
    assert header_of(MENU + HEADLINE + meta + "\n\n" + BODY).authors == authors


@pytest.mark.parametrize("meta", [
    "Provence Travel Guide\n\n14 March 2023",            # capitalized words, no given name
    "Diskussion\n\n14 March 2023",                       # a cue ("di") inside a word
    "Leasing von Firmenwagen\n\n14 March 2023",           # "von" mid-phrase, one word after it
    "Gothamist is funded by sponsors\n\n14 March 2023",   # "by" inside a sentence
])
def test_no_author_guessed(meta):
    assert header_of(MENU + HEADLINE + meta + "\n\n" + BODY).authors == []


def test_kicker_glued_to_the_headline_goes_when_the_page_prints_the_headline_alone():
    page = ("Harbour Gazette\n\nHome / Business / Dock workers strike over night-shift pay at northern terminal\n\n"
            "Arbeitskampf Dock workers strike over night-shift pay at northern terminal\n\n"
            "By Lena Okafor\n\n14 March 2023\n\n" + BODY + "\n\nShare this article\n")
    assert header_of(page).title == "Dock workers strike over night-shift pay at northern terminal"


def test_kicker_set_off_by_a_colon_stays_in_the_headline():
    page = ("Harbour Gazette\n\nHome / Business / Dock workers strike over night-shift pay\n\n"
            "Port dispute: Dock workers strike over night-shift pay\n\n"
            "By Lena Okafor\n\n14 March 2023\n\n" + BODY + "\n\nShare this article\n")
    assert header_of(page).title == "Port dispute: Dock workers strike over night-shift pay"


def test_weekday_before_the_date_is_cut_off_with_it_and_soft_hyphens_go():
    page = (MENU + "Hafen\u00adarbeiter streiken um höhere Nachtzuschläge im Nordterminal DONNERSTAG, 16.03.2023\n\n"
            + BODY + "\n\nRelated\nMore news\n")
    art = header_of(page)
    assert art.title == "Hafenarbeiter streiken um höhere Nachtzuschläge im Nordterminal"
    assert art.published == "2023-03-16"


def test_dateline_without_a_year_is_not_the_title_and_gives_no_date():
    page = (MENU + "Dock workers strike over night-shift pay at northern terminal\n\n"
            "ROTTERDAM, October 12 (AFP) -\n\n" + BODY + "\n\nShare this article\n")
    art = header_of(page)
    assert art.title == "Dock workers strike over night-shift pay at northern terminal"
    assert art.published is None


def test_lede_opening_with_its_dateline_stays_in_the_body_and_dates_the_page():
    page = (MENU + "Dock workers strike over night-shift pay at northern terminal\n\n"
            "ROTTERDAM, Oct 12, 2022 (Reuters) — " + BODY + "\n\nShare this article\n")
    art = header_of(page)
    assert art.published == "2022-10-12"
    assert art.text.startswith("ROTTERDAM, Oct 12, 2022 (Reuters) — Workers at the northern")


def test_date_opening_a_paragraph_under_the_byline():
    page = (MENU + "Dock workers strike over night-shift pay at northern terminal\n\n"
            "Union leaders say the stoppage could last until the end of the month if no offer comes, "
            "and shipping agents are already rerouting vessels.\n\nVon Lena Okafor\n\n"
            "14.3.2023 - " + BODY + "\n\nShare this article\n")
    assert header_of(page).published == "2023-03-14"


def test_byline_name_and_credit_lines_under_the_headline_are_not_the_title():
    for credit in ("Mark Jensen", "Interview: Mark Jensen"):
        page = (MENU + "Dock workers strike over night-shift pay\n\n" + credit + "\n\n14 March 2023\n\n"
                + BODY + "\n\nShare this article\n")
        assert header_of(page).title == "Dock workers strike over night-shift pay", credit


def test_headline_that_opens_with_a_byline_word_is_still_a_headline():
    page = (MENU + "Von der Leyen will Hafenarbeiter im Streit um Nachtzuschläge anhören\n\n"
            "14.03.2023\n\n" + BODY + "\n\nShare this article\n")
    assert header_of(page).title == "Von der Leyen will Hafenarbeiter im Streit um Nachtzuschläge anhören"


def test_date_printed_before_the_headline_is_cut_off():
    page = (MENU + "Mar 14 Dock workers strike over night-shift pay at northern terminal\n\n"
            + BODY + "\n\nShare this article\n")
    assert header_of(page).title == "Dock workers strike over night-shift pay at northern terminal"


def test_dateline_over_the_headline_beats_a_fact_box_date_further_down():
    page = (MENU + "Saturday, 9 September 2017\n\nDock workers strike over night-shift pay\n\n"
            "Port: Rotterdam\nOperator: Northern Terminal Ltd\nFounded: 1998\nLast strike: 14.08.2015\n\n"
            + BODY + "\n\nShare this article\n")
    assert header_of(page).published == "2017-09-09"


def test_publication_statement_under_the_share_buttons():
    share = "".join(f"{w}\n" for w in ("Drucken", "E-Mail", "Twitter", "WhatsApp", "Facebook", "LinkedIn", "Reddit", "Ähnliche Beiträge", "Navigation"))
    page = (MENU + "Dock workers strike over night-shift pay\n\n" + BODY + "\n\n" + share +
            "\nDieser Beitrag wurde am 04.02.2020 von kj in Hafen, Arbeit veröffentlicht.\n")
    assert header_of(page).published == "2020-02-04"


def test_update_stamp_is_the_date_when_the_page_prints_no_other():
    page = (MENU + "Dock workers strike over night-shift pay\n\n" + BODY +
            "\n\nShare this article\nFacebook\nTwitter\nMore from the port\nContact\nPrivacy\n"
            "Legal notice\nJobs\nAdvertise\nArchive\nNewsletter\nPodcasts\n\nLetzte Aktualisierung: 28.01.2022\n")
    assert header_of(page).published == "2022-01-28"


def test_headline_with_von_and_a_name_in_it_is_not_a_byline():
    page = (MENU + "Auf den Spuren von Karl May\n\n14.03.2023\n\n"
            + BODY + "\n\nShare this article\n")
    assert header_of(page).title == "Auf den Spuren von Karl May"


def test_author_name_run_onto_the_headline_before_the_date_without_a_cue():
    page = (MENU + "Hafenarbeiter streiken um höhere Nachtzuschläge Maria Keller am 16. März 2023 um 11:20\n\n"
            + BODY + "\n\nRelated\nMore news\n")
    art = header_of(page)
    assert art.title == "Hafenarbeiter streiken um höhere Nachtzuschläge"
    assert art.published.startswith("2023-03-16")
    assert art.authors == ["Maria Keller"]


@pytest.mark.parametrize("headline", [
    "Von Nachtschichten, Zuschlägen und «ganz normaler Arbeit»",       # guillemets quote, not a breadcrumb
    "Neue Kräne von Liebherr",                                         # a maker's name, not a byline
])
def test_headlines_that_look_like_crumbs_or_bylines(headline):
    page = MENU + headline + "\n\n14.03.2023\n\n" + BODY + "\n\nShare this article\n"
    assert header_of(page).title == headline


@pytest.mark.parametrize("stamp", ["vor 11 Minuten", "2 hours ago", "Updated 3 days ago"])
def test_relative_time_under_the_headline_gives_no_date(stamp):
    page = (MENU + "Dock workers strike over night-shift pay at northern terminal\n\n" + stamp + "\n\n"
            + BODY + "\n\nMore news\nPort traffic slows on 12.01.2021\n")
    art = header_of(page)
    assert art.title == "Dock workers strike over night-shift pay at northern terminal"
    assert art.published is None


def test_a_deck_without_a_full_stop_is_the_subtitle_even_where_the_body_seems_to_start():
    deck = ("Port operators, facing their third stoppage this year, offered a one-off bonus and asked "
            "the labour ministry to mediate between the two sides")
    page = (MENU + "Dock workers strike over night-shift pay at northern terminal\n\n14 March 2023\n\n"
            + deck + "\n\n" + BODY + "\n\nShare this article\n")
    art = header_of(page)
    assert art.subtitle == deck
    assert deck not in art.text
    assert art.text.startswith("Workers at the northern container terminal")


def test_headline_that_names_what_the_lede_tells_wins_over_a_promo_line():
    page = (MENU + "Winter sale: two months for the price of one\n\n"
            "Dock workers strike over night-shift pay\n\n"
            "Support local journalism with a subscription\n\n" + BODY + "\n\nShare this article\n")
    assert header_of(page).title == "Dock workers strike over night-shift pay"


def test_question_headline_the_classifier_reads_as_body_is_still_the_headline():
    page = (MENU + "Will the dock strike close the northern terminal?\n\n"
            "14.03.2023 - Lena Okafor\n\n" + BODY + "\n\nShare this article\n")
    assert header_of(page).title == "Will the dock strike close the northern terminal?"


def test_two_stamps_glued_under_a_short_headline_are_not_the_title():
    page = (MENU + "»Nachtschicht«\n\n14. März 202316. März 2023 | Lena Okafor\n\n" + BODY + "\n\nShare this article\n")
    art = header_of(page)
    assert art.title == "»Nachtschicht«"
    assert art.published == "2023-03-14"


def test_breadcrumb_step_and_headline_printed_twice_on_one_line_give_the_headline():
    page = (MENU + "Start Wirtschaft Hafen Dock workers strike over night-shift pay Dock workers strike over night-shift pay "
            "von Lena Okafor\n\n14.03.2023\n\n" + BODY)
    assert header_of(page).title == "Dock workers strike over night-shift pay"


def test_a_teaser_over_a_headline_with_a_relative_stamp_is_not_the_title():
    teaser = "Ferry timetable changes for the summer season on the island routes"
    headline = "Dock workers strike over night-shift pay at northern terminal"
    page = (MENU + "Weitere Nachrichten\n\n" + teaser + "\n\n" + headline + " vor 3 Stunden in Wirtschaft, keine Kommentare\n\n"
            "Drucken | Teilen\n\n" + BODY + "\n\n" + headline + "\n\nMehr zum Thema\n\n" + teaser + "\n")
    art = header_of(page)
    assert art.title == headline
    assert art.published is None          # "vor 3 Stunden": unknown without the crawl date


def runner_up_stamp(stamp_line: str):
    from newsgraph.clean.dump import score_dump
    from newsgraph.clean.header import Header, body_anchors, body_start, runner_up_date
    doc = score_dump(MENU + "Weekend offer: two months of the paper for free\n\n"
                     "Dock workers strike over night-shift pay at northern terminal\n\n" + stamp_line + BODY)
    texts = [ln.text for ln in doc.lines]
    promo, headline = texts.index("Weekend offer: two months of the paper for free"), texts.index(
        "Dock workers strike over night-shift pay at northern terminal")
    scored = {promo: (3.0, texts[promo]), headline: (2.0, texts[headline])}
    return runner_up_date(doc, Header(), scored, promo, body_anchors(doc, body_start(doc)), None)


def test_the_dateline_under_the_next_best_headline_candidate_dates_the_page():
    assert runner_up_stamp("14 March 2023, 09:12\n\n").startswith("2023-03-14T09:12")
    assert runner_up_stamp("") is None


@pytest.mark.parametrize("text, iso", [
    ("30/10/23 | Gesundheit", "2023-10-30"),                      # slashed, two-digit year, day first (30 > 12)
    ("Posted 10/30/23", "2023-10-30"),
    ("Hora de publicación 17 de marzo 2021, 12:00 A. M.", "2021-03-17T00:00:00"),
])
def test_two_digit_slashed_years_and_spanish_stamps(text, iso):
    assert parse_datetime(text) == iso


def test_two_digit_slashed_year_follows_the_page_order():
    assert parse_datetime("03/05/23") is None
    assert parse_datetime("03/05/23", day_first=True) == "2023-05-03"
    assert parse_datetime("Seite 1/2/3") is None


def test_spanish_publication_cue_dates_a_long_byline_line():
    page = (MENU + "Dock workers strike over night-shift pay at northern terminal\n\n"
            "Redacción Puerto Norte Hora de publicación: Puerto Norte, 17 de marzo 2021, 09:30\n\n" + BODY)
    assert header_of(page).published.startswith("2021-03-17")


def test_one_word_headline_right_over_the_body():
    page = MENU + "Impressum\n\nHafenfest\n\n" + BODY
    assert header_of(page).title == "Hafenfest"


def test_an_all_capitals_label_right_over_the_body_is_not_the_title():
    page = MENU + "Dock workers strike over night-shift pay at northern terminal\n\nUPDATE\n\n" + BODY
    assert header_of(page).title == "Dock workers strike over night-shift pay at northern terminal"


def test_the_site_name_signed_in_the_copyright_line_is_the_outlet():
    page = ("Skip to content\nThe Harbour Times\nWorld\nBusiness\n\n"
            "Dock workers strike over night-shift pay at northern terminal\n\n" + BODY
            + "\n\nRelated Articles\nFerry fares rise again\n\n© 2024 The Harbour Times. All rights reserved.\n")
    assert header_of(page).outlet == "The Harbour Times"


def test_a_copyright_name_the_page_does_not_print_above_the_headline_is_no_outlet():
    page = MENU + "Dock workers strike over night-shift pay at northern terminal\n\n" + BODY + \
        "\n\n© 2024 Coastal Wire Services. All rights reserved.\n"
    assert header_of(page).outlet is None


def test_a_region_word_in_the_menu_is_no_outlet_named_by_a_domain_ending():
    page = "Home\nAfrica\nEurope\n\nDock workers strike over night-shift pay at northern terminal\n\n" + BODY
    assert header_of(page).outlet is None


def _dump_header(lines):
    from newsgraph.clean.dump import score_dump
    from newsgraph.clean.header import read_header
    return read_header(score_dump("\n".join(lines)))


LEDE = ("soldiers sealed the main roads into the capital on Saturday and the state broadcaster went off the air "
        "for several hours, residents and diplomats said.")


def test_a_time_after_the_date_under_the_headline_is_no_headline():
    head = _dump_header(["The Coastal Observer", "Menu", "Search", "Politics",
                         "Coastal state: army seals roads, closes airport", "March 14, 2026 at 9:45 a.m. ET",
                         "Share this article", "PORT ARLEN — Army " + LEDE, "More news", "(c) The Coastal Observer 2026"])
    assert head.title == "Coastal state: army seals roads, closes airport"
    assert head.published == "2026-03-14T09:45:00-04:00"


def test_a_masthead_in_capitals_is_no_headline_and_the_ledes_dateline_beats_the_sites_date_of_today():
    head = _dump_header([
        "Skip to content", "NIGER NEWS DAILY", "Tuesday, 2 June 2026", "Latest | Politics | Security | Sport",
        "Niger junta suspends BBC broadcasts",
        "Niamey, 1 June 2026 (NND) - Niger's military government has suspended broadcasts of the British "
        "Broadcasting Corporation (BBC) for three months, accusing it of spreading false information about an "
        "attack in Tillaberi.",
        "Communication Minister Sidi Mohamed Raliou said the BBC had reported that 60 soldiers were killed, "
        "while the army put the toll at 10.",
        "The BBC said it stood by its reporting.", "Tags: Niger, BBC, media", "Related", "Mali bans French channels"])
    assert head.title == "Niger junta suspends BBC broadcasts"
    assert head.published == "2026-06-01"


def test_the_sites_name_after_a_skip_link_and_a_copyright_line_signed_by_its_group():
    capitals = _dump_header(["Skip to content", "HIGHLAND NEWS DAILY", "Tuesday, 2 June 2026", "Latest | Politics",
                             "Army seals roads into the capital", "Port Arlen, 1 June 2026 (HND) - Army " + LEDE])
    assert capitals.outlet == "Highland News Daily"
    group = _dump_header(["Home", "World", "Africa", "Coast Today", "NEWS", "Army seals roads into the capital",
                          "Updated: 3 June 2026 14:20 WAT", "Share", "Army " + LEDE,
                          "Comments (12)", "(c) 2026 Coast Today Media Group"])
    assert group.outlet == "Coast Today"


def test_a_line_that_mentions_a_copyright_anywhere_is_no_dateline_and_only_a_leading_one_names_an_owner():
    from newsgraph.clean.header import COPYRIGHT_OWNER_RE, COPYRIGHT_RE
    assert COPYRIGHT_RE.search("Published 3 May 2024 © Harbour Media")
    assert not COPYRIGHT_OWNER_RE.match("Published 3 May 2024 © Harbour Media")
    assert COPYRIGHT_OWNER_RE.match("© 2024 Harbour Media. All rights reserved.").group("name") == "Harbour Media"
