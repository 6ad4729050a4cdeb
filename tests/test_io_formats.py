"""Readers and writers of argument formats against the real corpora in ``../shared/corpora``.

Counts are computed here from the raw files, by means independent of the
readers (regular expressions, ``json``, ``xml.etree``), never hard-coded.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, URIRef
from rdflib.compare import isomorphic

import argmap
from argmap.vocab import AM

from .conftest import BUNDLED, CORPORA, need_file


def corpus(folder, pattern):
    need_file(CORPORA / folder)
    files = sorted((CORPORA / folder).glob(pattern))
    assert files, f"no {pattern} in {CORPORA / folder}"
    return files


def counts(amap):
    return len(amap.claims), Counter(r.type for r in amap.relations.values())


def rebased(graph, path):
    """The graph with the file's own IRI and name replaced, so that two files' maps compare."""
    base, name = Path(path).resolve().as_uri(), rdflib.Literal(Path(path).name)
    out = rdflib.Graph()
    for t in graph:
        out.add(tuple(URIRef(str(x).replace(base, "urn:file")) if isinstance(x, URIRef)
                      else (rdflib.Literal("file") if x == name else x) for x in t))
    return out


# --- AIF ---------------------------------------------------------------------


def test_aif_corpus_counts():
    for path in corpus("aif", "*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        kind = {str(n["nodeID"]): n["type"] for n in data["nodes"]}
        out = {}
        for e in data["edges"]:
            out.setdefault(str(e["fromID"]), []).append(kind[str(e["toID"])])
        expected = Counter()
        for nid, t in kind.items():
            if t == "RA":
                expected["support"] += 1
            elif t == "CA":
                expected["attack" if out[nid] == ["I"] else "undercut"] += 1
        n_claims, got = counts(argmap.load(path))
        assert n_claims == sum(t == "I" for t in kind.values()), path.name
        assert got == expected, path.name


def _aif_sets(data):
    nodes = {(str(n["nodeID"]), n["type"], n.get("text", ""), n.get("scheme")) for n in data["nodes"]}
    edges = {(str(e["fromID"]), str(e["toID"])) for e in data["edges"]}
    return nodes, edges


def test_aif_round_trip_keeps_every_node_edge_and_scheme(tmp_path):
    for path in corpus("aif", "*.json"):
        raw = json.loads(path.read_text(encoding="utf-8"))
        text = argmap.export(argmap.load(path), "aif")
        assert _aif_sets(json.loads(text)) == _aif_sets(raw), path.name
        again = tmp_path / path.name
        again.write_text(text, encoding="utf-8")
        assert argmap.export(argmap.load(again), "aif") == text, path.name


def test_aif_dialogue_nodes_ids_and_stray_edges(tmp_path):
    data = {
        "nodes": [
            {"nodeID": 1, "text": "Bob says 'p'", "type": "L"},
            {"nodeID": 2, "text": "p", "type": "I"},
            {"nodeID": 3, "text": "Asserting", "type": "YA"},
            {"nodeID": 4, "text": "q", "type": "I"},
            {"nodeID": "r", "text": "Default Inference", "type": "RA", "scheme": "Argument From Sign"},
            {"nodeID": 6, "text": "Arguing", "type": "YA"},
            {"nodeID": 7, "text": "Default Rephrase", "type": "MA"},
            {"nodeID": 8, "text": "p again", "type": "I"},
            {"nodeID": 9, "text": "Default Inference", "type": "RA"},
        ],
        "edges": [
            {"edgeID": 1, "fromID": 1, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 2},
            {"edgeID": 3, "fromID": 2, "toID": "r"}, {"edgeID": 4, "fromID": "r", "toID": 4},
            {"edgeID": 5, "fromID": 6, "toID": "r"}, {"edgeID": 6, "fromID": 8, "toID": 7},
            {"edgeID": 7, "fromID": 7, "toID": 2}, {"edgeID": 8, "fromID": 2, "toID": 4},
            {"edgeID": 9, "fromID": 4, "toID": 9},
        ],
        "locutions": [{"nodeID": 1, "personID": 5}],
        "participants": [{"participantID": 5, "firstname": "Bob", "surname": "Smith"}],
    }
    path = tmp_path / "dialogue.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    amap = argmap.load(path)
    assert counts(amap) == (3, Counter(support=1))  # RA 9 has no conclusion: kept as an AIF node
    out = json.loads(argmap.export(amap, "aif"))
    nodes, edges = _aif_sets(out)
    want_nodes, want_edges = _aif_sets(data)
    assert nodes == want_nodes
    assert edges == want_edges - {("2", "4")}  # an edge between two I-nodes is stray
    assert out["locutions"] == [{"nodeID": "1", "personID": "5"}]
    assert out["participants"] == [{"firstname": "Bob", "participantID": "5", "surname": "Smith"}]


# --- Argdown ---------------------------------------------------------------------

_MARK = r"^\s*(<\+|\+>|<-|->|<_|_>|><|\+|-|_)\s+"


def _argdown_expected(text):
    text = re.sub(r"<!--.*?-->|/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"(?m)(^|\s)//.*$", " ", text)
    statements = {" ".join(t.split()) for t in re.findall(r"(?<!@)\[([^\[\]\n]+)\](?=:|\s|$)", text)}
    arguments = {" ".join(t.split()) for t in re.findall(r"(?<!@)<([^<>\n]+)>(?=:|\s|$)", text)}
    untitled = len(re.findall(_MARK + r"(?![\[<])", text, flags=re.M))
    untitled += len(re.findall(r"(?m)^\s*\(\d+\)\s+(?![\[<])", text))
    marks = Counter(re.findall(_MARK, text, flags=re.M))
    inferences, after_line = 0, False
    for line in text.splitlines():
        if re.match(r"\s*-{2,}", line):
            after_line = True
        elif re.match(r"\s*\(\d+\)", line) and after_line:
            inferences, after_line = inferences + 1, False
    rel = Counter(support=marks["+"] + marks["<+"] + marks["+>"] + inferences,
                  attack=marks["-"] + marks["<-"] + marks["->"] + 2 * marks["><"],
                  undercut=marks["_"] + marks["<_"] + marks["_>"])
    return len(statements) + len(arguments) + untitled, +rel


def test_argdown_corpus_counts():
    for path in corpus("argdown", "*.argdown"):
        n_claims, rels = counts(argmap.load(path))
        assert (n_claims, rels) == _argdown_expected(path.read_text(encoding="utf-8")), path.name


SAMPLE = """===
title: A small debate
author: someone
===

