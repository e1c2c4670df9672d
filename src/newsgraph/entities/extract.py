"""Article-local entities: the repaired spaCy spans of one article grouped into entities with
every mention (full names, surnames, acronyms, metonyms like "Moscow said", title phrases like
"the Junta leader" and pronouns resolved to the person they stand for), each with its type,
country, roles and CAMEO-style actor code."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.tokens import Doc, Span

from newsgraph.entities import countries as C
from newsgraph.entities import lexicon as L
from newsgraph.entities import roles as R
from newsgraph.entities.actors import TRANSNATIONAL, compose_code, role_sector, sector_of_code
from newsgraph.entities.names import name_tokens, same_person, surname_forms
from newsgraph.entities.recognize import is_dateline_place, resources, state_tag, word_set
from newsgraph.nlp import doc_ents, doc_sents, doc_text, reading
from newsgraph.records import Article, Entity, Mention, Role

TYPE_OF_LABEL = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "FAC",
                 "EVENT": "EVENT", "WEAPON": "WEAPON", "LAW": "LAW", "PRODUCT": "OTHER"}
ACTOR_DEPS = ("nsubj", "nsubjpass", "poss", "agent", "csubj")


@dataclass
class Cluster:
    key: str
    type: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)   # char start, end, kind
    country: Counter = field(default_factory=Counter)
    canonical: Optional[str] = None
    sector: Optional[str] = None
    extra_aliases: set[str] = field(default_factory=set)
    titles: list[R.TitlePhrase] = field(default_factory=list)
    person_tokens: tuple[str, ...] = ()
    country_from_gazetteer: bool = False

    @property
    def first(self) -> int:
        return min(s for s, _, _ in self.spans)


def extract_entities(article: Article, doc: Doc) -> list[Entity]:
    """The entities of one article, ids f"{article.id}#e{n}" in order of first mention."""
    with reading(doc):
        return article_entities(article, doc)


def article_entities(article: Article, doc: Doc) -> list[Entity]:
    spans = [e for e in doc_ents(doc) if e.label_ in TYPE_OF_LABEL]
    clusters: dict[str, Cluster] = {}
    key_of_span: dict[tuple[int, int], str] = {}
    for span in spans:
        if span.label_ == "PERSON":
            continue
        key, kind = classify(span, clusters)
        clusters[key].spans.append((span.start_char, span.end_char, kind))
        key_of_span[(span.start, span.end)] = key
    cluster_persons(doc, [s for s in spans if s.label_ == "PERSON"], clusters, key_of_span)
    link_acronyms_and_former_names(doc, spans, clusters, key_of_span)
    link_names_known_as(doc, spans, clusters, key_of_span)
    add_unlabelled_repeats(doc, clusters)
    date = (article.published or "")[:10] or None
    add_roles(doc, spans, clusters, key_of_span)
    add_title_mentions(doc, clusters)
    add_pronoun_mentions(doc, clusters)
    infer_countries(doc, spans, clusters, key_of_span)
    ordered = sorted(unique_clusters(clusters), key=lambda c: c.first)
    return [to_entity(article, doc, c, f"{article.id}#e{n}", date) for n, c in enumerate(ordered)]


# --- what a span names ------------------------------------------------------------------------

def classify(span: Span, clusters: dict[str, Cluster]) -> tuple[str, str]:
    """Cluster key and mention kind of a non-person span, creating its cluster."""
    text, label = span.text, span.label_
    type_ = TYPE_OF_LABEL[label]
    kind = "name"
    key, country, canonical, sector, extra = f"{type_}:{L.fold(text)}", None, None, None, set()
    if label == "GPE":
        seat = L.country_of_seat(text)
        code = L.country_of_name(text)
        place = None if code or seat else (L.place(text) or L.fuzzy_capital_place(text))
        if seat:
            key, country, kind, sector = f"country:{seat[0]}", seat[0], "metonym", seat[1]
        elif code:
            key, country = f"country:{code}", code
        elif place and place.is_capital and used_as_actor(span):
            key, country, kind = f"country:{place.country}", place.country, "metonym"
        elif place:
            key, country, canonical = f"place:{place.name}:{place.country}", place.country, place.name
            form = L.fuzzy_capital_form(text) if not L.place(text) else None
            extra = {place.name} | ({form} if form else set())
    elif label == "NORP":
        code = None if names_ethnicity(span) else L.country_of_demonym(text)
        if code:
            key, country, kind = f"norp:{code}", code, "demonym"
    elif label == "ORG":
        org = L.known_org(text)
        if org:
            key, country, canonical, sector = f"org:{org.name}", org.country, org.name, org.sector
            kind = "acronym" if text.isupper() and len(text) <= 6 else "name"
        elif L.igo_prefix(text):
            sector = "IGO"
    cluster = clusters.setdefault(key, Cluster(key, type_))
    if key.startswith("country:"):
        cluster.type = "GPE"
    cluster.canonical = cluster.canonical or canonical
    cluster.sector = cluster.sector or sector
    cluster.extra_aliases |= extra
    if country:
        cluster.country[country] += 10
    return key, kind


def names_ethnicity(span: Span) -> bool:
    """"ethnic Albanians": a people as an ethnic group, not as citizens of the state its demonym
    names (CAMEO gives ethnic groups their own codes, never the state's)."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in L.titles()["ethnic_words"]:
        return True
    return lives_in_other_country(span)


def lives_in_other_country(span: Span) -> bool:
    """"the Hungarians of southern Slovakia", "Romanians living in Serbia": a people named as the
    dwellers of another country (or of a place in one) is an ethnic group, not its state
    ("Britons in Spain", visitors or troops, keep theirs)."""
    doc = span.doc
    own = L.country_of_demonym(span.text)
    i = span.end
    if not own or i + 1 >= len(doc) or doc[i].lower_ not in ("of", "living") or not span.text.endswith("s"):
        return False
    if doc[i].lower_ == "living":
        i += 1
        if i >= len(doc) or doc[i].lower_ != "in":
            return False
    j = i + 1
    while j < len(doc) and j - i <= 3 and not doc[j].ent_type_ and (doc[j].is_lower or doc[j].lower_ == "the"):
        j += 1                                               # "of southern", "in the north of"
    for ent in doc_ents(doc):
        if ent.start == j and ent.label_ in ("GPE", "LOC"):
            place = L.place(ent.text)
            there = L.country_of_name(ent.text) or (place.country if place else None)
            return there is not None and there != own
    return False


def used_as_actor(span: Span) -> bool:
    """A capital standing for its state: subject, possessor or agent ("Moscow said"); never
    the place of a dateline ("CARACAS, Aug 3 (Reuters) -")."""
    if is_dateline_place(span):
        return False
    root = span.root
    if root.dep_ in ACTOR_DEPS:
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True
    return root.dep_ in ("ROOT", "appos", "npadvmod") and span.end < len(span.doc) and span.doc[span.end].text == "," \
        and span.start == span.sent.start


# --- persons ---------------------------------------------------------------------------------

def cluster_persons(doc: Doc, persons: list[Span], clusters: dict[str, Cluster], key_of_span: dict) -> None:
    """Group a document's person names: a surname or a shortened name joins the full name it fits."""
    groups: list[Cluster] = []
    for span in sorted(persons, key=lambda s: (-len(name_tokens(s.text)), s.start)):
        tokens = name_tokens(span.text)
        if not tokens:
            continue
        fits = [g for g in groups if same_person(tokens, g.person_tokens)]
        if len(fits) > 1:
            fits = holder_in_context(doc, span, fits)
        if len(fits) == 1 or (fits and len(tokens) > 1):
            group = min(fits, key=lambda g: distance_to(g, span.start_char))
            kind = "name" if tokens == group.person_tokens else "alias"
        elif fits:
            key = f"PERSON?:{' '.join(t.casefold() for t in tokens)}"
            group = clusters.setdefault(key, Cluster(key, "PERSON", person_tokens=tokens))
            kind = "alias"
        else:
            group = Cluster(f"PERSON:{' '.join(t.casefold() for t in tokens)}", "PERSON", person_tokens=tokens)
            clusters[group.key] = group
            groups.append(group)
            kind = "name"
        group.spans.append((span.start_char, span.end_char, kind))
        key_of_span[(span.start, span.end)] = group.key


def holder_in_context(doc: Doc, span: Span, fits: list["Cluster"]) -> list["Cluster"]:
    """Of several people a short name fits ("Palencia" after Monica and Carlos Palencia), those
    it can name here: the ones named before it (all of them when none is), narrowed to those
    whose title matches a title written before it ("the minister Palencia"). More than one
    left: the name is ambiguous and stays unresolved."""
    before = [g for g in fits if any(s < span.start_char for s, _, _ in g.spans)] or fits
    title = R.title_before(doc, span)
    if title is None or len(before) < 2:
        return before
    heads = {h.split()[-1] for h in title.heads}
    matching = [g for g in before if heads & person_title_heads(doc, g)]
    return matching or before


def person_title_heads(doc: Doc, g: "Cluster") -> set[str]:
    """Head words of the titles written at a person's name mentions (before or in apposition)."""
    heads = set()
    for s, e, kind in g.spans:
        name = doc.char_span(s, e, alignment_mode="expand")
        if name is None or kind not in ("name", "alias"):
            continue
        for phrase in filter(None, (R.title_before(doc, name), R.appositive_title(doc, name))):
            heads |= {h.split()[-1] for h in phrase.heads}
    return heads


def distance_to(cluster: Cluster, char: int) -> tuple[int, int]:
    """Sort key: clusters with a mention before char first, nearest first."""
    before = [char - s for s, _, _ in cluster.spans if s <= char]
    return (0, min(before)) if before else (1, min(abs(s - char) for s, _, _ in cluster.spans))


# --- links between names ------------------------------------------------------------------

def link_acronyms_and_former_names(doc: Doc, spans: list[Span], clusters: dict[str, Cluster], key_of_span: dict) -> None:
    """"X (ABC)" and "X (formerly Y)": the second name is another name of the first."""
    by_start = {s.start: s for s in spans}
    for span in spans:
        i = span.end
        if i >= len(doc) or doc[i].text != "(":
            continue
        j = i + 1
        if j < len(doc) and doc[j].lower_ in ("formerly", "aka", "also", "or", "now"):
            j += 1
            if j < len(doc) and doc[j].lower_ == "known":
                j += 2 if j + 1 < len(doc) and doc[j + 1].lower_ == "as" else 1
            if j < len(doc) and doc[j].lower_ == "the" and j + 1 in by_start:
                j += 1
        other = by_start.get(j)
        if other is None or other.end >= len(doc) or doc[other.end].text != ")" \
                or (j == i + 1 and names_another_org(span, other)):
            continue
        a, b = key_of_span.get((span.start, span.end)), key_of_span.get((other.start, other.end))
        if a and b and a != b and clusters[a].type in ("ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "OTHER", "PERSON"):
            if j > i + 1 and clusters[a].type != "PERSON":   # "X (formerly Y)": the current name leads
                clusters[a].canonical = clusters[a].canonical or span.text
            merge_into(clusters, b, a, key_of_span, kind="acronym" if other.text.isupper() or j == i + 1 else "alias")
    link_initials(clusters, key_of_span)
    link_same_body(doc, clusters, key_of_span)


def link_names_known_as(doc: Doc, spans: list[Span], clusters: dict[str, Cluster], key_of_span: dict) -> None:
    """"Ali Musa, known as Tiger," and "the Northern Front, also dubbed the Lions": the second name
    is another name of the first, whatever label the model gave it (a nickname is often read as a
    place). A person is never another name of a body or a place."""
    by_start = {s.start: s for s in spans}
    for span in spans:
        other = by_start.get(after_alias_cue(doc, span.end))
        a, b = key_of_span.get((span.start, span.end)), other and key_of_span.get((other.start, other.end))
        if not a or not b or clusters[a] is clusters[b]:
            continue
        first, second = clusters[a], clusters[b]
        if second.type == "PERSON" and first.type != "PERSON":
            continue
        if second.type != first.type:
            second.country.clear()      # the misread label's gazetteer country is not the name's
        merge_into(clusters, b, a, key_of_span, kind="alias")


def after_alias_cue(doc: Doc, i: int) -> Optional[int]:
    """The token index after ", (also) known as (the)" starting at i, else None."""
    res = resources()
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].lower_ in word_set("alias_cue_adverbs"):
        i += 1
    for cue in res["alias_cues"]:
        words = cue.split()
        if [t.lower_ for t in doc[i:i + len(words)]] == words:
            i += len(words)
            return i + 1 if i < len(doc) and doc[i].lower_ == "the" else i
    return None


def link_same_body(doc: Doc, clusters: dict[str, Cluster], key_of_span: dict) -> None:
    """"the U.S. Treasury" and "the Treasury Department": organisation names that differ only by a
    country word or a generic last word ("Department", "Ministry") name one body, unless they
    name two countries or the shorter form fits several bodies."""
    text = doc_text(doc)
    cores: dict[str, list[tuple[Optional[str], Cluster]]] = {}
    for c in unique_clusters(clusters):
        if c.type == "ORG" and c.key.startswith("ORG:"):
            names = {text[s:e] for s, e, k in c.spans if k == "name"}
            for country, core in {L.body_core(n) for n in names}:
                if core and not L.country_of_name(core):
                    cores.setdefault(core, []).append((country, c))
    for core, members in cores.items():
        bodies = {id(c): c for _, c in members}
        countries = {code for code, _ in members if code}
        if len(bodies) == 2 and len(countries) <= 1:
            a, b = sorted(bodies.values(), key=lambda c: c.first)
            merge_into(clusters, b.key, a.key, key_of_span, kind="alias")


def names_another_org(span: Span, other: Span) -> bool:
    """"LIMA (AP)": the bracketed name is a well-known organisation the first name is not."""
    org = L.known_org(other.text)
    return org is not None and L.known_org(span.text) is not org


def link_initials(clusters: dict[str, Cluster], key_of_span: dict) -> None:
    """An all-capitals organisation name that spells the initials of one other organisation of the
    article is its acronym."""
    orgs = [c for c in clusters.values() if c.type == "ORG" and c.spans]
    for c in list(orgs):
        if not c.key.startswith("ORG:") or not c.spans:
            continue
        short = c.key[4:]
        if not re.fullmatch(r"[a-z]{2,6}", short):
            continue
        fits = [o for o in orgs if o is not c and o.spans and initials(o) == short]
        if len(fits) == 1:
            merge_into(clusters, c.key, fits[0].key, key_of_span, kind="acronym")


def initials(cluster: Cluster) -> str:
    name = cluster.canonical or cluster.key.split(":", 1)[1]
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in ("of", "for", "the", "and", "to", "on", "in")]
    return "".join(w[0] for w in words).casefold()


