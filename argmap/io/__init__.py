"""One registry of the formats argmap reads and writes.

A format is registered by name, with aliases and file suffixes, and names the
module that implements it; the module is imported only when the format is
first used, so that adding a format costs ``argmap --help`` nothing.  Adding a
format is one module and one :func:`register` line below.

A reader module has ``read(path, fmt) -> rdflib.Graph`` (registered with
``triples=True``, also ``read(path, fmt, graph=TripleList())``, for large files; with
``framework=True``, also ``read_framework(path, fmt) -> FrameworkMap``, see :mod:`.afmap`); a writer
module has ``dumps(amap, fmt) -> str``.  When several formats share a suffix (``.json``
is both AIF and argmap's JSON export), a reader module's ``sniff(head) ->
bool`` looks at the first few kilobytes of the file to tell them apart.  ``fmt`` is the :class:`Format` itself, so one
module can serve several formats (``argmap.io.rdf`` serves every RDF syntax).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .._files import atomic_write
from ..errors import FormatError, UsageError
from ..evaluations import add_evaluations
from ..progress import files_label, progress

__all__ = ["Format", "register", "get_format", "guess_format", "formats", "read_graph", "read_framework", "dumps", "write",
           "writable_target", "save_evaluations"]


@dataclass(frozen=True)
class Format:
    """A file format: its name, aliases, suffixes and implementing module."""

    name: str
    module: str
    suffixes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    readable: bool = True
    writable: bool = True
    options: dict = field(default_factory=dict, compare=False, hash=False)

    def sniff(self, head: str) -> bool:
        """Whether a file starting with ``head`` looks like this format."""
        impl = self._impl()
        return bool(getattr(impl, "sniff", lambda _h: False)(head))

    def _impl(self):
        return importlib.import_module(self.module, __name__)

    def read(self, path, source=None):
        """Read ``path``; ``source`` is the source text's file, for the formats that anchor quotes in it."""
        if not self.readable:
            raise FormatError(f"argmap cannot read format {self.name!r}", path=path)
        if source is not None and self.options.get("anchors"):
            return self._impl().read(path, self, source=source)
        return self._impl().read(path, self)

    def read_triples(self, path):
        """Read ``path`` into a :class:`._build.TripleList` instead of an rdflib Graph.

        Only formats registered with ``triples=True`` can; it is how large
        imports skip rdflib.
        """
        from ._build import TripleList  # lazy: it imports rdflib

        if not self.options.get("triples"):
            raise FormatError(f"argmap reads format {self.name!r} only into an rdflib graph", path=path)
        return self._impl().read(path, self, graph=TripleList())

    def read_framework(self, path):
        """Read ``path`` into a :class:`.afmap.FrameworkMap`: claims and compiled arrays, no RDF.

        Only formats registered with ``framework=True`` (the argumentation
        community's ``.apx``, ``.bag``, ``.af``) can; it is how ``argmap
        score`` and ``explain`` skip rdflib for them.
        """
        if not self.options.get("framework"):
            raise FormatError(f"argmap reads format {self.name!r} only as a map, not straight into a framework",
                              path=path)
        return self._impl().read_framework(path, self)

    def dumps(self, amap, *, source=None, path=None) -> str:
        """``amap`` as text; a format that quotes its source by text alone (Argdown) takes the source
        text's file ``source`` and the ``path`` it will be written to (to name the source from there)."""
        if not self.writable:
            raise FormatError(f"argmap cannot write format {self.name!r}")
        if self.options.get("anchors"):
            text = self._impl().dumps(amap, self, source=source, path=path)
        else:
            text = self._impl().dumps(amap, self)
        if self.options.get("xml"):
            _check_xml_chars(text, self.name)
        return text


#: Characters outside XML 1.0's ``Char`` production (XML 1.0, 5th ed., section 2.2).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _check_xml_chars(text: str, fmt: str) -> None:
    """Refuse an XML export holding a character that XML 1.0 cannot carry, even escaped."""
    bad = NOT_XML.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise FormatError(f"the map holds U+{ord(bad.group()):04X}, a control character that {fmt} (XML 1.0) "
                          f"cannot carry (output line {line}); export to turtle, ntriples or json instead")


_FORMATS: dict[str, Format] = {}
_BY_KEY: dict[str, Format] = {}
_BY_SUFFIX: dict[str, list[Format]] = {}


def register(name, module, *, suffixes=(), aliases=(), readable=True, writable=True, **options) -> Format:
    """Register a format under ``name`` (and ``aliases``) for ``suffixes``."""
    fmt = Format(name, module, tuple(suffixes), tuple(aliases), readable, writable, dict(options))
    _FORMATS[name] = fmt
    for key in (name, *aliases):
        _BY_KEY[key.lower()] = fmt
    for suffix in suffixes:
        _BY_SUFFIX.setdefault(suffix.lower(), []).append(fmt)
    return fmt


def formats(*, readable: bool | None = None, writable: bool | None = None) -> list[Format]:
    """The registered formats, optionally only those that can be read or written."""
    return [
        f
        for f in _FORMATS.values()
        if (readable is None or f.readable == readable) and (writable is None or f.writable == writable)
    ]


def get_format(name: str) -> Format:
    """The format called ``name`` (or one of its aliases); :class:`FormatError` if none."""
    try:
        return _BY_KEY[name.lower()]
    except KeyError:
        known = ", ".join(sorted(_FORMATS))
        raise FormatError(f"unknown format {name!r} (known: {known})") from None


