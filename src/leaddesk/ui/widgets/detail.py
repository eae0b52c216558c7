"""The detail pane: who the buyer is, how to reach them, their local time, and the
conversation, newest messages first read, each shown to a few thousand characters with
"show all" for the rest, the words of the inbox's search highlighted. Text is escaped:
nothing in a message can load anything."""

import html
from datetime import UTC, datetime
from functools import partial
from urllib.parse import quote

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.matching import Terms
from leaddesk.domain.query import QueryError, parse_query
from leaddesk.services import reads
from leaddesk.services.changes import Changes
from leaddesk.services.desk import Desk
from leaddesk.services.inbox import ContactCard, Conversation, local_time
from leaddesk.services.reads import Shown
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.widgets.attachments import ConversationFiles
from leaddesk.ui.widgets.contact_actions import ContactActions
from leaddesk.ui.widgets.contact_followups import ContactFollowUps
from leaddesk.ui.widgets.timeline import ContactTimeline
from leaddesk.ui.words import country, weekday_time, word

SHOWN_AT_ONCE = 200_000  # characters of a conversation put on screen in one go
INLINE = 50_000  # a message shown whole in the conversation; a longer one in a window of its own
MATCH_LIGHT, MATCH_DARK = "#ffd33d", "#9e6a03"  # behind a searched word, light or dark palette