def merge_into(clusters: dict[str, Cluster], src: str, dst: str, key_of_span: dict, kind: str) -> None:
    a, b = clusters[src], clusters[dst]
    if a is b:
        return
    b.spans += [(s, e, kind if k == "name" else k) for s, e, k in a.spans]
    b.country += a.country
    b.extra_aliases |= a.extra_aliases
    b.sector = b.sector or a.sector
    b.canonical = b.canonical or a.canonical
    a.spans = []
    clusters[src] = b
    for k, v in list(key_of_span.items()):
        if v == src:
            key_of_span[k] = dst


# --- mentions the model left unlabelled -----------------------------------------------------

def add_unlabelled_repeats(doc: Doc, clusters: dict[str, Cluster]) -> None:
    """Later occurrences of a person's full name or surname, or an organisation's name, that the
    model did not label."""
    text = doc_text(doc)
    covered = [(e.start_char, e.end_char) for e in doc_ents(doc)]
    forms: dict[str, Optional[Cluster]] = {}
    for c in unique_clusters(clusters):
        if c.type not in ("PERSON", "ORG"):
            continue
        surfaces = {text[s:e] for s, e, k in c.spans if k in ("name", "alias", "acronym")}
        if c.type == "PERSON" and len(c.person_tokens) > 1:
            surfaces |= surname_forms(c.person_tokens)
        for form in surfaces:
            if (len(form) >= 4 or is_written_acronym(form)) and form[0].isupper():
                forms[form] = c if forms.get(form, c) is c else None
    forms = {f: c for f, c in forms.items() if c is not None}
    if not forms:
        return
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
    for m in pattern.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in covered):
            continue
        c = forms[m.group(1)]
        c.spans.append((m.start(), m.end(), "name" if c.type == "ORG" else "alias"))
        covered.append((m.start(), m.end()))


