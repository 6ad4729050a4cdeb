"""Large maps: the Oxigraph reader gives the same map as the rdflib one.

Each map is read twice, with ``ARGMAP_READER=rdflib`` and ``fast``, and
everything the commands use is compared: claims, relations, sources, thesis,
gradual scores, Dung extensions and ``argmap info``'s output.
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest
import rdflib

from .conftest import BUNDLED, CORPORA, ROOT, need_file

spec = importlib.util.spec_from_file_location("genmap", ROOT / "bench" / "genmap.py")
genmap = importlib.util.module_from_spec(spec)
spec.loader.exec_module(genmap)

#: Claims of the generated map most tests use.
N = 150
#: Writing as large maps are written: N-Triples lines in the order read (argmap.triples.large).
AS_READ = {"ARGMAP_LARGE_BYTES": "0"}


def _load(paths, reader, monkeypatch):
    import argmap

    monkeypatch.setenv("ARGMAP_READER", reader)
    return argmap.load(*paths) if hasattr(argmap, "load") else argmap.ArgumentMap.load(*paths)


def _answers(amap):
    from argmap.semantics import extensions_of, score

    return {
        "claims": amap.claims,
        "relations": amap.relations,
        "sources": amap.sources,
        "theses": amap.main_theses,
        "dfquad": score(amap, "dfquad").scores,
        "qe": score(amap, "qe").scores,
        "grounded": extensions_of(amap, "grounded").status,
        "preferred": extensions_of(amap, "preferred").extensions,
    }


def _same(paths, monkeypatch):
    slow = _load(paths, "rdflib", monkeypatch)
    fast = _load(paths, "fast", monkeypatch)
    a, b = _answers(slow), _answers(fast)
    assert fast.ntriples() is not None  # the answers came without an rdflib graph (none has been built)
    for key in ("claims", "relations", "sources", "theses", "grounded", "preferred"):
        assert a[key] == b[key], key
    for key in ("dfquad", "qe"):
        assert a[key].keys() == b[key].keys()
        assert all(math.isclose(a[key][c], b[key][c], abs_tol=1e-12) for c in a[key])
    return slow, fast


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A generated map of N claims and 2N relations (linked premises and undercuts), as Turtle and AIF."""
    return genmap.write(N, tmp_path_factory.mktemp("gen"))


def test_bundled_map_same_by_both_readers(monkeypatch):
    slow, _fast = _same([BUNDLED], monkeypatch)
    assert len(slow.claims) >= 16 and any(q for c in slow.claims.values() for q in c.quotes)


def test_generated_map_same_by_both_readers(generated, monkeypatch):
    slow, fast = _same([generated["turtle"]], monkeypatch)
    claims, relations = genmap.generate(N)
    assert len(fast.claims) == len(claims) and len(fast.relations) == len(relations)
    kinds = [r.type for r in fast.relations.values()]
    assert kinds.count("undercut") == sum(k == "undercut" for k, _p, _t in relations) > 0
    assert sum(len(r.sources) == 2 for r in fast.relations.values()) == sum(len(p) == 2 for _k, p, _t in relations)
    base = {f"{genmap.BASE.format(n=N)}c{i}": b for i, (_k, b) in enumerate(claims)}
    assert {c: fast.claims[c].base_score for c in base} == base


def test_aif_export_same_by_both_readers(tmp_path, monkeypatch):
    """argmap's AIF export of the bundled map, with its claim kinds, base scores and anchored quotes."""
    import argmap
    from argmap import io

    out = tmp_path / "bundled.json"
    io.write(argmap.ArgumentMap.load(BUNDLED), out, "aif")
    slow, fast = _same([out], monkeypatch)
    assert any(c.quotes for c in fast.claims.values()) and any(c.base_score is not None for c in fast.claims.values())
    assert {t for c in fast.claims.values() for t in c.types} == {t for c in slow.claims.values() for t in c.types}


