"""The command line: `newsgraph [--db PATH] COMMAND ...` over the store and the pipeline."""
from __future__ import annotations

import argparse
import json
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
    return p


def open_store(args) -> Store:
    return Store(args.db or default_path())


def cmd_ingest(args) -> int:
    from newsgraph.service import ingest
    store = open_store(args)
    bar = progress_bar()
    report = ingest(store, args.paths, on_failure=lambda line: print(f"error: {line}", file=sys.stderr),
                    progress=bar.update if bar else None, processes=args.processes)
    if bar:
        bar.close()
    print(report.line())
    return 1 if report.failed else 0


def progress_bar():
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm
    return tqdm(unit=" pages", desc="ingest", file=sys.stderr)


def cmd_articles(args) -> int:
    rows = [(a.id, (a.published or "")[:10], a.outlet or "", a.title or "") for a in open_store(args).articles()]
    print_table(("id", "date", "outlet", "title"), rows)
    return 0


def cmd_show(args) -> int:
    store = open_store(args)
    analysis = store.analysis(args.id) or (store.article(args.id) and store.analysis(store.article(args.id).id))
    if analysis is None:
        print(f"no article {args.id}", file=sys.stderr)
        return 1
    art = analysis.article
    for key in ("id", "title", "subtitle", "published", "outlet", "original_outlet", "url", "source", "story_id", "duplicate_of"):
        print(f"{key:16s} {getattr(art, key) or '-'}")
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


def find_entities(store: Store, name: str):
    want = name.casefold()
    ents = list(store.entities())
    exact = [e for e in ents if want == e.name.casefold() or want in (a.casefold() for a in e.aliases)]
    return exact or [e for e in ents if want in e.name.casefold() or any(want in a.casefold() for a in e.aliases)]


def cmd_entity(args) -> int:
    store = open_store(args)
    found = find_entities(store, args.name)
    if not found:
        print(f"no entity matches {args.name!r}", file=sys.stderr)
        return 1
    texts = {a.id: a.text for a in store.articles()}
    for e in found[:3]:
        print(f"{e.name}  ({e.type}, {e.country or '-'}, {e.actor_code or '-'})  id {e.id}")
        print(f"  aliases: {', '.join(e.aliases) or '-'}")
        for r in e.roles:
            print(f"  role: {r.title}{' of ' + (r.organization or r.country) if (r.organization or r.country) else ''} ({r.first_seen or '?'} .. {r.last_seen or '?'})")
        arts = sorted({m.article_id for m in e.mentions})
        print(f"  articles: {', '.join(arts)}")
        for m in e.mentions[:20]:
            t = texts.get(m.article_id, "")
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
    with open(args.output, "w", encoding="utf-8") as out:
        report = annotate(args.input, out, stories=args.stories, processes=args.processes,
                          on_failure=lambda line: print(f"error: {line}", file=sys.stderr))
    print(f"annotated {report.ingested}, failed {report.failed}", file=sys.stderr)
    return 0


def print_table(header: tuple, rows: Iterable[tuple]) -> None:
    rows = [tuple(str(c) for c in r) for r in rows]
    widths = [min(60, max([len(h)] + [len(r[i]) for r in rows])) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for r in rows:
        print("  ".join((c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(r, widths)))


if __name__ == "__main__":
    sys.exit(main())