def is_written_acronym(form: str) -> bool:
    """"CDU", "AfD": three or more letters, at least two of them capitals, as an acronym is written."""
    return len(form) >= 3 and form.isalpha() and sum(ch.isupper() for ch in form) >= 2


def unique_clusters(clusters: dict[str, Cluster]) -> list[Cluster]:
    seen, out = set(), []
    for c in clusters.values():
        if id(c) not in seen and c.spans:
            seen.add(id(c))
            out.append(c)
    return out


# --- roles and title mentions --------------------------------------------------------------

def add_roles(doc: Doc, spans: list[Span], clusters: dict[str, Cluster], key_of_span: dict) -> None:
    """Titles written before or in apposition to a person's name become roles; the title
    words are kept as a "title" mention when they stand apart from the name."""
    for span in spans:
        key = key_of_span.get((span.start, span.end))
        if span.label_ != "PERSON" or not key:
            continue
        cluster = clusters[key]
        before = R.title_before(doc, span)
        if before:
            add_organization_before(doc, before, clusters, key_of_span)
            cluster.titles.append(before)
        appos = R.appositive_title(doc, span)
        if appos:
            cluster.titles.append(appos)
            start, end = doc[appos.start].idx, doc[appos.end - 1].idx + len(doc[appos.end - 1])
            if doc[appos.start - 1].lower_ in R.DETERMINERS and appos.start > 0:
                start = doc[appos.start - 1].idx
            cluster.spans.append((start, end, "title"))
        clauses = R.clause_titles(doc, span)
        cluster.titles.extend(clauses)
        for phrase in [p for p in (before, appos) if p] + clauses:
            role_organization(doc, phrase, clusters, key_of_span)
            if phrase.country:
                cluster.country[phrase.country] += 3
        affiliation = affiliation_of(doc, span, clusters, key_of_span)
        if affiliation:
            cluster.country[affiliation] += 3
        nationality = C.nationality_of(doc, span)
        if nationality:
            cluster.country[nationality] += C.NATIONALITY


