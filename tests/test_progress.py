"""Progress bars: drawn on a terminal for long work, never in piped output."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
import threading
import time

from argmap.progress import DELAY_VARIABLE, progress

from .conftest import process_env, run_new_process


class _Terminal(io.StringIO):
    """A terminal on which a test can wait for a text to be drawn."""

    def __init__(self):
        super().__init__()
        self.changed = threading.Condition()

    def isatty(self):
        return True

    def write(self, text):
        with self.changed:
            n = super().write(text)
            self.changed.notify_all()
        return n

    def wait_for(self, text: str, seconds: float = 30) -> None:
        """Return once ``text`` has been written (or ``seconds`` have passed)."""
        with self.changed:
            self.changed.wait_for(lambda: text in self.getvalue(), seconds)


def _cyclic_map(path, n=3000):
    """An ASPARTIX map of ``n`` arguments, each attacking the next, in one circle."""
    lines = [f"arg(a{i})." for i in range(n)] + [f"att(a{i},a{(i + 1) % n})." for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_bar_on_a_terminal_shows_label_fraction_and_is_erased(monkeypatch):
    monkeypatch.setenv(DELAY_VARIABLE, "0")
    term = _Terminal()
    with progress("counting", total=4, stream=term) as bar:
        bar.advance(2)
        assert bar.line().startswith("argmap: counting [############............]  50% 2/4 ")
        term.wait_for(" 2/4 ")  # until the thread has drawn the bar as it stands
    out = term.getvalue()
    assert "\rargmap: counting [" in out and " 2/4 " in out
    assert out.endswith("\r\x1b[K")  # the line is cleared at the end


def test_no_bar_off_a_terminal_or_before_the_delay(monkeypatch):
    plain = io.StringIO()
    monkeypatch.setenv(DELAY_VARIABLE, "0")
    with progress("counting", total=2, stream=plain) as bar:
        bar.advance(2)
        time.sleep(0.2)  # time in which a bar's thread, had one started, would draw
    assert plain.getvalue() == ""
    monkeypatch.setenv(DELAY_VARIABLE, "30")
    term = _Terminal()
    with progress("counting", stream=term):
        pass  # work that ends before the delay shows nothing
    assert term.getvalue() == ""


def _run(args, cwd, *, terminal: bool):
    """Run ``python -m argmap ARGS`` with stderr on a pseudo-terminal or a pipe; (stdout, stderr)."""
    env = {DELAY_VARIABLE: "0"}
    if not terminal:
        res = run_new_process(*args, cwd=cwd, env=env)
        assert res.returncode == 0, res.stderr
        return res.stdout, res.stderr
    master, slave = pty.openpty()
    stdout = open(cwd / "stdout.txt", "w+", encoding="utf-8")  # a file: a full pipe would block the child
    proc = subprocess.Popen([sys.executable, "-m", "argmap", *args], cwd=cwd, env=process_env(env), stdout=stdout,
                            stderr=slave, text=True)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    assert proc.wait(timeout=300) == 0, seen.decode(errors="replace")
    os.close(master)
    stdout.seek(0)
    out = stdout.read()
    stdout.close()
    return out, seen.decode(errors="replace")


def test_reading_and_scoring_show_bars_on_a_terminal_only(tmp_path):
    big = _cyclic_map(tmp_path / "circle.apx", 1000)
    out_tty, err_tty = _run(["score", big.name, "--format", "csv"], tmp_path, terminal=True)
    out_pipe, err_pipe = _run(["score", big.name, "--format", "csv"], tmp_path, terminal=False)
    assert "argmap: reading circle.apx [" in err_tty
    assert "argmap: scoring with dfquad, rounds ... " in err_tty
    assert err_pipe == ""  # piped: no bar, no control characters
    assert out_tty == out_pipe and out_pipe.count("\n") == 1001  # the same results either way


def test_loading_a_store_shows_a_bar_on_a_terminal_only(tmp_path):
    big = _cyclic_map(tmp_path / "circle.apx", 500)
    out_tty, err_tty = _run(["load", big.name, "--store", "a.oxigraph"], tmp_path, terminal=True)
    _, err_pipe = _run(["load", big.name, "--store", "b.oxigraph"], tmp_path, terminal=False)
    assert "argmap: loading circle.apx [" in err_tty and " 0/1 " in err_tty
    assert err_pipe == ""
    assert out_tty.startswith("circle.apx: ")


def test_pushing_shows_a_bar_on_a_terminal_only(tmp_path, virtuoso_server):
    big = _cyclic_map(tmp_path / "circle.apx", 300)
    graph = "https://example.org/tests/progress"
    try:
        out, err_tty = _run(["push", big.name, "--endpoint", virtuoso_server.endpoint, "--graph", graph], tmp_path,
                            terminal=True)
        _, err_pipe = _run(["push", big.name, "--endpoint", virtuoso_server.endpoint, "--graph", graph], tmp_path,
                           terminal=False)
    finally:
        from argmap.store import EndpointStore

        EndpointStore(virtuoso_server.endpoint).query(f"DROP SILENT GRAPH <{graph}>", allow_update=True)
    assert "argmap: pushing circle.apx, triples [" in err_tty
    assert err_pipe == ""
    assert out.startswith("circle.apx: ") and "verified on the server" in out
