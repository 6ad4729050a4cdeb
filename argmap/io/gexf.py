"""GEXF 1.3, Gephi's graph format (gexf.net, "GEXF 1.3 Primer and schema", 2022).

The same graph and attributes as the GraphML export (:mod:`argmap.io.graphml`):
claims (and relations that undercuts aim at) are nodes, premises are directed
edges to their targets, and each node and edge carries its values as
``<attvalues>`` of attributes declared in ``<attributes class="node">`` and
``class="edge"``.  Sorted, so one map gives the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .graphml import EDGE_KEYS, NODE_KEYS, table, value_text as _value

__all__ = ["dumps"]

_TYPES = {"string": "string", "double": "double", "int": "integer", "boolean": "boolean"}


def dumps(amap, fmt=None) -> str:
    """The map as a GEXF 1.3 document."""
    nodes, edges = table(amap)
    root = ET.Element("gexf", {"xmlns": "http://gexf.net/1.3", "version": "1.3"})
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    for cls, spec in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        attributes = ET.SubElement(graph, "attributes", {"class": cls})
        for i, (name, kind) in enumerate(spec):
            ET.SubElement(attributes, "attribute", {"id": str(i), "title": name, "type": _TYPES[kind]})
    for tag, rows, spec in (("nodes", nodes, NODE_KEYS), ("edges", edges, EDGE_KEYS)):
        parent = ET.SubElement(graph, tag)
        for row in rows:
            attrs = row[-1]
            if tag == "nodes":
                el = ET.SubElement(parent, "node", {"id": row[0], "label": attrs["label"] or row[0]})
            else:
                el = ET.SubElement(parent, "edge", {"id": row[0], "source": row[1], "target": row[2],
                                                    "label": attrs["kind"]})
            values = ET.SubElement(el, "attvalues")
            for i, (name, kind) in enumerate(spec):
                if attrs.get(name) is not None:
                    ET.SubElement(values, "attvalue", {"for": str(i), "value": _value(attrs[name], kind)})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
