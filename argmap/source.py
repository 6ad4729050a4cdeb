"""Where a command's map comes from: files, an Oxigraph store on disk, or a SPARQL server.

A :class:`MapSource` names one of them and reads the map from it as an
:class:`~argmap.model.ArgumentMap`, without an rdflib graph unless a command
asks for one (and for a command that only evaluates, one argumentation
framework file as a :class:`~argmap.io.afmap.FrameworkMap`:
:meth:`MapSource.load_framework`):

* files: :func:`argmap.io.loading.load`;
* an Oxigraph store made by ``argmap load`` (``--store DIR``): the quads of
  the structure's predicates (:data:`argmap.triples.PREDICATES`), read from
  the store by pattern, in the named graph ``--graph IRI`` or in every map's
  graph;
* a SPARQL 1.1 server (``--endpoint URL --graph IRI``): the graph is fetched
  whole as N-Triples with the SPARQL 1.1 Graph Store HTTP Protocol (W3C
  Recommendation 2013, section 5.2, ``GET`` with ``?graph=IRI``) and parsed
  by Oxigraph; where the server serves no Graph Store (or ``--graph-store
  none``), or cuts its answer short (Virtuoso stops at its
  ``ResultSetMaxRows``), the triples of the structure's predicates come from
  SPARQL ``SELECT`` queries, page by page.

Stores hold the RDFS entailments argmap materialises (see :mod:`argmap.store`),
so a claim read from one has its stated types only: a type that another of
its types entails is left out, as it would be absent from the file.

:meth:`MapSource.write_evaluations` stores scores where the map lives: in
the file (``score --write``), in the store's graph, or on the server in
``INSERT DATA`` requests of at most :data:`argmap.store.BATCH` triples
(SPARQL 1.1 Update, section 3.1.1), after a ``DELETE`` of the earlier
evaluations under the same semantics (section 3.1.3).
"""

from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass

import pyoxigraph as ox
from .errors import FormatError, StoreError, UsageError
from .evaluations import add_evaluations
from .io import get_format, guess_format, read_framework, save_evaluations, writable_target
from .names import semantics_iri
from .namespace import NAMESPACE
from .ontology import closed_ontology_graph, subclass_pairs
from .rdfs import entailed_triples, hierarchies, rdfs_hierarchy
from .store import BATCH, one_place
from .store.endpoint import EndpointStore
from .store.oxigraph import OxigraphStore
from .store.terms import from_json, oxigraph_reader
from .triples import PREDICATES, RDF_TYPE, SUBCLASS, TripleIndex, from_parser, quiet_gc

__all__ = ["MapSource", "graph_store_url"]


#: Rows asked for per SPARQL request when a map is read page by page.
PAGE = 50_000


def graph_store_url(endpoint: str) -> str:
    """The Graph Store Protocol URL a server serves beside ``endpoint``: Virtuoso's ``/sparql-graph-crud``."""
    return endpoint.rstrip("/") + "-graph-crud" if endpoint.rstrip("/").endswith("/sparql") else endpoint


