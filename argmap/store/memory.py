"""Maps in memory: an rdflib ``Dataset``, the default for a few files."""

from __future__ import annotations

import rdflib
from rdflib import URIRef

from ..errors import QueryError
from ..io import read_graph
from ..model import ArgumentMap
from ..ontology import closed_ontology_graph
from ..rdfs import entailed_triples, hierarchies
from ..sparql import QueryResult
from .base import ONTOLOGY_GRAPH, LoadReport, Store, clip, graph_iri, one_graph, with_deadline

__all__ = ["MemoryStore"]


class MemoryStore(Store):
    """Maps in an rdflib ``Dataset`` in memory; the default for a few files.

    RDFS entailments are added to each map's graph when a map is loaded.
    """

    kind = "memory"

    def __init__(self):
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
        if not self._ontology_loaded:
            onto = self.dataset.graph(URIRef(ONTOLOGY_GRAPH))
            onto += closed_ontology_graph()
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
        one_graph(paths, graph)
        parts = [(path, read_graph(path, format)) for path in paths]
        if check:  # the maps together, as argmap's other commands read them
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
        return self.dataset.graph(URIRef(name))

    def _entail(self):
        if not self._dirty:
            return
        maps = [g for g in self.dataset.graphs() if str(g.identifier) not in (ONTOLOGY_GRAPH,)
                and g.identifier != self.dataset.default_graph.identifier]
        classes, properties = hierarchies(self._graph(ONTOLOGY_GRAPH), *maps)
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
                raise QueryError(f"bad SPARQL: {clip(exc)}") from None
            if res.type == "ASK":
                return QueryResult([], [], bool(res.askAnswer))
            return QueryResult([str(v) for v in res.vars], [list(row) for row in res])

        return with_deadline(run, timeout, "the query")

    def _update(self, text, timeout):
        self._entail()

        def run():
            try:
                self.dataset.update(text)
            except Exception as exc:
                raise QueryError(f"bad SPARQL update: {clip(exc)}") from None

        with_deadline(run, timeout, "the update")
