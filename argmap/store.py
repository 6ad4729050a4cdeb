"""Where the triples live: in memory, in an Oxigraph store on disk, or on a SPARQL server.

One interface, :class:`Store`, over three backends:

* :class:`MemoryStore`: an rdflib ``Dataset`` in memory, the default for a few files;
* :class:`OxigraphStore`: a pyoxigraph store in a folder on disk, parsed and
  queried natively (much faster on large maps);
* :class:`EndpointStore`: any SPARQL 1.1 server, spoken to over the SPARQL 1.1
  Protocol (W3C Recommendation 2013): queries as ``query=`` and updates as
  ``update=`` in an ``application/x-www-form-urlencoded`` POST (sections 2.1.3
  and 2.2.2), answers asked for as SPARQL 1.1 Query Results JSON.

Every backend holds the same RDF dataset (SPARQL 1.1 Query, section 13):

* each map in a named graph of its own, its IRI the map file's ``file:`` URI
  unless one is given; loading or pushing a map again replaces that graph;
* the argmap ontology in the named graph ``https://w3id.org/argmap``;
* the default graph is the union of all of them, so a query without ``GRAPH``
  sees every map and the ontology together, and ``GRAPH ?g`` tells maps apart.

RDFS entailment is materialised, not rewritten into queries: the triples that
the RDFS rules rdfs5, rdfs7, rdfs9 and rdfs11 (RDF 1.1 Semantics, W3C
Recommendation 2014, section 9.2.1) derive from the ``rdfs:subClassOf`` and
``rdfs:subPropertyOf`` axioms between named classes and properties are added
to the graph that holds their premise.  So ``?x a am:Claim`` finds a
``am:PolicyClaim`` and ``?x prov:wasAttributedTo ?a`` finds ``am:attributedTo``
on every backend and in any query.  The memory store and a server get them
when a map is loaded or pushed.  The Oxigraph store adds them on demand, so
that loading a large map stays a bulk load: before a query runs, the
entailments of each class and property that its patterns name (of all of
them, when a pattern has a variable there) are added to every map, once, and
a map loaded later gets those at once (:func:`needed_vocabulary`).  The reflexive rules (rdfs6, rdfs8, rdfs10)
and the domain and range rules (rdfs2, rdfs3) are not applied.

Queries are read-only: an update (SPARQL 1.1 Update, W3C Recommendation 2013)
is refused unless ``allow_update`` is set.  Every failure of a backend (a
server that is down, slow or answers with an error, a query that runs past its
timeout) is a :class:`~argmap.errors.StoreError` or
:class:`~argmap.errors.QueryError`, one line, exit code 2.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, QueryError, StoreError, UsageError
from .query import QueryResult, query_form, with_prefixes

__all__ = [
    "Store",
    "MemoryStore",
    "OxigraphStore",
    "EndpointStore",
    "LoadReport",
    "ONTOLOGY_GRAPH",
    "UPDATE_FORMS",
    "graph_iri",
    "rdfs_hierarchy",
    "entailed_triples",
    "open_store",
]

#: The named graph that holds the argmap ontology in every store.
ONTOLOGY_GRAPH = "https://w3id.org/argmap"

#: The first keywords of a SPARQL 1.1 Update request (SPARQL 1.1 Update, section 3).
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")

#: Environment variables that hold an endpoint's credentials (HTTP Basic authentication).
USER_VAR, PASSWORD_VAR = "ARGMAP_ENDPOINT_USER", "ARGMAP_ENDPOINT_PASSWORD"

#: Triples per INSERT DATA request (Virtuoso refuses 2,000 or more in one).
BATCH = 1000

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_SUBPROPERTY = "http://www.w3.org/2000/01/rdf-schema#subPropertyOf"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True)
class LoadReport:
    """What one map put into a store: its graph, the triples read, and those stored with entailments."""

    path: str
    graph: str
    triples: int
    stored: int


def graph_iri(path, graph: str | None = None) -> str:
    """The named graph a map file goes into: ``graph`` if given, else the file's ``file:`` URI."""
    return graph or Path(path).resolve().as_uri()


