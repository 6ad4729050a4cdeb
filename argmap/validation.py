"""Validate argument maps: SHACL shapes, structure, and quotes against sources.

:func:`validate` checks each map file on its own and returns its
:class:`Finding` s, sorted; an empty list means the map is valid.  Three
families of checks run:

1. **Shapes** (:func:`shacl_findings`): ``ontology/shapes.ttl`` through pySHACL,
   with the ontology added to the data graph so that ``sh:targetClass`` and
   ``sh:class`` see its subclasses (W3C SHACL, sections 2.1.3.3 and 4.1.3).
   A claim has text; a relation has one or more premises and exactly one
   target of the right kind; base scores and weights lie in [0, 1]; a quote is
   non-empty and names its source; a critical question status is answered or
   open and names one question; ...
2. **Structure** (:func:`structure_findings`): what SHACL cannot express:
   support that runs in a circle (a claim that, through support alone, is a
   reason for itself: begging the question), a relation whose premise is its
   own target, undercuts that undercut each other in a circle, a main thesis
   that no relation reaches, claims from which no chain of relations leads
   to the main thesis, and a critical question status whose question is not
   one of the scheme its relation applies.
3. **Quotes** (:func:`quote_findings`): a quote's offsets span as many
   characters as its exact text; with ``sources``, its exact text must equal
   the source text between its offsets (W3C Web Annotation,
   sections 4.2.4 and 4.2.5: offsets count characters from 0, the end is
   exclusive; argmap counts Unicode code points).

A file that cannot be read or parsed raises :class:`~argmap.errors.ArgmapError`
(exit 2); findings are data, and the command line turns them into exit 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Graph, Namespace, URIRef

from ._files import read_text
from .anchor import QuoteNotFound, reanchor
from .errors import UsageError
from .io import read_graph
from .model import _locate
from .namespace import local_name
from .ontology import ontology_graph, shapes_graph, subclass_closure
from .vocab import AM

__all__ = ["Finding", "validate", "validate_graph", "shacl_findings", "structure_findings", "quote_findings",
           "read_source_text"]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem of a map: where it is, which node, and what is wrong."""

    path: str
    line: int
    node: str
    message: str

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "")
        return f"{where}: {self.node}: {self.message}"


# --- entry points ---------------------------------------------------------------------

def validate(paths, *, sources=None, format: str | None = None) -> list[Finding]:
    """Validate each map file of ``paths`` on its own; all findings, sorted.

    Parameters
    ----------
    paths : iterable of path
        Map files (format from each suffix unless ``format`` is given).
    sources : dict, optional
        Source texts to check quotes against: ``{None: path}`` checks every
        quote against one file; ``{source IRI: path}`` checks the quotes of
        that source.  Omitted: quotes are not compared with any text.
    """
    texts = {key: read_source_text(p) for key, p in (sources or {}).items()}
    findings: list[Finding] = []
    for path in paths:
        graph = read_graph(path, format)
        findings += validate_graph(graph, path=str(path), source_texts=texts)
    return sorted(findings)


def validate_graph(graph, *, path: str = "<graph>", source_texts=None) -> list[Finding]:
    """All findings of one map's ``graph``, sorted; ``path`` names it in messages.

    A finding about a quote is pointed at the line where the quote is
    described (its ``am:start`` is there), or where its claim is for a
    quote written ``[ ... ]`` inside the claim, and its message leads with the
    claim (or relation) the quote is of: ``claim "LABEL": ...``.
    """
    found = shacl_findings(graph) + structure_findings(graph) + quote_findings(graph, source_texts)
    unique = dict.fromkeys(found)  # one finding per node and message, first seen first
    quotes = set(_quotes(graph))
    out = []
    for node, message in unique:
        line = _locate(path, str(node))
        if node in quotes:  # its own line, or for a quote written [ ... ] inside its claim, the claim's
            owner = min(graph.subjects(AM.quote, node), key=str, default=None)
            line = (_subject_line(path, str(node)) or line
                    or (owner is not None and (_subject_line(path, str(owner)) or _locate(path, str(owner)))))
            message = _quote_owner(graph, node) + message
        out.append(Finding(path, line or 0, _name(graph, node), message))
    return sorted(out)


