"""Abstract argumentation frameworks read straight into the semantics' arrays.

The community's formats (ASPARTIX ``.apx``, its weighted bipolar ``.bag``,
ICCMA 2023 ``.af``) hold nothing but arguments, base scores, attacks and
supports.  A command that only evaluates them (``argmap score`` without
``--write``, ``argmap explain``) has no use for an RDF graph: a
:class:`FrameworkMap` holds the claim ids, labels and base scores and the
compiled :class:`~argmap.semantics.framework.Arrays`, and serves
:func:`argmap.score`, :func:`argmap.extensions` and :func:`argmap.explain` as
an :class:`~argmap.model.ArgumentMap` would.

It is the same map: claim ``file:///abs/x.apx#a`` for argument ``a``,
relation ``...#att(a,b)`` (or ``#sup(a,b)``) for an attack (a support), both
numbered in the order of their ids, as :mod:`.afgraph` names them and
:meth:`Arrays.from_map <argmap.semantics.framework.Arrays.from_map>` orders
them; so every score, ranking and extension is the same, to the last bit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ..names import claim_id
from ..semantics.framework import Arrays

__all__ = ["Parsed", "FrameworkMap", "Argument", "plain_ascii"]

#: ASCII control characters other than tab and line ends: white space or line breaks to
#: ``str.split`` and ``str.splitlines``, which the fast readers leave to the references.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_ascii(text: str) -> bool:
    """Whether ``text`` is printable ASCII, tabs and line ends: what the fast readers take on."""
    return text.isascii() and _CONTROL.search(text) is None


@dataclass
class Parsed:
    """A framework as a reader found it.

    ``names`` are the argument names, sorted (as the claim ids sort);
    ``base[i]`` is the base score of ``names[i]``, NaN where none is given;
    ``attacks`` and ``supports`` are ``(k, 2)`` integer arrays of
    ``(from, to)`` positions in ``names``, in any order, repeats allowed.
    """

    names: list
    base: object
    attacks: object
    supports: object

    @classmethod
    def from_reference(cls, arguments: dict, attacks, supports=()) -> "Parsed":
        """From a reference parser's ``(arguments, attacks, supports)``: names to scores or None, pairs of names."""
        names = sorted(arguments)
        index = {a: i for i, a in enumerate(names)}
        base = np.array([np.nan if arguments[a] is None else arguments[a] for a in names], dtype=float)

        def pairs(edges):
            return np.array([(index[a], index[b]) for a, b in edges], dtype=np.int64).reshape(-1, 2)

        return cls(names, base, pairs(attacks), pairs(supports))


class Argument(NamedTuple):
    """What the commands read of a claim of a :class:`FrameworkMap` (the fields of :class:`~argmap.model.Claim`)."""

    id: str
    label: str
    text: str
    base_score: float | None


class _Arguments(Mapping):
    """Claim id -> :class:`Argument`, in the order of the ids; each made when looked up."""

    def __init__(self, ids: list, names: list, base):
        self._ids, self._names, self._base = ids, names, base
        self._at = None

    def position(self, cid: str) -> int:
        if self._at is None:
            self._at = dict(zip(self._ids, range(len(self._ids))))
        return self._at[cid]

    def __getitem__(self, cid):
        i = self.position(cid)
        score = float(self._base[i])
        return Argument(cid, self._names[i], self._names[i], None if score != score else score)

    def __contains__(self, cid) -> bool:
        try:
            self.position(cid)
        except (KeyError, TypeError):
            return False
        return True

    def __iter__(self):
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class FrameworkMap:
    """An argumentation framework read from one file, ready for the semantics; no RDF.

    Has what :func:`argmap.score`, :func:`argmap.extensions` and
    :func:`argmap.explain` use of an :class:`~argmap.model.ArgumentMap`:
    :attr:`claims` (id -> :class:`Argument`, sorted by id), :attr:`main_thesis`
    (None: these formats name none), :meth:`find_claim`, :meth:`base_scores`,
    and :meth:`arrays`, the compiled framework, from which
    :meth:`Arrays.from_map <argmap.semantics.framework.Arrays.from_map>` takes it.

    Examples
    --------
    >>> import numpy as np
    >>> parsed = Parsed(["a", "b"], np.array([0.5, 0.8]), np.array([[1, 0]]), np.empty((0, 2), int))
    >>> fm = FrameworkMap("/data/x.apx", parsed)
    >>> list(fm.claims), fm.arrays().relations
    (['file:///data/x.apx#a', 'file:///data/x.apx#b'], ['file:///data/x.apx#att(b,a)'])
    """

    main_thesis = None
    main_theses: tuple = ()

    def __init__(self, path, parsed: Parsed):
        self.paths = [str(path)]
        self.iri = Path(path).resolve().as_uri() + "#"
        names, n = parsed.names, len(parsed.names)
        self._names = names
        self._base = np.asarray(parsed.base, dtype=float)
        self.claims = _Arguments([self.iri + a for a in names], names, self._base)
        width = max(n, 1)
        blocks = []
        for code, word, pairs in ((1, "att", parsed.attacks), (0, "sup", parsed.supports)):
            pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
            keys = np.unique(pairs[:, 0] * width + pairs[:, 1])  # by source, then target: the ids' order; each once
            blocks.append((code, word, keys // width, keys % width))
        self._relations = blocks
        self._arrays: dict = {}

    def arrays(self, default_base: float = 0.5):
        """The compiled framework, base scores missing from the file set to ``default_base`` (built once each)."""
        arr = self._arrays.get(default_base)
        if arr is None:
            names, iri = self._names, self.iri
            ids = [f"{iri}{word}({names[a]},{names[b]})" for _c, word, src, dst in self._relations
                   for a, b in zip(src.tolist(), dst.tolist())]
            source = np.concatenate([src for _c, _w, src, _d in self._relations])
            r = len(source)
            arr = self._arrays[default_base] = Arrays(
                claims=list(self.claims), relations=ids,
                base=np.where(np.isnan(self._base), default_base, self._base),
                kind=np.concatenate([np.full(len(src), code, dtype=np.int8) for code, _w, src, _d in self._relations]),
                premise_ptr=np.arange(r + 1, dtype=np.int64), premise=source, weight=np.ones(r),
                target=np.concatenate([dst for _c, _w, _s, dst in self._relations]))
        return arr

    def base_scores(self, default: float = 0.5) -> dict[str, float]:
        """Each claim's base score, ``default`` where the file gives none."""
        return dict(zip(self.claims, np.where(np.isnan(self._base), default, self._base).tolist()))

    def find_claim(self, name: str) -> str:
        """The id of the claim ``name`` names, as :meth:`ArgumentMap.find_claim <argmap.model.ArgumentMap.find_claim>` finds it.

        An id or an argument's name is looked up at once; anything else goes
        to :func:`argmap.names.claim_id` (labels, any case, did you mean).
        """
        if name in self.claims:
            return name
        if isinstance(name, str) and (self.iri + name) in self.claims:  # a name is its id's last segment
            return self.iri + name

        return claim_id(self.claims, name)

    def __len__(self) -> int:
        return len(self.claims)

    def __repr__(self) -> str:
        return f"<FrameworkMap {self.paths[0]}: {len(self.claims)} arguments>"
