"""The map as a picture: one self-contained interactive HTML page, or SVG/PNG.

The page
    pyvis builds the network (nodes, edges, options); argmap writes the page
    itself from ``templates/map.html`` with vis-network's script and style
    inlined from pyvis's package, so that it needs no network and works from
    ``file://``.  (pyvis's own template links Bootstrap and vis-network from
    CDNs, renders ``heading`` unescaped, and turns every node title into HTML
    once one contains "href"; argmap uses none of it.)

Untrusted text
    Claim texts, quotes, labels and titles come from imported files.  They
    reach the page only as JSON inside a script element, with ``<``, ``>``
    and ``&`` escaped, or through :func:`html.escape`; the page's script shows
    them with ``textContent`` and gives vis-network plain-text titles, never
    ``innerHTML``.  A Content-Security-Policy forbids every network request.

Encodings
    Node size is the claim's strength under the chosen gradual semantics;
    colour is the claim's status under grounded semantics (Dung 1995; IN, OUT,
    UNDEC after Caminada 2006) or its kind, from the Okabe-Ito palette, which
    readers with the common colour-vision deficiencies can tell apart (Okabe
    and Ito 2002).  Supports are solid with an arrow, attacks dashed with a
    bar, undercuts dotted with a bar onto a small diamond that stands for the
    relation they attack; edge width grows with the relation's contribution.
"""

from __future__ import annotations

import heapq
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["RenderOptions", "View", "view_of", "LARGE", "page_data", "render_html", "render_dot", "render_static", "picture_format", "render"]

#: Okabe-Ito colours.
KIND_COLOURS = {
    "FactualClaim": "#56B4E9",
    "PredictiveClaim": "#E69F00",
    "EvaluativeClaim": "#CC79A7",
    "PolicyClaim": "#009E73",
    "Claim": "#BBBBBB",
}
KIND_NAMES = {"FactualClaim": "fact", "PredictiveClaim": "prediction", "EvaluativeClaim": "evaluation",
              "PolicyClaim": "policy", "Claim": "claim"}
STATUS_COLOURS = {"IN": "#009E73", "OUT": "#D55E00", "UNDEC": "#F0E442"}
EDGE_STYLES = {
    "support": {"color": "#0072B2", "dashes": False, "arrow": "arrow"},
    "attack": {"color": "#D55E00", "dashes": [10, 6], "arrow": "bar"},
    "undercut": {"color": "#7F3C8D", "dashes": [2, 5], "arrow": "bar"},
}


@dataclass(frozen=True)
class RenderOptions:
    """How to draw a map: semantics for size, colour scheme, layout, title."""

    semantics: str = "dfquad"
    color: str = "status"  # or "kind"
    layout: str = "hierarchical"  # or "force"
    title: str | None = None
    seed: int = 7
    focus: str | None = None  # draw only this claim's neighbourhood
    depth: int = 2  # relations from the focus, or from the strongest claims
    top: int | None = None  # draw the main thesis and the top strongest claims, with neighbours


#: Claims beyond which a map is too large to read as one picture: only a part of it is drawn.
LARGE = 2000

#: At most this many claims in a drawn part, beyond the thesis and the strongest claims asked for.
PART = 500


@dataclass
class View:
    """What a page draws: the map (or a part of it), scores and statuses of the whole map, and a note."""

    amap: object
    scores: dict
    status: dict
    note: str | None = None


