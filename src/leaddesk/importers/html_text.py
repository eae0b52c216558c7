"""HTML mail as readable text. Nothing is fetched: images, scripts and styles are dropped."""

from html.parser import HTMLParser

_BREAKS = {"br", "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
_SOFT_BREAKS = {"div", "tr", "li", "table"}  # end a line only if it has text
_SKIP = {"script", "style", "head", "title"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.cells: list[str] = []
        self.skipping = 0

    def _end_line(self, soft: bool = False) -> None:
        if soft and not self.cells and not "".join(self.line).strip():
            return
        if self.cells:
            self.line.append(": ".join(c for c in self.cells if c) if len(self.cells) == 2
                             else " | ".join(self.cells))
            self.cells = []
        text = " ".join("".join(self.line).split())
        self.lines.append(text)
        self.line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BREAKS or tag in _SOFT_BREAKS:
            self._end_line(soft=tag in _SOFT_BREAKS)
        elif tag in ("td", "th"):
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BREAKS or tag in _SOFT_BREAKS:
            self._end_line(soft=tag in _SOFT_BREAKS)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.cells:
            self.cells[-1] += " ".join(data.split())
        else:
            self.line.append(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML document, one block per line; table rows of two cells
    read "label: value"."""
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):
        pass  # broken markup: keep what was read
    parser._end_line()
    lines: list[str] = []
    for line in parser.lines:
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip()
