"""Reply templates: a subject line and a text with placeholders ({name}, {company},
{article_title}, {article_link}, {wa_link}, {me}, {signature}), one file per language.
Filled in one pass: what a placeholder is replaced by is data, never read again as a
placeholder (a buyer called "{signature}" stays that). A line whose placeholders are all
empty is left out ("About: {article_title}" when the inquiry has no article)."""

import re
from dataclasses import dataclass

from leaddesk.errors import InvalidInputError

PLACEHOLDERS = ("name", "company", "article_title", "article_link", "wa_link", "me", "signature")
_KNOWN = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
_FIELD = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}")


@dataclass(frozen=True)
class Template:
    """One template in one language, as its file says it."""

    name: str
    language: str
    subject: str
    body: str


def read_template(name: str, language: str, text: str) -> Template:
    """A template's text: an optional first line `Subject: ...`, then the mail's text.
    InvalidInputError (naming the template and the line) for an unknown placeholder."""
    subject, body = "", text.replace("\r\n", "\n")
    first, _, rest = body.partition("\n")
    if first.lower().startswith("subject:"):
        subject, body = first.partition(":")[2].strip(), rest
    template = Template(name, language, subject, body.strip("\n") + "\n")
    lines = [("subject", subject)] if subject else []
    first_line = 2 if subject else 1
    lines += [(f"line {n}", line) for n, line in enumerate(body.split("\n"), start=first_line)]
    for where, line in lines:
        for match in _FIELD.finditer(line):
            if match[1] is not None and match[1] not in PLACEHOLDERS:
                raise InvalidInputError(f"template {name}.{language}, {where}: {{{match[1]}}} is not "
                                        f"a placeholder (use {_KNOWN})")
    return template


def fill(template: Template, values: dict[str, str]) -> tuple[str, str]:
    """The subject and text with each placeholder replaced, `{{` and `}}` as braces."""
    def replace(match: re.Match[str]) -> str:
        if match[1] is None:
            return match[0][0]
        return values.get(match[1], "")

    # a value never adds a line; "Quote: {article_title}" with no article is "Quote"
    subject = " ".join(_FIELD.sub(replace, template.subject).split()).rstrip(" :：-–")
    lines: list[str] = []
    for line in template.body.split("\n"):
        if _says_nothing(line, values) or (not line.strip() and lines and not lines[-1].strip()):
            continue  # nor a second empty line where a line was left out
        lines.append(_FIELD.sub(replace, line))
    return subject, "\n".join(lines)


def _says_nothing(line: str, values: dict[str, str]) -> bool:
    """A line whose every placeholder is empty (no article, no WhatsApp number): left out."""
    named = [match[1] for match in _FIELD.finditer(line) if match[1] is not None]
    return bool(named) and not any(values.get(name) for name in named)
