"""Reported speech from the parse: a reporting verb's clause or object ("Russia said in March
it was deeply concerned ...", "X told Y that ...", "X accused Y of ...", "X warned that ..."),
"according to X" sentences, speech nouns ("his warning that ...", "made remarks about ..."),
speaker labels ("Jane Roe: ..."), a headline's "X Warns ..." and the block quote after a
paragraph ending "X writes:"; content never leaves its paragraph. direct is False for all of them."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.quotes.cues import (according_phrases, clause_head, content_tokens, is_circumstance,
                                   is_reporting_verb, is_medium, outlet_name, parenthetical_addressee, relays_of,
                                   short_name, source_head, via_of)
from newsgraph.quotes.coref import has_subject
from newsgraph.quotes.direct import Candidate
from newsgraph.quotes.lexicon import attribution, reporting_verbs
from newsgraph.quotes.speakers import SpeakerResolver, is_utterance_noun, speaker_head, subject_of

EDGE_DEPS = ("punct", "cc", "mark")
SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
MIN_CONTENT_TOKENS = 2
MAX_LABEL_TOKENS = 6
MIN_LABEL_CONTENT_WORDS = 3
MAX_TITLED_LABEL = 2           # "Lopez:", "Poll:": capitalised words the tagger took for common nouns
MAX_HEADLINE_TOKENS = 30
MAX_DATELINE_TOKENS = 8
MAX_RELAY_TOKENS = 8
RELAY_LEMMAS = ("report", "say")
DATELINE_DASHES = ("—", "–", "--", "―", "-")
MAX_BLOCK_FRAME_GAP = 4        # "he said in a speech:" — words between a block quote's verb and colon


def _trimmed(tokens: list[Token]) -> list[Token]:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].dep_ in EDGE_DEPS and tokens[0].lower_ != "that" or tokens[0].is_space or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens.pop()
    return tokens


def _one_paragraph(tokens: list[Token]) -> list[Token]:
    """Content stops at a paragraph break (a misparse runs on into the next one)."""
    out = []
    for tok in sorted(tokens, key=lambda t: t.i):
        if out and (tok.i != out[-1].i + 1 or "\n" in tok.text) and "\n" in tok.doc[out[-1].i:tok.i + 1].text:
            break
        out.append(tok)
    return out


def paragraph_bounds(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of tok's paragraph: the parser's sentences sometimes run across a
    paragraph break, but what a cue reports never does."""
    doc = tok.doc
    start = tok.i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    end = tok.i + 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    return start, end


def _in_paragraph(tokens: list[Token], cue: Token) -> list[Token]:
    start, end = paragraph_bounds(cue)
    return [t for t in tokens if start <= t.i < end]


def _before_frame(tokens: list[Token], verb: Token, quoted: list[bool]) -> list[Token]:
    """"“...,” Jane Roe, a lawyer, said": when the content of a verb after it runs past a closing
    quotation mark into a name, the words from that name to the verb are the speaker's frame."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens or verb.i < tokens[-1].i:
        return tokens
    for n, tok in enumerate(tokens[:-1]):
        if not quoted[tok.i]:
            continue
        rest = [t for t in tokens[n + 1:] if not (t.is_punct or t.is_space)]
        if rest and not quoted[rest[0].i]:
            if rest[0].pos_ == "PROPN" or rest[0].ent_type_ == "PERSON":
                return tokens[:n + 1]
    return tokens


BREAK_MARKS = (":", "—", "–", "--", "-", "(")


def _quote_after_break(tokens: list[Token], verb: Token, quoted: list[bool]) -> list[Token]:
    """"..., the minister argued that S: “The port is ours,” he claimed": the words a verb
    after a content frames are the quoted run it follows, not what a colon, dash or bracket set
    before that run."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens or verb.i < tokens[-1].i:
        return tokens
    words = [t for t in tokens if not (t.is_punct or t.is_space) or quoted[t.i]]
    n = len(words)
    while n > 0 and quoted[words[n - 1].i]:
        n -= 1
    if n == len(words) or n == 0:
        return tokens
    first = words[n].i
    before = [t for t in tokens if t.i < first and not t.is_space and not (quoted[t.i] and t.is_punct)]
    if before and before[-1].text in BREAK_MARKS:
        return [t for t in tokens if t.i >= first]
    return tokens


