"""What every store shares: the interface, its load report, the dataset's graphs, deadlines and query forms."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from ..errors import QueryError, UsageError
from ..namespace import ONTOLOGY_IRI
from ..sparql import QueryResult, query_form, with_prefixes

__all__ = ["Store", "LoadReport", "ONTOLOGY_GRAPH", "BATCH", "UPDATE_FORMS", "graph_iri", "with_deadline", "clip",
           "one_place", "one_graph"]

#: The named graph that holds the argmap ontology in every store.
ONTOLOGY_GRAPH = ONTOLOGY_IRI

#: Triples per INSERT DATA request (Virtuoso refuses 2,000 or more in one).
BATCH = 1000

#: The first keywords of a SPARQL 1.1 Update request (SPARQL 1.1 Update, section 3).
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


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


def one_place(maps, store, endpoint) -> None:
    """Maps are read from exactly one place: files (``maps``), a ``store`` folder, or an ``endpoint``."""
    given = [name for name, v in (("maps", maps), ("store", store), ("endpoint", endpoint)) if v]
    if len(given) != 1:
        raise UsageError("give {maps}, {store} or {endpoint}" if not given else
                         " and ".join("{%s}" % g for g in given) + " do not go together; give one of them",
                         arguments=("maps", "store", "endpoint"))


def one_graph(paths, graph) -> None:
    """A ``graph`` name is for one map only."""
    if graph and len(paths) != 1:
        raise UsageError("{graph} names the graph of one map; give one map", arguments=("graph",))


def with_deadline(fn, timeout: float | None, what: str):
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
        raise QueryError(f"{what} did not finish within {timeout:g} s ({{timeout}})", arguments=("timeout",))
    if "error" in box:
        raise box["error"]
    return box["value"]


def _check_form(text: str, allow_update: bool) -> str:
    form = query_form(text)
    if form in UPDATE_FORMS:
        if not allow_update:
            raise QueryError(f"{form} is an update: only SELECT and ASK queries are allowed, "
                             "unless {allow_update} is given", arguments=("allow_update",))
        return "UPDATE"
    if form not in ("SELECT", "ASK"):
        raise QueryError(f"only SELECT and ASK queries (or updates with {{allow_update}}) are allowed, "
                         f"not {form or 'this'}", arguments=("allow_update",))
    return form


def clip(message) -> str:
    """A message of a back end's own, on one line of at most 200 characters."""
    return " ".join(str(message).split())[:200]


class Store:
    """Triples that SPARQL can query: maps in named graphs, the ontology, RDFS entailments.

    Subclasses implement :meth:`_run`, :meth:`_update`, :meth:`load` and
    :meth:`graphs`; :meth:`query` and :meth:`count` are shared.
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
