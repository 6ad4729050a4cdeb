"""The triples an argument map's structure is read from, wherever they are.

An argument map's claims, relations, sources and thesis are read from a
:class:`TripleIndex`: for each of the few predicates the structure uses
(:data:`PREDICATES`), its subjects and their objects, as plain strings.  The
index is filled from one of three places:

* a file streamed by Oxigraph (:func:`from_file`): Turtle, N-Triples and
  RDF/XML are parsed by pyoxigraph and only the triples of those predicates
  are kept, so that a map becomes an rdflib graph only for what needs one
  (SHACL, SPARQL in memory, most writers), which on a large map costs about
  ten times the time and three times the memory; AIF reads into a plain
  triple list (:func:`from_rows`);
* an rdflib ``Graph`` (:func:`from_graph`), for the formats only an rdflib
  reader reads (Argdown, Kialo, the microtexts, JSON-LD);
* the rows of a SPARQL ``SELECT ?s ?p ?o`` over a store or a server
  (:func:`from_rows`, used by :mod:`argmap.source`).

Every term is a string: an IRI, a literal's lexical form or a blank node's
label (which, having no colon, is never an IRI).  Files are read the first
way at every size (:func:`argmap.io.loading.use_fast_reader`); ``ARGMAP_READER=rdflib``
reads them through an rdflib graph, the reference the tests compare with.
Either checks the kind of each term before it
becomes a string: an object of the wrong kind for its property (a literal
target, a node as a claim's text; see :func:`~argmap.ontology.property_kinds`)
is an error at its line, the same from both (:func:`misfit_error`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import re
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from ._files import read_text
from .errors import InputError, MapError, ParseError
from .namespace import NAMESPACE
from .ontology import property_kinds

__all__ = ["quiet_gc", "PREDICATES", "LITERAL_PREDICATES", "TripleIndex", "from_graph", "from_file", "from_rows", "from_parser", "large",
           "ntriples_lines", "LARGE_BYTES", "OXIGRAPH_FORMATS", "oxigraph_input", "syntax_error",
           "SPLIT_BYTES", "split_statements",
           "cores", "file_parts", "Misfit", "graph_misfits", "misfit_error"]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_AM = NAMESPACE
_DCT = "http://purl.org/dc/terms/"

RDF_TYPE = _RDF + "type"
SUBCLASS = _RDFS + "subClassOf"

#: The predicates the structure of a map is read from.
PREDICATES = (
    RDF_TYPE, _RDFS + "label", SUBCLASS,
    *(_AM + p for p in ("text", "baseScore", "quote", "exact", "inSource", "start", "end", "attributedTo",
                        "premise", "target", "weight", "mainThesis", "source")),
    *(_DCT + p for p in ("title", "publisher", "date", "creator")),
)

#: Those of :data:`PREDICATES` whose objects are literals.
LITERAL_PREDICATES = frozenset(
    (_RDFS + "label", *(_AM + p for p in ("text", "baseScore", "exact", "start", "end", "weight")),
     *(_DCT + p for p in ("title", "publisher", "date", "creator"))))

#: A map read from files at least this large is written (as Turtle or N-Triples) in the order read, not
#: sorted through an rdflib graph (:func:`large`; ``ARGMAP_LARGE_BYTES`` changes it).
LARGE_BYTES = 2_000_000

#: The formats Oxigraph parses, by argmap's name for them.
OXIGRAPH_FORMATS = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "rdfxml": "RDF_XML"}


@contextmanager
def quiet_gc():
    """Build many long-lived objects without the cyclic garbage collector.

    Each of its runs would walk every object built so far, for nothing: maps
    hold no reference cycles.  What is built is then frozen out of later runs
    (``gc.freeze``), which the scoring that follows also gains from.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


#: Lookups of a predicate answered by a scan before its table is built (see :meth:`TripleIndex.objects`).
SCANS = 8


