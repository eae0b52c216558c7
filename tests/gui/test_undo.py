"""Edit > Undo takes back the last action, named in the menu; an import's undo is asked
first, and Ctrl+Shift+Z reverts nothing."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from leaddesk.services.desk import Desk
from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import click_view, load_demo, settle

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
CHAT = "WhatsApp Chat with Maria Santos.txt"


def edit_undo(window: MainWindow) -> QAction:
    """The first action of the Edit menu, as a person sees it."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    return menu.actions()[0]


def import_chat(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    chat = tmp_path / CHAT
    shutil.copy(SAMPLES / "whatsapp" / CHAT, chat)
    with qtbot.waitSignal(window.imported, timeout=20_000):
        window.import_files([chat])  # what File > Import and dropping a file both call
    settle(qtbot, window.ops)


def answer(qtbot: QtBot, text: str) -> None:
    """Click the button called `text` on the question that is open."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=5000)
    box = QApplication.activeModalWidget()
    button = next(b for b in box.findChildren(QPushButton) if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_import_is_undone_from_the_edit_menu_once_confirmed(qtbot: QtBot, window: MainWindow,
                                                               tmp_path: Path) -> None:
    import_chat(qtbot, window, tmp_path)
    model = window.table.model()
    assert model.rowCount() == 1
    undo = edit_undo(window)
    assert undo.text() == f"Undo import of {CHAT}" and undo.isEnabled()
    assert undo.shortcut().toString() == "Ctrl+Z"
    qtbot.keyClick(window.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, window.ops)
    assert model.rowCount() == 1  # Ctrl+Shift+Z (Redo elsewhere) reverts nothing
    undo.trigger()
    answer(qtbot, "Cancel")
    settle(qtbot, window.ops)
    assert model.rowCount() == 1  # asked, and the person said no
    gone: list[int] = []
    window.ops.changed.connect(lambda _changes: gone.append(model.rowCount()))
    undo.trigger()
    answer(qtbot, f"Undo import of {CHAT}")
    settle(qtbot, window.ops)
    assert gone[0] == 0  # the row has left when the change is told
    assert window.statusBar().currentMessage() == f"Done: Undo import of {CHAT}"
    assert edit_undo(window).text() == "Nothing to undo" and not edit_undo(window).isEnabled()


@pytest.mark.parametrize(("stage", "label"), [("quoted", "Undo stage quoted"),
                                              ("won", "Undo stage won")])
def test_a_stage_change_is_undone_at_once(qtbot: QtBot, window: MainWindow, stage: str,
                                          label: str) -> None:
    load_demo(qtbot, window)
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    before = window.table.model().index(0, 5).data()
    actions = window.detail.contact_actions
    actions.stage.setCurrentIndex(actions.stage.findData(stage))
    qtbot.mouseClick(actions.save_stage, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert window.table.model().index(0, 5).data() == stage
    assert edit_undo(window).text() == label
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.ops)
    assert window.table.model().index(0, 5).data() == before
    assert edit_undo(window).text() != label  # taken back: the step before is next


def test_a_follow_up_done_is_undone(qtbot: QtBot, window: MainWindow) -> None:
    load_demo(qtbot, window)
    click_view(qtbot, window, "Follow-ups")
    view = window.followups
    before = view.tree.topLevelItem(0).childCount()
    view.tree.setCurrentItem(view.tree.topLevelItem(0).child(0))
    qtbot.keyClicks(view.outcome, "sent the quotation")
    qtbot.mouseClick(view.complete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert view.tree.topLevelItem(0).childCount() == before - 1
    assert edit_undo(window).text().startswith("Undo follow-up done: ")
    edit_undo(window).trigger()
    settle(qtbot, window.ops)
    assert view.tree.topLevelItem(0).childCount() == before


def test_a_merge_is_undone_from_the_edit_menu(qtbot: QtBot, window: MainWindow, desk: Desk,
                                              tmp_path: Path) -> None:
    from leaddesk.domain.drafts import ContactDraft
    from leaddesk.services.changes import EVERYTHING
    from leaddesk.services.contacts import list_contacts, match_contact
    from leaddesk.ui.dialogs.merge import MergeDialog

    import_chat(qtbot, window, tmp_path)
    with desk.transaction() as session:
        match_contact(session, ContactDraft(name="Maria S.", company="Santos Agro",
                                            emails=["maria@santos.example"]), actor="t")
        match_contact(session, ContactDraft(phones=["+5511912345678"],
                                            emails=["maria@santos.example"]), actor="t")
    window.ops.announce(EVERYTHING)
    click_view(qtbot, window, "Duplicates")
    view = window.duplicates
    view.table.selectRow(0)
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in view.findChildren(MergeDialog) if d.isVisible())
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert edit_undo(window).text().startswith("Undo merge of Maria S")
    edit_undo(window).trigger()
    settle(qtbot, window.ops)
    with desk.transaction() as session:
        assert len(list_contacts(session)) == 2
    assert edit_undo(window).text() == f"Undo import of {CHAT}"  # the step before


def test_a_vcard_that_only_adds_to_a_contact_is_undone_too(qtbot: QtBot, window: MainWindow,
                                                          desk: Desk, tmp_path: Path) -> None:
    from leaddesk.services.contacts import find_contact

    import_chat(qtbot, window, tmp_path)  # Maria, known by her number
    card = tmp_path / "maria.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Maria Santos\nORG:Santos Agro\n"
                    "TEL:+5511912345678\nEMAIL:maria@santos.example\nEND:VCARD\n", encoding="utf-8")
    with qtbot.waitSignal(window.imported, timeout=20_000):
        window.import_files([card])
    settle(qtbot, window.ops)
    with desk.transaction() as session:
        maria = find_contact(session, "+5511912345678")
        assert maria.company == "Santos Agro"
    undo = edit_undo(window)
    assert undo.text() == "Undo import of maria.vcf"
    undo.trigger()
    answer(qtbot, "Undo import of maria.vcf")
    settle(qtbot, window.ops)
    with desk.transaction() as session:
        maria = find_contact(session, "+5511912345678")
        assert (maria.company, [i.value for i in maria.identities if i.kind == "email"]) == ("", [])
    assert edit_undo(window).text() == f"Undo import of {CHAT}"  # the chat itself stays


def test_an_owner_set_in_the_detail_pane_is_undone(qtbot: QtBot, window: MainWindow,
                                                   desk: Desk) -> None:
    from sqlalchemy import select

    from leaddesk.db.models import Contact, Inquiry

    load_demo(qtbot, window)
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    first = window.inbox.inquiry_id(0)
    with desk.transaction() as session:
        contact = session.scalar(select(Contact).join(Inquiry).where(Inquiry.id == first))
        name, owner = contact.name, contact.owner
    actions = window.detail.contact_actions
    actions.owner.clear()
    qtbot.keyClicks(actions.owner, "Amy")
    qtbot.mouseClick(actions.save_owner, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert edit_undo(window).text() == f"Undo owner of {name}"
    edit_undo(window).trigger()
    settle(qtbot, window.ops)
    with desk.transaction() as session:
        assert session.scalar(select(Contact.owner).join(Inquiry).where(Inquiry.id == first)) == owner
