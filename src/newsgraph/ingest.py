"""Ingest: find the inputs a user names (files, folders, globs) and stream them as RawDoc
records: .html/.htm pages, .txt page dumps, .jsonl annotate rows, .warc/.warc.gz response
records. Bytes are decoded here (BOM, UTF-8, the page's declared charset, cp1252, Latin-1).
Bad input becomes an InputFailure naming the input and the reason; the stream goes on."""
from __future__ import annotations

import glob
import gzip
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Union

from newsgraph.records import RawDoc

MAX_BYTES = int(os.environ.get("NEWSGRAPH_MAX_BYTES", 50 * 1024 * 1024))
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


@dataclass
class InputFailure:
    source: str
    reason: str
    article_id: str | None = None    # set when the input was read but its page could not be analyzed

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


Item = Union[RawDoc, InputFailure]


def iter_paths(specs: Iterable[str]) -> Iterator[Union[Path, InputFailure]]:
    """Expand files, folders (recursively, sorted) and globs into input files."""
    for spec in specs:
        matches = sorted(glob.glob(spec, recursive=True)) if glob.has_magic(spec) else [spec]
        if not matches:
            yield InputFailure(spec, "no such file")
        for match in matches:
            path = Path(match)
            if path.is_dir():
                yield from (p for p in sorted(path.rglob("*")) if p.is_file() and kind_of(p) and not p.name.startswith("."))
            elif path.is_file():
                yield path
            else:
                yield InputFailure(match, "no such file")


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    suffix = Path(name[:-3]).suffix if name.endswith(".gz") else path.suffix.lower()
    if suffix in WARC_SUFFIXES:
        return "warc"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "raw_text"
    return None


def iter_inputs(specs: Iterable[str]) -> Iterator[Item]:
    """Every document in the inputs, streamed; failures are yielded, not raised."""
    for path in iter_paths(specs):
        if isinstance(path, InputFailure):
            yield path
            continue
        kind = kind_of(path) or "raw_text"
        try:
            if kind == "warc":
                yield from iter_warc(path)
            elif kind == "jsonl":
                yield from iter_jsonl(path)
            else:
                yield read_page(path, kind)
        except OSError as e:
            yield InputFailure(str(path), f"cannot read: {e.strerror or e}")


def read_page(path: Path, kind: str) -> Item:
    source = str(path)
    size = path.stat().st_size
    if size == 0:
        return InputFailure(source, "empty file")
    if size > MAX_BYTES:
        return InputFailure(source, f"too large ({size / 1e6:.0f} MB > {MAX_BYTES / 1e6:.0f} MB limit)")
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        data = gzip.decompress(data)
    if looks_binary(data):
        return InputFailure(source, "binary content, not a text or HTML page")
    text = decode(data, html=(kind == "html"))
    if not text.strip():
        return InputFailure(source, "no text (only whitespace)")
    if kind == "raw_text" and re.match(r"\s*<(!doctype|html|head|body)\b", text[:500], re.I):
        kind = "html"
    return RawDoc(source=source, kind=kind, content=text)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB: not a text page."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def decode(data: bytes, html: bool = False) -> str:
    """BOM, then strict UTF-8, then the page's declared charset, then cp1252, then Latin-1."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        m = META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii", "ignore").lower()
            declared = "cp1252" if declared in ("iso-8859-1", "latin-1", "latin1", "us-ascii") else declared
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def iter_jsonl(path: Path) -> Iterator[Item]:
    """annotate rows: {"id", one of "html" | "raw_text" | "text", "published"?, "title"?, "url"?}."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as f:
        for lineno, line in enumerate(f, 1):
            if line.strip():
                yield parse_row(line, f"{path}:{lineno}")


def parse_row(line: str, where: str) -> Item:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        return InputFailure(where, f"invalid JSON ({e.msg})")
    if not isinstance(row, dict):
        return InputFailure(where, "not a JSON object")
    for kind in ("html", "raw_text", "text"):
        if isinstance(row.get(kind), str):
            if not row[kind].strip():
                return InputFailure(where, f"empty {kind}")
            doc_id = row.get("id")
            return RawDoc(source=str(row.get("source") or where), kind=kind, content=row[kind],
                          id=str(doc_id) if doc_id is not None else None, url=row.get("url"),
                          published=row.get("published"), title=row.get("title"))
    return InputFailure(where, 'no "html", "raw_text" or "text" field')


def iter_warc(path: Path) -> Iterator[Item]:
    """Each response record with an HTML payload, streamed (warcio reads record by record)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                item = warc_record(path, record)
                if item is not None:
                    yield item
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, gzip.BadGzipFile) as e:
            yield InputFailure(str(path), f"truncated or broken WARC ({type(e).__name__}: {e})")


def warc_record(path: Path, record) -> Item | None:
    if record.rec_type != "response":
        return None
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
    if "html" not in ctype.lower():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    record_id = record.rec_headers.get_header("WARC-Record-ID") or url
    source = f"{path}#{record_id}"
    data = record.content_stream().read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return InputFailure(source, "record too large")
    if not data.strip():
        return InputFailure(source, "empty payload")
    m = re.search(r"charset=([\w\-:.]+)", ctype, re.I)
    text = None
    if m:
        try:
            text = data.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            text = None
    return RawDoc(source=source, kind="html", content=text or decode(data, html=True), url=url)
