"""Argumentation framework files read straight into arrays (argmap.io.afmap) agree with the RDF path.

The fast readers (``parse_fast``) are held against the line-by-line
references (``parse``) on generated texts, mangled texts among them; the
framework they make is held against the one compiled from the RDF map,
score by score, and the command line's output byte by byte.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ParseError
from argmap.io import aspartix, iccma
from argmap.io.afmap import FrameworkMap, Parsed
from argmap.semantics import extensions_of
from argmap.semantics.framework import Arrays

DATA = Path(__file__).resolve().parent / "data"
FILES = sorted([*DATA.glob("*.apx"), *DATA.glob("*.bag"), *DATA.glob("*.af")])
BAD = sorted(p for p in (DATA / "bad").iterdir() if p.suffix in (".apx", ".bag", ".af"))
GRADUAL = ("dfquad", "qe", "euler", "hcat")
EXTENSION = ("grounded", "complete", "preferred", "stable")


def _content(parsed: Parsed):
    """What a Parsed says, with its relations as sets (order and repeats do not matter)."""
    base = [None if v != v else v for v in np.asarray(parsed.base).tolist()]
    return (list(parsed.names), base, {tuple(p) for p in np.asarray(parsed.attacks).tolist()},
            {tuple(p) for p in np.asarray(parsed.supports).tolist()})


def _reference(text, fmt):
    if fmt == "iccma":
        n, attacks = iccma.parse(text, "x.af")
        return Parsed.from_reference({str(i): None for i in range(1, n + 1)}, [(str(a), str(b)) for a, b in attacks])
    return Parsed.from_reference(*aspartix.parse(text, "x." + fmt, bipolar=fmt == "bag"))


def _fast(text, fmt):
    return iccma.parse_fast(text) if fmt == "iccma" else aspartix.parse_fast(text, bipolar=fmt == "bag")


def _same_arrays(a: Arrays, b: Arrays):
    assert a.claims == b.claims and list(a.relations) == list(b.relations)
    for field in ("base", "kind", "premise_ptr", "premise", "weight", "target"):
        assert np.array_equal(getattr(a, field), getattr(b, field)), field


# --- the shipped test files ------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_fast_framework_is_the_maps_framework(path):
    fast, amap = argmap.load_framework(path), argmap.load(path)
    assert isinstance(fast, FrameworkMap)
    _same_arrays(Arrays.from_map(fast), Arrays.from_map(amap))
    assert list(fast.claims) == list(amap.claims)
    for cid in amap.claims:
        assert (fast.claims[cid].label, fast.claims[cid].base_score) == (amap.claims[cid].label,
                                                                         amap.claims[cid].base_score)
    for sem in GRADUAL:
        assert argmap.score(fast, sem).scores == argmap.score(amap, sem).scores  # to the last bit
    for sem in EXTENSION:
        got, want = extensions_of(fast, sem), extensions_of(amap, sem)
        assert (got.extensions, got.status) == (want.extensions, want.status)


def test_scores_of_the_edemocracy_example():
    fm = argmap.load_framework(DATA / "edemocracy.bag")
    scores = {fm.claims[c].label: v for c, v in argmap.score(fm).scores.items()}
    assert scores["a1"] == pytest.approx(0.862) and scores["a2"] == pytest.approx(0.85)


def test_explain_is_the_maps_explanation():
    path = DATA / "edemocracy.bag"
    fast, amap = argmap.load_framework(path), argmap.load(path)
    for claim, what_if in (("a1", None), ("p2", {"c3": 0.1}), ("a2", {"p3": 0})):
        assert (argmap.explain(fast, claim, what_if=what_if).to_dict()
                == argmap.explain(amap, claim, what_if=what_if).to_dict())
    assert fast.find_claim("a1") == amap.find_claim("a1") == fast.iri + "a1"
    assert fast.find_claim(" A1 ") == amap.find_claim(" A1 ")  # through argmap.names
    with pytest.raises(argmap.ArgmapError, match="did you mean 'a1'"):
        fast.find_claim("a11")


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_errors_keep_file_and_line(path):
    with pytest.raises(ParseError) as slow:
        argmap.load(path)
    with pytest.raises(ParseError) as fast:
        argmap.load_framework(path)
    assert str(fast.value) == str(slow.value) and fast.value.line == slow.value.line
    assert str(fast.value).startswith(f"{path}:{slow.value.line}: ")


def test_fast_parsers_read_the_shipped_files():
    assert aspartix.parse_fast((DATA / "edemocracy.bag").read_text(), bipolar=True) is not None
    assert iccma.parse_fast((DATA / "chain8.af").read_text()) is not None
    # preferred.apx declares arg(d) after the attacks: the reference reads it
    assert aspartix.parse_fast((DATA / "preferred.apx").read_text(), bipolar=False) is None
    assert len(argmap.load_framework(DATA / "preferred.apx").claims) == 4


# --- small frameworks with known answers ------------------------------------------------------


def _framework(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return argmap.load_framework(path)


def _labels(fm, ids):
    return [fm.claims[c].label for c in ids]


@pytest.mark.parametrize("name, text", [("empty.af", "p af 0\n"), ("empty.apx", ""), ("comments.apx", "% nothing\n"),
                                        ("empty.bag", "\ufeff\n\n")])
def test_empty_framework(tmp_path, name, text):
    fm = _framework(tmp_path, name, text)
    assert len(fm.claims) == 0 and argmap.score(fm).scores == {}
    result = extensions_of(fm, "grounded")
    assert result.extensions == [[]] and result.status == {}


def test_one_argument(tmp_path):
    fm = _framework(tmp_path, "one.bag", "arg(a,0.3).")
    assert argmap.score(fm).scores == {fm.iri + "a": 0.3}
    assert fm.claims[fm.iri + "a"].base_score == 0.3
    assert extensions_of(fm, "grounded").status == {fm.iri + "a": "IN"}


def test_self_attack(tmp_path):
    fm = _framework(tmp_path, "self.apx", "arg(a). att(a,a). att(a,a).")
    assert fm.arrays().relations == [fm.iri + "att(a,a)"]  # a repeated fact is one relation
    assert argmap.score(fm).scores[fm.iri + "a"] == pytest.approx(1 / 3)  # s = 0.5 - 0.5 s
    assert extensions_of(fm, "grounded").status == {fm.iri + "a": "UNDEC"}
    assert extensions_of(fm, "preferred").extensions == [[]]


def test_cycle(tmp_path):
    fm = _framework(tmp_path, "cycle.af", "p af 3\n1 2\n2 1\n3 3\n")
    assert extensions_of(fm, "grounded").status == {fm.iri + k: "UNDEC" for k in "123"}
    assert [_labels(fm, e) for e in extensions_of(fm, "preferred").extensions] == [["1"], ["2"]]
    assert extensions_of(fm, "stable").extensions == []


def test_iccma_arguments_sort_by_name(tmp_path):
    fm = _framework(tmp_path, "twelve.af", "p af 12\n10 2\n2 1\n")
    assert _labels(fm, fm.claims) == ["1", "10", "11", "12", "2", "3", "4", "5", "6", "7", "8", "9"]
    assert fm.arrays().relations == [fm.iri + "att(10,2)", fm.iri + "att(2,1)"]
    assert _labels(fm, extensions_of(fm, "grounded").extensions[0]) == ["1", "10", "11", "12", "3", "4", "5", "6",
                                                                        "7", "8", "9"]


def test_default_base_score(tmp_path):
    fm = _framework(tmp_path, "mixed.bag", "arg(a). arg(b,0.8). arg(b). att(b,a).")
    assert fm.claims[fm.iri + "a"].base_score is None and fm.claims[fm.iri + "b"].base_score == 0.8
    assert fm.base_scores() == {fm.iri + "a": 0.5, fm.iri + "b": 0.8}
    assert argmap.score(fm).scores[fm.iri + "a"] == pytest.approx(0.5 - 0.5 * 0.8)


def test_other_formats_are_refused(tmp_path):
    with pytest.raises(argmap.ArgmapError, match="not straight into a framework"):
        argmap.load_framework(argmap.bundled_map_path())


# --- generated texts: fast against reference ------------------------------------------------------

_NAME = st.from_regex(r"[A-Za-z0-9_~-]{1,3}(\.[a-z0-9]{1,2})?", fullmatch=True)
_GAP = st.sampled_from(["", " ", "\t", "\n", "\r\n", "  \n\n", " % note (a,b).\n", "\n%\n", "\r"])
_PAD = st.sampled_from(["", " ", "\t", " \t "])
_WEIGHT = st.one_of(st.sampled_from(["0", "1", "0.5", ".25", "1.0", "5e-1", "0.333333333333333314829616256247"]),
                    st.floats(0, 1).map(repr))


@st.composite
def aspartix_texts(draw, bipolar: bool, interleave: bool = False):
    """An ASPARTIX text (weighted bipolar with ``bipolar``), in any of the layouts the format allows."""
    names = draw(st.lists(_NAME, min_size=1, max_size=8, unique=True))
    pad = lambda: draw(_PAD)  # noqa: E731

    def fact(pred, *parts):
        return f"{pred}{pad()}({pad()}" + f"{pad()},{pad()}".join(parts) + f"{pad()}){pad()}."

    args = [fact("arg", a, draw(_WEIGHT)) if bipolar and draw(st.booleans()) else fact("arg", a)
            for a in names + draw(st.lists(st.sampled_from(names), max_size=3))]
    kinds = ["att", "sup"] if bipolar else ["att"]
    rels = [fact(draw(st.sampled_from(kinds)), draw(st.sampled_from(names)), draw(st.sampled_from(names)))
            for _ in range(draw(st.integers(0, 12)))]
    facts = args + rels
    if interleave and rels:  # an argument declared again between the relations
        facts = args + rels[:1] + [draw(st.sampled_from(args))] + rels[1:]
    body = "".join(draw(_GAP) + f for f in facts) + draw(_GAP)
    return ("\ufeff" if draw(st.booleans()) else "") + body


@st.composite
def iccma_texts(draw):
    n = draw(st.integers(0, 12))
    pad = lambda: draw(_PAD)  # noqa: E731
    comment = lambda: draw(st.sampled_from(["", "# c\n", "  #p af 9\n", "\n"]))  # noqa: E731
    end = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [comment() + f"{pad()}p{pad() or ' '}af{pad() or ' '}{n}{pad()}"]
    if n:
        for _ in range(draw(st.integers(0, 15))):
            a, b = draw(st.integers(1, n)), draw(st.integers(1, n))
            lines.append(comment() + f"{pad()}{a}{pad() or ' '}{b}{pad()}")
    text = end.join(lines) + draw(st.sampled_from(["", end, end + end]))
    return ("\ufeff" if draw(st.booleans()) else "") + text


_TEXTS = st.one_of(st.tuples(st.just("aspartix"), aspartix_texts(False)), st.tuples(st.just("bag"), aspartix_texts(True)),
                   st.tuples(st.just("iccma"), iccma_texts()))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_fast_parser_reads_what_the_reference_reads(case):
    fmt, text = case
    fast = _fast(text, fmt)
    assert fast is not None, text  # an ordinary layout is read fast
    assert _content(fast) == _content(_reference(text, fmt))


@settings(max_examples=100, deadline=None)
@given(st.booleans().flatmap(lambda b: st.tuples(st.just("bag" if b else "aspartix"), aspartix_texts(b, True))))
def test_arguments_declared_among_relations_go_to_the_reference(case):
    fmt, text = case
    parsed = aspartix.parse_framework(text, "x", bipolar=fmt == "bag")
    assert _content(parsed) == _content(_reference(text, fmt))


_JUNK = ["(", ")", ",", ".", "x", " ", "\n", "%", "#", "\u00e9", "\x0c", "1", "-", "arg(", "att(", "0", "p af 1\n"]


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.data())
def test_fast_parser_never_reads_what_the_reference_refuses(case, data):
    fmt, text = case
    at = data.draw(st.integers(0, len(text)))
    if data.draw(st.booleans()) and at < len(text):
        text = text[:at] + text[at + 1:]
    else:
        text = text[:at] + data.draw(st.sampled_from(_JUNK)) + text[at:]
    try:
        want = _reference(text, fmt)
    except ParseError:
        assert _fast(text, fmt) is None
        return
    fast = _fast(text, fmt)
    assert fast is None or _content(fast) == _content(want)


@settings(max_examples=40, deadline=None)
@given(_TEXTS)
def test_generated_frameworks_score_as_maps(tmp_path_factory, case):
    fmt, text = case
    path = tmp_path_factory.mktemp("af") / ("g." + {"aspartix": "apx", "bag": "bag", "iccma": "af"}[fmt])
    path.write_text(text, encoding="utf-8", newline="")
    fast, amap = argmap.load_framework(path), argmap.load(path)
    _same_arrays(Arrays.from_map(fast), Arrays.from_map(amap))
    for sem in ("dfquad", "qe"):
        assert argmap.score(fast, sem).scores == argmap.score(amap, sem).scores
    got, want = extensions_of(fast, "grounded"), extensions_of(amap, "grounded")
    assert (got.extensions, got.status) == (want.extensions, want.status)


# --- the command line: the same bytes either way -------------------------------------------------------


@pytest.mark.parametrize("path, args", [
    (DATA / "edemocracy.bag", ("score", "--format", "json")),
    (DATA / "edemocracy.bag", ("score", "--format", "table")),
    (DATA / "edemocracy.bag", ("score", "--format", "csv", "--semantics", "qe")),
    (DATA / "edemocracy.bag", ("explain", "a1", "--what-if", "p1=0.1")),
    (DATA / "edemocracy.bag", ("explain", "p2", "--format", "json")),
    (DATA / "edemocracy.bag", ("explain", "a11")),
    (DATA / "edemocracy.bag", ("score", "--semantics", "grounded", "--support", "all")),
    (DATA / "preferred.apx", ("score", "--semantics", "preferred")),
    (DATA / "preferred.apx", ("score", "--semantics", "grounded", "--format", "json")),
    (DATA / "chain8.af", ("score", "--semantics", "grounded", "--format", "csv")),
    (DATA / "chain8.af", ("score", "--format", "json", "--semantics", "hcat")),
    (DATA / "bad" / "undeclared.apx", ("score",)),
], ids=lambda v: v.name if isinstance(v, Path) else " ".join(v))
def test_command_line_output_is_the_same(run_cli, path, args):
    fast = run_cli(args[0], path, *args[1:])
    slow = run_cli(args[0], path, *args[1:], env={"ARGMAP_READER": "rdflib"})
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)
    assert fast.returncode == (2 if path.parent.name == "bad" or "a11" in args else 0) and (fast.stdout or fast.stderr)


def test_score_write_still_goes_through_rdf(run_cli, tmp_path):
    out = tmp_path / "scored.ttl"
    done = run_cli("score", DATA / "chain8.af", "--write", "-o", out)
    assert done.returncode == 0 and "stored 8 evaluations" in done.stderr
    assert "am:Evaluation" in out.read_text(encoding="utf-8")
