"""The ontology and the bundled maps, checked as Protégé and a reasoner see them.

* The OWL API (the library Protégé parses with) loads ``ontology/argmap.ttl``
  and each map of ``graphs/`` through ``graphs/catalog-v001.xml``: no parse
  error, no unparsed triple, no guessed declaration, no OWL 2 DL profile
  violation.
* HermiT finds the ontology with each map consistent and no named class
  unsatisfiable.
* Broken copies show that each check has teeth.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF

from .conftest import ROOT
from .owltools import CATALOG, hermit, owlapi_check

ONTOLOGY = ROOT / "ontology" / "argmap.ttl"
MAPS = sorted((ROOT / "graphs").glob("*.ttl"))
#: A small map that uses every part of the ontology: schemes, answered and
#: open critical questions, weights, evaluations.
FULL_MAP = Path(__file__).resolve().parent / "data" / "valid-map.ttl"
AM = "https://w3id.org/argmap#"


@pytest.fixture(scope="module")
def owlcheck(owlcheck_classpath):
    return owlcheck_classpath


def broken_copy(tmp_path: Path, extra: str, *, name: str = "argmap.ttl", base: Path = ONTOLOGY) -> Path:
    """A copy of ``base`` in ``tmp_path`` with Turtle ``extra`` appended."""
    copy = tmp_path / name
    copy.write_text(base.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    return copy


# --- the real files ---------------------------------------------------------------

def test_catalog_maps_the_ontology_iri_to_the_ontology_file():
    entries = {e.get("name"): e.get("uri") for e in ET.parse(CATALOG).getroot().iter() if e.tag.endswith("uri")}
    assert (CATALOG.parent / entries["https://w3id.org/argmap"]).resolve() == ONTOLOGY.resolve()


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_each_map_imports_the_ontology_by_iri(path):
    g = rdflib.Graph().parse(path, format="turtle")
    assert rdflib.URIRef("https://w3id.org/argmap") in set(g.objects(None, OWL.imports))


def test_owlapi_loads_ontology_and_maps_cleanly(owlcheck):
    reports = owlapi_check(owlcheck, ONTOLOGY, *MAPS, FULL_MAP)
    for path, report in reports.items():
        assert report.counts == {"parse-errors": 0, "unparsed-triples": 0, "guessed-declarations": 0,
                                 "profile-violations": 0}, (path, report.details)


@pytest.mark.parametrize("path", MAPS + [FULL_MAP], ids=lambda p: p.name)
def test_hermit_finds_ontology_and_map_consistent(path, tmp_path):
    result = hermit(ONTOLOGY, path, workdir=tmp_path)
    assert result.consistent
    assert result.unsatisfiable == []


def test_hermit_finds_ontology_alone_consistent(tmp_path):
    result = hermit(ONTOLOGY, workdir=tmp_path)
    assert result.consistent
    assert result.unsatisfiable == []


# --- what the ontology holds ------------------------------------------------------

@pytest.fixture(scope="module")
def onto():
    return rdflib.Graph().parse(ONTOLOGY, format="turtle")


def test_every_class_and_property_has_a_label_and_a_definition(onto):
    SKOS_DEF = rdflib.URIRef("http://www.w3.org/2004/02/skos/core#definition")
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, rdflib.RDFS.Datatype)
    for kind in kinds:
        for term in onto.subjects(RDF.type, kind):
            if isinstance(term, rdflib.BNode):
                continue
            assert onto.value(term, rdflib.RDFS.label) is not None, term
            assert (onto.value(term, SKOS_DEF) or onto.value(term, rdflib.RDFS.comment)) is not None, term


def test_at_least_twelve_schemes_each_with_worded_critical_questions(onto):
    scheme_cls = rdflib.URIRef(AM + "ArgumentationScheme")
    schemes = set(onto.subjects(RDF.type, scheme_cls))
    assert len(schemes) >= 12
    for s in schemes:
        questions = list(onto.objects(s, rdflib.URIRef(AM + "criticalQuestion")))
        assert len(questions) >= 2, s
        for q in questions:
            assert (q, rdflib.URIRef(AM + "questionOf"), s) in onto
            assert str(onto.value(q, rdflib.URIRef(AM + "questionText"))).endswith("?")


def test_the_named_semantics_exist(onto):
    names = {str(s)[len(AM):] for cls in ("GradualSemantics", "ExtensionSemantics")
             for s in onto.subjects(RDF.type, rdflib.URIRef(AM + cls))}
    assert names == {"DFQuAD", "QuadraticEnergy", "EulerBased", "HCategorizer", "Grounded", "Complete", "Preferred",
                     "Stable", "SemiStable", "Stage", "Ideal"}


def test_every_semantics_argmap_stores_is_an_individual_of_the_ontology(onto):
    from argmap.names import SEMANTICS_IRI

    kinds = {name: "GradualSemantics" if name in ("dfquad", "qe", "euler", "hcat") else "ExtensionSemantics"
             for name in SEMANTICS_IRI}
    for name, local in SEMANTICS_IRI.items():
        assert (rdflib.URIRef(AM + local), RDF.type, rdflib.URIRef(AM + kinds[name])) in onto, name


def test_no_remote_imports(onto):
    assert list(onto.objects(None, OWL.imports)) == []


# --- teeth --------------------------------------------------------------------------

def test_owlapi_catches_an_undeclared_term(owlcheck, tmp_path):
    broken = broken_copy(tmp_path, "am:Dangling rdfs:subClassOf am:Claim .\n")
    report = owlapi_check(owlcheck, broken, catalog=None)[str(broken)]
    assert not report.clean
    assert report.counts["profile-violations"] + report.counts["guessed-declarations"] >= 1
    assert any("Dangling" in d for d in report.details)


def test_owlapi_catches_a_non_dl_construct(owlcheck, tmp_path):
    # A cardinality restriction on a transitive (hence non-simple) property
    # breaks the global restrictions of OWL 2 DL (Structural Specification 11.2).
    broken = broken_copy(tmp_path, "am:premise a owl:TransitiveProperty .\n")
    report = owlapi_check(owlcheck, broken, catalog=None)[str(broken)]
    assert report.counts["profile-violations"] >= 1
    assert any(re.search(r"premise", d) for d in report.details)


def test_owlapi_catches_an_unparsed_triple(owlcheck, tmp_path):
    # owl:members outside an AllDisjointClasses/AllDifferent axiom maps to no axiom.
    broken = broken_copy(tmp_path, "[] owl:members am:Claim .\n")
    report = owlapi_check(owlcheck, broken, catalog=None)[str(broken)]
    assert report.counts["unparsed-triples"] == 1
    assert any("owl#members" in d for d in report.details)


def test_owlapi_catches_a_syntax_error(owlcheck, tmp_path):
    broken = broken_copy(tmp_path, "am:Claim rdfs:label \"unterminated .\n")
    assert owlapi_check(owlcheck, broken, catalog=None)[str(broken)].counts["parse-errors"] == 1


def test_owlapi_reports_a_missing_import_instead_of_fetching_it(owlcheck, tmp_path):
    amap = tmp_path / "map.ttl"
    amap.write_text(MAPS[0].read_text(encoding="utf-8"), encoding="utf-8")
    report = owlapi_check(owlcheck, amap, catalog=None)[str(amap)]
    assert report.counts["parse-errors"] == 1


def test_hermit_catches_an_unsatisfiable_class(tmp_path):
    # A policy claim that must also be a factual claim: the kinds are disjoint.
    broken = broken_copy(tmp_path, "am:PolicyClaim rdfs:subClassOf am:FactualClaim .\n")
    result = hermit(broken, workdir=tmp_path)
    assert result.consistent
    assert result.unsatisfiable == [AM + "PolicyClaim"]


def test_hermit_catches_an_individual_in_two_disjoint_classes(tmp_path):
    broken = broken_copy(tmp_path, "<urn:x:c> a am:FactualClaim, am:PolicyClaim .\n", name="map.ttl", base=MAPS[0])
    assert not hermit(ONTOLOGY, broken, workdir=tmp_path).consistent


def test_hermit_catches_a_base_score_outside_the_unit_interval(tmp_path):
    broken = broken_copy(tmp_path, "<urn:x:c> a am:Claim ; am:baseScore 1.5 .\n", name="map.ttl", base=MAPS[0])
    assert not hermit(ONTOLOGY, broken, workdir=tmp_path).consistent


def test_hermit_catches_an_undercut_aimed_at_a_claim(tmp_path):
    extra = "<urn:x:u> a am:Undercut ; am:premise <urn:x:p> ; am:target <urn:x:c> .\n<urn:x:c> a am:Claim .\n"
    broken = broken_copy(tmp_path, extra, name="map.ttl", base=MAPS[0])
    assert not hermit(ONTOLOGY, broken, workdir=tmp_path).consistent


def test_a_map_scored_under_every_kind_of_semantics_stays_consistent(owlcheck, run_cli, tmp_path):
    """score --write stores what the ontology allows: decimals in [0, 1] and the acceptance words."""
    scored = tmp_path / "scored.ttl"
    shutil.copy(MAPS[0], scored)
    for semantics in ("dfquad", "grounded", "preferred"):
        done = run_cli("score", scored, "--semantics", semantics, "--write")
        assert done.returncode == 0, done.stderr
    g = rdflib.Graph().parse(scored, format="turtle")
    claims = set(g.subjects(RDF.type, rdflib.URIRef(AM + "FactualClaim")))
    for kind in ("PredictiveClaim", "EvaluativeClaim", "PolicyClaim"):
        claims |= set(g.subjects(RDF.type, rdflib.URIRef(AM + kind)))
    assert len(set(g.subjects(RDF.type, rdflib.URIRef(AM + "Evaluation")))) == 3 * len(claims) == 3 * 47
    [report] = owlapi_check(owlcheck, scored).values()
    assert report.counts["profile-violations"] == 0, report.details
    result = hermit(ONTOLOGY, scored, workdir=tmp_path)
    assert result.consistent and result.unsatisfiable == []
    # a word outside the enumeration is caught, so the check above can fail
    bad = tmp_path / "bad.ttl"
    bad.write_text(scored.read_text(encoding="utf-8").replace('am:acceptance "IN"', 'am:acceptance "maybe"', 1),
                   encoding="utf-8")
    assert not hermit(ONTOLOGY, bad, workdir=tmp_path).consistent
