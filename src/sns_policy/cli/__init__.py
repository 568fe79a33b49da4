"""The `sns-policy` command: thin typer commands, each one call into the library."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any, NoReturn

import typer
import typer.main

from sns_policy.cli import audit, check, completion, confirm, diff, impact, init, lint, register, render, rules, schemas, suites
from sns_policy.cli.common import both, lang_of
from sns_policy.cli.encoding import protect_streams
from sns_policy.cli.usage import usage_problem
from sns_policy.load.search_path import Config, ConfigError, find_config, municipality_roots
from sns_policy.words import text as msg
from sns_policy.write import WriteError

app = typer.Typer(
    name="sns-policy",
    help=both("help.main.1"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from sns_policy import __version__

        sys.stdout.write(f"sns-policy {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help=both("help.main.version"))] = False,
) -> None:
    """The options of `sns-policy` itself (before a command)."""


app.command("check", help=both("help.command.check"))(check.check)
app.add_typer(rules.rules_app, name="rules")
app.command("explain", help=both("help.command.explain"))(rules.explain)
app.command("coverage", help=both("help.command.coverage"))(rules.coverage)
app.command("test", help=both("help.command.test"))(suites.test)
app.command("impact", help=both("help.command.impact"))(impact.impact)
app.command("diff", help=both("help.command.diff"))(diff.diff)
app.command("compare", help=both("help.command.compare"))(diff.compare)
app.add_typer(render.render_app, name="render")
app.command("schemas", help=both("help.command.schemas"))(schemas.schemas)
app.command("lint", help=both("help.command.lint"))(lint.lint)
app.command("init", help=both("help.command.init"))(init.init)
app.command("confirm", help=both("help.command.confirm"))(confirm.confirm)
app.command("import", help=both("help.command.import"))(register.import_register)
app.command("export", help=both("help.command.export"))(register.export_register)
app.command("report", help=both("help.command.report"))(audit.report)
app.command("completion", help=both("help.command.completion"))(completion.completion)

# Exit status for a bug in the tool itself (sysexits EX_SOFTWARE), distinct from 2 (bad input).
INTERNAL_ERROR = 70


def main() -> None:
    """Run the CLI; usage errors become one line in the asked language and exit 2, never a traceback."""
    lang = lang_of(sys.argv[1:])
    protect_streams()  # before anything is written: no output is lost to the console's encoding
    if completion.COMPLETE_VAR in os.environ:  # the shell asking what to complete
        completion.answer_completion_request()
    try:
        municipality_roots()  # a broken configuration is said first, whatever the command needs
        config = find_config()
        _apply_walk(config)
        code = app(standalone_mode=False, default_map=_defaults(config))
    except ConfigError as exc:  # the project configuration, read wherever an id is looked up
        _error(f"{exc.file}:{exc.line}:{exc.column}: {msg(exc.key, **exc.params).get(lang)}")
    except WriteError as exc:  # any command's --out (report, export, import, schemas …): where and why, in words
        _error(exc.words().get(lang))
    except typer.Abort:
        sys.stderr.write(f"sns-policy: {msg('cli.aborted').get(lang)}\n")
        sys.exit(130)
    except OSError as exc:
        # The file system said no (permission, a name too long, a loop of links, a full
        # disk): the user's environment, not a bug. One line naming the path, exit 2.
        if os.environ.get("SNS_POLICY_DEBUG"):
            raise
        from sns_policy.words.os_errors import reason_words

        where = exc.filename if exc.filename is not None else "-"
        _error(f"{where}: {msg('cli.os-error', reason=reason_words(exc)).get(lang)}")
    except Exception as exc:
        if _is_usage_error(exc):
            message = exc.format_message()  # type: ignore[attr-defined]
            if not message:  # `sns-policy` alone: the help was shown
                sys.exit(getattr(exc, "exit_code", 2))
            problem = usage_problem(message)
            sys.stderr.write(f"sns-policy: error: {msg('cli.usage', problem=problem).get(lang)}\n")
            context = getattr(exc, "ctx", None)
            command = context.command_path if context is not None else _command_path(sys.argv[1:])
            sys.stderr.write(f"  {msg('cli.usage-help', command=command).get(lang)}\n")
            sys.exit(getattr(exc, "exit_code", 2))
        template = _template_error(exc, lang)
        if template is not None:  # a user's template (report --templates): located, exit 2
            sys.stderr.write(f"sns-policy: error: {template}\n")
            sys.exit(2)
        # A bug: say so in one line unless asked for the traceback.
        if os.environ.get("SNS_POLICY_DEBUG"):
            raise
        sys.stderr.write(f"sns-policy: {msg('cli.internal', error=f'{type(exc).__name__}: {exc}').get(lang)}\n")
        sys.exit(INTERNAL_ERROR)
    sys.exit(code or 0)


def _template_error(exc: Exception, lang: str) -> str | None:
    """The line for an error of a template outside the bundled ones (the user's own), else
    None: an error in a bundled template is the tool's bug."""
    jinja = sys.modules.get("jinja2")
    if jinja is None or not isinstance(exc, jinja.TemplateError):
        return None
    from sns_policy.render.sandbox import describe, template_frame
    from sns_policy.resources import templates_dir

    where = getattr(exc, "where", None) or template_frame(exc)
    bundled = os.path.realpath(templates_dir())
    try:
        if where is None or os.path.commonpath([os.path.realpath(where[0]), bundled]) == bundled:
            return None
    except ValueError:  # another drive: not a bundled one
        pass
    location, problem = describe(exc)
    return f"{location}: {msg('render.template', problem=problem).get(lang)}"


def _error(line: str) -> NoReturn:
    """One line on stderr, exit 2; a path or value in it is shown, never obeyed (safe_text)."""
    from sns_policy.report.safe_text import shown

    sys.stderr.write(f"sns-policy: error: {shown(line)}\n")
    sys.exit(2)


def _apply_walk(config: Config) -> None:
    """The configuration's excludes for every folder walk of the run."""
    from sns_policy.load.inputs import WALK, WalkSettings

    WALK.set(WalkSettings(exclude=config.exclude or (), extend_exclude=config.extend_exclude,
                          gitignore=config.respect_gitignore))


def _defaults(config: Config) -> dict[str, Any]:
    """The configuration's defaults as click's default_map: `lang` for every command, `format`
    and `fail-on` for check. A flag on the command line still wins."""
    defaults: dict[str, Any] = {}

    def walk(command: Any, into: dict[str, Any]) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            own: dict[str, Any] = {}
            if getattr(sub, "commands", None):
                walk(sub, own)
            else:
                names = {p.name for p in sub.params}
                if config.lang and "lang" in names:
                    own["lang"] = config.lang
                if name == "check" and config.format:
                    own["format"] = config.format
                if name == "check" and config.fail_on:
                    own["fail_on"] = config.fail_on
            if own:
                into[name] = own

    if config.lang or config.format or config.fail_on:
        walk(typer.main.get_command(app), defaults)
    return defaults


def _command_path(arguments: list[str]) -> str:
    """The (sub)command the arguments name, for an error click raised without its context
    (an option missing its value): `sns-policy check --as-of` → `sns-policy check`."""
    path, command = ["sns-policy"], typer.main.get_command(app)
    for argument in arguments:
        subcommands = getattr(command, "commands", None)
        if not subcommands or argument not in subcommands:
            break
        path.append(argument)
        command = subcommands[argument]
    return " ".join(path)


def _is_usage_error(exc: Exception) -> bool:
    # Click's exceptions (vendored inside recent typer, a dependency in older ones) carry
    # format_message() and exit_code; matching on those keeps us off private modules.
    return callable(getattr(exc, "format_message", None)) and isinstance(getattr(exc, "exit_code", None), int)
