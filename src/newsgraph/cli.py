"""The command line: `newsgraph [--db PATH] COMMAND ...` over the store and the pipeline."""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Iterable, Optional

from newsgraph.records import to_dict
from newsgraph.store import Store, default_path


def main(argv: Optional[list[str]] = None) -> int:
    args = parser().parse_args(argv)
    if not getattr(args, "func", None):
        parser().print_help()
        return 2
    try:
        return args.func(args) or 0
    except BrokenPipeError:
        return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsgraph", description="Raw news pages in, a sourced knowledge base out.")
    p.add_argument("--db", default=None, help="SQLite store (default: $NEWSGRAPH_DB or ./newsgraph.db)")
    sub = p.add_subparsers(dest="command")

    def cmd(name, func, help):
        sp = sub.add_parser(name, help=help)
        sp.set_defaults(func=func)
        return sp

    sp = cmd("ingest", cmd_ingest, "ingest files, folders, globs: .html .txt .jsonl .warc[.gz]")
    sp.add_argument("paths", nargs="+")
    sp.add_argument("--processes", type=int, default=None)
    cmd("articles", cmd_articles, "list articles: id, date, outlet, title")
    sp = cmd("show", cmd_show, "one clean article with metadata, entities marked, removed lines")
    sp.add_argument("id")
    sp = cmd("entities", cmd_entities, "list resolved entities")
    sp.add_argument("--type")
    sp.add_argument("--country")
    sp = cmd("entity", cmd_entity, "an entity's profile")
    sp.add_argument("name")
    sp = cmd("export", cmd_export, "export the knowledge base")
    sp.add_argument("--format", default="json", choices=["json", "jsonl", "plover", "gdelt", "acled"])
    sp.add_argument("-o", "--output", required=True)
    sp = cmd("annotate", cmd_annotate, "stateless batch mode: JSONL in, JSONL out, no store")
    sp.add_argument("input")
    sp.add_argument("-o", "--output", required=True)
    sp.add_argument("--stories", action="store_true", help="fill story_id and duplicate_of across the input")
    sp.add_argument("--processes", type=int, default=None)
    sp.add_argument("--strict", action="store_true",
                    help="exit 1 when a document failed (its line still says why: {id, error})")
    sp = cmd("events", cmd_events, "list events: date, type/mode, source -> target, place, evidence")
    add_event_filters(sp)
    sp.add_argument("--type")
    sp.add_argument("--country")
    sp = cmd("event", cmd_event, "one event: every field and each sentence that reports it")
    sp.add_argument("id")
    sp = cmd("timeline", cmd_timeline, "dated events in order")
    add_event_filters(sp)
    sp.add_argument("--story")
    sp.add_argument("--format", default="table", choices=["table", "csv", "json", "html"])
    sp.add_argument("--png", help="also draw the timeline to this PNG file")
    sp = cmd("quotes", cmd_quotes, "quotes with their speakers")
    sp.add_argument("--speaker")
    sp.add_argument("--about")
    sp.add_argument("--since", type=calendar_date, help="YYYY, YYYY-MM or YYYY-MM-DD")
    sp = cmd("claims", cmd_claims, "numbers with who asserts them")
    sp.add_argument("--about")
    sp.add_argument("--source")
    sp = cmd("stories", cmd_stories, "stories: id, title, dates, articles, outlets")
    sp.add_argument("--since", type=calendar_date, help="YYYY, YYYY-MM or YYYY-MM-DD")
    sp.add_argument("--entity")
    sp = cmd("story", cmd_story, "one story: articles (copies under originals), actors, timeline")
    sp.add_argument("id")
    return p


def add_event_filters(sp) -> None:
    sp.add_argument("--actor")
    sp.add_argument("--since", type=calendar_date, help="YYYY, YYYY-MM or YYYY-MM-DD")
    sp.add_argument("--until", type=calendar_date, help="YYYY, YYYY-MM or YYYY-MM-DD")


def calendar_date(text: str) -> str:
    """A --since/--until bound: a year, a month or a day that exists ("2026-13-01" is refused)."""
    import datetime as dt
    parts = text.split("-")
    try:
        if not 1 <= len(parts) <= 3 or len(parts[0]) != 4:
            raise ValueError
        dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r}: use YYYY, YYYY-MM or YYYY-MM-DD") from None
    return text


def note(message: str) -> None:
    """A line for the user on stderr, after whatever stdout holds (a count never lands inside a table)."""
    sys.stdout.flush()
    print(message, file=sys.stderr)


def open_store(args) -> Store:
    import os
    path = args.db or default_path()
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        print(f"error: {path}: the store's folder {folder} does not exist", file=sys.stderr)
        raise SystemExit(2)
    try:
        return Store(path)
    except Exception as e:  # not a database, no permission, ...
        print(f"error: {path}: cannot open the store ({e})", file=sys.stderr)
        raise SystemExit(2)


def cmd_ingest(args) -> int:
    from newsgraph.service import ingest
    store = open_store(args)
    bar = progress_bar(count_pages(args.paths))
    report = ingest(store, args.paths, on_failure=lambda line: print(f"error: {line}", file=sys.stderr),
                    progress=bar.update if bar else None, processes=args.processes)
    if bar:
        bar.close()
    print(report.line())
    return 1 if report.failed else 0


