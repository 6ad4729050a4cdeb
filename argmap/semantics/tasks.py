"""The reasoning tasks of ICCMA 2023 on an abstract argumentation framework.

Järvisalo, Lehtonen and Niskanen, "ICCMA 2023: 5th International Competition
on Computational Models of Argumentation" (rules of the main track): a task
is a problem and a semantics joined by a dash,

* ``DC-σ``: is the argument in some σ-extension (credulous acceptance)?
  ``YES`` or ``NO``; the certificate of a ``YES`` is such an extension;
* ``DS-σ``: is the argument in every σ-extension (sceptical acceptance)?
  ``YES`` or ``NO``; the certificate of a ``NO`` is a σ-extension without it
  (with no σ-extension at all, the answer is ``YES``);
* ``SE-σ``: some σ-extension, or ``NO`` when there is none.

An extension is written ``w`` followed by its arguments, ``w 1 2 5``.  The
semantics are ``GR`` grounded, ``CO`` complete, ``PR`` preferred, ``ST``
stable, ``SST`` semi-stable, ``STG`` stage and ``ID`` ideal; each task is
solved by :func:`~argmap.semantics.extensions.find_extension`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UsageError
from ..names import SEMANTICS, did_you_mean
from .extensions import find_extension

__all__ = ["TASKS", "FORMATS", "Answer", "check_task", "solve", "decide", "answer_lines"]

_SEMANTICS = {s.code: s.name for s in SEMANTICS.values() if s.code}
_QUERIED = ("CO", "PR", "ST", "SST", "STG", "ID")  # grounded has no DC or DS task: SE-GR answers them

#: Every task argmap solves, in the order ``argmap solve --problems`` lists them.
TASKS = (*(f"DC-{s}" for s in _QUERIED), *(f"DS-{s}" for s in _QUERIED), *(f"SE-{s}" for s in _SEMANTICS))
#: The file formats ``argmap solve`` reads: ICCMA 2023's (``p af N``) and ASPARTIX's (``arg(a).``).
FORMATS = ("i23", "apx")


@dataclass
class Answer:
    """The answer to a task: ``yes`` for DC and DS (None for SE), and an extension (argument names) or None.

    The extension is the witness of a DC ``YES``, the counter-example of a DS
    ``NO``, or SE's extension; its arguments are in the framework's order.
    """

    task: str
    yes: bool | None
    extension: list | None


def check_task(task: str, argument: str | None = None) -> str:
    """``task`` in capitals if it is one of :data:`TASKS` and ``argument`` is given exactly when it asks
    about one; :class:`~argmap.errors.UsageError` otherwise."""
    if task.upper() not in TASKS:
        raise UsageError(f"unknown task {task!r}{did_you_mean(task, TASKS)} ({{tasks}} lists them)",
                         arguments=("tasks",))
    task = task.upper()
    if task.startswith("SE") and argument is not None:
        raise UsageError(f"{task} asks about no argument: leave out {{argument}}", arguments=("argument",))
    if not task.startswith("SE") and argument is None:
        raise UsageError(f"{task} asks about an argument: give {{argument}}", arguments=("argument",))
    return task


def solve(af, task: str, argument: str | None = None, *, path=None) -> Answer:
    """Solve ``task`` (one of :data:`TASKS`, in any case) on the attack graph ``af``, as read from ``path``.

    ``argument`` (for DC and DS) is an argument's name: its number in an
    ICCMA file, its name in an ASPARTIX one (see
    :func:`argmap.io.afmap.read_af`).  :class:`~argmap.errors.UsageError`
    for an unknown task, a missing or unknown argument, or one given to SE.
    """
    task = check_task(task, argument)
    if argument is not None:
        argument = str(argument).strip()
        if argument not in set(af.arguments):
            known = f"1..{len(af.arguments)}" if af.arguments[:1] == ["1"] else "arg(...) facts"
            raise UsageError(f"no argument {argument!r} (the arguments: {known})", path=path)
    return decide(af, task, argument)


def decide(af, task: str, argument=None) -> Answer:
    """Solve ``task`` (one of :data:`TASKS`) on the attack graph ``af``, about the argument named ``argument``.

    Examples
    --------
    >>> from argmap.semantics.extensions import AttackGraph
    >>> af = AttackGraph.from_edges("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    >>> decide(af, "DC-PR", "c")
    Answer(task='DC-PR', yes=True, extension=['a', 'c'])
    >>> decide(af, "DS-PR", "c")
    Answer(task='DS-PR', yes=False, extension=['b'])
    >>> decide(af, "SE-GR")
    Answer(task='SE-GR', yes=None, extension=[])
    """
    kind, code = task.split("-")
    semantics = _SEMANTICS[code]
    number = None if argument is None else af.arguments.index(argument)
    if kind == "SE":
        yes, found = None, find_extension(af, semantics)
    elif kind == "DC":
        found = find_extension(af, semantics, include=number)
        yes = found is not None
    else:
        found = find_extension(af, semantics, exclude=number)
        yes = found is None
    return Answer(task, yes, None if found is None else list(map(af.arguments.__getitem__, found)))


def answer_lines(answer: Answer, witness: bool = False) -> list[str]:
    """The answer in the competition's output: ``YES``/``NO``, ``w ...`` lines; certificates with ``witness``."""
    if answer.yes is None:
        return ["NO"] if answer.extension is None else [" ".join(["w", *answer.extension])]
    lines = ["YES" if answer.yes else "NO"]
    if witness and answer.extension is not None:
        lines.append(" ".join(["w", *answer.extension]))
    return lines
