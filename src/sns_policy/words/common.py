"""Small words shared by many messages: bounds, intervals, separators of worded lists."""

WORDS: dict[str, tuple[str, str]] = {
    "word.at_least": ("{n}以上", "at least {n}"),
    "word.at_most": ("{n}以下", "at most {n}"),
    "word.at_most_count": ("{paths} の数（{n}）以下", "at most the number of {paths} ({n})"),
    "word.months": ("{n}か月", "{n} months"),
    "word.days": ("{n}日", "{n} days"),
    "word.none": ("（なし）", "(none)"),
    "word.nothing": ("", ""),
    "word.and": ("、", " and "),
    "word.both": ("・", " and "),
    "word.list": ("、", ", "),
    "word.comma": (", ", ", "),
    "word.clauses": ("、", "; "),
}
