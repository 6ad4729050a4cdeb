"""A regular install carries the ontology and the bundled map; README command 1 works."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser

import pytest

from .conftest import DEBIAN_PYTHON, ROOT, clean_copy, externally_managed, install_as_readme_says, need, plain_path

pytestmark = pytest.mark.slow  # each test installs argmap


def test_wheel_carries_ontology_and_bundled_map(tmp_path):
    src = clean_copy(tmp_path / "src")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path / "dist", src],
                   check=True, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("argmap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    tracked = {p.relative_to(ROOT).as_posix() for d in ("ontology", "graphs") for p in (ROOT / d).rglob("*") if p.is_file()}
    assert tracked and {f"argmap/_data/{t}" for t in tracked} <= names
    assert {"argmap/templates/map.html", "argmap/templates/semantics.js"} <= names


def _command_1_worked(installed) -> None:
    """README command 1 exited 0, made ``.venv`` and printed, last, the path of the offline page it wrote."""
    res, page = installed.result, installed.src / "argmap.html"
    assert res.returncode == 0, res.stderr[-2000:]
    assert (installed.venv / "pyvenv.cfg").is_file()
    assert res.stdout.strip().splitlines()[-1] == str(page)

    class Refs(HTMLParser):
        remote = []

        def handle_starttag(self, tag, attrs):
            self.remote += [v for k, v in attrs if k in ("src", "href") and v and v.startswith(("http", "//"))]

    parser = Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    assert parser.remote == []


def _venv_base(venv) -> str:
    """The Python ``venv`` was made from (``executable`` in its pyvenv.cfg)."""
    cfg = dict(line.split(" = ", 1) for line in (venv / "pyvenv.cfg").read_text(encoding="utf-8").splitlines()
               if " = " in line)
    return os.path.realpath(cfg.get("executable") or os.path.join(cfg["home"], "python3"))


def test_readme_command_1_makes_its_virtualenv(installed, tmp_path):
    """README command 1 run as written, then the argmap of its ``.venv`` used from elsewhere."""
    _command_1_worked(installed)
    venv, env = installed.venv, installed.env
    # an installed argmap, not the checkout: works from any directory
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    res = subprocess.run(["argmap", "render"], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert (elsewhere / "argmap.html").stat().st_size > 100_000
    where = subprocess.run(["python", "-c", "import argmap, sys; print(argmap.__file__)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout
    assert str(venv) in where
    version = subprocess.run(["argmap", "--version"], env=env, capture_output=True, text=True)
    assert version.stdout.startswith("argmap, version ")


def test_readme_command_1_with_debians_python(request, tmp_path_factory):
    """On Debian, whose python3 refuses ``pip install .`` (PEP 668), README command 1 works as written."""
    python = str(DEBIAN_PYTHON)
    need(DEBIAN_PYTHON.exists(), f"{python} is missing (not a Debian machine)")
    need(externally_managed(python), f"{python} is not marked externally managed (PEP 668)")
    need(subprocess.run([python, "-c", "import ensurepip"]).returncode == 0,
         f"{python} cannot make a venv: python3-venv is not installed")
    plain = shutil.which("python3", path=plain_path())
    if plain and os.path.realpath(plain) == os.path.realpath(python):
        installed = request.getfixturevalue("installed")  # the shell's python3 is Debian's: that run is this one
    else:
        installed = install_as_readme_says(tmp_path_factory.mktemp("install-debian"), first_on_path="/usr/bin")
    _command_1_worked(installed)
    assert _venv_base(installed.venv) == os.path.realpath(python)
    # the old command 1 is refused there (--dry-run and --no-index: nothing is installed in any case)
    old = subprocess.run([python, "-m", "pip", "install", "--dry-run", "--no-index", "--no-deps", "."],
                         cwd=installed.src, env=installed.env, capture_output=True, text=True)
    assert old.returncode != 0
    assert "externally-managed-environment" in old.stderr or "No module named pip" in old.stderr, old.stderr
