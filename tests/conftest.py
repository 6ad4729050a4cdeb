"""Shared fixtures and the strict-mode rule for system parts.

A test that needs a system part (Chromium, Java and the OWL API, Virtuoso,
Graphviz) or a file of ``../shared`` calls :func:`need`: the test skips with
the reason when the part is missing, and fails instead under
``ARGMAP_STRICT=1`` (which CI sets).

Tests that use a browser, a Virtuoso server or README's install (the
fixtures of :data:`SLOW_FIXTURES`), and the few others marked so, are
``slow``: ``pytest -m "not slow"`` runs the rest.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARGMAP_SHARED", ROOT.parent / "shared"))
SOURCE = SHARED / "sources" / "trump-kim-meeting-2018.txt"
CORPORA = SHARED / "corpora"
BUNDLED = ROOT / "graphs" / "trump-kim-meeting.ttl"
DATA = Path(__file__).resolve().parent / "data"
CHROMIUM = os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium")
STRICT = os.environ.get("ARGMAP_STRICT") == "1"


#: The fixtures that make a test ``slow``: Chromium, a Virtuoso server, README command 1's install.
SLOW_FIXTURES = {"chromium_page", "virtuoso_server", "installed"}


def pytest_collection_modifyitems(items):
    """Mark ``slow`` each test that uses a fixture of :data:`SLOW_FIXTURES` (directly or through another fixture)."""
    for item in items:
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def need(condition, reason: str) -> None:
    """Skip the test with ``reason`` unless ``condition``; under ARGMAP_STRICT=1, fail."""
    if condition:
        return
    if STRICT:
        pytest.fail(f"ARGMAP_STRICT=1 and a required part is missing: {reason}")
    pytest.skip(reason)


def need_file(path: Path) -> Path:
    need(path.exists(), f"{path} is missing (the shared folder sits beside the repository)")
    return path


def need_program(name: str) -> str:
    found = shutil.which(name) if not os.path.isabs(name) else (name if os.path.exists(name) else None)
    need(found is not None, f"{name} is not installed")
    return found


@pytest.fixture
def source_text() -> str:
    return need_file(SOURCE).read_text(encoding="utf-8")


def run_here(*argv, cwd=None) -> tuple[int, str, str]:
    """``argmap ARGV`` in this process (in the folder ``cwd``, if given): exit code, standard output, error."""
    import contextlib
    import io

    from argmap.cli import main

    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(cwd or here)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main([str(a) for a in argv])
                code = 0
            except SystemExit as exc:
                code = exc.code
    finally:
        os.chdir(here)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def run_cli(tmp_path):
    """Run ``python -m argmap ARGS`` in a fresh process; returns CompletedProcess."""

    def run(*args, cwd=None, env=None):
        full_env = dict(os.environ)
        full_env.pop("ARGMAP_DEBUG", None)
        # this checkout's package, whatever else is installed
        full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), full_env.get("PYTHONPATH")]))
        full_env.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "argmap", *map(str, args)],
            capture_output=True,
            text=True,
            cwd=cwd or tmp_path,
            env=full_env,
            timeout=300,
        )

    return run


@pytest.fixture
def chromium_page():
    """A Playwright page in Debian's headless Chromium with the network blocked."""
    need_program(CHROMIUM)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the machine
        need(False, "playwright is not installed (pip install '.[test]')")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        context = browser.new_context()
        requests = []

        def route(r):
            requests.append(r.request.url)
            if r.request.url.startswith(("http://", "https://", "ws://", "wss://")):
                return r.abort()
            return r.continue_()

        context.route("**/*", route)
        page = context.new_page()
        page.requests = requests
        page.problems = []
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        try:
            yield page
        finally:
            browser.close()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """One Virtuoso server for the whole session (skips without Virtuoso; fails under ARGMAP_STRICT=1).

    Tests that share it leave behind only the graphs they are known for, or drop theirs.
    """
    program = need_program("virtuoso-t")
    isql = need_program("isql-vt")
    from .virtuoso import Virtuoso

    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"), program, isql)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def owlcheck_classpath(tmp_path_factory):
    """The OWL API checker of tests/owltools.py, compiled once for the session."""
    from .owltools import compile_owlcheck

    return compile_owlcheck(tmp_path_factory.mktemp("owlcheck"))


def clean_copy(dest: Path) -> Path:
    """The tracked files of this checkout (as a clean clone has them), copied to ``dest``."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


DEBIAN_PYTHON = Path("/usr/bin/python3")


def plain_path() -> str:
    """``$PATH`` without the folders of virtual environments, as in a shell where none is active."""
    return os.pathsep.join(d for d in os.environ["PATH"].split(os.pathsep)
                           if d and not (Path(d).parent / "pyvenv.cfg").exists())


def externally_managed(python) -> bool:
    """Whether ``python`` is marked externally managed (PEP 668), as Debian marks its own ``python3``."""
    marker = subprocess.run([python, "-c", "import os, sysconfig; "
                             "print(os.path.join(sysconfig.get_path('stdlib'), 'EXTERNALLY-MANAGED'))"],
                            capture_output=True, text=True)
    return marker.returncode == 0 and Path(marker.stdout.strip()).is_file()


@dataclass
class Installed:
    """A clean copy of the checkout in which README command 1 ran, making its virtual environment ``.venv``."""

    src: Path
    venv: Path
    env: dict  # the shell after ``. .venv/bin/activate``
    result: subprocess.CompletedProcess


def install_as_readme_says(dest: Path, first_on_path: str | None = None) -> Installed:
    """README command 1, run as written in a clean copy in ``dest`` from a shell with no venv active.

    ``first_on_path`` (such as ``/usr/bin``) comes first on ``PATH``, so its ``python3`` is the one the command runs.
    """
    from .readme import readme_command

    src = clean_copy(dest / "src")
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "ARGMAP_DEBUG", "PIP_BREAK_SYSTEM_PACKAGES")}
    env["PATH"] = os.pathsep.join(filter(None, [first_on_path, plain_path()]))
    res = subprocess.run(["bash", "-c", readme_command("install-command")], cwd=src, env=env,
                         capture_output=True, text=True, timeout=900)
    venv = src / ".venv"
    active = dict(env, VIRTUAL_ENV=str(venv), PATH=f"{venv / 'bin'}{os.pathsep}{env['PATH']}")
    return Installed(src, venv, active, res)


@pytest.fixture(scope="session")
def installed(tmp_path_factory):
    """README command 1 with the shell's own ``python3`` (shared by the install and tutorial tests)."""
    return install_as_readme_says(tmp_path_factory.mktemp("install"))