def progress_bar(total: Optional[int]):
    """count, rate and (when the number of pages is known up front) ETA, on a terminal only."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm
    return tqdm(total=total, unit=" pages", desc="ingest", file=sys.stderr)


def count_pages(specs: list[str]) -> Optional[int]:
    """Number of pages when every input is one page per file; None with WARC or JSONL inputs."""
    from pathlib import Path
    from newsgraph.ingest import iter_paths, kind_of
    n = 0
    for path in iter_paths(specs):
        if isinstance(path, Path):
            if kind_of(path) in ("warc", "jsonl"):
                return None
            n += 1
    return n


def cmd_articles(args) -> int:
    rows = [(a.id, (a.published or "")[:10], a.outlet or "", a.title or "") for a in open_store(args).articles()]
    print_table(("id", "date", "outlet", "title"), rows)
    return 0


def cmd_show(args) -> int:
    store = open_store(args)
    found = store.article(args.id)   # an id or an id prefix
    analysis = store.analysis(found.id) if found else None
    if analysis is None:
        print(f"no article {args.id}", file=sys.stderr)
        return 1
    art = analysis.article
    for key in ("id", "title", "subtitle", "published", "outlet", "original_outlet", "authors", "url", "source",
                "story_id", "duplicate_of"):
        value = getattr(art, key)
        print(f"{key:16s} {', '.join(value) if isinstance(value, list) else value or '-'}")
    print()
    print(mark_entities(art.text, analysis.entities))
    print("\nentities:")
    for e in analysis.entities:
        print(f"  {e.type:7s} {e.name} [{e.actor_code or e.country or '-'}] x{len(e.mentions)}")
    print("\nremoved lines:")
    for line in art.removed:
        print(f"  - {line}")
    return 0


def mark_entities(text: str, entities) -> str:
    """The text with each entity mention wrapped as [mention|TYPE]."""
    spans = sorted({(m.start, m.end, e.type) for e in entities for m in e.mentions}, reverse=True)
    last = len(text) + 1
    for start, end, etype in spans:
        if end <= last:
            text = text[:start] + "[" + text[start:end] + "|" + etype + "]" + text[end:]
            last = start
    return text


def cmd_entities(args) -> int:
    rows = []
    for e in open_store(args).entities():
        if args.type and e.type != args.type.upper():
            continue
        if args.country and e.country != args.country.upper():
            continue
        rows.append((e.id, e.type, e.name, e.country or "", e.actor_code or "", len(e.mentions)))
    print_table(("id", "type", "name", "country", "actor", "mentions"), rows)
    return 0


def cmd_entity(args) -> int:
    from newsgraph import queries
    store = open_store(args)
    found = queries.entities_matching(store, args.name)
    if not found:
        print(f"no entity matches {args.name!r}", file=sys.stderr)
        return 1
    texts: dict[str, str] = {}
    for e in found[:3]:
        print(f"{e.name}  ({e.type}, {e.country or '-'}, {e.actor_code or '-'})  id {e.id}")
        print(f"  aliases: {', '.join(e.aliases) or '-'}")
        for r in e.roles:
            print(f"  role: {r.title}{' of ' + (r.organization or r.country) if (r.organization or r.country) else ''} ({r.first_seen or '?'} .. {r.last_seen or '?'})")
        arts = sorted({m.article_id for m in e.mentions})
        print(f"  articles: {', '.join(arts)}")
        for m in e.mentions[:20]:
            if m.article_id not in texts:
                art = store.article(m.article_id)
                texts[m.article_id] = art.text if art else ""
            t = texts[m.article_id]
            ctx = t[max(0, m.start - 50):m.start] + "[" + t[m.start:m.end] + "]" + t[m.end:m.end + 50]
            print(f"    {m.article_id} {m.start}-{m.end}: …{ctx.replace(chr(10), ' ')}…")
        print()
    return 0


def cmd_export(args) -> int:
    from newsgraph.export import export
    n = export(open_store(args), args.format, args.output)
    print(f"exported {n} records to {args.output}", file=sys.stderr)
    return 0


def cmd_annotate(args) -> int:
    from newsgraph.service import annotate
    if not os.path.isfile(args.input):
        print(f"error: {args.input}: no such file", file=sys.stderr)
        return 1
    with open(args.output, "w", encoding="utf-8") as out:
        report = annotate(args.input, out, stories=args.stories, processes=args.processes,
                          on_failure=lambda line: print(f"error: {line}", file=sys.stderr))
    print(f"annotated {report.ingested}, failed {report.failed}", file=sys.stderr)
    return 1 if args.strict and report.failed else 0


def actors(items) -> str:
    return ", ".join(f"{a.name}[{a.actor_code or '-'}]" for a in items) or "-"


def cmd_events(args) -> int:
    from newsgraph import queries
    evs = queries.events(open_store(args), actor=args.actor, type_=args.type, country=args.country,
                         since=args.since, until=args.until)
    for ev in evs:
        when = ev.date.value if ev.date and ev.date.value else "?"
        where = f" in {ev.place.name}" if ev.place else ""
        print(f"{when:12s} {ev.type}/{ev.mode or '-'} ({ev.cameo or '-'}) {actors(ev.source)} -> {actors(ev.target)}{where}"
              f"  [{ev.modality}]  {ev.id}")
        for x in ev.evidence:
            print(f"    {x.article_id}: {x.sentence.strip()[:200]}")
    note(f"{len(evs)} events")
    return 0


def cmd_event(args) -> int:
    store = open_store(args)
    ev = store.event(args.id)
    if ev is None:
        print(f"no event {args.id}", file=sys.stderr)
        return 1
    print(json.dumps(to_dict(ev), ensure_ascii=False, indent=1))
    return 0


def cmd_timeline(args) -> int:
    from newsgraph import queries, timeline
    evs = queries.events(open_store(args), actor=args.actor, since=args.since, until=args.until, story=args.story)
    table = timeline.rows(evs)
    if args.png:
        timeline.render_png(table, args.png)
        note(f"wrote {args.png}")
    if args.format == "csv":
        sys.stdout.write(timeline.as_csv(table))
    elif args.format == "json":
        print(timeline.as_json(table))
    elif args.format == "html":
        print(timeline.as_html(table))
    else:
        print_table(("date", "type/mode", "source", "target", "place", "event"),
                    [(r.date, f"{r.type}/{r.mode or '-'}", r.source, r.target, r.place, r.event_id) for r in table])
    return 0


def cmd_quotes(args) -> int:
    from newsgraph import queries
    for q in queries.quotes(open_store(args), speaker=args.speaker, about=args.about, since=args.since):
        who = q.speaker.name if q.speaker else "(unknown)"
        via = f" via {q.via}" if q.via else ""
        mark = '"' if q.direct else "~"
        cue = f"not {q.cue}" if q.negated else q.cue or "-"
        print(f"{q.date or '?':10s} {who}{via} ({cue}): {mark}{q.text.strip()[:300]}{mark}  [{q.article_id}]")
    return 0


def cmd_claims(args) -> int:
    from newsgraph import queries
    for c in queries.claims(open_store(args), about=args.about, source=args.source):
        period = f" {c.period.start}..{c.period.end}" if c.period else ""
        chain = " <- ".join(c.attribution) or "(no source)"
        print(f"{plain_number(c.value)}{(' ' + c.unit) if c.unit else ''} {c.what or ''}{period}  according to {chain}  [{c.article_id}]")
    return 0


def plain_number(value: float) -> str:
    """30000000000.0 -> "30,000,000,000", 15.1 -> "15.1" (never "3e+10")."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.6f}".rstrip("0").rstrip(".")