def _subject_line(path: str, iri: str) -> int | None:
    """The first line of a Turtle file that begins with ``iri`` as a subject (``:name`` or ``<iri>``)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    local = local_name(iri)
    pattern = re.compile(r"\s*(?:<" + re.escape(iri) + r">|[\w.-]*:" + re.escape(local) + r")\s" if local else
                         r"\s*<" + re.escape(iri) + r">\s")
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line + " ")), None)


def _quote_owner(graph, quote) -> str:
    """``claim "LABEL": `` for the claim a quote is of (``relation :r: `` for a relation's); empty if none."""
    owners = sorted(graph.subjects(AM.quote, quote), key=str)
    if not owners:
        return ""
    owner = owners[0]
    said = sorted(str(v) for v in graph.objects(owner, RDFS.label)) or sorted(str(v) for v in graph.objects(owner, AM.text))
    if owner in _kinds(graph)[AM.Claim]:
        return f'claim "{said[0]}": ' if said else f"claim {_name(graph, owner)}: "
    return f"quote of {_name(graph, owner)}: "


def read_source_text(path) -> str:
    """A source's text exactly as stored: UTF-8, newlines untranslated, so that
    offsets count the same characters as the file holds."""
    return read_text(path)


def parse_source_options(values) -> dict:
    """``--source`` values, ``FILE`` or ``IRI=FILE``, as :func:`validate` wants them."""
    out: dict = {}
    for value in values:
        iri, sep, file = value.rpartition("=")
        key = iri if sep and "://" in iri else None
        file = file if key else value
        if key in out:
            raise UsageError("give one {source} for all quotes, or one IRI=FILE per source",
                             arguments=("source",))
        out[key] = file
    if None in out and len(out) > 1:
        raise UsageError("give one {source} for all quotes, or one IRI=FILE per source", arguments=("source",))
    return out


# --- the checks ------------------------------------------------------------------------

def _name(graph, node) -> str:
    """A node as the map writes it: a prefixed name where a prefix fits, else <IRI>."""
    if isinstance(node, URIRef):
        try:
            prefix, _, local = graph.namespace_manager.compute_qname(str(node), generate=False)
            return f"{prefix}:{local}"
        except (KeyError, ValueError):
            return f"<{node}>"
    if isinstance(node, BNode):
        # A blank node's label changes from one parse to the next: name it by its types.
        types = sorted(_name(graph, t) for t in graph.objects(node, RDF.type))
        return "[" + ("a " + ", ".join(types) if types else "blank node") + "]"
    return str(node)


def shacl_findings(graph) -> list[tuple]:
    """(node, message) for each SHACL validation result of ``graph`` against the shapes."""
    import pyshacl  # lazy: pyshacl takes 0.3 s to import

    SH = Namespace("http://www.w3.org/ns/shacl#")
    # The ontology goes into the data graph by a plain union: pySHACL's own
    # ont_graph mixing clones node by node and takes a minute on this ontology.
    data = Graph()
    data += ontology_graph()
    data += graph
    conforms, results, text = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none",
        abort_on_first=False, allow_warnings=False, meta_shacl=False, advanced=False,
    )
    if not isinstance(results, Graph):  # pySHACL could not run the shapes: a bug in them, not the map
        raise RuntimeError(f"SHACL shapes cannot run: {text}")
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        node = results.value(result, SH.focusNode)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        message = messages[0] if messages else "violates " + str(results.value(result, SH.sourceConstraintComponent))
        value = results.value(result, SH.value)
        if value is not None and value != node:
            message += f" (value: {_name(graph, value)})"
        out.append((node, message))
    return out


def _kinds(graph):
    """The map's claims and relations by kind, with the ontology's subclasses."""
    roots = (AM.Claim, AM.Support, AM.Attack, AM.Undercut)
    closure = subclass_closure(roots, ontology_graph(), graph)
    return {root: {s for c in closure[root] for s in graph.subjects(RDF.type, c)} for root in roots}


def structure_findings(graph) -> list[tuple]:
    """(node, message) for each structural problem SHACL cannot express.

    Circular support is found as the strongly connected components of the
    support graph (premise to target) with more than one claim (Tarjan 1972,
    via networkx); undercut cycles likewise on the undercut graph (undercut
    to the relation it targets).  Reachability of the main thesis follows
    premise to relation and relation to target, so that the premises of an
    undercut reach what the undercut relation bears on.
    """
    import networkx as nx  # lazy: networkx takes 0.2 s to import

    kinds = _kinds(graph)
    claims = kinds[AM.Claim]
    relations = kinds[AM.Support] | kinds[AM.Attack] | kinds[AM.Undercut]
    out = []

    support, undercuts, reach = nx.DiGraph(), nx.DiGraph(), nx.DiGraph()
    for rel in sorted(relations, key=str):
        premises = set(graph.objects(rel, AM.premise))
        targets = set(graph.objects(rel, AM.target))
        for target in targets:
            if target in premises:
                out.append((rel, f"relation has {_name(graph, target)} as both premise and target"))
            if rel == target:
                out.append((rel, "relation targets itself"))
            reach.add_edge(rel, target)
            if rel in kinds[AM.Support]:
                support.add_edges_from((p, target) for p in premises)
            if rel in kinds[AM.Undercut] and target in relations:
                undercuts.add_edge(rel, target)
        reach.add_edges_from((p, rel) for p in premises)

    for label, g in (("claims support each other in a circle", support),
                     ("undercuts undercut each other in a circle", undercuts)):
        for component in nx.strongly_connected_components(g):
            if len(component) > 1:
                members = sorted(component, key=str)
                out.append((members[0], f"{label}: " + ", ".join(_name(graph, m) for m in members)))

    out += _question_findings(graph)

    for thesis in sorted(set(graph.objects(None, AM.mainThesis)), key=str):
        if thesis not in claims:
            continue  # the shapes report a main thesis that is not a claim
        if not any(graph.subjects(AM.target, thesis)) and len(claims) > 1:
            out.append((thesis, "main thesis: no relation supports or attacks it"))
        reaching = nx.ancestors(reach, thesis) if thesis in reach else set()
        for claim in sorted(claims - reaching - {thesis}, key=str):
            out.append((claim, f"claim does not bear on the main thesis {_name(graph, thesis)}: "
                               "no chain of relations leads from it to the thesis"))
    return out