def add_organization_before(doc: Doc, phrase: R.TitlePhrase, clusters: dict[str, Cluster], key_of_span: dict) -> None:
    """"Chinese Foreign Ministry spokesperson X", "CNE President X": an organisation named right
    before a title is the body the title belongs to; it gives the role its organisation, and
    its country and sector when the title has none."""
    org, key = organization_before(doc, phrase.start, clusters, key_of_span)
    if key is None:
        return
    other = clusters[key]
    phrase.org_key = other.key
    longest = full_name(doc, other)
    phrase.organization = phrase.organization or other.canonical or longest or org.text
    country = name_country(org) or words_country(longest or "") or \
        (other.country.most_common(1)[0][0] if other.country else None)
    phrase.country = phrase.country or country
    phrase.sector = title_sector_in_body(phrase.sector, other.sector or L.org_sector(org.text))


def organization_before(doc: Doc, start: int, clusters: dict[str, Cluster], key_of_span: dict) -> tuple[Optional[Span], Optional[str]]:
    """The organisation named right before token start and its cluster key: a labelled one, or an
    acronym the model left unlabelled here that already names an organisation of the article."""
    org = next((e for e in doc_ents(doc) if e.end == start and e.label_ == "ORG"), None)
    if org is not None:
        return org, key_of_span.get((org.start, org.end))
    word = doc[start - 1] if start > 0 else None
    if word is None or not ((word.is_upper or is_written_acronym(word.text)) and word.is_alpha and len(word) >= 2):
        return None, None
    text = doc_text(doc)
    for key, c in clusters.items():
        if c.type == "ORG" and c.key == key and any(text[s:e] == word.text for s, e, _ in c.spans):
            return doc[word.i:word.i + 1], key
    return None, None


def role_organization(doc: Doc, phrase: R.TitlePhrase, clusters: dict[str, Cluster], key_of_span: dict) -> None:
    """"the NUG's deputy foreign minister", "who heads the MPSR": the organisation a title names
    gets its full name, and gives the title its sector; its country is read once organisations
    have theirs (`countries_from_role_bodies`)."""
    if phrase.org_span is None:
        return
    key = key_of_span.get(phrase.org_span)
    if key is None:
        return
    other = clusters[key]
    phrase.org_key = other.key
    phrase.organization = other.canonical or full_name(doc, other) or phrase.organization
    phrase.sector = title_sector_in_body(phrase.sector, other.sector or L.org_sector(phrase.organization or ""))


def title_sector_in_body(title: Optional[str], body: Optional[str]) -> Optional[str]:
    """The sector of a title held in a body: the title's own ("Defence Ministry spokesman" GOV),
    except in an armed group outside a state, whose commanders are the group's ("Taliban
    commander" REB, not MIL)."""
    if body in C.words()["armed_group_sectors"]:
        return body
    return title or body


