"""SPARQL over argument maps: queries, parameters, named queries and result formats.

Queries run over a :class:`~argmap.store.Store`: the maps (each in its own
named graph), the argmap ontology and the RDFS entailments of its class and
property tree, and any evaluations ``argmap score --write`` stored.  Only
SELECT and ASK are run unless updates are allowed (SPARQL 1.1 Query Language,
W3C Recommendation 2013, sections 16.1 and 16.3).

Results are written in the SPARQL 1.1 Query Results JSON Format (W3C
Recommendation 2013) and the SPARQL 1.1 Query Results CSV and TSV Formats
(W3C Recommendation 2013), or as a plain table.

Named queries are the files ``argmap/queries/NAME.rq``; the first comment line
of each is its one-line description.  A parameter ``--param name=value`` binds
the variable ``?name`` with an inline ``VALUES`` block (SPARQL 1.1 Query,
section 10.2.1) at the start of the query's WHERE group, so that a query left
without the parameter still runs, over every value.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import QueryError, UsageError
from .names import claim_id, semantics_iri
from .namespace import NAMESPACE

__all__ = [
    "QueryResult",
    "query_form",
    "with_prefixes",
    "PREFIXES",
    "NamedQuery",
    "named_queries",
    "named_query",
    "bind_params",
    "param_docs",
    "resolve_params",
    "claim_labels",
    "parse_params",
    "syntax_error_line",
    "sparql_term",
    "to_json",
    "to_csv",
    "to_tsv",
    "to_table",
]

_PROLOGUE = re.compile(r"""(\s+|\#[^\n]*\n?|(?i:PREFIX)\s+\S*:\s*<[^>]*>|(?i:BASE)\s*<[^>]*>)""")

#: The prefixes every query may use without declaring them.
PREFIXES = {
    "am": NAMESPACE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "oa": "http://www.w3.org/ns/oa#",
    "aif": "http://www.arg.tech/aif#",
}

_QUERIES = Path(__file__).resolve().parent / "queries"


def query_form(text: str) -> str:
    """The form of a SPARQL request: SELECT, ASK, CONSTRUCT, DESCRIBE or an update keyword."""
    pos = 0
    while m := _PROLOGUE.match(text, pos):
        if m.end() == pos:
            break
        pos = m.end()
    word = re.match(r"[A-Za-z]+", text[pos:])
    return word.group(0).upper() if word else ""


def with_prefixes(text: str) -> str:
    """``text`` with a PREFIX declaration for each of :data:`PREFIXES` it uses but does not declare."""
    declared = {m.group(1).lower() for m in re.finditer(r"(?i)\bPREFIX\s+([^\s:]*):", text)}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()
             if p not in declared and re.search(rf"(?<![\w.-]){re.escape(p)}:", text)]
    return "\n".join(lines + [text]) if lines else text


@dataclass
class QueryResult:
    """The answer of a SELECT (``variables`` and ``rows``) or an ASK (``boolean``).

    ``rows`` hold rdflib terms (``URIRef``, ``Literal``, ``BNode``) or ``None``
    for an unbound variable.
    """

    variables: list[str]
    rows: list[list]
    boolean: bool | None = None


# --- named queries ------------------------------------------------------------------
@dataclass(frozen=True)
class NamedQuery:
    """A query shipped with argmap: its name, one-line description, parameters and text."""

    name: str
    description: str
    params: tuple[str, ...]
    text: str


