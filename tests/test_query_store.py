"""Named queries on every store: in memory, Oxigraph on disk and a Virtuoso server.

Each named query must give the same answers on the three backends, for the
bundled map (with stored DF-QuAD evaluations) and for a merged set of maps,
and those answers must match what the map files say, computed here in Python
from the model, not by SPARQL.
"""

from __future__ import annotations

import http.server
import json
import shutil
import socket
import threading
import urllib.parse
import urllib.request
from collections import defaultdict
from decimal import Decimal

import pytest

from .conftest import BUNDLED, DATA

QUERIES = ["strongest-claims", "attackers-and-supporters", "unanswered-attacks", "claims-by-speaker",
           "open-critical-questions", "claims-without-quote", "support-chains", "claims-shared-across-maps"]
AM = "https://w3id.org/argmap#"


def _norm(term):
    """A result term for comparison: numbers by value, plain and xsd:string literals alike."""
    from rdflib import BNode, Literal

    if term is None:
        return None
    if isinstance(term, BNode):
        return ("bnode",)
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return ("number", round(float(value), 9))
        return ("literal", str(term), term.language)
    return ("iri", str(term))


def _rows(result):
    return [tuple(_norm(t) for t in row) for row in result.rows]


# --- the data sets ------------------------------------------------------------------
@pytest.fixture(scope="module")
def datasets(tmp_path_factory):
    """The bundled map with stored DF-QuAD evaluations, alone and merged with two more maps."""
    import argmap
    from argmap.io import save_evaluations as save

    folder = tmp_path_factory.mktemp("maps")
    scored = folder / "trump-kim-scored.ttl"
    amap = argmap.load(BUNDLED)
    save(amap, "dfquad", argmap.score(amap).scores, scored)
    reply, small = folder / "reply.ttl", folder / "small.ttl"
    shutil.copy(DATA / "reply.ttl", reply)
    shutil.copy(DATA / "small.ttl", small)
    return {"bundled": [scored], "merged": [scored, reply, small]}


@pytest.fixture(scope="module")
def memory_answers(datasets):
    from argmap.sparql import named_query
    from argmap.store import MemoryStore

    out = {}
    for name, paths in datasets.items():
        st = MemoryStore()
        st.load(paths)
        out[name] = {q: st.query(named_query(q).text) for q in QUERIES}
    return out


@pytest.fixture(scope="module")
def oxigraph_answers(datasets, tmp_path_factory):
    from argmap.sparql import named_query
    from argmap.store import OxigraphStore

    out = {}
    for name, paths in datasets.items():
        with OxigraphStore(tmp_path_factory.mktemp(f"ox-{name}")) as st:
            st.load(paths)
            out[name] = {q: st.query(named_query(q).text) for q in QUERIES}
    return out


@pytest.fixture(scope="module")
def virtuoso(virtuoso_server):
    """The session's Virtuoso server (skips without Virtuoso; fails under ARGMAP_STRICT=1)."""
    return virtuoso_server


@pytest.fixture(scope="module")
def virtuoso_answers(datasets, virtuoso):
    from argmap.sparql import named_query
    from argmap.store import EndpointStore

    st = EndpointStore(virtuoso.endpoint)
    out = {}
    for name in ("bundled", "merged"):  # the merged set adds maps to the bundled one
        st.push(datasets[name])
        assert set(st.graphs()) == {p.resolve().as_uri() for p in datasets[name]}
        out[name] = {q: st.query(named_query(q).text) for q in QUERIES}
    return out


