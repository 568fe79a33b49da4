"""Turn pydantic validation errors into located findings.

A manifest states facts, never secrets, and the schema refuses a secret written into one;
its error must not then print the secret. So a message never shows:

- a value refused in a field whose name, or any of whose ancestors' names, looks like a
  secret's (`secret_name`: password, token, api_key, recovery codes… — the one list, SECRET_WORDS);
- the value of an unknown key, wherever it is;
- an unknown key itself under a secret-named block, or one that looks like a value rather
  than a name (`looks_like_a_key`).

What is wrong and where still is said: the file, line and column, the field in words, the
path with a withheld key written as ＊＊＊, and the problem without the value.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from pydantic import ValidationError

from sns_policy.checks import KINDS
from sns_policy.diagnostics import Finding, Severity
from sns_policy.load.yaml_source import YamlDocument
from sns_policy.words import CATALOG, Text
from sns_policy.words import text as msg
from sns_policy.words.fields import FIELDS, field_words


# --- secrets: what a message never shows --------------------------------------------------

# Words that make a key a secret's, matched against the key's words (snake_case, kebab-case,
# camelCase and spaces split; lower case): "api_key", "apiKey", "API-Key" and "Api Key" are
# all api + key. A word matches alone (token, otp) or as a run of words (api key, recovery codes).
SECRET_WORDS: tuple[str, ...] = (
    "password", "passwords", "passwd", "passphrase", "pwd", "pass", "secret", "secrets", "token", "tokens",
    "apikey", "api key", "access key", "secret key", "private key", "privatekey", "signing key", "ssh key",
    "credential", "credentials", "otp", "totp", "hotp", "2fa", "mfa", "two factor code", "recovery",
    "backup codes", "backup code", "pin", "pincode", "seed", "mnemonic", "cookie", "session", "bearer", "auth code", "authorization",
    # Japanese keys (a manifest's keys are English, but an unknown key may be anything)
    "パスワード", "暗証", "秘密", "トークン", "認証コード", "合言葉", "リカバリー", "復旧コード",
)
_WORD_BREAK = re.compile(r"[\s_\-.:/]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _words(key: str) -> list[str]:
    return [w.lower() for w in _WORD_BREAK.split(key) if w]


def secret_name(key: object) -> bool:
    """Whether a key names a secret (SECRET_WORDS)."""
    if not isinstance(key, str):
        return False
    words = _words(key)
    joined = " ".join(words)
    return any((f" {w} " in f" {joined} ") if w.isascii() else (w in key) for w in SECRET_WORDS)


# A key a person wrote as a name: words of letters (lower, Capitalised, camelCase or
# ALL-CAPS, each with at most two digits after it), or a short number, or Japanese,
# separated by _ - . or spaces; at most 40 characters, no word over 24. A secret pasted
# in as a key (Zx9Qv7Lm2Pw8, sk_live_4eC39HqLyjWD, a hex or base64 string) mixes cases
# and digits inside a word, or runs long, and is not shown.
_KEY_PART = re.compile(r"(?:[a-z]+(?:[A-Z][a-z]+)*|[A-Z][a-z]+(?:[A-Z][a-z]+)*|[A-Z]+)\d{0,2}|\d{1,4}"
                       r"|[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ー]+")


def looks_like_a_key(key: str) -> bool:
    parts = [p for p in re.split(r"[\s_\-.]+", key) if p]
    return 0 < len(key) <= 40 and bool(parts) and all(len(p) <= 24 and _KEY_PART.fullmatch(p) for p in parts)


def _secret_context(loc: tuple[str | int, ...]) -> bool:
    return any(secret_name(p) for p in loc)


WITHHELD_KEY = "＊＊＊"  # a key not shown, in a path


def shown_loc(loc: tuple[str | int, ...], kind: str | None = None) -> tuple[str | int, ...]:
    """`loc` as a message may show it: an unknown key (the last part of an extra_forbidden
    error) under a secret-named block, or one that looks like no key, as ＊＊＊."""
    if kind != "extra_forbidden" or not loc or not isinstance(loc[-1], str):
        return loc
    key, parents = loc[-1], loc[:-1]
    if _secret_context(parents) or not looks_like_a_key(key):
        return (*parents, WITHHELD_KEY)
    return loc


def _withholds_value(error: dict[str, Any]) -> bool:
    return error["type"] == "extra_forbidden" or _secret_context(tuple(error.get("loc", ())))


def schema_problem(error: dict[str, Any]) -> Text:
    """What one pydantic error says, in the catalogue's words (without where it is); the
    value only where the field is no secret's (see the module's docstring)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    key = f"schema.{kind}"
    withheld = _withholds_value(error)
    # A field may say more than the kind does (the municipality is an id, not a path).
    field = ".".join(str(p) for p in error.get("loc", ()) if not isinstance(p, int))
    if f"{key}.{field}" in CATALOG:
        key = f"{key}.{field}"
    if key in CATALOG:
        params: dict[str, Any] = {k: v for k, v in ctx.items()}
        params.setdefault("value", error.get("input"))
        if withheld:  # the value, and whatever else of the input a validator put in ctx
            given = error.get("input")
            params = {k: msg("schema.withheld") if k == "value" or (isinstance(v, str) and isinstance(given, str) and given
                                                                     and given in v) else v
                      for k, v in params.items()}
        if isinstance(params.get("expected"), str):
            # pydantic writes "'a', 'b' or 'c'"; Japanese lists with 、
            expected = params["expected"]
            params["expected"] = Text(ja=expected.replace("' or '", "'、'").replace("', '", "'、'"), en=expected)
        try:
            return msg(key, **params)
        except (KeyError, IndexError):
            pass
    # Rarer pydantic errors: pydantic's own English words in English, and in Japanese that
    # the value is not valid (the position says where). Pydantic's words may quote the value.
    if withheld:
        return msg("schema.other.withheld")
    problem = error["msg"].removeprefix("Value error, ")
    return msg("schema.other", problem=problem)


