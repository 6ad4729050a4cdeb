"""Malformed files of every format: exit 2, one line naming file and line, no output, no traceback.

The cases are data files in ``tests/data/malformed/`` (truncated, wrong types,
dangling ids, bad indentation, binary junk, bytes that are not UTF-8, empty);
``expected.json`` gives the line each error must name.  Property-based fuzzing
then feeds each reader random text and bytes: it may accept them or raise
argmap's own errors, never anything else.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.errors import ArgmapError, ParseError

BAD = Path(__file__).resolve().parent / "data" / "malformed"
EXPECTED = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))
CASES = sorted(EXPECTED)


def test_every_case_has_an_expected_line():
    assert sorted(p.name for p in BAD.iterdir() if p.name != "expected.json") == CASES
    for fmt in ("aif", "argdown", "kialo", "microtexts"):
        kinds = {c.split("-", 1)[1].rsplit(".", 1)[0] for c in CASES if c.startswith(fmt + "-")}
        assert {"empty", "truncated", "junk"} <= kinds, fmt


@pytest.mark.parametrize("name", CASES)
def test_reader_names_file_and_line(name):
    with pytest.raises(ParseError) as err:
        argmap.load(BAD / name)
    assert err.value.path == str(BAD / name)
    assert err.value.line == EXPECTED[name]
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("name", CASES)
def test_import_exits_2_with_one_line_and_writes_nothing(run_cli, tmp_path, name):
    out = tmp_path / "out.ttl"
    done = run_cli("import", BAD / name, "-o", out)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"argmap: error: {BAD / name}:{EXPECTED[name]}")
    assert "Traceback" not in done.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


READERS = {"aif": ".json", "argdown": ".argdown", "kialo": ".txt", "microtexts": ".xml"}
SEEDS = {
    "aif": '{"nodes": [{"nodeID": 1, "text": "a", "type": "I"}, {"nodeID": "2", "type": "RA"}], '
           '"edges": [{"fromID": 1, "toID": "2"}]}',
    "argdown": "===\ntitle: t\n===\n[A]: a #x\n  + <B>: b\n    _ [C]\n  >< [D]\n\n<B>\n\n(1) p\n-- r --\n(2) [A]\n",
    "kialo": "Discussion Title: t\n\n1. a\n1.1. Pro: b [1]\n1.2. Con: -> See 1.1.\nSources:\n[1] s\n",
    "microtexts": '<arggraph id="m"><edu id="e1">x</edu><adu id="a1" type="pro"/><adu id="a2" type="opp"/>'
                  '<edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="a2" trg="a1" type="reb"/></arggraph>',
}


def _mutations():
    from hypothesis import strategies as st

    @st.composite
    def mutate(draw, seed):
        text = seed
        for _ in range(draw(st.integers(0, 4))):
            i = draw(st.integers(0, len(text)))
            j = draw(st.integers(i, min(len(text), i + 8)))
            text = text[:i] + draw(st.text(alphabet=st.sampled_from(list('[]<>(){}+-_#:"=\n .,1aA\t\\/*!')),
                                           max_size=6)) + text[j:]
        return text

    return mutate


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_fuzzed_input_raises_only_argmap_errors(tmp_path, fmt):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    path = tmp_path / f"fuzz{READERS[fmt]}"
    mutate = _mutations()

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.one_of(mutate(SEEDS[fmt]), st.text(max_size=200), st.binary(max_size=100)))
    def check(data):
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        try:
            argmap.load(path, format=fmt)
        except ArgmapError as exc:
            assert "\n" not in str(exc)

    check()
