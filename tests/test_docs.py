"""The documentation cannot drift: the CLI reference is the commands' own help.

Also the promises it makes: ``--version``, shell completion, an example in
every command's help.
"""

from __future__ import annotations

import re

import pytest
import tomllib

from argmap.cli import cli

from .docgen import API_DOC, API_FOR_COMMAND, CLI_DOC, GUIDE, api_markdown, cli_markdown, command_help, guide_with_layout
from .conftest import ROOT


def test_cli_reference_is_current():
    assert CLI_DOC.read_text(encoding="utf-8") == cli_markdown(), "run: python -m tests.docgen"


def test_every_command_is_in_the_cli_reference():
    text = CLI_DOC.read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"## argmap {name}\n" in text, name
        assert f"Usage: argmap {name} " in text, name


def test_every_command_has_an_example_of_itself():
    for name in cli.commands:
        examples = re.findall(r"Example: (argmap \S+)", command_help(name))
        assert examples and all(e == f"argmap {name}" for e in examples), name
    assert "Example: argmap render" in command_help()


def test_version_is_the_package_version(run_cli):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    res = run_cli("--version")
    assert res.returncode == 0 and res.stdout == f"argmap, version {version}\n"


def test_shell_completion_script_and_completions(run_cli):
    script = run_cli(env={"_ARGMAP_COMPLETE": "bash_source"})
    assert script.returncode == 0
    assert "_argmap_completion()" in script.stdout and "complete -o nosort -F _argmap_completion argmap" in script.stdout
    # what the script asks argmap when one presses Tab after "argmap ren" and "argmap render --color "
    words = run_cli(env={"_ARGMAP_COMPLETE": "bash_complete", "COMP_WORDS": "argmap ren", "COMP_CWORD": "1"})
    assert words.stdout.split() == ["plain,render"]
    choices = run_cli(env={"_ARGMAP_COMPLETE": "bash_complete", "COMP_WORDS": "argmap render --color ",
                           "COMP_CWORD": "3"})
    assert choices.stdout.split() == ["plain,verdict", "plain,status", "plain,kind"]
    zsh = run_cli(env={"_ARGMAP_COMPLETE": "zsh_source"})
    assert "#compdef argmap" in zsh.stdout


def test_python_api_page_is_current():
    assert API_DOC.read_text(encoding="utf-8") == api_markdown(), "run: python -m tests.docgen"


def test_guide_layout_is_current():
    text = GUIDE.read_text(encoding="utf-8")
    assert text == guide_with_layout(text), "run: python -m tests.docgen"
    assert "| model | `argmap/model.py` | The argument map: claims and relations over an RDF graph |" in text


def test_every_command_has_its_function():
    import argmap

    commands = {cmd.split()[0] for cmd in API_FOR_COMMAND}
    assert commands == set(cli.commands)
    assert set(API_FOR_COMMAND.values()) <= set(argmap.__all__)
    text = API_DOC.read_text(encoding="utf-8")
    for name in argmap.__all__:
        assert f"## argmap.{name}\n" in text, name


def _doctests():
    import doctest

    import argmap
    import argmap.progress

    finder = doctest.DocTestFinder(recurse=False)
    found = [t for name in argmap.__all__ for t in finder.find(getattr(argmap, name), f"argmap.{name}",
                                                               module=argmap, globs=None)
             if not isinstance(getattr(argmap, name), str)]
    found += finder.find(argmap, "argmap") + finder.find(argmap.progress, "argmap.progress")
    return [t for t in found if t.examples]


def test_every_function_of_the_api_has_an_example():
    import inspect

    import argmap

    named = {t.name for t in _doctests()}
    for name in argmap.__all__:
        if inspect.isfunction(getattr(argmap, name)):
            assert f"argmap.{name}" in named, name


@pytest.mark.parametrize("test", _doctests(), ids=lambda t: t.name)
def test_docstring_examples(test):
    import doctest

    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out = []
    result = runner.run(test, out=out.append)
    assert result.failed == 0, "".join(out)
    assert result.attempted > 0


def test_links_between_the_pages_lead_to_files():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for page in pages:
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "#")):
                continue
            path = (page.parent / target.split("#", 1)[0]).resolve()
            assert path.exists(), f"{page.name} links to {target}"
