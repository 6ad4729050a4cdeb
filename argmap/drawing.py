"""The map as a picture: one self-contained interactive HTML page, or SVG/PNG.

The page
    argmap builds vis-network's nodes and edges itself, as the plain objects
    vis-network's ``DataSet`` takes, and writes the page from
    ``templates/map.html`` with vis-network's script and style inlined from
    the copy that the installed pyvis package ships, so that it needs no
    network and works from ``file://``.  pyvis is found on disk, not
    imported: its import brings IPython, networkx and jinja2 (0.25 s, 0.1 s
    even without IPython), and its ``Network`` would only collect the node
    and edge dicts that :func:`page_data` writes.  (pyvis's own template
    links Bootstrap and vis-network from CDNs, renders ``heading``
    unescaped, and turns every node title into HTML once one contains
    "href"; argmap uses none of it.)

Untrusted text
    Claim texts, quotes, labels and titles come from imported files.  They
    reach the page only as JSON inside a script element, with ``<``, ``>``
    and ``&`` escaped, or through :func:`html.escape`; the page's script shows
    them with ``textContent`` and gives vis-network plain-text titles, never
    ``innerHTML``.  A Content-Security-Policy forbids every network request.

Encodings
    Node size is the claim's strength under the chosen gradual semantics;
    colour is, by default, the claim's verdict: its strength raised above its
    base score, kept, or lowered below it (sky blue, grey, vermilion); or its
    status under grounded semantics (Dung 1995; IN, OUT, UNDEC after Caminada
    2006), with support-derived attacks where asked for; or its kind.  All from
    the Okabe-Ito palette, which readers with the common colour-vision
    deficiencies can tell apart (Okabe and Ito 2002).  Supports are solid with an arrow, attacks dashed with a
    bar, undercuts dotted with a bar onto a small diamond that stands for the
    relation they attack; edge width grows with the relation's contribution.
"""

from __future__ import annotations

import heapq
import html
import json
import re
import shutil
import subprocess
from bisect import bisect_left
from collections import deque
from dataclasses import dataclass
from importlib.resources import files
from importlib.util import find_spec
from itertools import compress
from pathlib import Path

import numpy as np
import rdflib
from rdflib import BNode, Literal, URIRef

from ._files import atomic_write, file_of, read_text
from .anchor import locate, reanchor
from .errors import ArgmapError, UsageError
from .io import NOT_XML
from .model import ArgumentMap
from .semantics import extensions_of, score
from .semantics.framework import Framework
from .triples import LITERAL_PREDICATES, PREDICATES, RDF_TYPE
from .vocab import AM

__all__ = ["RenderOptions", "View", "view_of", "LARGE", "page_data", "source_pane", "verdict", "render_html",
           "render_dot", "render_static", "picture_format", "render", "neighbours", "part_of", "levels_of"]

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
#: A claim's strength against its base score: Okabe-Ito sky blue, a neutral grey, vermilion.
VERDICT_COLOURS = {"raised": "#56B4E9", "kept": "#CCCCCC", "lowered": "#D55E00"}
#: How far a strength must move from the base score to count as raised or lowered.
VERDICT_MARGIN = 0.005
EDGE_STYLES = {
    "support": {"color": "#0072B2", "dashes": False, "arrow": "arrow"},
    "attack": {"color": "#D55E00", "dashes": [10, 6], "arrow": "bar"},
    "undercut": {"color": "#7F3C8D", "dashes": [2, 5], "arrow": "bar"},
}


@dataclass(frozen=True)
class RenderOptions:
    """How to draw a map: semantics for size, colour scheme, layout, title."""

    semantics: str = "dfquad"
    color: str = "verdict"  # or "status" or "kind"
    layout: str = "hierarchical"  # or "force"
    title: str | None = None
    seed: int = 7
    focus: str | None = None  # draw only this claim's neighbourhood
    depth: int = 2  # relations from the focus, or from the strongest claims
    top: int | None = None  # draw the main thesis and the top strongest claims, with neighbours
    support: str | None = None  # support-derived attacks for the extension status (see extensions_of)
    source: str | None = None  # the text file the quotes come from, shown beside the map


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


def neighbours(amap):
    """Claims one relation away from a claim, either way (an undercut reaches the relation's ends), sorted.

    A function of the claim.  Which claims each relation touches is worked
    out once, with array operations on the map's compiled framework, and a
    claim's neighbours only when asked for, since a drawn part needs few.
    """
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