def cmd_stories(args) -> int:
    from newsgraph import queries
    store = open_store(args)
    arts = {a.id: a for a in store.articles(with_text=False)}
    wanted = queries.entity_ids_matching(store, args.entity)
    rows = []
    for st in queries.stories(store):
        dates = sorted((arts[i].published or "")[:10] for i in st.article_ids if i in arts and arts[i].published)
        if args.since and (not dates or dates[-1] < args.since):
            continue
        if wanted is not None and not wanted & set(st.entity_ids):
            continue
        outlets = sorted({arts[i].outlet for i in st.article_ids if i in arts and arts[i].outlet})
        span = f"{dates[0]}..{dates[-1]}" if dates else "-"
        rows.append((st.id, st.title or "", span, len(st.article_ids), ", ".join(outlets)))
    print_table(("id", "title", "dates", "articles", "outlets"), rows)
    return 0


def cmd_story(args) -> int:
    from newsgraph import queries, timeline
    store = open_store(args)
    st = queries.find_story(store, args.id)
    if st is None:
        print(f"no story {args.id}", file=sys.stderr)
        return 1
    print(f"{st.id}: {st.title}")
    members = [a for a in (store.article_head(i) for i in st.article_ids) if a is not None]
    for a in members:
        if a.duplicate_of is None or a.duplicate_of not in st.article_ids:
            print(f"  {(a.published or '')[:10]:10s} {a.outlet or '-'}: {a.title}  [{a.id}]")
            for c in members:
                if c.duplicate_of == a.id:
                    print(f"      copy: {c.outlet or '-'}{' from ' + c.original_outlet if c.original_outlet else ''}: {c.title}  [{c.id}]")
    ents = [e for e in (store.entity(i) for i in st.entity_ids[:12]) if e is not None]
    print("  actors: " + ", ".join(e.name for e in ents))
    evs = [v for v in (store.event(i) for i in st.event_ids) if v is not None]
    for r in timeline.rows(evs):
        print(f"  {r.date:12s} {r.type}/{r.mode or '-'} {r.summary}")
    return 0


def print_table(header: tuple, rows: Iterable[tuple]) -> None:
    rows = [tuple(str(c) for c in r) for r in rows]
    widths = [min(60, max([len(h)] + [len(r[i]) for r in rows])) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for r in rows:
        print("  ".join((c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(r, widths)))


if __name__ == "__main__":
    sys.exit(main())