def _name_between(last: Token, verb: Token):
    """The end of the first name run between a content and its verb ("..., Texas delegate Jane
    Roe, wearing a hat, said"), or None."""
    doc = verb.doc
    for i in range(last.i + 1, verb.i):
        if doc[i].pos_ == "PROPN" or doc[i].ent_type_ == "PERSON":
            while i + 1 < verb.i and (doc[i + 1].pos_ == "PROPN" or doc[i + 1].dep_ == "compound"):
                i += 1
            return doc[i]
    return None


def _is_reporting_clause(tokens: list[Token]) -> bool:
    """"She added", "Bloomberg also reported": content that is itself just a reporting clause."""
    return len(tokens) <= 4 and any(is_reporting_verb(t) for t in tokens)


def _says_a_name_or_answer(tok: Token) -> bool:
    """A one-word content worth a report: a name ("praised Obama") or an answer ("said yes")."""
    return tok.pos_ == "PROPN" or tok.lower_ in ("yes", "no")


def _candidate(tokens: list[Token], **fields) -> Candidate | None:
    tokens = _trimmed(_one_paragraph(tokens))
    if len(tokens) < MIN_CONTENT_TOKENS and not (tokens and _says_a_name_or_answer(tokens[0])) \
            or _is_reporting_clause(tokens):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Candidate(start, end, direct=False, has_cue=True, **fields)


NESTED_DEPS = ("advcl", "conj", "relcl", "acl", "parataxis")


def _nested_reports(tokens: list[Token]) -> list[Token]:
    """The reports hanging inside a content (", calling him ...", ", which X said ...",
    "and quoted ..."): each is an attribution of its own."""
    if not tokens:
        return []
    first = min(t.i for t in tokens)
    inside = {t.i for t in tokens}
    return [tok for tok in tokens
            if tok.i > first and tok.dep_ in NESTED_DEPS and tok.head.i in inside and is_reporting_verb(tok)
            and tok.left_edge.i > first and len(content_tokens(tok)) >= MIN_CONTENT_TOKENS]


def is_page_label(verb: Token) -> bool:
    """"READ ...", "WATCH ...": a verb in capitals opening its paragraph labels a link to another
    page; nobody says what follows."""
    return len(verb.text) > 1 and verb.text.isupper() and paragraph_bounds(verb)[0] == verb.i


def _reduced_passive(verb: Token) -> bool:
    """"X, asked about Y, said ..." / "Asked whether S, he said": a bare past participle; the
    one it hangs on was asked or told, and says nothing there."""
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl"):
        if verb.dep_ == "acl" and verb.head.dep_ == "ROOT":
            return False        # "Roe, an ally, called the plan “weak”": a finite verb misread
        return not any(c.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass") for c in verb.children)
    return parenthetical_addressee(verb)


def citing_phrases(verb: Token) -> list[Token]:
    """"X said, citing Y, that ...": the participles of citing that name a reporting verb's
    source (its children, or misparsed into its content)."""
    words = attribution()["citing_verbs"]
    return [t for t in verb.subtree if t.tag_ == "VBG" and t.lemma_.lower() in words and t.i != verb.i
            and verb.i in (t.head.i, t.head.head.i)]


def _is_citing(verb: Token) -> bool:
    return verb.tag_ == "VBG" and verb.lemma_.lower() in attribution()["citing_verbs"] \
        and verb.head.i != verb.i and (is_reporting_verb(verb.head) or is_reporting_verb(verb.head.head))


def _subject_words(subject: Token | None, verb: Token) -> set[int]:
    """The speaker's words, not the verb's ("The minister, Jane Roe, promised ..." parsed with
    the verb inside the subject's phrase)."""
    if subject is None:
        return set()
    return {t.i for t in subject.subtree} - {t.i for t in verb.subtree}


def _trailing_relay(tokens: list[Token]) -> tuple[list[Token], str | None]:
    """"X said S, state news agency TASS reported": the outlet that relays the report closes
    the content; it is cut off and named as the report's via."""
    tokens = sorted(tokens, key=lambda t: t.i)
    commas = [n for n, t in enumerate(tokens) if t.text == ","]
    if not commas:
        return tokens, None
    tail = [t for t in tokens[commas[-1] + 1:] if not (t.is_punct or t.is_space)]
    verbs = [t for t in tail if t.pos_ in ("VERB", "AUX")]
    if len(tail) > MAX_RELAY_TOKENS or len(verbs) != 1 or verbs[0].lemma_.lower() not in RELAY_LEMMAS:
        return tokens, None
    verb = verbs[0]
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c in tail]
    if not subjects or subjects[0].i > verb.i:
        return tokens, None
    if not (is_medium(subjects[0]) or verb.dep_ == "relcl" and is_medium(verb.head)):
        return tokens, None       # "..., agency TASS reported" parsed as a clause on "agency"
    named = [c for c in subjects if c.pos_ == "PROPN"]
    return tokens[:commas[-1]], outlet_name((named or subjects)[0])