# --- RDFS entailment ------------------------------------------------------------
def rdfs_hierarchy(pairs) -> dict:
    """The strict transitive closure of (sub, super) pairs: sub -> set of its supers.

    Rules rdfs5 and rdfs11 (RDF 1.1 Semantics, section 9.2.1); a cycle makes
    its members each other's supers, never their own.
    """
    up: dict = {}
    for sub, sup in pairs:
        if sub != sup:
            up.setdefault(sub, set()).add(sup)
    closed = {}
    for start in up:
        seen, todo = set(), list(up[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(up.get(node, ()))
        seen.discard(start)
        closed[start] = seen
    return closed


def _named_pairs(graph, predicate):
    from rdflib import URIRef

    return [(s, o) for s, o in graph.subject_objects(predicate) if isinstance(s, URIRef) and isinstance(o, URIRef)]


def _hierarchies(*graphs):
    from rdflib import RDFS

    classes = rdfs_hierarchy(p for g in graphs for p in _named_pairs(g, RDFS.subClassOf))
    properties = rdfs_hierarchy(p for g in graphs for p in _named_pairs(g, RDFS.subPropertyOf))
    return classes, properties


def entailed_triples(graph, classes: dict, properties: dict) -> set:
    """The triples rdfs7 and rdfs9 derive from ``graph`` and that it lacks.

    ``classes`` and ``properties`` are closed hierarchies from :func:`rdfs_hierarchy`.
    """
    from rdflib import RDF

    new = set()
    for cls, supers in classes.items():
        for x in graph.subjects(RDF.type, cls):
            new.update((x, RDF.type, sup) for sup in supers)
    for prop, supers in properties.items():
        for s, o in graph.subject_objects(prop):
            new.update((s, sup, o) for sup in supers)
    return {t for t in new if t not in graph}


def _closure_triples(classes: dict, properties: dict) -> set:
    """The subclass and subproperty axioms rdfs5 and rdfs11 derive."""
    from rdflib import RDFS

    out = {(c, RDFS.subClassOf, s) for c, sups in classes.items() for s in sups}
    out |= {(p, RDFS.subPropertyOf, s) for p, sups in properties.items() for s in sups}
    return out


def _ontology_with_closure():
    """A copy of the ontology graph with its own RDFS closure added."""
    import rdflib

    from .ontology import ontology_graph

    g = rdflib.Graph()
    g += ontology_graph()
    for t in _closure_triples(*_hierarchies(g)):
        g.add(t)
    return g


def needed_vocabulary(text: str):
    """The classes and properties whose entailed instances the query ``text`` can see.

    Returns ``(classes, properties)``: sets of IRIs, or None for "any", when a
    pattern has a variable (or a property path) in the predicate, or a
    variable as the class of ``rdf:type``.  Patterns inside ``FILTER EXISTS``
    and ``GRAPH`` count too.  A query that rdflib's parser does not read, and
    a DESCRIBE, need everything.
    """
    from rdflib import RDF, URIRef
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        algebra = translateQuery(parseQuery(text)).algebra
    except Exception:  # noqa: BLE001 - any query rdflib cannot read: assume the worst
        return None, None
    if algebra.name == "DescribeQuery":
        return None, None
    classes: set | None = set()
    properties: set | None = set()
    seen: set = set()
    todo = [algebra]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            if getattr(node, "name", None) in ("BGP", "TriplesBlock"):  # TriplesBlock: inside EXISTS, untranslated
                flat = [x for t in node.get("triples", ()) for x in t]
                for p, o in zip(flat[1::3], flat[2::3]):
                    if not isinstance(p, URIRef):  # a variable or a property path
                        classes = properties = None
                    elif p == RDF.type:
                        if not isinstance(o, URIRef):
                            classes = None
                        elif classes is not None:
                            classes.add(str(o))
                    elif properties is not None:
                        properties.add(str(p))
            todo.extend(node.values())
        elif isinstance(node, (list, tuple, set)):
            todo.extend(node)
    return classes, properties


# --- running with a deadline ------------------------------------------------------
def _with_deadline(fn, timeout: float | None, what: str):
    """Run ``fn()``; raise :class:`QueryError` if it has not finished after ``timeout`` seconds.

    The work runs in a daemon thread, which is abandoned (not killed) on timeout.
    """
    if not timeout:
        return fn()
    box: dict = {}

    def work():
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryError(f"{what} did not finish within {timeout:g} s (--timeout)")
    if "error" in box:
        raise box["error"]
    return box["value"]


def _check_form(text: str, allow_update: bool) -> str:
    form = query_form(text)
    if form in UPDATE_FORMS:
        if not allow_update:
            raise QueryError(f"{form} is an update: only SELECT and ASK queries are allowed, "
                             "unless --allow-update is given")
        return "UPDATE"
    if form not in ("SELECT", "ASK"):
        raise QueryError(f"only SELECT and ASK queries (or updates with --allow-update) are allowed, not {form or 'this'}")
    return form


def _clip(message) -> str:
    return " ".join(str(message).split())[:200]


# --- the interface -------------------------------------------------------------------
class Store:
    """Triples that SPARQL can query: maps in named graphs, the ontology, RDFS entailments.

    Subclasses implement :meth:`_select` / :meth:`_ask` / :meth:`_update`,
    :meth:`load` and :meth:`graphs`; :meth:`query` and :meth:`count` are shared.
    """

    #: Short name of the backend: memory, oxigraph or endpoint.
    kind = "store"

    def query(self, text: str, *, timeout: float | None = None, allow_update: bool = False) -> QueryResult:
        """Run a SPARQL 1.1 SELECT or ASK query (an update only with ``allow_update``).

        Well-known prefixes (``am:``, ``rdf:``, ``rdfs:``, ``owl:``, ``xsd:``,
        ``prov:``, ...) are declared unless the query declares them itself.
        An update returns ``QueryResult([], [], None)``.
        """
        form = _check_form(text, allow_update)
        text = with_prefixes(text)
        if form == "UPDATE":
            self._update(text, timeout)
            return QueryResult([], [], None)
        return self._run(text, form, timeout)

    def count(self, graph: str | None = None, *, timeout: float | None = None) -> int:
        """The number of triples in ``graph`` (every graph if None)."""
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        res = self._run(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", "SELECT", timeout)
        return int(res.rows[0][0].toPython()) if res.rows else 0

    def graphs(self) -> list[str]:
        """The named graphs that hold maps (the ontology's graph excluded), sorted."""
        raise NotImplementedError

    def load(self, paths, *, graph: str | None = None, format: str | None = None) -> list[LoadReport]:
        """Put each map file in its own named graph (replacing it), with the ontology and entailments."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the store (files, connections)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _run(self, text, form, timeout) -> QueryResult:
        raise NotImplementedError

    def _update(self, text, timeout) -> None:
        raise NotImplementedError


def _check_graph_option(paths, graph):
    if graph and len(paths) != 1:
        raise UsageError("--graph names the graph of one map; give one MAP")


# --- in memory: rdflib -------------------------------------------------------------
class MemoryStore(Store):
    """Maps in an rdflib ``Dataset`` in memory; the default for a few files."""

    kind = "memory"

    def __init__(self):
        import rdflib

        self.dataset = rdflib.Dataset(default_union=True)
        self.dataset.bind("am", ONTOLOGY_GRAPH + "#")
        self._ontology_loaded = False
        self._dirty = False

    @classmethod
    def from_map(cls, amap, graph: str | None = None) -> "MemoryStore":
        """A store over an already loaded :class:`~argmap.model.ArgumentMap` (one graph)."""
        store = cls()
        name = graph or (graph_iri(amap.paths[0]) if len(amap.paths) == 1 else "urn:argmap:map")
        store._put(name, amap.graph)
        return store

    def _put(self, name, source_graph):
        from rdflib import URIRef

        if not self._ontology_loaded:
            onto = self.dataset.graph(URIRef(ONTOLOGY_GRAPH))
            onto += _ontology_with_closure()
            self._ontology_loaded = True
        self.dataset.remove_graph(URIRef(name))
        target = self.dataset.graph(URIRef(name))
        target += source_graph
        for prefix, ns in source_graph.namespaces():
            self.dataset.bind(prefix, ns, override=False)
        self._dirty = True
        return target

    def load(self, paths, *, graph=None, format=None, check: bool = True) -> list[LoadReport]:
        """As :meth:`Store.load`; with ``check``, each map must also be a usable argument map."""
        from .io import read_graph
        from .model import ArgumentMap

        _check_graph_option(paths, graph)
        parts = [(path, read_graph(path, format)) for path in paths]
        if check:  # the maps together, as argmap's other commands read them
            import rdflib

            merged = rdflib.Graph()
            for _, part in parts:
                merged += part
            ArgumentMap(merged, paths=paths).check()
        reports = []
        for path, part in parts:
            name = graph_iri(path, graph)
            self._put(name, part)
            reports.append(LoadReport(str(path), name, len(part), len(part)))
        self._entail()
        return [LoadReport(r.path, r.graph, r.triples, len(self._graph(r.graph))) for r in reports]

    def _graph(self, name):
        from rdflib import URIRef

        return self.dataset.graph(URIRef(name))

    def _entail(self):
        if not self._dirty:
            return
        maps = [g for g in self.dataset.graphs() if str(g.identifier) not in (ONTOLOGY_GRAPH,)
                and g.identifier != self.dataset.default_graph.identifier]
        classes, properties = _hierarchies(self._graph(ONTOLOGY_GRAPH), *maps)
        for g in maps:
            for t in entailed_triples(g, classes, properties):
                g.add(t)
        self._dirty = False

    def graphs(self) -> list[str]:
        skip = {ONTOLOGY_GRAPH, str(self.dataset.default_graph.identifier)}
        return sorted(str(g.identifier) for g in self.dataset.graphs() if str(g.identifier) not in skip and len(g))

    def _run(self, text, form, timeout):
        self._entail()

        def run():
            try:
                res = self.dataset.query(text)
            except Exception as exc:  # pyparsing's and rdflib's own errors
                raise QueryError(f"bad SPARQL: {_clip(exc)}") from None
            if res.type == "ASK":
                return QueryResult([], [], bool(res.askAnswer))
            return QueryResult([str(v) for v in res.vars], [list(row) for row in res])

        return _with_deadline(run, timeout, "the query")

    def _update(self, text, timeout):
        self._entail()

        def run():
            try:
                self.dataset.update(text)
            except Exception as exc:
                raise QueryError(f"bad SPARQL update: {_clip(exc)}") from None

        _with_deadline(run, timeout, "the update")


# --- on disk: Oxigraph ------------------------------------------------------------------
@contextmanager
def _query_errors():
    """Turn Oxigraph's errors while querying into one-line query errors."""
    try:
        yield
    except SyntaxError as exc:
        raise QueryError(f"bad SPARQL: {_clip(exc)}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the query failed: {_clip(exc)}") from None


def _ox_reader():
    """A function from pyoxigraph terms to rdflib terms (plain and language strings without xsd:string).

    It remembers the IRIs and datatypes it has made, because rdflib checks
    every IRI it is given and answers repeat them.
    """
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    iris: dict = {}

    def iri(value):
        made = iris.get(value)
        if made is None:
            made = iris[value] = URIRef(value)
        return made

    def read(term):
        if term is None:
            return None
        kind = type(term)
        if kind is ox.NamedNode:
            return iri(term.value)
        if kind is ox.Literal:
            if term.language:
                return Literal(term.value, lang=term.language)
            dt = term.datatype.value
            return Literal(term.value) if dt == _XSD_STRING else Literal(term.value, datatype=iri(dt))
        if kind is ox.BlankNode:
            return BNode(term.value)
        raise QueryError(f"argmap cannot show the term {term!r}")

    return read


def _to_ox(term):
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(term)


class OxigraphStore(Store):
    """Maps in an Oxigraph store in the folder ``path`` (created if missing).

    Turtle, N-Triples and RDF/XML files are parsed by Oxigraph itself; the
    other formats argmap reads go through its reader registry first.
    """

    kind = "oxigraph"

    def __init__(self, path, *, create: bool = True):
        try:
            import pyoxigraph
        except ImportError:  # pragma: no cover - a dependency
            raise StoreError("the Oxigraph store needs pyoxigraph (pip install pyoxigraph)") from None
        path = Path(path)
        if not create and not path.is_dir():
            raise InputError("no such store (create it with argmap load MAP --store DIR)", path=str(path))
        if path.exists() and not path.is_dir():
            raise InputError("is a file, not a store folder", path=str(path))
        try:
            self.store = pyoxigraph.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the Oxigraph store {path}: {_clip(exc)}") from None
        self.path = path

    def close(self):
        store, self.store = getattr(self, "store", None), None
        if store is not None:
            try:
                store.flush()
            except OSError:
                pass
            del store

    def load(self, paths, *, graph=None, format=None) -> list[LoadReport]:
        """As :meth:`Store.load`.

        Turtle, N-Triples and RDF/XML go straight into Oxigraph's bulk loader.
        Entailments are added when a query needs them (see
        :meth:`_entail_for`); a new map gets at once those that earlier
        queries have already added to the other maps.
        """
        import pyoxigraph as ox

        from .io import get_format, guess_format, read_graph
        from .progress import files_label, progress
        from .triples import OXIGRAPH_FORMATS, oxigraph_input, syntax_error

        _check_graph_option(paths, graph)
        self._put_ontology()
        done = self._entailed()
        reports = []
        for path in progress(f"loading {files_label(paths)}", total=len(paths)).each(paths):
            fmt = get_format(format) if format else guess_format(path)
            name = graph_iri(path, graph)
            node = ox.NamedNode(name)
            self.store.remove_graph(node)
            try:
                if fmt.name in OXIGRAPH_FORMATS:
                    self._bulk_load(oxigraph_input(path, fmt.name), fmt.name, node)
                else:
                    part = read_graph(path, format)
                    self.store.bulk_extend(ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), node) for s, p, o in part)
            except SyntaxError as exc:
                self.store.remove_graph(node)
                raise syntax_error(exc, fmt.name, path) from None
            except OSError as exc:
                self.store.remove_graph(node)
                raise InputError(f"cannot read: {_clip(exc)}", path=str(path)) from None
            except BaseException:
                self.store.remove_graph(node)
                raise
            read = self._count(node)
            if any(done.values()):
                self._materialise(done["classes"], done["properties"], graph=name)
                reports.append(LoadReport(str(path), name, read, self._count(node)))
            else:
                reports.append(LoadReport(str(path), name, read, read))
        self.store.flush()
        return reports

    def _bulk_load(self, source: dict, fmt_name: str, node):
        """Oxigraph's bulk load of the file ``source`` into the graph ``node``, on every core for a large file.

        A large Turtle or N-Triples file is cut into one part per core
        (:func:`argmap.triples.split_statements`), loaded at once by as many
        threads (pyoxigraph lets go of Python's lock while it loads).  If a
        part does not parse, what was loaded goes and the whole file is
        loaded again in one piece, which gives the same triples or the
        error with its line.
        """
        from .triples import file_parts

        parts = file_parts(source["path"], fmt_name)
        whole = {k: v for k, v in source.items() if k != "path"}
        if parts:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(len(parts)) as pool:
                loads = [pool.submit(self.store.bulk_load, part, **whole, to_graph=node) for part in parts]
            del parts
            if all(load.exception() is None for load in loads):
                return
            self.store.remove_graph(node)
        self.store.bulk_load(**source, to_graph=node)

    def _count(self, node) -> int:
        res = self.store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{node.value}> {{ ?s ?p ?o }} }}")
        return int(next(iter(res))[0].value)

    def _put_ontology(self):
        """The ontology with its class and property closure, in its own graph (written once)."""
        import pyoxigraph as ox

        node = ox.NamedNode(ONTOLOGY_GRAPH)
        if self.store.contains_named_graph(node):
            return
        onto = _ontology_with_closure()
        self.store.bulk_extend(ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), node) for s, p, o in onto)

    def _hierarchy(self, predicate):
        q = (f"SELECT DISTINCT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{predicate}> ?o }} "
             "FILTER(isIRI(?s) && isIRI(?o)) }")
        return rdfs_hierarchy((sol[0].value, sol[1].value) for sol in self.store.query(q))

    # --- entailment on demand ---
    # The rules rdfs7 and rdfs9 are applied per superclass and superproperty,
    # the first time a query names one, and remembered in a small file in the
    # store's folder: {"classes": {super: [subs done]}, "properties": {...}}.
    _STATE = "argmap-entailed.json"

    def _entailed(self) -> dict:
        try:
            state = json.loads((self.path / self._STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"classes": {}, "properties": {}}
        return {k: {sup: set(subs) for sup, subs in state.get(k, {}).items()} for k in ("classes", "properties")}

    def _remember(self, done: dict | None):
        from ._files import atomic_write

        if done is None:
            (self.path / self._STATE).unlink(missing_ok=True)
            return
        state = {k: {sup: sorted(subs) for sup, subs in sorted(v.items())} for k, v in done.items()}
        atomic_write(self.path / self._STATE, json.dumps(state, indent=1, sort_keys=True) + "\n")

    def _entail_for(self, text: str):
        """Add the entailments the query ``text`` can see and that are not yet stored."""
        classes, properties = needed_vocabulary(text)
        if classes == set() and properties == set():
            return
        down = {}
        for key, predicate, wanted in (("classes", _SUBCLASS, classes), ("properties", _SUBPROPERTY, properties)):
            subs: dict = {}
            for sub, sups in self._hierarchy(predicate).items():
                for sup in sups:
                    if wanted is None or sup in wanted:
                        subs.setdefault(sup, set()).add(sub)
            down[key] = subs
        done = self._entailed()
        todo = {k: {sup: subs - done[k].get(sup, set()) for sup, subs in down[k].items()} for k in down}
        todo = {k: {sup: subs for sup, subs in v.items() if subs} for k, v in todo.items()}
        if not any(todo.values()):
            return
        self._materialise(todo["classes"], todo["properties"])
        for k, v in todo.items():
            for sup, subs in v.items():
                done[k].setdefault(sup, set()).update(subs)
        self._remember(done)

    def _materialise(self, classes: dict, properties: dict, graph: str | None = None):
        """Rules rdfs9 and rdfs7 for each (super: subs) given, in every map's graph or in ``graph``."""
        where = f"VALUES ?g {{ <{graph}> }}" if graph else f"FILTER(?g != <{ONTOLOGY_GRAPH}>)"
        for pairs, pattern, head in (
            (classes, f"?x <{_RDF_TYPE}> ?sub", f"?x <{_RDF_TYPE}> ?sup"),
            (properties, "?x ?sub ?y", "?x ?sup ?y"),
        ):
            rows = " ".join(f"(<{sub}> <{sup}>)" for sup, subs in sorted(pairs.items()) for sub in sorted(subs))
            if rows:
                self.store.update(f"INSERT {{ GRAPH ?g {{ {head} }} }} WHERE {{ VALUES (?sub ?sup) {{ {rows} }} "
                                  f"GRAPH ?g {{ {pattern} }} {where} }}")

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if getattr(g, "value", None) != ONTOLOGY_GRAPH)

    def _run(self, text, form, timeout):
        def run():
            with _query_errors():
                self._entail_for(text)
            return self._answer(text)

        return _with_deadline(run, timeout, "the query")

    def _answer(self, text) -> QueryResult:
        """The store's answer to ``text``, read in a frame of its own.

        rdflib's parser (run by :meth:`_entail_for` just before) leaves reference
        cycles through its callers' frames; a frame in them that held the
        answer would keep the store open, and its folder locked, after
        :meth:`close`.
        """
        import pyoxigraph as ox

        with _query_errors():
            res = self.store.query(text, use_default_graph_as_union=True)
        if isinstance(res, ox.QueryBoolean):
            return QueryResult([], [], bool(res))
        variables = [v.value for v in res.variables]
        read, width = _ox_reader(), range(len(variables))
        return QueryResult(variables, [[read(sol[i]) for i in width] for sol in res])

    def _update(self, text, timeout):
        def run():
            self._remember(None)  # an update may add instances of any class: entail afresh
            try:
                self.store.update(text)
            except SyntaxError as exc:
                raise QueryError(f"bad SPARQL update: {_clip(exc)}") from None
            except (OSError, RuntimeError, ValueError) as exc:
                raise QueryError(f"the update failed: {_clip(exc)}") from None

        _with_deadline(run, timeout, "the update")