def words_country(name: str) -> Optional[str]:
    """The one country named by the words of a name ("Syrian Democratic Forces" -> SYR)."""
    codes = {L.country_of_demonym(w) or L.country_of_name(w) for w in name.split()} - {None}
    return codes.pop() if len(codes) == 1 else None


def full_name(doc: Doc, c: Cluster) -> Optional[str]:
    """The longest name of an organisation that is not an acronym ("National Electoral Council" for "CNE")."""
    text = doc_text(doc)
    names = [text[s:e] for s, e, k in c.spans if k == "name" and not text[s:e].isupper()]
    return max(names, key=len) if names else None


def affiliation_of(doc: Doc, span: Span, clusters: dict[str, Cluster], key_of_span: dict) -> Optional[str]:
    """"Yadanar Maung of the X campaign": the country of the organisation X, when known."""
    i = span.end
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
        for ent in doc_ents(doc):
            if ent.start == j and (ent.start, ent.end) in key_of_span:
                other = clusters[key_of_span[(ent.start, ent.end)]]
                return name_country(ent) or (other.country.most_common(1)[0][0] if other.country else None)
    return None


def name_country(span: Span) -> Optional[str]:
    """A country named inside a name: "Russian Defense Ministry", "Friends of Syria"."""
    codes = {L.country_of_demonym(t.text) or L.country_of_name(t.text) for t in span} - {None}
    if len(span) > 1:
        for ent in doc_ents(span.doc):
            if span.start <= ent.start and ent.end <= span.end and ent.label_ == "GPE":
                codes.add(L.country_of_name(ent.text))
    codes.discard(None)
    return codes.pop() if len(codes) == 1 else None


def add_title_mentions(doc: Doc, clusters: dict[str, Cluster]) -> None:
    """"the Junta leader", "the Russian deputy minister": a definite title phrase is a mention of
    the person of the article whose roles share its head (and fit its modifiers), nearest first."""
    persons = [c for c in unique_clusters(clusters) if c.type == "PERSON" and c.titles]
    if not persons:
        return
    taken = [(s, e) for c in unique_clusters(clusters) for s, e, _ in c.spans]
    quoted = quoted_ranges(doc_text(doc))
    for token in doc:
        if token.lower_ != "the":
            continue
        phrase = R.title_after(doc, token.i, max_len=6)
        if phrase is None:
            continue
        start, end = token.idx, doc[phrase.end - 1].idx + len(doc[phrase.end - 1])
        if any(s <= start < e for s, e in quoted) or is_vague(doc, phrase) or is_plural(doc, phrase):
            continue
        if phrase.end < len(doc) and (doc[phrase.end].ent_type_ == "PERSON" or doc[phrase.end].text == ","):
            continue
        if doc[phrase.end - 1].lower_ in ("'s", "’s"):
            continue      # "the spokesman of Hamas's armed wing": the title goes on past the possessive
        if any(s < end and start < e and not (s >= start and e <= end) for s, e in taken):
            continue
        target = best_person_for(phrase, persons, start)
        if target is not None:
            target.spans.append((start, end, "title"))
            if phrase.country:
                target.country[phrase.country] += 2


def is_vague(doc: Doc, phrase: R.TitlePhrase) -> bool:
    """A bare title word that names no office by itself ("the head", "the member")."""
    vague = set(L.titles()["vague_heads"])
    return (len(phrase.heads) == 1 and phrase.heads[0] in vague and not phrase.modifiers
            and not phrase.country and phrase.end - phrase.start <= 2)


def is_plural(doc: Doc, phrase: R.TitlePhrase) -> bool:
    """"the generals", "the ministers": a plural title names a group, not one person."""
    return any(R.is_head(t) and t.tag_ in ("NNS", "NNPS") for t in doc[phrase.start:phrase.end])


def _norm(words) -> set[str]:
    return {{"vice": "deputy", "defense": "defence"}.get(w, w) for w in words}


def title_words(c: Cluster) -> set[str]:
    """The modifiers and head words of a person's titles ("deputy", "foreign", "minister")."""
    return _norm(m for t in c.titles for m in t.modifiers) | _norm(w.lower() for t in c.titles for h in t.heads for w in h.split())


def fits_modifiers(phrase: R.TitlePhrase, c: Cluster) -> bool:
    return not _norm(phrase.modifiers) - title_words(c) - {"senior", "top", "former", "the"}


def fits_country(phrase: R.TitlePhrase, c: Cluster) -> bool:
    """"the French ambassador" is no one whose titles or evidence give another country."""
    known = {t.country for t in c.titles if t.country} or set(c.country)
    return not (phrase.country and known and phrase.country not in known)


def best_person_for(phrase: R.TitlePhrase, persons: list[Cluster], at: int) -> Optional[Cluster]:
    scored = []
    for c in persons:
        heads = {h.split()[-1] for t in c.titles for h in t.heads}
        if not heads & {h.split()[-1] for h in phrase.heads}:
            continue
        if not fits_country(phrase, c) or not fits_modifiers(phrase, c):
            continue
        wanted = _norm(phrase.modifiers)
        mods = title_words(c)
        before = [at - s for s, _, k in c.spans if s < at and k != "pronoun"]
        if before:
            scored.append((-(len(wanted & mods)), min(before), c.first, c))
    if scored:
        return min(scored, key=lambda x: x[:3])[3]
    return only_person_of_sector(phrase, persons, at)