def _neighbours(amap):
    """Claims one relation away from a claim, either way (an undercut reaches the relation's ends), sorted.

    A function of the claim.  Which claims each relation touches is worked
    out once, with array operations on the map's compiled framework, and a
    claim's neighbours only when asked for, since a drawn part needs few.
    """
    import numpy as np

    from .semantics.framework import Framework

    arr = Framework.from_map(amap).arrays()
    kind, target, ptr, premise = arr.kind, arr.target, arr.premise_ptr, arr.premise
    of = arr.premise_relation
    plain = np.flatnonzero(kind != 2)
    claims, rels = [premise, target[plain]], [of, plain]
    for j in np.flatnonzero(kind == 2).tolist():  # an undercut touches the ends of the relation it undercuts
        inner = int(target[j])
        ends = premise[ptr[inner]:ptr[inner + 1]]
        if kind[inner] != 2:
            ends = np.append(ends, target[inner])
        claims.append(ends)
        rels.append(np.full(len(ends), j))
    claims, rels = np.concatenate(claims), np.concatenate(rels)
    by_claim, by_rel = np.argsort(claims, kind="stable"), np.argsort(rels, kind="stable")
    claims_sorted, rels_sorted = claims[by_claim], rels[by_rel]
    number = {c: i for i, c in enumerate(arr.claims)}

    def near(claim) -> list[str]:
        c = number[claim]
        lo, hi = np.searchsorted(claims_sorted, (c, c + 1))
        found = set()
        for j in np.unique(rels[by_claim[lo:hi]]).tolist():
            a, b = np.searchsorted(rels_sorted, (j, j + 1))
            found.update(claims[by_rel[a:b]].tolist())
        found.discard(c)
        return [arr.claims[k] for k in sorted(found)]

    return near


def _part(amap, keep: set):
    """The map restricted to the claims ``keep`` and the relations among them, as a small rdflib map."""
    from itertools import compress

    import numpy as np
    import rdflib
    from rdflib import BNode, Literal, URIRef

    from .model import ArgumentMap
    from .semantics.framework import Framework
    from .triples import LITERAL_PREDICATES, PREDICATES, RDF_TYPE
    from .vocab import AM

    arr = Framework.from_map(amap).arrays()
    kept = np.fromiter(map(keep.__contains__, arr.claims), dtype=bool, count=len(arr.claims))
    kind, target, ptr = arr.kind, arr.target, arr.premise_ptr
    ends_kept = np.ones(len(arr.relations), dtype=bool)  # every premise kept
    has = np.flatnonzero(np.diff(ptr) > 0)
    ends_kept[has] = np.logical_and.reduceat(kept[arr.premise], ptr[has]) if len(arr.premise) else True
    inside = ends_kept & (kind != 2) & kept[np.where(kind != 2, target, 0)]
    inside |= ends_kept & (kind == 2) & inside[np.where(kind == 2, target, 0)]
    rels = {arr.relations[j] for j in np.flatnonzero(inside).tolist()}
    index = amap._index
    thesis_p = str(AM.mainThesis)

    def node(v):
        return URIRef(v) if ":" in v else BNode(v)

    g = rdflib.Graph()
    subjects = set(keep) | rels | set(amap.main_theses) | {s.id for s in amap.sources}
    subjects |= {q for c in keep for q in index.objects(c, str(AM.quote))}
    for p in PREDICATES:
        column, objects = index.columns(p)
        for s, o in dict.fromkeys(compress(zip(column, objects), map(subjects.__contains__, column))):
            if not (p == thesis_p and o not in keep):
                g.add((node(s), URIRef(p), Literal(o) if p in LITERAL_PREDICATES else node(o)))
    for m, t in index.pairs(thesis_p):
        if t in keep:
            g.add((node(m), AM.mainThesis, node(t)))
            g.add((node(m), URIRef(RDF_TYPE), AM.ArgumentMap))
    return ArgumentMap(g, paths=amap.paths)