# --- a SPARQL 1.1 server -------------------------------------------------------------
def _from_json(cell):
    """One RDF term of SPARQL 1.1 Query Results JSON (section 3.2.2) as an rdflib term."""
    from rdflib import BNode, Literal, URIRef

    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):  # "typed-literal": the 2008 results format, still sent by Virtuoso
        lang, dt = cell.get("xml:lang"), cell.get("datatype")
        if lang:
            return Literal(value, lang=lang)
        if dt and dt not in (_XSD_STRING, _LANG_STRING):
            return Literal(value, datatype=URIRef(dt))
        return Literal(value)
    raise StoreError(f"the server sent a term of unknown type {kind!r}")


def _nt(term) -> str:
    """An rdflib term in N-Triples syntax (RDF 1.1 N-Triples), as SPARQL's INSERT DATA accepts it."""
    return term.n3()


class EndpointStore(Store):
    """A SPARQL 1.1 server at ``url`` (and ``update_url`` for updates, by default the same).

    Credentials come only from the environment: ``ARGMAP_ENDPOINT_USER`` and
    ``ARGMAP_ENDPOINT_PASSWORD`` (HTTP Basic authentication).
    """

    kind = "endpoint"

    def __init__(self, url: str, update_url: str | None = None, *, timeout: float | None = None):
        from urllib.parse import urlsplit

        for u in filter(None, (url, update_url)):
            parts = urlsplit(u)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise UsageError(f"not an http(s) endpoint URL: {u}")
            if parts.username or parts.password:
                raise UsageError(f"put credentials in {USER_VAR} and {PASSWORD_VAR}, not in the URL")
        self.url, self.update_url = url, update_url or url
        self.timeout = timeout

    def _headers(self, accept, *, form: bool = True):
        headers = {"User-Agent": "argmap"}
        if form:
            headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
        if accept:
            headers["Accept"] = accept
        user = os.environ.get(USER_VAR)
        if user:
            token = base64.b64encode(f"{user}:{os.environ.get(PASSWORD_VAR, '')}".encode()).decode("ascii")
            headers["Authorization"] = "Basic " + token
        return headers

    def _post(self, url, params: dict, accept: str | None, timeout) -> bytes:
        import urllib.parse

        return self.fetch(url, accept, timeout, data=urllib.parse.urlencode(params).encode("utf-8"))

    def fetch(self, url, accept: str | None, timeout=None, *, data: bytes | None = None) -> bytes:
        """The body of the server's answer to a POST of the form ``data`` to ``url``, or to a GET without it.

        Credentials come from :data:`USER_VAR` and :data:`PASSWORD_VAR`.  Every
        failure is one :class:`StoreError` naming ``url`` (a GET's without its
        query string); an HTTP error keeps its code as the error's ``status``.
        """
        import socket
        import urllib.error
        import urllib.request

        timeout = timeout or self.timeout or 300
        shown = url if data is not None else url.split("?")[0]
        req = urllib.request.Request(url, data=data, headers=self._headers(accept, form=data is not None),
                                     method="POST" if data is not None else "GET")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as res:
                return res.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read(2000).decode("utf-8", "replace").strip().splitlines()
            first = next((line for line in detail if line.strip()), exc.reason)
            raise StoreError(f"{shown} answered HTTP {exc.code}: {_clip(first)}", status=exc.code) from None
        except (socket.timeout, TimeoutError):
            raise StoreError(f"{shown} did not answer within {timeout:g} s (--timeout)") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise StoreError(f"{shown} did not answer within {timeout:g} s (--timeout)") from None
            raise StoreError(f"cannot reach {shown}: {_clip(getattr(reason, 'strerror', None) or reason)}") from None
        except OSError as exc:
            raise StoreError(f"cannot reach {shown}: {_clip(exc.strerror or exc)}") from None

    def _run(self, text, form, timeout):
        raw = self._post(self.url, {"query": text}, "application/sparql-results+json", timeout)
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise StoreError(f"{self.url} did not answer in SPARQL results JSON") from None
        if form == "ASK" or "boolean" in data:
            return QueryResult([], [], bool(data.get("boolean")))
        variables = list(data.get("head", {}).get("vars", []))
        rows = []
        for binding in data.get("results", {}).get("bindings", []):
            rows.append([_from_json(binding[v]) if v in binding else None for v in variables])
        return QueryResult(variables, rows)

    def _update(self, text, timeout):
        self._post(self.update_url, {"update": text}, "application/sparql-results+json, text/plain;q=0.5", timeout)

    def graphs(self) -> list[str]:
        res = self._run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?m a <https://w3id.org/argmap#ArgumentMap> } }",
                        "SELECT", None)
        return sorted(str(r[0]) for r in res.rows)

    def load(self, paths, *, graph=None, format=None) -> list[LoadReport]:
        return self.push(paths, graph=graph, format=format)

    def push(self, paths, *, graph=None, format=None) -> list[LoadReport]:
        """Put each map (with its RDFS entailments) in its own named graph, replacing it.

        Blank nodes are sent as skolem IRIs (see :func:`_batches_ready`).

        Each map first goes into a fresh staging graph in batches of
        ``INSERT DATA`` (SPARQL 1.1 Update, section 3.1.1); only when the
        server counts every triple there does ``MOVE`` (section 3.2.5) put it
        in place of the map's graph.  A failure raises :class:`StoreError`
        saying which maps landed and how far the failed one got; its graph is
        left as it was.  The ontology goes to its own graph the same way.
        """
        import rdflib

        from .io import read_graph
        from .progress import files_label, progress

        _check_graph_option(paths, graph)
        parts = [(str(p), graph_iri(p, graph), read_graph(p, format)) for p in paths]  # every file parses first
        onto = _ontology_with_closure()
        classes, properties = _hierarchies(onto, *(g for _, _, g in parts))
        landed: list[LoadReport] = []
        jobs = [("the ontology", ONTOLOGY_GRAPH, onto, None)]
        for path, name, g in parts:
            full = rdflib.Graph()
            full += g
            for t in entailed_triples(g, classes, properties):
                full.add(t)
            jobs.append((path, name, full, len(g)))
        bar = progress(f"pushing {files_label(paths)}, triples", total=sum(len(g) for _, _, g, _ in jobs))
        with bar:
            for path, name, g, read in jobs:
                try:
                    stored = self._replace_graph(name, g, bar)
                except StoreError as exc:
                    done = ", ".join(f"{r.path} ({r.stored} triples)" for r in landed) or "nothing"
                    raise StoreError(f"push of {path} into <{name}> failed, that graph is unchanged: {exc.message}; "
                                     f"landed before it: {done}") from None
                if read is not None:
                    landed.append(LoadReport(path, name, read, stored))
        return landed

    def _replace_graph(self, name: str, g, bar) -> int:
        triples = _batches_ready(g)
        staging = f"urn:argmap:staging:{uuid.uuid4()}"
        sent = 0
        try:
            for batch in triples:
                body = " .\n".join(" ".join(_nt(t) for t in triple) for triple in batch)
                self._update(f"INSERT DATA {{ GRAPH <{staging}> {{\n{body} .\n}} }}", None)
                sent += len(batch)
                bar.advance(len(batch))
            there = self.count(staging)
            if there != len(g):
                raise StoreError(f"the server holds {there} of the {len(g)} triples sent")
            self._update(f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{name}>", None)
        except StoreError as exc:
            try:
                self._update(f"DROP SILENT GRAPH <{staging}>", None)
            except StoreError:
                pass
            raise StoreError(f"{exc.message} (after {sent} of {len(g)} triples)") from None
        there = self.count(name)
        if there != len(g):
            raise StoreError(f"the server holds {there} of the {len(g)} triples sent")
        return there


def _batches_ready(g) -> list[list]:
    """The triples of ``g``, blank nodes skolemised, in sorted batches of :data:`BATCH`.

    SPARQL 1.1 Update (section 3.1.1) allows blank nodes in INSERT DATA, but
    each request would make new nodes of them, and Virtuoso refuses them
    outright; so they become skolem IRIs (RDF 1.1 Concepts, section 3.5) first.
    """
    triples = sorted(g.skolemize())
    return [triples[i:i + BATCH] for i in range(0, len(triples), BATCH)]


# --- choosing a backend ------------------------------------------------------------
def open_store(maps=(), *, store: str | None = None, endpoint: str | None = None, update_endpoint: str | None = None,
               timeout: float | None = None, format: str | None = None) -> Store:
    """The store a command works on: maps in memory, an Oxigraph folder, or an endpoint.

    Exactly one of ``maps``, ``store`` and ``endpoint`` is given.
    """
    given = [name for name, v in (("MAP", maps), ("--store", store), ("--endpoint", endpoint)) if v]
    if len(given) != 1:
        raise UsageError("give MAP files, --store DIR or --endpoint URL" if not given
                         else f"{' and '.join(given)} do not go together; give one of them")
    if update_endpoint and not endpoint:
        raise UsageError("--update-endpoint goes with --endpoint")
    if store:
        return OxigraphStore(store, create=False)
    if endpoint:
        return EndpointStore(endpoint, update_endpoint, timeout=timeout)
    mem = MemoryStore()
    mem.load(list(maps), format=format)
    return mem