def test_triple_list_keeps_kinds_of_terms_apart():
    """A literal is not the IRI of the same text, nor a typed literal of the same form; removing one leaves the others."""
    from argmap.io._build import TripleList

    t = TripleList()
    a, p, q, b = (t.URIRef(f"urn:x:{n}") for n in "apqb")
    t.add((a, p, t.Literal("urn:x:b")))
    t.add((a, p, b))
    t.add((a, q, t.Literal("0.5")))
    t.add((a, q, t.Literal("0.5", datatype="http://www.w3.org/2001/XMLSchema#decimal")))
    t.remove((a, p, b))
    t.add((b, p, a))
    t.remove((b, None, None))
    t.add((b, q, a))
    assert t.ntriples_lines() == ['<urn:x:a> <urn:x:p> "urn:x:b" .', '<urn:x:a> <urn:x:q> "0.5" .',
                                  '<urn:x:a> <urn:x:q> "0.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .',
                                  "<urn:x:b> <urn:x:q> <urn:x:a> ."]
    assert len(t) == 4 and [str(o) for _s, _p, o in t.rows()] == ["urn:x:b", "0.5", "0.5", "urn:x:a"]


def test_corpus_import_same_by_both_readers(tmp_path, monkeypatch):
    import argmap
    from argmap import io

    files = [need_file(CORPORA / "aif" / "nodeset29.json"),
             need_file(CORPORA / "microtexts" / "micro_b001.xml")]
    monkeypatch.setenv("ARGMAP_READER", "rdflib")
    out = tmp_path / "corpus.nt"
    io.write(argmap.ArgumentMap.load(*files), out)
    _same([out], monkeypatch)


def test_info_output_same_by_both_readers(generated, run_cli):
    slow = run_cli("info", generated["turtle"], env={"ARGMAP_READER": "rdflib"})
    fast = run_cli("info", generated["turtle"], env={"ARGMAP_READER": "fast"})
    assert slow.returncode == fast.returncode == 0, slow.stderr + fast.stderr
    assert slow.stdout == fast.stdout
    assert f"claims: {N}\n" in fast.stdout and f"relations: {2 * N}\n" in fast.stdout


def test_reader_for_every_size_and_writer_by_size(tmp_path, monkeypatch):
    """Files are read without rdflib at every size; only writing Turtle in the order read depends on the size."""
    from argmap.io.loading import use_fast_reader
    from argmap.triples import large

    monkeypatch.delenv("ARGMAP_READER", raising=False)
    tiny = tmp_path / "tiny.ttl"
    tiny.write_text("", encoding="utf-8")
    aif = need_file(CORPORA / "aif" / "nodeset29.json")
    assert use_fast_reader([tiny]) and use_fast_reader([BUNDLED, aif])
    assert not use_fast_reader([BUNDLED, need_file(CORPORA / "kialo" / sorted(p.name for p in (CORPORA / "kialo").glob("*.txt"))[0])])
    monkeypatch.setenv("ARGMAP_READER", "rdflib")
    assert not use_fast_reader([tiny])
    assert not large([BUNDLED])
    monkeypatch.setenv("ARGMAP_LARGE_BYTES", str(BUNDLED.stat().st_size))
    assert large([BUNDLED])
    monkeypatch.setenv("ARGMAP_LARGE_BYTES", str(BUNDLED.stat().st_size + 1))
    assert not large([BUNDLED])


@pytest.mark.parametrize("data,message", [(b"<urn:x:a> a <urn:x:C> .\n\x89PNG\r\n\x00", ":3: binary data"),
                                          (b'<urn:x:a> <urn:x:p> "\xff" .\n', ":1: not UTF-8 text")])
def test_binary_or_non_utf8_file_same_error_by_both_readers(tmp_path, monkeypatch, data, message):
    from .conftest import run_here

    path = tmp_path / "junk.nt"
    path.write_bytes(data)
    errors = []
    for reader in ("rdflib", "fast"):
        monkeypatch.setenv("ARGMAP_READER", reader)
        code, _out, err = run_here("info", path)
        errors.append((code, err))
    assert errors[0] == errors[1] and errors[0][0] == 2 and f"{path}{message}" in errors[0][1], errors


def test_malformed_turtle_on_the_fast_path_is_one_line(tmp_path, run_cli):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix am: <https://w3id.org/argmap#> .\n<a> a am:Claim .\n<b> a am:Claim ) .\n<c> a am:Claim .\n",
                   encoding="utf-8")
    res = run_cli("score", bad, env={"ARGMAP_READER": "fast"})
    assert res.returncode == 2 and res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"argmap: error: {bad}:"), res.stderr
    line = int(lines[0][len(f"argmap: error: {bad}:"):].split(":")[0])
    assert line == 3


def _split_everything(monkeypatch, n=3):
    monkeypatch.setenv("ARGMAP_SPLIT_BYTES", "0")
    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: set(range(n)))


