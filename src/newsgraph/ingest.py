"""Ingest: find the inputs a user names (files, folders, globs) and stream them as RawDoc
records: .html/.htm pages, .txt page dumps, .jsonl annotate rows, .warc/.warc.gz response
records (optionally gzipped: .html.gz, .jsonl.gz). Bytes are decoded here (BOM, UTF-8, the
declared charset, cp1252, Latin-1). Bad input becomes an InputFailure naming the input and
the reason, one per input; the stream goes on. Nothing is read whole that can be streamed."""
from __future__ import annotations

import glob
import gzip
import json
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Union

from newsgraph.records import RawDoc

MAX_BYTES = int(os.environ.get("NEWSGRAPH_MAX_BYTES", 50 * 1024 * 1024))
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""", re.I)
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w\-:.]+)", re.I)
# Labels browsers read as windows-1252 (WHATWG Encoding Standard): pages that say Latin-1
# nearly always mean cp1252 (curly quotes, dashes in 0x80-0x9F).
CP1252_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252",
                 "cp1252", "x-cp1252", "cp819", "ibm819", "iso_8859-1"}
BINARY_MAGIC = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"BZh", b"\xfd7zXZ")
READ_CHUNK = 1 << 16


@dataclass
class InputFailure:
    source: str
    reason: str
    article_id: str | None = None    # set when the input was read but its page could not be analyzed

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


Item = Union[RawDoc, InputFailure]


# --- finding inputs -----------------------------------------------------------
def iter_paths(specs: Iterable[str]) -> Iterator[Union[Path, InputFailure]]:
    """Expand files, folders (recursively, sorted, hidden entries skipped) and globs into input files."""
    for spec in specs:
        matches = sorted(glob.glob(spec, recursive=True)) if glob.has_magic(spec) else [spec]
        if not matches:
            yield InputFailure(spec, "no such file")
        for match in matches:
            path = Path(match)
            if path.is_dir():
                yield from files_in(path)
            elif path.is_file():
                yield path
            elif path.exists():
                yield InputFailure(match, "not a regular file")
            else:
                yield InputFailure(match, "no such file")


def files_in(folder: Path) -> Iterator[Path]:
    """The input files under a folder, in sorted order; unknown kinds and hidden entries skipped."""
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if not hidden and path.is_file() and kind_of(path):
            yield path


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
        else:
            yield from iter_file(path)


def iter_file(path: Path) -> Iterator[Item]:
    """The documents of one input file, or one failure saying why it has none."""
    kind = kind_of(path) or "raw_text"
    try:
        problem = precheck(path, kind)
        if problem:
            yield InputFailure(str(path), problem)
        elif kind == "warc":
            yield from iter_warc(path)
        elif kind == "jsonl":
            yield from iter_jsonl(path)
        else:
            yield read_page(path, kind)
    except (OSError, EOFError, zlib.error) as e:
        yield InputFailure(str(path), f"cannot read: {getattr(e, 'strerror', None) or e}")


def precheck(path: Path, kind: str) -> Optional[str]:
    """Why a file cannot be an input at all (empty, too large a page, binary), judged from
    its size and first bytes. JSONL and WARC files are streamed, so any size is fine."""
    size = path.stat().st_size
    if size == 0:
        return "empty file"
    if kind not in ("warc", "jsonl") and size > MAX_BYTES:
        return too_large(str(path), size).reason
    with open_maybe_gzip(path) as f:
        try:
            head = f.read(8192)
        except EOFError:
            return None if kind == "warc" else "truncated gzip file"
    if not head:
        return "empty file"
    if kind == "warc":
        return None if head.lstrip().startswith((b"WARC/", b"filedesc://")) else "not a WARC file (no WARC/1.x header)"
    if looks_binary(head):
        return "binary content, not a text or HTML page"
    return None


def open_maybe_gzip(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


# --- pages ----------------------------------------------------------------------
def read_page(path: Path, kind: str) -> Item:
    """One .html or .txt page (or its .gz), at most MAX_BYTES, decoded."""
    source = str(path)
    with open_maybe_gzip(path) as f:
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return too_large(source, None)
    text = decode(data, html=(kind == "html"))
    if not text.strip():
        return InputFailure(source, "no text (only whitespace)")
    if kind == "raw_text" and re.match(r"\s*<(!doctype|html|head|body)\b", text[:500], re.I):
        kind = "html"
    return RawDoc(source=source, kind=kind, content=text)


def too_large(source: str, size: Optional[int]) -> InputFailure:
    limit = f"{MAX_BYTES / 1e6:.0f} MB limit (NEWSGRAPH_MAX_BYTES)"
    what = f"{size / 1e6:.0f} MB" if size else "uncompressed size"
    return InputFailure(source, f"too large ({what} > {limit})")


def looks_binary(head: bytes) -> bool:
    """A known binary signature, NUL bytes or many control characters: not a text page."""
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return False  # text with a byte-order mark (UTF-16 has NULs)
    if head.startswith(BINARY_MAGIC) or b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


def decode(data: bytes, html: bool = False, declared: Optional[str] = None) -> str:
    """BOM, then strict UTF-8, then the declared charset (HTTP header, <meta>, <?xml?>),
    then cp1252, then Latin-1 (which never fails)."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for label in (declared, declared_charset(data) if html else None):
        text = decode_as(data, label)
        if text is not None:
            return text
    return decode_as(data, "cp1252") or data.decode("latin-1")


