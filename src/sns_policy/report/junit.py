"""JUnit XML as one string, for `check` and `test` alike: well-formed whatever the values.

ElementTree escapes `<`, `&` and quotes, but writes a control character as it is, and XML
1.0 has no way to write most of them (not even as `&#x1b;`): one "\\e" in a manifest made
the whole file unreadable to every JUnit reader. Every text and attribute goes through
report.safe_text.shown first, so `\\x1b` is shown instead.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sns_policy.report.safe_text import shown


def _shown(element: ET.Element) -> None:
    for node in element.iter():
        node.attrib = {shown(k): shown(v) for k, v in node.attrib.items()}
        if node.text:
            node.text = shown(node.text)
        if node.tail:
            node.tail = shown(node.tail)


def document(root: ET.Element) -> str:
    """`root` as an XML document: declared, indented, every character one XML allows."""
    _shown(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
