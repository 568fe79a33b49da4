"""Run `init`: every step in order, and the summary of what a person must now decide."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sns_policy.load.rulesets import RULESET_FILE
from sns_policy.load.search_path import OWN_CONFIG, find_config, municipality_roots
from sns_policy.scaffold.outline import split
from sns_policy.scaffold.proposals import propose_units
from sns_policy.scaffold.similar import shipped_index
from sns_policy.scaffold.sources import SourceError, read_guideline
from sns_policy.scaffold.write import SUMMARY_FILE, Facts, Written, write_folder
from sns_policy.words import text as msg


@dataclass(frozen=True, slots=True)
class Initialised:
    written: Written
    config: Path | None  # the sns-policy.toml written so that the id is found, if one was


def initialise(facts: Facts, guideline: Path, folder: Path) -> Initialised:
    """Create `folder` for `facts.id` from the guideline file; SourceError when it cannot be read
    or the folder already holds a ruleset (nothing is overwritten)."""
    if (folder / RULESET_FILE).exists():
        raise SourceError("init.exists", path=str(folder / RULESET_FILE))
    text = read_guideline(guideline)
    outline = split(text)
    if not outline.units:
        raise SourceError("init.no-units", path=str(guideline))
    written = write_folder(folder, facts, text, outline, propose_units(outline), shipped_index())
    for gap in outline.gaps:
        written.decisions.append(msg("init.decide.gap", gap=gap))
    config = _on_search_path(folder, written)
    (folder / SUMMARY_FILE).write_text(summary(written, "ja") + "\n---\n\n" + summary(written, "en"), encoding="utf-8")
    written.files.append(folder / SUMMARY_FILE)
    return Initialised(written, config)


def _on_search_path(folder: Path, written: Written) -> Path | None:
    """Make the new id findable: an sns-policy.toml here naming the folder's parent, when no
    configuration applies yet; otherwise say which line to add."""
    parent = folder.resolve().parent
    if parent in municipality_roots():
        return None
    config = find_config()
    if config.file is None:
        path = Path.cwd() / OWN_CONFIG
        relative = os.path.relpath(parent, Path.cwd())
        words = msg("init.yaml.config")
        path.write_text(f"# {words.ja}\n# {words.en}\nmunicipalities = [\"{Path(relative).as_posix()}\"]\n", encoding="utf-8")
        return path
    relative = os.path.relpath(parent, config.file.parent)
    written.decisions.append(msg("init.decide.config", file=str(config.file), folder=Path(relative).as_posix()))
    return None


def summary(written: Written, lang: str) -> str:
    def say(key: str, **params: object) -> str:
        return msg(key, **params).get(lang)

    modalities = ", ".join(f"{msg(f'init.yaml.modality.{k}').get(lang)} {v}" for k, v in sorted(written.by_modality.items()))
    decisions = [d.get(lang) for d in written.decisions]
    if written.unsure:
        decisions.append(say("init.decide.unsure", refs=("、" if lang == "ja" else ", ").join(written.unsure)))
    decisions += [say("init.decide.modality"), say("init.decide.checks")]
    lines = [
        f"# {say('init.summary.title', folder=str(written.folder))}",
        "",
        say("init.summary.counts", units=written.units, non_normative=written.non_normative, stubs=written.stubs,
            modalities=modalities),
        "",
        f"## {say('init.summary.decide')}",
        "",
        *(f"- {d}" for d in decisions),
        "",
        f"## {say('init.summary.next')}",
        "",
        f"    sns-policy lint {written.folder}",
        f"    sns-policy coverage {written.folder}",
        f"    sns-policy test {written.folder / 'tests'}",
        f"    sns-policy check {written.folder / 'examples'}",
        "",
    ]
    return "\n".join(lines)
