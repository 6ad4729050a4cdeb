"""Shared fixtures and the strict-mode rule for system parts.

A test that needs a system part (Chromium, Java and the OWL API, Virtuoso,
Graphviz) or a file of ``../shared`` calls :func:`need`: the test skips with
the reason when the part is missing, and fails instead under
``ARGMAP_STRICT=1`` (which CI sets).

Commands run in this process (``run_cli``, :func:`run_in_process`), as a
fresh ``python -m argmap`` would run them; the few tests of what a real
process does (its exit code and standard error, work that ends with it)
run one (``run_process``).

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


#: The warnings a fresh interpreter hides (its default filters, without ``-W`` or ``PYTHONWARNINGS``).
_HIDDEN_WARNINGS = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)


def _text(data: bytes, encoding: str) -> str:
    """``data`` as ``subprocess.run(..., text=True)`` gives a child's output: decoded, every newline ``\\n``."""
    return data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")


def run_in_process(*args, cwd=None, env=None) -> subprocess.CompletedProcess:
    """``python -m argmap ARGS`` run in this process, as a fresh one would run it; its CompletedProcess.

    :func:`argmap.cli.main` (the entry point, with its error handling) runs
    in the folder ``cwd`` (this one if None) with ``env`` added to the
    environment and ``ARGMAP_DEBUG`` taken out, with an empty standard
    input, and standard output and error written to byte buffers of the
    locale's encoding that are not terminals, with a fresh
    interpreter's warning filters (a warning goes to standard error).  The
    exit code is ``sys.exit``'s, or 1 with the traceback for an exception
    that escapes; the outputs are decoded as ``subprocess.run(...,
    text=True)`` decodes them.  Folder, environment, streams and filters
    are restored afterwards.

    A thread started meanwhile that is still running ten seconds later
    (work abandoned at a timeout, say) would end with a real process but
    not here: that is an error, and such a test runs ``python -m argmap``
    instead (the ``run_process`` fixture).
    """
    import io
    import locale
    import threading
    import traceback
    import warnings

    from argmap.cli import main

    argv = [str(a) for a in args]
    encoding = locale.getpreferredencoding(False)
    out, err = io.BytesIO(), io.BytesIO()
    streams = (io.TextIOWrapper(io.BytesIO(), encoding=encoding),
               io.TextIOWrapper(out, encoding=encoding, write_through=True),
               io.TextIOWrapper(err, encoding=encoding, errors="backslashreplace", write_through=True))
    changes = {"ARGMAP_DEBUG": None, **{k: str(v) for k, v in (env or {}).items()}}
    saved_env = {k: os.environ.get(k) for k in changes}
    saved_streams, here = (sys.stdin, sys.stdout, sys.stderr), os.getcwd()
    threads = set(threading.enumerate())

    def show(message, category, filename, lineno, file=None, line=None):
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))

    def put(values):
        for k, v in values.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v

    try:
        put(changes)
        os.chdir(cwd or here)
        sys.stdin, sys.stdout, sys.stderr = streams
        with warnings.catch_warnings():
            warnings.resetwarnings()
            for category in _HIDDEN_WARNINGS:
                warnings.simplefilter("ignore", category)
            warnings.showwarning = show
            try:
                main(argv)
                code = 0
            except SystemExit as exc:
                code = exc.code
            except Exception:  # noqa: BLE001 - as the interpreter does with what escapes
                traceback.print_exc()
                code = 1
        if code is None:
            code = 0
        elif not isinstance(code, int):
            print(code, file=sys.stderr)
            code = 1
        for stream in streams[1:]:
            stream.flush()
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.chdir(here)
        put(saved_env)
    left = [t for t in threading.enumerate() if t not in threads]
    for t in left:  # such as a test server's thread that answered the command and is ending
        t.join(timeout=10)
    left = [t.name for t in left if t.is_alive()]
    assert not left, f"argmap {' '.join(argv)} left threads running ({left}): run it in a process of its own"
    return subprocess.CompletedProcess(["argmap", *argv], code & 0xFF, _text(out.getvalue(), encoding),
                                       _text(err.getvalue(), encoding))


def run_here(*argv, cwd=None) -> tuple[int, str, str]:
    """``argmap ARGV`` in this process (in the folder ``cwd``, if given): exit code, standard output, error."""
    res = run_in_process(*argv, cwd=cwd)
    return res.returncode, res.stdout, res.stderr


def process_env(env=None) -> dict:
    """The environment of a new ``python -m argmap``: this one without ``ARGMAP_DEBUG``, with ``env`` added.

    The process imports this checkout's package, whatever else is installed.
    """
    full_env = dict(os.environ)
    full_env.pop("ARGMAP_DEBUG", None)
    full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), full_env.get("PYTHONPATH")]))
    full_env.update(env or {})
    return full_env


def run_new_process(*args, cwd, env=None) -> subprocess.CompletedProcess:
    """``python -m argmap ARGS`` in a new process (see :func:`process_env`), in the folder ``cwd``."""
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=process_env(env), timeout=300)


@pytest.fixture
def run_cli(tmp_path):
    """Run ``argmap ARGS`` in this process (see :func:`run_in_process`), in ``tmp_path`` unless ``cwd`` is given."""

    def run(*args, cwd=None, env=None):
        return run_in_process(*args, cwd=cwd or tmp_path, env=env)

    return run


@pytest.fixture
def run_process(tmp_path):
    """Run ``python -m argmap ARGS`` in a fresh process, in ``tmp_path`` unless ``cwd`` is given; its CompletedProcess.

    For the few tests of what a real process does: its exit code, its
    standard error, what it leaves behind.
    """

    def run(*args, cwd=None, env=None):
        return run_new_process(*args, cwd=cwd or tmp_path, env=env)

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
