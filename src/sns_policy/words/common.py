"""Small words shared by many messages: bounds, intervals, separators of worded lists."""

WORDS: dict[str, tuple[str, str]] = {
    "word.at_least": ("{n}以上", "at least {n}"),
    "word.at_most": ("{n}以下", "at most {n}"),
    "word.at_most_count": ("{fields}の記載数の合計（{n}）以下", "at most {n}, the number of entries in {fields} combined"),
    "word.month": ("{n}か月", "{n} month"),
    "word.months": ("{n}か月", "{n} months"),
    "word.day": ("{n}日", "{n} day"),
    "word.days": ("{n}日", "{n} days"),
    "word.none": ("（なし）", "(none)"),
    "word.nothing": ("", ""),
    "word.and": ("、", " and "),
    "word.both": ("・", " and "),
    "word.list": ("、", ", "),
    "word.and_nouns": ("と", " and "),
    "word.comma": (", ", ", "),
    "word.clauses": ("、", "; "),
    "word.alternatives": (" ／ ", " / "),
    "word.failures": ("。", "; "),
    "word.quoted": ("「{text}」", "'{text}'"),
    "word.one_of": ("{texts}、{last}のいずれか", "{texts} or {last}"),
}
