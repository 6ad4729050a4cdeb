"""Read the set-up commands out of README.md (one place for them)."""

from __future__ import annotations

import re

from .conftest import ROOT


def readme_command(marker: str) -> str:
    """The shell command in the code block after ``<!-- marker -->`` in README.md."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(rf"<!-- {re.escape(marker)} -->\s*```sh\n(.*?)\n```", text, re.S)
    assert m, f"README.md has no <!-- {marker} --> code block"
    return m.group(1).strip()
