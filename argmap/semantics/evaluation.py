"""Scores and extensions stored in the map as RDF evaluations.

Each claim gets one evaluation per semantics::

    <claim-evaluation-dfquad> a am:Evaluation ;
        am:evaluates <claim> ;
        am:semantics am:DFQuAD ;
        am:value 0.862 .

A gradual semantics stores the strength as an ``xsd:decimal`` to 12 places
(the range of ``am:value`` is ``am:UnitInterval``, decimals in [0, 1]).  The grounded
semantics stores the claim's label, ``"IN"``, ``"OUT"`` or ``"UNDEC"``
(Caminada 2006); the other extension semantics store its acceptance,
``"sceptical"`` (in every extension), ``"credulous"`` (in some) or
``"rejected"``.  Storing a semantics again replaces its earlier evaluations,
so the output depends only on the map and the semantics.

The ontology's terms for evaluations are being written in the ontology
issue; until :mod:`argmap.vocab` has them, they are plain IRIs here.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["TERMS", "SEMANTICS_IRI", "add_evaluations", "evaluations", "writable_target", "save"]

_NS = "https://w3id.org/argmap#"


def _iri(local):
    from rdflib import URIRef

    return URIRef(_NS + local)


#: The ontology terms used here, by local name.
TERMS = ("Evaluation", "evaluates", "semantics", "value")

#: The individual that names each semantics in the ontology.
SEMANTICS_IRI = {
    "dfquad": "DFQuAD",
    "qe": "QuadraticEnergy",
    "euler": "EulerBased",
    "hcat": "HCategorizer",
    "grounded": "Grounded",
    "complete": "Complete",
    "preferred": "Preferred",
    "stable": "Stable",
}


def _decimal(value: float) -> str:
    """``value`` as an ``xsd:decimal`` lexical form, to 12 places: ``0.5``, ``1``, ``0.000001``."""
    return f"{value:.12f}".rstrip("0").rstrip(".") or "0"


def add_evaluations(graph, semantics: str, values: dict) -> int:
    """Store ``values`` (claim id: number or label) as evaluations in ``graph``.

    Earlier evaluations under the same semantics are removed first.  Returns
    the number of evaluations stored.
    """
    from rdflib import RDF, XSD, Literal, URIRef

    term = {t: _iri(t) for t in TERMS}
    sem = _iri(SEMANTICS_IRI[semantics])
    for node in list(graph.subjects(term["semantics"], sem)):
        if (node, RDF.type, term["Evaluation"]) in graph:
            graph.remove((node, None, None))
    for claim, value in values.items():
        node = URIRef(f"{claim}-evaluation-{semantics}")
        graph.add((node, RDF.type, term["Evaluation"]))
        graph.add((node, term["evaluates"], URIRef(claim)))
        graph.add((node, term["semantics"], sem))
        lit = Literal(_decimal(value), datatype=XSD.decimal) if isinstance(value, float) else Literal(value)
        graph.add((node, term["value"], lit))
    graph.bind("am", _NS)
    return len(values)


def evaluations(graph, semantics: str) -> dict:
    """The stored evaluations under ``semantics``: claim id -> value (float or str)."""
    term = {t: _iri(t) for t in TERMS}
    out = {}
    for node in graph.subjects(term["semantics"], _iri(SEMANTICS_IRI[semantics])):
        claim, value = graph.value(node, term["evaluates"]), graph.value(node, term["value"])
        if claim is not None and value is not None:
            value = value.toPython()
            out[str(claim)] = float(value) if isinstance(value, Decimal) else value
    return out


def writable_target(path) -> str:
    """``path`` if argmap can write it as RDF (by suffix); UsageError otherwise."""
    from ..errors import UsageError
    from ..io import guess_format

    fmt = guess_format(path)
    if "rdflib" not in fmt.options or not fmt.writable:
        raise UsageError(f"cannot store evaluations in the {fmt.name} format; give -o FILE.ttl (or .nt, .rdf, .jsonld)",
                         path=str(path))
    return str(path)


def save(amap, semantics: str, values: dict, path) -> int:
    """Add the evaluations to ``amap``'s graph and write the graph to ``path`` atomically."""
    from ..io import write

    n = add_evaluations(amap.graph, semantics, values)
    write(amap, writable_target(path))
    return n