def _where(loc: tuple[str | int, ...], data: Any) -> Text:
    """What a schema error is about, in words: a manifest field by name with its path in
    brackets; in a ruleset, the rule it is in."""
    path = ".".join(str(p) for p in loc)
    if not loc:
        return msg("schema.where.document")
    key = ".".join(str(p) for p in loc if not isinstance(p, int))
    if key in FIELDS:
        return msg("schema.where.field", field=field_words(key), path=path)
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int) and isinstance(data, dict):
        rules = data.get("rules")
        if isinstance(rules, list) and loc[1] < len(rules) and isinstance(rules[loc[1]], dict) and rules[loc[1]].get("id"):
            return msg("schema.where.rule", rule=str(rules[loc[1]]["id"]), path=path)
    return msg("schema.where.path", path=path)


Position = Callable[[tuple[str | int, ...]], tuple[str, int, int]]


def schema_findings(exc: ValidationError, document: YamlDocument, file: str) -> list[Finding]:
    """Schema errors of one document of `file`, each at the value it is about."""

    def position(parts: tuple[str | int, ...]) -> tuple[str, int, int]:
        return (file, *document.locate(parts))

    return schema_findings_at(exc, position, document.index, document.data)


def schema_findings_at(exc: ValidationError, position: Position, document: int | None = None, data: Any = None) -> list[Finding]:
    """Schema errors placed by `position` (a manifest built from several files places
    each value in the file it came from)."""
    findings = []
    for error in exc.errors(include_url=False):
        # Discriminated unions put the tag (a check kind's name) into loc; YAML has no such key.
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p in KINDS))
        file, line, column = position(loc)
        shown = shown_loc(loc, error["type"])  # located by the key, said without it
        field = ".".join(str(p) for p in shown) or "(document)"
        where = _where(shown, data)
        problem = schema_problem(error)
        findings.append(Finding(
            code="input.schema",
            severity=Severity.ERROR,
            file=file,
            line=line,
            column=column,
            message=msg("input.schema", field=where, problem=problem),
            path=field,
            document=document,
        ))
    return findings


def input_error(code: str, file: str, /, line: int = 0, column: int = 0, document: int | None = None, **params: Any) -> Finding:
    return Finding(
        code=code,
        severity=Severity.ERROR,
        file=file,
        line=line,
        column=column,
        message=msg(code, **params),
        document=document,
    )
