"""Event coding on constructions found in a second audit on invented news: truces that are
signed, clauses of simultaneity that tell their own event, summoned envoys, suspension
from a bloc, denied involvement, vows of retaliation, a mediator named in a reduced
passive, frames whose complement is an event noun, and one group told twice in a fold."""
from __future__ import annotations

from events_helpers import events_of as stage_events
from events_helpers import of_type

from newsgraph.events.same import union_actors
from newsgraph.records import Actor


def events_of(nlp, text, published="2025-02-03"):
    return stage_events(nlp, text, published=published, art_id="r2")


def names(actors):
    return " ".join(a.name.lower() for a in actors)


def test_signed_truce_is_a_ceasefire_between_the_signers(nlp):
    evs = events_of(nlp, "Government troops and the Karen rebels signed a ten-day truce on Tuesday.")
    truce = [e for e in evs if e.mode == "ceasefire"]
    assert truce and truce[0].type == "RETREAT"
    signers = " ".join(names(e.source) for e in truce)      # one event per direction (dyads)
    assert "rebels" in signers and "troops" in signers
    assert all(names(e.source) != names(e.target) for e in truce)


def test_signed_trade_agreement_stays_a_signing(nlp):
    evs = events_of(nlp, "Chile and Vietnam signed a trade agreement in Hanoi.")
    assert {e.mode for e in evs} == {"sign"} and len(evs) == 2    # Chile->Vietnam, Vietnam->Chile


def test_a_march_alongside_a_main_clause_without_event_is_reported(nlp):
    text = "Riot police fired water cannon as tens of thousands marched through Belgrade on Saturday."
    protest = of_type(events_of(nlp, text), "PROTEST")
    assert protest and "thousands" in names(protest[0].source)


def test_a_when_clause_of_the_same_act_stays_part_of_the_killing(nlp):
    text = "Six fishermen were killed when navy gunboats shelled their village near Sittwe."
    evs = of_type(events_of(nlp, text), "ASSAULT")
    assert len(evs) == 1 and "gunboats" in names(evs[0].source)


def test_an_after_clause_is_still_background(nlp):
    text = "The opposition boycotted parliament after police arrested its leader."
    assert not of_type(events_of(nlp, text), "COERCE")


def test_summoned_ambassador_is_a_formal_complaint(nlp):
    evs = events_of(nlp, "Warsaw summoned the Hungarian ambassador over the remarks.")
    complaint = of_type(evs, "ACCUSE")
    assert complaint and complaint[0].cameo == "114"
    assert "ambassador" in names(complaint[0].target)


def test_summoning_a_witness_is_no_event(nlp):
    assert not events_of(nlp, "The judge summoned three witnesses to the hearing.")


def test_suspended_from_the_bloc_is_an_expulsion(nlp):
    evs = events_of(nlp, "The Arab League suspended Syria from the organisation in 2011.")
    exp = of_type(evs, "SANCTION")
    assert exp and exp[0].mode == "expel" and "syria" in names(exp[0].target)


def test_suspended_aid_is_still_a_discontinuation(nlp):
    evs = events_of(nlp, "Norway suspended aid to Mali after the coup.")
    assert [e.mode for e in of_type(evs, "SANCTION")] == ["discontinue"]


def test_denied_involvement_is_a_rejection_not_an_attack(nlp):
    evs = events_of(nlp, "The separatist militia denied any involvement in the bombing of the bridge.")
    assert [e.type for e in evs] == ["REJECT"]
    assert "militia" in names(evs[0].source)


def test_it_would_retaliate_is_a_threat(nlp):
    evs = events_of(nlp, "Pyongyang said it would retaliate against Seoul for the drills.")
    threat = of_type(evs, "THREATEN")
    assert threat and "pyongyang" in names(threat[0].source)
    assert not of_type(evs, "ASSAULT")


def test_they_retaliated_is_an_attack(nlp):
    evs = events_of(nlp, "The rebels retaliated by shelling the garrison at dawn.")
    assert of_type(evs, "ASSAULT")


def test_broker_in_a_reduced_passive_mediates_between_the_parties(nlp):
    text = "Armenia and Azerbaijan exchanged prisoners on Friday in a deal brokered by the European Union."
    med = [e for e in events_of(nlp, text) if e.mode == "mediate"]
    assert med and "european union" in names(med[0].source)
    assert "armenia" in names(med[0].target) and "european union" not in names(med[0].target)


def test_called_for_a_ceasefire_is_a_request_for_one(nlp):
    evs = events_of(nlp, "The African Union called for an immediate ceasefire in the Sahel.")
    req = of_type(evs, "REQUEST")
    assert req and req[0].mode == "ceasefire"


def test_vowed_to_retaliate_is_a_threat(nlp):
    evs = events_of(nlp, "The junta vowed to attack the rebel camps in the north.")
    assert [e.type for e in evs] == ["THREATEN"]


def test_vowed_to_restore_ties_is_an_intent(nlp):
    evs = events_of(nlp, "The new premier vowed to restore ties with Morocco.")
    assert [e.type for e in evs] == ["AGREE"]


def test_pledged_aid_is_intent_to_give_aid(nlp):
    evs = events_of(nlp, "Canada pledged aid to Haiti after the hurricane.")
    agree = of_type(evs, "AGREE")
    assert agree and agree[0].cameo == "033" and agree[0].mode == "aid"
    assert "haiti" in names(agree[0].target)


def test_one_group_counted_in_digits_and_words_is_one_actor():
    folded = union_actors([Actor(None, "9 alleged smugglers", "---CRM")],
                          [Actor(None, "nine alleged smugglers", "---CRM"), Actor(None, "the smugglers", "---CRM")])
    assert len(folded) == 1


def test_two_groups_with_different_counts_stay_two():
    folded = union_actors([Actor(None, "4 soldiers", "---MIL")], [Actor(None, "11 soldiers", "---MIL")])
    assert len(folded) == 2


def test_workers_who_strike_without_object_protest(nlp):
    evs = events_of(nlp, "Dock workers strike in Mombasa over unpaid wages")
    assert [e.type for e in evs] == ["PROTEST"]


def test_a_finite_verb_joined_to_a_vow_is_asserted(nlp):
    text = "The militia vowed to fight on and abducted four aid workers near Goma."
    abduct = [e for e in events_of(nlp, text) if e.mode == "abduct"]
    assert abduct and abduct[0].type == "ASSAULT" and abduct[0].modality == "asserted"


def test_vowed_to_continue_a_strike_is_a_threat(nlp):
    evs = events_of(nlp, "Nurses vowed to continue their strike until wages are paid.")
    assert [e.type for e in evs] == ["THREATEN"]
