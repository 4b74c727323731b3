"""The README documents every command and every setting."""

from pathlib import Path

import pytest

from ui.cli import cli
from assistant.config import SETTINGS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_and_readme_entry(name):
    command = cli.commands[name]
    assert command.help, f"{name} has no help text"
    assert f"budgetqa {name}" in README


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented(setting):
    assert setting.env in README
    assert setting.help


def test_readme_opens_with_the_two_commands():
    first_block = README.split("```")[1]
    commands = [line for line in first_block.splitlines()[1:] if line.strip()]
    assert [c.split("#")[0].strip() for c in commands] == ["bash scripts/serve.sh", "bash scripts/test.sh"]
