"""A regular install carries the ontology and the bundled map; README command 1 works."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from html.parser import HTMLParser

from .conftest import ROOT, clean_copy


def test_wheel_carries_ontology_and_bundled_map(tmp_path):
    src = clean_copy(tmp_path / "src")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path / "dist", src],
                   check=True, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("argmap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    tracked = {p.relative_to(ROOT).as_posix() for d in ("ontology", "graphs") for p in (ROOT / d).rglob("*") if p.is_file()}
    assert tracked and {f"argmap/_data/{t}" for t in tracked} <= names
    assert "argmap/templates/map.html" in names


def test_readme_command_1_in_a_new_virtualenv(installed, tmp_path):
    """A new venv, README command 1 run as written, then ``argmap render`` elsewhere."""
    src, venv, env, res = installed.src, installed.venv, installed.env, installed.result
    assert res.returncode == 0, res.stderr[-2000:]
    page = src / "argmap.html"
    assert res.stdout.strip().splitlines()[-1] == str(page)

    class Refs(HTMLParser):
        remote = []

        def handle_starttag(self, tag, attrs):
            self.remote += [v for k, v in attrs if k in ("src", "href") and v and v.startswith(("http", "//"))]

    parser = Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    assert parser.remote == []
    # an installed argmap, not the checkout: works from any directory
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    res = subprocess.run([str(venv / "bin" / "argmap"), "render"], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert (elsewhere / "argmap.html").stat().st_size > 100_000
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import argmap, sys; print(argmap.__file__)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout
    assert str(venv) in where
    version = subprocess.run([str(venv / "bin" / "argmap"), "--version"], env=env, capture_output=True, text=True)
    assert version.stdout.startswith("argmap, version ")