@pytest.mark.parametrize("which", ["generated", "bundled"])
def test_reading_in_processes_gives_the_index_of_one_piece(which, generated, monkeypatch):
    """A large file read in parts by several processes gives the index that one reading gives."""
    from argmap import triples

    path = generated["turtle"] if which == "generated" else BUNDLED
    one = triples.from_file(path, "turtle")
    _split_everything(monkeypatch)
    assert len(triples.file_parts(path, "turtle")) == 3
    many = triples.from_file(path, "turtle")
    assert many.read == one.read == len(rdflib.Graph().parse(path, format="turtle"))
    assert many.by == one.by


def test_reading_in_processes_falls_back_where_a_cut_is_inside_a_string(tmp_path, monkeypatch):
    from argmap import triples

    path = tmp_path / "long.ttl"
    path.write_text('@prefix am: <https://w3id.org/argmap#> .\n<urn:x:a> a am:Claim .\n'
                    '<urn:x:a> am:text """one .\n<urn:x:fake> a am:Claim .\nthree""" .\n<urn:x:b> a am:Claim .\n',
                    encoding="utf-8")
    _split_everything(monkeypatch, 4)
    parts = triples.file_parts(path, "turtle")
    assert parts and any(p.rstrip().endswith(b"one .") for p in parts)  # a cut inside the string
    index = triples.from_file(path, "turtle")
    assert sorted(index.subjects(triples.RDF_TYPE)) == ["urn:x:a", "urn:x:b"]
    assert index.objects("urn:x:a", "https://w3id.org/argmap#text") == ["one .\n<urn:x:fake> a am:Claim .\nthree"]


def test_reading_in_processes_keeps_a_nul_inside_a_term(tmp_path, monkeypatch):
    """A literal holding U+0000 cannot travel NUL-joined; the other process sends its lists instead."""
    from argmap import triples

    lines = ["@prefix am: <https://w3id.org/argmap#> ."] + [f'<urn:x:c{i}> am:text "claim {i}" .' for i in range(30)]
    lines[28] = '<urn:x:c27> am:text "before\\u0000after" .'
    path = tmp_path / "nul.ttl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = triples.from_file(path, "turtle")
    _split_everything(monkeypatch)
    many = triples.from_file(path, "turtle")
    assert many.objects("urn:x:c27", "https://w3id.org/argmap#text") == ["before\0after"]
    assert many.by == one.by and many.read == one.read == 30


@pytest.mark.parametrize("line, error, message", [
    ("<urn:x:c24> a am:Claim ) .", "ParseError", "bad turtle syntax"),
    # a literal target: found by the process that reads its part, then the whole file is read again for its line
    ('<urn:x:r> a am:Attack ; am:premise <urn:x:c1> ; am:target "urn:x:c2" .', "MapError",
     'urn:x:r: am:target takes a node (an IRI), not the literal "urn:x:c2"'),
])
def test_reading_in_processes_reports_the_line_of_an_error(tmp_path, monkeypatch, line, error, message):
    from argmap import errors, triples

    lines = ["@prefix am: <https://w3id.org/argmap#> ."] + [f"<urn:x:c{i}> a am:Claim ." for i in range(30)]
    lines[25] = line
    path = tmp_path / "bad.ttl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _split_everything(monkeypatch)
    assert len(triples.file_parts(path, "turtle")) == 3
    with pytest.raises(getattr(errors, error)) as err:
        triples.from_file(path, "turtle")
    assert err.value.line == 26
    assert err.value.message.startswith(message)


def test_broken_structure_on_the_fast_path_names_the_line(tmp_path, run_cli):
    bad = tmp_path / "broken.ttl"
    text = Path(BUNDLED).read_text(encoding="utf-8") + "\n<urn:x:r> a <https://w3id.org/argmap#Support> .\n"
    bad.write_text(text, encoding="utf-8")
    slow = run_cli("info", bad, env={"ARGMAP_READER": "rdflib"})
    fast = run_cli("info", bad, env={"ARGMAP_READER": "fast"})
    assert slow.returncode == fast.returncode == 2
    assert slow.stderr == fast.stderr
    assert fast.stderr.startswith(f"argmap: error: {bad}:{text.count(chr(10))}: urn:x:r: relation has 0 targets")


