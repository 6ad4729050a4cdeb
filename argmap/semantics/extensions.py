"""Dung's extension semantics on a map's attack graph.

Dung, "On the acceptability of arguments and its fundamental role in
nonmonotonic reasoning, logic programming and n-person games", AIJ 77, 1995:
a set S of arguments is *conflict-free* if no member attacks a member; it
*defends* a if every attacker of a is attacked by a member of S; it is
*admissible* if conflict-free and defends each member, *complete* if
admissible and contains every argument it defends, *grounded* if it is the
least complete extension, *preferred* if it is a maximal admissible set, and
*stable* if conflict-free and attacks every argument outside it.  The
*range* of S is S with the arguments it attacks.  Caminada, "Semi-stable
semantics", COMMA 2006: the *semi-stable* extensions are the complete
extensions of maximal range; Verheij, "Two approaches to dialectical
argumentation: admissible sets and argumentation stages", NAIC 1996: the
*stage* extensions are the conflict-free sets of maximal range; Dung,
Mancarella and Toni, "Computing ideal sceptical argumentation", AIJ 171,
2007: the *ideal* extension is the maximal admissible set contained in every
preferred extension (there is exactly one).

Labellings follow Caminada, "On the issue of reinstatement in argumentation",
JELIA 2006: an extension S labels its members IN, the arguments it attacks
OUT and the others UNDEC; the complete labellings are exactly those where an
argument is IN iff all its attackers are OUT, and OUT iff some attacker is IN.

The attack graph of a map
    Its arguments are the map's claims.  Each premise of an attack relation
    attacks the relation's target (a linked attack thus counts as attacks by
    each premise).  Undercuts target inferences, not claims, and supports are
    not attacks, so both are left out, unless ``support`` asks for the
    attacks that supports induce (Cayrol and Lagasquie-Schiex, "On the
    acceptability of arguments in bipolar argumentation frameworks", ECSQARU
    2005, and "Bipolarity in argumentation graphs: towards a better
    understanding", IJAR 54, 2013), where "a supports* b" means a path of one or
    more supports from a to b:

    * ``"supported"``: a supports* b and b attacks c, so a attacks c;
    * ``"secondary"``: a attacks b and b supports* c, so a attacks c;
    * ``"mediated"``: a supports* b and c attacks b, so c attacks a.

    Derived attacks come from the map's own attacks only; they are not
    composed with one another.

    Undercuts
    An undercut attacks an inference, not a claim (Pollock, "Defeasible
    reasoning", Cognitive Science 11, 1987).  Following the way ASPIC+ turns
    structured arguments into a Dung framework (Modgil and Prakken, "A general
    account of argumentation with preferences", AIJ 195, 2013: an argument is
    attacked on its inference by an undercutter, and through any of its
    sub-arguments by what attacks them), every relation that an undercut
    targets becomes an argument of its own, its *inference*: it attacks the
    relation's target in place of the premises, and it is attacked by the
    undercut's premises and by every attacker of one of its premises.  Without
    undercuts the two frameworks agree on every claim.  Inferences take part
    in the computation and are left out of the extensions and statuses that
    :func:`solve` reports.

Algorithms
    * grounded: the linear-time algorithm on counters of each argument's
      attackers that are not yet OUT: unattacked arguments are IN, what they
      attack is OUT, an argument whose counter drops to zero is IN (the queue
      is processed a whole layer at a time, with numpy);
    * complete, preferred, stable: SAT encodings of complete labellings and of
      stable extensions (Besnard and Doutre, "Checking the acceptability of a
      set of arguments", NMR 2004; the labelling encoding of Cerutti, Dunne,
      Giacomin and Vallati, "Computing preferred extensions in abstract
      argumentation: a SAT-based approach", TAFA 2013) solved with python-sat
      after the grounded labelling has fixed what it decides.  A preferred
      extension is found by growing a complete extension until no strictly
      larger one exists; all of them by blocking each one's subsets.
    * semi-stable and stage: a complete labelling (a conflict-free set for
      stage, on the whole graph since a stage extension need not contain the
      grounded one) whose range is grown by incremental SAT calls until no
      strictly larger one exists; an extension with or without a given
      argument is searched among those, each range found not maximal being
      excluded for good (a counter-example-guided loop, see
      :func:`find_extension`);
    * ideal: the arguments credulously accepted under preferred semantics
      (a few SAT calls, each asking for an admissible set with an argument
      not yet known to be in one), then those of them that no such argument
      attacks, then the greatest subset of these that defends all its
      members (linear time); see :func:`ideal`;
    * the ``*_reference`` functions enumerate every subset straight from the
      definitions above; they check the fast versions on small graphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np
from pysat.solvers import Solver

from ..errors import UsageError
from ..names import EXTENSION_NAMES, semantics_name
from .framework import Framework
from .indexing import distinct, gather, order_by

__all__ = [
    "AttackGraph",
    "ExtensionResult",
    "EXTENSION_SEMANTICS",
    "SUPPORT_ATTACKS",
    "grounded",
    "grounded_labels",
    "grounded_reference",
    "preferred_one",
    "ideal",
    "find_extension",
    "extensions",
    "solve",
    "extensions_reference",
    "labelling",
    "acceptance",
    "credulous",
    "sceptical",
]

EXTENSION_SEMANTICS = EXTENSION_NAMES
SUPPORT_ATTACKS = ("supported", "secondary", "mediated")

IN, OUT, UNDEC = "IN", "OUT", "UNDEC"
_LABELS = (UNDEC, IN, OUT)  # by the codes of grounded_labels


@dataclass
class AttackGraph:
    """Arguments (names) and attacks as two arrays of argument numbers."""

    arguments: list
    source: "object"
    target: "object"
    inferences: frozenset = frozenset()

    @classmethod
    def from_edges(cls, arguments, attacks) -> "AttackGraph":
        """From argument names and ``(attacker, attacked)`` pairs of names."""
        arguments = list(arguments)
        index = {a: i for i, a in enumerate(arguments)}
        ends = np.fromiter((index[x] for pair in attacks for x in pair), dtype=np.int64).reshape(-1, 2)
        return cls.from_indices(arguments, ends[:, 0], ends[:, 1])

    @classmethod
    def from_indices(cls, arguments, source, target) -> "AttackGraph":
        """From argument names and the attacks as arrays of argument numbers.

        The attacks are kept sorted by attacker, then attacked, each once.
        """
        n = max(len(arguments), 1)
        codes = np.unique(np.asarray(source, dtype=np.int64) * n + np.asarray(target, dtype=np.int64))
        return cls(list(arguments), codes // n, codes % n)

    @classmethod
    def from_framework(cls, fw, support: str | tuple | None = None) -> "AttackGraph":
        """The attack graph of a :class:`~.framework.Framework` (see the module docstring)."""
        modes = _modes(support)
        if not modes and "_arrays" in fw.__dict__:  # a map's framework, compiled already
            return cls.from_arrays(fw.arrays())
        rels = {r[0]: r for r in fw.relations}  # id: (id, kind, premises, target)
        undercut = {t for _r, kind, _p, t in fw.relations if kind == "undercut" and rels.get(t, (t, None))[1] != "support"}

        def attackers_of(rid):
            return (rid,) if rid in undercut else rels[rid][2]

        attacks = {(a, t) for rid, kind, _p, t in rels.values() if kind == "attack" for a in attackers_of(rid)}
        if modes:
            import networkx as nx  # lazy: networkx takes 0.2 s to import

            sup = nx.DiGraph()
            sup.add_edges_from((p, t) for _r, kind, premises, t in fw.relations if kind == "support" for p in premises)

            def up(x):
                return nx.ancestors(sup, x) if x in sup else set()

            def down(x):
                return nx.descendants(sup, x) if x in sup else set()

            derived = set()
            for a, b in attacks:
                if "supported" in modes:
                    derived.update((x, b) for x in up(a))
                if "secondary" in modes:
                    derived.update((a, x) for x in down(b))
                if "mediated" in modes:
                    derived.update((a, x) for x in up(b))
            attacks |= derived
        attackers: dict = {}  # by attacked claim, so that this stays linear in the attacks
        for a, b in attacks:
            attackers.setdefault(b, set()).add(a)
        for rid in sorted(undercut):  # an inference falls with any of its premises
            hits = set().union(*(attackers.get(p, ()) for p in rels[rid][2]))
            attacks |= {(a, rid) for a in hits}
        attacks |= {(a, t) for rid, kind, _p, t in rels.values() if kind == "undercut" and t in undercut
                    for a in attackers_of(rid)}
        unknown = {x for pair in attacks for x in pair if x not in fw.base and x not in undercut}
        if unknown:
            raise UsageError(f"attack between unknown claims: {', '.join(sorted(unknown))}")
        graph = cls.from_edges(list(fw.base) + sorted(undercut), attacks)
        graph.inferences = frozenset(undercut)
        return graph

    @classmethod
    def from_arrays(cls, arr) -> "AttackGraph":
        """The attack graph of compiled :class:`~.framework.Arrays`, without support-derived attacks.

        The same graph as :meth:`from_framework` gives (its reference),
        built with array operations; only the few inferences (relations that
        an undercut targets) take a Python loop.
        """
        n, r = len(arr.claims), len(arr.relations)
        kind, target, ptr, premise = arr.kind, arr.target, arr.premise_ptr, arr.premise
        inference = np.zeros(r, dtype=bool)
        hit = target[kind == 2]
        inference[hit[kind[hit] != 0]] = True  # an undercut support is no attack: it stays out
        inferences = sorted(np.flatnonzero(inference).tolist(), key=arr.relations.__getitem__)  # by name
        names = [arr.relations[j] for j in inferences]
        number = np.full(r, -1, dtype=np.int64)  # each inference's argument number
        number[inferences] = n + np.arange(len(inferences))
        of = arr.premise_relation

        def attacks_by(rels_mask):
            """(attacker, relation) for the relations in ``rels_mask``: their inference, else each premise."""
            plain = rels_mask[of] & ~inference[of]
            own = np.flatnonzero(rels_mask & inference)
            return np.concatenate([premise[plain], number[own]]), np.concatenate([of[plain], own])

        src, rel = attacks_by(kind == 1)
        src, dst = [src], [target[rel]]
        if names:  # an inference falls with any of its premises: whatever attacks one attacks it
            order = np.argsort(dst[0], kind="stable")
            into, by = dst[0][order], src[0][order]
            for j in inferences:
                for p in premise[ptr[j]:ptr[j + 1]].tolist():
                    lo, hi = np.searchsorted(into, (p, p + 1))
                    src.append(by[lo:hi])
                    dst.append(np.full(hi - lo, number[j]))
            a, rel = attacks_by((kind == 2) & inference[np.where(kind == 2, target, 0)])
            src.append(a)
            dst.append(number[target[rel]])
        graph = cls.from_indices(list(arr.claims) + names, np.concatenate(src), np.concatenate(dst))
        graph.inferences = frozenset(names)
        return graph

    @classmethod
    def from_map(cls, amap, support=None) -> "AttackGraph":
        return cls.from_framework(Framework.from_map(amap), support)

    def attackers(self) -> list[list[int]]:
        """For each argument, the numbers of its attackers."""
        out = [[] for _ in self.arguments]
        for a, b in zip(self.source.tolist(), self.target.tolist()):
            out[b].append(a)
        return out

    def names(self, members) -> frozenset:
        """The names of the arguments numbered ``members``."""
        return frozenset(map(self.arguments.__getitem__, members))


def _modes(support) -> tuple:
    if support in (None, "", "none"):
        return ()
    modes = tuple(support.split(",")) if isinstance(support, str) else tuple(support)
    if "all" in modes:
        return SUPPORT_ATTACKS
    bad = [m for m in modes if m not in SUPPORT_ATTACKS]
    if bad:
        raise UsageError(f"unknown support attack {bad[0]!r} (known: none, all, {', '.join(SUPPORT_ATTACKS)})")
    return modes


@dataclass
class ExtensionResult:
    """Extensions of an extension semantics, each a list of argument names.

    ``status`` gives each argument's grounded label (``"IN"``, ``"OUT"``,
    ``"UNDEC"``) for the grounded semantics, and its :func:`acceptance` for
    the others.
    """

    semantics: str
    extensions: list[list[str]]
    status: dict


def _sorted(af: AttackGraph, exts) -> list[frozenset]:
    order = {a: i for i, a in enumerate(af.arguments)}
    return sorted({frozenset(e) for e in exts}, key=lambda e: (len(e), sorted(order[a] for a in e)))


# --- grounded ---------------------------------------------------------------------------


def grounded_labels(af: AttackGraph):
    """The grounded labelling as an int8 array: 1 IN, 2 OUT, 0 UNDEC.

    Dung 1995 (the least fixpoint of the characteristic
    function), computed in time linear in arguments plus attacks: each
    argument keeps the number of its attackers that are not OUT; those with
    none are IN, the arguments they attack become OUT, and every attack from
    a new OUT argument lowers its target's counter.
    """
    n = len(af.arguments)
    out_to = af.target[order_by(af.source)]
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(af.source, minlength=n), out=ptr[1:])
    alive = np.bincount(af.target, minlength=n)
    label = np.zeros(n, dtype=np.int8)
    stamp = np.empty(n, dtype=np.int64)
    frontier = np.flatnonzero(alive == 0)
    while len(frontier):
        label[frontier] = 1
        hit = gather(ptr, out_to, frontier)
        hit = distinct(hit[label[hit] == 0], stamp)
        label[hit] = 2
        nxt = gather(ptr, out_to, hit)
        np.subtract.at(alive, nxt, 1)
        nxt = distinct(nxt, stamp)
        frontier = nxt[(alive[nxt] == 0) & (label[nxt] == 0)]
    return label


def grounded(af: AttackGraph) -> frozenset:
    """The grounded extension (Dung 1995), in linear time; see :func:`grounded_labels`.

    Examples
    --------
    >>> af = AttackGraph.from_edges("abc", [("a", "b"), ("b", "c")])
    >>> sorted(grounded(af))
    ['a', 'c']
    """
    return af.names(np.flatnonzero(grounded_labels(af) == 1).tolist())


def grounded_reference(af: AttackGraph) -> frozenset:
    """The grounded extension as the least fixpoint of Dung's characteristic function.

    F(S) = {a | every attacker of a is attacked by a member of S}, iterated
    from the empty set (Dung 1995).  Quadratic; the
    straightforward version that the tests and the benchmark compare with.
    """
    attackers = af.attackers()
    pairs = list(zip(af.source.tolist(), af.target.tolist()))
    s: set[int] = set()
    while True:
        hit = {t for a, t in pairs if a in s}
        nxt = {a for a in range(len(af.arguments)) if all(b in hit for b in attackers[a])}
        if nxt == s:
            return af.names(s)
        s = nxt


# --- SAT ------------------------------------------------------------------------------


class _Encoding:
    """A SAT solver holding the labellings or sets of ``af``'s undecided core.

    The grounded labelling fixes IN and OUT arguments in every complete
    labelling (and so in every preferred, stable, semi-stable and ideal
    extension), so only the arguments it leaves UNDEC, with the attacks among
    them, are encoded: variable i+1 says core argument i is IN (and, for
    complete labellings, m+i+1 that it is OUT, where m is the size of the
    core).  With ``reduce=False`` the core is the whole graph (stage
    extensions need not contain the grounded one).  ``mode`` is

    * ``"complete"``: IN iff every attacker is OUT, OUT iff some attacker is
      IN (Caminada 2006; the labelling encoding of Cerutti et al. 2013);
    * ``"admissible"``: no attack inside the set, and each attacker of a
      member attacked by a member (Besnard and Doutre 2004); the maximal
      such sets are the preferred extensions (Dung 1995);
    * ``"stable"``: IN iff no attacker is IN (Besnard and Doutre 2004);
    * ``"conflict-free"``: no attack inside the set.
    """

    def __init__(self, af: AttackGraph, mode: str = "complete", reduce: bool = True):
        label = grounded_labels(af) if reduce else np.zeros(len(af.arguments), dtype=np.int8)
        self.af, self.label = af, label
        core = np.flatnonzero(label == 0)
        self.core = core
        m = self.m = len(core)
        pos = self.pos = np.full(len(af.arguments), -1, dtype=np.int64)
        pos[core] = np.arange(m)
        keep = (pos[af.source] >= 0) & (pos[af.target] >= 0)
        src, dst = pos[af.source[keep]], pos[af.target[keep]]
        # attacks from grounded-OUT arguments never matter: they are dropped
        attackers = self.attackers = [[] for _ in range(m)]
        targets = self.targets = [[] for _ in range(m)]
        for a, b in zip(src.tolist(), dst.tolist()):
            attackers[b].append(a)
            targets[a].append(b)
        self.solver = Solver(name="cadical153")
        self.top = 2 * m
        self.mode, self._range = mode, None
        inn = np.arange(1, m + 1)
        if mode == "complete":
            out = inn + m
            clauses = np.stack([-inn, -out], axis=1).tolist()
            clauses += np.stack([-(dst + 1), src + 1 + m], axis=1).tolist()  # IN -> attackers OUT
            clauses += np.stack([dst + 1 + m, -(src + 1)], axis=1).tolist()  # attacker IN -> OUT
            clauses += [[a + 1] + [-(b + 1 + m) for b in att] for a, att in enumerate(attackers)]
            clauses += [[-(a + 1 + m)] + [b + 1 for b in att] for a, att in enumerate(attackers)]
        else:
            lo, hi = np.minimum(src, dst), np.maximum(src, dst)
            key = np.unique(lo * max(m, 1) + hi)
            pairs = np.stack([key // max(m, 1), key % max(m, 1)], axis=1)
            clauses = (-(pairs + 1)).tolist()  # conflict-free (a self-attacker gives [-a, -a])
            if mode == "stable":
                clauses += [[a + 1] + [b + 1 for b in att] for a, att in enumerate(attackers)]
            elif mode == "admissible":
                # b attacks a: a member a needs a member attacking b, unless a attacks b itself
                alone = ~np.isin(dst * max(m, 1) + src, src * max(m, 1) + dst)
                for b, a in zip(src[alone].tolist(), dst[alone].tolist()):
                    clauses.append([-(a + 1)] + [c + 1 for c in attackers[b]])
        for c in clauses:
            self.solver.add_clause(c)
        self.solver.set_phases(inn.tolist())

    def new_var(self) -> int:
        self.top += 1
        return self.top

    def solve(self, assumptions=()):
        if not self.solver.solve(assumptions=list(assumptions)):
            return None
        model = self.solver.get_model()
        return [i for i in range(self.m) if model[i] > 0]

    def solve_with(self, clauses, assumptions=()):
        """:meth:`solve` with ``clauses`` added for this one call (behind a fresh activation literal)."""
        act = self.new_var()
        for c in clauses:
            self.solver.add_clause([-act, *c])
        try:
            return self.solve([act, *assumptions])
        finally:
            self.solver.add_clause([-act])

    def literal(self, argument: int, member: bool = True):
        """The assumptions saying argument number ``argument`` is (not) a member: ``[]`` if always, ``None`` if never."""
        i = int(self.pos[argument])
        if i < 0:
            return [] if (self.label[argument] == 1) == member else None
        return [i + 1 if member else -(i + 1)]

    def names(self, core_members) -> frozenset:
        return self.af.names(self.numbers(core_members))

    def numbers(self, core_members) -> list:
        """The argument numbers of the extension whose core part is ``core_members``, in order."""
        fixed = np.flatnonzero(self.label == 1)
        return sorted(fixed.tolist() + self.core[list(core_members)].tolist())

    def block(self, core_members) -> list:
        """The clause that excludes exactly the set ``core_members``."""
        inside = set(core_members)
        return [-(a + 1) if a in inside else a + 1 for a in range(self.m)]

    def maximise(self, members, assumptions=()):
        """Grow the admissible set ``members`` (core numbers) to a preferred extension."""
        while True:
            rest = sorted(set(range(self.m)) - set(members))
            if not rest:
                return members
            bigger = self.solve_with([[b + 1 for b in rest]], [*assumptions, *(a + 1 for a in members)])
            if bigger is None:
                return members
            members = bigger

    # --- ranges (semi-stable, stage) ---

    def range_vars(self) -> list:
        """Variables r(i), each implying that core argument i is in the range (a member or attacked by one)."""
        if self._range is None:
            self._range = r = list(range(self.top + 1, self.top + self.m + 1))
            self.top += self.m
            for i in range(self.m):
                if self.mode == "complete":  # in the range: IN or OUT
                    self.solver.add_clause([-r[i], i + 1, i + 1 + self.m])
                else:
                    self.solver.add_clause([-r[i], i + 1, *(b + 1 for b in self.attackers[i])])
        return self._range

    def range_of(self, members) -> set:
        found = set(members)
        for a in members:
            found.update(self.targets[a])
        return found

    def outside(self, rng) -> list:
        """The clause "some core argument outside ``rng`` is in the range"."""
        r = self.range_vars()
        return [r[b] for b in range(self.m) if b not in rng]

    def grow_range(self, members, assumptions=()):
        """Grow ``members`` under ``assumptions`` until no solution has a strictly larger range."""
        r = self.range_vars()
        while True:
            rng = self.range_of(members)
            outside = self.outside(rng)
            if not outside:
                return members
            bigger = self.solve_with([outside], [*assumptions, *(r[a] for a in rng)])
            if bigger is None:
                return members
            members = bigger

    def range_maximal(self, assumptions=()):
        """A solution under ``assumptions`` whose range is maximal among all solutions, or None.

        Each candidate's range is grown under the assumptions; if a solution
        without them has a strictly larger range, no range within the
        candidate's is maximal, and a clause excludes them all for good
        (it removes no solution of maximal range, so later calls stay
        sound).  Each round excludes a new range, so the loop ends.
        """
        r = self.range_vars()
        while True:
            members = self.solve(assumptions)
            if members is None:
                return None
            members = self.grow_range(members, assumptions)
            if not assumptions:
                return members
            rng = self.range_of(members)
            outside = self.outside(rng)
            if not outside or self.solve_with([outside], [r[a] for a in rng]) is None:
                return members
            self.solver.add_clause(outside)

    def range_maximal_all(self) -> list:
        """Every solution of maximal range: the maximal ranges in turn, and every solution with each."""
        if not self.m:
            return [[]]
        r, found = self.range_vars(), []
        while (members := self.range_maximal()) is not None:
            rng = self.range_of(members)
            within = [r[a] for a in rng]  # a solution covering a maximal range has exactly that range
            while members is not None:
                found.append(members)
                self.solver.add_clause(self.block(members))
                members = self.solve(within)
            outside = self.outside(rng)
            if not outside:
                break
            self.solver.add_clause(outside)
        return found

    def close(self):
        self.solver.delete()


def preferred_one(af: AttackGraph) -> frozenset:
    """One preferred extension (Dung 1995): an admissible set grown until maximal.

    Examples
    --------
    >>> af = AttackGraph.from_edges("ab", [("a", "b"), ("b", "a")])
    >>> sorted(preferred_one(af)) in (["a"], ["b"])
    True
    """
    enc = _Encoding(af, "admissible")
    try:
        return enc.names(enc.maximise(enc.solve()))
    finally:
        enc.close()


def _credulous_core(enc) -> list:
    """The core arguments of ``enc`` that some of its solutions contain.

    Each call asks for a solution with an argument not yet seen in one; the
    clause only narrows from one call to the next, so it is kept.
    """
    seen = set()
    while True:
        unseen = [a + 1 for a in range(enc.m) if a not in seen]
        if not unseen:
            break
        enc.solver.add_clause(unseen)
        members = enc.solve()
        if members is None:
            break
        seen.update(members)
    return sorted(seen)


def _ideal_numbers(af: AttackGraph) -> list:
    """The argument numbers of the ideal extension; see :func:`ideal`."""
    enc = _Encoding(af, "admissible")
    try:
        core_credulous = _credulous_core(enc)
    finally:
        enc.close()
    n = len(af.arguments)
    accepted = np.zeros(n, dtype=bool)  # credulously, under preferred semantics
    accepted[enc.label == 1] = True
    accepted[enc.core[core_credulous]] = True
    hit = np.zeros(n, dtype=bool)
    hit[af.target[accepted[af.source]]] = True
    member = accepted & ~hit
    # the greatest subset that defends all its members: drop the undefended until none is left
    src, dst = af.source.tolist(), af.target.tolist()
    targets = [[] for _ in range(n)]
    for a, b in zip(src, dst):
        targets[a].append(b)
    counter = np.bincount(af.target[member[af.source]], minlength=n).tolist()  # members attacking each argument
    member = member.tolist()
    drop = {b for a, b in zip(src, dst) if member[b] and counter[a] == 0}
    while drop:
        a = drop.pop()
        member[a] = False
        for b in targets[a]:
            counter[b] -= 1
            if counter[b] == 0:  # b is no longer answered: what it attacks is undefended
                drop.update(c for c in targets[b] if member[c])
    return [a for a in range(n) if member[a]]


def ideal(af: AttackGraph) -> frozenset:
    """The ideal extension (Dung, Mancarella and Toni 2007): the maximal admissible set inside every preferred one.

    An admissible set lies in every preferred extension iff no argument of
    any admissible set attacks it (Dunne, "The computational complexity of
    ideal semantics", AIJ 173, 2009: a preferred extension E that does not
    attack S is conflict-free with it, and E with S is admissible, so S is
    inside E by maximality).  So the ideal extension is the greatest
    admissible subset of the credulously accepted arguments that no
    credulously accepted argument attacks; those are conflict-free, and the
    greatest admissible subset is found by dropping undefended members until
    none is left.

    Examples
    --------
    >>> af = AttackGraph.from_edges("abc", [("a", "b"), ("b", "a"), ("b", "c"), ("c", "c")])
    >>> sorted(ideal(af))
    []
    >>> af = AttackGraph.from_edges("abc", [("a", "b"), ("b", "a"), ("b", "b")])
    >>> sorted(ideal(af))
    ['a']
    """
    return af.names(_ideal_numbers(af))


def find_extension(af: AttackGraph, semantics: str, include: int | None = None, exclude: int | None = None):
    """The argument numbers of one extension that contains ``include`` and lacks ``exclude``, or None.

    The arguments are given by number.  With ``include``, a witness of
    credulous acceptance; with ``exclude``, a counter-example to sceptical
    acceptance; with neither, some extension.  Each semantics has its own
    method: the grounded labelling where it decides (grounded, complete
    without ``include``, and any argument it labels IN or OUT for the
    semantics whose extensions are complete); one SAT call for complete with
    ``include`` and for stable; for preferred with ``include``, an admissible
    set with the argument grown to a preferred one.  For preferred with
    ``exclude``: find an admissible set without the argument that is inside
    no preferred extension found so far, grow it to a preferred extension,
    and stop when that one lacks the argument; every preferred extension
    lacking it is inside none of the others, so the search ends with one
    when there is one (the counter-example-guided loop of Dvořák, Järvisalo,
    Wallner and Woltran, "Complexity-sensitive decision procedures for
    abstract argumentation", AIJ 206, 2014).  Semi-stable and stage: see
    :meth:`_Encoding.range_maximal`.
    """
    semantics = semantics_name(semantics, among=EXTENSION_SEMANTICS)
    if semantics in ("grounded", "ideal") or (semantics == "complete" and include is None):
        found = _ideal_numbers(af) if semantics == "ideal" else np.flatnonzero(grounded_labels(af) == 1).tolist()
        members = set(found)
        ok = (include is None or include in members) and (exclude is None or exclude not in members)
        return found if ok else None
    mode = {"preferred": "admissible", "semistable": "complete", "stage": "conflict-free"}.get(semantics, semantics)
    enc = _Encoding(af, mode, reduce=semantics != "stage")
    try:
        assumptions, keep = [], []  # keep: those that growing to a preferred extension keeps
        for argument, member in ((include, True), (exclude, False)):
            if argument is not None:
                lit = enc.literal(argument, member)
                if lit is None:
                    return None
                assumptions += lit
                keep += lit if member else []
        if semantics in ("semistable", "stage"):
            members = enc.range_maximal(assumptions)
        elif semantics != "preferred" or exclude is None:
            members = enc.solve(assumptions)
            if members is not None and semantics == "preferred":
                members = enc.maximise(members, keep)
        else:
            gone = int(enc.pos[exclude])  # -1: grounded OUT, in no preferred extension
            while (members := enc.solve(assumptions)) is not None:
                members = enc.maximise(members, keep)
                rest = [b + 1 for b in range(enc.m) if b not in set(members)]
                if gone not in members or not rest:
                    members = members if gone not in members else None
                    break
                enc.solver.add_clause(rest)  # the next one is inside no preferred extension found so far
        return None if members is None else enc.numbers(members)
    finally:
        enc.close()


def extensions(af: AttackGraph, semantics: str = "preferred") -> list[frozenset]:
    """Every extension of ``af`` under ``semantics`` (sorted: by size, then members).

    ``semantics`` is one of :data:`EXTENSION_SEMANTICS`.  There may be
    exponentially many; ``grounded`` and ``ideal`` have exactly one.
    """
    semantics = semantics_name(semantics, among=EXTENSION_SEMANTICS)
    if semantics == "grounded":
        return [grounded(af)]
    if semantics == "ideal":
        return [ideal(af)]
    if semantics in ("semistable", "stage"):
        enc = _Encoding(af, "complete" if semantics == "semistable" else "conflict-free", reduce=semantics != "stage")
        try:
            return _sorted(af, [enc.names(m) for m in enc.range_maximal_all()])
        finally:
            enc.close()
    enc = _Encoding(af, "admissible" if semantics == "preferred" else semantics)
    found = []
    try:
        while (members := enc.solve()) is not None:
            if semantics == "preferred":
                members = enc.maximise(members)
            found.append(enc.names(members))
            outside = [b + 1 for b in range(enc.m) if b not in set(members)]
            block = outside if semantics == "preferred" else enc.block(members)  # preferred: no subset of this one
            if not block:
                break
            enc.solver.add_clause(block)
    finally:
        enc.close()
    return _sorted(af, found)


# --- the reference: every subset, straight from the definitions ------------------------


def extensions_reference(af: AttackGraph, semantics: str = "preferred") -> list[frozenset]:
    """Every extension by enumerating all subsets (Dung 1995's definitions).

    Exponential: for graphs of a dozen arguments, to check :func:`extensions`.
    """
    args = list(range(len(af.arguments)))
    attacks = set(zip(af.source.tolist(), af.target.tolist()))

    def attacks_set(s, a):
        return any((b, a) in attacks for b in s)

    def conflict_free(s):
        return not any((a, b) in attacks for a in s for b in s)

    def defends(s, a):
        return all(attacks_set(s, b) for b in args if (b, a) in attacks)

    def admissible(s):
        return conflict_free(s) and all(defends(s, a) for a in s)

    def range_of(s):
        return s | {b for a, b in attacks if a in s}

    def range_maximal(sets):
        ranges = {s: frozenset(range_of(s)) for s in sets}
        distinct = set(ranges.values())
        top = {r for r in distinct if not any(r < t for t in distinct)}
        return [s for s in sets if ranges[s] in top]

    subsets = [frozenset(c) for k in range(len(args) + 1) for c in combinations(args, k)]
    adm = [s for s in subsets if admissible(s)]
    comp = [s for s in adm if all(a in s for a in args if defends(s, a))]
    preferred = [s for s in adm if not any(s < t for t in adm)]
    if semantics == "stable":
        found = [s for s in subsets if conflict_free(s) and all(attacks_set(s, a) for a in args if a not in s)]
    elif semantics == "complete":
        found = comp
    elif semantics == "grounded":
        found = [s for s in comp if all(s <= t for t in comp)]
    elif semantics == "preferred":
        found = preferred
    elif semantics == "semistable":
        found = range_maximal(comp)
    elif semantics == "stage":
        found = range_maximal([s for s in subsets if conflict_free(s)])
    else:  # ideal: the maximal admissible sets inside every preferred extension
        inside = [s for s in adm if all(s <= p for p in preferred)]
        found = [s for s in inside if not any(s < t for t in inside)]
    return _sorted(af, [af.names(s) for s in found])


# --- labellings and acceptance -----------------------------------------------------------


def labelling(af: AttackGraph, extension) -> dict:
    """Caminada's (2006) labelling of ``extension``: IN, OUT (attacked by it) or UNDEC."""
    ext = set(extension)
    hit = {af.arguments[b] for a, b in zip(af.source.tolist(), af.target.tolist()) if af.arguments[a] in ext}
    return {a: IN if a in ext else OUT if a in hit else UNDEC for a in af.arguments}


def acceptance(af: AttackGraph, semantics: str = "preferred", exts=None) -> dict:
    """Each argument as ``"sceptical"`` (in every extension), ``"credulous"`` or ``"rejected"``.

    With no extension at all (a stable semantics can have none), every
    argument is vacuously sceptically accepted; argmap says ``"rejected"``
    there instead, so that nothing is claimed to hold without an extension.
    """
    exts = extensions(af, semantics) if exts is None else exts
    out = {}
    for a in af.arguments:
        n = sum(a in e for e in exts)
        out[a] = "sceptical" if exts and n == len(exts) else "credulous" if n else "rejected"
    return out


def credulous(af: AttackGraph, argument, semantics: str = "preferred") -> bool:
    """Whether ``argument`` (a name) belongs to some extension; see :func:`find_extension`."""
    return find_extension(af, semantics, include=af.arguments.index(argument)) is not None


def sceptical(af: AttackGraph, argument, semantics: str = "preferred") -> bool:
    """Whether ``argument`` belongs to every extension, of which there is one at least (see :func:`acceptance`)."""
    lacking = find_extension(af, semantics, exclude=af.arguments.index(argument))
    return lacking is None and find_extension(af, semantics) is not None


def solve(af: AttackGraph, semantics: str) -> ExtensionResult:
    """The extensions of ``af`` under ``semantics``, members in argument order, with each one's status."""
    semantics = semantics_name(semantics, among=EXTENSION_SEMANTICS)
    if semantics == "grounded":  # the labelling gives both at once
        labels = grounded_labels(af).tolist()
        status = {a: v for a, v in zip(af.arguments, map(_LABELS.__getitem__, labels)) if a not in af.inferences}
        return ExtensionResult(semantics, [[a for a, v in status.items() if v == IN]], status)
    order = {a: i for i, a in enumerate(af.arguments)}
    exts = extensions(af, semantics)
    status = labelling(af, exts[0]) if semantics == "ideal" else acceptance(af, semantics, exts)
    claims, seen = [], set()
    for e in exts:  # inferences (undercut relations) are not reported
        members = frozenset(e) - af.inferences
        if members not in seen:
            seen.add(members)
            claims.append(sorted(members, key=order.get))
    status = {a: v for a, v in status.items() if a not in af.inferences}
    return ExtensionResult(semantics, claims, status)
