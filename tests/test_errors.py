"""Every user mistake: exit 2, one line naming file and line, no traceback, no file."""

from __future__ import annotations

import pytest

from .conftest import BUNDLED, DATA

BAD_TURTLE = '@prefix am: <https://w3id.org/argmap#> .\n<a> a am:Claim .\n\n<b> am:text "unterminated .\n'


def _one_error_line(res):
    assert res.returncode == 2, (res.returncode, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith("argmap: error: ")
    assert "Traceback" not in res.stderr + res.stdout
    return lines[0]


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


CASES = {
    "missing file": (lambda d: d / "nope.ttl", "nope.ttl: no such file"),
    "malformed turtle": (lambda d: _write(d / "bad.ttl", BAD_TURTLE), "bad.ttl:4: bad turtle syntax"),
    "malformed n-triples": (
        lambda d: _write(d / "bad.nt", "<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n"),
        "bad.nt:2: bad ntriples syntax",
    ),
    "binary junk": (lambda d: (d / "junk.ttl").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00") and d / "junk.ttl", "junk.ttl:3: binary data"),
    "unknown suffix": (lambda d: _write(d / "map.yaml", "a: b\n"), "map.yaml: cannot tell the format"),
    "a directory": (lambda d: (d / "dir.ttl").mkdir() or d / "dir.ttl", "dir.ttl: is a directory"),
    "relation without target": (
        lambda d: _write(d / "norel.ttl", "@prefix am: <https://w3id.org/argmap#> .\n<http://x/c> a am:Claim .\n"
                         "<http://x/r> a am:Support ;\n  am:premise <http://x/c> .\n"),
        "norel.ttl:3: http://x/r: relation has 0 targets",
    ),
}


def _bad_input(run, tmp_path, command, case):
    """``command`` on the bad input ``case`` (by ``run``): one error line naming the file, and no output file."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    make, expected = CASES[case]
    path = make(inputs)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    args = {
        "render": ["render", path, "-o", out_dir / "map.html"],
        "export": ["export", path, "--format", "json", "-o", out_dir / "map.json"],
        "score": ["score", path],
        "info": ["info", path],
        "query": ["query", path, "SELECT * WHERE { ?s ?p ?o }"],
    }[command]
    line = _one_error_line(run(*args, cwd=out_dir))
    assert expected in line
    assert str(path) in line
    assert list(out_dir.iterdir()) == []  # no output, not even a temporary file


@pytest.mark.parametrize("command", ["render", "export", "score", "info", "query"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input(run_cli, tmp_path, command, case):
    _bad_input(run_cli, tmp_path, command, case)


@pytest.mark.parametrize("command, case", [("render", "malformed turtle"), ("score", "missing file")])
def test_bad_input_in_a_real_process(run_process, tmp_path, command, case):
    """The same from ``python -m argmap``: its exit code and standard error, and the files it leaves."""
    _bad_input(run_process, tmp_path, command, case)


def test_unknown_export_format(run_cli, tmp_path):
    line = _one_error_line(run_cli("export", BUNDLED, "--format", "yaml", "-o", tmp_path / "x.yaml"))
    assert "unknown format 'yaml'" in line
    assert not (tmp_path / "x.yaml").exists()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("DELETE WHERE { ?s ?p ?o }", "only SELECT and ASK"),
        ("PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }", "only SELECT and ASK"),
        ("SELECT WHERE {", "bad SPARQL"),
    ],
)
def test_bad_or_forbidden_query(run_cli, query, expected):
    assert expected in _one_error_line(run_cli("query", BUNDLED, query))


def test_usage_errors_are_one_line(run_process):
    """Click's usage errors, from a real process (exit code 2, one line)."""
    assert "give MAP files, --store DIR or --endpoint URL" in _one_error_line(run_process("score"))
    assert "No such command" in _one_error_line(run_process("nonsense"))


def test_unwritable_output(run_cli, tmp_path):
    line = _one_error_line(run_cli("render", DATA / "small.ttl", "-o", tmp_path / "no" / "such" / "dir.html"))
    assert "dir.html" in line


def test_explain_without_a_claim_says_the_claim_is_missing(run_cli):
    line = _one_error_line(run_cli("explain", BUNDLED))
    assert line == "argmap: error: missing CLAIM: argmap explain MAP CLAIM"


def test_explain_with_claim_and_map_swapped_says_they_are_in_the_wrong_order(run_cli):
    line = _one_error_line(run_cli("explain", "nk-duplicitous", BUNDLED))
    assert line == (f"argmap: error: the arguments are in the wrong order: argmap explain MAP CLAIM, "
                    f"and {BUNDLED} is a map file")


def test_explain_with_neither_map_nor_claim(run_cli):
    assert _one_error_line(run_cli("explain")) == "argmap: error: missing MAP and CLAIM: argmap explain MAP CLAIM"
    assert _one_error_line(run_cli("explain", "nk-duplicitous")) == "argmap: error: missing MAP: argmap explain MAP CLAIM"


def test_unclosed_argdown_title_is_reported_at_its_own_line(run_cli, tmp_path):
    path = _write(tmp_path / "open.argdown", "[Title: text\n  + <Arg>: more\n")
    line = _one_error_line(run_cli("info", path))
    assert line == (f"argmap: error: {path}:1:1: unclosed '[': a statement's title ends with ']' "
                    f"(write [Title]: ...)")
    path = _write(tmp_path / "open-below.argdown", "[A]: a\n  - <Arg: more\n")
    line = _one_error_line(run_cli("info", path))
    assert line == (f"argmap: error: {path}:2:5: unclosed '<': an argument's title ends with '>' "
                    f"(write <Arg>: ...)")


def test_library_errors_name_its_arguments_and_the_command_line_its_flags(run_cli):
    import argmap
    from argmap.semantics.explain import parse_what_if

    amap = argmap.load(BUNDLED)
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    cases = [(lambda: argmap.query(None, "ASK {}"), ("query", "ASK {}"),
              "give maps, store or endpoint", "give MAP files, --store DIR or --endpoint URL"),
             (lambda: argmap.query(amap, update), ("query", BUNDLED, update),
              "unless allow_update is given", "unless --allow-update is given"),
             (lambda: parse_what_if(amap.claims, ["x"]),
              ("explain", BUNDLED, "thesis", "--what-if", "x"), "what_if wants", "--what-if wants CLAIM=SCORE"),
             (lambda: argmap.query(amap, named="no-such-query"), ("query", BUNDLED, "--named", "no-such-query"),
              "see named_queries", "see argmap query --list")]
    for call, argv, library, command_line in cases:
        with pytest.raises(argmap.ArgmapError) as err:
            call()
        assert library in str(err.value) and "--" not in str(err.value)
        assert command_line in _one_error_line(run_cli(*argv))
