"""Extensions by clingo, from the answer-set encodings in ``tests/asp/``: an answer independent of argmap's.

The encodings are written from the published definitions (each file says
which); clingo (Gebser, Kaminski, Kaufmann and Schaub, "Multi-shot ASP
solving with clingo", TPLP 19, 2019) solves them.  The answer sets of each
semantics' encoding are its extensions: a guessed set checked to be
conflict-free, admissible, complete or stable, and for preferred, semi-stable
and stage checked to be maximal (of members, of range) by saturation: no
strictly larger admissible set, complete or conflict-free set of strictly
larger range exists.  So one call gives the brave consequences (the
arguments in some extension), one the cautious ones (in every extension), and
a call with a constraint on an argument decides it alone; grounded is the
cautious consequences of complete (the least complete extension), and ideal
the maximal admissible set inside the cautious consequences of preferred.

Arguments are given to clingo by number; sets come back as frozensets of
argument numbers.  Used by ``tests/test_solve_clingo.py`` and ``bench/solve.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ASP = Path(__file__).resolve().parent / "asp"

#: The encodings (files of tests/asp/) whose answer sets are each semantics' extensions.
PARTS = {
    "complete": ("conflict_free", "admissible", "complete"),
    "stable": ("conflict_free", "stable"),
    "preferred": ("conflict_free", "admissible", "saturation", "admissible_t", "larger_set"),
    "semistable": ("conflict_free", "admissible", "complete", "saturation", "admissible_t", "complete_t",
                   "larger_range"),
    "stage": ("conflict_free", "saturation", "larger_range"),
}
_IDEAL = ("conflict_free", "admissible", "inside", "maximal_members")
_MAXIMAL = ("--heuristic=Domain", "--enum-mode=domRec")


def facts(af) -> str:
    """``af`` as ASP facts over argument numbers."""
    pairs = zip(af.source.tolist(), af.target.tolist())
    return (f"arg(0..{len(af.arguments) - 1}).\n" if af.arguments else "") + "".join(f"att({a},{b}).\n" for a, b in pairs)


def models(parts, program: str, *options, limit: int = 0) -> list[tuple[frozenset, frozenset]]:
    """``(members, range)`` of each model of the encodings ``parts`` with ``program``; ``limit`` 0: all."""
    import clingo

    ctl = clingo.Control([*options, str(limit)], message_limit=0)
    for part in parts:
        ctl.load(str(ASP / f"{part}.lp"))
    ctl.add("base", [], program)
    ctl.ground([("base", [])])
    found = []

    def keep(model):
        members, rng = set(), set()
        for s in model.symbols(shown=True):
            (members if s.name == "in" else rng).add(s.arguments[0].number)
        found.append((frozenset(members), frozenset(rng)))

    ctl.solve(on_model=keep)
    return found


def consequences(parts, program: str, mode: str):
    """The members of every model (``cautious``) or of some model (``brave``); None when there is none."""
    found = models(parts, program, f"--enum-mode={mode}")
    return found[-1][0] if found else None


@dataclass
class Reference:
    """What clingo says of one semantics: whether an extension exists, the credulously and sceptically accepted."""

    exists: bool
    credulous: frozenset
    sceptical: frozenset


def ideal(af) -> list[frozenset]:
    """The maximal admissible sets inside every preferred extension (there is one)."""
    program = facts(af)
    every = consequences(PARTS["preferred"], program, "cautious")
    allowed = "".join(f"allowed({a}).\n" for a in every)
    return [m for m, _r in models(_IDEAL, program + allowed, *_MAXIMAL)]


def reference(af, semantics: str) -> Reference:
    """The clingo answer for ``semantics`` (grounded, complete, ..., ideal) on the attack graph ``af``."""
    program = facts(af)
    if semantics == "ideal":
        (found,) = ideal(af)
        return Reference(True, found, found)
    parts = PARTS["complete" if semantics == "grounded" else semantics]
    some, every = consequences(parts, program, "brave"), consequences(parts, program, "cautious")
    if semantics == "grounded":
        return Reference(True, every, every)
    if some is None:
        return Reference(False, frozenset(), frozenset(range(len(af.arguments))))
    return Reference(True, some, every)


def accepts(af, semantics: str, argument: int, member: bool = True) -> bool:
    """Whether some extension contains (``member``) or lacks argument number ``argument``: one call."""
    if semantics == "ideal":
        return (argument in ideal(af)[0]) == member
    parts = PARTS["complete" if semantics == "grounded" else semantics]
    constraint = f":- {'not ' if member else ''}in({argument}).\n"
    if semantics == "grounded":  # the grounded extension: the cautious consequences of complete
        return (argument in consequences(parts, facts(af), "cautious")) == member
    return bool(models(parts, facts(af) + constraint, limit=1))


def is_extension(af, semantics: str, members) -> bool:
    """Whether the argument numbers ``members`` form an extension: a model of exactly them."""
    members = frozenset(members)
    if semantics in ("ideal", "grounded"):
        return members == (ideal(af)[0] if semantics == "ideal" else reference(af, "grounded").sceptical)
    given = "".join(f"given({a}).\n" for a in members)
    return bool(models([*PARTS[semantics], "exactly"], facts(af) + given, limit=1))