def part_of(amap, keep: set):
    """The map restricted to the claims ``keep`` and the relations among them, as a small rdflib map."""
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
    scores = score(amap, options.semantics).scores
    status = extensions_of(amap, "grounded", options.support).status
    total = len(amap.claims)
    if options.focus is None and options.top is None and total <= LARGE:
        return View(amap, scores, status)
    near = neighbours(amap)
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
    part = part_of(amap, set(keep))
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
    """``text`` in lines of at most ``width`` characters (a longer word stands alone), at most ``lines_max`` of them.

    The lines are balanced: of the wraps with as few lines as the greedy one
    at ``width``, the narrowest, so that no box is wider than its words need.
    """
    words = text.split()
    lines = _greedy(words, width)
    if len(lines) > lines_max:
        lines = lines[:lines_max]
        lines[-1] = lines[-1][: width - 1] + "\u2026"
        return "\n".join(lines)
    low = max(map(len, words), default=0)
    while width > low:  # the narrowest width that needs no more lines
        narrower = _greedy(words, width - 1)
        if len(narrower) > len(lines):
            break
        width, lines = width - 1, narrower
    return "\n".join(lines)


def _greedy(words: list[str], width: int) -> list[str]:
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines


#: Canvas pixels of a label's font: the weakest claim's, and what the strongest adds.
FONT_SIZE = (12, 2)
#: Canvas pixels between a label and its box: the weakest claim's, and what the strongest adds.
MARGIN = (2, 4)
#: Characters per label line (the hierarchical layout takes the one that fills the pane best); lines at
#: most, or as many as hold :data:`LABEL_CHARS` characters at that width if more.
WRAPS, LINES = (12, 14, 16, 18, 20, 23, 26, 30, 34), 4
#: Characters of a label that its box shows in full at any width (longer ones end in an ellipsis).
LABEL_CHARS = 64
#: A character's width per pixel of font size, a little over DejaVu Sans's advance widths (the widest of the
#: common sans-serif fonts; Liberation Sans and Arial are narrower): narrow letters and marks, middling
#: ones, wide ones, the other capitals, the other characters.
CHAR_WIDTHS = ({**dict.fromkeys("ijl.,:;'!|", 0.28), **dict.fromkeys("ftr ()[]-", 0.4),
                **dict.fromkeys("mMwW", 1.0), **dict.fromkeys("cszkvxy", 0.59)}, 0.74, 0.63)
#: A label line's height per pixel of font size: vis-network draws a box as its lines plus its margins.
LINE_HEIGHT = 1.0
#: Canvas pixels between two boxes of a line, between two lines of a row, and between two rows.
GAP = (8, 6, 20)
#: Canvas pixels between two rows of claims with a line of relations' diamonds between them.
DIAMOND_GAP = 44
#: The map's pane in a 1400 x 900 window, in CSS pixels (the window less the header and the side panel,
#: :data:`SIDE_WIDTH`): the layout's lines are as wide as fill it best.
MAP_AREA = (1087, 849)
#: CSS pixels of the smallest label the first view shows: the page zooms to the thesis when the whole map
#: would be smaller.
READABLE = 11
#: CSS pixels of the side panel (the claim, what-if, ranking, legend and the article).
SIDE_WIDTH = 312


def _font_size(strength: float) -> int:
    return FONT_SIZE[0] + round(FONT_SIZE[1] * strength)


def _margin(strength: float) -> int:
    return MARGIN[0] + round(MARGIN[1] * strength)


def _box(label: str, strength: float) -> tuple[float, float]:
    """A claim box's width and height in canvas pixels, as vis-network will draw ``label`` (a little over)."""
    lines = label.split("\n")
    size, margin = _font_size(strength), _margin(strength)
    special, capital, other = CHAR_WIDTHS
    widest = max(sum(special.get(ch, capital if ch.isupper() else other) for ch in line) for line in lines)
    return widest * size + 2 * margin + 2, len(lines) * LINE_HEIGHT * size + 2 * margin + 2


def levels_of(amap) -> dict[str, int]:
    """Rows for the hierarchical layout, counted from the main thesis.

    A relation sits one row below its target and its premises one row below
    the relation, so claims take the even rows (twice their distance, in
    relations, from a main thesis) and a relation's diamond, drawn when an
    undercut attacks it, lies between its premises and its target.  An
    undercut's premises, which would land on an odd row, move one row down.
    Claims that reach no thesis go below all others.
    """
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


