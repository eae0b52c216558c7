"""What the window does to a whole contact, from wherever it is asked for (the detail
pane, the Contacts view): edit it, delete it after a confirmation with Undo in the status
bar, merge two, write them a mail. Each is an operation; the views refetch from its Changes themselves."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton

from leaddesk.services import operations
from leaddesk.services.desk import Desk
from leaddesk.services.operations import Outcome
from leaddesk.ui.dialogs.chat_reply import ChatReplyDialog
from leaddesk.ui.dialogs.compose import ComposeDialog
from leaddesk.ui.dialogs.contact_editor import ContactEditorDialog
from leaddesk.ui.dialogs.merge import MergeDialog
from leaddesk.ui.operations import Operations

if TYPE_CHECKING:
    from leaddesk.ui.widgets.contact_actions import ContactActions
    from leaddesk.ui.widgets.contacts import ContactsView

SAID_MS = 30_000  # how long "Deleted …" and its Undo stay in the status bar


class ContactWork(QObject):
    """Edit, delete (with Undo) and merge contacts for one window."""

    def __init__(self, window: QMainWindow, desk: Desk, actor: str, ops: Operations,
                 region: Callable[[], str]) -> None:
        super().__init__(window)
        self._window, self._desk, self._actor, self._ops, self._region = window, desk, actor, ops, region
        self._undo: Callable[[], Outcome[Any]] | None = None
        self._undo_said = ""
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self._on_undo)
        self._bar = window.statusBar()
        self._bar.addPermanentWidget(self.undo_button)
        self._bar.messageChanged.connect(self._on_message_changed)

    def serve(self, contacts: "ContactsView", actions: "ContactActions") -> None:
        """Do what the Contacts view and the detail pane's actions ask for."""
        for source in (contacts, actions):
            source.edit_requested.connect(self.edit)
            source.delete_requested.connect(self.delete)
        contacts.merge_requested.connect(self.merge)
        actions.mail_requested.connect(self.write_mail)

    def write_mail(self, target: str) -> ComposeDialog:
        """Write a mail: a reply to an inquiry (its id) or a new one to a contact."""
        self.compose = compose = ComposeDialog(self._desk, self._actor, self._ops, target, self._window)

        def sent() -> None:  # this dialog's mail, whichever dialog is open by now
            if compose.sent is not None:
                said, warned = self.tr("Sent to {0}").format(compose.sent.to), compose.sent.warnings
                self._say(said + (f" ({'; '.join(warned)})" if warned else ""))

        compose.accepted.connect(sent)
        compose.open()
        return compose

    def reply_on_chat(self, inquiry_id: int) -> ChatReplyDialog:
        """Write a WhatsApp or WeChat reply, hand it over, log it once sent."""
        self.chat = ChatReplyDialog(self._desk, self._actor, self._ops, inquiry_id, self._window)
        self.chat.accepted.connect(lambda: self._say(self.tr("Reply logged")))
        self.chat.open()
        return self.chat

    def edit(self, contact_id: int) -> ContactEditorDialog:
        """Open the contact editor (not modal for the test's sake: `open`)."""
        self.editor = ContactEditorDialog(self._desk, self._actor, self._ops, contact_id,
                                          self._region(), self._window)
        self.editor.saved.connect(lambda summary: self._say(
            self.tr("Saved {0}").format(summary.name or f"#{summary.id}")))
        self.editor.open()
        return self.editor

    def delete(self, contact_id: int, name: str) -> QMessageBox:
        """Ask, then delete softly; the status bar offers Undo."""
        who = name or f"#{contact_id}"
        self.confirm = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete contact"),
                                   self.tr("Delete {0}? Their inquiries and follow-ups leave every "
                                           "list; Undo brings them back.").format(who),
                                   QMessageBox.StandardButton.Cancel, self._window)
        delete = self.confirm.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        self.confirm.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(button: object) -> None:
            if button is delete:
                self._ops.run(lambda: operations.delete_contact(self._desk, contact_id, actor=self._actor),
                              done=lambda deleted: self._deleted(contact_id, deleted or who),
                              failed=self._say)

        self.confirm.buttonClicked.connect(answered)
        self.confirm.open()
        return self.confirm

    def merge(self, first: int, second: int) -> MergeDialog:
        """The merge dialog for two contacts; the older one stays."""
        survivor, merged = sorted((first, second))
        self.merge_dialog = MergeDialog(self._desk, self._actor, self._ops, survivor, merged, self._window)
        self.merge_dialog.merged.connect(lambda merge_id: self._offer_undo(
            self.tr("Merged #{0} into #{1}").format(merged, survivor),
            lambda: operations.undo_merge(self._desk, merge_id, actor=self._actor)))
        self.merge_dialog.open()
        return self.merge_dialog

    def _deleted(self, contact_id: int, name: str) -> None:
        self._offer_undo(self.tr("Deleted {0}").format(name),
                         lambda: operations.restore_contact(self._desk, contact_id, actor=self._actor))

    def _offer_undo(self, said: str, undo: Callable[[], Outcome[Any]]) -> None:
        self._undo, self._undo_said = undo, said
        self._bar.showMessage(said, SAID_MS)
        self.undo_button.show()

    def _on_undo(self) -> None:
        undo, self._undo = self._undo, None
        self.undo_button.hide()
        if undo is not None:
            self._ops.run(undo, done=lambda _value: self._say(self.tr("Undone")), failed=self._say)

    def _on_message_changed(self, text: str) -> None:
        if text != self._undo_said:  # another message, or the time is up: the Undo goes with it
            self._undo = None
            self.undo_button.hide()

    def _say(self, text: str) -> None:
        self._bar.showMessage(text, 10_000)