def only_person_of_sector(phrase: R.TitlePhrase, persons: list[Cluster], at: int) -> Optional[Cluster]:
    """"the Burmese general" when the one person named before it with a military title is "the
    head of the Army, X": a title of the same sector, when exactly one person has one."""
    if phrase.sector is None or office_sector(phrase) not in (None, "MIL"):
        return None
    fits = []
    for c in persons:
        if not fits_country(phrase, c) or not fits_modifiers(phrase, c):
            continue
        if any(t.sector == phrase.sector for t in c.titles) and any(s < at for s, _, k in c.spans if k != "pronoun"):
            fits.append(c)
    return fits[0] if len(fits) == 1 else None


def office_sector(phrase: R.TitlePhrase) -> Optional[str]:
    """The sector the head of a title phrase names by itself: "president" GOV, "judge" JUD,
    "general" MIL, "leader" None. A civil office ("the president") is not anyone of its
    sector who holds another one; a rank or a generic head may be."""
    head = phrase.heads[-1] if phrase.heads else ""
    return L.title_phrases().get(head) or L.title_heads().get(head.split()[-1] if head else "")


def add_pronoun_mentions(doc: Doc, clusters: dict[str, Cluster]) -> None:
    """"he added": a personal pronoun outside quotation marks refers to the nearest person
    mentioned before it within the last two sentences whose known gender does not contradict it;
    a gendered pronoun resolved to a person tells their gender from then on."""
    pronouns = set(L.titles()["pronouns"])
    pronoun_gender = L.titles()["pronoun_gender"]
    persons = [c for c in unique_clusters(clusters) if c.type == "PERSON"]
    if not persons:
        return
    mentions = sorted(((s, e, c) for c in persons for s, e, k in c.spans if k != "pronoun"), key=lambda m: (m[0], m[1]))
    genders = {id(c): gender_of(doc, c) for c in persons}
    quoted = quoted_ranges(doc_text(doc))
    sents = doc_sents(doc)
    for token in doc:
        if token.lower_ not in pronouns or token.pos_ not in ("PRON", "DET"):
            continue
        if any(s <= token.idx < e for s, e in quoted):
            continue
        sent_i = next(i for i, s in enumerate(sents) if s.start <= token.i < s.end)
        window_start = sents[max(0, sent_i - 2)].start_char
        wanted = pronoun_gender.get(token.lower_)
        before = [m for m in mentions if window_start <= m[0] and m[1] <= token.idx
                  and genders[id(m[2])] in (None, wanted)]
        if before:
            person = before[-1][2]
            person.spans.append((token.idx, token.idx + len(token), "pronoun"))
            genders[id(person)] = genders[id(person)] or wanted     # "he" once: no "she" later


def gender_of(doc: Doc, c: Cluster) -> Optional[str]:
    """"m" or "f" when the text tells a person's gender by an honorific or a gendered title ("Ms.
    Rojas", "Daw Thin Thin", "the spokeswoman"); None when it does not or is contradictory."""
    gendered = L.titles()["gendered_words"]
    found = set()
    for s, e, kind in c.spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or kind == "pronoun":
            continue
        words = [t.lower_ for t in span] if kind == "title" else [span[0].lower_]
        if kind != "title" and span.start > 0:
            words.append(doc[span.start - 1].lower_)
        found.update(gendered[w] for w in words if w in gendered)
    found.update(gendered[w] for t in c.titles for h in t.heads for w in h.split() if w in gendered)
    return found.pop() if len(found) == 1 else None


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", text)]


# --- countries -------------------------------------------------------------------------------

def infer_countries(doc: Doc, spans: list[Span], clusters: dict[str, Cluster], key_of_span: dict) -> None:
    """Countries from evidence only (see `countries`): organisations from their names, the words
    before them and their members; people without a title or apposition that names a country
    from the bodies they lead or belong to, then from their kin; national bodies and bare state
    titles from the article's dateline; political leaders named bare from the leaders gazetteer
    (so marked). A person the text gives no country otherwise keeps none, whatever places the
    sentence names."""
    owners = token_owners(doc, clusters)
    for span in spans:
        key = key_of_span.get((span.start, span.end))
        if key and span.label_ == "ORG" and not clusters[key].key.startswith("org:") and clusters[key].sector != "IGO":
            code = name_country(span) or descriptor_country(span) or C.possessive_country(span) \
                or C.article_body_country(span) or C.based_in_country(span) or owner_country(span, owners) \
                or C.apposed_possessive_country(span)
            if code:
                clusters[key].country[code] += 4
    home = dominant_dateline_country(doc, clusters)
    if home:
        dateline_bodies(spans, clusters, key_of_span, home)
    persons = [c for c in unique_clusters(clusters) if c.type == "PERSON"]
    countries_from_role_bodies(persons, clusters)
    if home:
        dateline_titles(doc, persons, clusters, key_of_span, home)
    found: dict[int, list[Span]] = {}

    def names_of(c: Cluster) -> list[Span]:          # a person's name spans, found once
        if id(c) not in found:
            found[id(c)] = name_spans(doc, c)
        return found[id(c)]

    for c in persons:
        if not c.country and any(state_tag(span) for span in names_of(c)):
            c.country["USA"] += C.KIN      # "Rep. X (D-Ohio)": a US state written after the name
    for c in persons:
        if not c.country:
            for span in names_of(c):
                for code, votes in C.group_countries(doc, span):
                    c.country[code] += votes
    for c in persons:
        if not c.country:
            for span in names_of(c):
                for token in C.kin_of(span.root):
                    kin = owners.get(token.i)
                    if kin is not None and kin is not c and kin.type == "PERSON" and kin.country:
                        c.country[kin.country.most_common(1)[0][0]] += C.KIN
    for c in persons:
        if not c.country:
            leader_country(c, names_of(c))
    for span in spans:
        key = key_of_span.get((span.start, span.end))
        if not key or span.label_ != "ORG" or clusters[key].country or clusters[key].key.startswith("org:"):
            continue
        owner_token = C.member_party_owner(span)
        member = owners.get(owner_token.i) if owner_token is not None else None
        if member is not None and member.type == "PERSON" and member.country:
            clusters[key].country[member.country.most_common(1)[0][0]] += C.MEMBER_PARTY


