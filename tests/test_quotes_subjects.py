"""Which noun phrase of a reporting clause speaks: the subject nearest the verb, the last of two
names joined by a bare comma, the name behind a title or a role, a dateline never, and speech
verbs of manner. Sentences written for these tests."""
from __future__ import annotations

from newsgraph.nlp import get_nlp
from newsgraph.quotes import extract_quotes
from newsgraph.records import Article


def run(text: str):
    article = Article(id="t1", source="test", text=text, published="2023-03-01")
    return extract_quotes(article, get_nlp()(text), [])[0]


def speaker_of(text: str, words: str):
    found = [q for q in run(text) if words in q.text]
    assert found, f"no quote with {words!r}"
    return found[0].speaker.name if found[0].speaker else None


def test_inserted_frame_speaks_not_the_content_subject():
    text = ("But the mayor was less blunt about the unions. Teachers, Whitfield suggested, "
            "don’t have to worry that the city will cut their pensions.")
    assert speaker_of(text, "have to worry") == "Whitfield"


def test_inserted_frame_with_a_plural_content_subject():
    text = ("Still, she was calmer about the budget. Retirees, Hargrove insisted, do not need "
            "to fear that the state will raid their savings.")
    assert speaker_of(text, "need to fear") == "Hargrove"


def test_participial_opening_place_is_not_the_speaker():
    text = ("Speaking at a rally in Dayton, Ohio, Vasquez went after the governor, "
            "calling him “a coward on taxes.”")
    assert speaker_of(text, "coward on taxes") == "Vasquez"


def test_trailing_frame_after_a_name_in_the_content():
    text = ("Her support has moved from Lindqvist to Okonjo to, lately, Petrakis, "
            "Hollander said during a radio interview on Tuesday.")
    assert "Hollander" in (speaker_of(text, "support has moved") or "")


def test_inverted_frame_with_two_roles_and_a_name():
    text = ("The company had paid the fines twice before the ruling, said attorney and "
            "former prosecutor Miriam Castellanos, the firm's outside counsel.")
    assert "Castellanos" in (speaker_of(text, "paid the fines") or "")


def test_inverted_frame_with_organisation_and_role_before_the_name():
    text = "\"Count every vote,\" tweeted Whitfield spokeswoman Dana Pruitt. \"Then we talk.\""
    spoken = speaker_of(text, "Count every vote")
    assert spoken is not None and "Pruitt" in spoken and "tweeted" not in spoken


def test_dateline_is_not_the_speaker():
    text = ("BOSTON -- Governor Maura Pellegrini, opening the new transit hub on Friday, "
            "said the line would carry forty thousand riders a day.")
    spoken = speaker_of(text, "forty thousand riders")
    assert spoken is not None and "Pellegrini" in spoken


def test_a_list_of_names_is_kept_whole():
    text = "Petrov, Adeyemi and Kowalczyk said the merger would cut prices for consumers."
    spoken = speaker_of(text, "merger would cut")
    assert spoken is not None and "Petrov" in spoken


def test_manner_verbs_of_speech_frame_a_quote():
    text = ("The councilman leaned back in his chair. “We have heard this promise before,” "
            "Delgado scoffed as the vote was called.")
    assert speaker_of(text, "heard this promise") == "Delgado"


def test_floating_quantifier_is_not_the_speaker():
    text = ("Veteran union organisers — whose movement was once famous for its discipline — "
            "both suggested the negotiator be replaced and defended the strike.")
    spoken = speaker_of(text, "negotiator be replaced")
    assert spoken is not None and "organisers" in spoken


def test_possessor_with_a_curly_apostrophe_stays_in_the_speaker():
    text = "Reyes’ aides say their campaign has no wish to fight online."
    spoken = speaker_of(text, "no wish to fight")
    assert spoken is not None and "Reyes" in spoken


def test_a_described_party_member_is_not_the_party():
    from newsgraph.entities import extract_entities
    text = ("In an interview on Thursday, the Ohio Democrat criticized the governor's budget "
            "and said the schools needed more money.")
    article = Article(id="t1", source="test", text=text, published="2023-03-01")
    doc = get_nlp()(text)
    quotes = extract_quotes(article, doc, extract_entities(article, doc))[0]
    spoken = next(q.speaker.name for q in quotes if "more money" in q.text and q.speaker)
    assert spoken is not None and "Ohio Democrat" in spoken
