"""Reply templates: a subject line and placeholders filled in one pass, so what a buyer
wrote into their own name is shown, never read as a placeholder."""

import pytest

from leaddesk.domain.templates import fill, read_template
from leaddesk.errors import InvalidInputError

VALUES = {"name": "Maria Santos", "company": "Santos Ltda", "article_title": "MEMS gyroscopes",
          "article_link": "https://example.com/a12", "wa_link": "https://wa.me/8613912345678",
          "me": "Anna", "signature": "Anna Li\nExport sales"}
NO_WHATSAPP = dict(VALUES, wa_link="")


@pytest.mark.parametrize(("text", "subject", "body"), [
    ("Subject: Quote: {article_title}\nDear {name},\n{signature}\n",
     "Quote: MEMS gyroscopes", "Dear Maria Santos,\nAnna Li\nExport sales\n"),
    ("Dear {name} of {company}", "", "Dear Maria Santos of Santos Ltda\n"),
    ("Subject: On WhatsApp: {wa_link}\nHi", "On WhatsApp", "Hi\n"),  # nothing after the colon
    ("Subject: {signature}\nx", "Anna Li Export sales", "x\n"),  # a value never adds a header line
    ("Braces stay: {{name}} and }}", "", "Braces stay: {name} and }\n"),
    ("Hello\nAbout: {article_title} {article_link}\n\nWhatsApp: {wa_link}\n\n{me}",
     "", "Hello\nAbout: MEMS gyroscopes https://example.com/a12\n\nAnna\n"),  # no WhatsApp: no line
    ("subject: 报价：{article_title}\r\n{name}，您好！\r\n", "报价：MEMS gyroscopes",
     "Maria Santos，您好！\n"),
])
def test_a_template_is_filled(text: str, subject: str, body: str) -> None:
    assert fill(read_template("quote", "en", text), NO_WHATSAPP if "WhatsApp:" in text else VALUES) == (
        subject, body)


def test_what_a_buyer_wrote_is_never_read_as_a_placeholder() -> None:
    hostile = dict(VALUES, name="{signature} {{me}}", company="{wa_link}")
    assert fill(read_template("t", "en", "Dear {name}, {company}"), hostile)[1] == (
        "Dear {signature} {{me}}, {wa_link}\n")


@pytest.mark.parametrize(("text", "said"), [
    ("Subject: Hi {nmae}\nDear", "template quote.en, subject: {nmae} is not a placeholder"),
    ("Dear {name},\n\nsee {price}", "template quote.en, line 3: {price} is not a placeholder"),
    ("Subject: ok\nDear {name},\n{0}", "template quote.en, line 3: {0} is not a placeholder"),
])
def test_an_unknown_placeholder_names_the_template_and_line(text: str, said: str) -> None:
    with pytest.raises(InvalidInputError, match="^" + said.replace("{", r"\{").replace("}", r"\}")):
        read_template("quote", "en", text)
