"""Maps in an Oxigraph store in a folder on disk, parsed and queried natively (much faster on large maps).

RDFS entailments are added on demand, so that loading a large map stays a
bulk load: before a query runs, the entailments of each class and property
that its patterns name (of all of them, when a pattern has a variable there)
are added to every map, once, and a map loaded later gets those at once
(:func:`needed_vocabulary`).
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from .._files import atomic_write
from ..errors import InputError, QueryError, StoreError
from ..io import get_format, guess_format, read_graph
from ..ontology import closed_ontology_graph
from ..progress import files_label, progress
from ..rdfs import rdfs_hierarchy
from ..sparql import QueryResult
from ..triples import OXIGRAPH_FORMATS, file_parts, oxigraph_input, syntax_error
from .base import ONTOLOGY_GRAPH, LoadReport, Store, clip, graph_iri, one_graph, with_deadline
from .terms import oxigraph_reader, to_oxigraph

__all__ = ["OxigraphStore", "needed_vocabulary"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_SUBPROPERTY = "http://www.w3.org/2000/01/rdf-schema#subPropertyOf"


def needed_vocabulary(text: str):
    """The classes and properties whose entailed instances the query ``text`` can see.

    Returns ``(classes, properties)``: sets of IRIs, or None for "any", when a
    pattern has a variable (or a property path) in the predicate, or a
    variable as the class of ``rdf:type``.  Patterns inside ``FILTER EXISTS``
    and ``GRAPH`` count too.  A query that rdflib's parser does not read, and
    a DESCRIBE, need everything.
    """
    from rdflib import RDF, URIRef  # lazy: rdflib takes 0.2 s to import
    from rdflib.plugins.sparql.algebra import translateQuery  # lazy: rdflib takes 0.2 s to import
    from rdflib.plugins.sparql.parser import parseQuery  # lazy: rdflib takes 0.2 s to import

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


@contextmanager
def _query_errors():
    """Turn Oxigraph's errors while querying into one-line query errors."""
    try:
        yield
    except SyntaxError as exc:
        raise QueryError(f"bad SPARQL: {clip(exc)}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the query failed: {clip(exc)}") from None


class OxigraphStore(Store):
    """Maps in an Oxigraph store in the folder ``path`` (created if missing).

    Turtle, N-Triples and RDF/XML files are parsed by Oxigraph itself; the
    other formats argmap reads go through its reader registry first.
    """

    kind = "oxigraph"

    def __init__(self, path, *, create: bool = True):
        path = Path(path)
        if not create and not path.is_dir():
            raise InputError("no such store (create it with {create_store})", path=str(path),
                             arguments=("create_store",))
        if path.exists() and not path.is_dir():
            raise InputError("is a file, not a store folder", path=str(path))
        try:
            self.store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the Oxigraph store {path}: {clip(exc)}") from None
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
        one_graph(paths, graph)
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
                    self.store.bulk_extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), node) for s, p, o in part)
            except SyntaxError as exc:
                self.store.remove_graph(node)
                raise syntax_error(exc, fmt.name, path) from None
            except OSError as exc:
                self.store.remove_graph(node)
                raise InputError(f"cannot read: {clip(exc)}", path=str(path)) from None
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
        parts = file_parts(source["path"], fmt_name)
        whole = {k: v for k, v in source.items() if k != "path"}
        if parts:
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
        node = ox.NamedNode(ONTOLOGY_GRAPH)
        if self.store.contains_named_graph(node):
            return
        onto = closed_ontology_graph()
        self.store.bulk_extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), node) for s, p, o in onto)

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

        return with_deadline(run, timeout, "the query")

    def _answer(self, text) -> QueryResult:
        """The store's answer to ``text``, read in a frame of its own.

        rdflib's parser (run by :meth:`_entail_for` just before) leaves reference
        cycles through its callers' frames; a frame in them that held the
        answer would keep the store open, and its folder locked, after
        :meth:`close`.
        """
        with _query_errors():
            res = self.store.query(text, use_default_graph_as_union=True)
        if isinstance(res, ox.QueryBoolean):
            return QueryResult([], [], bool(res))
        variables = [v.value for v in res.variables]
        read, width = oxigraph_reader(), range(len(variables))
        return QueryResult(variables, [[read(sol[i]) for i in width] for sol in res])

    def _update(self, text, timeout):
        def run():
            self._remember(None)  # an update may add instances of any class: entail afresh
            try:
                self.store.update(text)
            except SyntaxError as exc:
                raise QueryError(f"bad SPARQL update: {clip(exc)}") from None
            except (OSError, RuntimeError, ValueError) as exc:
                raise QueryError(f"the update failed: {clip(exc)}") from None

        with_deadline(run, timeout, "the update")