def test_aif_import_same_by_both_readers(generated, tmp_path, run_cli):
    outs = {}
    for reader in ("rdflib", "fast"):
        out = tmp_path / f"{reader}.nt"
        res = run_cli("import", generated["aif"], "-o", out, env={"ARGMAP_READER": reader, **AS_READ})
        assert res.returncode == 0, res.stderr
        outs[reader] = out
    import rdflib
    from rdflib.compare import isomorphic

    graphs = {k: rdflib.Graph().parse(v, format="nt") for k, v in outs.items()}
    assert isomorphic(graphs["rdflib"], graphs["fast"])
    again = tmp_path / "again.nt"
    assert run_cli("import", generated["aif"], "-o", again, env=AS_READ).returncode == 0
    assert again.read_bytes() == outs["fast"].read_bytes()
    scores = [run_cli("score", outs[k], "--format", "csv", env={"ARGMAP_READER": k}).stdout for k in outs]
    assert scores[0] == scores[1] and scores[0].count("\n") == N + 1


def test_turtle_export_on_the_fast_path_is_the_same_graph(generated, tmp_path, run_cli):
    import rdflib
    from rdflib.compare import isomorphic

    res = run_cli("export", generated["turtle"], "--format", "turtle", "-o", tmp_path / "out.ttl", env=AS_READ)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "out.ttl").read_text(encoding="utf-8").startswith("<")  # N-Triples lines, as read
    ours = rdflib.Graph().parse(tmp_path / "out.ttl", format="turtle")
    assert isomorphic(ours, rdflib.Graph().parse(generated["turtle"], format="turtle"))
    json_fast = run_cli("export", generated["turtle"], "--format", "json", env={"ARGMAP_READER": "fast"})
    json_slow = run_cli("export", generated["turtle"], "--format", "json", env={"ARGMAP_READER": "rdflib"})
    assert json_fast.stdout == json_slow.stdout and json_fast.stdout.startswith('{\n  "claims"')


# --- drawing a part of a large map -------------------------------------------------------------


@pytest.fixture(scope="module")
def over_threshold(tmp_path_factory):
    """A generated map just over the 2,000 claims that render draws whole."""
    from argmap.drawing import LARGE

    return genmap.write(LARGE + 100, tmp_path_factory.mktemp("big"))["turtle"]


def test_render_of_a_large_map_draws_a_part_and_says_so(over_threshold, tmp_path, run_cli, chromium_page):
    from argmap import ArgumentMap
    from argmap.drawing import PART, LARGE
    from argmap.semantics import score

    out = tmp_path / "big.html"
    res = run_cli("render", over_threshold, "--top", "20", "-o", out)
    assert res.returncode == 0, res.stderr
    assert res.stderr.startswith("argmap: Showing ") and f"of {LARGE + 100} claims" in res.stderr
    amap = ArgumentMap.load(over_threshold)
    scores = score(amap).scores
    strongest = sorted(scores, key=lambda c: (-scores[c], c))[:20]
    page = chromium_page
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-settled=true]", timeout=60_000)
    assert "of 2100 claims" in page.locator("#partial").inner_text()
    drawn = set(page.evaluate("window.argmap.network.body.nodeIndices"))
    claims = drawn & set(amap.claims)
    assert set(strongest) | {amap.main_thesis} <= claims and 20 < len(claims) <= PART
    # every drawn edge joins two drawn nodes, and the whole map's scores size the claims
    for e in page.evaluate("window.argmap.edges.get()"):
        assert e["from"] in drawn and e["to"] in drawn
    shown = page.evaluate("Object.fromEntries(Object.entries(window.argmap.details).map(([k, v]) => [k, v.score]))")
    assert all(abs(shown[c] - scores[c]) < 1e-6 for c in claims)
    page.fill("#search", "Claim")  # the page answers: it is not frozen
    assert page.evaluate("1 + 1") == 2 and page.problems == []


def test_focus_draws_the_neighbourhood(tmp_path, monkeypatch):
    from argmap import ArgumentMap
    from argmap.drawing import RenderOptions, view_of

    amap = ArgumentMap.load(BUNDLED)
    view = view_of(amap, RenderOptions(focus="thesis", depth=1))
    thesis = amap.main_thesis
    near = {thesis}
    for r in amap.relations.values():  # one relation away; an undercut joins the ends of what it undercuts
        inner = amap.relations[r.target] if r.type == "undercut" else r
        ends = {*r.sources, *inner.sources, inner.target}
        if thesis in ends:
            near |= ends
    assert set(view.amap.claims) == near
    assert view.note.startswith(f"Showing {len(near)} of {len(amap.claims)} claims")
    inside = {rid for rid, r in amap.relations.items() if r.type != "undercut" and near.issuperset(r.sources)
              and r.target in near}
    inside |= {rid for rid, r in amap.relations.items() if r.type == "undercut" and r.target in inside
               and near.issuperset(r.sources)}
    assert set(view.amap.relations) == inside