def known_leader(names: Iterable[str]) -> Optional[str]:
    """The office code (CAMEO actor code) the leaders gazetteer gives the first of `names` it
    lists ("Putin" -> "RUSGOV"), else None: a political leader news names without a title."""
    return next(filter(None, map(L.leader_code, names)), None)


def leader_country(c: Cluster, spans: list[Span]) -> None:
    """A political leader the text names without a title or country ("Putin said"): the
    country and sector of the office the leaders gazetteer gives the name, marked as the
    gazetteer's, not the text's."""
    code = known_leader([span.text for span in spans] + sorted(c.extra_aliases))
    if not code:
        return
    if code not in TRANSNATIONAL:
        c.country[code[:3]] += C.KIN
        c.country_from_gazetteer = True
    sector = sector_of_code(code, code[:3])
    if sector and not role_sector(c.titles):
        c.sector = c.sector or sector


def dominant_dateline_country(doc: Doc, clusters: dict[str, Cluster]) -> Optional[str]:
    """The dateline's country when the article is about it: its places, people and name are
    mentioned at least twice as often as any other country's (a Seoul story on a dispute with
    Japan is about both, and its "Prime Minister X" may be Japan's)."""
    home = C.dateline_country(doc)
    if home is None:
        return None
    weight: Counter = Counter()
    for c in unique_clusters(clusters):
        if c.type in ("GPE", "LOC", "NORP") and c.country:
            weight[c.country.most_common(1)[0][0]] += len(c.spans)
    others = [n for code, n in weight.items() if code != home]
    return home if weight[home] >= C.DATELINE_DOMINANCE * max(others, default=0) else None


def dateline_bodies(spans: list[Span], clusters: dict[str, Cluster], key_of_span: dict, home: str) -> None:
    """National bodies (government, courts, parliament, parties) named without a country in an
    article datelined in `home` are that country's."""
    for span in spans:
        key = key_of_span.get((span.start, span.end))
        if not key or span.label_ != "ORG":
            continue
        c = clusters[key]
        if c.country or c.key.startswith("org:") or L.igo_prefix(span.text):
            continue
        name = full_name(span.doc, c) or span.text
        if C.takes_dateline_country(name, c.sector or L.org_sector(name)):
            c.country[home] += C.DATELINE


def dateline_titles(doc: Doc, persons: list[Cluster], clusters: dict[str, Cluster], key_of_span: dict, home: str) -> None:
    """A person the text gives no country, holding a bare state title ("President X") in an
    article datelined in `home`, is of that country; so is one "of" a body that has it now."""
    for c in persons:
        if c.country:
            continue
        if any(C.bare_state_title(t) for t in c.titles):
            c.country[home] += C.DATELINE
            continue
        for span in name_spans(doc, c):
            code = affiliation_of(doc, span, clusters, key_of_span)
            if code:
                c.country[code] += C.DATELINE
                break


def owner_country(span: Span, owners: dict[int, Cluster]) -> Optional[str]:
    """The country of the body or state whose wing or branch an organisation is named as
    ("Hamas's armed wing, the Qassam Brigades")."""
    token = C.owner_of_apposition(span)
    owner = owners.get(token.i) if token is not None else None
    if owner is None or owner.type not in ("ORG", "GPE") or not owner.country:
        return None
    return owner.country.most_common(1)[0][0]


def countries_from_role_bodies(persons: list[Cluster], clusters: dict[str, Cluster]) -> None:
    """"the spokesman of the Transitional Military Council": a person the text gives no country
    takes the country of the state body (government, military, police, courts...) a role of
    theirs belongs to, and so does the role; so does the spokesman or leader of a party or an
    armed group the text ties to a country ("spokesman for the Qassam Brigades")."""
    state = set(L.sectors()["state_sectors"]) | set(C.words()["national_body_sectors"])
    for c in persons:
        if c.country:
            continue
        for phrase in c.titles:
            body = clusters.get(phrase.org_key) if phrase.org_key else None
            if body is None or not body.country:
                continue
            sector = body.sector or phrase.sector
            if sector not in state and not (sector is None and speaks_for_body(phrase)):
                continue
            code = body.country.most_common(1)[0][0]
            phrase.country = phrase.country or code
            c.country[code] += C.GROUP_OWN