class TripleIndex:
    """Objects by predicate and subject: ``index.objects(s, p)``, ``index.subjects(p)``.

    Each subject's objects keep the order they were added in, without
    repeats.  Pairs are kept as they arrive, in two columns (:meth:`columns`),
    and a predicate's table, subject to objects, is built from them the
    first time it is asked for (:meth:`table`): a command that never looks
    at the claims' texts never pays for indexing them.
    """

    def __init__(self):
        self._chunks: dict[str, list] = {}  # predicate: every (subjects, objects) added, in order
        self._tables: dict[str, dict[str, list]] = {}
        self._filled: dict[str, int] = {}  # predicate: how many of its chunks are in its table
        self._scans: dict[str, int] = {}  # predicate: lookups answered by scanning its columns
        self.read = 0  # triples read, kept or not
        self.misfits: set[str] = set()  # predicates with an object of the wrong kind (see :func:`misfit_error`)

    def add_pairs(self, predicate: str, pairs) -> None:
        """Add ``(subject, object)`` pairs of one predicate."""
        pairs = list(pairs)
        if pairs:
            self.add_columns(predicate, [s for s, _o in pairs], [o for _s, o in pairs])

    def add_columns(self, predicate: str, subjects, objects) -> None:
        """Add pairs of one predicate as two equal columns: lists, or strings of terms joined by U+0000."""
        self._chunks.setdefault(predicate, []).append((subjects, objects))

    def _split(self, predicate: str) -> list:
        chunks = self._chunks.get(predicate, [])
        for k, (subjects, objects) in enumerate(chunks):
            if isinstance(subjects, str):
                chunks[k] = subjects.split("\0"), objects.split("\0")
        return chunks

    def table(self, predicate: str) -> dict[str, list]:
        """Each subject of ``predicate`` with its objects (built on first use, then kept; do not change it)."""
        chunks = self._split(predicate)
        table = self._tables.setdefault(predicate, {})
        for subjects, objects in chunks[self._filled.get(predicate, 0):]:
            _fill(table, subjects, objects)
        self._filled[predicate] = len(chunks)
        return table

    def columns(self, predicate: str) -> tuple[list, list]:
        """Every pair of ``predicate`` as two columns, subjects and objects, without building its table.

        A pair added twice appears twice.  Do not change the lists.
        """
        chunks = self._split(predicate)
        if not chunks:
            return [], []
        if len(chunks) > 1:  # joined once, and kept joined
            if predicate in self._tables:
                self.table(predicate)
            chunks[:] = [([x for c in chunks for x in c[0]], [x for c in chunks for x in c[1]])]
            if predicate in self._tables:
                self._filled[predicate] = 1
        return chunks[0]

    def replace(self, predicate: str, table: dict[str, list]) -> None:
        """Make ``table`` (subject to objects) the pairs of ``predicate``."""
        self._tables[predicate] = table
        self._chunks[predicate] = [([s for s, objs in table.items() for _o in objs],
                                    [o for objs in table.values() for o in objs])]
        self._filled[predicate] = 1

    @property
    def by(self) -> dict[str, dict[str, list]]:
        """Every predicate's :meth:`table`."""
        return {p: self.table(p) for p in dict.fromkeys((*PREDICATES, *self._chunks))}

    def objects(self, subject: str, predicate: str) -> list:
        """The objects of ``subject`` and ``predicate``, in the order added, without repeats.

        The first few lookups of a predicate whose table is not built scan
        its subjects column (in C, a few milliseconds for 100,000 pairs)
        instead of building the table, so that naming one claim of a large
        map does not index the texts of all of them.
        """
        chunks = self._chunks.get(predicate)
        if not chunks:
            return []
        if self._filled.get(predicate) == len(chunks):
            return self._tables[predicate].get(subject, [])
        if self._scans.get(predicate, 0) < SCANS:
            self._scans[predicate] = self._scans.get(predicate, 0) + 1
            subjects, objects = self.columns(predicate)
            found, at = [], -1
            try:
                while True:
                    at = subjects.index(subject, at + 1)
                    found.append(objects[at])
            except ValueError:
                return list(dict.fromkeys(found))
        return self.table(predicate).get(subject, [])

    def value(self, subject: str, predicate: str):
        """One object (the least, so that the choice never depends on the reader), or None."""
        objs = self.objects(subject, predicate)
        return min(objs) if objs else None

    def subjects(self, predicate: str, obj=None) -> list:
        table = self.table(predicate)
        if obj is None:
            return list(table)
        return [s for s, objs in table.items() if obj in objs]

    def pairs(self, predicate: str):
        for s, objs in self.table(predicate).items():
            for o in objs:
                yield s, o

    def merge(self, other: "TripleIndex") -> "TripleIndex":
        for p in other._chunks:
            self._chunks.setdefault(p, []).extend(other._split(p))
        self.read += other.read
        self.misfits |= other.misfits
        return self

    def __len__(self) -> int:
        return sum(len(objs) for table in self.by.values() for objs in table.values())