# --- maps in an Oxigraph store and on a SPARQL server -----------------------------------------


def _ok(res):
    assert res.returncode == 0, res.stderr
    return res.stdout


def _commands(run_cli, *where):
    """What info, score, explain, export and validate say of the map at ``where``."""
    return {
        "info": _ok(run_cli("info", *where)),
        "score": _ok(run_cli("score", *where, "--format", "csv")),
        "grounded": _ok(run_cli("score", *where, "--semantics", "grounded", "--format", "json")),
        "explain": _ok(run_cli("explain", *where, "c7")),
        "export": _ok(run_cli("export", *where, "--format", "json")),
    }


def _stored(run_cli, *where, graph):
    q = (f"SELECT ?c ?v WHERE {{ GRAPH <{graph}> {{ ?e a am:Evaluation ; am:evaluates ?c ; "
         "am:semantics am:DFQuAD ; am:value ?v } }")
    rows = _ok(run_cli("query", *where, q, "--format", "csv")).splitlines()[1:]
    return {c: float(v) for c, v in (r.split(",") for r in rows)}


def test_store_gives_the_file_answers_and_takes_the_scores(generated, tmp_path, run_cli):
    store = tmp_path / "maps.oxigraph"
    _ok(run_cli("load", generated["turtle"], "--store", store))
    from_file = _commands(run_cli, generated["turtle"])
    assert _commands(run_cli, "--store", store) == from_file
    assert _ok(run_cli("validate", "--store", store)).strip() == f"{store}: valid"
    assert f"stored {N} evaluations" in run_cli("score", "--store", store, "--write").stderr
    graph = generated["turtle"].resolve().as_uri()
    stored = _stored(run_cli, "--store", store, graph=graph)
    scores = {c: float(v) for c, v in (r.split(",") for r in from_file["score"].splitlines()[1:])}
    assert stored.keys() == scores.keys() and all(abs(stored[c] - scores[c]) < 1e-12 for c in scores)
    _ok(run_cli("score", "--store", store, "--write"))  # again: replaced, not added
    assert len(_stored(run_cli, "--store", store, graph=graph)) == N


def test_source_options_go_together_or_not_at_all(run_cli, tmp_path):
    both = run_cli("info", BUNDLED, "--store", tmp_path)
    assert both.returncode == 2 and "do not go together" in both.stderr
    nograph = run_cli("score", "--endpoint", "http://127.0.0.1:9/sparql")
    assert nograph.returncode == 2 and "--graph" in nograph.stderr
    missing = run_cli("info", "--store", tmp_path / "none")
    assert missing.returncode == 2 and "no such store" in missing.stderr


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A Virtuoso server of its own (skips without Virtuoso; fails under ARGMAP_STRICT=1)."""
    from .conftest import need_program
    from .virtuoso import Virtuoso

    program, isql = need_program("virtuoso-t"), need_program("isql-vt")
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"), program, isql)
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.slow  # a Virtuoso server of its own
def test_endpoint_gives_the_file_answers_and_takes_the_scores(generated, virtuoso, monkeypatch, run_cli):
    import argmap.source

    monkeypatch.setattr(argmap.source, "PAGE", 97)  # several pages per predicate without a Graph Store
    graph = "urn:argmap:test:generated"
    where = ("--endpoint", virtuoso.endpoint, "--graph", graph)
    _ok(run_cli("push", generated["turtle"], "--endpoint", virtuoso.endpoint, "--graph", graph))
    from_file = _commands(run_cli, generated["turtle"])
    assert _commands(run_cli, *where) == from_file
    assert _ok(run_cli("info", *where, "--graph-store", "none")) == from_file["info"]
    res = run_cli("score", *where, "--write")
    assert res.returncode == 0 and f"stored {N} evaluations in <{graph}>" in res.stderr
    _ok(run_cli("score", *where, "--write"))  # again: replaced, not added
    stored = _stored(run_cli, "--endpoint", virtuoso.endpoint, graph=graph)
    scores = {c: float(v) for c, v in (r.split(",") for r in from_file["score"].splitlines()[1:])}
    assert stored.keys() == scores.keys()  # one evaluation per claim
    assert all(abs(stored[c] - scores[c]) <= 1e-5 * max(scores[c], 1e-9) + 1e-12 for c in scores)
