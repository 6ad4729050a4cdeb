"""GraphML, the XML graph format of yEd, Cytoscape and networkx (Brandes et al., "GraphML
Progress Report", Graph Drawing 2001; the GraphML Primer at graphml.graphdrawing.org).

The graph is :meth:`argmap.ArgumentMap.to_networkx`'s: the claims, plus the
relations that an undercut aims at, are nodes; each premise of a relation is an
edge to its target.  Every node and edge carries its attributes as declared
``<key>`` data: a node its ``kind`` (claim or relation), ``label``, ``text``,
``claim_type`` (the most specific class, such as ``PolicyClaim``),
``base_score``, ``score`` (DF-QuAD) and ``main_thesis``; an edge its ``kind``
(support, attack, undercut), ``relation`` (the relation's IRI), ``linked``
(its number of premises) and ``weight``.  A value the map lacks is left out.
Nodes and edges come sorted, so one map gives the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..namespace import NAMESPACE
from ..semantics import score

__all__ = ["dumps", "table", "value_text", "NODE_KEYS", "EDGE_KEYS"]

#: Node attributes and their GraphML types.
NODE_KEYS = (("kind", "string"), ("label", "string"), ("text", "string"), ("claim_type", "string"),
             ("base_score", "double"), ("score", "double"), ("main_thesis", "boolean"))
#: Edge attributes and their GraphML types.
EDGE_KEYS = (("kind", "string"), ("relation", "string"), ("linked", "int"), ("weight", "double"))


def _claim_type(types) -> str:
    names = [t.rsplit("#", 1)[-1] for t in types if t.startswith(NAMESPACE)]
    specific = [n for n in names if n != "Claim"]
    return sorted(specific)[0] if specific else "Claim"


def table(amap):
    """``(nodes, edges)``: sorted lists of ``(id, {attribute: value})`` and ``(id, source, target, {...})``."""
    scores = score(amap).scores
    nodes = []
    for cid, c in amap.claims.items():
        nodes.append((cid, {"kind": "claim", "label": c.label, "text": c.text, "claim_type": _claim_type(c.types),
                            "base_score": c.base_score, "score": round(scores[cid], 12) if cid in scores else None,
                            "main_thesis": cid in amap.main_theses}))
    targets = sorted({r.target for r in amap.relations.values() if r.type == "undercut"})
    for rid in targets:
        r = amap.relations[rid]
        nodes.append((rid, {"kind": "relation", "label": f"{r.type} {rid.rsplit('#', 1)[-1]}", "text": None,
                            "claim_type": None, "base_score": None, "score": None, "main_thesis": False}))
    edges = []
    for rid, r in amap.relations.items():
        for p in r.sources:
            edges.append((f"{rid} {p}", p, r.target,
                          {"kind": r.type, "relation": rid, "linked": len(r.sources), "weight": r.weight}))
    return sorted(nodes, key=lambda n: n[0]), sorted(edges, key=lambda e: e[0])


def value_text(value, kind) -> str:
    """A value as GraphML and GEXF write it."""
    if kind == "boolean":
        return "true" if value else "false"
    return repr(float(value)) if kind == "double" else str(value)


def dumps(amap, fmt=None) -> str:
    """The map as a GraphML document."""
    nodes, edges = table(amap)
    root = ET.Element("graphml", {"xmlns": "http://graphml.graphdrawing.org/xmlns"})
    keys = {}
    for domain, spec in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in spec:
            key = f"{domain[0]}_{name}"
            keys[(domain, name)] = (key, kind)
            ET.SubElement(root, "key", {"id": key, "for": domain, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", {"id": "argmap", "edgedefault": "directed"})
    for nid, attrs in nodes:
        el = ET.SubElement(graph, "node", {"id": nid})
        for name, _k in NODE_KEYS:
            if attrs.get(name) is not None:
                key, kind = keys[("node", name)]
                ET.SubElement(el, "data", {"key": key}).text = value_text(attrs[name], kind)
    for eid, src, trg, attrs in edges:
        el = ET.SubElement(graph, "edge", {"id": eid, "source": src, "target": trg})
        for name, _k in EDGE_KEYS:
            if attrs.get(name) is not None:
                key, kind = keys[("edge", name)]
                ET.SubElement(el, "data", {"key": key}).text = value_text(attrs[name], kind)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
