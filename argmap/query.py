"""SPARQL over argument maps.

Queries run over the map's triples together with the argmap ontology, so a
query may use the ontology's labels and class tree.  Only SELECT and ASK are
allowed here: a query can never change the map (SPARQL 1.1 Query Language,
W3C Recommendation 2013, sections 16.1 and 16.3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import QueryError

__all__ = ["QueryResult", "query"]

_PROLOGUE = re.compile(r"""(\s+|\#[^\n]*\n?|(?i:PREFIX)\s+\S*:\s*<[^>]*>|(?i:BASE)\s*<[^>]*>)""")


def query_form(text: str) -> str:
    """The form of a SPARQL request: SELECT, ASK, CONSTRUCT, DESCRIBE or an update keyword."""
    pos = 0
    while m := _PROLOGUE.match(text, pos):
        if m.end() == pos:
            break
        pos = m.end()
    word = re.match(r"[A-Za-z]+", text[pos:])
    return word.group(0).upper() if word else ""


@dataclass
class QueryResult:
    """The answer of a SELECT (``variables`` and ``rows``) or an ASK (``boolean``).

    ``rows`` hold rdflib terms (``URIRef``, ``Literal``, ``BNode``) or ``None``
    for an unbound variable.
    """

    variables: list[str]
    rows: list[list]
    boolean: bool | None = None


def query(amap, text: str, *, with_ontology: bool = True) -> QueryResult:
    """Run a SPARQL SELECT or ASK over ``amap`` (and the ontology)."""
    import rdflib

    from .ontology import ontology_graph

    form = query_form(text)
    if form not in ("SELECT", "ASK"):
        raise QueryError(f"only SELECT and ASK queries are allowed, not {form or 'this'}")
    graph = amap.graph
    if with_ontology:
        graph = rdflib.Graph()
        graph += amap.graph
        graph += ontology_graph()
        for prefix, ns in amap.graph.namespaces():
            graph.bind(prefix, ns, override=False)
    try:
        res = graph.query(text)
    except Exception as exc:  # pyparsing's and rdflib's own errors
        msg = " ".join(str(exc).split())[:200]
        raise QueryError(f"bad SPARQL: {msg}") from None
    if res.type == "ASK":
        return QueryResult([], [], bool(res.askAnswer))
    variables = [str(v) for v in res.vars]
    rows = [list(row) for row in res]
    return QueryResult(variables, rows)