// a line comment
# Energy

[Nuclear]: We should build nuclear plants. #policy #(long term)
  + <Climate>: Nuclear power emits little CO2.
    _ [Waste]: The waste problem is unsolved.
  - [Cost]: Nuclear plants cost too much.
  >< [Coal]: We should build coal plants.
  This line goes on the statement above? No: it is the text of [Coal].

## Money

<Climate>

(1) Low-carbon power is needed.
(2) [Nuclear power is low-carbon]: It emits little CO2.
-- Modus ponens --
(3) [Nuclear]
(4) Building nuclear plants takes ten years.
----
(5) We should start now.
  -> [Cost]
    <_ <Subsidies>: Subsidies cover it.

[Cost]
  +> [Coal]
  <- [Rates]: Interest rates are low.
"""


def _argdown_round_trip(path, tmp_path):
    first = argmap.load(path)
    again = tmp_path / ("again-" + Path(path).name)
    again.write_text(argmap.export(first, "argdown"), encoding="utf-8")
    second = argmap.load(again)
    assert isomorphic(rebased(first.graph, path), rebased(second.graph, again)), Path(path).name
    return first, second


def test_argdown_round_trip_is_isomorphic(tmp_path):
    sample = tmp_path / "sample.argdown"
    sample.write_text(SAMPLE, encoding="utf-8")
    for path in [sample, *corpus("argdown", "*.argdown")]:
        _argdown_round_trip(path, tmp_path)


def test_argdown_sample_structure(tmp_path):
    sample = tmp_path / "sample.argdown"
    sample.write_text(SAMPLE, encoding="utf-8")
    amap = argmap.load(sample)
    by_label = {c.label: cid for cid, c in amap.claims.items()}
    kinds = Counter(r.type for r in amap.relations.values())
    assert kinds == Counter(support=4, attack=5, undercut=2)  # an undercut of a statement attacks it
    undercut_targets = {amap.relations[r.target].type for r in amap.relations.values() if r.type == "undercut"}
    assert undercut_targets == {"support", "attack"}
    assert "Untitled" in " ".join(by_label)  # the untitled premises
    g = amap.graph
    nuclear = URIRef(by_label["Nuclear"])
    # #policy is a claim kind (am:PolicyClaim), other tags are subjects
    assert {str(o) for o in g.objects(nuclear, URIRef("http://purl.org/dc/terms/subject"))} == {"long term"}
    assert set(g.objects(nuclear, RDF.type)) == {AM.PolicyClaim}
    assert str(g.value(nuclear, URIRef("https://w3id.org/argmap#text"))) == "We should build nuclear plants."
    titles = {str(t) for t in g.objects(None, rdflib.RDFS.label)}
    assert "A small debate" in titles and "Energy" in titles and "Money" in titles
    inference = [r for r in amap.relations.values() if len(r.sources) > 1]
    assert len(inference) == 2 and all(r.type == "support" for r in inference)


def test_argdown_error_names_line_and_column(tmp_path, run_cli):
    bad = tmp_path / "bad.argdown"
    bad.write_text("[A]: fine\n  + [B]: fine\n\n  -\n", encoding="utf-8")
    done = run_cli("info", bad)
    assert done.returncode == 2
    assert done.stderr.strip() == f"argmap: error: {bad}:4:3: relation '-' without a statement or an argument"


# --- Kialo -----------------------------------------------------------------------


def test_kialo_corpus_counts():
    for path in corpus("kialo", "*.txt"):
        text = path.read_text(encoding="utf-8")
        numbered = re.findall(r"(?m)^\s*(?:\d+\.)+\s+(?:(Pro|Con):\s*)?(->\s*See)?", text)
        n_claims, rels = counts(argmap.load(path))
        assert n_claims == sum(1 for _role, link in numbered if not link), path.name
        assert rels == +Counter(support=sum(r == "Pro" for r, _l in numbered),
                                attack=sum(r == "Con" for r, _l in numbered)), path.name


# --- arg-microtexts ----------------------------------------------------------------


def test_microtexts_corpus_counts_and_quotes():
    for path in corpus("microtexts", "*.xml"):
        root = ET.parse(path).getroot()
        edges = Counter(e.get("type") for e in root.iter("edge"))
        amap = argmap.load(path)
        n_claims, rels = counts(amap)
        assert n_claims == len(root.findall("adu")), path.name
        assert rels == +Counter(support=edges["sup"] + edges["exa"], attack=edges["reb"], undercut=edges["und"])
        premises = sum(len(r.sources) for r in amap.relations.values())
        assert premises == edges["sup"] + edges["exa"] + edges["reb"] + edges["und"] + edges["add"]
        plain = path.with_suffix(".txt").read_text(encoding="utf-8")
        quotes = [q for c in amap.claims.values() for q in c.quotes]
        assert len(quotes) >= len(root.findall("edu")) - 1
        for q in quotes:
            assert q.start is not None and plain[q.start:q.end] == q.text
        assert amap.main_thesis in amap.claims


# --- writers, sniffing, the command line ---------------------------------------------


def test_turtle_round_trip_is_isomorphic_and_byte_identical(tmp_path):
    amap = argmap.load(BUNDLED)
    first = argmap.export(amap, "turtle")
    path = tmp_path / "again.ttl"
    path.write_text(first, encoding="utf-8")
    again = argmap.load(path)
    assert isomorphic(amap.graph, again.graph)
    assert argmap.export(again, "turtle") == first


@pytest.mark.parametrize("fmt", ["aif", "argdown", "graphml", "gexf", "jsonld", "json", "turtle"])
def test_writers_are_deterministic(fmt):
    one = argmap.export(argmap.load(BUNDLED), fmt)
    assert one == argmap.export(argmap.load(BUNDLED), fmt)


def test_jsonld_has_a_context_and_reads_back(tmp_path):
    amap = argmap.load(BUNDLED)
    text = argmap.export(amap, "jsonld")
    data = json.loads(text)
    assert data["@context"]["am"] == "https://w3id.org/argmap#"
    path = tmp_path / "map.jsonld"
    path.write_text(text, encoding="utf-8")
    assert isomorphic(argmap.load(path).graph, amap.graph)


def test_graphml_opens_in_networkx_with_every_attribute(tmp_path):
    import networkx as nx

    from argmap.io.graphml import EDGE_KEYS, NODE_KEYS, table

    for path in [BUNDLED, need_file(CORPORA / "microtexts" / "micro_b001.xml")]:
        amap = argmap.load(path)
        out = tmp_path / "map.graphml"
        out.write_text(argmap.export(amap, "graphml"), encoding="utf-8")
        g = nx.read_graphml(out)
        nodes, edges = table(amap)
        assert len(g) == len(nodes) and g.number_of_edges() == len(edges)
        for nid, attrs in nodes:
            want = {k: v for k, v in attrs.items() if v is not None}
            assert g.nodes[nid] == pytest.approx(want), nid
        for eid, src, trg, attrs in edges:
            got = g.edges[src, trg]
            want = {k: v for k, v in attrs.items() if v is not None}
            assert {k: got[k] for k in want} == want and got["id"] == eid
        keys = ET.parse(out).getroot().findall("{http://graphml.graphdrawing.org/xmlns}key")
        assert {k.get("attr.name") for k in keys} == {k for k, _t in NODE_KEYS} | {k for k, _t in EDGE_KEYS}


def test_gexf_opens_in_networkx(tmp_path):
    import networkx as nx

    amap = argmap.load(BUNDLED)
    out = tmp_path / "map.gexf"
    out.write_text(argmap.export(amap, "gexf"), encoding="utf-8")
    root = ET.parse(out).getroot()
    assert root.get("version") == "1.3"
    from argmap.io.graphml import table

    nodes, edges = table(amap)
    assert len(root.findall(".//{http://gexf.net/1.3}node")) == len(nodes)
    g = nx.read_gexf(out)
    assert len(g) == len(nodes) and g.number_of_edges() == len(edges)
    assert g.nodes[amap.main_thesis]["main_thesis"] is True and g.nodes[amap.main_thesis]["kind"] == "claim"


def test_json_suffix_is_told_apart_by_content(tmp_path, run_cli):
    contract = tmp_path / "map.json"
    contract.write_text(argmap.export(argmap.load(BUNDLED), "json"), encoding="utf-8")
    done = run_cli("info", contract)
    assert done.returncode == 2 and "does not read" in done.stderr and len(done.stderr.splitlines()) == 1
    aif = need_file(CORPORA / "aif" / "nodeset29.json")
    assert argmap.io.guess_format(aif).name == "aif"
    assert argmap.io.guess_format(tmp_path / "out.json", reading=False).name == "json"


def test_import_export_and_merge_on_the_command_line(run_cli, tmp_path):
    ad = need_file(CORPORA / "argdown" / "argdown-primer.argdown")
    aif = need_file(CORPORA / "aif" / "nodeset29.json")
    done = run_cli("import", ad, "-o", "primer.ttl")
    assert done.returncode == 0, done.stderr
    assert counts(argmap.load(tmp_path / "primer.ttl")) == counts(argmap.load(ad))
    done = run_cli("import", aif, "--from", "aif")
    assert done.returncode == 0 and "am:Support" in done.stdout
    done = run_cli("export", "primer.ttl", "--format", "graphml", "-o", "primer.graphml")
    assert done.returncode == 0 and (tmp_path / "primer.graphml").read_text().startswith("<?xml")
    done = run_cli("score", aif)  # every command reads every format
    assert done.returncode == 0, done.stderr
    done = run_cli("merge", ad, aif, "-o", "both.ttl")
    assert done.returncode == 0, done.stderr
    both = argmap.load(tmp_path / "both.ttl")
    assert len(both.claims) == len(argmap.load(ad).claims) + len(argmap.load(aif).claims)


def test_merge_keeps_sources_and_links_rephrases(tmp_path):
    from argmap.merging import merge

    a, b = tmp_path / "a.argdown", tmp_path / "b.argdown"
    a.write_text("[X]: Taxes should rise.\n  + [Y]: Schools need money.\n", encoding="utf-8")
    b.write_text("[Z]: taxes should rise!\n  - [W]: Growth would suffer.\n", encoding="utf-8")
    m = merge(a, b)
    assert len(m.claims) == 4
    links = list(m.graph.subject_objects(URIRef("https://w3id.org/argmap#rephrases")))
    assert len(links) == 1 and {str(x).rsplit("#", 1)[0] for x in links[0]} == {a.as_uri(), b.as_uri()}
    sources = {str(m.graph.value(URIRef(c), URIRef("http://purl.org/dc/terms/source"))) for c in m.claims}
    assert sources == {a.as_uri(), b.as_uri()}
    aif = json.loads(argmap.export(m, "aif"))
    assert [n["type"] for n in aif["nodes"]].count("MA") == 1
    assert len(merge(a, b, rephrase=False).graph) == len(m.graph) - 1


def test_aif_undercut_chains_and_circles(tmp_path):
    """A CA aimed at an RA undercuts it, however long the chain; a circle of CAs is no relation."""
    nodes = [{"nodeID": 0, "text": "a", "type": "I"}, {"nodeID": 1, "text": "b", "type": "I"},
             {"nodeID": 2, "text": "RA", "type": "RA"}]
    edges = [{"fromID": 0, "toID": 2}, {"fromID": 2, "toID": 1}]
    target = 2
    for k in range(3000):  # deeper than Python's recursion limit
        claim, ca = 10 + 2 * k, 11 + 2 * k
        nodes += [{"nodeID": claim, "text": f"c{k}", "type": "I"}, {"nodeID": ca, "text": "CA", "type": "CA"}]
        edges += [{"fromID": claim, "toID": ca}, {"fromID": ca, "toID": target}]
        target = ca
    nodes += [{"nodeID": "p", "text": "p", "type": "I"}, {"nodeID": "x", "type": "CA"}, {"nodeID": "y", "type": "CA"}]
    edges += [{"fromID": "p", "toID": "x"}, {"fromID": "p", "toID": "y"}, {"fromID": "x", "toID": "y"},
              {"fromID": "y", "toID": "x"}]
    path = tmp_path / "chain.json"
    path.write_text(json.dumps({"nodes": nodes, "edges": edges}), encoding="utf-8")
    amap = argmap.load(path)
    assert counts(amap) == (3003, Counter(support=1, undercut=3000))
    out = json.loads(argmap.export(amap, "aif"))
    assert {(e["fromID"], e["toID"]) for e in out["edges"]} == {(str(e["fromID"]), str(e["toID"])) for e in edges}


def test_other_formats_survive_argdown(tmp_path):
    """AIF and arg-microtexts maps written as Argdown read back with the same claims and relations."""
    files = [*corpus("aif", "*.json"), *corpus("microtexts", "*.xml")]
    for path in files:
        amap = argmap.load(path)
        if any(len(r.sources) > 1 and r.type != "support" for r in amap.relations.values()):
            continue  # Argdown has no linked attacks or undercuts
        out = tmp_path / (path.stem + ".argdown")
        out.write_text(argmap.export(amap, "argdown"), encoding="utf-8")
        back = argmap.load(out)
        plain = [c for c in back.claims.values() if "https://w3id.org/argmap#Argument" not in c.types]
        assert len(plain) == len(amap.claims), path.name
        assert counts(back)[1] == counts(amap)[1], path.name
        words = lambda claims: {" ".join(c.text.split()) for c in claims}  # noqa: E731
        assert words(plain) == words(amap.claims.values()), path.name