def _according_tokens(doc: Doc) -> set[int]:
    """"S, according to X": the phrase names a source, it is not part of what was said."""
    return {t.i for marker, _obj in according_phrases(doc) for t in marker.subtree}


def _without_dateline(tokens: list[Token]) -> list[Token]:
    """"GENEVA (AP) — S" / "KHARVIN, March 3 — S": a dateline opening the paragraph is not part
    of what was said."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens or paragraph_bounds(tokens[0])[0] != tokens[0].i:
        return tokens
    for n, tok in enumerate(tokens[:MAX_DATELINE_TOKENS + 1]):
        if tok.text in DATELINE_DASHES:
            head = tokens[:n]
            shaped = head and all(t.is_punct or t.like_num or t.text[:1].isupper() for t in head)
            marked = head and (head[0].is_upper and len(head[0]) >= 3 or any(t.text == "(" for t in head)
                               or any(t.ent_type_ == "DATE" for t in head))
            return tokens[n + 1:] if shaped and marked else tokens
    return tokens


def _without_relative_pronoun(content: list[Token], verb: Token) -> list[Token]:
    """"a bill that critics say copies a law": the relative pronoun before the reporting clause
    stands for the noun it follows; what was said starts after the verb ("copies a law")."""
    words = [t for t in sorted(content, key=lambda t: t.i) if not (t.is_punct or t.is_space)]
    if len(words) >= 2 and words[0].tag_ in ("WDT", "WP") and words[0].i < verb.i < words[1].i:
        return [t for t in content if t.i > verb.i]
    return content


def _negated(verb: Token) -> bool:
    """"did not say how they died", "has not announced results": nothing was said."""
    return any(c.dep_ == "neg" for c in verb.children)


def _modifies_thing(verb: Token) -> bool:
    """"a resolution condemning the coup": a participle describing a noun that is neither a
    speaker nor something said or written (not "a statement saying S")."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or head.pos_ != "NOUN" or head.dep_ == "ROOT":
        return False
    return not (head.ent_type_ in SPEAKER_LABELS or is_utterance_noun(head) or is_medium(head))


def _purpose(verb: Token) -> bool:
    """"marched to the parliament to protest against a bill": an infinitive of purpose tells
    what someone meant to do, not what anyone said."""
    return verb.dep_ == "advcl" and verb.tag_ == "VB" and not is_reporting_verb(verb.head) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and not any(c.dep_ in ("nsubj", "mark") for c in verb.children)


def _no_speech_act(verb: Token) -> bool:
    """A cue that reports nothing: an infinitive of purpose always; a negated cue and a
    participle on a noun when attribution.json's silent_reports turns them on."""
    silent = attribution()["silent_reports"]
    return _purpose(verb) or silent["negated_cues"] and _negated(verb) \
        or silent["participles_on_nouns"] and _modifies_thing(verb)


def verb_reports(doc: Doc, resolver: SpeakerResolver) -> list[Candidate]:
    """One Candidate per reporting verb framing content. A report nested in another's content
    with no subject of its own (", calling them ...") is said by the outer report's speaker."""
    found = []
    inherited = {}
    according = _according_tokens(doc)
    for verb in doc:
        if not is_reporting_verb(verb) or is_page_label(verb) or _reduced_passive(verb) or _is_citing(verb) \
                or _no_speech_act(verb):
            continue
        subject = subject_of(verb)
        speaker = inherited.get(verb.i) or resolver.speaker_of(speaker_head(verb))
        own = {verb.i} | _subject_words(subject, verb) | {t.i for c in citing_phrases(verb) for t in c.subtree} \
            | according
        content = [t for t in _in_paragraph(content_tokens(verb), verb)
                   if t.i not in own and t.sent.start == verb.sent.start]
        content = _without_dateline(_before_frame(content, verb, resolver.quoted))
        content = _quote_after_break(content, verb, resolver.quoted)
        content = _without_relative_pronoun(content, verb)
        if speaker is None and content and content[-1].i < verb.i:
            speaker = resolver.speaker_of(_name_between(content[-1], verb))
        nested = _nested_reports(content)
        dropped = {t.i for n in nested for t in n.subtree}
        content = [t for t in content if t.i not in dropped]
        for n in nested:
            if not has_subject(n) and speaker is not None:
                inherited[n.i] = speaker
        content, relay = _trailing_relay(content)
        cand = _candidate(content, speaker=speaker, cue=verb.text, negated=_negated(verb),
                          via=relay or via_of(verb, {t.i for t in content}), cue_start=verb.idx)
        if cand:
            found.append(cand)
    return found


