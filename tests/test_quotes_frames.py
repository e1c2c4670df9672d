"""Reporting frames of the quotes stage: paragraph-bounded content, "according to" at either end
of a sentence, names framing a quote after it, verbs the lexicon does not list, and the words
that look like cues but are not (naming, requests for comment, circumstances, adjectives).
Sentences written for these tests."""
from __future__ import annotations

from newsgraph.nlp import get_nlp
from newsgraph.quotes import extract_quotes
from newsgraph.quotes.coref import PersonIndex
from newsgraph.quotes.cues import is_reporting_verb
from newsgraph.records import Article, Entity, Mention


def run(text: str, entities=()):
    article = Article(id="t2", source="test", text=text, published="2023-03-01")
    return extract_quotes(article, get_nlp()(text), list(entities))[0]


def with_words(quotes, words):
    return [q for q in quotes if words in q.text]


def find(quotes, words):
    found = with_words(quotes, words)
    assert found, f"no quote with {words!r} in {[q.text for q in quotes]}"
    return found[0]


def name(quote):
    return quote.speaker.name if quote.speaker else None


# --- content ---------------------------------------------------------------------------------
def test_content_stays_in_the_cues_paragraph():
    text = ("“We are not going anywhere,” the striker said.\n\n"
            "Mayor Okonkwo said if the talks fail the city would hire temporary drivers.")
    quote = find(run(text), "temporary drivers")
    assert "going anywhere" not in quote.text and "talks fail" in quote.text


def test_according_to_closing_a_sentence_takes_all_of_it():
    text = ("The reservoir fell to a third of its capacity, and two towns began rationing water, "
            "according to the regional water board.")
    quote = find(run(text), "rationing water")
    assert quote.text.startswith("The reservoir fell") and quote.cue == "according to"
    assert "water board" in name(quote)


def test_according_to_opening_a_sentence_takes_the_rest():
    text = "According to the county clerk, turnout doubled and the count will take another week."
    quote = find(run(text), "turnout doubled")
    assert quote.text.endswith("another week") and "clerk" in name(quote)


def test_parenthetical_cue_hung_on_a_noun():
    text = "The trouble now, she told me on Friday, is that nobody answers the phone at the ministry."
    assert with_words(run(text), "nobody answers the phone")


def test_report_inside_content_without_content_of_its_own_is_kept():
    text = ("Tomas Vidal, a nurse, said the strike was the \"last chance\" to call attention "
            "to unpaid overtime.")
    assert "unpaid overtime" in find(run(text), "last chance").text


def test_subject_the_parser_hung_on_the_verb():
    text = "Priya Raman said the days when one newspaper set the agenda for the whole town are gone."
    quote = find(run(text), "are gone")
    assert quote.text.startswith("the days when")


# --- speakers of direct quotes ------------------------------------------------------------------
def test_name_opening_the_frame_after_the_quote_speaks():
    text = ("“The bridge will not open before winter,” Helen Markovic, a county engineer, "
            "said Monday on Channel Four News.")
    assert "Markovic" in name(find(run(text), "bridge will not open"))


def test_tells_names_the_listener_after_it_not_the_speaker():
    text = "“We will appeal the ruling,” Rafael Ortiz tells Harbor Radio in an interview."
    assert "Ortiz" in name(find(run(text), "appeal the ruling"))


def test_any_verb_framing_an_open_quote_is_its_cue():
    text = ("“The budget is balanced,” Mayor Diane Holt said.\n\n"
            "“Then why did fares go up?” Councilman Peter Aldana interjected.")
    quote = find(run(text), "fares go up")
    assert "Aldana" in name(quote) and quote.cue == "interjected"


def test_short_quoted_words_inside_a_sentence_are_not_a_quote():
    text = "The governor called the new toll plan “a disaster.” Drivers agreed."
    assert not [q for q in run(text) if q.text.strip(".") == "a disaster"]


def test_capitalised_label_the_tagger_misses_speaks_its_paragraph():
    text = ("Hosts debated the tax on the evening show.\n\n"
            "Lopez: Well, nobody thinks of a pension fund as speculation at all.")
    quote = find(run(text), "pension fund")
    assert name(quote) == "Lopez" and quote.cue == ":"


# --- not cues ------------------------------------------------------------------------------------
def test_naming_participle_is_not_a_cue():
    text = "A new group called Parents For Safer Streets raised money for crossing guards."
    assert not run(text)


def test_no_reply_to_a_request_for_comment_is_not_a_quote():
    text = "The company did not respond to a request for comment on the layoffs."
    assert not run(text)


def test_speaking_on_condition_of_anonymity_is_not_what_was_said():
    text = "An aide, who spoke on the condition of anonymity, left the building early."
    assert not with_words(run(text), "condition of anonymity")


def test_participle_adjective_is_not_a_cue():
    doc = get_nlp()("She leads in pledged delegates.")
    assert not any(is_reporting_verb(t) for t in doc if t.lower_ == "pledged")


