"""Anchoring quotes in their source: find a quoted passage, or propose one for a claim.

A quote of argmap is at once a W3C Web Annotation ``TextQuoteSelector``
(its exact text, Web Annotation Data Model, section 4.2.4) and a
``TextPositionSelector`` (its start and end, section 4.2.5: offsets count
characters from 0, the end is exclusive; argmap counts Unicode code points).
This module finds the one from the other:

* :func:`locate` turns a quoted text into a :class:`Span` of the source.  The
  exact text is looked for first; where it is nowhere, a match that ignores
  what typing a quote by hand changes: runs of whitespace and line breaks (any
  run is one space, none beside a dash), curly and straight quotation marks and apostrophes, the
  dashes (hyphen, en and em dash, minus sign, ...) and case.  The span is
  always the source's own characters, line breaks and curly quotes included.
  A text found more than once raises :class:`QuoteAmbiguous` unless
  ``occurrence`` picks one; a text found nowhere raises :class:`QuoteNotFound`
  with the closest passage (rapidfuzz's partial ratio alignment).
* :func:`reanchor` finds a quote again after its source was edited: the
  occurrence nearest its old start.
* :func:`passages` cuts a source into sentences and clauses with their
  offsets, and :func:`propose` ranks them against a claim's words (the
  proposals ``argmap anchor`` makes for claims without a quote).

A :class:`Span` carries the TextQuoteSelector's ``prefix`` and ``suffix``
(section 4.2.4: the text just before and after, here up to
:data:`CONTEXT` characters) only where they help: when the exact text occurs
more than once in the source, so that the context tells the places apart.
A span of a text that occurs once has an empty prefix and suffix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, XSD, BNode, Literal, URIRef

from ._files import read_text
from .errors import InputError, UsageError
from .namespace import local_name
from .vocab import AM

__all__ = ["Span", "locate", "reanchor", "QuoteNotFound", "QuoteAmbiguous", "NoSuchOccurrence", "normalize",
           "passages", "propose", "Proposal", "similarity", "CONTEXT"]

#: Characters of context (TextQuoteSelector prefix and suffix) a span carries at most.
CONTEXT = 32

#: Characters each quotation mark or dash stands for when quotes are compared loosely.
_FOLD = {**dict.fromkeys("‘’‚‛′`´", "'"), **dict.fromkeys("“”„‟″«»", '"'),
         **dict.fromkeys("‐‑‒–—―−", "-")}


@dataclass(frozen=True)
class Span:
    """A passage of a source: ``exact == source[start:end]`` (code point offsets, end exclusive).

    ``prefix`` and ``suffix`` are the source's characters just before and
    after (up to :data:`CONTEXT`), given when ``exact`` occurs more than once
    in the source (W3C Web Annotation, TextQuoteSelector, section 4.2.4).
    """

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""

    def __str__(self) -> str:
        return f"[{self.start}, {self.end}) {_show(self.exact)}"


def _show(text: str, width: int = 60) -> str:
    """``text`` in double quotes on one line, shortened in the middle to about ``width`` characters."""
    text = " ".join(text.split())
    if len(text) > width:
        half = (width - 3) // 2
        text = text[:half].rstrip() + "..." + text[-half:].lstrip()
    return f'"{text}"'


class _QuoteError(InputError):
    """What the quote errors share: a message built by ``describe(prefix)``, and :meth:`at`."""

    prefix = ""

    def _begin(self, prefix: str, where: dict) -> None:
        self.prefix = prefix
        InputError.__init__(self, self.describe(prefix), **where)

    def describe(self, prefix: str = "") -> str:  # pragma: no cover - each error says its own
        raise NotImplementedError

    def at(self, path=None, line=None, prefix: str = "", column=None):
        """This error again, placed at ``path:line`` of the caller's file and led by ``prefix`` (a claim's title).

        >>> try:
        ...     locate("abc", "xyz")
        ... except QuoteNotFound as exc:
        ...     print(exc.at("map.argdown", 4, "[Claim]"))
        map.argdown:4: [Claim]: quote "xyz" is nowhere in the source
        """
        again = type(self).__new__(type(self))  # an exception's copy would call __init__ with its message
        again.__dict__.update(self.__dict__)
        again.prefix, again.path, again.line, again.column = prefix, None if path is None else str(path), line, column
        again.message = again.describe(prefix)
        again.args = (str(again),)
        return again


class QuoteNotFound(_QuoteError):
    """A quote that is nowhere in the source, even compared loosely.

    ``closest`` is the passage most like it (None for an empty source or
    quote), ``similarity`` how alike they are, from 0 to 1.  ``describe()``
    is the message; give it a ``prefix`` (a claim's title) to lead with, or
    give ``prefix``, ``path`` and ``line`` to the constructor or to :meth:`at`.
    """

    def __init__(self, quote: str, closest: Span | None = None, similarity: float = 0.0, *, prefix: str = "",
                 **where):
        self.quote, self.closest, self.similarity = quote, closest, similarity
        self._begin(prefix, where)

    def describe(self, prefix: str = "") -> str:
        lead = f"{prefix}: " if prefix else ""
        if not self.quote.strip():
            return f"{lead}the quote is empty"
        said = f"{lead}quote {_show(self.quote)} is nowhere in the source"
        if self.closest is None:
            return said
        return f"{said}; the closest passage is {self.closest} (similarity {self.similarity:.2f})"


class NoSuchOccurrence(QuoteNotFound):
    """An ``occurrence`` beyond the places a quote is found at; ``places`` are those places."""

    def __init__(self, quote: str, occurrence: int, places: list, *, prefix: str = "", **where):
        self.occurrence, self.places = occurrence, places
        super().__init__(quote, prefix=prefix, **where)

    def describe(self, prefix: str = "") -> str:
        lead = f"{prefix}: " if prefix else ""
        n = len(self.places)
        return (f"{lead}quote {_show(self.quote)} occurs {n} time{'s' if n != 1 else ''}, "
                f"so there is no occurrence {self.occurrence}")


class QuoteAmbiguous(_QuoteError):
    """A quote found at more than one place of the source; ``places`` are its spans, in order."""

    def __init__(self, quote: str, places: list, *, prefix: str = "", **where):
        self.quote, self.places = quote, places
        self._begin(prefix, where)

    def describe(self, prefix: str = "") -> str:
        lead = f"{prefix}: " if prefix else ""
        at = ", ".join(f"[{p.start}, {p.end})" for p in self.places)
        return (f"{lead}quote {_show(self.quote)} occurs {len(self.places)} times, at {at}; "
                "quote more words or give {occurrence: N}")


# --- the loose comparison ---------------------------------------------------------------

def normalize(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` compared loosely, with where each of its characters comes from.

    Returns ``(folded, starts, ends)``: ``folded[k]`` stands for
    ``text[starts[k]:ends[k]]``.  A run of whitespace becomes one space
    (standing for the whole run); quotation marks and dashes become ``'``,
    ``"`` and ``-``; letters are case-folded one character at a time, so that
    a character that folds to two (``ß`` to ``ss``) maps both back to itself.

    >>> normalize("A  “B”")
    ('a "b"', [0, 1, 3, 4, 5], [1, 3, 4, 5, 6])
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            if not ((out and out[-1] == "-") or (j < n and _FOLD.get(text[j], text[j]) == "-")):
                out.append(" ")
                starts.append(i)
                ends.append(j)
            i = j
            continue
        folded = _FOLD.get(c) or c.casefold()
        out.append(folded)
        starts.extend([i] * len(folded))
        ends.extend([i + 1] * len(folded))
        i += 1
    return "".join(out), starts, ends


def _folded(text: str) -> str:
    return normalize(text)[0]


def occurrences(haystack: str, needle: str) -> list[int]:
    """Every index where ``needle`` starts in ``haystack``, overlapping ones included."""
    found, at = [], haystack.find(needle)
    while at >= 0:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def _span(source: str, start: int, end: int) -> Span:
    exact = source[start:end]
    if len(occurrences(source, exact)) > 1:
        return Span(start, end, exact, source[max(0, start - CONTEXT):start], source[end:end + CONTEXT])
    return Span(start, end, exact)


def _places(source: str, quote: str) -> list[tuple[int, int]]:
    """The places of ``quote`` in ``source``: exactly where it is there, else compared loosely."""
    exact = occurrences(source, quote)
    if exact:
        return [(s, s + len(quote)) for s in exact]
    folded_quote = _folded(quote).strip()  # whitespace at a quote's ends does not count
    if not folded_quote:
        return []
    folded, starts, ends = normalize(source)
    k = len(folded_quote)
    return list(dict.fromkeys((starts[s], ends[s + k - 1]) for s in occurrences(folded, folded_quote)))


def similarity(a: str, b: str) -> float:
    """How alike two texts are, from 0 to 1, compared loosely (rapidfuzz's ratio of the folded texts)."""
    from rapidfuzz import fuzz  # lazy: rapidfuzz takes 0.05 s to import

    return fuzz.ratio(_folded(a), _folded(b)) / 100


def _closest(source: str, quote: str) -> tuple[Span | None, float]:
    """The passage of ``source`` most like ``quote``, widened to whole words, and its similarity."""
    from rapidfuzz import fuzz  # lazy: rapidfuzz takes 0.05 s to import

    folded_quote = _folded(quote).strip()
    folded, starts, ends = normalize(source)
    if not folded_quote or not folded.strip():
        return None, 0.0
    hit = fuzz.partial_ratio_alignment(folded_quote, folded)
    if hit.score <= 0 or hit.dest_end <= hit.dest_start:  # nothing alike at all
        return None, 0.0
    start, end = starts[hit.dest_start], ends[hit.dest_end - 1]
    while start > 0 and source[start - 1].isalnum() and source[start].isalnum():
        start -= 1
    while end < len(source) and source[end].isalnum() and source[end - 1].isalnum():
        end += 1
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return _span(source, start, end), similarity(quote, source[start:end])


def locate(source: str, quote: str, occurrence: int | None = None) -> Span:
    """The span of ``source`` that ``quote`` quotes.

    The exact text first; where it is nowhere, the text compared loosely
    (whitespace runs, quotation marks, dashes and case do not count; see
    :func:`normalize`), mapped back to the source's own characters.
    ``occurrence`` (from 1) picks one of several places.

    Raises :class:`QuoteAmbiguous` for a quote found more than once without
    ``occurrence``, :class:`NoSuchOccurrence` for an occurrence beyond the
    places, and :class:`QuoteNotFound` (with the closest passage) for a quote
    found nowhere.

    >>> locate("He said:\\n“stop  now”.", '"stop now"')
    Span(start=9, end=20, exact='“stop  now”', prefix='', suffix='')
    """
    places = _places(source, quote)
    if not places:
        raise QuoteNotFound(quote, *_closest(source, quote))
    if occurrence is None:
        if len(places) > 1:
            raise QuoteAmbiguous(quote, [_span(source, s, e) for s, e in places])
        occurrence = 1
    if not 1 <= occurrence <= len(places):
        raise NoSuchOccurrence(quote, occurrence, [_span(source, s, e) for s, e in places])
    return _span(source, *places[occurrence - 1])


def reanchor(source: str, quote_text: str, old_start: int) -> Span:
    """The place of ``quote_text`` in an edited ``source``: of its occurrences, the one nearest ``old_start``.

    Ties go to the earlier place.  Raises :class:`QuoteNotFound` (with the
    closest passage) when the text is nowhere, even compared loosely.
    """
    places = _places(source, quote_text)
    if not places:
        raise QuoteNotFound(quote_text, *_closest(source, quote_text))
    start, end = min(places, key=lambda p: (abs(p[0] - old_start), p[0]))
    return _span(source, start, end)


# --- passages of a source and proposals for a claim -----------------------------------------

#: Where a sentence ends: . ! ? or an ellipsis (and any closing quotes or brackets), then whitespace.
_SENTENCE_END = re.compile(r"""(?<=[.!?…])["'”’)\]]*\s+|\n\s*\n|\n(?=\s*[•\-*–]\s)""")
#: Where a sentence divides into clauses: ; : , and dashes with space around them.
_CLAUSE_BREAK = re.compile(r"[;:,]\s+|\s+[—–-]+\s+|—")


def _trimmed(source: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace and bullets at its ends."""
    while start < end and (source[start].isspace() or source[start] in "•*"):
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end


def _pieces(source: str, start: int, end: int, pattern) -> list[tuple[int, int]]:
    """``source[start:end]`` cut where ``pattern`` matches, each piece trimmed, empty ones left out.

    A cut after a full stop that a lower-case letter follows is no sentence
    end (``the U.S. forces``) and is left uncut.
    """
    out, at = [], start
    for m in pattern.finditer(source, start, end):
        if m.end() < end and source[m.end()].islower() and source[m.start() - 1:m.start()] == ".":
            continue
        out.append(_trimmed(source, at, m.start()))
        at = m.end()
    out.append(_trimmed(source, at, end))
    return [(s, e) for s, e in out if e > s]


def passages(source: str, min_words: int = 3) -> list[Span]:
    """The sentences of ``source`` and, where a sentence divides, its clauses and runs of clauses, by offset.

    Sentences end at ``.``, ``!``, ``?`` or ``…`` followed by whitespace, at
    a blank line and before a bulleted line; they divide into clauses at
    ``;``, ``:``, ``,`` and at dashes.  Besides each sentence and each clause,
    every run of consecutive clauses of a sentence is a passage, since a
    claim often paraphrases two or three of them.  Passages of fewer than
    ``min_words`` words are left out unless they are a whole sentence.  Each
    passage is a :class:`Span` (without context); sorted by start, then end.
    """
    found: set[tuple[int, int]] = set()
    for s_start, s_end in _pieces(source, 0, len(source), _SENTENCE_END):
        found.add((s_start, s_end))
        clauses = _pieces(source, s_start, s_end, _CLAUSE_BREAK)
        for i in range(len(clauses)):
            for j in range(i, len(clauses)):
                start, end = clauses[i][0], clauses[j][1]
                if len(source[start:end].split()) >= min_words:
                    found.add((start, end))
    return [Span(s, e, source[s:e]) for s, e in sorted(found)]


@dataclass(frozen=True)
class Proposal:
    """A passage proposed as the quote of a claim, with its score from 0 to 1."""

    claim: str
    label: str
    span: Span
    score: float


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(_folded(text))


def _score(scorer, claim_words: str, passage_words: str) -> float:
    return scorer(claim_words, passage_words) / 100


def propose(source: str, texts, top: int = 3, *, candidates: list[Span] | None = None) -> list[tuple[Span, float]]:
    """The ``top`` passages of ``source`` most like a claim, best first, each with its score (0 to 1).

    ``texts`` are the claim's words (its text and its label).  A passage's
    score is, for the best of ``texts``, the mean of rapidfuzz's
    ``token_set_ratio`` (the shared words against each side's own) and
    ``token_sort_ratio`` (the whole passage against the whole claim, so that
    a short passage sharing a few words does not win), on the words folded
    as :func:`normalize` folds them.  Ties go to the earlier, then shorter
    passage.  ``candidates`` defaults to :func:`passages`.
    """
    from rapidfuzz import fuzz  # lazy: rapidfuzz takes 0.05 s to import

    candidates = passages(source) if candidates is None else candidates
    wanted = [" ".join(_words(t)) for t in texts if t and _words(t)]
    if not wanted:
        return []
    ranked = []
    for span in candidates:
        have = " ".join(_words(span.exact))
        best = max((_score(fuzz.token_set_ratio, w, have) + _score(fuzz.token_sort_ratio, w, have)) / 2
                   for w in wanted)
        ranked.append((-round(best, 6), span.start, span.end, span))
    ranked.sort(key=lambda r: r[:3])
    return [(_span(source, span.start, span.end), -neg) for neg, _s, _e, span in ranked[:top]]


# --- a map's quotes against its source ------------------------------------------------------

@dataclass(frozen=True)
class Reanchoring:
    """A quote whose offsets do not fit the source, and where its text is now.

    ``node`` is the quote, ``owner`` the claim (or relation) it is a quote of
    and ``label`` that claim's label; ``start``, ``end`` and ``exact`` are
    what the map says.  ``span`` is the place found (None where none is, and
    then ``problem`` says why).
    """

    node: str
    owner: str
    label: str
    start: int | None
    end: int | None
    exact: str
    span: Span | None
    problem: str = ""
    term: object = field(default=None, compare=False, repr=False)  # the quote's rdflib node


@dataclass
class AnchorReport:
    """What ``argmap anchor`` finds: passages proposed for claims without a quote, quotes to re-anchor.

    ``proposals`` are best first per claim, claims in id order;
    ``reanchorings`` in quote order.  ``stored`` and ``fixed`` count the
    quotes written and the quotes whose offsets were mended, when written.
    """

    proposals: list
    reanchorings: list
    stored: int = 0
    fixed: int = 0

    def to_json(self) -> dict:
        """The report as the JSON ``argmap anchor --format json`` prints."""
        def place(span):
            return None if span is None else {"text": span.exact, "start": span.start, "end": span.end}

        return {
            "proposals": [{"claim": p.claim, "label": p.label, "quote": place(p.span), "score": round(p.score, 4)}
                          for p in self.proposals],
            "reanchors": [{"quote": r.node, "claim": r.owner, "label": r.label,
                           "old": {"text": r.exact, "start": r.start, "end": r.end}, "new": place(r.span),
                           **({"problem": r.problem} if r.problem else {})} for r in self.reanchorings],
        }


def _quote_nodes(graph) -> list:
    """Every quote of the graph (typed am:Quote, or the object of am:quote), sorted."""
    return sorted(set(graph.subjects(RDF.type, AM.Quote)) | set(graph.objects(None, AM.quote)), key=str)


def _int_or_none(value):
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def reanchorings(amap, source: str) -> list[Reanchoring]:
    """The quotes of ``amap`` whose offsets do not fit ``source``, each with its place found anew.

    A quote fits when ``source[start:end]`` is its exact text.  One that does
    not, or has no offsets, is looked for with :func:`reanchor` (the place
    nearest its old start) or, without offsets, :func:`locate`.
    """
    graph = amap.graph
    out = []
    for q in _quote_nodes(graph):
        exact = graph.value(q, AM.exact)
        if exact is None:
            continue  # validate reports a quote without text
        exact = str(exact)
        start, end = _int_or_none(graph.value(q, AM.start)), _int_or_none(graph.value(q, AM.end))
        if start is not None and end is not None and 0 <= start <= end and source[start:end] == exact:
            continue
        owner = min((str(o) for o in graph.subjects(AM.quote, q)), default="")
        label = amap.claims[owner].label if owner in amap.claims else (_local(owner) if owner else str(q))
        try:
            span = locate(source, exact) if start is None else reanchor(source, exact, start)
            problem = ""
        except (QuoteNotFound, QuoteAmbiguous) as exc:
            span, problem = None, exc.describe()
        out.append(Reanchoring(str(q), owner, label, start, end, exact, span, problem, q))
    return out


def _local(iri: str) -> str:
    return local_name(iri)


def proposals(amap, source: str, top: int = 3) -> list[Proposal]:
    """For each claim of ``amap`` without a quote (in id order), the ``top`` passages of ``source`` most like it."""
    candidates = passages(source)
    out = []
    for cid in sorted(amap.claims):
        claim = amap.claims[cid]
        if claim.quotes:
            continue
        for span, score in propose(source, [claim.text, claim.label], top, candidates=candidates):
            out.append(Proposal(cid, claim.label, span, score))
    return out


def _source_node(graph, name: str):
    """The am:Source the map's quotes come from; one titled ``name`` is made (and named by the map) if none is."""
    dct_title = URIRef("http://purl.org/dc/terms/title")
    maps = sorted(graph.subjects(RDF.type, AM.ArgumentMap), key=str)
    for found in ({s for m in maps for s in graph.objects(m, AM.source)},
                  set(graph.objects(None, AM.inSource)), set(graph.subjects(RDF.type, AM.Source))):
        if len(found) == 1:
            return next(iter(found))
        if found:
            names = ", ".join(f"<{s}>" for s in sorted(found, key=str))
            raise UsageError(f"the map has {len(found)} sources ({names}); anchor reads one source's text, "
                             "so give a map of one source")
    if maps and isinstance(maps[0], URIRef):
        node = URIRef(f"{maps[0]}-source")
    else:
        first = min((str(c) for c in graph.subjects(RDF.type, AM.Claim)), default="")
        base = first.rsplit("#", 1)[0] + "#" if "#" in first else first.rsplit("/", 1)[0] + "/"
        node = URIRef(base + "source") if "://" in base or base.startswith("urn:") else BNode()
    graph.add((node, RDF.type, AM.Source))
    graph.add((node, dct_title, Literal(name)))
    for m in maps:
        graph.add((m, AM.source, node))
    return node


def store(amap, report: AnchorReport, source_name: str, threshold: float) -> AnchorReport:
    """Write ``report`` into ``amap``'s graph: new quotes and mended offsets; counts them in the report.

    Each claim's best proposal scoring at least ``threshold`` becomes an
    ``am:Quote`` (``am:exact``, ``am:start``, ``am:end``, ``am:inSource`` the
    map's source) named ``CLAIM-qN`` (the first N free); each re-anchored quote gets its new
    ``am:start`` and ``am:end``, and ``am:exact`` the source's own characters
    where it was found loosely.  The prefix and suffix are not stored: the
    ontology has no property for them, and the offsets tell the places apart.
    """
    graph = amap.graph
    best = {}
    for p in report.proposals:
        if p.claim not in best and p.score >= threshold:
            best[p.claim] = p
    if best:
        source_node = _source_node(graph, source_name)
    terms = {str(s): s for s in set(graph.subjects())} if best else {}
    for cid, p in sorted(best.items()):
        claim = terms.get(cid, URIRef(cid))
        q, n = BNode(), 1
        if isinstance(claim, URIRef):
            while (URIRef(f"{cid}-q{n}"), None, None) in graph or (None, None, URIRef(f"{cid}-q{n}")) in graph:
                n += 1
            q = URIRef(f"{cid}-q{n}")
        graph.add((claim, AM.quote, q))
        graph.add((q, RDF.type, AM.Quote))
        graph.add((q, AM.exact, Literal(p.span.exact)))
        graph.add((q, AM.start, Literal(p.span.start, datatype=XSD.integer)))
        graph.add((q, AM.end, Literal(p.span.end, datatype=XSD.integer)))
        graph.add((q, AM.inSource, source_node))
    fixed = 0
    for r in report.reanchorings:
        if r.span is None or r.term is None:
            continue
        q = r.term
        graph.set((q, AM.start, Literal(r.span.start, datatype=XSD.integer)))
        graph.set((q, AM.end, Literal(r.span.end, datatype=XSD.integer)))
        graph.set((q, AM.exact, Literal(r.span.exact)))
        fixed += 1
    report.stored, report.fixed = len(best), fixed
    return report


def anchor_graph(graph, source_path, map_path=None) -> int:
    """Find, in the text of ``source_path``, each quote of ``graph`` that has words but no offsets.

    How ``argmap import FILE --source TEXT`` anchors the quotes that a
    reader other than Argdown's brings without offsets (AIF L-nodes written
    without them, say): each gets the source's own characters and its start
    and end (W3C Web Annotation Data Model, TextQuoteSelector and
    TextPositionSelector), and the source file as ``am:inSource``.  A quote
    found nowhere, or in several places, is an error naming the claim and
    ``map_path``.  Returns how many quotes were anchored.
    """
    text = read_text(source_path)
    source = URIRef(Path(source_path).resolve().as_uri())
    done = 0
    for q in _quote_nodes(graph):
        exact = graph.value(q, AM.exact)
        if exact is None or graph.value(q, AM.start) is not None:
            continue
        claim = graph.value(None, AM.quote, q)
        try:
            span = locate(text, str(exact))
        except _QuoteError as exc:
            name = graph.value(claim, RDFS.label) if claim is not None else None
            raise exc.at(map_path, None, f"[{name or claim or q}]") from None
        graph.set((q, AM.exact, Literal(span.exact)))
        graph.add((q, AM.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        graph.add((q, AM.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        graph.set((q, AM.inSource, source))
        done += 1
    if done:
        graph.add((source, RDF.type, AM.Source))
        for m in set(graph.subjects(RDF.type, AM.ArgumentMap)):
            graph.add((m, AM.source, source))
    return done
