"""Scores and extensions stored in the map as RDF evaluations.

Each claim gets one evaluation per semantics::

    <claim-evaluation-dfquad> a am:Evaluation ;
        am:evaluates <claim> ;
        am:semantics am:DFQuAD ;
        am:value 0.862 .

A gradual semantics stores the strength as an ``xsd:decimal`` to 12 places
(the range of ``am:value`` is ``am:UnitInterval``, decimals in [0, 1]).  An
extension semantics stores, as the ontology defines, ``am:value`` 1 for an
accepted claim and 0 for the others, and how the claim fares as
``am:acceptance``: for grounded and ideal its label, ``"IN"``, ``"OUT"`` or ``"UNDEC"``
(Caminada 2006), accepted when IN; for the others ``"sceptical"`` (in every
extension, accepted), ``"credulous"`` (in some) or ``"rejected"``.  Storing a
semantics again replaces its earlier evaluations, so the output depends only
on the map and the semantics.

This is the encoding only; writing a map with its evaluations to a file is
:func:`argmap.io.save_evaluations`'.
"""

from __future__ import annotations

from decimal import Decimal

from .namespace import NAMESPACE
from .names import SEMANTICS_IRI as _SEMANTICS_IRI
from .names import semantics_name

__all__ = ["TERMS", "SEMANTICS_IRI", "add_evaluations", "evaluations", "stored"]


def _iri(local):
    from rdflib import URIRef  # lazy: rdflib takes 0.2 s to import

    return URIRef(NAMESPACE + local)


#: The ontology terms used here, by local name.
TERMS = ("Evaluation", "evaluates", "semantics", "value", "acceptance")

#: The acceptance words that make an extension semantics' am:value 1.
ACCEPTED = ("IN", "sceptical")

#: The individual that names each semantics in the ontology (one table, kept in :mod:`argmap.names`).
SEMANTICS_IRI = _SEMANTICS_IRI


def _decimal(value: float) -> str:
    """``value`` as an ``xsd:decimal`` lexical form, to 12 places: ``0.5``, ``1``, ``0.000001``."""
    return f"{value:.12f}".rstrip("0").rstrip(".") or "0"


def add_evaluations(graph, semantics: str, values: dict) -> int:
    """Store ``values`` (claim id: number or label) as evaluations in ``graph``.

    Earlier evaluations under the same semantics are removed first.  Returns
    the number of evaluations stored.
    """
    from rdflib import RDF, XSD, Literal, URIRef  # lazy: rdflib takes 0.2 s to import

    term = {t: _iri(t) for t in TERMS}
    semantics = semantics_name(semantics)
    sem = _iri(SEMANTICS_IRI[semantics])
    for node in list(graph.subjects(term["semantics"], sem)):
        if (node, RDF.type, term["Evaluation"]) in graph:
            graph.remove((node, None, None))
    for claim, value in values.items():
        node = URIRef(f"{claim}-evaluation-{semantics}")
        graph.add((node, RDF.type, term["Evaluation"]))
        graph.add((node, term["evaluates"], URIRef(claim)))
        graph.add((node, term["semantics"], sem))
        if isinstance(value, str):
            graph.add((node, term["acceptance"], Literal(value)))
            value = 1.0 if value in ACCEPTED else 0.0
        graph.add((node, term["value"], Literal(_decimal(value), datatype=XSD.decimal)))
    graph.bind("am", NAMESPACE)
    return len(values)


def stored(graph, node) -> tuple:
    """``(claim, result)`` of the evaluation ``node`` in ``graph``, as rdflib terms (None where missing).

    The result is the acceptance word where there is one (extension
    semantics), else ``am:value``.
    """
    return (graph.value(node, _iri("evaluates")),
            graph.value(node, _iri("acceptance")) or graph.value(node, _iri("value")))


def evaluations(graph, semantics: str) -> dict:
    """The stored evaluations under ``semantics``: claim id -> strength (float) or acceptance (str)."""
    out = {}
    for node in graph.subjects(_iri("semantics"), _iri(SEMANTICS_IRI[semantics_name(semantics)])):
        claim, value = stored(graph, node)
        if claim is not None and value is not None:
            value = value.toPython()
            out[str(claim)] = float(value) if isinstance(value, Decimal) else value
    return out