def _according_content(marker: Token, head: Token) -> list[Token]:
    """What "according to X" vouches for: the rest of its sentence when the phrase opens or
    closes it ("According to X, S." / "S, according to X."), else the clause it hangs from."""
    doc = marker.doc
    para_start, para_end = paragraph_bounds(marker)
    start, end = max(marker.sent.start, para_start), min(marker.sent.end, para_end)
    phrase = [t.i for t in _in_paragraph(list(marker.subtree), marker)]
    first, last = min(phrase), max(phrase)
    before = [t for t in doc[start:first] if not (t.is_punct or t.is_space)]
    after = [t for t in doc[last + 1:end] if not (t.is_punct or t.is_space)]
    if not after and before:
        return list(doc[start:first])
    if not before and after:
        return list(doc[last + 1:end])
    return [t for t in _in_paragraph(list(head.subtree), marker)
            if t.i not in set(phrase) and t.sent.start == marker.sent.start]


def according_reports(doc: Doc, resolver: SpeakerResolver) -> list[Candidate]:
    found = []
    for marker, obj in according_phrases(doc):
        head = clause_head(marker)
        if is_reporting_verb(head) and content_tokens(head):
            continue                # "X said S, according to Y": Y relays X's report
        content = _according_content(marker, head)
        if any(resolver.quoted[t.i] for t in content) \
                and any(is_reporting_verb(t) and not resolver.quoted[t.i] for t in content):
            continue                # "X wrote: “...”, according to AFP": a relay of X's quoted words
        relays = relays_of(obj)
        cand = _candidate(content, speaker=resolver.speaker_of(source_head(obj)), cue="according to",
                          via=short_name(relays[-1]) if relays else None, cue_start=marker.idx)
        if cand:
            found.append(cand)
    return found


def _paragraph_starts(doc: Doc):
    starts = [0]
    for tok in doc:
        if "\n" in tok.text and tok.i + 1 < len(doc):
            starts.append(tok.i + 1)
    return starts


def _label_before_colon(doc: Doc, first: int) -> int | None:
    """The index of the ":" ending a speaker label that opens a paragraph ("Jane Roe: ...",
    "WALLACE: ..."), or None."""
    for i in range(first, min(len(doc), first + MAX_LABEL_TOKENS + 1)):
        tok = doc[i]
        if tok.text == ":":
            label = doc[first:i]
            named = any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE")
                        or (t.is_upper and t.is_alpha and len(t) >= 3) for t in label) \
                or 0 < len(label) <= MAX_TITLED_LABEL and all(t.is_title and t.is_alpha for t in label)
            if label and named and label[0].text[:1].isupper() \
                    and label.text.lower() not in attribution()["not_speaker_labels"]:
                return i
            return None
        if "\n" in tok.text or tok.pos_ in ("VERB", "AUX") or tok.text in (".", "?", "!"):
            return None
    return None


def label_reports(doc: Doc, resolver: SpeakerResolver) -> list[Candidate]:
    """"Jane Roe: the plan will fail." and headlines in that style: the label speaks the rest
    of its paragraph."""
    found = []
    for first in _paragraph_starts(doc):
        colon = _label_before_colon(doc, first)
        if colon is None:
            continue
        rest = []
        for tok in doc[colon + 1:]:
            if "\n" in tok.text:
                break
            rest.append(tok)
        if len([t for t in rest if t.is_alpha]) < MIN_LABEL_CONTENT_WORDS:
            continue
        label = doc[first:colon]
        cand = _candidate(rest, speaker=resolver.speaker_of(label.root), cue=":", cue_start=doc[colon].idx)
        if cand:
            found.append(cand)
    return found


def _block_frame_verb(words: list[Token]) -> Token | None:
    """The reporting verb of a paragraph ending "... Jane Roe writes:" (a few words at most
    between the verb and the colon), or None."""
    if len(words) < 2 or words[-1].text != ":":
        return None
    near = words[-2 - MAX_BLOCK_FRAME_GAP:-1]
    verbs = [t for t in near if is_reporting_verb(t) and not is_page_label(t)]
    return verbs[-1] if verbs else None


