"""HTML to plain text, for sources whose texts are HTML (Mastodon ``content``, a Twitter ``source`` link).

Only the standard library parser is used; nothing in the markup is ever evaluated.

>>> html_to_text('<a href="https://x.co">Twitter Web App</a>')
'Twitter Web App'
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

__all__ = ["html_to_text"]


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment: ``<br>`` -> newline, paragraphs separated by a blank line.

    Only the standard library parser is used; nothing is evaluated. The content of ``<script>``
    and ``<style>`` elements is not text a reader sees and is left out.
    """

    BLOCKS = {"p", "div", "blockquote", "li", "ul", "ol", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
    HIDDEN = {"script", "style"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def _block(self) -> None:
        if self.parts and not "".join(self.parts[-2:]).endswith("\n\n"):
            self.parts.append("\n\n" if not self.parts[-1].endswith("\n") else "\n")

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self.BLOCKS:
            self._block()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self._block()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)

    def text(self) -> str:
        return "".join(self.parts).strip("\n")


def html_to_text(fragment: str | None) -> str | None:
    """Plain text of an HTML fragment (Mastodon ``content``, a Twitter ``source`` link).

    ``<br>`` becomes a newline, ``</p><p>`` a blank line, other tags are removed and entities
    decoded. Text that looks like markup but was escaped (``&lt;script&gt;``) comes out as text.

    Parameters
    ----------
    fragment
        HTML, or None.

    Returns
    -------
    str or None

    Examples
    --------
    >>> html_to_text("<p>Bonjour &amp; bienvenue<br>ligne 2</p><p>&lt;b&gt;</p>")
    'Bonjour & bienvenue\\nligne 2\\n\\n<b>'
    """
    if fragment is None:
        return None
    if "<" not in fragment:
        return html.unescape(fragment) if "&" in fragment else fragment
    parser = _TextExtractor()
    parser.feed(fragment)
    parser.close()
    return parser.text()