def speaks_for_body(phrase: R.TitlePhrase) -> bool:
    """A title that speaks for or leads the body it names ("spokesman", "leader", "commander")."""
    return any(h.split()[-1] in C.words()["member_heads"] for h in phrase.heads)


def name_spans(doc: Doc, c: Cluster) -> list[Span]:
    out = []
    for s, e, kind in c.spans:
        if kind in ("name", "alias"):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                out.append(span)
    return out


def token_owners(doc: Doc, clusters: dict[str, Cluster]) -> dict[int, Cluster]:
    """Token index -> the entity whose mention (name, alias, pronoun, title) covers it."""
    owners: dict[int, Cluster] = {}
    for c in unique_clusters(clusters):
        for s, e, _ in c.spans:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                for t in span:
                    owners.setdefault(t.i, c)
    return owners


def descriptor_country(span: Span) -> Optional[str]:
    """"Russian news agency TASS": the country of the words right before an organisation."""
    doc = span.doc
    i = span.start - 1
    media = set(L.sectors()["media_words"])
    words = []
    while i >= 0 and (doc[i].lower_ in media or doc[i].lower_ in ("news", "state", "agency") or word_is_country(doc[i])):
        words.append(doc[i])
        i -= 1
    codes = {word_is_country(t) for t in words} - {None}
    return codes.pop() if len(codes) == 1 and len(words) > 1 else None


def descriptor_sector(span: Span) -> Optional[str]:
    doc = span.doc
    media = set(L.sectors()["media_words"])
    prev = [t.lower_ for t in doc[max(0, span.start - 3):span.start]]
    nxt = [t.lower_ for t in doc[span.end:span.end + 2]]
    if any(w in media for w in prev[-2:]) or any(w in media for w in nxt[:2]):
        return "MED"
    return None


def word_is_country(token) -> Optional[str]:
    return L.country_of_demonym(token.text) or L.country_of_name(token.text)


# --- the entity record ---------------------------------------------------------------------

def to_entity(article: Article, doc: Doc, c: Cluster, eid: str, date: Optional[str]) -> Entity:
    text = doc_text(doc)
    spans = sorted(set(c.spans))
    mentions = [Mention(article.id, s, e, text[s:e], k) for s, e, k in dedupe(spans)]
    surfaces = [m.text for m in mentions if m.kind in ("name", "alias", "acronym", "metonym", "demonym")]
    aliases = sorted(set(surfaces) | c.extra_aliases)
    name = canonical_name(c, surfaces) or (aliases[0] if aliases else mentions[0].text)
    country = c.country.most_common(1)[0][0] if c.country else None
    roles = [Role(t, p.organization, p.country or country, date, date) for p in c.titles for t in p.titles]
    roles = dedupe_roles(roles)
    sector = c.sector or role_sector(c.titles) or org_context_sector(doc, c)
    type_ = c.type
    return Entity(eid, name, type_, aliases, country, compose_code(type_, country, sector), roles, mentions,
                  _country_from_gazetteer=c.country_from_gazetteer)


def org_context_sector(doc: Doc, c: Cluster) -> Optional[str]:
    if c.type != "ORG":
        return None
    names = [c.canonical] + [doc_text(doc)[s:e] for s, e, k in c.spans if k in ("name", "alias")]
    sector = next((L.org_sector(n) for n in names if n and L.org_sector(n)), None)
    if sector:
        return sector
    for s, e, k in c.spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and descriptor_sector(span):
            return "MED"
        sector = span is not None and (noun_before_sector(span) or group_noun_after(span))
        if sector:
            return sector
    return None


def group_noun_after(span: Span) -> Optional[str]:
    """The sector of a lowercase noun for an armed group right after a body's name ("the X
    militia" REB, "the X rebels" REB)."""
    doc = span.doc
    if span.end >= len(doc) or not doc[span.end].is_lower or doc[span.end].pos_ != "NOUN":
        return None
    return L.group_noun_sector(doc[span.end].lower_)


def noun_before_sector(span: Span) -> Optional[str]:
    """The sector of the lowercase noun phrase right before a body's name ("the rights group X"
    NGO, "the mining company X" BUS)."""
    words = []
    for t in reversed(span.doc[max(0, span.start - 3):span.start]):
        if not (t.is_alpha and t.is_lower):
            break
        words.insert(0, t.lower_)
    return next(filter(None, (L.group_noun_sector(" ".join(words[i:])) for i in range(len(words)))), None)


def dedupe(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for s, e, k in spans:
        if out and s < out[-1][1]:
            continue
        out.append((s, e, k))
    return out


def dedupe_roles(roles: list[Role]) -> list[Role]:
    seen, out = set(), []
    for r in roles:
        key = (L.fold(r.title), r.organization, r.country)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def canonical_name(c: Cluster, surfaces: list[str]) -> Optional[str]:
    if c.canonical:
        return c.canonical
    if c.key.startswith("country:"):
        names = [s for s in surfaces if L.country_of_name(s)]
        if names:
            counts = Counter(re.sub(r"^the ", "", n) for n in names)
            return L.best_country_name(counts)
        return L.preferred_country_names().get(c.key.split(":")[1])
    if c.type == "PERSON" and c.person_tokens:
        return " ".join(c.person_tokens)
    if not surfaces:
        return None
    counts = Counter(surfaces)
    longest = [s for s in counts if not s.isupper()] or list(counts)
    return max(longest, key=lambda s: (len(s.split()), counts[s], s))