def _lines(ordered: list[str], boxes, hgap: float, limit: float, key) -> list[list[str]]:
    """A row of boxes flowed into as few lines of about equal width as keep each within ``limit``.

    A row that fits stays one line in ``ordered``'s order.  A wider one is
    a block: its boxes go tallest first (so a line is no taller than its
    boxes need), each line then in ``key``'s order again.
    """
    widths = [boxes[n][0] + hgap for n in ordered]
    total = sum(widths)
    count = max(1, -int(-total // limit))  # ceil
    if count == 1:
        return [ordered]
    ordered = sorted(ordered, key=lambda n: (-boxes[n][1], key(n)))
    share, lines, done = total / count, [[] for _ in range(count)], 0.0
    for n in ordered:
        w = boxes[n][0] + hgap
        lines[min(count - 1, int((done + w / 2) // share))].append(n)
        done += w
    return [sorted(line, key=key) for line in lines if line]


def _positions(amap, levels: dict[str, int], boxes: dict[str, tuple[float, float]],
               area: tuple[int, int] = MAP_AREA, readable: float = 0.0) -> tuple[float, dict[str, tuple[int, int]]]:
    """Fixed positions for the hierarchical layout, computed once, in Python.

    Rows come from :func:`levels_of`, top to bottom.  Within a row, nodes are
    ordered by the mean position of what they point to in the rows above
    (the barycentre heuristic of Sugiyama, Tagawa and Toda, "Methods for
    visual understanding of hierarchical system structures", IEEE SMC 1981).
    A row that fits in one line is placed under its parents, its boxes
    (``boxes``: width and height) no closer than :data:`GAP`; a wider row
    flows into several centred lines.  Relations' diamonds (odd rows) lie in
    the gap between the rows of claims they join.  The width of a line is chosen, among
    widths from the widest box to the widest row, so that the whole map
    fills ``area`` at the largest scale: a flat map with a wide row becomes
    a block of lines, a deep narrow one stays a tree.  A map whose rows
    cannot be read at once, at a scale under ``readable`` (a long chain, say),
    flows instead like text: its claims in reading order, row after row,
    each line as full as the width allows.  Returns that scale and the
    positions.  Deterministic, with no physics to wait for.
    """
    parents: dict[str, list[str]] = {}
    for r in amap.relations.values():
        end = r.id if r.id in boxes else r.target
        if r.id in boxes:
            parents.setdefault(r.id, []).append(r.target)
        for p in r.sources:
            parents.setdefault(p, []).append(end)
    rows: dict[int, list[str]] = {}
    for node in sorted(boxes):
        rows.setdefault(levels[node], []).append(node)
    if not rows:
        return 1.0, {}
    hgap, vgap, rowgap = GAP
    widest_box = max(w for w, _h in boxes.values()) + hgap
    widest_row = max(sum(boxes[n][0] + hgap for n in row) for row in rows.values())

    def place(limit: float):
        x: dict[str, float] = {}
        y: dict[str, float] = {}
        top = 0.0
        for row in sorted(rows):
            def key(n):
                placed = [x[q] for q in parents.get(n, ()) if q in x]
                return (sum(placed) / len(placed) if placed else 0.0, n)

            ordered = sorted(rows[row], key=key)
            diamonds = row % 2 == 1  # relations' diamonds: one line in the gap between two rows of claims
            if diamonds:
                top += max(0.0, DIAMOND_GAP - rowgap)
            lines = [ordered] if diamonds else _lines(ordered, boxes, hgap, limit, key)
            for line in lines:
                wanted = [key(n)[0] for n in line] if len(lines) == 1 else [0.0] * len(line)
                xs = []
                for i, (n, w) in enumerate(zip(line, wanted)):
                    low = xs[-1] + (boxes[line[i - 1]][0] + boxes[n][0]) / 2 + hgap if xs else w
                    xs.append(max(w, low))
                shift = sum(xs) / len(xs) - sum(wanted) / len(wanted)
                height = max(boxes[n][1] for n in line)
                for n, v in zip(line, xs):
                    x[n], y[n] = v - shift, (top - DIAMOND_GAP / 2 if diamonds else top + height / 2)
                top += 0.0 if diamonds else height + vgap
            top += 0.0 if diamonds else rowgap - vgap
        return fit(x, y)

    def fit(x, y):  # the scale at which the drawing fills ``area``
        left = min(x[n] - boxes[n][0] / 2 for n in x)
        right = max(x[n] + boxes[n][0] / 2 for n in x)
        bottom = max(y[n] + boxes[n][1] / 2 for n in y)
        return min(area[0] / (right - left), area[1] / bottom), x, y

    def flow(limit: float):  # claims in reading order, each line as full as ``limit`` allows
        x: dict[str, float] = {}
        y: dict[str, float] = {}
        top, line, width = 0.0, [], 0.0
        order = [n for row in sorted(rows) for n in rows[row]]
        for i, n in enumerate(order + [None]):
            if line and (n is None or width + boxes[n][0] + hgap > limit):
                height, at = max(boxes[m][1] for m in line), 0.0
                for m in line:
                    x[m], y[m] = at + boxes[m][0] / 2 - (width - hgap) / 2, top + height / 2
                    at += boxes[m][0] + hgap
                top += height + rowgap
                line, width = [], 0.0
            if n is not None:
                line.append(n)
                width += boxes[n][0] + hgap
        return fit(x, y)

    limits, limit = [], widest_box
    while limit < widest_row:
        limits.append(limit)
        limit *= 1.05
    limits.append(max(widest_row, widest_box))
    found = max((place(w) for w in limits), key=lambda f: f[0])
    if found[0] < readable and all(row % 2 == 0 for row in rows):  # too deep to read as rows: flow it
        limits = [widest_box * 1.05 ** k for k in range(60) if widest_box * 1.05 ** k < area[0] / readable]
        found = max([found, *(flow(w) for w in limits)], key=lambda f: f[0])
    scale, x, y = found
    return scale, {n: (round(x[n]), round(y[n])) for n in boxes}


def verdict(strength: float, base: float) -> str:
    """``raised``, ``kept`` or ``lowered``: a claim's strength against its base score (within :data:`VERDICT_MARGIN`)."""
    if strength > base + VERDICT_MARGIN:
        return "raised"
    if strength < base - VERDICT_MARGIN:
        return "lowered"
    return "kept"


def _utf16(text: str):
    """Code point offsets of ``text`` as UTF-16 code unit offsets, which JavaScript strings count."""
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    return lambda i: i + bisect_left(astral, i)


def source_pane(amap, path=None) -> dict | None:
    """The source text shown beside the map, and where each quote lies in it.

    ``path`` is the text file; by default the map's own source, where the
    quotes' ``am:inSource`` is a ``file:`` IRI of a readable file (of
    several, the one most quoted).  A quote lies at its offsets where the
    text there is its exact text, else where :func:`argmap.anchor.locate`
    (or, near its old offsets, ``reanchor``) finds it; a quote found nowhere
    is counted in ``missing``.  Offsets are given in UTF-16 code units, as
    the page's script counts.  None where there is no text to show.
    """
    quotes = [(cid, q) for cid, c in amap.claims.items() for q in c.quotes]
    name = None
    if path is None:
        counts: dict[str, int] = {}
        for _cid, q in quotes:
            if q.source and file_of(q.source) is not None:
                counts[q.source] = counts.get(q.source, 0) + 1
        for iri in sorted(counts, key=lambda i: (-counts[i], i)):
            if file_of(iri).is_file():
                path, name = file_of(iri), amap.label(iri)
                quotes = [(cid, q) for cid, q in quotes if q.source == iri]
                break
        else:
            return None
    text = read_text(path)
    where, missing = [], 0
    for cid, q in quotes:
        if q.start is not None and q.end is not None and text[q.start:q.end] == q.text:
            start, end = q.start, q.end
        else:
            try:
                span = reanchor(text, q.text, q.start) if q.start is not None else locate(text, q.text)
            except ArgmapError:
                missing += 1
                continue
            start, end = span.start, span.end
        where.append((start, end, cid, q.text))
    u16 = _utf16(text)
    titles = {s.title for s in amap.sources if s.title} if len(amap.sources) == 1 else set()
    return {
        "name": name if name and name != Path(path).name else (titles.pop() if titles else Path(path).name),
        "file": Path(path).name,
        "text": text,
        "quotes": [{"claim": cid, "start": u16(a), "end": u16(b), "text": t} for a, b, cid, t in sorted(where)],
        "missing": missing,
    }


def _semantics_page():
    """The page's gradual semantics in JavaScript (``argmap.semantics.page``), or None where it is not there."""
    try:
        from .semantics.page import page_framework, script  # lazy: looked up at each drawing, so a page can carry another engine or none
    except ImportError:
        return None
    return page_framework, script


def page_data(amap, options: RenderOptions = RenderOptions(), view: View | None = None) -> dict:
    """Everything the page shows, as plain data: nodes, edges, details, header, source text.

    Kept apart from the HTML so that tests can check the encodings directly.
    ``nodes`` and ``edges`` are vis-network's node and edge objects: a node
    has ``id``, ``label`` (its id where the label is blank) and ``shape``
    (and, in the hierarchical layout, fixed ``x`` and ``y``), an edge ``from``
    and ``to`` and its arrow head under ``arrows``; the rest are the
    encodings, and ``kind``, ``status``, ``verdict``, ``thesis`` and
    ``relation`` for the page's script.  ``view`` (from :func:`view_of`) is
    what to draw; by default all of ``amap``.
    """
    view = view or view_of(amap, options)
    amap, scores, status = view.amap, view.scores, view.status  # status: IN/OUT/UNDEC of every claim
    thesis = set(amap.main_theses)
    info = amap.annotations()
    base = amap.base_scores()
    levels = levels_of(amap)
    extension = "grounded" + (f" ({options.support})" if options.support not in (None, "", "none") else "")
    # vis-network's nodes by id and its edges; a blank label shows the id, an id is drawn once
    nodes: dict[str, dict] = {}
    edges: list[dict] = []
    for cid, c in amap.claims.items():
        s = scores.get(cid, 0.0)
        kind = _kind(c)
        verdict_of = verdict(s, base[cid])
        colour = {"status": STATUS_COLOURS[status[cid]], "kind": KIND_COLOURS[kind]}.get(
            options.color, VERDICT_COLOURS[verdict_of])
        nodes[cid] = {
            "color": {"background": colour, "border": "#000000" if cid in thesis else "#444444"},
            "title": f"{c.label}\n\n{c.text}\n\n{options.semantics}: {s:.3f} (base {base[cid]:.2f}, {verdict_of})"
                     f" \u00b7 {extension}: {status[cid]}",
            "borderWidth": 5 if cid in thesis else 1,
            "shapeProperties": {"borderDashes": False if kind != "Claim" else [4, 3]},
            "margin": _margin(s),
            "font": {"size": _font_size(s), "face": "sans-serif", "multi": False},
            "kind": KIND_NAMES[kind],
            "status": status[cid],
            "verdict": verdict_of,
            "thesis": cid in thesis,
            "id": cid,
            "label": _wrap(c.label, 20, LINES) or cid,  # the force layout's; the hierarchical one picks its own
            "shape": "box",
        }
    undercut = {r.target for r in amap.relations.values() if r.type == "undercut"}
    labels = {cid: c.label for cid, c in amap.claims.items()}
    for rid in sorted(undercut):
        r = amap.relations[rid]
        names = " + ".join(labels.get(p, p) for p in r.sources)
        nodes.setdefault(rid, {
            "color": {"background": "#666666", "border": "#333333"}, "size": 7, "kind": "relation", "status": "",
            "title": f"{r.type}: {names} \u2192 {labels.get(r.target, r.target)}", "thesis": False,
            "id": rid, "label": " ", "shape": "diamond"})
    for r in amap.relations.values():
        style = EDGE_STYLES[r.type]
        contribution = min(scores.get(p, 0.0) for p in r.sources) * (r.weight if r.weight is not None else 1.0)
        common = {"color": style["color"], "dashes": style["dashes"], "kind": r.type, "relation": r.id,
                  "width": round(1 + 4 * contribution, 3), "title": f"{r.type} ({contribution:.2f})"}
        end = r.id if r.id in undercut else r.target
        for p in r.sources:  # premises meet the relation's diamond when it is undercut
            arrows = {"to": {"enabled": end == r.target, "type": style["arrow"]}}
            edges.append({"arrows": arrows, **common, "from": p, "to": end})
        if end != r.target:
            edges.append({"arrows": {"to": {"enabled": True, "type": style["arrow"]}}, **common,
                          "from": r.id, "to": r.target})
    if options.layout == "hierarchical":
        best = None
        smallest = min((_font_size(scores.get(cid, 0.0)) for cid in amap.claims), default=FONT_SIZE[0])
        for width in WRAPS:  # the label width whose layout fills the pane best; the first of equals
            most = max(LINES, -(-LABEL_CHARS // width))
            labels = {cid: _wrap(c.label, width, most) for cid, c in amap.claims.items()}
            boxes = {cid: _box(labels[cid], scores.get(cid, 0.0)) for cid in labels}
            boxes.update(dict.fromkeys(undercut, (16, 16)))
            found = _positions(amap, levels, boxes, readable=READABLE / smallest)
            if best is None or found[0] > best[0][0]:
                best = (found, labels)
        (_scale, pos), labels = best
        for n in nodes.values():
            n["x"], n["y"] = pos[n["id"]]
            if n["id"] in labels:
                n["label"] = labels[n["id"]]
    details = {}
    for cid, c in amap.claims.items():
        extra = info.get(cid, {})
        details[cid] = {
            "label": c.label,
            "text": c.text,
            "kind": KIND_NAMES[_kind(c)],
            "status": status[cid],
            "verdict": verdict(scores.get(cid, 0.0), base[cid]),
            "thesis": cid in thesis,
            "score": scores.get(cid, 0.0),
            "base": c.base_score,
            "prior": base[cid],
            "quotes": [{"text": q.text, "source": amap.label(q.source) if q.source else ""} for q in c.quotes],
            "attributed": [amap.label(a) for a in c.attributed_to],
            "relations": extra.get("relations", []),
            "stored": extra.get("scores", []),
        }
    source = amap.sources[0] if amap.sources else None
    return {
        "nodes": list(nodes.values()),
        "edges": edges,
        "details": details,
        "relations": [{"id": r.id, "kind": r.type, "premises": list(r.sources), "target": r.target}
                      for _rid, r in sorted(amap.relations.items())],
        "semantics": options.semantics,
        "extension": extension,
        "sizing": {"font": FONT_SIZE, "margin": MARGIN, "readable": READABLE},
        "source": source_pane(amap, options.source),
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


def _vis_lib() -> Path:
    """The folder of the vis-network release that the installed pyvis package ships, found without importing pyvis."""
    spec = find_spec("pyvis")  # a top-level package's spec: found on the path, not run
    if spec is None or not spec.submodule_search_locations:
        raise UsageError("drawing a page needs the vis-network files of the pyvis package (pip install pyvis)")
    return Path(spec.submodule_search_locations[0]) / "templates" / "lib" / "vis-9.1.2"


def _script(code) -> str:
    """JavaScript (a string, or a file's text) safe to place inside a ``<script>`` element."""
    text = code.read_text(encoding="utf-8") if isinstance(code, Path) else code
    return text.replace("</script", "<\\/script")


def render_html(amap, options: RenderOptions | None = None, view: View | None = None, **kwargs) -> str:
    """The map as a self-contained HTML page (a string); a large map's part (see :func:`view_of`)."""
    options = options or RenderOptions(**kwargs)
    view = view or view_of(amap, options)
    data = page_data(amap, options, view)
    lib = _vis_lib()
    page = files("argmap").joinpath("templates/map.html").read_text(encoding="utf-8")
    engine = _semantics_page()
    fill = {
        "@@TITLE@@": html.escape(data["title"]),
        "@@SUBTITLE@@": html.escape(data["subtitle"]),
        "@@SIDE_WIDTH@@": str(SIDE_WIDTH),
        "@@NOTE@@": f'<p id="partial" role="note">{html.escape(data["note"])}</p>' if data["note"] else "",
        "@@VIS_CSS@@": (lib / "vis-network.css").read_text(encoding="utf-8").replace("</", "<\\/"),
        "@@VIS_JS@@": _script(lib / "vis-network.min.js"),
        "@@SEMANTICS_JS@@": _script(engine[1]()) if engine else "",
        "@@DATA@@": _json({
            "nodes": data["nodes"], "edges": data["edges"], "details": data["details"],
            "relations": data["relations"], "options": _vis_options(options, len(data["nodes"])),
            "kinds": {KIND_NAMES[k]: v for k, v in KIND_COLOURS.items()}, "statuses": STATUS_COLOURS,
            "verdicts": VERDICT_COLOURS, "verdictMargin": VERDICT_MARGIN, "colorBy": options.color,
            "semantics": data["semantics"], "extension": data["extension"], "sizing": data["sizing"],
            "source": data["source"], "framework": engine[0](view.amap) if engine else None,
        }),
    }
    # one pass, so that text inserted for one key is never scanned for another
    return re.sub(r"@@[A-Z_]+@@", lambda m: fill[m.group(0)], page)


def _dot_string(text: str) -> str:
    """A DOT double-quoted string (Graphviz 'lang' reference: escaped quotes).

    Characters that the SVG (XML 1.0) cannot carry become U+FFFD, the
    replacement character, since a picture only shows the text.
    """
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
    fmt = format or picture_format(path)
    options = options or RenderOptions(**kwargs)
    view = view or view_of(amap, options)
    data = render_html(amap, options, view) if fmt == "html" else render_static(amap, fmt, options, view)
    return atomic_write(path, data)