def declared_charset(data: bytes) -> Optional[str]:
    """The charset a page declares in its first 4 KB, if any."""
    head = data[:4096]
    m = META_CHARSET.search(head) or XML_ENCODING.search(head)
    return m.group(1).decode("ascii", "ignore") if m else None


def decode_as(data: bytes, label: Optional[str]) -> Optional[str]:
    """Decode strictly with a declared label (Latin-1 labels read as cp1252); None if it does not fit."""
    if not label:
        return None
    label = label.strip().lower()
    codec = "cp1252" if label in CP1252_LABELS else label
    try:
        return data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return None


# --- JSONL ----------------------------------------------------------------------
def iter_jsonl(path: Path) -> Iterator[Item]:
    """annotate rows: {"id", one of "html" | "raw_text" | "text", "published"?, "title"?, "url"?}."""
    with open_maybe_gzip(path) as f:
        for lineno, raw in enumerate(f, 1):
            where = f"{path}:{lineno}"
            if len(raw) > MAX_BYTES:
                yield too_large(where, len(raw))
            elif raw.strip():
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    yield InputFailure(where, f"invalid UTF-8 at byte {e.start}")
                    continue
                yield parse_row(line, where)


def parse_row(line: str, where: str) -> Item:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        return InputFailure(where, f"invalid JSON ({e.msg} at column {e.colno})")
    if not isinstance(row, dict):
        return InputFailure(where, "not a JSON object")
    doc_id = str(row["id"]) if row.get("id") is not None else None     # a failed row keeps its id
    for kind in ("html", "raw_text", "text"):
        if isinstance(row.get(kind), str):
            title_only = kind == "text" and isinstance(row.get("title"), str) and row["title"].strip()
            if not row[kind].strip() and not title_only:
                return InputFailure(where, f"empty {kind}", doc_id)
            return RawDoc(source=str(row.get("source") or where), kind=kind, content=row[kind],
                          id=doc_id, url=optional_str(row.get("url")),
                          published=optional_str(row.get("published")), title=optional_str(row.get("title")))
    return InputFailure(where, 'no "html", "raw_text" or "text" field', doc_id)


def optional_str(value) -> Optional[str]:
    return str(value) if value not in (None, "") else None


# --- WARC -----------------------------------------------------------------------
class TruncatedInput(Exception):
    """The input ended inside a record (a cut-off gzip member or a short record)."""


class StrictReader:
    """A read-only stream that turns GzipFile's EOFError on a cut-off file into
    TruncatedInput: warcio would read an EOFError as a clean end of the archive."""

    def __init__(self, stream: IO[bytes]):
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        try:
            return self.stream.read(size)
        except EOFError as e:
            raise TruncatedInput(str(e)) from e


def iter_warc(path: Path) -> Iterator[Item]:
    """Each response record with an HTML payload, streamed record by record (warcio), so a
    1 GB archive needs no more memory than a small one. A .gz is decompressed by GzipFile,
    which raises on a cut-off member; a record shorter than its Content-Length is reported."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    whole = 0
    with open_maybe_gzip(path) as stream:
        try:
            records = ArchiveIterator(StrictReader(stream))
            for record in records:
                item = warc_record(path, record)
                whole += 1
                if item is not None:
                    yield item
            if stream.tell() - records.offset > 8:   # bytes after the last whole record: a cut-off header
                raise TruncatedInput(f"{stream.tell() - records.offset} bytes after the last whole record")
        except TruncatedInput as e:
            yield InputFailure(str(path), f"truncated WARC: the file ends inside record {whole + 1} ({e})")
            return
        except (ArchiveLoadFailed, OSError, ValueError, AttributeError, KeyError, zlib.error) as e:
            yield InputFailure(str(path), f"broken WARC after {whole} records ({type(e).__name__}: {e})")
            return
    if whole == 0:
        yield InputFailure(str(path), "no WARC records")


def warc_record(path: Path, record) -> Item | None:
    """A RawDoc for an HTML response record, None for any other record, a failure for a bad
    one; raises TruncatedInput when the record is cut off."""
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
    if record.rec_type != "response" or "html" not in ctype.lower():
        drain_whole(record)
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    source = f"{path}#{record.rec_headers.get_header('WARC-Record-ID') or url}"
    data = record.content_stream().read(MAX_BYTES + 1)
    drain_whole(record)
    if len(data) > MAX_BYTES:
        return too_large(source, None)
    if not data.strip():
        return InputFailure(source, "empty payload")
    m = HEADER_CHARSET.search(ctype)
    text = decode(data, html=True, declared=m.group(1) if m else None)
    return RawDoc(source=source, kind="html", content=text, url=url)


def drain_whole(record) -> None:
    """Read what is left of the record; TruncatedInput when the file ended before its
    Content-Length (or the record's header was cut before its Content-Length line)."""
    if record.rec_headers.get_header("Content-Length") is None:
        raise TruncatedInput("record header without Content-Length")
    raw = record.raw_stream
    while raw.read(READ_CHUNK):
        pass
    if getattr(raw, "limit", 0) != 0:
        raise TruncatedInput(f"record ends {raw.limit} bytes before its Content-Length")