def _fill(table: dict, subjects: list, objects: list) -> None:
    """Add the pairs of two columns to ``table`` (subject to objects, in order, without repeats)."""
    if len(set(subjects)) == len(subjects) and table.keys().isdisjoint(subjects):
        # one object per subject, none seen before: the table is built without a Python loop
        table.update(zip(subjects, map(list, zip(objects))))
        return
    repeated = []
    for s, o in zip(subjects, objects):
        objs = table.get(s)
        if objs is None:
            table[s] = [o]
        else:
            objs.append(o)
            repeated.append(s)
    for s in repeated:
        table[s] = list(dict.fromkeys(table[s]))


def from_graph(graph) -> TripleIndex:
    """The index of an rdflib graph."""
    from rdflib import URIRef  # lazy: rdflib takes 0.2 s to import

    index = TripleIndex()
    for p in PREDICATES:
        index.add_pairs(p, ((str(s), str(o)) for s, o in graph.subject_objects(URIRef(p))))
    return index


def from_rows(rows) -> TripleIndex:
    """The index of ``(subject, predicate, object)`` rows of strings (other predicates are left out)."""
    columns: dict[str, tuple] = {p: ([], []) for p in PREDICATES}
    for s, p, o in rows:
        slot = columns.get(p)
        if slot is not None:
            slot[0].append(s)
            slot[1].append(o)
    return _indexed(columns, 0)


def oxigraph_input(path, fmt_name: str) -> dict:
    """pyoxigraph's ``parse`` and ``bulk_load`` arguments for the map file ``path``: path, format and base IRI.

    Relative IRIs resolve against the file's ``file:`` URI, as the rdflib
    reader does.  A missing file gets the one-line error every reader gives.
    """
    if not Path(path).is_file():
        read_text(path)
    return {"path": str(path), "format": getattr(ox.RdfFormat, OXIGRAPH_FORMATS[fmt_name]),
            "base_iri": Path(path).resolve().as_uri()}


#: Turtle and N-Triples files at least this large are loaded into a store in parallel parts.
SPLIT_BYTES = 16_000_000

# A line of a Turtle header: blank, a comment, or a directive (Turtle 1.1, section 2.4).
_HEADER_LINE = re.compile(rb"[ \t]*(?:#[^\n]*|(?:@prefix|@base|(?:prefix|base)[ \t])[^\n]*)?\r?\n", re.I)
_DIRECTIVE = re.compile(rb"\n[ \t]*(?:@prefix|@base|(?:prefix|base)[ \t])", re.I)  # after the header
# Where a part may end: after a line ending with "." and before one that starts a statement.
_STATEMENT_END = {"turtle": re.compile(rb"\.[ \t]*\r?\n(?=[^ \t\r\n#])"), "ntriples": re.compile(rb"\n")}


