"""The detail pane: who the buyer is, how to reach them, their local time, and the whole
conversation. Text is escaped: nothing in a message can load anything."""

import html
from datetime import UTC, datetime
from urllib.parse import quote

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPalette
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from leaddesk.services.desk import Desk
from leaddesk.services.inbox import contact_card, conversation, local_time
from leaddesk.ui.widgets.contact_actions import ContactActions
from leaddesk.ui.words import country, weekday_time, word


class DetailPane(QWidget):
    """The selected inquiry."""

    changed = Signal()  # the contact's stage or follow-ups were changed here

    def __init__(self, desk: Desk, actor: str = "") -> None:
        super().__init__()
        self._desk = desk
        self._shown: int | None = None
        self.contact_actions = ContactActions(desk, actor)
        self.contact_actions.changed.connect(self._on_contact_changed)
        self.head = QLabel()
        self.head.setWordWrap(True)
        self.head.setOpenExternalLinks(False)
        self.head.linkActivated.connect(self._on_link_activated)
        self.timeline = QTextBrowser()
        self.timeline.setOpenLinks(False)  # never follow or fetch anything from a message
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.contact_actions)
        self.show_inquiry(None)

    def _on_contact_changed(self) -> None:
        self.show_inquiry(self._shown)
        self.changed.emit()

    def show_inquiry(self, inquiry_id: int | None) -> None:
        self._shown = inquiry_id
        if inquiry_id is None:
            self.contact_actions.show_contact(None)
            self.head.setText("<i>" + self.tr("Select an inquiry to see the conversation.") + "</i>")
            self.timeline.clear()
            return
        with self._desk.transaction() as session:
            card = contact_card(session, inquiry_id)
            messages = conversation(session, inquiry_id)
        self.contact_actions.show_contact(card, inquiry_id)
        copy = self.tr("copy")
        reach = [f'<a href="wa:{p}">{p}</a> (WhatsApp) · <a href="copy:{p}">{copy}</a>'
                 for p in card.phones]
        reach += [f'<a href="mailto:{html.escape(e)}">{html.escape(e)}</a>' for e in card.emails]
        reach += [self.tr("WeChat") + f' {html.escape(w)} · <a href="copy:{html.escape(w)}">{copy}</a>'
                  for w in card.wechat_ids]
        now = local_time(card.zone, datetime.now(UTC))
        clock = ""
        if now:
            clock = "<br>" + self.tr("Their time:") + f" <b>{weekday_time(now[0])}</b>" + (
                "" if now[1] else " <span style='color:#bf8700'>" +
                self.tr("(outside working hours)") + "</span>")
        article = ("<br>" + self.tr("Article:") + f" {html.escape(card.article)} "
                   f"<i>({word(card.article_link or '')})</i>" if card.article else "")
        self.head.setText(
            f"<h3>{html.escape(card.name)}</h3>{html.escape(card.company)} · "
            f"{html.escape(country(card.country))} · " + self.tr("stage") + f" <b>{word(card.stage)}</b><br>"
            + "<br>".join(reach) + clock + article)
        parts = []
        ours, theirs = self._bubble_colours()
        for m in messages:
            side = "right" if m.direction == "out" else "left"
            colour = ours if m.direction == "out" else theirs
            subject = f"<b>{html.escape(m.subject)}</b><br>" if m.subject else ""
            attachment = f"<br>📎 {html.escape(m.attachment)}" if m.attachment else ""
            parts.append(
                f"<table width='100%'><tr><td align='{side}'><table style='background:{colour}' "
                f"cellpadding='6'><tr><td><small>{html.escape(m.author or card.name)} · "
                f"{m.sent_at.astimezone():%Y-%m-%d %H:%M}</small><br>{subject}"
                f"{html.escape(m.body).replace(chr(10), '<br>')}{attachment}</td></tr></table>"
                "</td></tr></table>")
        self.timeline.setHtml("".join(parts))

    def _bubble_colours(self) -> tuple[str, str]:
        """Chat bubbles that suit the palette: ours green, theirs grey, light or dark."""
        dark = self.timeline.palette().color(QPalette.ColorRole.Base).lightness() < 128
        return ("#25452f", "#30363d") if dark else ("#dcf8c6", "#f0f0f0")

    def _on_link_activated(self, link: str) -> None:
        kind, _, value = link.partition(":")
        if kind == "copy":
            QGuiApplication.clipboard().setText(value)
        elif kind == "wa":
            QDesktopServices.openUrl(QUrl(f"https://wa.me/{quote(value.lstrip('+'))}"))
        elif kind == "mailto":
            QDesktopServices.openUrl(QUrl(link))
