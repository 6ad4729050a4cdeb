"""Every map shape through every command: from the empty map up, then generated maps.

The small shapes come first, each with its known answer: no claims, one
claim, claims without relations, isolated claims beside connected ones,
self-supports and self-attacks, cycles, duplicate relations, undercuts of
undercuts, linked premises, claims without text, markup and any Unicode.
Then hypothesis generates maps of all those shapes and runs each through
every command, every semantics (each ``--support`` mode), every export
format and back through import: no exit other than 0, 1 or 2, never an
internal error, scores in [0, 1], and an export re-imports with the same
claims and relations.

The commands run in this process through :func:`argmap.cli.main` (the
entry point of the ``argmap`` script, with its error handling), so that
hundreds of maps fit in a CI run.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.io import NOT_XML

from .conftest import need_program, run_here as run

GRADUAL = ("dfquad", "qe", "euler", "hcat")
EXTENSION = ("grounded", "complete", "preferred", "stable", "semistable", "stage", "ideal")
SUPPORT_MODES = ("none", "supported", "secondary", "mediated", "all")
#: Export formats that argmap reads back, and those only other tools read.
READABLE_EXPORTS = {"turtle": "ttl", "ntriples": "nt", "rdfxml": "rdf", "jsonld": "jsonld", "aif": "json",
                    "argdown": "argdown"}
OTHER_EXPORTS = {"json": "json", "graphml": "graphml", "gexf": "gexf"}
#: Examples of the generated-map test; CI runs at least 300 maps.
EXAMPLES = int(os.environ.get("ARGMAP_SHAPE_EXAMPLES", "320"))

NS = "http://example.org/m#"
AM = "https://w3id.org/argmap#"


def ok(argv, cwd, codes=(0,)):
    """Run and check the exit code; an internal error is always a failure."""
    code, out, err = run(*argv, cwd=cwd)
    assert "internal error" not in err and "Traceback" not in err, (argv, err)
    assert code in codes, (argv, code, err)
    return out, err


# --- writing a map ---------------------------------------------------------


def turtle(claims, relations, thesis=None) -> str:
    """A map as Turtle, written with rdflib (claims: id -> (text, base); relations: (id, kind, premises, target))."""
    from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

    am, m = Namespace(AM), Namespace(NS)
    g = Graph()
    g.bind("am", am)
    g.bind("", m)
    if thesis is not None:
        g.add((m.map, RDF.type, am.ArgumentMap))
        g.add((m.map, am.mainThesis, m[thesis]))
    for cid, (text, base) in claims.items():
        g.add((m[cid], RDF.type, am.Claim))
        if text is not None:
            g.add((m[cid], am.text, Literal(text)))
            g.add((m[cid], RDFS.label, Literal(text[:20])))
        if base is not None:
            g.add((m[cid], am.baseScore, Literal(f"{base:.4f}", datatype=XSD.decimal)))
    cls = {"support": am.Support, "attack": am.Attack, "undercut": am.Undercut}
    for rid, kind, premises, target in relations:
        g.add((m[rid], RDF.type, cls[kind]))
        for p in premises:
            g.add((m[rid], am.premise, m[p]))
        g.add((m[rid], am.target, URIRef(NS + target)))
    return g.serialize(format="turtle").replace("\x00", "\\u0000")  # argmap takes a raw NUL for binary data


def shape_of(claims, relations):
    """What an export must keep: claims (by text) and relations (kind, premises, target), as counters.

    A claim is named by its text, a relation by its kind, its premises and
    its target (a relation's own shape, for an undercut).
    """
    def rel(rid, seen=()):
        kind, premises, target = by_id[rid]
        end = rel(target, seen + (rid,)) if kind == "undercut" and target not in seen else claims.get(target)
        return kind, tuple(sorted(map(str, (claims[p] for p in premises)))), end

    by_id = {rid: (kind, premises, target) for rid, kind, premises, target in relations}
    return Counter(map(str, claims.values())), Counter(str(rel(r)) for r in by_id)


def argdown_shape(claims, relations):
    """:func:`shape_of` the map that an Argdown export of this map reads back as.

    Argdown has no word for some of argmap's shapes, and the export
    (:func:`argmap.io.argdown.dumps`) says how it writes them: a text is one
    line, its white space folded; a linked support becomes an argument
    that stands only for its inference (``{relation: true}``); several
    premises cannot attack or undercut together, so such a relation is one
    relation per premise (and an undercut of it one per piece); Argdown
    relations are a set, so identical relations (same claims) are one,
    but for the arguments of linked supports.
    """
    folded = {cid: (" ".join(t.split()) or None) if t is not None else None for cid, t in claims.items()}
    by_id = {rid: (kind, premises, target) for rid, kind, premises, target in relations}

    def pieces(rid, seen=()):  # by claim ids, so that only the same claims make the same relation
        kind, premises, target = by_id[rid]
        if kind == "undercut":
            ends = pieces(target, seen + (rid,)) if target not in seen else [None]
        else:
            ends = [target]
        groups = [tuple(sorted(premises))] if kind == "support" or len(premises) == 1 else [(p,) for p in premises]
        own = rid if kind == "support" and len(premises) > 1 else None  # an argument of its own: never the same
        return {(kind, g, end, own) for g in groups for end in ends}

    def named(piece):
        kind, group, end, _own = piece
        end = named(end) if kind == "undercut" and end is not None else folded.get(end)
        return kind, tuple(sorted(str(folded[p]) for p in group)), end

    return Counter(map(str, folded.values())), Counter(str(named(p)) for p in set().union(*(pieces(r) for r in by_id)))


def texts(claims):
    return {cid: text for cid, (text, _base) in claims.items()}


def shape_of_map(amap):
    """:func:`shape_of` a loaded map, its claims named by their ``am:text`` (None without)."""
    from rdflib import URIRef

    from argmap.vocab import AM

    text = {cid: amap.graph.value(URIRef(cid), AM.text) for cid in amap.claims}
    claims = {cid: None if t is None else str(t) for cid, t in text.items()}
    relations = [(rid, r.type, r.sources, r.target) for rid, r in amap.relations.items()]
    return shape_of(claims, relations)


# --- the small shapes, each with its known answer ---------------------------

C = {"a": ("Alpha.", 0.8), "b": ("Beta.", 0.4), "c": ("Gamma.", None), "d": ("Delta.", 0.3)}


def rels(*specs):
    """``("attack", "a", "b")`` or ``("support", ("a", "b"), "c")``: relations named r1, r2, ..."""
    out = []
    for k, (kind, premises, target) in enumerate(specs, 1):
        out.append((f"r{k}", kind, (premises,) if isinstance(premises, str) else tuple(premises), target))
    return out


SHAPES = {
    "empty": ({}, []),
    "one claim": ({"a": C["a"]}, []),
    "claims without relations": ({k: C[k] for k in "abc"}, []),
    "isolated beside connected": ({k: C[k] for k in "abcd"}, rels(("attack", "a", "b"))),
    "self-attack": ({"a": C["a"]}, rels(("attack", "a", "a"))),
    "self-support": ({"a": C["a"]}, rels(("support", "a", "a"))),
    "attack cycle": ({k: C[k] for k in "abc"}, rels(("attack", "a", "b"), ("attack", "b", "c"), ("attack", "c", "a"))),
    "mixed cycle": ({k: C[k] for k in "ab"}, rels(("attack", "a", "b"), ("support", "b", "a"))),
    "duplicate relations": ({k: C[k] for k in "ab"}, rels(("attack", "a", "b"), ("attack", "a", "b"))),
    "undercut of an undercut": ({k: C[k] for k in "abcd"},
                                rels(("support", "a", "b"), ("undercut", "c", "r1"), ("undercut", "d", "r2"))),
    "linked premises": ({k: C[k] for k in "abc"}, rels(("support", ("a", "b"), "c"), ("attack", ("c", "a"), "a"))),
    "claims without text": ({"a": (None, None), "b": (None, 0.9)}, rels(("attack", "a", "b"))),
    "markup and unicode": ({"a": ('<script>alert("x")</script> & <b>bold</b>', 0.5),
                            "b": ("Ünïcödé ‘quotes’ — 日本語 😀 \u200b", 0.6)}, rels(("support", "a", "b"))),
}


def write_shape(tmp_path, name, thesis=None) -> Path:
    claims, relations = SHAPES[name]
    path = tmp_path / "map.ttl"
    path.write_text(turtle(claims, relations, thesis) if claims else "", encoding="utf-8")
    return path


def scores(path, semantics, cwd):
    out, _ = ok(["score", path, "--semantics", semantics, "--format", "json"], cwd)
    return json.loads(out)


@pytest.mark.parametrize("name", SHAPES)
@pytest.mark.parametrize("semantics", GRADUAL)
def test_every_gradual_semantics_scores_every_small_shape(tmp_path, name, semantics):
    claims, relations = SHAPES[name]
    result = scores(write_shape(tmp_path, name), semantics, tmp_path)
    assert set(result["scores"]) == {NS + c for c in claims}
    assert all(0.0 <= v <= 1.0 for v in result["scores"].values())
    touched = {p for _r, _k, ps, _t in relations for p in ps} | {t for _r, _k, _p, t in relations}
    for cid, (_text, base) in claims.items():
        if cid not in touched:  # an isolated claim keeps its base score (0.5 when it has none)
            assert result["scores"][NS + cid] == pytest.approx(0.5 if base is None else base)


def test_empty_map_scores_to_an_empty_table(tmp_path):
    path = write_shape(tmp_path, "empty")
    for semantics in GRADUAL:
        assert scores(path, semantics, tmp_path)["scores"] == {}
    out, _ = ok(["score", path], tmp_path)
    assert out.split() == ["rank", "score", "base", "claim", "----", "-----", "----", "-----"]
    for semantics in EXTENSION:
        # one extension, the empty set (stable too: the empty set attacks every one of no arguments)
        assert scores(path, semantics, tmp_path)["extensions"] == [[]]


@pytest.mark.parametrize("semantics", EXTENSION)
def test_one_claim_is_accepted_under_every_extension_semantics(tmp_path, semantics):
    path = write_shape(tmp_path, "one claim")
    assert scores(path, semantics, tmp_path)["extensions"] == [[NS + "a"]]
    out, _ = ok(["score", path, "--semantics", semantics], tmp_path)
    assert out.splitlines()[0] == f"1 {semantics} extension(s)"


# Extension semantics on the small attack shapes (Dung 1995; Baroni, Caminada &
# Giacomin 2011): the extensions worked out by hand.
EXTENSIONS = {
    "self-attack": {"grounded": [[]], "complete": [[]], "preferred": [[]], "stable": [], "semistable": [[]],
                    "stage": [[]], "ideal": [[]]},
    # stage: each argument's range is itself and the one it attacks (Verheij 1996)
    "attack cycle": {"grounded": [[]], "complete": [[]], "preferred": [[]], "stable": [], "semistable": [[]],
                     "stage": [["a"], ["b"], ["c"]], "ideal": [[]]},
    "isolated beside connected": {s: [["a", "c", "d"]] for s in EXTENSION},
    "duplicate relations": {s: [["a"]] for s in EXTENSION},
    "claims without relations": {s: [["a", "b", "c"]] for s in EXTENSION},
    "mixed cycle": {s: [["a"]] for s in EXTENSION},  # the support b -> a adds no attack under --support none
}


@pytest.mark.parametrize("name", EXTENSIONS)
@pytest.mark.parametrize("semantics", EXTENSION)
def test_extensions_of_small_shapes_are_the_hand_computed_ones(tmp_path, name, semantics):
    got = scores(write_shape(tmp_path, name), semantics, tmp_path)["extensions"]
    assert sorted(sorted(e) for e in got) == [[NS + c for c in e] for e in EXTENSIONS[name][semantics]]


def test_one_claim_through_every_command(tmp_path):
    """The map a new author writes first: one claim, no relations."""
    path = write_shape(tmp_path, "one claim", thesis="a")
    out, _ = ok(["info", path], tmp_path)
    assert "claims: 1" in out and "relations: 0" in out
    ok(["validate", path], tmp_path)
    out, _ = ok(["explain", path, "a", "--format", "json"], tmp_path)
    ex = json.loads(out)
    assert ex["score"] == pytest.approx(0.8) and ex["base"] == pytest.approx(0.8) and ex["contributions"] == []
    ok(["render", path, "-o", "one.html"], tmp_path)
    page = (tmp_path / "one.html").read_text(encoding="utf-8")
    assert "Alpha." in page
    need_program("dot")
    ok(["render", path, "-o", "one.svg"], tmp_path)
    svg = ET.parse(tmp_path / "one.svg").getroot()
    assert sum(1 for e in svg.iter() if e.get("class") == "node") == 1
    for fmt, suffix in {**READABLE_EXPORTS, **OTHER_EXPORTS}.items():
        ok(["export", path, "--format", fmt, "-o", f"out.{suffix}"], tmp_path)
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in data["claims"]] == [NS + "a"] and data["relations"] == []
    graphml = ET.parse(tmp_path / "out.graphml").getroot()
    assert [e.tag.rsplit("}")[-1] for e in graphml.iter() if e.tag.endswith(("}node", "}edge"))] == ["node"]


@pytest.mark.parametrize("name", SHAPES)
def test_every_small_shape_through_every_command_and_back(tmp_path, name):
    claim = "a" if SHAPES[name][0] else None
    check_map(tmp_path, write_shape(tmp_path, name), SHAPES[name], support="all", claim=claim)


# --- generated maps ---------------------------------------------------------

TEXTS = st.one_of(
    st.none(),
    st.text(min_size=1, max_size=30),
    st.sampled_from(["<b>bold</b> & <i>x</i>", "[Not a title]: <no> +> -", "“curly” ‘quotes’ — dash", "😀 日本語",
                     'He said "no".', "line one\nline two", "  spaced  ", "#tag {data: 1}"]),
)


@st.composite
def maps(draw):
    n = draw(st.integers(0, 6))
    claims = {f"c{i}": (draw(TEXTS), draw(st.one_of(st.none(), st.floats(0, 1).map(lambda v: round(v, 4))))) for i in range(n)}
    relations = []
    if n:
        ids = list(claims)
        for k in range(draw(st.integers(0, 8))):
            kind = draw(st.sampled_from(["support", "attack", "undercut"]))
            premises = tuple(draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True)))
            if kind == "undercut":
                others = [r[0] for r in relations if True]
                if not others:
                    kind = "attack"
            if kind == "undercut":
                target = draw(st.sampled_from(others))
            else:
                target = draw(st.sampled_from(ids))
            relations.append((f"r{k}", kind, premises, target))
    thesis = draw(st.one_of(st.none(), st.sampled_from(list(claims)))) if claims else None
    return claims, relations, thesis


@pytest.mark.slow  # hundreds of maps through every command: minutes
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])
@given(amap=maps(), support=st.sampled_from(SUPPORT_MODES), data=st.data())
def test_generated_maps_through_every_command(tmp_path_factory, amap, support, data):
    claims, relations, thesis = amap
    tmp = tmp_path_factory.mktemp("shape")
    path = tmp / "map.ttl"
    path.write_text(turtle(claims, relations, thesis) if claims else "", encoding="utf-8")
    claim = data.draw(st.sampled_from(sorted(claims))) if claims else None
    check_map(tmp, path, (claims, relations), support=support, claim=claim)


def check_map(tmp, path, expected, *, support, claim):
    """Run ``path`` through every command; check the answers every map must give."""
    claims, relations = expected
    for semantics in GRADUAL:
        result = scores(path, semantics, tmp)
        assert set(result["scores"]) == {NS + c for c in claims}
        assert all(0.0 <= v <= 1.0 for v in result["scores"].values()), result
    for semantics in EXTENSION:
        out, _ = ok(["score", path, "--semantics", semantics, "--support", support, "--format", "json"], tmp)
        for ext in json.loads(out)["extensions"]:
            assert set(ext) <= {NS + c for c in claims}
    ok(["score", path, "--semantics", "preferred", "--support", support], tmp)
    out, _ = ok(["query", path, "--named", "claims-without-quote", "--format", "json"], tmp)
    assert len(json.loads(out)["results"]["bindings"]) == len(claims)  # no generated claim has a quote
    store = tmp / "store"
    ok(["load", path, "--store", store], tmp)
    out, _ = ok(["score", "--store", store, "--format", "json"], tmp)
    assert json.loads(out)["scores"] == pytest.approx(scores(path, "dfquad", tmp)["scores"])
    ok(["merge", path, path, "-o", "merged.ttl"], tmp)
    out, _ = ok(["score", "merged.ttl", "--format", "json"], tmp)
    assert set(json.loads(out)["scores"]) == {NS + c for c in claims}
    ok(["score", path, "--format", "csv"], tmp)
    ok(["info", path], tmp)
    ok(["validate", path], tmp, codes=(0, 1))
    if claim is not None:
        out, _ = ok(["explain", path, claim, "--format", "json"], tmp)
        assert 0.0 <= json.loads(out)["score"] <= 1.0
        ok(["explain", path, claim], tmp)
    ok(["render", path, "-o", "map.html"], tmp)
    assert (tmp / "map.html").stat().st_size > 0
    need_program("dot")
    ok(["render", path, "-o", "map.svg"], tmp)
    ET.parse(tmp / "map.svg")
    want = shape_of(texts(claims), relations)
    unxml = any(t is not None and NOT_XML.search(t) for t, _b in claims.values())
    nul = any(t is not None and "\x00" in t for t, _b in claims.values())
    for fmt, suffix in READABLE_EXPORTS.items():
        out = tmp / f"out-{fmt}.{suffix}"
        if (fmt == "rdfxml" and unxml) or (fmt == "argdown" and nul):  # XML 1.0 and text files cannot carry them
            _, err = ok(["export", path, "--format", fmt, "-o", out], tmp, codes=(2,))
            assert "cannot carry" in err and not out.exists()
            continue
        ok(["export", path, "--format", fmt, "-o", out], tmp)
        again = tmp / f"again-{fmt}.ttl"
        ok(["import", out, "-o", again], tmp)
        from argmap import ArgumentMap

        expect = argdown_shape(texts(claims), relations) if fmt == "argdown" else want
        assert shape_of_map(ArgumentMap.load(again)) == expect, fmt
        ok(["score", out, "--format", "json"], tmp)  # the export itself is a map every command reads
    for fmt, suffix in OTHER_EXPORTS.items():
        out = tmp / f"out.{suffix}"
        ok(["export", path, "--format", fmt, "-o", out], tmp, codes=(2,) if unxml and fmt != "json" else (0,))
    data = json.loads((tmp / "out.json").read_text(encoding="utf-8"))
    assert len(data["claims"]) == len(claims) and len(data["relations"]) == len(relations)
    for name in () if unxml else ("graphml", "gexf"):
        root = ET.parse(tmp / f"out.{name}").getroot()
        nodes = sum(1 for e in root.iter() if e.tag.endswith("}node"))
        assert nodes >= len(claims)


# --- both readers -------------------------------------------------------------

#: Examples of the both-readers test.
READER_EXAMPLES = int(os.environ.get("ARGMAP_READER_EXAMPLES", "120"))
#: What each reader must answer alike: the command after the map (``render`` writes ``page.html``).  The
#: h-categorizer, not DF-QuAD, so that a cycle costs no thousands of rounds (the readers' DF-QuAD scores are
#: compared on generated acyclic maps in test_large.py).
READER_COMMANDS = (["info"], ["score", "--semantics", "hcat", "--format", "json"],
                   ["score", "--semantics", "grounded", "--support", "all", "--format", "json"],
                   ["export", "--format", "turtle"], ["export", "--format", "aif"],
                   ["render", "--semantics", "hcat", "-o", "page.html"])


@settings(max_examples=READER_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                              HealthCheck.too_slow])
@given(amap=maps())
def test_generated_maps_same_through_both_readers(tmp_path_factory, monkeypatch, amap):
    """Each generated map, as Turtle and as argmap's AIF export (with its kinds, base scores and quotes' room),
    gives the same output and exit code with ``ARGMAP_READER=rdflib`` (an rdflib graph first, the reference)
    as with argmap's own reader (Oxigraph, or AIF's triple list, into the index), errors included."""
    claims, relations, thesis = amap
    tmp = tmp_path_factory.mktemp("readers")
    path = tmp / "map.ttl"
    path.write_text(turtle(claims, relations, thesis) if claims else "", encoding="utf-8")
    monkeypatch.setenv("ARGMAP_READER", "rdflib")
    ok(["export", path, "--format", "aif", "-o", tmp / "map.json"], tmp)
    for source in (path, tmp / "map.json"):
        seen = {}
        for reader in ("rdflib", "index"):
            monkeypatch.setenv("ARGMAP_READER", reader)
            answers = []
            for command in READER_COMMANDS:
                code, out, err = run(command[0], source, *command[1:], cwd=tmp)
                assert "internal error" not in err and "Traceback" not in err, (reader, command, err)
                page = tmp / "page.html"
                answers.append((code, out, err, page.read_bytes() if command[0] == "render" and code == 0 else None))
                page.unlink(missing_ok=True)
            seen[reader] = answers
        for command, a, b in zip(READER_COMMANDS, seen["rdflib"], seen["index"]):
            assert a == b, (source.name, command)