def _question_findings(graph) -> list[tuple]:
    """Each critical question status whose question is not one of its relation's scheme.

    Walton, Reed and Macagno (2008) attach critical questions to a scheme; a
    relation can only answer or leave open the questions of the scheme it
    applies.  The scheme's questions come from the ontology and the map.
    """
    def questions_of(scheme):
        found = set()
        for g in (ontology_graph(), graph):
            found.update(g.objects(scheme, AM.criticalQuestion))
            found.update(g.subjects(AM.questionOf, scheme))
        return found

    out = []
    for rel, status in sorted(graph.subject_objects(AM.questionStatus), key=str):
        schemes = set(graph.objects(rel, AM.scheme))
        allowed = set().union(*(questions_of(s) for s in schemes)) if schemes else set()
        for question in sorted(graph.objects(status, AM.question), key=str):
            if question in allowed:
                continue
            q, r = _name(graph, question), _name(graph, rel)
            if schemes:
                names = ", ".join(sorted(_name(graph, s) for s in schemes))
                out.append((status, f"the question {q} is not a critical question of {names}, the scheme {r} applies"))
            else:
                out.append((status, f"the question {q} has no scheme to come from: {r} applies no am:scheme"))
    return out


def _quotes(graph) -> list:
    """The quotes of ``graph``: nodes of am:Quote (or a subclass) and objects of am:quote, sorted."""
    quote_classes = subclass_closure((AM.Quote,), ontology_graph(), graph)[AM.Quote]
    quotes = {q for c in quote_classes for q in graph.subjects(RDF.type, c)} | set(graph.objects(None, AM.quote))
    return sorted(quotes, key=str)


def _where_instead(text: str, exact: str, start: int) -> str:
    """Where a quote that does not fit its offsets is in ``text``: the offsets to use, or the closest passage.

    The quote is found by :func:`argmap.anchor.reanchor`: its exact text, else
    the text with whitespace, quotation marks, dashes and case aside (then
    the source's own characters are the exact text to use); of several
    places, the one nearest ``start``.
    """
    try:
        span = reanchor(text, exact, start)
    except QuoteNotFound as exc:
        closest = f"; the closest passage is {exc.closest} (similarity {exc.similarity:.2f})" if exc.closest else ""
        return "; the exact text occurs nowhere in the source" + closest
    use = f"use am:start {span.start} ; am:end {span.end}"
    if span.exact != exact:
        shown = span.exact.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f"; the quote is at [{span.start}, {span.end}) as the source writes it: {use} ; am:exact \"{shown}\""
    return f"; the exact text is at [{span.start}, {span.end}): {use}"


def quote_findings(graph, source_texts: dict | None = None) -> list[tuple]:
    """(node, message) for each quote whose offsets do not fit its exact text.

    Always: the offsets must span as many characters as the exact text has.
    With ``source_texts`` (a source IRI to its text, or ``None`` to a text
    that every quote is checked against), the exact text must also be the
    source's text between the offsets.
    """
    source_texts = source_texts or {}
    out = []
    for q in _quotes(graph):
        exact, start, end = (graph.value(q, p) for p in (AM.exact, AM.start, AM.end))
        if exact is None:
            continue  # the shapes report a quote without exact text
        exact = str(exact)
        source = graph.value(q, AM.inSource)
        text = source_texts.get(None, source_texts.get(str(source)) if isinstance(source, URIRef) else None)
        if start is None or end is None:
            if text is not None:
                out.append((q, "quote has no offsets (am:start, am:end) to check against the source"))
            continue
        try:
            start, end = int(start), int(end)
        except (TypeError, ValueError):
            continue  # the shapes report offsets that are not integers
        if start > end:  # no span to measure or to find in the source
            out.append((q, f"quote offsets [{start}, {end}) are in the wrong order: start {start} is after end {end}"))
            continue
        if end - start != len(exact):
            out.append((q, f"quote's offsets span {end - start} characters but its exact text has {len(exact)}"))
        if text is None:
            continue
        hint = _where_instead(text, exact, start)
        if not 0 <= start <= end <= len(text):
            out.append((q, f"quote offsets [{start}, {end}) lie outside the source (length {len(text)}){hint}"))
        elif text[start:end] != exact:
            seen = text[start:end]
            seen = seen if len(seen) <= 60 else seen[:57] + "..."
            out.append((q, f"quote does not match the source at [{start}, {end}): the source has {seen!r}{hint}"))
    return out