def view_of(amap, options: RenderOptions = RenderOptions()) -> View:
    """What to draw of ``amap``: all of it, or for a large map (over :data:`LARGE` claims) a readable part.

    The part is the claims within ``options.depth`` relations of
    ``options.focus``, or else the main thesis and the ``options.top``
    (default 200) strongest claims with their neighbours, strongest first,
    at most :data:`PART` claims in all unless more were asked for.  Sizes and colours are the whole
    map's scores and statuses; the note says what was left out.
    """
    from .semantics import extensions_of, score

    scores = score(amap, options.semantics).scores
    status = extensions_of(amap, "grounded").status
    total = len(amap.claims)
    if options.focus is None and options.top is None and total <= LARGE:
        return View(amap, scores, status)
    near = _neighbours(amap)
    if options.focus is not None:
        seeds = [amap.find_claim(options.focus)]
        what = (f"the claims within {options.depth} relation{'s' if options.depth != 1 else ''} of "
                f"{amap.claims[seeds[0]].label}")
    else:
        top = options.top if options.top is not None else 200
        ranked = heapq.nsmallest(top, scores, key=lambda c: (-scores[c], c))
        seeds = list(dict.fromkeys([*amap.main_theses, *ranked]))
        what = f"the main thesis and the {top} strongest claims, with their neighbours"
    keep = dict.fromkeys(seeds)
    frontier = list(keep)
    for _ in range(options.depth):
        nxt = sorted({n for c in frontier for n in near(c) if n not in keep}, key=lambda c: (-scores[c], c))
        nxt = nxt[: max(0, PART - len(keep))]
        keep.update(dict.fromkeys(nxt))
        frontier = nxt
    part = _part(amap, set(keep))
    note = (f"Showing {len(part.claims)} of {total} claims: {what}. Draw another part with "
            "argmap render --focus CLAIM --depth N, or --top N.")
    return View(part, {c: scores[c] for c in part.claims}, {c: status[c] for c in part.claims}, note)