# --- what the map files say, computed without SPARQL ------------------------------------
def _expected(paths, query):
    """The answer of ``query`` on ``paths``, from the model and rdflib triples, as comparable rows."""
    import networkx as nx
    from rdflib import RDF, URIRef

    import argmap
    from argmap.io import read_graph
    from argmap.evaluations import evaluations

    amap = argmap.load(*paths)
    claims, rels = amap.claims, amap.relations
    iri = lambda x: ("iri", str(x))  # noqa: E731
    if query == "strongest-claims":
        values = evaluations(amap.graph, "dfquad")
        return {(iri(AM + "DFQuAD"), ("number", round(v, 9)), iri(c)) for c, v in values.items()}
    if query == "attackers-and-supporters":
        return {(iri(r.target), ("literal", r.type, None), iri(r.id), iri(p))
                for r in rels.values() if r.type in ("support", "attack") and r.target in claims for p in r.sources}
    if query == "unanswered-attacks":
        attacked = {r.target for r in rels.values() if r.type in ("attack", "undercut")}
        return {(iri(r.id), iri(p), iri(r.target)) for r in rels.values()
                if r.type in ("attack", "undercut") for p in r.sources if p not in attacked}
    if query == "claims-by-speaker":
        return {(iri(a), iri(c.id)) for c in claims.values() for a in c.attributed_to}
    if query == "open-critical-questions":
        g = amap.graph
        return {(iri(rel), iri(g.value(st, URIRef(AM + "question"))))
                for rel, st in g.subject_objects(URIRef(AM + "questionStatus"))
                if (st, RDF.type, URIRef(AM + "OpenQuestion")) in g}
    if query == "claims-without-quote":
        return {(iri(c.id),) for c in claims.values() if not c.quotes}
    if query == "support-chains":
        edges = nx.DiGraph([(p, r.target) for r in rels.values() if r.type == "support" for p in r.sources])
        out = set()
        for thesis in amap.main_theses:
            def walk(path):  # paths of up to 5 supports ending at the thesis, walked backwards
                if len(path) > 1:
                    vias = [iri(v) for v in reversed(path[1:-1])] + [None] * (5 - (len(path) - 1))
                    out.add((iri(path[-1]), ("number", float(len(path) - 1)), *vias[:4], iri(thesis)))
                if len(path) <= 5 and path[-1] in edges:
                    for pred in edges.predecessors(path[-1]):
                        walk(path + [pred])
            walk([thesis])
        return out
    if query == "claims-shared-across-maps":
        stated = {p.resolve().as_uri(): set(argmap.ArgumentMap(read_graph(p), paths=[p]).claims) for p in paths}
        names = sorted(stated)
        return {(iri(c), iri(a), iri(b)) for i, a in enumerate(names) for b in names[i + 1:]
                for c in stated[a] & stated[b]}
    raise AssertionError(query)


#: The result columns each known answer covers.
_COLUMNS = {
    "strongest-claims": ("semantics", "value", "claim"),
    "attackers-and-supporters": ("claim", "kind", "relation", "premise"),
    "unanswered-attacks": ("attack", "attacker", "target"),
    "claims-by-speaker": ("speaker", "claim"),
    "open-critical-questions": ("relation", "question"),
    "claims-without-quote": ("claim",),
    "support-chains": ("claim", "steps", "via1", "via2", "via3", "via4", "thesis"),
    "claims-shared-across-maps": ("claim", "map1", "map2"),
}


@pytest.mark.parametrize("dataset", ["bundled", "merged"])
@pytest.mark.parametrize("name", QUERIES)
def test_named_query_gives_known_answer_in_memory(memory_answers, datasets, dataset, name):
    result = memory_answers[dataset][name]
    cols = [result.variables.index(c) for c in _COLUMNS[name]]
    got = {tuple(row[i] for i in cols) for row in _rows(result)}
    expected = _expected(datasets[dataset], name)
    assert got == expected
    if dataset == "merged":
        assert expected, "a test answer should not be empty"


def test_strongest_claims_ordered_by_value(memory_answers):
    values = [row[1][1] for row in _rows(memory_answers["bundled"]["strongest-claims"])]
    assert values == sorted(values, reverse=True)


@pytest.mark.parametrize("dataset", ["bundled", "merged"])
@pytest.mark.parametrize("name", QUERIES)
def test_oxigraph_answers_as_memory(memory_answers, oxigraph_answers, dataset, name):
    mem, ox = memory_answers[dataset][name], oxigraph_answers[dataset][name]
    assert ox.variables == mem.variables
    assert _rows(ox) == _rows(mem)  # same rows in the same order (every named query sorts)


