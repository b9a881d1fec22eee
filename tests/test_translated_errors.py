"""The sentences of the errors a user can cause go through playground/words.py's `tr`, so that the window shows them
in its language (issue 19). Read from the source: a message written as a plain string or an f-string, or a thing
named to a check ("what") that is, never reaches the translator. In playground/ui, `self.tr` (Qt's) counts as
`tr` too. The command-line modules print in English and are not read."""

import ast
import inspect
from pathlib import Path

import pytest

import playground.data  # noqa: F401 - the modules whose errors subclass PlaygroundError
import playground.project.bpp  # noqa: F401
import playground.project.lessons  # noqa: F401
import playground.session  # noqa: F401
from playground import errors

PACKAGE = Path(__file__).resolve().parent.parent / "playground"
ENGLISH_ONLY = {"cli.py", "cli_inputs.py", "training_cli.py", "benchmark.py", "system_libraries.py", "__main__.py"}
# Callables that are handed the message itself: the error classes, and the names errors are made under in
# the modules that build them (a parameter `error`, a module's own maker).
MESSAGE_MAKERS = {"error", "refuse", "_Damaged", "_too_large"}
# Checks that are handed what they check, in words, as the parameter `what`.
WHAT_TAKERS = {"parse_json", "whole", "real", "choice", "check_fields", "_fields", "texts", "named_overlay",
               "_read_exactly"}


def error_classes() -> set[str]:
    found, waiting = set(), [errors.PlaygroundError]
    while waiting:
        kind = waiting.pop()
        found.add(kind.__name__)
        waiting += kind.__subclasses__()
    return found


def sources() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if path.name not in ENGLISH_ONLY)


def called_name(call: ast.Call) -> str | None:
    function = call.func
    return function.id if isinstance(function, ast.Name) else getattr(function, "attr", None)


def is_translated(node: ast.expr) -> bool:
    """`tr("...")`, or `tr("...").format(...)`."""
    if isinstance(node, ast.Call) and called_name(node) == "tr":
        return True
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
            and is_translated(node.func.value))


def untranslated_words(node: ast.expr) -> list[ast.expr]:
    """The parts of a message that are words written in English and not put through `tr`. A call other than `tr`
    (a join, a function's result) is not words written here."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and any(c.isalpha() for c in node.value):
        return [node]
    if isinstance(node, ast.JoinedStr):
        return [node]
    if isinstance(node, ast.BinOp):
        return untranslated_words(node.left) + untranslated_words(node.right)
    if isinstance(node, ast.IfExp):
        return untranslated_words(node.body) + untranslated_words(node.orelse)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
            and not is_translated(node.func.value)):
        return untranslated_words(node.func.value)
    return []


def what_argument(call: ast.Call, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "what":
            return keyword.value
    function = {"_fields": playground.project.lessons._fields, "texts": playground.project.translations.texts,
                "named_overlay": playground.project.translations.named_overlay,
                "_read_exactly": playground.project.bpp._read_exactly}.get(name, getattr(errors, name, None))
    position = list(inspect.signature(function).parameters).index("what")
    return call.args[position] if position < len(call.args) else None


def untranslated_messages(path: Path) -> list[str]:
    makers = MESSAGE_MAKERS | error_classes()
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = called_name(node)
        if name in makers:
            arguments = node.args + [keyword.value for keyword in node.keywords]
        elif name in WHAT_TAKERS:
            arguments = [what for what in [what_argument(node, name)] if what is not None]
        else:
            continue
        found += [f"{path.relative_to(PACKAGE.parent)}:{words.lineno}: {ast.unparse(words)[:70]}"
                  for argument in arguments for words in untranslated_words(argument)]
    return found


def test_the_reader_finds_words_written_in_english(tmp_path):
    module = tmp_path / "example.py"
    module.write_text('raise DataError(f"{path} is empty: choose another file.")\n'
                      'raise DataError(tr("{0} is empty: choose another file.").format(path))\n'
                      'whole(value, "the batch size", 1)\n'
                      'whole(value, tr("the batch size"), 1)\n'
                      'raise error("a " + tr("b") + ", ".join(options))\n', encoding="utf-8")
    module = module.rename(PACKAGE.parent / "tests" / f"_example_{tmp_path.name}.py")
    try:
        assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in untranslated_messages(module)] == ["1", "3", "5"]
    finally:
        module.unlink()


@pytest.mark.parametrize("path", sources(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_error_messages_go_through_the_translator(path):
    assert untranslated_messages(path) == []
