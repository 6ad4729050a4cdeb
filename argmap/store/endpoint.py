"""Any SPARQL 1.1 server, spoken to over the SPARQL 1.1 Protocol (W3C Recommendation 2013).

Queries go as ``query=`` and updates as ``update=`` in an
``application/x-www-form-urlencoded`` POST (sections 2.1.3 and 2.2.2), and
answers are asked for as SPARQL 1.1 Query Results JSON.  A map is pushed
with its RDFS entailments, in batches of ``INSERT DATA`` into a staging
graph that ``MOVE`` puts in place (see :meth:`EndpointStore.push`).
"""

from __future__ import annotations

import json
import uuid
from urllib.parse import urlsplit

from ..errors import StoreError, UsageError
from ..io import read_graph
from ..namespace import NAMESPACE
from ..ontology import closed_ontology_graph
from ..progress import files_label, progress
from ..rdfs import entailed_triples, hierarchies
from ..sparql import QueryResult
from .base import BATCH, ONTOLOGY_GRAPH, LoadReport, Store, graph_iri, one_graph
from .http import PASSWORD_VAR, USER_VAR, HttpClient
from .terms import from_json, to_nt

__all__ = ["EndpointStore"]


class EndpointStore(Store):
    """A SPARQL 1.1 server at ``url`` (and ``update_url`` for updates, by default the same).

    Credentials come only from the environment: ``ARGMAP_ENDPOINT_USER`` and
    ``ARGMAP_ENDPOINT_PASSWORD`` (HTTP Basic authentication).
    """

    kind = "endpoint"

    def __init__(self, url: str, update_url: str | None = None, *, timeout: float | None = None):
        for u in filter(None, (url, update_url)):
            parts = urlsplit(u)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise UsageError(f"not an http(s) endpoint URL: {u}")
            if parts.username or parts.password:
                raise UsageError(f"put credentials in {USER_VAR} and {PASSWORD_VAR}, not in the URL")
        self.url, self.update_url = url, update_url or url
        self.timeout = timeout
        self.http = HttpClient(timeout)

    def results(self, text: str, timeout=None) -> dict:
        """The server's answer to the query ``text`` as SPARQL 1.1 Query Results JSON (section 3), decoded."""
        raw = self.http.post_form(self.url, {"query": text}, "application/sparql-results+json", timeout)
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise StoreError(f"{self.url} did not answer in SPARQL results JSON") from None
        if not isinstance(data, dict):
            raise StoreError(f"{self.url} did not answer in SPARQL results JSON")
        return data

    def fetch(self, url, accept: str | None, timeout=None) -> bytes:
        """The body of the server's answer to a GET of ``url`` (the Graph Store HTTP Protocol's, say)."""
        return self.http.fetch(url, accept, timeout)

    def _run(self, text, form, timeout):
        data = self.results(text, timeout)
        if form == "ASK" or "boolean" in data:
            return QueryResult([], [], bool(data.get("boolean")))
        variables = list(data.get("head", {}).get("vars", []))
        rows = []
        for binding in data.get("results", {}).get("bindings", []):
            rows.append([from_json(binding[v]) if v in binding else None for v in variables])
        return QueryResult(variables, rows)

    def _update(self, text, timeout):
        self.http.post_form(self.update_url, {"update": text}, "application/sparql-results+json, text/plain;q=0.5", timeout)

    def graphs(self) -> list[str]:
        res = self._run(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?m a <{NAMESPACE}ArgumentMap> }} }}",
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
        import rdflib  # lazy: rdflib takes 0.2 s to import; only a push needs it

        one_graph(paths, graph)
        parts = [(str(p), graph_iri(p, graph), read_graph(p, format)) for p in paths]  # every file parses first
        onto = closed_ontology_graph()
        classes, properties = hierarchies(onto, *(g for _, _, g in parts))
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
                    raise StoreError(f"push of {path} into <{name}> failed, that graph is unchanged: {exc.template}; "
                                     f"landed before it: {done}", arguments=exc.arguments) from None
                if read is not None:
                    landed.append(LoadReport(path, name, read, stored))
        return landed

    def _replace_graph(self, name: str, g, bar) -> int:
        triples = _batches_ready(g)
        staging = f"urn:argmap:staging:{uuid.uuid4()}"
        sent = 0
        try:
            for batch in triples:
                body = " .\n".join(" ".join(to_nt(t) for t in triple) for triple in batch)
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
            raise StoreError(f"{exc.template} (after {sent} of {len(g)} triples)", arguments=exc.arguments) from None
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
