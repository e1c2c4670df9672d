"""Speaker resolution and content spans of the quotes stage: pronoun gender and salience,
parentheticals, nested reports, label and signature speakers, prepositional cues. Sentences
written for these tests."""
from __future__ import annotations

from newsgraph.nlp import get_nlp
from newsgraph.quotes import extract_quotes
from newsgraph.quotes.coref import pronoun_gender
from newsgraph.records import Article


def run(text: str):
    article = Article(id="t1", source="test", text=text, published="2023-03-01")
    return extract_quotes(article, get_nlp()(text), [])[0]


def find(quotes, words):
    found = [q for q in quotes if words in q.text]
    assert found, f"no quote with {words!r} in {[q.text for q in quotes]}"
    return found[0]


def name(quote):
    return quote.speaker.name if quote.speaker else None


# --- pronouns ---------------------------------------------------------------------------
def test_pronoun_gender_words():
    assert pronoun_gender("She") == "f" and pronoun_gender("his") == "m" and pronoun_gender("they") is None


def test_she_skips_the_nearer_man():
    text = ("Mayor Linda Kowalski met the fire chief, Robert Haines, on Monday.\n\n"
            "“We will hire forty more firefighters this year,” she said.")
    assert "Kowalski" in name(find(run(text), "forty more firefighters"))


def test_he_skips_the_nearer_woman():
    text = ("Daniel Okafor, the union leader, spoke after Susan Miller left the hall.\n\n"
            "“The strike goes on until the contract is signed,” he said.")
    assert "Okafor" in name(find(run(text), "strike goes on"))


def test_gender_learnt_from_honorific():
    text = ("Mrs. Varga and Mr. Tanaka sat on the panel. Mr. Tanaka spoke first.\n\n"
            "“The audit found no fraud,” she said.")
    assert "Varga" in name(find(run(text), "audit found no fraud"))


def test_reporting_subject_outweighs_a_person_in_the_content():
    text = ("Kevin Brandt said Mark Ellison had lost the vote. "
            "“Nobody expected that result,” he said.")
    assert "Brandt" in name(find(run(text), "Nobody expected"))


# --- content spans ------------------------------------------------------------------------
def test_parenthetical_reporting_clause_takes_the_whole_sentence():
    text = "The new bridge, the engineer said, will open to traffic in early June."
    quote = find(run(text), "will open to traffic")
    assert quote.text.startswith("The new bridge") and not quote.direct


def test_as_clause():
    text = "As the minister noted, the reservoir is already half empty."
    quote = find(run(text), "reservoir is already half empty")
    assert name(quote) == "the minister"


def test_nested_report_is_cut_from_the_content_and_keeps_the_speaker():
    text = ("Governor Ana Ruiz said the budget would be balanced by next year, "
            "calling the deficit a problem her predecessor created.")
    quotes = run(text)
    outer = find(quotes, "budget would be balanced")
    assert "calling" not in outer.text
    nested = [q for q in quotes if "deficit" in q.text and q is not outer]
    assert nested and "Ruiz" in name(nested[0])


def test_statement_saying_is_said_by_who_issued_it():
    text = "The shipping company issued a statement saying the ferry had been inspected in May."
    quote = find(run(text), "ferry had been inspected")
    assert name(quote) == "The shipping company"


def test_unnamed_speaker_keeps_its_modifiers():
    text = "A spokesperson for the Port Authority said the terminal would reopen on Friday."
    assert name(find(run(text), "terminal would reopen")) == "A spokesperson for the Port Authority"


# --- speakers without a verb --------------------------------------------------------------
def test_label_colon_before_a_quote():
    text = "Irene Novak, a housing analyst: “Rents will not fall while supply stays this low.”"
    assert "Novak" in name(find(run(text), "Rents will not fall"))


def test_signature_dash_after_a_quote():
    text = "“The clinic saved my daughter’s life and I will not let it close.” ― Teresa Alvarez\n"
    assert "Alvarez" in name(find(run(text), "clinic saved"))


def test_paragraph_label_speaks_the_rest_of_the_paragraph():
    text = "The panel took questions.\n\nMORALES: We have no plans to raise the fare this year.\n"
    quote = find(run(text), "no plans to raise the fare")
    assert name(quote) and "MORALES" in name(quote).upper()


def test_housekeeping_labels_are_not_speakers():
    quotes = run("Storm closes schools.\n\nUpdate: The district reopened all schools on Thursday morning.\n")
    assert not any(q.cue == ":" for q in quotes)


# --- cues with a preposition ----------------------------------------------------------------
def test_prepositional_cue():
    quotes = run("The senator pointed to the rising cost of insulin for retired workers.")
    assert "rising cost of insulin" in find(quotes, "rising cost").text


def test_title_in_quotation_marks_is_not_a_quote():
    quotes = run("The governor told “Good Morning America” that the order would stand.")
    assert not any(q.text.startswith("Good Morning America") for q in quotes)


def test_as_reported_by_relays_and_does_not_take_the_quote():
    text = ("As reported by the state news agency, at a meeting in Hanoi, Colonel Vo Thanh told the "
            "visiting delegation, “Our navy will patrol the strait every week.”")
    quote = find(run(text), "navy will patrol")
    assert quote.direct and "Vo Thanh" in name(quote)