def _json(data) -> str:
    """JSON safe to place inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def _kind(claim) -> str:
    for t in claim.types:
        local = t.rsplit("#", 1)[-1]
        if local in KIND_COLOURS and local != "Claim":
            return local
    return "Claim"


def _wrap(text: str, width: int = 22, lines_max: int = 4) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    if len(lines) > lines_max:
        lines = lines[:lines_max]
        lines[-1] = lines[-1][: width - 1] + "\u2026"
    return "\n".join(lines)


ROW_HEIGHT = 85  # half the distance between two rows of claims, in pixels
COLUMN_WIDTH = 200  # more than the widest claim box (140 px of text plus margins)


def _levels(amap) -> dict[str, int]:
    """Rows for the hierarchical layout, counted from the main thesis.

    A relation sits one row below its target and its premises one row below
    the relation, so claims take the even rows (twice their distance, in
    relations, from a main thesis) and a relation's diamond, drawn when an
    undercut attacks it, lies between its premises and its target.  An
    undercut's premises, which would land on an odd row, move one row down.
    Claims that reach no thesis go below all others.
    """
    from collections import deque

    into: dict[str, list] = {}
    for r in amap.relations.values():
        into.setdefault(r.target, []).append(r)
    level = {t: 0 for t in amap.main_theses}
    queue = deque(amap.main_theses)
    while queue:
        node = queue.popleft()
        for r in into.get(node, ()):
            if r.id in level:
                continue
            level[r.id] = level[node] + 1
            queue.append(r.id)
            row = level[r.id] + 1
            row += row % 2
            for p in r.sources:
                if p not in level:
                    level[p] = row
                    queue.append(p)
    deepest = max(level.values(), default=0)
    below = deepest + 2 - deepest % 2
    return {n: level.get(n, below) for n in (*amap.claims, *amap.relations)}


def _positions(amap, levels: dict[str, int], shown) -> dict[str, tuple[int, int]]:
    """Fixed positions for the hierarchical layout, computed once, in Python.

    Rows come from :func:`_levels`.  Within a row, nodes are ordered by the
    mean position of what they point to in the rows above (the barycentre
    heuristic of Sugiyama, Tagawa and Toda, "Methods for visual understanding
    of hierarchical system structures", IEEE SMC 1981), then placed left to
    right no closer than :data:`COLUMN_WIDTH`, so no two boxes of a row
    overlap; each row is then centred under its parents.  Linear in the
    map's size (after sorting), deterministic, and with no physics to wait for.
    """
    parents: dict[str, list[str]] = {}
    for r in amap.relations.values():
        end = r.id if r.id in shown else r.target
        if r.id in shown:
            parents.setdefault(r.id, []).append(r.target)
        for p in r.sources:
            parents.setdefault(p, []).append(end)
    rows: dict[int, list[str]] = {}
    for node in shown:
        rows.setdefault(levels[node], []).append(node)
    x: dict[str, float] = {}
    for row in sorted(rows):
        def key(n):
            placed = [x[q] for q in parents.get(n, ()) if q in x]
            return (sum(placed) / len(placed) if placed else 0.0, n)

        ordered = sorted(rows[row], key=key)
        wanted = [key(n)[0] for n in ordered]
        xs, last = [], None
        for w in wanted:
            xs.append(w if last is None else max(w, last + COLUMN_WIDTH))
            last = xs[-1]
        shift = sum(xs) / len(xs) - sum(wanted) / len(wanted)
        for n, v in zip(ordered, xs):
            x[n] = v - shift
    return {n: (round(x[n]), levels[n] * ROW_HEIGHT) for n in shown}


def page_data(amap, options: RenderOptions = RenderOptions(), view: View | None = None) -> dict:
    """Everything the page shows, as plain data: nodes, edges, details, header.

    Kept apart from the HTML so that tests can check the encodings directly.
    ``view`` (from :func:`view_of`) is what to draw; by default all of ``amap``.
    """
    Network = _pyvis_network()
    view = view or view_of(amap, options)
    amap, scores, status = view.amap, view.scores, view.status  # status: IN/OUT/UNDEC of every claim
    thesis = set(amap.main_theses)
    info = amap.annotations()
    net = Network(directed=True)
    levels = _levels(amap)
    for cid, c in amap.claims.items():
        s = scores.get(cid, 0.0)
        kind = _kind(c)
        colour = STATUS_COLOURS[status[cid]] if options.color == "status" else KIND_COLOURS[kind]
        net.add_node(
            cid,
            label=_wrap(c.label),
            title=f"{c.label}\n\n{c.text}\n\n{options.semantics}: {s:.3f} \u00b7 grounded: {status[cid]}",
            color={"background": colour, "border": "#000000" if cid in thesis else "#444444"},
            shape="box",
            borderWidth=5 if cid in thesis else 1,
            shapeProperties={"borderDashes": False if kind != "Claim" else [4, 3]},
            margin=6 + round(10 * s),
            font={"size": 12 + round(8 * s), "face": "sans-serif", "multi": False},
            widthConstraint={"maximum": 140},
            kind=KIND_NAMES[kind],
            status=status[cid],
            thesis=cid in thesis,
        )
    undercut = {r.target for r in amap.relations.values() if r.type == "undercut"}
    labels = {cid: c.label for cid, c in amap.claims.items()}
    for rid in sorted(undercut):
        r = amap.relations[rid]
        names = " + ".join(labels.get(p, p) for p in r.sources)
        net.add_node(rid, label=" ", shape="diamond", size=7, color={"background": "#666666", "border": "#333333"}, kind="relation", status="",
                     title=f"{r.type}: {names} \u2192 {labels.get(r.target, r.target)}", thesis=False)
    for r in amap.relations.values():
        style = EDGE_STYLES[r.type]
        contribution = min(scores.get(p, 0.0) for p in r.sources) * (r.weight if r.weight is not None else 1.0)
        common = {"color": style["color"], "dashes": style["dashes"], "kind": r.type, "relation": r.id,
                  "width": round(1 + 4 * contribution, 3), "title": f"{r.type} ({contribution:.2f})"}
        end = r.id if r.id in undercut else r.target
        for p in r.sources:  # premises meet the relation's diamond when it is undercut
            arrows = {"to": {"enabled": end == r.target, "type": style["arrow"]}}
            net.add_edge(p, end, arrows=arrows, **common)
        if end != r.target:
            net.add_edge(r.id, r.target, arrows={"to": {"enabled": True, "type": style["arrow"]}}, **common)
    if options.layout == "hierarchical":
        pos = _positions(amap, levels, [n["id"] for n in net.nodes])
        for n in net.nodes:
            n["x"], n["y"] = pos[n["id"]]
    details = {}
    for cid, c in amap.claims.items():
        extra = info.get(cid, {})
        details[cid] = {
            "label": c.label,
            "text": c.text,
            "kind": KIND_NAMES[_kind(c)],
            "status": status[cid],
            "thesis": cid in thesis,
            "score": round(scores.get(cid, 0.0), 6),
            "base": c.base_score,
            "quotes": [{"text": q.text, "source": amap.label(q.source) if q.source else ""} for q in c.quotes],
            "attributed": [amap.label(a) for a in c.attributed_to],
            "relations": extra.get("relations", []),
            "stored": extra.get("scores", []),
        }
    source = amap.sources[0] if amap.sources else None
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "details": details,
        "semantics": options.semantics,
        "title": options.title or (source.title if source and source.title else "Argument map"),
        "subtitle": " \u00b7 ".join(
            x for x in ((source.date if source else None), f"{len(amap.claims)} claims",
                        f"{len(amap.relations)} relations", f"size: {options.semantics}") if x),
        "note": view.note,
    }


def _vis_options(options: RenderOptions, n_nodes: int) -> dict:
    """vis-network options: fixed positions for hierarchical, seeded physics for force."""
    if options.layout == "hierarchical":  # positions come from _positions: nothing to simulate
        physics = {"enabled": False}
    else:
        physics = {"enabled": True, "solver": "forceAtlas2Based",
                   "forceAtlas2Based": {"gravitationalConstant": -160, "springLength": 160, "avoidOverlap": 1},
                   "stabilization": {"enabled": True, "iterations": 200 if n_nodes > 500 else 800, "fit": True}}
    return {
        "layout": {"randomSeed": options.seed, "improvedLayout": n_nodes <= 150},
        "physics": physics,
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n_nodes > 500},
        "edges": {"smooth": {"enabled": n_nodes <= 500, "type": "cubicBezier", "forceDirection": "vertical"}},
    }


def _pyvis_network():
    """pyvis's ``Network`` class, imported without IPython unless IPython is loaded already.

    pyvis imports ``IPython.display.IFrame`` as it is imported, only for
    ``Network.show`` inside a notebook, and that import takes about half a
    second: longer than drawing most maps.  So pyvis is imported against a
    stand-in ``IPython.display`` whose ``IFrame`` imports the real one when
    first called, and the stand-in is taken out of ``sys.modules`` at once,
    so that a later ``import IPython`` gets the real package.
    """
    import sys
    import types

    if "pyvis.network" in sys.modules or "IPython" in sys.modules:
        from pyvis.network import Network

        return Network

    def IFrame(*args, **kwargs):
        from IPython.display import IFrame as real

        return real(*args, **kwargs)

    package, display = types.ModuleType("IPython"), types.ModuleType("IPython.display")
    package.__path__, package.display, display.IFrame = [], display, IFrame
    sys.modules.update({"IPython": package, "IPython.display": display})
    try:
        from pyvis.network import Network
    finally:
        for name, stand_in in (("IPython", package), ("IPython.display", display)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    return Network


def _pyvis_lib() -> Path:
    """The folder of the vis-network library that pyvis ships (pyvis imported as :func:`_pyvis_network` does)."""
    import sys

    return Path(sys.modules[_pyvis_network().__module__].__file__).parent / "templates" / "lib" / "vis-9.1.2"


def render_html(amap, options: RenderOptions | None = None, view: View | None = None, **kwargs) -> str:
    """The map as a self-contained HTML page (a string); a large map's part (see :func:`view_of`)."""
    from importlib.resources import files

    options = options or RenderOptions(**kwargs)
    data = page_data(amap, options, view)
    lib = _pyvis_lib()
    page = files("argmap").joinpath("templates/map.html").read_text(encoding="utf-8")
    fill = {
        "@@TITLE@@": html.escape(data["title"]),
        "@@SUBTITLE@@": html.escape(data["subtitle"]),
        "@@NOTE@@": f'<p id="partial" role="note">{html.escape(data["note"])}</p>' if data["note"] else "",
        "@@VIS_CSS@@": (lib / "vis-network.css").read_text(encoding="utf-8").replace("</", "<\\/"),
        "@@VIS_JS@@": (lib / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script"),
        "@@NODES@@": _json(data["nodes"]),
        "@@EDGES@@": _json(data["edges"]),
        "@@OPTIONS@@": _json(_vis_options(options, len(data["nodes"]))),
        "@@DETAILS@@": _json(data["details"]),
        "@@KINDS@@": _json({KIND_NAMES[k]: v for k, v in KIND_COLOURS.items()}),
        "@@STATUSES@@": _json(STATUS_COLOURS),
        "@@COLOR_BY@@": _json(options.color),
    }
    # one pass, so that text inserted for one key is never scanned for another
    return re.sub(r"@@[A-Z_]+@@", lambda m: fill[m.group(0)], page)


def _dot_string(text: str) -> str:
    """A DOT double-quoted string (Graphviz 'lang' reference: escaped quotes).

    Characters that the SVG (XML 1.0) cannot carry become U+FFFD, the
    replacement character, since a picture only shows the text.
    """
    from .io import NOT_XML

    text = NOT_XML.sub("\ufffd", text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def render_dot(amap, options: RenderOptions | None = None, view: View | None = None, **kwargs) -> str:
    """The map in Graphviz DOT with the same encodings as the page."""
    options = options or RenderOptions(**kwargs)
    data = page_data(amap, options, view)
    ids = {n["id"]: f"n{i}" for i, n in enumerate(data["nodes"])}
    out = ["digraph argmap {", '  graph [rankdir=BT, nodesep=0.35, ranksep=0.6, fontname="Helvetica"];',
           '  node [fontname="Helvetica", style="filled,rounded", shape=box];', '  edge [fontname="Helvetica"];']
    for n in data["nodes"]:
        if n.get("kind") == "relation":
            out.append(f'  {ids[n["id"]]} [shape=diamond, label="", width=0.15, height=0.15, style=filled, fillcolor="#666666"];')
            continue
        d = data["details"][n["id"]]
        colour = n["color"]["background"]
        pen = 4 if d["thesis"] else 1
        width = 1.2 + 1.6 * d["score"]
        out.append(f"  {ids[n['id']]} [label={_dot_string(n['label'])}, fillcolor=\"{colour}\", penwidth={pen}, "
                   f"width={width:.2f}, fontsize={10 + round(6 * d['score'])}, tooltip={_dot_string(d['text'])}];")
    for e in data["edges"]:
        style = {"support": "solid", "attack": "dashed", "undercut": "dotted"}[e["kind"]]
        head = "normal" if e["arrows"]["to"]["enabled"] and e["kind"] == "support" else (
            "tee" if e["arrows"]["to"]["enabled"] else "none")
        out.append(f"  {ids[e['from']]} -> {ids[e['to']]} [color=\"{e['color']}\", style={style}, "
                   f"arrowhead={head}, penwidth={e['width']:.2f}];")
    out.append("}")
    return "\n".join(out) + "\n"


def render_static(amap, fmt: str, options: RenderOptions | None = None, view: View | None = None,
                  **kwargs) -> bytes:
    """The map as SVG or PNG, drawn by Graphviz ``dot`` (Debian package graphviz)."""
    import shutil
    import subprocess

    from .errors import UsageError

    if fmt not in ("svg", "png"):
        raise UsageError(f"unknown picture format {fmt!r} (known: html, svg, png)")
    dot = shutil.which("dot")
    if dot is None:
        raise UsageError("drawing SVG or PNG needs Graphviz's 'dot' program (Debian: apt install graphviz)")
    text = render_dot(amap, options, view, **kwargs)
    res = subprocess.run([dot, f"-T{fmt}"], input=text.encode("utf-8"), capture_output=True, timeout=600)
    if res.returncode != 0:
        raise UsageError(f"Graphviz failed: {res.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return res.stdout


def picture_format(path) -> str:
    """``svg`` or ``png`` when ``path`` ends so, else ``html``."""
    suffix = Path(path or "").suffix.lower().lstrip(".")
    return suffix if suffix in ("svg", "png") else "html"


def render(amap, path, *, format: str | None = None, options: RenderOptions | None = None, view: View | None = None,
           **kwargs) -> Path:
    """Write ``amap`` (or the part ``view`` says) to ``path`` (HTML, or SVG/PNG by ``format`` or suffix) atomically."""
    from ._files import atomic_write

    fmt = format or picture_format(path)
    options = options or RenderOptions(**kwargs)
    view = view or view_of(amap, options)
    data = render_html(amap, options, view) if fmt == "html" else render_static(amap, fmt, options, view)
    return atomic_write(path, data)
