"""JSON-LD 1.1 (W3C Recommendation, 2020), read and written through rdflib.

The export is compacted against a context that names argmap's prefixes
(``am``, ``rdfs``, ``dcterms``, ``prov``, ``aif``, ``xsd`` and the map's own),
so that keys read as ``am:premise`` rather than full IRIs; the context is
inlined, so the file needs no network to be expanded.  Nodes are sorted by
``@id`` and keys by name, so one map gives the same bytes.
"""

from __future__ import annotations

import json

from rdflib import URIRef

from ..vocab import NAMESPACE
from .rdf import read

__all__ = ["read", "dumps", "context"]


def context(amap) -> dict:
    """The JSON-LD context of the export: every prefix the map's graph binds and uses."""
    ctx = {"am": NAMESPACE, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
           "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
           "dcterms": "http://purl.org/dc/terms/", "prov": "http://www.w3.org/ns/prov#",
           "aif": "http://www.arg.tech/aif#"}

    iris = {str(t) for triple in amap.graph for t in triple if isinstance(t, URIRef)}
    taken = set(ctx.values())
    for prefix, ns in sorted(amap.graph.namespaces()):
        used = any(i.startswith(str(ns)) for i in iris)
        if prefix and used and prefix not in ctx and str(ns) not in taken:
            ctx[prefix] = str(ns)
            taken.add(str(ns))
    return dict(sorted(ctx.items()))


def _sort(value):
    if isinstance(value, list):
        items = [_sort(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    if isinstance(value, dict):
        return {k: _sort(v) for k, v in value.items()}
    return value


def dumps(amap, fmt=None) -> str:
    """The map as compacted JSON-LD with an inline context (sorted, two-space indent)."""
    ctx = context(amap)
    out = amap.graph.serialize(format="json-ld", context=ctx)
    data = json.loads(out if isinstance(out, str) else out.decode("utf-8"))
    if isinstance(data, dict):
        body = {k: v for k, v in data.items() if k != "@context"}
        data = {"@context": ctx, **_sort(body)}
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
