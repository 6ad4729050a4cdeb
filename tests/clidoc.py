"""docs/cli.md, the command reference, made from the commands' own ``--help``.

``python -m tests.clidoc`` rewrites it; ``tests/test_docs.py`` fails when a
command is missing from it or its text differs from what ``--help`` prints.
"""

from __future__ import annotations

from .conftest import ROOT

CLI_DOC = ROOT / "docs" / "cli.md"

_HEAD = """\
# argmap command reference

Every command of `argmap`, with the text its `--help` prints. This page is
generated from that help by `python -m tests.clidoc`, and the test suite
fails when it is out of date, so it says what the installed `argmap` does.
The [tutorial](tutorial.md) shows the commands at work; the
[Python API](python-api.md) has a function for each.

Contents: {contents}.

## Shell completion

click, which argmap's command line is built on, completes command names,
options and their choices in bash, zsh and fish. Ask `argmap` for the
script once and have the shell read it:

```sh
_ARGMAP_COMPLETE=bash_source argmap > ~/.argmap-complete.bash
echo '. ~/.argmap-complete.bash' >> ~/.bashrc
```

For zsh use `zsh_source` (and `~/.zshrc`), for fish `fish_source` into
`~/.config/fish/completions/argmap.fish`. Then `argmap ren<Tab>` gives
`argmap render`, and `argmap render --color <Tab>` offers `status` and `kind`.

`argmap --version` prints the version, `argmap COMMAND --help` the text below.
"""


def command_help(name: str | None = None) -> str:
    """What ``argmap [NAME] --help`` prints, at a fixed width of 80 columns."""
    import click

    from argmap.cli import cli

    root = click.Context(cli, info_name="argmap", terminal_width=80, max_content_width=80, **cli.context_settings)
    if name is None:
        return cli.get_help(root)
    command = cli.commands[name]
    ctx = click.Context(command, info_name=name, parent=root, terminal_width=80, max_content_width=80)
    return command.get_help(ctx)


def cli_markdown() -> str:
    """The whole of docs/cli.md."""
    from argmap.cli import cli

    names = sorted(cli.commands)
    contents = ", ".join(f"[`argmap {n}`](#argmap-{n})" for n in names)
    parts = [_HEAD.format(contents=contents), "## argmap\n\n```text\n" + command_help() + "\n```\n"]
    for name in names:
        parts.append(f"## argmap {name}\n\n```text\n{command_help(name)}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    CLI_DOC.parent.mkdir(exist_ok=True)
    CLI_DOC.write_text(cli_markdown(), encoding="utf-8")
    print(CLI_DOC)