def block_reports(doc: Doc, resolver: SpeakerResolver) -> list[Candidate]:
    """"Jane Roe writes:" closing a paragraph: the next paragraph, set off without quotation
    marks (a block quote), is what she wrote."""
    found = []
    starts = _paragraph_starts(doc)
    for prev, start in zip(starts, starts[1:]):
        verb = _block_frame_verb([t for t in doc[prev:start] if not t.is_space])
        rest = [t for t in doc[start:paragraph_bounds(doc[start])[1]] if not t.is_space]
        if verb is None or not rest or resolver.quoted[rest[0].i]:
            continue
        cand = _candidate(rest, speaker=resolver.speaker_of(speaker_head(verb)), cue=verb.text,
                          cue_start=verb.idx)
        if cand:
            found.append(cand)
    return found


def _noun_content(noun: Token, preps, light: bool = False) -> list[Token]:
    """"claim that S", "vow to V", "calls for X", "remarks about X": what a speech noun reports;
    after a light verb, also a phrase the parser hung on the verb ("heaped criticism on X")."""
    tokens = []
    hung_on_verb = [c for c in noun.head.rights
                    if c.i > noun.i and c.dep_ == "prep" and not is_circumstance(c)] if light else []
    for child in list(noun.rights) + hung_on_verb:
        if child.dep_ in ("acl", "ccomp", "relcl") and (
                any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
                or any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)):
            tokens.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in preps and not _after_comma(noun, child):
            tokens.extend(t for t in child.subtree if t is not child)
    return sorted((t for t in tokens if t.i > noun.i), key=lambda t: t.i)


def _after_comma(noun: Token, child: Token) -> bool:
    return any(t.text in (",", ";", "(") for t in noun.doc[noun.i + 1:child.i])


def noun_reports(doc: Doc, resolver: SpeakerResolver) -> list[Candidate]:
    """"his warning that S", "Rubio's claim to be X", "her criticism of X", "made remarks about X":
    a speech noun with a possessor, or the object of a light verb; the possessor or the verb's
    subject speaks."""
    found = []
    lex = attribution()
    for noun in doc:
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or lemma not in lex["cue_nouns"] and lemma not in lex["talk_nouns"]:
            continue
        preps = lex["cue_noun_preps"] + lex["talk_noun_preps"] if lemma in lex["cue_nouns"] else lex["talk_noun_preps"]
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None:
            speaker = resolver.speaker_of_possessor(owner)
        elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex["light_verbs"]:
            speaker = resolver.speaker_of(speaker_head(noun.head))
        else:
            continue
        content = _in_paragraph(_noun_content(noun, preps, light=owner is None), noun)
        cand = _candidate(content, speaker=speaker, cue=noun.text, cue_start=noun.idx)
        if cand:
            found.append(cand)
    return found


def _verb_in_headline(tok: Token) -> bool:
    """"Says", "Promises", "Warns", "blasts": a reporting verb a title-cased headline hides from
    the tagger."""
    word = tok.lower_
    stems = {word, word[:-1], word[:-2], word[:-1] + "e"} if word.endswith("s") else {word}
    return tok.is_alpha and bool(stems & reporting_verbs().keys()) and tok.pos_ != "VERB" or is_reporting_verb(tok)


def headline_reports(doc: Doc, resolver: SpeakerResolver) -> list[Candidate]:
    """"Jane Roe Warns Plan Will Fail.": a headline opening the article, a name and a reporting
    verb at its start; the rest of its first clause is what was said."""
    end = paragraph_bounds(doc[0])[1] if len(doc) else 0
    words = [t for t in doc[:end] if not t.is_space]
    if not words or len(words) > MAX_HEADLINE_TOKENS:
        return []
    n = 0
    while n < len(words) and (words[n].pos_ == "PROPN" or words[n].ent_type_ in ("PERSON", "ORG", "GPE", "NORP")) \
            and not _verb_in_headline(words[n]):
        n += 1
    if n == 0 or n >= len(words) - 1 or not _verb_in_headline(words[n]):
        return []
    content = []
    for tok in words[n + 1:]:
        if tok.text in (",", ";", ".", ":", "?"):
            break
        content.append(tok)
    cand = _candidate(content, speaker=resolver.speaker_of(words[n - 1]), cue=words[n].text,
                      cue_start=words[n].idx)
    return [cand] if cand else []


def reported_speech(doc: Doc, resolver: SpeakerResolver) -> list[Candidate]:
    return verb_reports(doc, resolver) + according_reports(doc, resolver) + label_reports(doc, resolver) \
        + noun_reports(doc, resolver) + headline_reports(doc, resolver) + block_reports(doc, resolver)
