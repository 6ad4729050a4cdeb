"""Every ``argmap solve`` task against clingo and the answer-set encodings of ``tests/asp/``.

The encodings are first checked against brute force over all subsets on
small frameworks; then argmap and clingo answer the same questions on random
frameworks of a few hundred arguments (``ARGMAP_CLINGO_FRAMEWORKS``, 200 by
default): for each semantics, whether an extension exists and SE's answer is
one; for each DC and DS task, the answer on arguments drawn from those the
grounded labelling leaves undecided (and others), with each certificate
checked to be an extension by clingo.  Stage is compared on a framework of
40 to 80 arguments beside each of those: on a few hundred, proving that no
conflict-free set has a larger range (the saturation of ``larger_range.lp``
without the grounded labelling to narrow it) takes clingo minutes on some.  clingo is a test dependency; without
it these tests skip, and fail under ``ARGMAP_STRICT=1``.
"""

from __future__ import annotations

import os
import random

import pytest

from argmap.semantics.extensions import AttackGraph, extensions_reference, grounded_labels
from argmap.semantics.tasks import TASKS, decide

from .conftest import need

try:
    import clingo  # noqa: F401

    from .asp_reference import accepts, is_extension, reference
except ImportError:  # pragma: no cover - the skip says why
    clingo = None

FRAMEWORKS = int(os.environ.get("ARGMAP_CLINGO_FRAMEWORKS", "200"))
SEMANTICS = {"GR": "grounded", "CO": "complete", "PR": "preferred", "ST": "stable", "SST": "semistable",
             "STG": "stage", "ID": "ideal"}


@pytest.fixture(autouse=True)
def _clingo():
    need(clingo is not None, "clingo is not installed (pip install clingo; it is in the test extra)")


def random_framework(seed: int, smallest: int, largest: int, degrees=(0.5, 1.0, 1.5, 2.0)) -> AttackGraph:
    rng = random.Random(seed)
    n = rng.randint(smallest, largest)
    degree = rng.choice(degrees)
    attacks = {(str(rng.randrange(n)), str(rng.randrange(n))) for _ in range(int(n * degree))}
    return AttackGraph.from_edges([str(i) for i in range(n)], sorted(attacks))


@pytest.mark.parametrize("seed", range(40))
def test_the_encodings_agree_with_brute_force(seed):
    af = random_framework(seed, 0, 6, degrees=(0.5, 1.0, 1.5, 2.5))
    for semantics in SEMANTICS.values():
        exts = [frozenset(map(af.arguments.index, e)) for e in extensions_reference(af, semantics)]
        ref = reference(af, semantics)
        assert ref.exists == bool(exts), semantics
        if exts:
            assert (ref.credulous, ref.sceptical) == (frozenset.union(*exts), frozenset.intersection(*exts))
        assert all(is_extension(af, semantics, e) for e in exts)
        for a in range(len(af.arguments)):
            assert accepts(af, semantics, a) == any(a in e for e in exts), (semantics, a)
            assert accepts(af, semantics, a, member=False) == any(a not in e for e in exts), (semantics, a)


def _queried(af, rng, k=3) -> list[int]:
    """``k`` argument numbers, the grounded labelling's undecided ones first."""
    undecided = [int(a) for a, v in enumerate(grounded_labels(af).tolist()) if v == 0]
    rest = [a for a in range(len(af.arguments)) if a not in set(undecided)]
    chosen = rng.sample(undecided, min(k - 1, len(undecided)))
    return chosen + rng.sample(rest, min(k - len(chosen), len(rest)))


#: The frameworks of the quick run (``pytest -m "not slow"``); the others, half a second each, are slow.
QUICK = 20


@pytest.mark.parametrize("seed", [s if s < QUICK else pytest.param(s, marks=pytest.mark.slow) for s in range(FRAMEWORKS)])
def test_every_task_agrees_with_clingo(seed):
    large, small = random_framework(1000 + seed, 200, 300), random_framework(5000 + seed, 40, 80)
    rng = random.Random(seed)
    for code, semantics in SEMANTICS.items():
        af = small if semantics == "stage" else large
        ref = reference(af, semantics)
        found = decide(af, f"SE-{code}").extension
        assert (found is not None) == ref.exists, semantics
        if found is not None:
            assert is_extension(af, semantics, map(af.arguments.index, found)), semantics
        if code == "GR":
            continue
        for a in _queried(af, rng):
            name = af.arguments[a]
            dc, ds = decide(af, f"DC-{code}", name), decide(af, f"DS-{code}", name)
            assert dc.yes == (a in ref.credulous) and ds.yes == (a in ref.sceptical or not ref.exists), semantics
            for answer, member in ((dc, True), (ds, False)):
                if answer.extension is not None:  # the certificate: an extension with (without) the argument
                    numbers = list(map(af.arguments.index, answer.extension))
                    assert (a in numbers) == member and is_extension(af, semantics, numbers), (answer.task, a)


def test_tasks_cover_every_semantics():
    assert {t[3:] for t in TASKS} == set(SEMANTICS)
