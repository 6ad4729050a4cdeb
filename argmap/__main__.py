"""``python -m argmap``: the command line, as the ``argmap`` script runs it."""

from .cli import main

main()