@pytest.mark.parametrize("dataset", ["bundled", "merged"])
@pytest.mark.parametrize("name", QUERIES)
def test_virtuoso_answers_as_memory(memory_answers, virtuoso_answers, dataset, name):
    mem, vt = memory_answers[dataset][name], virtuoso_answers[dataset][name]
    assert vt.variables == mem.variables
    # Virtuoso writes an xsd:double with 6 significant digits in its JSON results
    # (0.6901112 comes back as 0.690111), so numbers agree to 1e-5 here.
    def coarse(row):
        return tuple(("number", round(t[1], 4)) if t and t[0] == "number" else t for t in row)

    a, b = sorted(_rows(vt), key=lambda r: repr(coarse(r))), sorted(_rows(mem), key=lambda r: repr(coarse(r)))
    assert len(a) == len(b)
    for x, y in zip(a, b):
        assert len(x) == len(y)
        for s, t in zip(x, y):
            if s and t and s[0] == t[0] == "number":
                assert abs(s[1] - t[1]) <= 1e-5 * max(1.0, abs(t[1])), (x, y)
            else:
                assert s == t, (x, y)


# --- entailment, parameters, formats ------------------------------------------------------
def test_rdfs_entailment_finds_subclasses_and_subproperties():
    import argmap
    from argmap.store import MemoryStore

    amap = argmap.load(BUNDLED)
    st = MemoryStore()
    st.load([BUNDLED])
    n = st.query("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a am:Claim }").rows[0][0].toPython()
    assert n == len(amap.claims)  # every claim is typed with a subclass of am:Claim in the file
    pairs = st.query("SELECT DISTINCT ?c ?a WHERE { ?c a am:Claim ; prov:wasAttributedTo ?a }").rows
    assert {(str(c), str(a)) for c, a in pairs} == {(c.id, a) for c in amap.claims.values() for a in c.attributed_to}


def test_needed_vocabulary_reads_patterns_exists_and_variables():
    from argmap.sparql import with_prefixes
    from argmap.store import needed_vocabulary

    def need(q):
        return needed_vocabulary(with_prefixes(q))

    prov = "http://www.w3.org/ns/prov#wasAttributedTo"
    assert need("SELECT * { ?x a am:Claim ; prov:wasAttributedTo ?a }") == ({AM + "Claim"}, {prov})
    assert need("ASK { ?x am:premise ?p FILTER NOT EXISTS { ?x a am:Attack } }") == ({AM + "Attack"}, {AM + "premise"})
    assert need("SELECT * { VALUES ?t { am:Claim } ?x a ?t }") == (None, set())  # a variable class
    assert need("SELECT * { ?x ?p ?o }") == (None, None)
    assert need("SELECT * { ?x am:premise/am:target ?o }") == (None, None)  # a property path
    assert need("DESCRIBE am:Claim") == (None, None)


def test_oxigraph_entails_on_demand_for_new_maps_axioms_and_updates(tmp_path):
    """A superclass query finds subclass instances whenever they arrived: before it, after it, by update."""
    import argmap
    from argmap.store import OxigraphStore

    count = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a am:Claim }"
    bundled, small = len(argmap.load(BUNDLED).claims), len(argmap.load(DATA / "small.ttl").claims)
    extra = tmp_path / "extra.ttl"
    extra.write_text("@prefix am: <https://w3id.org/argmap#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                     "<urn:x:Rumour> rdfs:subClassOf am:FactualClaim .\n<urn:x:r1> a <urn:x:Rumour> .\n",
                     encoding="utf-8")
    with OxigraphStore(tmp_path / "store") as st:
        [first] = st.load([BUNDLED])
        assert first.stored == first.triples  # nothing entailed before a query asks
        assert st.query(count).rows[0][0].toPython() == bundled
        [second] = st.load([DATA / "small.ttl"])
        assert second.stored > second.triples  # what the first query needed is added to a new map at once
        assert st.query(count).rows[0][0].toPython() == bundled + small
        st.load([extra])  # a new subclass, two levels below am:Claim
        assert st.query(count).rows[0][0].toPython() == bundled + small + 1
        st.query("INSERT DATA { GRAPH <urn:x:g> { <urn:x:n> a am:PolicyClaim } }", allow_update=True)
        assert st.query(count).rows[0][0].toPython() == bundled + small + 2
        st.load([BUNDLED])  # loading again replaces the graph and its entailments
        assert st.query(count).rows[0][0].toPython() == bundled + small + 2