# --- persons ------------------------------------------------------------------------------------
def test_titled_entity_typed_as_a_place_is_still_a_person():
    text = "Mr. Delacroix met the board on Monday. He said the merger would close in May."
    doc = get_nlp()(text)
    start = text.index("Delacroix")
    place = Entity(id="e1", name="Delacroix", type="GPE",
                   mentions=[Mention(article_id="t2", start=start, end=start + len("Delacroix"),
                                     text="Delacroix", kind="name")])
    index = PersonIndex(doc, [place], [False] * len(doc), is_reporting_verb)
    he = next(t for t in doc if t.text == "He")
    assert index.resolve(he) is not None and index.resolve(he).name == "Delacroix"


def test_she_prefers_a_known_woman_to_a_person_of_unknown_gender():
    text = ("Council spending rose again, said Kowalczyk. The debate went on with Hillary Brennan "
            "pressing for cuts.\n\n“We cannot keep borrowing,” she said.")
    assert "Brennan" in name(find(run(text), "keep borrowing"))


# --- more frames ---------------------------------------------------------------------------------
def test_asked_someone_to_do_something_is_reported():
    text = "The mayor asked the transit agency to restore night buses before the winter."
    quote = find(run(text), "restore night buses")
    assert "mayor" in name(quote)


def test_asked_someone_if_is_reported():
    text = "Councillor Amara Diallo asked the minister if the hospital would stay open."
    quote = find(run(text), "hospital would stay open")
    assert "Diallo" in name(quote)


def test_speech_noun_with_a_possessor():
    text = ("Senator Ilse Brandt repeated her warning that the dam could fail in a flood. "
            "On Friday, Brandt's claim that the levees were too low was tested.")
    quotes = run(text)
    assert "Brandt" in name(find(quotes, "dam could fail"))
    assert "Brandt" in name(find(quotes, "levees were too low"))


def test_headline_with_a_title_cased_reporting_verb():
    text = ("Governor Alvarez Warns Budget Cuts Will Close Rural Clinics.\n\n"
            "The governor spoke in Santa Fe on Monday.")
    quote = find(run(text), "Budget Cuts Will Close")
    assert "Alvarez" in name(quote) and quote.cue == "Warns"


def test_object_after_the_verb_beats_a_clause_before_it():
    text = "For that she earned the mayor's anger - he called her plan \"reckless\" in a speech."
    quotes = run(text)
    assert with_words(quotes, "reckless") and not with_words(quotes, "earned the mayor")


def test_clause_in_the_previous_paragraph_is_not_what_the_verb_reports():
    text = ("“It felt like a family reunion out there.”\n"
            "Ruiz described the volunteers as tired but proud of the turnout.")
    quotes = run(text)
    assert "Ruiz" in name(find(quotes, "volunteers as tired"))
    assert not [q for q in quotes if "family reunion" in q.text and q.cue == "described"]


def test_according_to_after_a_quoted_statement_is_a_relay_not_the_speaker():
    text = ("Lena Petrova, a union organiser, wrote on Facebook: \"The strike starts at dawn,\" "
            "according to Reuters.")
    quote = find(run(text), "strike starts at dawn")
    assert "Petrova" in name(quote)


def test_frame_holding_quoted_words_still_names_the_speaker():
    text = ("“We have had better weeks than this one,” Ohio delegate Mark Tellis, wearing a "
            "“Vote Early” badge, said as the hall emptied.")
    assert "Tellis" in name(find(run(text), "better weeks"))


def test_remarks_made_about_something_are_reported_by_the_maker():
    text = "Councillor Ines Moreau made several pointed remarks about the stadium budget on Monday."
    quote = find(run(text), "stadium budget")
    assert "Moreau" in name(quote) and quote.cue == "remarks"


def test_describing_someone_as_something_keeps_the_as_phrase():
    text = "Coach Dana Whitfield described the referees as careless and poorly trained."
    assert "careless" in find(run(text), "referees").text


def test_rejecting_a_claim_is_a_report():
    text = "The ministry rejected claims that the vaccine supply had run out in the north."
    assert "ministry" in name(find(run(text), "vaccine supply"))


def test_a_single_name_can_be_what_was_praised():
    text = "At the rally on Saturday, the union president praised Okafor."
    assert "union president" in name(find(run(text), "Okafor"))


def test_a_single_common_word_is_not_a_report():
    text = "The minister criticized everything."
    assert not run(text)


def test_a_capitalised_link_label_is_not_a_report():
    from newsgraph.nlp import get_nlp
    from newsgraph.records import Article
    from newsgraph.entities import extract_entities
    from newsgraph.quotes import extract_quotes
    text = ("The army said it had arrested the judge on Tuesday.\n\n"
            "READ Flooding in the river valley forces 3,000 from their homes\n\n"
            "The envoy demanded her release.")
    doc = get_nlp()(text)
    art = Article(id="lbl", source="lbl", text=text, published="2024-03-13")
    quotes, _ = extract_quotes(art, doc, extract_entities(art, doc))
    assert not any("river valley" in q.text for q in quotes)
    assert any(q.text.startswith("it had arrested") for q in quotes)