@dataclass(frozen=True)
class MapSource:
    """Map files, an Oxigraph store folder, or a SPARQL endpoint (with a graph); exactly one."""

    paths: tuple = ()
    store: str | None = None
    endpoint: str | None = None
    graph: str | None = None
    graph_store: str | None = None
    format: str | None = None
    timeout: float | None = None

    def __post_init__(self):
        one_place(self.paths, self.store, self.endpoint)
        if self.graph and self.paths:
            raise UsageError("{graph} goes with {store} or {endpoint}", arguments=("graph", "store", "endpoint"))
        if self.endpoint and not self.graph:
            raise UsageError("{endpoint} needs {graph}, the named graph of the map", arguments=("endpoint", "graph"))
        if self.graph_store and not self.endpoint:
            raise UsageError("{graph_store} goes with {endpoint}", arguments=("graph_store", "endpoint"))

    @property
    def name(self) -> str:
        """How messages name the map: the file, or the graph in its store."""
        if self.paths:
            return str(self.paths[0])
        where = self.store or self.endpoint
        return f"<{self.graph}> in {where}" if self.graph else str(where)

    # --- reading ----------------------------------------------------------------------
    def load(self):
        """The map, read without an rdflib graph where it can be."""
        from .io.loading import load  # lazy: it imports rdflib (0.2 s), which load_framework does without
        from .model import ArgumentMap  # lazy: it imports rdflib

        if self.paths:
            return load(*self.paths, format=self.format)
        with quiet_gc():
            if self.store:
                index, graph_loader = self._from_store()
            else:
                index, graph_loader = self._from_endpoint()
            _drop_entailed_types(index)
            amap = ArgumentMap(paths=(), index=index, load_graph=graph_loader)
            amap.check()
        return amap

    def load_framework(self):
        """The map for a command that needs only its framework (``score``, ``explain``).

        One ``.apx``, ``.bag`` or ``.af`` file is read straight into a
        :class:`~argmap.io.afmap.FrameworkMap`, with no RDF graph; anything
        else, or ``ARGMAP_READER=rdflib``, is read by :meth:`load`.
        """
        if len(self.paths) == 1 and os.environ.get("ARGMAP_READER", "").lower() != "rdflib":
            try:
                fmt = get_format(self.format) if self.format else guess_format(self.paths[0])
            except FormatError:
                fmt = None  # load says what is wrong
            if fmt is not None and fmt.options.get("framework"):
                return read_framework(self.paths[0], fmt.name)
        return self.load()

    def _oxigraph(self):
        return OxigraphStore(self.store, create=False)

    def _map_graphs(self, st) -> list:
        names = [self.graph] if self.graph else st.graphs()
        if self.graph and self.graph not in st.graphs():
            raise StoreError(f"the store {self.store} holds no graph <{self.graph}>")
        return [ox.NamedNode(n) for n in names]

    def _from_store(self):
        with self._oxigraph() as st:
            graphs = self._map_graphs(st)
            index = TripleIndex()
            for p in PREDICATES:
                pairs = [(q.subject.value, q.object.value) for g in graphs
                         for q in st.store.quads_for_pattern(None, ox.NamedNode(p), None, g)]
                index.add_pairs(p, pairs)

        def graph_loader():
            import rdflib  # lazy: rdflib takes 0.2 s to import; the graph is built only when a command asks for it

            g, read = rdflib.Graph(), oxigraph_reader()
            with self._oxigraph() as again:
                for node in self._map_graphs(again):
                    for q in again.store.quads_for_pattern(None, None, None, node):
                        g.add((read(q.subject), read(q.predicate), read(q.object)))
            return g

        return index, graph_loader

    def _endpoint(self):
        return EndpointStore(self.endpoint, timeout=self.timeout)

    def _get_ntriples(self) -> bytes | None:
        """The graph as N-Triples by the Graph Store HTTP Protocol (section 5.2), None if not served."""
        if self.graph_store == "none":
            return None
        url = self.graph_store or graph_store_url(self.endpoint)
        try:
            return self._endpoint().fetch(url + "?" + urllib.parse.urlencode({"graph": self.graph}),
                                          "application/n-triples", self.timeout)
        except StoreError as exc:
            if exc.status in (405, 501):  # no Graph Store there
                return None
            if exc.status == 404:
                raise StoreError(f"{url} has no such graph (HTTP 404); is the map pushed there, "
                                 "and is that the server's Graph Store (--graph-store URL, or none)?") from None
            raise

    def _from_endpoint(self):
        st = self._endpoint()
        there = st.count(self.graph)
        if there == 0:
            raise StoreError(f"{self.endpoint} holds no graph <{self.graph}> (or it is empty)")
        body = self._get_ntriples()
        if body is not None:
            index = from_parser(lambda: ox.parse(input=body, format=ox.RdfFormat.N_TRIPLES, lenient=True),
                                "ntriples", self.name)
            if index.read == there:  # not cut short by a result limit

                def graph_loader():
                    import rdflib  # lazy: rdflib takes 0.2 s to import; the graph is built only when a command asks for it

                    return rdflib.Graph().parse(data=body.decode("utf-8"), format="nt")

                return index, graph_loader
        index = TripleIndex()
        for p in PREDICATES:
            index.add_pairs(p, self._select_pages(st, f"<{p}>", "?s ?o"))

        def graph_loader():
            import rdflib  # lazy: rdflib takes 0.2 s to import; the graph is built only when a command asks for it

            g = rdflib.Graph()
            for triple in self._select_pages(st, "?p", "?s ?p ?o", terms=True):
                g.add(triple)
            return g

        return index, graph_loader

    def _select_pages(self, st, predicate: str, variables: str, *, terms: bool = False):
        """Rows of ``SELECT variables { GRAPH g { ?s predicate ?o } }``, page by page (``LIMIT``/``OFFSET``).

        A server may cut any answer short (Virtuoso at its ``ResultSetMaxRows``),
        so pages go on until the rows counted first have all come, in SPARQL 1.1
        Query Results JSON.  The rows are strings, or with ``terms`` rdflib terms.
        """
        pattern = f"GRAPH <{self.graph}> {{ ?s {predicate} ?o }}"
        res = st.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
        total = int(res.rows[0][0].toPython()) if res.rows else 0
        got, names = 0, [v.lstrip("?") for v in variables.split()]
        while got < total:
            data = st.results(f"SELECT {variables} WHERE {{ {pattern} }} LIMIT {PAGE} OFFSET {got}", self.timeout)
            try:
                rows = data["results"]["bindings"]
            except (KeyError, TypeError):
                raise StoreError(f"{self.endpoint} did not answer in SPARQL results JSON") from None
            if not rows:
                raise StoreError(f"{self.endpoint} sent {got} of the {total} rows of {predicate} in <{self.graph}>")
            got += len(rows)
            for row in rows:
                yield tuple(from_json(row[v]) for v in names) if terms else tuple(row[v]["value"] for v in names)

    # --- writing scores back ----------------------------------------------------------------
    def file_target(self, output=None) -> str | None:
        """The RDF file evaluations go into: ``output``, or the one MAP file; None for a store or a server."""
        if not (self.paths or output):
            return None
        if not output and len(self.paths) != 1:
            raise UsageError("{write} with several maps needs {output}", arguments=("write", "output"))
        return writable_target(output or self.paths[0])

    def write_evaluations(self, amap, semantics: str, values: dict, output=None) -> tuple[int, str]:
        """Store ``values`` as evaluations where the map lives (or in the file ``output``); ``(count, where)``."""
        target = self.file_target(output)
        if target is not None:
            return save_evaluations(amap, semantics, values, target), target
        graph = self.graph
        if graph is None:
            with self._oxigraph() as st:
                names = st.graphs()
            if len(names) != 1:
                raise UsageError(f"the store holds {len(names)} maps; name the one to write to with {{graph}}",
                                 arguments=("graph",))
            graph = names[0]
        lines = _evaluation_lines(semantics, values)
        delete = (f"DELETE {{ GRAPH <{graph}> {{ ?e ?p ?o }} }} WHERE {{ GRAPH <{graph}> {{ "
                  f"?e a <{NAMESPACE}Evaluation> ; <{NAMESPACE}semantics> <{semantics_iri(semantics)}> ; ?p ?o }} }}")
        if self.store:
            with self._oxigraph() as st:
                st.store.update(delete)
                st.store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph)) for t in
                                     ox.parse(input="\n".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
            return len(values), f"<{graph}> in {self.store}"
        st = self._endpoint()
        st.query(delete, allow_update=True)
        for i in range(0, len(lines), BATCH):
            body = "\n".join(lines[i:i + BATCH])
            st.query(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}", allow_update=True)
        return len(values), f"<{graph}> on {self.endpoint}"


def _evaluation_lines(semantics: str, values: dict) -> list[str]:
    """The evaluations as N-Triples lines, with what RDFS entails of them by the ontology (as a push stores)."""
    import rdflib  # lazy: rdflib takes 0.2 s to import; only writing to a store needs it

    g = rdflib.Graph()
    add_evaluations(g, semantics, values)
    for t in entailed_triples(g, *hierarchies(closed_ontology_graph())):
        g.add(t)
    return sorted(" ".join(term.n3() for term in t) + " ." for t in g)


def _drop_entailed_types(index) -> None:
    """Keep of each node's types those that no other of its types entails (rdfs9 undone)."""
    up = rdfs_hierarchy((*subclass_pairs(), *index.pairs(SUBCLASS)))
    table = dict(index.table(RDF_TYPE))
    for s, types in table.items():
        if len(types) > 1:
            implied = set().union(*(up.get(t, ()) for t in types))
            if implied:
                table[s] = [t for t in types if t not in implied] or types
    index.replace(RDF_TYPE, table)
