"""Namespace-blind navigation of parsed XML.

The Europass schemas mix four namespaces (default, ``hr:``, ``oa:``,
``eures:``) and producers are not consistent about which prefix an element
carries. Once the root element's namespace has identified the schema, the
readers match children by local name only.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from talentverbund.node.intake.common import strip_html


def local(tag: object) -> str:
    """``{namespace}Name`` -> ``Name``; comments and processing instructions -> ""."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def namespace(tag: str) -> str:
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""


def kids(el: Element | None, name: str) -> list[Element]:
    if el is None:
        return []
    return [c for c in el if local(c.tag) == name]


def kid(el: Element | None, *path: str) -> Element | None:
    """Follow a path of local names through direct children; None if any step is missing."""
    for name in path:
        if el is None:
            return None
        el = next((c for c in el if local(c.tag) == name), None)
    return el


def below(el: Element | None, name: str) -> Iterator[Element]:
    """All descendants (not el itself) with this local name."""
    if el is None:
        return
    for node in el.iter():
        if node is not el and local(node.tag) == name:
            yield node


def text(el: Element | None, *path: str) -> str:
    """Whitespace-normalised text content of the element at path ("" if absent)."""
    node = kid(el, *path)
    if node is None:
        return ""
    return " ".join("".join(node.itertext()).split())


def rich(el: Element | None, *path: str) -> str:
    """Text of a rich-text field (escaped HTML in Europass), as plain lines."""
    node = kid(el, *path)
    if node is None:
        return ""
    return strip_html("".join(node.itertext()))


def leaf_texts(el: Element) -> Iterator[str]:
    """Text of every element without element children, in document order."""
    for node in el.iter():
        if len(node) == 0 and node.text and node.text.strip():
            yield strip_html(node.text)
