"""Where the triples live: in memory, in an Oxigraph store on disk, or on a SPARQL server.

One interface, :class:`Store` (:mod:`.base`), over three back ends, a module each:

* :class:`MemoryStore` (:mod:`.memory`): an rdflib ``Dataset`` in memory, the default for a few files;
* :class:`OxigraphStore` (:mod:`.oxigraph`): a pyoxigraph store in a folder on disk, parsed and
  queried natively (much faster on large maps);
* :class:`EndpointStore` (:mod:`.endpoint`): any SPARQL 1.1 server, spoken to over the SPARQL 1.1
  Protocol (W3C Recommendation 2013) through the one HTTP client (:mod:`.http`).

Terms move between rdflib, pyoxigraph and SPARQL results JSON in :mod:`.terms`
only, and the RDFS closure is :mod:`argmap.rdfs`'s, for every back end.

Every backend holds the same RDF dataset (SPARQL 1.1 Query, section 13):

* each map in a named graph of its own, its IRI the map file's ``file:`` URI
  unless one is given; loading or pushing a map again replaces that graph;
* the argmap ontology in the named graph ``https://w3id.org/argmap``;
* the default graph is the union of all of them, so a query without ``GRAPH``
  sees every map and the ontology together, and ``GRAPH ?g`` tells maps apart.

RDFS entailment is materialised, not rewritten into queries: the triples that
the RDFS rules rdfs5, rdfs7, rdfs9 and rdfs11 (:mod:`argmap.rdfs`) derive from the ``rdfs:subClassOf`` and
``rdfs:subPropertyOf`` axioms between named classes and properties are added
to the graph that holds their premise.  So ``?x a am:Claim`` finds a
``am:PolicyClaim`` and ``?x prov:wasAttributedTo ?a`` finds ``am:attributedTo``
on every backend and in any query.  The memory store and a server get them
when a map is loaded or pushed.  The Oxigraph store adds them on demand, so
that loading a large map stays a bulk load: before a query runs, the
entailments of each class and property that its patterns name (of all of
them, when a pattern has a variable there) are added to every map, once, and
a map loaded later gets those at once (:func:`needed_vocabulary`).

Queries are read-only: an update (SPARQL 1.1 Update, W3C Recommendation 2013)
is refused unless ``allow_update`` is set.  Every failure of a backend (a
server that is down, slow or answers with an error, a query that runs past its
timeout) is a :class:`~argmap.errors.StoreError` or
:class:`~argmap.errors.QueryError`, one line, exit code 2.
"""

from __future__ import annotations

import importlib

from ..errors import UsageError
from .base import BATCH, ONTOLOGY_GRAPH, UPDATE_FORMS, LoadReport, Store, graph_iri, one_place

__all__ = [
    "Store",
    "MemoryStore",
    "OxigraphStore",
    "EndpointStore",
    "LoadReport",
    "ONTOLOGY_GRAPH",
    "UPDATE_FORMS",
    "BATCH",
    "graph_iri",
    "needed_vocabulary",
    "open_store",
    "one_place",
]


#: Where each back end's names live.  A back end loads when first asked for, since each pulls in rdflib or
#: pyoxigraph (0.1 to 0.2 s), which reading an argumentation framework file never needs.
_BACK_ENDS = {"MemoryStore": "memory", "OxigraphStore": "oxigraph", "needed_vocabulary": "oxigraph",
              "EndpointStore": "endpoint"}


def __getattr__(name):
    if name in _BACK_ENDS:
        return getattr(importlib.import_module(f"{__name__}.{_BACK_ENDS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_store(maps=(), *, store: str | None = None, endpoint: str | None = None, update_endpoint: str | None = None,
               timeout: float | None = None, format: str | None = None) -> Store:
    """The store a command works on: ``maps`` in memory, an Oxigraph folder ``store``, or an ``endpoint``.

    Exactly one of ``maps``, ``store`` and ``endpoint`` is given.
    """
    one_place(maps, store, endpoint)
    if update_endpoint and not endpoint:
        raise UsageError("{update_endpoint} goes with {endpoint}", arguments=("update_endpoint", "endpoint"))
    if store:
        from .oxigraph import OxigraphStore  # lazy: the back ends load when used

        return OxigraphStore(store, create=False)
    if endpoint:
        from .endpoint import EndpointStore  # lazy: the back ends load when used

        return EndpointStore(endpoint, update_endpoint, timeout=timeout)
    from .memory import MemoryStore  # lazy: it imports rdflib

    mem = MemoryStore()
    mem.load(list(maps), format=format)
    return mem