def _head(path, size: int = 4096) -> str:
    try:
        with open(path, "rb") as fh:
            return fh.read(size).decode("utf-8", "replace").lstrip("\ufeff")
    except OSError:
        return ""


def guess_format(path, *, reading: bool = True) -> Format:
    """The format of ``path``, from its suffix and, when the suffix is shared, its content.

    For reading, a suffix that several readable formats share is decided by
    each one's ``sniff``; for writing, the first format registered for the
    suffix wins.  :class:`FormatError` if the suffix names no format, or the
    content fits none or several of them.
    """
    suffix = Path(path).suffix.lower()
    shared = _BY_SUFFIX.get(suffix, [])
    found = [f for f in shared if (f.readable if reading else f.writable)]
    if not found:
        what = f"suffix {suffix!r}" if suffix else "no suffix"
        raise FormatError(f"cannot tell the format from {what}; name it with {{format}}", path=str(path),
                          arguments=("format",))
    if len(shared) == 1 or not reading:
        return found[0]
    head = _head(path)
    fits = [f for f in shared if f.sniff(head)]
    if len(fits) == 1 and not fits[0].readable:
        raise FormatError(f"this is argmap's {fits[0].name} export, which argmap writes but does not read; "
                          f"read the map it was exported from", path=str(path))
    fits = [f for f in fits if f.readable]
    if len(fits) == 1:
        return fits[0]
    if not fits and len(found) == 1:
        return found[0]  # let its reader say what is wrong
    names = ", ".join(f.name for f in (fits or found))
    raise FormatError(f"cannot tell the format from the content (one of: {names}); name it with {{format}}",
                      path=str(path), arguments=("format",))


def read_graph(path, format: str | None = None, source=None):
    """Read one file into an rdflib Graph, by ``format`` or else by its suffix (``source``: see :meth:`Format.read`)."""
    fmt = get_format(format) if format else guess_format(path)
    return fmt.read(path, source)


def read_framework(path, format: str | None = None):
    """Read one ``.apx``, ``.bag`` or ``.af`` file into a :class:`~argmap.io.afmap.FrameworkMap` (see
    :meth:`argmap.io.Format.read_framework`), ``format`` naming its format or else its suffix."""
    fmt = get_format(format) if format else guess_format(path)
    with progress(f"reading {files_label([path])}", total=1) as bar:
        framework = fmt.read_framework(path)
        bar.advance()
    return framework


def dumps(amap, format: str, *, source=None, path=None) -> str:
    """Serialize ``amap`` in ``format`` (``source`` and ``path``: see :meth:`Format.dumps`)."""
    return get_format(format).dumps(amap, source=source, path=path)


def write(amap, path, format: str | None = None) -> Path:
    """Write ``amap`` to ``path`` atomically, by ``format`` or else by suffix."""
    fmt = get_format(format) if format else guess_format(path, reading=False)
    return atomic_write(path, fmt.dumps(amap))


# --- the registry -----------------------------------------------------------
register("turtle", ".rdf", suffixes=(".ttl",), aliases=("ttl",), rdflib="turtle")
register("ntriples", ".rdf", suffixes=(".nt",), aliases=("nt", "n-triples"), rdflib="nt")
register("rdfxml", ".rdf", suffixes=(".rdf", ".owl"), aliases=("xml", "rdf/xml"), rdflib="xml", xml=True)
register("jsonld", ".jsonld", suffixes=(".jsonld",), aliases=("json-ld",), rdflib="json-ld")
register("json", ".mapjson", suffixes=(".json",), readable=False)
register("aif", ".aif", suffixes=(".json",), aliases=("aif-json", "aifdb", "ova"), triples=True)
register("argdown", ".argdown", suffixes=(".argdown", ".ad"), anchors=True)
register("kialo", ".kialo", suffixes=(".txt",), writable=False)
register("microtexts", ".microtexts", suffixes=(".xml",), aliases=("arggraph", "arg-microtexts"), writable=False)
register("graphml", ".graphml", suffixes=(".graphml",), readable=False, xml=True)
register("gexf", ".gexf", suffixes=(".gexf",), readable=False, xml=True)
register("aspartix", ".aspartix", suffixes=(".apx",), aliases=("apx",), writable=False, framework=True)
register("bag", ".aspartix", suffixes=(".bag",), writable=False, framework=True)
register("iccma", ".iccma", suffixes=(".af", ".i23"), aliases=("iccma23", "iccma2023"), writable=False, framework=True)


def writable_target(path, what: str = "evaluations") -> str:
    """``path`` if argmap can write it as RDF (by suffix); UsageError otherwise, saying it cannot store ``what``."""
    fmt = guess_format(path)
    if "rdflib" not in fmt.options or not fmt.writable:
        raise UsageError(f"cannot store {what} in the {fmt.name} format; give {{output}}.ttl (or .nt, .rdf, .jsonld)",
                         path=str(path), arguments=("output",))
    return str(path)


def save_evaluations(amap, semantics: str, values: dict, path) -> int:
    """Add the evaluations (:func:`argmap.evaluations.add_evaluations`) to ``amap``'s graph and write it to ``path``.

    The file is written atomically, as RDF (its format from its suffix);
    returns the number of evaluations stored.
    """
    n = add_evaluations(amap.graph, semantics, values)
    write(amap, writable_target(path))
    return n