def _read_named(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    comments = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
    return NamedQuery(path.stem, comments[0] if comments else "", tuple(param_docs(text)), text)


def param_docs(text: str) -> dict:
    """The parameters a query's ``# params:`` comment names, each with its description (``""`` if none).

    ``# params: ?claim (a claim IRI), ?thesis (a main thesis IRI)`` gives
    ``{"claim": "a claim IRI", "thesis": "a main thesis IRI"}``.
    """
    for line in text.splitlines():
        c = line.lstrip()[1:].strip() if line.lstrip().startswith("#") else ""
        if c.lower().startswith("params:"):
            return {m.group(1): m.group(2) or "" for m in re.finditer(r"\?(\w+)(?:\s*\(([^)]*)\))?", c)}
    return {}


def named_queries() -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return [_read_named(p) for p in sorted(_QUERIES.glob("*.rq"))]


def named_query(name: str) -> NamedQuery:
    """The named query ``name``; :class:`UsageError` naming the known ones if there is none."""
    path = _QUERIES / f"{name}.rq"
    if not re.fullmatch(r"[\w-]+", name) or not path.is_file():
        known = ", ".join(q.name for q in named_queries())
        raise UsageError(f"no named query {name!r} (known: {known}; see {{named_queries}})", arguments=("named_queries",))
    return _read_named(path)


def syntax_error_line(message: str) -> int | None:
    """The query line a parser's error message points at (rdflib's ``line:N``, Oxigraph's ``at N:M``)."""
    m = re.search(r"\bline:?\s*(\d+)|\bat (\d+):\d+", message)
    return int(m.group(1) or m.group(2)) if m else None


# --- parameters --------------------------------------------------------------------
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def sparql_term(value: str, declared: set) -> str:
    """A parameter value as a SPARQL term.

    ``<iri>``, ``"literal"`` (with ``@lang`` or ``^^type``), numbers and
    prefixed names with a known prefix pass as written; another text with a
    scheme (``https://...``, ``urn:...``) is an IRI; anything else a plain
    string literal.
    """
    v = value.strip()
    if v.startswith("<") and v.endswith(">") and not re.search(r"[\s<>\"{}|^`\\]", v[1:-1]):
        return v
    if v.startswith('"') and re.fullmatch(r'"([^"\\\n]|\\.)*"(@[A-Za-z]+(-[A-Za-z0-9]+)*|\^\^\S+)?', v):
        return v
    if _NUMBER.fullmatch(v) or v in ("true", "false"):
        return v
    m = re.fullmatch(r"([A-Za-z][\w.-]*)?:([\w-]*)", v)
    if m and ((m.group(1) or "") in declared or m.group(1) in PREFIXES):
        return v
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:\S+$", v) and not re.search(r"[\s<>\"{}|^`\\]", v):
        return f"<{v}>"
    return json.dumps(v, ensure_ascii=False)


def parse_params(items) -> dict:
    """``["name=value", ...]`` as a dict; :class:`UsageError` for a malformed item."""
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise UsageError(f"{{params}} wants name=value, not {item!r}", arguments=("params",))
        out[name] = value
    return out


def _param_kind(name: str, doc: str) -> str | None:
    """``"claim"`` or ``"semantics"`` when the parameter's name or its description says it is one."""
    for kind in ("semantics", "claim"):
        if name == kind or re.search(rf"\b{kind}\b", doc) or (kind == "claim" and re.search(r"\bthesis\b", doc)):
            return kind
    return None


def resolve_params(text: str, params: dict, claims) -> dict:
    """``params`` with the claims and semantics named in words replaced by their ``<IRI>``.

    A parameter is a claim when it is called ``claim`` or the query's
    ``# params:`` comment calls it a claim or thesis; its value, unless an
    ``<IRI>``, a prefixed name or a quoted literal, is resolved by
    :func:`argmap.names.claim_id` against ``claims`` (a callable giving
    ``{IRI: label}``, asked only when needed): a label (any case), a last
    segment or an IRI.  A parameter ``semantics`` (or one described as
    such) takes a command-line name (``dfquad``) or the ontology's
    (``DFQuAD``, ``DF-QuAD``).  :class:`UsageError` with the nearest names
    for one that names nothing; an IRI that is no claim passes as it is.
    """
    docs = param_docs(text)
    declared = {m.group(1) for m in re.finditer(r"(?i)\bPREFIX\s+([^\s:]*):", text)}
    out, known = dict(params), None
    for name, value in params.items():
        kind, v = _param_kind(name, docs.get(name, "")), value.strip()
        term = sparql_term(v, declared)
        if kind is None or term == v and not (_NUMBER.fullmatch(v) or v in ("true", "false")):
            continue  # an <IRI>, a prefixed name or a quoted literal is meant as written
        if kind == "semantics":
            out[name] = f"<{semantics_iri(v)}>"
            continue
        if known is None:
            known = claims()
        try:
            out[name] = f"<{claim_id(known, v, what='the maps queried')}>"
        except UsageError:
            if not term.startswith("<"):  # an IRI that is no claim may still be meant
                raise
    return out


def claim_labels(store) -> dict:
    """``{claim IRI: label}`` of every claim in ``store`` (None for a claim without a label)."""
    res = store.query("SELECT ?c (MIN(STR(?l)) AS ?label) WHERE { ?c a am:Claim OPTIONAL { ?c rdfs:label ?l } } "
                      "GROUP BY ?c")
    return {str(c): None if label is None else str(label) for c, label in res.rows}


def bind_params(text: str, params: dict) -> str:
    """``text`` with each parameter bound by a ``VALUES`` block opening its WHERE group."""
    if not params:
        return text
    declared = {m.group(1) for m in re.finditer(r"(?i)\bPREFIX\s+([^\s:]*):", text)}
    for name in params:
        if not re.search(rf"[?$]{name}\b", text):
            raise UsageError(f"the query has no variable ?{name} for {{params}} {name}", arguments=("params",))
    block = " ".join(f"VALUES ?{n} {{ {sparql_term(v, declared)} }}" for n, v in params.items())
    m = _first_brace(text)
    if m is None:
        raise QueryError("the query has no WHERE group to bind parameters in")
    return text[: m + 1] + " " + block + " " + text[m + 1:]


def _first_brace(text: str) -> int | None:
    """Index of the first ``{`` outside comments, strings and IRIs."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if ch in "\"'":
            j = i + 1
            while j < n and text[j] != ch:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if ch == "<":
            m = re.match(r"<[^<>\"{}|^`\\\s]*>", text[i:])
            if m:
                i += m.end()
                continue
        if ch == "{":
            return i
        i += 1
    return None


# --- result formats -----------------------------------------------------------------
def _json_term(term) -> dict:
    """An RDF term in SPARQL 1.1 Query Results JSON (section 3.2.2)."""
    from rdflib import BNode, Literal  # lazy: rdflib takes 0.2 s to import

    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "uri", "value": str(term)}


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON Format: ``head``/``vars`` with ``results``/``bindings``, or ``boolean``."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}, indent=2)
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                      indent=2, ensure_ascii=False)


def to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV (section 2): names, then plain values, CRLF line ends.

    An IRI is written as it is, a literal as its lexical form (language and
    datatype dropped, as the format says), a blank node as ``_:label``; an
    ASK gives ``true`` or ``false``.
    """
    from rdflib import BNode  # lazy: rdflib takes 0.2 s to import

    if result.boolean is not None:
        return ("true" if result.boolean else "false") + "\r\n"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
    return buf.getvalue()


def _tsv_term(term) -> str:
    """An RDF term in SPARQL/Turtle syntax, as the TSV results format wants (section 3)."""
    from rdflib import XSD, BNode, Literal  # lazy: rdflib takes 0.2 s to import

    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        if term.datatype == XSD.integer and re.fullmatch(r"[+-]?\d+", str(term)):
            return str(term)
        text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace(
            "\r", "\\r").replace("\t", "\\t")
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return f"<{term}>"


def to_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV (section 3): ``?name`` header, terms in SPARQL syntax, LF line ends."""
    if result.boolean is not None:
        return ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def to_table(result: QueryResult, namespace_manager=None) -> str:
    """Aligned plain-text columns; IRIs as prefixed names where a prefix is known."""
    from rdflib import URIRef  # lazy: rdflib takes 0.2 s to import

    if result.boolean is not None:
        return "true" if result.boolean else "false"

    def show(t):
        if t is None:
            return ""
        if isinstance(t, URIRef):
            if namespace_manager is not None:
                return namespace_manager.normalizeUri(t)
            for p, iri in PREFIXES.items():
                if str(t).startswith(iri) and re.fullmatch(r"[\w-]+", str(t)[len(iri):]):
                    return f"{p}:{str(t)[len(iri):]}"
            return f"<{t}>"
        return str(t)

    rows = [[show(t) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(result.variables)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(result.variables, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)
