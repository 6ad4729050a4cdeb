"""The map as one self-contained, interactive HTML page.

pyvis builds the network (nodes, edges, options); argmap writes the page
itself from ``templates/map.html`` with vis-network's script and style inlined
from pyvis's package, so the page needs no network and works from
``file://``.  Every text from the map reaches the page only as JSON data
(with ``<``, ``>`` and ``&`` escaped) or through ``html.escape``, and the page's
script shows it with ``textContent``, never ``innerHTML``.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

__all__ = ["render_html", "render"]

_PALETTE = {  # Okabe-Ito, safe for colour-blind readers
    "FactualClaim": "#56B4E9",
    "PredictiveClaim": "#E69F00",
    "EvaluativeClaim": "#CC79A7",
    "PolicyClaim": "#009E73",
    None: "#BBBBBB",
}
_EDGES = {
    "support": {"color": "#0072B2", "dashes": False, "arrows": {"to": {"enabled": True, "type": "arrow"}}},
    "attack": {"color": "#D55E00", "dashes": [8, 6], "arrows": {"to": {"enabled": True, "type": "bar"}}},
    "undercut": {"color": "#7F3C8D", "dashes": [2, 5], "arrows": {"to": {"enabled": True, "type": "bar"}}},
}


def _json(data) -> str:
    """JSON safe to place inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def _kind(claim) -> str | None:
    for t in claim.types:
        local = t.rsplit("#", 1)[-1]
        if local in _PALETTE:
            return local
    return None


def _wrap(text: str, width: int = 24) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "\n".join(lines)


def _network(amap, scores):
    """The pyvis Network of ``amap``, nodes sized by score."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="remote")
    thesis = set(amap.main_theses)
    labels = {cid: c.label for cid, c in amap.claims.items()}
    for cid, c in amap.claims.items():
        s = scores.get(cid, 0.5)
        net.add_node(
            cid,
            label=_wrap(c.label),
            title=f"{c.label}\n\n{c.text}\n\nstrength (DF-QuAD): {s:.3f}",
            color=_PALETTE[_kind(c)],
            shape="box" if cid in thesis else "ellipse",
            borderWidth=4 if cid in thesis else 1,
            size=10 + 30 * s,
            font={"size": 14 + round(8 * s)},
            mass=1 + 2 * s,
        )
    undercut = {r.target for r in amap.relations.values() if r.type == "undercut"}
    for rid in sorted(undercut):
        r = amap.relations[rid]
        names = ", ".join(labels.get(p, p) for p in r.sources)
        net.add_node(rid, label=" ", shape="diamond", size=6, color="#666666",
                     title=f"{r.type}: {names} \u2192 {labels.get(r.target, r.target)}")
    for r in amap.relations.values():
        style = _EDGES[r.type]
        for p in r.sources:
            net.add_edge(p, r.target, title=r.type, color=style["color"], dashes=style["dashes"],
                         arrows=style["arrows"], width=1 + 3 * scores.get(p, 0.5), relation=r.id)
        if r.id in undercut:  # the undercut relation's node sits on the way to its target
            for p in r.sources:
                net.add_edge(p, r.id, color=style["color"], dashes=style["dashes"], arrows={"to": {"enabled": False}},
                             width=1, title=r.type, relation=r.id)
    return net


def render_html(amap, *, title: str | None = None) -> str:
    """The map as a self-contained HTML page (a string)."""
    from importlib.resources import files

    import pyvis

    from .semantics import score

    scores = score(amap).scores
    net = _network(amap, scores)
    options = {
        "layout": {"randomSeed": 7, "improvedLayout": True},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -120, "springLength": 140, "avoidOverlap": 0.6},
            "stabilization": {"enabled": True, "iterations": 600, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150},
        "edges": {"smooth": {"enabled": True, "type": "dynamic"}},
    }
    source = amap.sources[0] if amap.sources else None
    heading = title or (source.title if source and source.title else "Argument map")
    subtitle = " \u00b7 ".join(x for x in ((source.date if source else None), f"{len(amap.claims)} claims", f"{len(amap.relations)} relations") if x)
    details = {
        cid: {
            "label": c.label,
            "text": c.text,
            "quotes": [q.text for q in c.quotes],
            "attributed": list(c.attributed_to),
            "score": round(scores.get(cid, 0.0), 6),
            "base": c.base_score,
            "kind": _kind(c) or "Claim",
        }
        for cid, c in amap.claims.items()
    }
    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    page = files("argmap").joinpath("templates/map.html").read_text(encoding="utf-8")
    fill = {
        "@@TITLE@@": html.escape(heading),
        "@@SUBTITLE@@": html.escape(subtitle),
        "@@VIS_CSS@@": (lib / "vis-network.css").read_text(encoding="utf-8").replace("</", "<\\/"),
        "@@VIS_JS@@": (lib / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script"),
        "@@NODES@@": _json(net.nodes),
        "@@EDGES@@": _json(net.edges),
        "@@OPTIONS@@": _json(options),
        "@@DETAILS@@": _json(details),
    }
    # one pass, so that text inserted for one key is never scanned for another
    return re.sub(r"@@[A-Z_]+@@", lambda m: fill[m.group(0)], page)


def render(amap, path, **kwargs) -> Path:
    """Write the page for ``amap`` to ``path`` atomically and return the path."""
    from ._files import atomic_write

    return atomic_write(path, render_html(amap, **kwargs))