def test_param_binds_a_claim(run_cli):
    import argmap

    amap = argmap.load(BUNDLED)
    thesis = amap.main_thesis
    res = run_cli("query", BUNDLED, "--named", "attackers-and-supporters", "--param", f"claim={thesis}",
                  "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    got = {(b["relation"]["value"], b["premise"]["value"]) for b in data["results"]["bindings"]}
    assert {b["claim"]["value"] for b in data["results"]["bindings"]} == {thesis}
    assert got == {(r.id, p) for r in amap.relations.values()
                   if r.target == thesis and r.type in ("support", "attack") for p in r.sources}


def test_list_names_every_query_with_a_description(run_cli):
    res = run_cli("query", "--list")
    assert res.returncode == 0, res.stderr
    listed = dict(line.split(None, 1) for line in res.stdout.splitlines())
    assert sorted(listed) == sorted(QUERIES)
    assert all(len(d.strip()) > 20 for d in listed.values())


def test_result_formats_follow_the_standards(run_cli):
    q = "SELECT ?c ?label ?base WHERE { ?c a am:PolicyClaim ; rdfs:label ?label ; am:baseScore ?base } ORDER BY ?c"
    js = json.loads(run_cli("query", DATA / "small.ttl", q, "--format", "json").stdout)
    assert js["head"]["vars"] == ["c", "label", "base"]
    [b] = js["results"]["bindings"]
    assert b["c"] == {"type": "uri", "value": "http://example.org/small#t"}
    assert b["label"] == {"type": "literal", "value": "Thesis"}
    assert b["base"] == {"type": "literal", "value": "0.5", "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}
    csv_out = run_cli("query", DATA / "small.ttl", q, "--format", "csv").stdout  # text mode: CRLF read as LF
    assert csv_out.splitlines() == ["c,label,base", "http://example.org/small#t,Thesis,0.5"]
    import argmap
    from argmap.sparql import to_csv

    assert to_csv(argmap.query(argmap.load(DATA / "small.ttl"), q)).endswith("0.5\r\n")  # CRLF, as RFC 4180 says
    tsv = run_cli("query", DATA / "small.ttl", q, "--format", "tsv").stdout
    assert tsv.splitlines() == ["?c\t?label\t?base",
                                '<http://example.org/small#t>\t"Thesis"\t"0.5"^^<http://www.w3.org/2001/XMLSchema#decimal>']
    ask = json.loads(run_cli("query", DATA / "small.ttl", "ASK { ?x a am:Claim }", "--format", "json").stdout)
    assert ask == {"head": {}, "boolean": True}


# --- safety ---------------------------------------------------------------------------
def _one_error(res):
    assert res.returncode == 2, (res.returncode, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("argmap: error: "), res.stderr
    assert "Traceback" not in res.stderr and res.stdout == ""
    return lines[0]


def test_update_refused_unless_allowed(run_cli, tmp_path):
    store = tmp_path / "store"
    assert run_cli("load", DATA / "small.ttl", "--store", store).returncode == 0
    insert = "INSERT DATA { GRAPH <urn:x> { <urn:a> am:text 'added' } }"
    assert "--allow-update" in _one_error(run_cli("query", "--store", store, insert))
    ask = "ASK { <urn:a> am:text 'added' }"
    assert run_cli("query", "--store", store, ask).stdout.strip() == "false"
    ok = run_cli("query", "--store", store, insert, "--allow-update")
    assert ok.returncode == 0, ok.stderr
    assert run_cli("query", "--store", store, ask).stdout.strip() == "true"


def test_timeout_stops_a_long_query(run_process, tmp_path):
    """In a real process: the abandoned query ends with it."""
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    assert "--timeout" in _one_error(run_process("query", BUNDLED, cross, "--timeout", "0.5"))
    assert run_process("load", BUNDLED, "--store", tmp_path / "store").returncode == 0
    assert "--timeout" in _one_error(run_process("query", "--store", tmp_path / "store", cross, "--timeout", "0.5"))


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_down(run_cli):
    url = f"http://127.0.0.1:{_free_port()}/sparql"
    assert "cannot reach" in _one_error(run_cli("query", "--endpoint", url, "ASK {}"))


def test_slow_server_times_out(run_cli):
    with socket.socket() as listener:  # accepts connections and never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        line = _one_error(run_cli("query", "--endpoint", url, "ASK {}", "--timeout", "1"))
    assert "did not answer within 1 s" in line


def test_credentials_never_on_the_command_line(run_cli):
    line = _one_error(run_cli("query", "--endpoint", "http://user:secret@127.0.0.1:1/sparql", "ASK {}"))
    assert "ARGMAP_ENDPOINT_USER" in line and "secret" not in line


class _Recorder(http.server.BaseHTTPRequestHandler):
    """A SPARQL server that takes every update but holds nothing (counts answer 0)."""

    seen: list = []

    def do_POST(self):  # noqa: N802 - the http.server API
        body = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        self.seen.append(body)
        if "query" in body:
            payload = {"head": {"vars": ["n"]}, "results": {"bindings": [
                {"n": {"type": "literal", "value": "0", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}
            data = json.dumps(payload).encode()
        else:
            data = b"ok"
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_push_that_does_not_land_is_reported_and_cleaned_up(run_cli):
    _Recorder.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        line = _one_error(run_cli("push", DATA / "small.ttl", "--endpoint", url))
    finally:
        server.shutdown()
    assert "failed" in line and "unchanged" in line and "landed before it: nothing" in line
    updates = [b["update"][0] for b in _Recorder.seen if "update" in b]
    assert updates[-1].startswith("DROP SILENT GRAPH <urn:argmap:staging:")
    assert not any(u.startswith("MOVE") for u in updates)


# --- Virtuoso -------------------------------------------------------------------------
def _server_count(endpoint, graph):
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    req = urllib.request.Request(endpoint, data=urllib.parse.urlencode({"query": q}).encode(),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as res:
        return int(json.load(res)["results"]["bindings"][0]["n"]["value"])


def test_push_counts_verified_on_server_and_repush_replaces(run_cli, virtuoso, tmp_path):
    import rdflib

    from argmap.ontology import ontology_graph
    from argmap.rdfs import entailed_triples, hierarchies

    graph = "urn:test:push"
    g = rdflib.Graph().parse(BUNDLED, format="turtle")
    expected = len(g) + len(entailed_triples(g, *hierarchies(ontology_graph(), g)))
    res = run_cli("push", BUNDLED, "--endpoint", virtuoso.endpoint, "--graph", graph)
    assert res.returncode == 0, res.stderr
    assert f"{expected} triples" in res.stdout
    assert _server_count(virtuoso.endpoint, graph) == expected
    smaller = run_cli("push", DATA / "small.ttl", "--endpoint", virtuoso.endpoint, "--graph", graph)
    assert smaller.returncode == 0, smaller.stderr
    s = rdflib.Graph().parse(DATA / "small.ttl", format="turtle")
    assert _server_count(virtuoso.endpoint, graph) == len(s) + len(entailed_triples(s, *hierarchies(ontology_graph(), s)))
    drop = run_cli("query", "--endpoint", virtuoso.endpoint, f"DROP SILENT GRAPH <{graph}>", "--allow-update")
    assert drop.returncode == 0, drop.stderr


def test_virtuoso_refuses_update_without_leave_and_reports_errors(run_cli, virtuoso):
    insert = "INSERT DATA { GRAPH <urn:test:x> { <urn:a> <urn:b> <urn:c> } }"
    assert "--allow-update" in _one_error(run_cli("query", "--endpoint", virtuoso.endpoint, insert))
    assert _server_count(virtuoso.endpoint, "urn:test:x") == 0
    assert "answered HTTP 400" in _one_error(run_cli("query", "--endpoint", virtuoso.endpoint, "SELECT ?x WHERE { ?x"))


def test_bad_query_file_names_file_and_line(run_cli, tmp_path):
    rq = tmp_path / "bad.rq"
    rq.write_text("SELECT ?x WHERE {\n  ?x a am:Claim\n  FILTER(\n}\n", encoding="utf-8")
    assert _one_error(run_cli("query", DATA / "small.ttl", f"@{rq}")).startswith(f"argmap: error: {rq}:3: bad SPARQL")


def test_missing_store_and_mixed_sources(run_cli, tmp_path):
    assert "no such store" in _one_error(run_cli("query", "--store", tmp_path / "none", "ASK {}"))
    line = _one_error(run_cli("query", DATA / "small.ttl", "--store", tmp_path, "ASK {}"))
    assert "do not go together" in line


def test_load_of_a_bad_map_leaves_no_graph(run_cli, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix am: <https://w3id.org/argmap#> .\n<a> a am:Claim .\n\n<b> am:text "unterminated .\n',
                   encoding="utf-8")
    store = tmp_path / "store"
    assert f"{bad}:4: bad turtle syntax" in _one_error(run_cli("load", bad, "--store", store))
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{bad.resolve().as_uri()}> {{ ?s ?p ?o }} }}"
    assert run_cli("query", "--store", store, count, "--format", "csv").stdout.splitlines() == ["n", "0"]


def _parse(data: bytes) -> set:
    import pyoxigraph as ox

    return {(t.subject.value, t.predicate.value, str(t.object)) for t in ox.parse(data, format=ox.RdfFormat.TURTLE)}


_LONG = (b'@prefix : <urn:x:> .\n# a comment\n:a :p :b .\n:b :p :c ;\n  :q 1 .\n'
         b':c :p """first line .\n:fake :statement :here .\nlast""" .\n:d :p :e .\n:e :p "end" .\n')


def test_split_statements_cuts_between_statements_or_not_at_all():
    from argmap.triples import split_statements

    plain = _LONG.replace(b'"""first line .\n:fake :statement :here .\nlast"""', b'"one line"')
    for doc, size in ((plain, 6), (_LONG, 6)):
        whole, outcomes = _parse(doc), set()
        assert len(whole) == size
        for parts in range(2, 8):
            pieces = split_statements(doc, "turtle", parts)
            assert pieces and all(p.startswith(b"@prefix : <urn:x:> .\n# a comment\n") for p in pieces[1:])
            try:
                got = set().union(*(_parse(p) for p in pieces))
            except SyntaxError:  # a cut inside the long string: the part before it ends in the string
                outcomes.add("refused")
                continue
            outcomes.add("parsed")
            assert got == whole
        assert outcomes == ({"parsed"} if doc is plain else {"refused"})
    assert split_statements(_LONG + b':f :p _:b1 .\n', "turtle", 2) is None  # a label names one node per part
    assert split_statements(_LONG + b'PREFIX y: <urn:y:>\ny:f :p :g .\n', "turtle", 2) is None
    assert split_statements(b"<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> <urn:d> .\n<urn:a> <urn:b> <urn:e> .\n",
                            "ntriples", 2)[1] == b"<urn:a> <urn:b> <urn:e> .\n"


def _quads(store) -> set:
    return {(q.subject.value, q.predicate.value, str(q.object), q.graph_name.value) for q in store.store}


@pytest.mark.parametrize("source", ["bundled", "long-string"])
def test_parallel_load_gives_the_triples_of_one_piece(source, tmp_path, monkeypatch):
    """Loading a file in parts on many threads (a large file's load) stores what one bulk load stores."""
    from argmap.store import OxigraphStore

    path = BUNDLED
    if source == "long-string":
        path = tmp_path / "long.ttl"
        path.write_bytes(_LONG)
    answers = []
    for limit, cores in ((10**12, {0}), (0, set(range(5)))):
        monkeypatch.setenv("ARGMAP_SPLIT_BYTES", str(limit))
        monkeypatch.setattr("os.sched_getaffinity", lambda _pid, cores=cores: cores)
        with OxigraphStore(tmp_path / f"store-{limit}") as st:
            [report] = st.load([path])
            answers.append((report.triples, _quads(st)))
    assert answers[0] == answers[1]
    assert answers[0][0] == len(_parse(path.read_bytes())) > 0
    if source == "bundled":  # the parts were loaded, not the whole file after a refused part
        from argmap.triples import split_statements

        pieces = split_statements(path.read_bytes(), "turtle", 5)
        assert len(pieces) == 5 and sum(len(_parse(p)) for p in pieces) == answers[0][0]


def test_parallel_load_of_a_bad_map_names_the_line_and_leaves_no_graph(tmp_path, monkeypatch):
    from argmap.errors import ParseError
    from argmap.store import OxigraphStore

    lines = ["@prefix am: <https://w3id.org/argmap#> ."] + [f"<urn:x:c{i}> a am:Claim ." for i in range(40)]
    lines[35] = '<urn:x:c34> am:text "unterminated .'
    bad = tmp_path / "bad.ttl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("ARGMAP_SPLIT_BYTES", "0")
    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: {0, 1, 2})
    with OxigraphStore(tmp_path / "store") as st:
        with pytest.raises(ParseError) as err:
            st.load([bad])
        assert (err.value.path, err.value.line) == (str(bad), 36)
        assert st.graphs() == []
