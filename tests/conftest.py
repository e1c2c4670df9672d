"""Shared fixtures for the end-to-end tests: the real CLI in a subprocess over a real SQLite
file, and one ingest of examples/ per test session (copied for tests that write)."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO / ".." / "shared"
CLI_TIMEOUT = int(os.environ.get("NEWSGRAPH_TEST_TIMEOUT", 900))   # the machine may be shared and slow


def newsgraph_command() -> list[str]:
    """The installed console script beside this interpreter, else the module."""
    script = Path(sys.executable).parent / "newsgraph"
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsgraph.cli"]


@dataclass
class Run:
    rc: int
    stdout: str
    stderr: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("error: ")]

    @property
    def summary(self) -> dict[str, int]:
        """The ingest summary line 'ingested N, unchanged N, updated N, failed N' as a dict."""
        for line in reversed(self.stdout.splitlines()):
            if line.startswith("ingested "):
                return {k: int(v) for v, k in (part.split()[::-1] for part in line.split(", "))}
        raise AssertionError(f"no summary line in stdout:\n{self.stdout}\n{self.stderr}")


def run_cli(db: Path | None, *args: str, cwd: Path = REPO, env: dict | None = None) -> Run:
    """`newsgraph [--db DB] ARGS...` in a subprocess; stdout and stderr captured."""
    cmd = newsgraph_command() + (["--db", str(db)] if db else []) + list(args)
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=CLI_TIMEOUT,
                          env={**os.environ, **(env or {})})
    return Run(proc.returncode, proc.stdout, proc.stderr)


def copy_store(src: Path, dst: Path) -> Path:
    """Copy a store file after folding its WAL in, so the copy is complete."""
    con = sqlite3.connect(src)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    shutil.copyfile(src, dst)
    return dst


@dataclass
class IngestedExamples:
    db: Path
    ingest: Run
    folder: Path


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory) -> IngestedExamples:
    """examples/ ingested once per session, as `make demo` does (default worker processes)."""
    folder = tmp_path_factory.mktemp("examples-store")
    db = folder / "examples.db"
    result = run_cli(db, "ingest", "examples/")
    assert result.rc == 0, f"ingest of examples/ failed (rc {result.rc}):\n{result.stdout}\n{result.stderr[-3000:]}"
    return IngestedExamples(db, result, folder)


@pytest.fixture
def examples_copy(examples_store, tmp_path) -> Path:
    """A private copy of the examples store, for tests that write to it."""
    return copy_store(examples_store.db, tmp_path / "copy.db")


@pytest.fixture(scope="session")
def examples_kb(examples_store) -> dict:
    """The examples store exported as the contract's JSON."""
    out = examples_store.folder / "kb.json"
    result = run_cli(examples_store.db, "export", "--format", "json", "-o", str(out))
    assert result.rc == 0, result.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    """The pipeline's spaCy model with our components, loaded once for the whole session."""
    from newsgraph.nlp import get_nlp
    return get_nlp()
