"""The toolbar: the day's main actions (log an inquiry, import, reply to the buyer shown,
plan a follow-up with them), each with its icon and its shortcut in its tooltip."""


from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from leaddesk.services.inbox import ContactCard
from leaddesk.ui.icons import icon

REPLY_KEYS = QKeySequence("Ctrl+R")  # as in mail clients
FOLLOWUP_KEYS = QKeySequence("Ctrl+Shift+F")


def said_with_keys(action: QAction, what: str) -> None:
    """An action's tooltip: what it does, and its shortcut as this system writes it."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{what} ({keys})" if keys else what)


class DayToolBar(QToolBar):
    """Log inquiry and Import (the File menu's own actions), Reply and Follow-up for the
    inquiry shown."""

    followup_requested = Signal()  # plan a follow-up with the buyer shown
    mail_requested = Signal()  # Reply by mail: the mail is written in LeadDesk
    chat_requested = Signal()  # Reply on WhatsApp or WeChat: written here, sent there

    def __init__(self, log: QAction, import_: QAction, parent: QWidget) -> None:
        super().__init__(self.tr("Main actions"), parent)
        self.setObjectName("day-actions")  # its place is saved with the window's
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._card: ContactCard | None = None
        self._channel = ""
        log.setIcon(icon("log-inquiry"))
        log.setIconText(self.tr("Log inquiry"))  # the menu's words without their "&L", "…"
        said_with_keys(log, self.tr("Log an inquiry that came by phone, a fair or a chat"))
        import_.setIcon(icon("import"))
        import_.setIconText(self.tr("Import"))
        said_with_keys(import_, self.tr("Import chats, mails, form exports and vCards"))
        self.reply_action = QAction(icon("reply"), self.tr("Reply"), self)
        self.reply_action.setShortcut(REPLY_KEYS)
        self.reply_action.triggered.connect(self._on_reply)
        self.followup_action = QAction(icon("followup"), self.tr("Follow-up"), self)
        self.followup_action.setShortcut(FOLLOWUP_KEYS)
        self.followup_action.triggered.connect(self.followup_requested)
        said_with_keys(self.followup_action, self.tr("Plan the next follow-up with this buyer"))
        for action in (log, import_, self.reply_action, self.followup_action):
            self.addAction(action)
        parent.addAction(self.reply_action)  # the shortcuts work with the toolbar hidden too
        parent.addAction(self.followup_action)
        self.show_contact(None)

    def show_contact(self, card: ContactCard | None, channel: str = "") -> None:
        """The buyer shown (and the channel their inquiry came by), or None."""
        self._card, self._channel = card, channel
        self.followup_action.setEnabled(card is not None)
        target = self._reply_target()
        self.reply_action.setEnabled(target is not None)
        if card is None:
            said_with_keys(self.reply_action, self.tr("Select an inquiry to reply to"))
        elif target is None:
            said_with_keys(self.reply_action, self.tr("No phone, email or WeChat ID to reply to"))
        else:
            said_with_keys(self.reply_action, {
                "mail": self.tr("Write to {0}"),
                "whatsapp": self.tr("Write to {0} on WhatsApp"),
                "wechat": self.tr("Write to {0} on WeChat"),
            }[target[0]].format(target[1]))

    def _reply_target(self) -> tuple[str, str] | None:
        """How to answer: the inquiry's own channel where the buyer can be reached there,
        else by mail, WhatsApp or WeChat, in that order."""
        card = self._card
        if card is None:
            return None
        ways = {"mail": card.emails, "whatsapp": card.phones, "wechat": card.wechat_ids}
        first = {"email": "mail", "site_form": "mail", "whatsapp": "whatsapp", "phone": "whatsapp",
                 "wechat": "wechat"}.get(self._channel, "mail")
        for way in (first, "mail", "whatsapp", "wechat"):
            if ways[way]:
                return way, ways[way][0]
        return None

    def _on_reply(self) -> None:
        target = self._reply_target()
        if target is None:
            return
        if target[0] == "mail":
            self.mail_requested.emit()
        else:  # written here, handed to WhatsApp or WeChat, logged once sent
            self.chat_requested.emit()
