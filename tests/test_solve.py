"""``argmap solve``: every ICCMA 2023 task against brute force over all subsets.

Every framework of up to 3 arguments (all 2^(n*n) attack relations, 512 with
3, self-attacks included) and random ones of up to 12 arguments: each task's
answer against the extensions that
:func:`~argmap.semantics.extensions.extensions_reference` enumerates from the
definitions, each witness or counter-example checked to be an extension
with (without) the argument.
"""

from __future__ import annotations

from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.semantics.extensions import AttackGraph, extensions, extensions_reference
from argmap.semantics.tasks import TASKS, answer_lines, decide

from .conftest import run_here as run

SEMANTICS = {"GR": "grounded", "CO": "complete", "PR": "preferred", "ST": "stable", "SST": "semistable",
             "STG": "stage", "ID": "ideal"}


def every_framework(n):
    """All frameworks on arguments 1..n: each subset of the n*n possible attacks."""
    pairs = [(str(a), str(b)) for a in range(1, n + 1) for b in range(1, n + 1)]
    for chosen in product((False, True), repeat=len(pairs)):
        yield AttackGraph.from_edges([str(a) for a in range(1, n + 1)], [p for p, c in zip(pairs, chosen) if c])


def expected(exts, task, argument):
    """The task's answer from the list of all extensions: YES/NO for DC and DS, whether one exists for SE."""
    kind = task[:2]
    if kind == "SE":
        return bool(exts)
    if kind == "DC":
        return any(argument in e for e in exts)
    return all(argument in e for e in exts)  # no extension at all: YES (vacuously, as ICCMA has it)


def check(af, task, reference):
    """``decide`` agrees with ``reference`` (semantics -> extensions) on every argument; certificates are right."""
    exts = reference[SEMANTICS[task[3:]]]
    for name in af.arguments if task[:2] != "SE" else [None]:
        answer = decide(af, task, name)
        want = expected(exts, task, name)
        found = None if answer.extension is None else frozenset(answer.extension)
        if task[:2] == "SE":
            assert (found is not None) == want, (task, af)
            assert found is None or found in exts, (task, af, found)
            continue
        assert answer.yes == want, (task, af, name)
        if task[:2] == "DC":  # a witness for YES, none for NO
            assert (found is not None) == want and (found is None or (found in exts and name in found)), (task, af)
        else:  # a counter-example for NO, none for YES
            assert (found is None) == want and (found is None or (found in exts and name not in found)), (task, af)


@pytest.mark.parametrize("n", [0, 1, 2, 3])
def test_every_task_on_every_small_framework(n):
    count = 0
    for af in every_framework(n):
        reference = {s: extensions_reference(af, s) for s in SEMANTICS.values()}
        for task in TASKS:
            check(af, task, reference)
        count += 1
    assert count == 2 ** (n * n)


@st.composite
def frameworks(draw, most=12):
    n = draw(st.integers(1, most))
    names = [str(i) for i in range(1, n + 1)]
    density = draw(st.sampled_from([0.05, 0.1, 0.2, 0.3]))
    chosen = draw(st.lists(st.floats(0, 1), min_size=n * n, max_size=n * n))
    attacks = [(a, b) for (a, b), x in zip(product(names, names), chosen) if x < density]
    return AttackGraph.from_edges(names, attacks)


def check_all(af):
    reference = {s: extensions_reference(af, s) for s in SEMANTICS.values()}
    for s in ("semistable", "stage", "ideal"):
        assert extensions(af, s) == reference[s], s
    for task in TASKS:
        check(af, task, reference)


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_every_task_on_random_frameworks(af):
    check_all(af)


@pytest.mark.parametrize("seed", range(12))
def test_every_task_on_random_frameworks_of_12(seed):
    import random

    rng = random.Random(seed)
    names = [str(i) for i in range(1, 13)]
    density = (0.08, 0.12, 0.18, 0.25)[seed % 4]
    check_all(AttackGraph.from_edges(names, [(a, b) for a in names for b in names if rng.random() < density]))


# known answers: Caminada 2006 and Dung, Mancarella and Toni 2007's examples
def _af(names, attacks):
    return AttackGraph.from_edges(names, [tuple(x) for x in attacks.split()])


@pytest.mark.parametrize("af, semantics, want", [
    # a and b attack each other, b attacks c, c and d attack themselves: no stable extension, b is semi-stable
    (_af("abcd", "ab ba bc cc dd"), "preferred", [{"a"}, {"b"}]),
    (_af("abcd", "ab ba bc cc dd"), "stable", []),
    (_af("abcd", "ab ba bc cc dd"), "semistable", [{"b"}]),
    (_af("abcd", "ab ba bc cc dd"), "stage", [{"b"}]),
    (_af("abcd", "ab ba bc cc dd"), "ideal", [set()]),
    # an odd cycle: the empty set is the only complete one, each argument a stage extension
    (_af("abc", "ab bc ca"), "semistable", [set()]),
    (_af("abc", "ab bc ca"), "stage", [{"a"}, {"b"}, {"c"}]),
    # b attacks itself: a is in every preferred extension, ideal but not grounded
    (_af("ab", "ab ba bb"), "grounded", [set()]),
    (_af("ab", "ab ba bb"), "ideal", [{"a"}]),
    # a stage extension need not be admissible: nothing in {b} answers a's attack
    (_af("abc", "ab bc cb cc"), "stage", [{"a"}, {"b"}]),
    (_af("abc", "ab bc cb cc"), "semistable", [{"a"}]),
])
def test_known_extensions(af, semantics, want):
    assert sorted(map(sorted, extensions(af, semantics))) == sorted(map(sorted, want))
    assert sorted(map(sorted, extensions_reference(af, semantics))) == sorted(map(sorted, want))