class DetailPane(QWidget):
    """The selected inquiry."""

    refetched = Signal()  # the inquiry shown was read again
    inquiry_chosen = Signal(int)  # an inquiry picked in the contact's history

    def __init__(self, desk: Desk, actor: str, ops: Operations) -> None:
        super().__init__()
        self._desk, self._ops = desk, ops
        self._reader = Reader(ops)
        self._shown: int | None = None
        self._read: Shown | None = None
        self._whole: dict[int, str] = {}  # messages shown whole on request
        self._earlier = False  # the older part of a long conversation shown too
        self._terms = Terms()  # the words of the search that filtered the inbox
        ops.changed.connect(self._on_changed)
        self.contact_actions = ContactActions(desk, actor, ops)
        self.head = QLabel()
        self.head.setWordWrap(True)
        self.head.setOpenExternalLinks(False)
        self.head.linkActivated.connect(self._on_link_activated)
        self.timeline = QTextBrowser()
        self.timeline.setOpenLinks(False)  # never follow or fetch anything from a message
        self.timeline.anchorClicked.connect(lambda url: self._on_link_activated(url.toString()))
        self.files = ConversationFiles(desk, ops, self)  # what buyers sent, under their messages
        self.files.ready.connect(self._on_files_read)
        # beside the conversation, the buyer's whole history (read when its tab is shown)
        self.history = ContactTimeline(desk, ops)
        self.history.inquiry_chosen.connect(self._on_history_inquiry)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.timeline, self.tr("Conversation"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.followups = ContactFollowUps(desk, actor, ops)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.followups)
        layout.addWidget(self.contact_actions)
        self.show_inquiry(None)

    @property
    def inquiry_id(self) -> int | None:
        """The inquiry shown (or being read)."""
        return self._shown

    @property
    def card(self) -> ContactCard | None:
        """The buyer of the inquiry shown, as last read (None while nothing is shown)."""
        return self._read.card if self._read is not None and self._shown is not None else None

    def show_matches(self, typed: str) -> None:
        """Highlight in the conversation the words and phrases of a search, as it finds
        them (filters are no words); nothing for "" or a query that cannot be run."""
        try:
            self._terms = Terms.of(parse_query(typed))
        except QueryError:
            self._terms = Terms()
        if self._read is not None and self._shown is not None:
            self._show_talk(self._read)

    def show_conversation(self) -> None:
        """Bring the conversation (not the history) to the front."""
        self.tabs.setCurrentWidget(self.timeline)

    def _on_history_inquiry(self, inquiry_id: int) -> None:
        self.show_conversation()
        self.inquiry_chosen.emit(inquiry_id)

    def _on_changed(self, changes: Changes) -> None:
        shown = self._shown
        if shown is None:
            return
        contact = self._read.card.id if self._read is not None else None
        if changes.everything or shown in changes.inquiries or contact in changes.contacts:
            self._fetch(shown)

    def show_inquiry(self, inquiry_id: int | None) -> None:
        """Show an inquiry (read off the GUI thread), or nothing."""
        if inquiry_id != self._shown:
            self._whole, self._earlier = {}, False
        self._shown = inquiry_id
        if inquiry_id is None:
            self._read = None
            self.contact_actions.show_contact(None)
            self.history.show_contact(None)
            self.followups.show_contact(None)
            self.head.setText("<i>" + self.tr("Select an inquiry to see the conversation.") + "</i>")
            self.timeline.clear()
            self.files.fetch(None)
            return
        self._fetch(inquiry_id)

    def _on_files_read(self, inquiry_id: int) -> None:
        if inquiry_id == self._shown and self._read is not None:
            self._show_talk(self._read)

    def _show_talk(self, shown: Shown) -> None:
        self.timeline.setHtml(self._timeline(shown.card, shown.talk))
        self.files.add_previews(self.timeline.document())

    def _fetch(self, inquiry_id: int) -> None:
        self._reader.read(partial(reads.shown_inquiry, self._desk, inquiry_id),
                          lambda shown: self._show(inquiry_id, shown))

    def _show(self, inquiry_id: int, shown: Shown | None) -> None:
        if inquiry_id != self._shown:
            return
        if shown is None:
            self.show_inquiry(None)
            return
        self._read = shown
        card = shown.card
        self.contact_actions.show_contact(card, inquiry_id)
        self.history.show_contact(card.id)
        self.followups.show_contact(card.id)
        self.head.setText(self._head(card))
        self._show_talk(shown)
        self.files.fetch(inquiry_id)
        self.refetched.emit()

    def _head(self, card: ContactCard) -> str:
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
        stage = self.tr("stage") + f" <b>{word(card.stage)}</b><br>"
        return (f"<h3>{html.escape(card.name)}</h3>{html.escape(card.company)} · "
                f"{html.escape(country(card.country))} · " + stage + "<br>".join(reach) + clock + article)

    def _timeline(self, card: ContactCard, talk: Conversation) -> str:
        """The conversation as HTML: the newest messages that fit SHOWN_AT_ONCE characters
        (all of those read when "show earlier" was asked for)."""
        ours, theirs = self._bubble_colours()
        parts: list[str] = []
        budget = SHOWN_AT_ONCE
        shown = 0
        for m in reversed(talk.messages):
            text = self._whole.get(m.id, m.body)
            if budget <= 0 and not self._earlier:
                break
            budget -= len(text)
            shown += 1
            side = "right" if m.direction == "out" else "left"
            colour = ours if m.direction == "out" else theirs
            subject = f"<b>{self._marked(m.subject)}</b><br>" if m.subject else ""
            attachment = self.files.under(m.id) or (
                f"<br>📎 {html.escape(m.attachment)}" if m.attachment else "")
            more = ""
            if m.cut and m.id not in self._whole:
                more = (f"<br><a href='more:{m.id}'>" + self.tr("Show all ({0} characters)")
                        .format(f"{m.length:,}") + "</a>")
            parts.append(
                f"<table width='100%'><tr><td align='{side}'><table style='background:{colour}' "
                f"cellpadding='6'><tr><td><small>{html.escape(m.author or card.name)} · "
                f"{m.sent_at.astimezone():%Y-%m-%d %H:%M}</small><br>{subject}"
                f"{self._marked(text).replace(chr(10), '<br>')}{more}{attachment}</td></tr></table>"
                "</td></tr></table>")
        hidden = talk.total - shown
        if hidden > 0:
            link = ("<a href='earlier:'>" + self.tr("Show earlier messages") + "</a> · "
                    if shown < len(talk.messages) else "")
            parts.append("<p align='center'><small>" + link +
                         self.tr("{0} earlier messages not shown").format(f"{hidden:,}") + "</small></p>")
        return "".join(reversed(parts))

    def _marked(self, text: str) -> str:
        """Text as HTML, escaped piece by piece (a buyer's <b> is text), the search's
        matches on a background of their own."""
        dark = self.timeline.palette().color(QPalette.ColorRole.Base).lightness() < 128
        opening = f"<span style='background-color:{MATCH_DARK if dark else MATCH_LIGHT}'>"
        parts, done = [], 0
        for start, end in self._terms.spans(text):
            parts += [html.escape(text[done:start]), opening, html.escape(text[start:end]), "</span>"]
            done = end
        parts.append(html.escape(text[done:]))
        return "".join(parts)

    def _bubble_colours(self) -> tuple[str, str]:
        """Chat bubbles that suit the palette: ours green, theirs grey, light or dark."""
        dark = self.timeline.palette().color(QPalette.ColorRole.Base).lightness() < 128
        return ("#25452f", "#30363d") if dark else ("#dcf8c6", "#f0f0f0")

    def _on_link_activated(self, link: str) -> None:
        kind, _, value = link.partition(":")
        if self.files.handle(link):
            return
        if kind == "copy":
            QGuiApplication.clipboard().setText(value)
        elif kind == "wa":
            QDesktopServices.openUrl(QUrl(f"https://wa.me/{quote(value.lstrip('+'))}"))
        elif kind == "mailto":
            QDesktopServices.openUrl(QUrl(link))
        elif kind == "more" and value.isdigit():
            self._show_whole(int(value))
        elif kind == "earlier" and self._read is not None and self._shown is not None:
            self._earlier = True
            self._show(self._shown, self._read)

    def _show_whole(self, message_id: int) -> None:
        def shown(text: str) -> None:
            if len(text) > INLINE:  # a very long one reads better (and faster) on its own
                self.long_message = QPlainTextEdit()
                self.long_message.setReadOnly(True)
                self.long_message.setWindowTitle(self.tr("The whole message"))
                self.long_message.setPlainText(text)
                self.long_message.resize(800, 600)
                self.long_message.show()
                return
            self._whole[message_id] = text
            if self._read is not None and self._shown is not None:
                self._show(self._shown, self._read)

        self._ops.read(partial(reads.message_text, self._desk, message_id), shown)