def split_statements(data: bytes, fmt_name: str, parts: int) -> list[bytes] | None:
    """``data``, a Turtle or N-Triples document, cut into ``parts`` documents whose triples together are its own.

    Each part after the first starts with the document's header (its
    leading ``@prefix``/``@base`` lines and comments), and every cut falls
    after a line ending in ``.``, before a line that starts a statement.
    Such a cut can still fall inside a long (triple-quoted) string; then the
    part before it ends inside that string and does not parse, so a caller
    that loads the parts must check that every one parses, and read the
    whole document instead if one does not (:meth:`argmap.store.OxigraphStore.load`
    does).  When every part parses, each cut is a boundary between two
    statements of the document (Turtle is read left to right, a line at a
    time at a cut), so the parts' triples are the document's.

    ``None`` when the document cannot be cut safely: a blank node label
    (``_:b``) would name a different node in each part, and a directive
    after the header would not reach the parts before it.  See RDF 1.1
    Turtle (W3C Recommendation, 2014), sections 2.4 and 2.6, and RDF 1.1
    N-Triples, section 2.
    """
    if parts < 2 or fmt_name not in _STATEMENT_END or b"_:" in data:
        return None
    start = 0
    if fmt_name == "turtle":
        while (line := _HEADER_LINE.match(data, start)) and line.end() > start:
            start = line.end()
        if _DIRECTIVE.search(data, max(start - 1, 0)):
            return None
    cuts = [0]
    for k in range(1, parts):
        end = _STATEMENT_END[fmt_name].search(data, max(start, cuts[-1], len(data) * k // parts))
        if end is None or end.end() >= len(data):
            break
        cuts.append(end.end())
    if len(cuts) < 2:
        return None
    header = data[:start]
    bounds = list(zip(cuts, cuts[1:] + [len(data)]))
    return [data[:bounds[0][1]]] + [header + data[a:b] for a, b in bounds[1:]]


def syntax_error(exc: SyntaxError, fmt_name: str, path):
    """Oxigraph's SyntaxError for ``path`` as argmap's one-line :class:`~argmap.errors.ParseError`, with its line."""
    line = exc.lineno if isinstance(exc.lineno, int) else None
    return ParseError(f"bad {fmt_name} syntax: {' '.join(str(exc.msg).split())[:200]}", path=str(path), line=line)


def cores() -> int:
    """The processor cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def file_parts(path, fmt_name: str, per_core: int = 1) -> list[bytes] | None:
    """The file ``path`` cut into ``per_core`` documents per core (:func:`split_statements`), or None.

    None for a file under :data:`SPLIT_BYTES` (``ARGMAP_SPLIT_BYTES``), on
    one core, and for a document that cannot be cut.
    """
    n = cores()
    if n < 2 or fmt_name not in _STATEMENT_END:
        return None
    if os.path.getsize(path) < int(os.environ.get("ARGMAP_SPLIT_BYTES", SPLIT_BYTES)):
        return None
    with open(path, "rb") as f:
        return split_statements(f.read(), fmt_name, n * per_core)


def from_file(path, fmt_name: str) -> TripleIndex:
    """Stream ``path`` through Oxigraph's parser and index the structure's triples (see :func:`oxigraph_input`).

    A large file is cut into a few parts per core (:func:`file_parts`) and
    read by one process per core (:func:`_read_in_processes`); if a part
    does not parse, the whole file is read in one piece, which gives the
    same index or the error with its line.  A file of binary data or of
    bytes that are not UTF-8 gets the error every reader gives (see
    :func:`argmap._files.read_text`), looked for only once the parse failed.
    """
    source = oxigraph_input(path, fmt_name)
    try:
        parts = file_parts(path, fmt_name, per_core=PARTS_PER_CORE)
        if parts:
            args = {k: v for k, v in source.items() if k != "path"}
            index = _read_in_processes([lambda part=part: ox.parse(part, **args, lenient=True) for part in parts])
            if index is not None:
                return _checked(index, lambda: ox.parse(**source, lenient=True), path)
        return from_parser(lambda: ox.parse(**source, lenient=True), fmt_name, path)
    except ParseError:
        read_text(path)
        raise


#: A file read in processes is cut into this many parts per core, so that none waits long for another.
PARTS_PER_CORE = 4


def _slots(parse) -> tuple[dict, int, set]:
    """The subjects and objects of each structure predicate in ``parse()``, as two columns; the triples read;
    and the predicates of :func:`~argmap.ontology.property_kinds` with an object of the wrong kind.

    The kind of each object of those predicates goes into a column of its
    own, which is checked as a set after the reading.
    """
    wants_literal = property_kinds()
    columns = {p: ([], []) for p in PREDICATES}
    kinds = {p: [] for p in wants_literal}
    slots = {}  # found by the term: no string per predicate
    for p in dict.fromkeys((*PREDICATES, *kinds)):
        subjects, objects = columns.get(p, (None, None))
        slots[ox.NamedNode(p)] = (_ignore if subjects is None else subjects.append,
                                  _ignore if objects is None else objects.append,
                                  _ignore if p not in kinds else kinds[p].append)
    read = 0
    for q in parse():  # a term at a time: unpacking the quad would build its graph name too
        read += 1
        slot = slots.get(q.predicate)
        if slot is not None:
            slot[0](q.subject.value)
            o = q.object
            slot[1](o.value)
            slot[2](type(o))
    misfits = set()
    for p, column in kinds.items():
        found = set(column)
        if (found - {ox.Literal}) if wants_literal[p] else (ox.Literal in found):
            misfits.add(p)
    return columns, read, misfits


def _ignore(_term) -> None:
    """What :func:`_slots` does with the part of a triple it does not keep."""


def _read_in_processes(parses: list) -> TripleIndex | None:
    """The index of the parts ``parses``, in their order, read by this process and one forked process per other core.

    Each process takes the next part not yet taken until none is left, so
    that a process that drew quick parts reads more of them.  A child sends
    each part's columns as one NUL-joined string per predicate and column,
    which crosses the pipe far faster than lists; the index splits them
    only when that predicate is first looked up.  None if a part does not
    parse or a process fails.
    """
    if not sys.platform.startswith("linux"):  # forking is Linux's cheap, safe way here
        return None
    ctx = multiprocessing.get_context("fork")
    taken = ctx.Value("i", 0)
    children = []
    for _ in range(min(cores(), len(parses)) - 1):
        mine, theirs = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_child_slots, args=(parses, taken, theirs), daemon=True)
        child.start()
        theirs.close()
        children.append((child, mine))
    # each child's messages are taken off its pipe as they come, so that it never waits to send
    inbox: list[list[bytes]] = [[] for _ in children]
    readers = [threading.Thread(target=_receive, args=(conn, box), daemon=True) for (_c, conn), box in zip(children, inbox)]
    for reader in readers:
        reader.start()
    done: dict[int, tuple] = {}
    ok = False
    try:
        try:
            for k in _take(taken, len(parses)):
                done[k] = _slots(parses[k])
        except (SyntaxError, OSError, UnicodeDecodeError):
            return None
        for reader, box in zip(readers, inbox):
            reader.join()
            messages = [pickle.loads(m) for m in box]
            if not messages or messages[-1] != "done":
                return None
            for k, columns, read, misfits in messages[:-1]:
                done[k] = columns, read, misfits
        if sorted(done) != list(range(len(parses))):
            return None
        index = TripleIndex()
        for k in sorted(done):
            index.merge(_indexed(*done[k]))
        ok = True
        return index
    finally:
        for (child, conn), reader in zip(children, readers):
            if not ok:
                child.kill()
            child.join(timeout=5)
            reader.join(timeout=5)  # the child's end is closed now: its reader stops before the pipe is closed
            conn.close()


def _receive(conn, box: list) -> None:
    """Put each message from ``conn`` into ``box`` until the other end closes."""
    while True:
        try:
            box.append(conn.recv_bytes())
        except (EOFError, OSError):
            return


def _indexed(columns: dict, read: int, misfits=()) -> TripleIndex:
    index = TripleIndex()
    for p, (subjects, objects) in columns.items():
        if subjects:
            index.add_columns(p, subjects, objects)
    index.read = read
    index.misfits.update(misfits)
    return index


def _take(taken, n: int):
    """The numbers of parts, below ``n``, that no other process has taken yet, taking each."""
    while True:
        with taken.get_lock():
            k = taken.value
            taken.value = k + 1
        if k >= n:
            return
        yield k


def _child_slots(parses, taken, conn) -> None:
    """In a forked process: send :func:`_slots` of each part it takes down ``conn``, then ``"done"``.

    None instead if a part does not parse.  The process ends with
    ``os._exit``, so that it never touches the standard streams it shares
    with its parent (whose locks another of the parent's threads, such as a
    progress bar's, may have held at the fork), nor prints a traceback; a
    parent that gets nothing reads the file whole.
    """
    gc.disable()
    try:
        for k in _take(taken, len(parses)):
            try:
                columns, read, misfits = _slots(parses[k])
            except (SyntaxError, OSError, UnicodeDecodeError):
                conn.send_bytes(pickle.dumps(None))
                return
            out = {}
            for p, (subjects, objects) in columns.items():
                if not subjects:
                    continue
                joined = "\0".join(subjects), "\0".join(objects)
                if joined[0].count("\0") != len(subjects) - 1 or joined[1].count("\0") != len(subjects) - 1:
                    joined = subjects, objects  # a NUL inside a term: send the lists
                out[p] = joined
            conn.send_bytes(pickle.dumps((k, out, read, misfits), protocol=pickle.HIGHEST_PROTOCOL))
        conn.send_bytes(pickle.dumps("done"))
        conn.close()
    finally:
        os._exit(0)


def from_parser(parse, fmt_name: str, path) -> TripleIndex:
    """Index the structure's triples of ``parse()``, a pyoxigraph parser.

    Syntax errors become :class:`~argmap.errors.ParseError` at ``path`` with
    the line Oxigraph reports; an object of the wrong kind, :func:`misfit_error`.
    """
    try:
        return _checked(_indexed(*_slots(parse)), parse, path)
    except SyntaxError as exc:
        raise syntax_error(exc, fmt_name, path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    except UnicodeDecodeError:
        raise ParseError("not UTF-8 text", path=str(path)) from None


def _checked(index: TripleIndex, parse, path) -> TripleIndex:
    """``index``, unless it holds an object of the wrong kind: then its :func:`misfit_error`, found in ``parse()`` again."""
    if not index.misfits:
        return index

    wants_literal = {ox.NamedNode(p): (p, property_kinds()[p]) for p in index.misfits}
    found = []
    for q in parse():
        wanted = wants_literal.get(q.predicate)
        if wanted is not None and isinstance(q.object, ox.Literal) != wanted[1]:
            s, o = q.subject, q.object
            found.append(Misfit(None if isinstance(s, ox.BlankNode) else s.value, wanted[0], o.value,
                                isinstance(o, ox.Literal), isinstance(o, ox.BlankNode)))
    raise misfit_error(path, found)


def graph_misfits(graph) -> list:
    """The :class:`Misfit` s of an rdflib graph: objects of the wrong kind for their predicate."""
    from rdflib import BNode, Literal, URIRef  # lazy: rdflib takes 0.2 s to import

    return [Misfit(None if isinstance(s, BNode) else str(s), p, str(o), isinstance(o, Literal), isinstance(o, BNode))
            for p, literal in property_kinds().items()
            for s, o in graph.subject_objects(URIRef(p)) if isinstance(o, Literal) != literal]


class Misfit(NamedTuple):
    """A triple whose object is of the wrong kind for its predicate (see :func:`~argmap.ontology.property_kinds`)."""

    subject: str | None  # None for a blank node, whose label differs from one reading to the next
    predicate: str
    value: str  # a literal's lexical form, a node's IRI or a blank node's label
    literal: bool
    blank: bool

    @property
    def message(self) -> str:
        p = _short(self.predicate)
        if self.literal:
            hint = f"; write <{self.value}> for the node" if _IRI_LIKE.fullmatch(self.value) else ""
            what = f"{p} takes a node (an IRI), not the literal {_quoted(self.value)}{hint}"
        else:
            node = "a blank node" if self.blank else f"the node <{self.value}>"
            what = f"{p} takes a literal, not {node}"
        return what if self.subject is None else f"{self.subject}: {what}"

    def line_in(self, lines: list[str]) -> int | None:
        """The line of ``lines`` (a Turtle or N-Triples document's) that states this triple, as near as text tells.

        The first line from the subject's first mention that names both the
        predicate and the object; else the first that names the object; else
        the subject's line.
        """
        found = None
        if self.subject is not None:
            names_subject = _names(self.subject)
            found = next((n for n, line in enumerate(lines, 1) if names_subject.search(line)), None)
        start = found or 1
        names_predicate = _names(self.predicate, r"|(?:^|\s)a\s" if self.predicate == RDF_TYPE else "")
        if self.literal:
            first = self.value.split("\n", 1)[0]
            names_object = re.compile(re.escape(first) if first else "\"\"|''")
        else:
            names_object = re.compile(r"_:|\[") if self.blank else _names(self.value)
        window = lines[start - 1:]
        for predicate_too in (True, False):
            for n, line in enumerate(window, start):
                if names_object.search(line) and (not predicate_too or names_predicate.search(line)):
                    return n
        return found


def _names(iri: str, more: str = "") -> re.Pattern:
    """A pattern for ``iri`` in Turtle: ``<iri>``, or a prefixed name ending in its last segment (after ``#``, ``/`` or ``:``)."""
    local = re.split(r"[#/:]", iri)[-1]
    pattern = re.escape(f"<{iri}>")
    if local:
        pattern += rf"|(?<![^\s;,(\[])[\w.-]*:{re.escape(local)}(?![\w-])"
    return re.compile(pattern + more)


_IRI_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")

#: Prefixes messages name predicates with.
_PREFIXES = {_AM: "am:", _RDF: "rdf:", _RDFS: "rdfs:", "http://www.w3.org/ns/oa#": "oa:",
             "http://www.w3.org/ns/prov#": "prov:", "http://www.arg.tech/aif#": "aif:"}


def _short(iri: str) -> str:
    for ns, prefix in _PREFIXES.items():
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z][\w-]*", iri[len(ns):]):
            return prefix + iri[len(ns):]
    return f"<{iri}>"


def _quoted(value: str) -> str:
    shown = value if len(value) <= 60 else value[:57] + "..."
    return '"' + shown.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


#: How many misfits :func:`misfit_error` looks for in the text, to report the first of them.
MISFITS_LOCATED = 20


def misfit_error(path, misfits):
    """The :class:`~argmap.errors.MapError` for the first of ``misfits`` in the file ``path``, with its line.

    The same triples give the same message and line whichever reader found
    them: the misfits are ordered by predicate, object and subject (blank
    nodes, whose labels differ, left out), and the first :data:`MISFITS_LOCATED` of them located in
    the text; the one on the earliest line is reported.
    """
    ordered = sorted(set(misfits), key=lambda m: (m.predicate, "" if m.blank else m.value, m.subject or "", m.literal))
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines() if path and Path(path).is_file() else []
    except (OSError, UnicodeDecodeError):
        lines = []
    located = [(m.line_in(lines) if lines else None, k, m) for k, m in enumerate(ordered[:MISFITS_LOCATED])]
    line, _k, first = min(located, key=lambda t: (t[0] is None, t[0] or 0, t[1]))
    return MapError(first.message, path=None if path is None else str(path), line=line)


def large(paths) -> bool:
    """Whether the files ``paths`` hold at least :data:`LARGE_BYTES` together (``ARGMAP_LARGE_BYTES`` changes it)."""
    limit = int(os.environ.get("ARGMAP_LARGE_BYTES", LARGE_BYTES))
    total = 0
    for p in paths:
        try:
            total += os.path.getsize(p)
        except OSError:
            return False
    return total >= limit


def ntriples_lines(parts) -> list[str]:
    """Every triple of ``parts`` as one N-Triples line, in the order read, without repeats.

    Files are serialized by Oxigraph (RDF 1.1 N-Triples, W3C Recommendation
    2014), triple lists term by term; no rdflib graph is built.  The same
    files always give the same lines (sorting a million lines would cost
    seconds for nothing).
    """
    if len(parts) == 1 and parts[0][2] is not None:
        return parts[0][2].ntriples_lines()
    lines: dict = {}
    for path, name, triples in parts:
        if triples is not None:
            lines.update(dict.fromkeys(triples.ntriples_lines()))
            continue
        parsed = ox.parse(**oxigraph_input(path, name), lenient=True)
        lines.update(dict.fromkeys(ox.serialize(parsed, format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines()))
    return list(lines)
