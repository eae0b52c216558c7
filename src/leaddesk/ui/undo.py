"""Edit > Undo: the last few actions that can be taken back, newest last, each named in
the menu as a person says it ("Undo import of WhatsApp Chat with …"). Every operation that
can be undone says how (services.operations.Undo); an import's undo is confirmed first."""

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from leaddesk.services import operations
from leaddesk.services.apart import run_apart, url_of
from leaddesk.services.operations import Outcome, Undo
from leaddesk.ui.words import word

if TYPE_CHECKING:
    from leaddesk.ui.main_window import MainWindow

KEPT = 20  # an undo is of what was just done: a few steps back are enough


def undo_label(undo: Undo) -> str:
    """The menu's words for taking `undo` back."""
    subject = word(undo.subject) if undo.kind == "stage" else undo.subject
    translate = QCoreApplication.translate  # each text written out, for lupdate to find
    texts = {"import": translate("UndoStack", "Undo import of {0}"),
             "merge": translate("UndoStack", "Undo merge of {0}"),
             "stage": translate("UndoStack", "Undo stage {0}"),
             "owner": translate("UndoStack", "Undo owner of {0}"),
             "edit": translate("UndoStack", "Undo edit of {0}"),
             "follow-up done": translate("UndoStack", "Undo follow-up done: {0}"),
             "delete": translate("UndoStack", "Undo delete of {0}")}
    return texts.get(undo.kind, translate("UndoStack", "Undo {0}")).format(subject)


class UndoStack(QObject):
    """What can be undone, and the Edit menu's Undo action that takes back the newest."""

    undone = Signal(str)  # what was taken back, as the menu named it

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self._window = window
        self._undos: list[Undo] = []
        self.action = QAction(self.tr("Nothing to undo"), window)
        self.action.setShortcut(QKeySequence.StandardKey.Undo)  # Ctrl+Z
        self.action.triggered.connect(self.undo_last)
        window.ops.undoable.connect(self.push)
        self._show()

    def push(self, undo: Undo) -> None:
        """Remember how to take back what was just done."""
        self._undos = [*self._undos, undo][-KEPT:]
        self._show()

    def undo_last(self) -> None:
        """Take back the newest action (an import only once the person says so)."""
        if not self._undos:
            return
        undo = self._undos[-1]
        if not undo.confirm:
            self._run(undo)
            return
        self.confirmation = box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Undo"),
            undo_label(undo) + "?",
            QMessageBox.StandardButton.NoButton, self._window)
        box.setInformativeText(self.tr("What came only with it goes: its messages, and the "
                                       "inquiries and contacts nobody else relies on. What "
                                       "you typed stays."))
        yes = box.addButton(undo_label(undo), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self._run(undo) if button is yes else None)
        box.open()

    def _run(self, undo: Undo) -> None:
        if undo in self._undos:
            self._undos.remove(undo)  # taken off at once: a second Ctrl+Z is the one before
        self._show()
        window, label = self._window, undo_label(undo)
        batches = undo.reverse.keywords.get("batch_ids") if isinstance(undo.reverse, partial) else None
        if batches is not None and window.desk.shared:  # a big revert: in a process of its own
            one = partial(operations.revert_batches_apart, batches, window.actor)
            url = url_of(window.desk.engine.url)
            window.ops.run_long(lambda progress, cancel: run_apart(one, url, progress, _unsaid, cancel),
                                done=lambda _value: self.undone.emit(label))
            return

        def work() -> Outcome[Any]:
            return replace(undo.reverse(window.desk, actor=window.actor), undo=None)  # no redo

        window.ops.run(work, done=lambda _value: self.undone.emit(label))

    def _show(self) -> None:
        newest = self._undos[-1] if self._undos else None
        self.action.setText(undo_label(newest).replace("&", "&&") if newest
                            else self.tr("Nothing to undo"))
        self.action.setEnabled(newest is not None)


def _unsaid(_text: str) -> None:
    """An undo says nothing besides its answer."""
