"""Claims and semantics as a person names them: the one resolver of each, with "did you mean".

A claim is named by its full IRI, the last segment of it (after ``#`` or
``/``, percent-decoded or not) or its label (``rdfs:label``, which is also
the title of an Argdown statement, ``[Title]``).  The tiers are tried in that
order, first exactly and then ignoring case and runs of white space; the
first tier that names one claim wins, one that names several is an error
listing their IRIs, and a name no tier knows is an error with the nearest
labels (:func:`difflib.get_close_matches`).

A semantics is named by its command-line name (``dfquad``), the local name
of its individual in the ontology (``DFQuAD``), that IRI (full or as
``am:DFQuAD``), or the ontology's label (``DF-QuAD``), in any case:
:data:`SEMANTICS_IRI` is the one table between the two.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote

from .errors import UsageError
from .namespace import NAMESPACE, local_name

__all__ = ["Semantics", "SEMANTICS", "GRADUAL_NAMES", "EXTENSION_NAMES", "SEMANTICS_IRI", "AM", "claim_id", "semantics_name", "semantics_iri", "did_you_mean"]

AM = NAMESPACE


@dataclass(frozen=True)
class Semantics:
    """One semantics argmap computes: how the command line names it, its kind, its ontology individual, its paper.

    ``kind`` is ``gradual`` (strengths in [0, 1]) or ``extension`` (Dung's
    sets of arguments); ``term`` is the local name of its ``am:`` individual;
    ``code`` its abbreviation in the ICCMA tasks (``PR`` in ``DC-PR``), for
    the extension semantics.
    """

    name: str
    kind: str
    term: str
    paper: str
    code: str = ""


#: Every semantics argmap computes, by command-line name, in the order the command line lists them: the one
#: registry that the CLI, the queries' parameters, stored evaluations and ``argmap solve`` read.
SEMANTICS = {s.name: s for s in (
    Semantics("dfquad", "gradual", "DFQuAD", "Rago, Toni, Aurisicchio and Baroni, KR 2016"),
    Semantics("qe", "gradual", "QuadraticEnergy", "Potyka, KR 2018"),
    Semantics("euler", "gradual", "EulerBased", "Amgoud and Ben-Naim, ECSQARU 2017"),
    Semantics("hcat", "gradual", "HCategorizer", "Besnard and Hunter, AIJ 128, 2001; Amgoud et al., 2017"),
    Semantics("grounded", "extension", "Grounded", "Dung, AIJ 77, 1995", "GR"),
    Semantics("complete", "extension", "Complete", "Dung, AIJ 77, 1995", "CO"),
    Semantics("preferred", "extension", "Preferred", "Dung, AIJ 77, 1995", "PR"),
    Semantics("stable", "extension", "Stable", "Dung, AIJ 77, 1995", "ST"),
    Semantics("semistable", "extension", "SemiStable", "Caminada, COMMA 2006", "SST"),
    Semantics("stage", "extension", "Stage", "Verheij, NAIC 1996", "STG"),
    Semantics("ideal", "extension", "Ideal", "Dung, Mancarella and Toni, AIJ 171, 2007", "ID"),
)}
#: Each semantics' command-line name and the local name of its individual in the ontology (``am:DFQuAD``).
SEMANTICS_IRI = {s.name: s.term for s in SEMANTICS.values()}
#: The command-line names of the gradual semantics, and of the extension semantics.
GRADUAL_NAMES = tuple(n for n, s in SEMANTICS.items() if s.kind == "gradual")
EXTENSION_NAMES = tuple(n for n, s in SEMANTICS.items() if s.kind == "extension")


def did_you_mean(name: str, candidates, show=repr) -> str:
    """``"; did you mean 'A' or 'B'?"`` with up to three of ``candidates`` nearest ``name``, or ``""``.

    Nearness is :func:`difflib.get_close_matches`' (a ratio of at least 0.6),
    without regard to case and runs of white space; equally near ones keep
    the order given.  Each is shown as written, through ``show`` (quoted by
    default; an Argdown title in its brackets, say).
    """
    shown = {}
    for c in candidates:
        shown.setdefault(_fold(c), c)
    matcher, scored = difflib.SequenceMatcher(), []
    matcher.set_seq2(_fold(name))
    for i, key in enumerate(shown):
        matcher.set_seq1(key)
        if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6 and matcher.ratio() >= 0.6:
            scored.append((-matcher.ratio(), i, key))
    near = [shown[k] for _r, _i, k in sorted(scored)[:3]]
    if not near:
        return ""
    quoted = [show(n) for n in near]
    listed = " or ".join(quoted) if len(quoted) < 3 else f"{quoted[0]}, {quoted[1]} or {quoted[2]}"
    return f"; did you mean {listed}?"


def _fold(text: str) -> str:
    return " ".join(str(text).split()).casefold()


# --- claims ---------------------------------------------------------------------------
def claim_id(ids, name: str, *, what: str = "the map") -> str:
    """The id in ``ids`` that ``name`` names; :class:`UsageError` when none or several do.

    ``ids`` is an iterable of claim IRIs, or a mapping from IRIs to claims
    (anything with a ``label``) or to label strings; only a mapping gives
    labels to match.  ``<IRI>`` and ``[Title]`` are read as IRI and title.
    """
    name = str(name)
    if name in ids:
        return name
    labels = {}
    if isinstance(ids, Mapping):
        for i, c in ids.items():
            label = c if isinstance(c, str) or c is None else getattr(c, "label", None)
            if label:
                labels[i] = str(label)
    bare = name.strip()
    if len(bare) > 2 and (bare[0], bare[-1]) in (("<", ">"), ("[", "]")):
        bare = bare[1:-1].strip()
        if bare in ids:
            return bare
    segments = {i: local_name(i) for i in ids}
    decoded = {i: unquote(s) for i, s in segments.items()}
    folded = _fold(bare)
    tiers = (
        lambda i: segments[i] == bare,
        lambda i: labels.get(i) == bare or decoded[i] == bare,
        lambda i: folded in (_fold(labels.get(i, decoded[i])), _fold(decoded[i])),
    )
    for matches in tiers if bare else ():
        found = [i for i in segments if matches(i)]
        if len(found) == 1:
            return found[0]
        if found:
            raise UsageError(f"{name!r} names several claims: {', '.join(sorted(found))}")
    candidates = [*labels.values(), *decoded.values()]
    word = unquote(local_name(bare)) if re.match(r"[A-Za-z][\w+.-]*:.*[/#]", bare) else bare  # an IRI: by its segment
    raise UsageError(f"no claim {name!r} in {what}{did_you_mean(word, candidates)}")


# --- semantics ------------------------------------------------------------------------
def _key(text: str) -> str:
    """``DF-QuAD``, ``dfquad``, ``am:DFQuAD`` and the full IRI alike: letters and digits, lower case."""
    text = str(text).strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    for prefix in (AM, "am:"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return re.sub(r"[\W_]", "", text.casefold())


def semantics_name(name: str, among=None) -> str:
    """The command-line name (``dfquad``) of the semantics ``name`` names, one of ``among`` (default: all).

    :class:`UsageError` with the nearest names for an unknown one.
    """
    among = tuple(SEMANTICS_IRI if among is None else among)
    if name in among:
        return name
    key = _key(name)
    for cli_name in among:
        if key in (_key(cli_name), _key(SEMANTICS_IRI.get(cli_name, cli_name))):
            return cli_name
    hint = did_you_mean(name, [*among, *(SEMANTICS_IRI.get(n, n) for n in among)])
    raise UsageError(f"unknown semantics {name!r}{hint} (known: {', '.join(among)})")


def semantics_iri(name: str) -> str:
    """The full IRI of the semantics ``name`` names (``https://w3id.org/argmap#DFQuAD`` for ``dfquad``)."""
    return AM + SEMANTICS_IRI[semantics_name(name)]