def test_answer_lines_follow_the_competition():
    af = _af("abc", "ab ba bc")
    assert answer_lines(decide(af, "DC-PR", "c")) == ["YES"]
    assert answer_lines(decide(af, "DC-PR", "c"), witness=True) == ["YES", "w a c"]
    assert answer_lines(decide(af, "DS-PR", "c"), witness=True) == ["NO", "w b"]
    assert answer_lines(decide(af, "DS-CO", "c"), witness=True) == ["NO", "w"]
    assert answer_lines(decide(af, "SE-GR")) == ["w"]
    assert answer_lines(decide(_af("a", "aa"), "SE-ST")) == ["NO"]
    assert answer_lines(decide(_af("a", "aa"), "DS-ST", "a"), witness=True) == ["YES"]


# --- the command line, in this process ---------------------------------------------------
def test_problems_and_formats():
    assert run("solve", "--problems") == (0, "[" + ",".join(TASKS) + "]\n", "")
    assert run("solve", "--formats") == (0, "[i23,apx]\n", "")
    assert len(TASKS) == 19 and "SE-GR" in TASKS and "DS-ID" in TASKS


@pytest.fixture
def two_cycle(tmp_path):
    """1 and 2 attack each other, 2 attacks 3."""
    path = tmp_path / "g.af"
    path.write_text("# a comment\np af 3\n1 2\n2 1\n2 3\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("argv, out", [
    (["-p", "SE-GR"], "w\n"),
    (["-p", "SE-PR"], "w 1 3\n|w 2\n"),
    (["-p", "SE-ST"], "w 1 3\n|w 2\n"),
    (["-p", "se-sst"], "w 1 3\n|w 2\n"),
    (["-p", "SE-ID"], "w\n"),
    (["-p", "DC-PR", "-a", "3"], "YES\n"),
    (["-p", "DC-PR", "-a", "3", "--witness"], "YES\nw 1 3\n"),
    (["-p", "DC-CO", "-a", "2", "--witness"], "YES\nw 2\n"),
    (["-p", "DS-PR", "-a", "3"], "NO\n"),
    (["-p", "DS-PR", "-a", "3", "--witness"], "NO\nw 2\n"),
    (["-p", "DS-ST", "-a", "1", "--witness"], "NO\nw 2\n"),
    (["-p", "DS-ID", "-a", "3", "--witness"], "NO\nw\n"),
    (["-p", "DC-STG", "-a", "2", "--witness"], "YES\nw 2\n"),
])
def test_solve_answers(two_cycle, argv, out):
    """``out``: the answer, or the right answers between bars."""
    code, stdout, stderr = run("solve", "-f", two_cycle, *argv)
    assert (code, stderr) == (0, "") and stdout in out.split("|")


def test_solve_reads_aspartix_with_names(tmp_path):
    path = tmp_path / "g.apx"
    path.write_text("arg(x). arg(y). arg(z).\natt(x,y). att(y,z). att(z,z).\n", encoding="utf-8")
    assert run("solve", "-p", "SE-PR", "-f", path)[1] == "w x\n"
    assert run("solve", "-p", "DS-SST", "-f", path, "-a", "x", "--witness")[1] == "YES\n"
    assert run("solve", "-p", "DC-SST", "-f", path, "-a", "y", "--witness")[1] == "NO\n"
    assert run("solve", "-p", "DC-STG", "-f", path, "-a", "y", "--witness")[1] == "YES\nw y\n"  # range {y, z}


def test_solve_agrees_with_the_library_on_small_frameworks(tmp_path):
    """A share of the exhaustive check through the command: every task on every framework of 2 arguments."""
    path = tmp_path / "g.af"
    for af in every_framework(2):
        pairs = zip(af.source.tolist(), af.target.tolist())
        path.write_text("p af 2\n" + "".join(f"{a + 1} {b + 1}\n" for a, b in pairs), encoding="utf-8")
        for task in TASKS:
            for name in [None] if task.startswith("SE") else af.arguments:
                argv = [] if name is None else ["-a", name]
                code, out, _err = run("solve", "-p", task, "-f", path, *argv, "--witness")
                assert code == 0 and out.splitlines() == answer_lines(decide(af, task, name), witness=True)


@pytest.mark.parametrize("argv, message", [
    (["-p", "DX-PR", "-a", "1"], "argmap: error: unknown task 'DX-PR'; did you mean 'DC-PR', 'DS-PR' or 'SE-PR'? "
                                 "(argmap solve --problems lists them)"),
    (["-p", "DC-PR"], "argmap: error: DC-PR asks about an argument: give -a ARG"),
    (["-p", "SE-PR", "-a", "1"], "argmap: error: SE-PR asks about no argument: leave out -a ARG"),
    (["-p", "DC-PR", "-a", "4"], "argmap: error: {path}: no argument '4' (the arguments: 1..3)"),
    ([], "argmap: error: give -p TASK and -f FILE (argmap solve --problems lists the tasks)"),
])
def test_solve_errors(two_cycle, argv, message):
    code, out, err = run("solve", *(["-f", two_cycle] if argv else []), *argv)
    assert (code, out, err) == (2, "", message.format(path=two_cycle) + "\n")


def test_solve_malformed_file_names_the_line(tmp_path):
    path = tmp_path / "bad.af"
    path.write_text("p af 2\n1 2\n1 x\n", encoding="utf-8")
    code, out, err = run("solve", "-p", "SE-GR", "-f", path)
    assert (code, out) == (2, "") and err == f"argmap: error: {path}:3: expected an attack 'i j' but found '1 x'\n"
    code, _out, err = run("solve", "-p", "SE-GR", "-f", tmp_path / "missing.af")
    assert code == 2 and err.startswith(f"argmap: error: {tmp_path / 'missing.af'}")
