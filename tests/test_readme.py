"""The README's promises: CI runs its test command; the guide's generated parts are current."""

from __future__ import annotations

import json

from argmap import ArgumentMap, export

from .conftest import ROOT
from .readme import GUIDE, readme_command


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "ARGMAP_STRICT=1" in ci
    assert "test-command" in ci  # .ci/run takes the command from the README itself
    assert "python3-venv" in ci  # what Debian's python3 needs for the command's `python3 -m venv`


def test_readme_commands_install_into_their_own_venv():
    """Both set-up commands make ``.venv`` (or reuse it) and install there, never into the system's Python."""
    for marker in ("install-command", "test-command"):
        command = readme_command(marker)
        assert command.startswith("python3 -m venv .venv && .venv/bin/python -m pip install "), command
        assert "--break-system-packages" not in command and "sudo" not in command


def test_guide_json_contract_names_the_exported_keys():
    text = GUIDE.read_text(encoding="utf-8")
    data = json.loads(export(ArgumentMap.bundled(), "json"))
    for key in set(data) | set(data["claims"][0]) | set(data["relations"][0]):
        assert f'"{key}"' in text, key


def test_what_the_map_says_is_current(run_cli):
    """The guide's strongest and weakest claims are what score and explain print today."""
    from .readme import guide_section, what_the_map_says

    def run(*args):
        res = run_cli(*args)
        assert res.returncode == 0, res.stderr
        return res.stdout

    expected = what_the_map_says(run)
    assert guide_section("what-the-map-says") == expected, "run: python -m tests.readme"
