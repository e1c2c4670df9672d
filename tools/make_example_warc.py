#!/usr/bin/env python3
"""Write examples/wire-archive.warc.gz from the pages in tools/warc_pages/ (warcio).

The archive looks like a small crawl: a warcinfo record, then for each page a request and
an HTML response record, plus a text/plain robots.txt response that ingest must skip.
Dates and record ids are fixed, so running this again gives the same file.

    .venv/bin/python tools/make_example_warc.py
"""
from __future__ import annotations

import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "examples" / "wire-archive.warc.gz"
PAGES = [  # (page file, URL it was fetched from, WARC-Date)
    ("meridian-talks-suspended.html",
     "https://www.meridianwire.example/world/2024/03/25/oskara-geneva-talks-suspended", "2024-03-25T15:02:11Z"),
    ("relief-daily-belmora-convoy.html",
     "https://reliefdaily.example/news/2024/03/27/belmora-border-camp-convoy", "2024-03-27T08:45:37Z"),
]
ROBOTS_URL = "https://reliefdaily.example/robots.txt"


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}>"


def headers(name: str, date: str) -> dict:
    return {"WARC-Record-ID": record_id(name), "WARC-Date": date}


def write_response(writer: WARCWriter, url: str, date: str, body: bytes, content_type: str) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                  http_headers=http, warc_headers_dict=headers("response " + url, date)))


def write_request(writer: WARCWriter, url: str, date: str) -> None:
    host = url.split("/")[2]
    path = "/" + url.split("/", 3)[3]
    http = StatusAndHeaders(f"GET {path} HTTP/1.1", [("Host", host), ("User-Agent", "newsgraph-example-crawler/0.1")],
                            is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", http_headers=http,
                                                  warc_headers_dict=headers("request " + url, date)))


def main() -> None:
    with open(OUT, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        info = writer.create_warcinfo_record("wire-archive.warc.gz", {"software": "warcio", "format": "WARC File Format 1.0",
                                                                      "description": "newsgraph example crawl (invented pages)"})
        info.rec_headers.replace_header("WARC-Record-ID", record_id("warcinfo"))
        info.rec_headers.replace_header("WARC-Date", "2024-03-27T08:45:00Z")
        writer.write_record(info)
        write_request(writer, ROBOTS_URL, "2024-03-27T08:45:36Z")
        write_response(writer, ROBOTS_URL, "2024-03-27T08:45:36Z", b"User-agent: *\nDisallow: /admin/\n", "text/plain")
        for name, url, date in PAGES:
            body = (HERE / "warc_pages" / name).read_bytes()
            write_request(writer, url, date)
            write_response(writer, url, date, body, "text/html; charset=utf-8")
    print(f"wrote {OUT.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
