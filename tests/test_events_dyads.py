"""Who acts on whom, on invented wire sentences: reciprocal events split into dyads, plural
demonyms, recipients inside a frame's complement or an addressed noun, the place as
recipient of a directed act, conjoined actors sharing or splitting a country word, attitude
participles ('is opposed to'), the author of a rejected appeal, protests addressed to their
own country, and a condition that is no actor ('a state of siege')."""
from __future__ import annotations

from events_helpers import dyads, events_of


def test_reciprocal_meeting_is_two_dyads_never_a_party_with_itself(nlp):
    for text, x, y in [("Ghana and Togo held talks in Accra.", "GHA", "TGO"),
                       ("Peru and Chile signed a fisheries accord in Lima.", "PER", "CHL"),
                       ("Kenya and Tanzania agreed on Monday to reopen their shared border crossing.", "KEN", "TZA")]:
        got = dyads(events_of(nlp, text))
        assert got == {(x, y), (y, x)}, text


def test_plural_demonym_is_the_people_of_that_country(nlp):
    assert ("THAMIL", "KHM") in dyads(events_of(nlp, "Thai soldiers killed three Cambodians in a border clash."))
    assert any(t == "IRN" for _, t in dyads(events_of(nlp, "Police arrested four Iranians in Basra.")))


def test_recipient_inside_an_uncoded_complement_of_a_threat(nlp):
    assert dyads(events_of(nlp, "Ghana threatened to cut off power supplies to Togo over unpaid bills.")) == {("GHA", "TGO")}
    assert dyads(events_of(nlp, "Morocco has threatened to impose tariffs against Spanish tomatoes.")) == {("MAR", "ESP")}
    assert dyads(events_of(nlp, "Turkey threatened to suspend flights to Iraq and Iran.")) == {("TUR", "IRQ"), ("TUR", "IRN")}


def test_a_thing_a_group_word_modifies_is_no_recipient(nlp):
    got = dyads(events_of(nlp, "Kenya and Tanzania agreed on Monday to reopen their shared border crossing."))
    assert not any(t.endswith("COP") for _, t in got)


def test_ultimatum_is_addressed_to_its_to_phrase(nlp):
    assert ("UGA", "KEN") in dyads(events_of(nlp, "Uganda issued an ultimatum to Kenya to withdraw its troops."), "THREATEN")


def test_place_is_the_recipient_of_a_directed_act_without_one(nlp):
    assert dyads(events_of(nlp, "Ethiopia lifted a curfew in Somalia on Friday.")) == {("ETH", "SOM")}
    assert dyads(events_of(nlp, "Rwanda reimposed a blockade in Burundi after the clashes.")) == {("RWA", "BDI")}
    assert dyads(events_of(nlp, "Hezbollah threatened to resume rocket fire in Israel.")) == {("LBNREB", "ISR")}


def test_a_state_of_siege_is_a_condition_not_a_government(nlp):
    for text in ["The army declared a state of siege in the capital.",
                 "Sudan lifted the state of emergency in Kenya on Friday."]:
        assert not any((t or "").endswith("GOV") for _, t in dyads(events_of(nlp, text))), text


def test_bare_conjunct_shares_the_first_conjuncts_country(nlp):
    evs = events_of(nlp, "Turkish warships and submarines shelled the coast.")
    assert {a.actor_code for e in evs for a in e.source} == {"TURMIL"}
    evs = events_of(nlp, "Bolivian troops and police raided the camp.")
    assert {a.actor_code for e in evs for a in e.source} == {"BOLMIL", "BOLCOP"}


def test_conjoined_country_words_make_one_actor_each(nlp):
    got = dyads(events_of(nlp, "Greek and Cypriot troops launched joint exercises on Monday."), "COOPERATE")
    assert got == {("GRCMIL", "CYPMIL"), ("CYPMIL", "GRCMIL")}


def test_is_opposed_to_is_an_attitude_of_the_subject(nlp):
    assert dyads(events_of(nlp, "Moldova is opposed to Russian peacekeepers in the region.")) == {("MDA", "RUS")}
    assert dyads(events_of(nlp, "Hungary is opposed to Ukrainian membership in the bloc.")) == {("HUN", "UKR")}


def test_sentenced_to_stays_a_passive(nlp):
    for e in events_of(nlp, "Two Iranian activists were sentenced to death by a court in Tabriz."):
        assert not any("activists" in a.name for a in e.source)


def test_rejected_appeal_targets_its_author(nlp):
    got = dyads(events_of(nlp, "Cuba rejected an EU appeal for the release of dissidents."))
    assert got and all(s == "CUB" and t.startswith("IGO") for s, t in got)
    assert dyads(events_of(nlp, "Ankara rejected a Greek proposal for joint patrols in the Aegean.")) == {("TURGOV", "GRC")}


def test_protest_without_addressee_addresses_its_own_country(nlp):
    got = dyads(events_of(nlp, "Thousands of Chilean miners went on strike on Monday."), "PROTEST")
    assert got and all(t == "CHL" for _, t in got)
    assert ("KENEDU", "KEN") in dyads(events_of(nlp, "Kenyan teachers staged a protest on Tuesday."), "PROTEST")


def test_a_country_addressed_by_convention_is_named_as_entities_name_it(nlp):
    evs = [v for v in events_of(nlp, "Thousands of Iranian workers went on strike on Monday.") if v.type == "PROTEST"]
    assert evs and [(a.name, a.actor_code) for a in evs[0].target] == [("Iran", "IRN")]
