"""Run the commands of a Markdown guide in order and compare what they print.

A guide marks what the test suite runs:

* ``<!-- run -->`` before a ```` ```sh ```` block: the block is run with bash
  in the folder the previous block ended in (so ``cd`` carries over);
  ``<!-- run exit=1 -->`` expects that exit code instead of 0.
* ``<!-- output -->`` before the ```` ```text ```` block right after: what the
  command prints on standard output, exactly.  A run without one must print
  nothing.
* ``<!-- check NAME ARG -->``: a check the test suite makes at that point
  (such as loading a file with the OWL API, as Protégé does).

Paths and addresses differ from machine to machine, so the guide writes
:data:`ROOT_PLACEHOLDER` for the folder it starts in and
:data:`ENDPOINT_PLACEHOLDER` for the SPARQL server; the test puts the real
ones into the commands and takes them out of the output.
``python -m tests.tutorial`` with ``ARGMAP_UPDATE_DOCS=1`` rewrites the
output blocks from a real run (without a SPARQL server, blocks that need one
keep their text).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ROOT_PLACEHOLDER = "/path/to/argmap"
ENDPOINT_PLACEHOLDER = "http://localhost:8890/sparql"

_STEP = re.compile(
    r"<!-- run(?: exit=(?P<exit>\d+))? -->\n```sh\n(?P<command>.*?)\n```\n"
    r"(?:\s*<!-- output -->\n```text\n(?P<output>.*?)```\n)?"
    r"|<!-- check (?P<check>[\w-]+) (?P<arg>\S+) -->",
    re.S,
)


@dataclass
class Step:
    """One command of the guide (or one check), with what it should print."""

    command: str | None
    output: str | None = None
    exit: int = 0
    check: tuple[str, str] | None = None
    span: tuple[int, int] = field(default=(0, 0))  # where the output block's text sits in the guide

    @property
    def needs_endpoint(self) -> bool:
        return self.command is not None and ENDPOINT_PLACEHOLDER in self.command


def steps(text: str) -> list[Step]:
    """The marked commands and checks of a guide, in order."""
    found = []
    for m in _STEP.finditer(text):
        if m.group("check"):
            found.append(Step(None, check=(m.group("check"), m.group("arg"))))
            continue
        span = m.span("output") if m.group("output") is not None else (m.end(), m.end())
        found.append(Step(m.group("command"), m.group("output"), int(m.group("exit") or 0), span=span))
    return found


def run_step(step: Step, cwd: Path, root: Path, env: dict, endpoint: str | None = None) -> tuple[int, str, str, Path]:
    """Run one command in ``cwd``; (exit code, stdout with placeholders, stderr, folder it ended in)."""
    command = step.command.replace(ROOT_PLACEHOLDER, str(root))
    if endpoint:
        command = command.replace(ENDPOINT_PLACEHOLDER, endpoint)
    where = root / ".tutorial-cwd"
    script = f"{command}\nstatus=$?\npwd > '{where}'\nexit $status\n"
    done = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    out = done.stdout.replace(str(root), ROOT_PLACEHOLDER)
    if endpoint:
        out = out.replace(endpoint, ENDPOINT_PLACEHOLDER)
    out = "\n".join(line.rstrip() for line in out.splitlines()) + ("\n" if out else "")
    return done.returncode, out, done.stderr, Path(where.read_text(encoding="utf-8").strip())


def update(text: str, outputs: dict[int, str]) -> str:
    """``text`` with the output blocks of the steps numbered in ``outputs`` replaced."""
    parts, last = [], 0
    for i, step in enumerate(steps(text)):
        if i not in outputs or step.command is None:
            continue
        start, end = step.span
        new = outputs[i]
        if step.output is None and new:
            new = f"\n<!-- output -->\n```text\n{new}```\n"
        parts += [text[last:start], new]
        last = end
    return "".join(parts) + text[last:]


def _rewrite(guide: Path) -> None:
    """Run the guide in a clean copy of this checkout with this checkout's argmap; rewrite its outputs."""
    import os
    import shutil
    import sys
    import tempfile

    from .conftest import ROOT, clean_copy
    from .virtuoso import Virtuoso

    with tempfile.TemporaryDirectory() as tmp:
        root = clean_copy(Path(tmp) / "argmap")
        bin_dir = Path(tmp) / "bin"
        bin_dir.mkdir()
        shim = bin_dir / "argmap"
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m argmap "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
        env = dict(os.environ, PYTHONPATH=str(ROOT), PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
        server = Virtuoso(Path(tmp) / "virtuoso") if shutil.which("virtuoso-t") else None
        try:
            text = guide.read_text(encoding="utf-8")
            outputs, cwd = {}, root
            for i, step in enumerate(steps(text)):
                if step.command is None or (step.needs_endpoint and server is None):
                    continue
                code, out, err, cwd = run_step(step, cwd, root, env, server.endpoint if server else None)
                if code != step.exit:
                    raise SystemExit(f"{step.command}\nexited with {code}:\n{err}")
                outputs[i] = out
        finally:
            if server is not None:
                server.stop()
    guide.write_text(update(text, outputs), encoding="utf-8")


if __name__ == "__main__":  # ARGMAP_UPDATE_DOCS=1 python -m tests.tutorial
    import os

    from .conftest import ROOT

    if os.environ.get("ARGMAP_UPDATE_DOCS") != "1":
        raise SystemExit("set ARGMAP_UPDATE_DOCS=1 to rewrite the output blocks of docs/tutorial.md")
    _rewrite(ROOT / "docs" / "tutorial.md")
    print(ROOT / "docs" / "tutorial.md")
