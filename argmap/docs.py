"""An HTML reference of the argmap ontology.

pyLODE 3.3 (its OntPub profile) documents the classes and properties: label,
definition, domain, range, super- and subclasses, and where each is used.  It
leaves out named individuals and datatypes, which argmap has many of (the
argumentation schemes of Walton, Reed and Macagno 2008 with their critical
questions, and the semantics), so :func:`ontology_docs` adds a section for
them before pyLODE's namespace list.

pyLODE is imported only here, and the page is written whole or not at all.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

import rdflib
from rdflib import RDF, RDFS, URIRef

from ._files import atomic_write
from .errors import InputError, UsageError
from .ontology import ontology_path
from .vocab import AM

__all__ = ["ontology_html", "ontology_docs"]

_SKOS_DEFINITION = "http://www.w3.org/2004/02/skos/core#definition"
_SKOS_NOTATION = "http://www.w3.org/2004/02/skos/core#notation"


def _text(graph, node, prop) -> str:
    value = graph.value(node, URIRef(prop) if isinstance(prop, str) else prop)
    return "" if value is None else str(value)


def _individuals_section(graph) -> str:
    """HTML for the ontology's datatypes, schemes with their questions, and semantics."""
    def entry(node, body=""):
        local = str(node).rsplit("#", 1)[-1]
        label = html.escape(_text(graph, node, RDFS.label) or local)
        definition = html.escape(_text(graph, node, _SKOS_DEFINITION) or _text(graph, node, RDFS.comment))
        return (f'<div class="entity" id="{html.escape(local)}"><h3>{label} <sup>am:{html.escape(local)}</sup></h3>'
                f'<p><code>{html.escape(str(node))}</code></p><p>{definition}</p>{body}</div>\n')

    parts = ['<div id="individuals">\n<h2>Datatypes and named individuals</h2>\n']
    parts.append("<h3>Datatypes</h3>\n")
    for node in sorted(graph.subjects(RDF.type, RDFS.Datatype), key=str):
        if str(node).startswith(str(AM._NS)):
            parts.append(entry(node))
    parts.append("<h3>Argumentation schemes and their critical questions</h3>\n")
    for scheme in sorted(graph.subjects(RDF.type, AM.ArgumentationScheme), key=str):
        questions = sorted(graph.objects(scheme, AM.criticalQuestion), key=lambda q: (len(str(q)), str(q)))
        items = "".join(
            f'<li id="{html.escape(str(q).rsplit("#", 1)[-1])}"><b>{html.escape(_text(graph, q, _SKOS_NOTATION))}</b> '
            f'{html.escape(_text(graph, q, AM.questionText))} <code>am:{html.escape(str(q).rsplit("#", 1)[-1])}</code></li>'
            for q in questions
        )
        parts.append(entry(scheme, f"<ol>{items}</ol>"))
    parts.append("<h3>Semantics</h3>\n")
    for cls in (AM.GradualSemantics, AM.ExtensionSemantics):
        for node in sorted(graph.subjects(RDF.type, cls), key=str):
            parts.append(entry(node, f"<p>A {html.escape(_text(graph, cls, RDFS.label))}.</p>"))
    parts.append("</div>\n")
    return "".join(parts)


def ontology_html(path=None) -> str:
    """The HTML reference of the ontology at ``path`` (default: the bundled one)."""
    try:
        from pylode import OntPub  # lazy: pylode is optional (argmap[docs])
    except ImportError:
        raise UsageError("ontology-docs needs pyLODE 3.3: pip install 'argmap[docs]'") from None
    source = Path(path) if path is not None else ontology_path()
    if not source.is_file():
        raise InputError("no such ontology file", path=str(source))
    graph = rdflib.Graph().parse(source, format="turtle")
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.WARNING)  # pyLODE logs its progress on the root logger
    try:
        page = OntPub(ontology=graph).make_html()
    finally:
        root.setLevel(level)
    marker = '<div id="namespaces">'
    extra = _individuals_section(graph)
    return page.replace(marker, extra + marker, 1) if marker in page else page.replace("</body>", extra + "</body>", 1)


def ontology_docs(directory) -> Path:
    """Write the reference to ``directory/index.html`` (creating the folder); return its path.

    The page is built in memory first and written atomically, so a failure
    leaves no partial file.
    """
    page = ontology_html()
    target = Path(directory)
    if target.exists() and not target.is_dir():
        raise InputError("exists and is not a folder", path=str(target))
    target.mkdir(parents=True, exist_ok=True)
    return atomic_write(target / "index.html", page)
