"""The contact as a person works it in the window: edit every field and identity, an
identity of another contact offers the merge, delete with a confirmation and Undo, merge
any two contacts selected in the Contacts view."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel
from leaddesk.services.contacts import get_contact, list_contacts, match_contact
from leaddesk.services.desk import Desk, open_desk
from leaddesk.services.inquiries import LogInquiry, log_inquiry
from leaddesk.ui.dialogs.contact_editor import ContactEditorDialog
from leaddesk.ui.dialogs.merge import MergeDialog
from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import click_view, settle

ME = "tester"


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    """Lukas by WhatsApp, a nameless WeChat typo from Log inquiry, Wang Lei by email."""
    opened = open_desk(str(tmp_path / "desk.db"))
    with opened.transaction() as session:
        for channel, draft, text in (
            (Channel.WHATSAPP, ContactDraft(name="Lukas Becker", phones=["+49 1512 3456789"]),
             "Price for 20 pressure sensors?"),
            (Channel.WECHAT, ContactDraft(wechat_ids=["12345abc"]), "需要报价"),
            (Channel.EMAIL, ContactDraft(name="Wang Lei", emails=["wang.lei@hz-valves.cn"]),
             "500 ball valves DN50"),
        ):
            log_inquiry(session, LogInquiry(channel, draft, text), actor=ME)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, desk: Desk) -> MainWindow:
    shown = MainWindow(desk, ME)
    qtbot.addWidget(shown)
    shown.show()
    settle(qtbot, shown.ops)
    return shown


def _contact_id(desk: Desk, name: str) -> int:
    with desk.transaction() as session:
        return next(c.id for c in list_contacts(session) if c.name == name)


def _visible(window: QWidget, kind: type) -> object:
    return next(d for d in window.findChildren(kind) if d.isVisible())


def _select_in_inbox(qtbot: QtBot, window: MainWindow, contact: str) -> None:
    row = next(r for r in range(window.inbox.rowCount()) if window.inbox.index(r, 0).data() == contact)
    rect = window.table.visualRect(window.inbox.index(row, 0))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot, window.ops)


def _click_contact(qtbot: QtBot, window: MainWindow, name: str,
                   modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    table = window.contacts.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)
    centre = table.visualItemRect(table.item(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, centre)


def _open_editor_from_detail(qtbot: QtBot, window: MainWindow, contact: str) -> ContactEditorDialog:
    _select_in_inbox(qtbot, window, contact)
    qtbot.mouseClick(window.detail.contact_actions.edit_button, Qt.MouseButton.LeftButton)
    editor = _visible(window, ContactEditorDialog)
    assert isinstance(editor, ContactEditorDialog)
    settle(qtbot, window.ops)
    return editor


def _retype(qtbot: QtBot, editor: QWidget, text: str) -> None:
    editor.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, text)


def test_a_nameless_contact_is_edited_field_by_field_and_its_typo_replaced(
        qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    editor = _open_editor_from_detail(qtbot, window, "")  # the typo'd WeChat ID left it nameless
    assert [editor.identities.item(r).text() for r in range(editor.identities.count())] == [
        "WeChat 12345abc (not valid)"]
    for name, text in (("name", "Wang Wei"), ("company", "Ningbo Pumps"), ("owner", "Amy")):
        _retype(qtbot, editor.editors[name], text)
    qtbot.keyClicks(editor.notes, "met at the Canton fair")
    qtbot.keyClicks(editor.identity, "+86 139 9288 4879")
    assert editor.reading.text() == "phone +8613992884879 (valid · CN)"
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.identity, "wang_wei88")
    qtbot.keyClick(editor.identity, Qt.Key.Key_Return)  # Enter adds too
    typo = editor.identities.visualItemRect(editor.identities.item(0)).center()
    qtbot.mouseClick(editor.identities.viewport(), Qt.MouseButton.LeftButton, pos=typo)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(editor.accepted, timeout=10_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    with desk.transaction() as session:
        saved = get_contact(session, _contact_id(desk, "Wang Wei"))
    assert (saved.company, saved.owner, saved.notes) == ("Ningbo Pumps", "Amy", "met at the Canton fair")
    assert (saved.phones, saved.wechat_ids, saved.country) == (["+8613992884879"], ["wang_wei88"], "CN")
    assert "Wang Wei" in window.detail.head.text()  # the detail pane shows the new name at once
    assert window.statusBar().currentMessage() == "Saved Wang Wei"


@pytest.mark.parametrize(("typed", "reading", "addable"), [
    ("12345abc", "WeChat 12345abc (not valid)", False),
    ("lukas@", "email lukas@ (not valid)", False),
    ("0049 1512 9999999", "phone +4915129999999 (valid · DE)", True),
    ("Wang.Lei@HZ-Valves.cn", "email wang.lei@hz-valves.cn (valid) · already listed", False),
])
def test_each_identity_is_read_as_it_is_typed(qtbot: QtBot, window: MainWindow, typed: str,
                                              reading: str, addable: bool) -> None:
    editor = _open_editor_from_detail(qtbot, window, "Wang Lei")
    qtbot.keyClicks(editor.identity, typed)
    settle(qtbot, window.ops)
    assert (editor.reading.text(), editor.add_button.isEnabled()) == (reading, addable)


def test_an_identity_of_another_contact_offers_the_merge(qtbot: QtBot, window: MainWindow,
                                                         desk: Desk) -> None:
    click_view(qtbot, window, "Contacts")
    _click_contact(qtbot, window, "Wang Lei")
    qtbot.mouseClick(window.contacts.edit_button, Qt.MouseButton.LeftButton)
    editor = _visible(window, ContactEditorDialog)
    assert isinstance(editor, ContactEditorDialog)
    settle(qtbot, window.ops)
    qtbot.keyClicks(editor.identity, "+49 1512 3456789")  # Lukas's number
    settle(qtbot, window.ops)
    assert editor.reading.text().endswith(" · belongs to Lukas Becker")
    assert editor.merge_button.isVisible() and not editor.add_button.isEnabled()
    qtbot.mouseClick(editor.merge_button, Qt.MouseButton.LeftButton)
    merge = _visible(window, MergeDialog)
    assert isinstance(merge, MergeDialog)
    with qtbot.waitSignal(editor.loaded, timeout=10_000):  # the editor reads the one contact again
        qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
    listed = [editor.identities.item(r).text() for r in range(editor.identities.count())]
    assert "phone +4915123456789 (valid · DE)" in listed
    with desk.transaction() as session:
        assert len(list_contacts(session)) == 2  # Wang Lei and Lukas are one now


def test_a_stale_edit_says_so_and_keeps_what_was_typed(qtbot: QtBot, window: MainWindow,
                                                       desk: Desk) -> None:
    from leaddesk.services import operations

    editor = _open_editor_from_detail(qtbot, window, "Lukas Becker")
    lukas = _contact_id(desk, "Lukas Becker")
    with desk.transaction() as session:
        seen = get_contact(session, lukas).version
    operations.save_contact(desk, lukas, seen, actor="colleague", fields={"owner": "Bo"})  # no change arrives
    _retype(qtbot, editor.editors["company"], "Becker Messtechnik")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert "changed by someone else" in editor.error.text()
    assert editor.isVisible() and editor.editors["company"].text() == "Becker Messtechnik"
    assert editor.save_button.isEnabled()


def _inbox_names(window: MainWindow) -> set[str]:
    return {window.inbox.index(r, 0).data() for r in range(window.inbox.rowCount())}


def _contacts_names(window: MainWindow) -> set[str]:
    table = window.contacts.table
    return {table.item(r, 0).text() for r in range(table.rowCount())}


@pytest.mark.parametrize("where", ["detail pane", "contacts view"])
def test_delete_asks_first_and_undo_brings_the_contact_back(qtbot: QtBot, window: MainWindow,
                                                            where: str) -> None:
    if where == "detail pane":
        _select_in_inbox(qtbot, window, "Lukas Becker")
        qtbot.mouseClick(window.detail.contact_actions.delete_button, Qt.MouseButton.LeftButton)
    else:
        click_view(qtbot, window, "Contacts")
        _click_contact(qtbot, window, "Lukas Becker")
        qtbot.mouseClick(window.contacts.delete_button, Qt.MouseButton.LeftButton)
    confirm = _visible(window, QMessageBox)
    assert isinstance(confirm, QMessageBox) and "Delete Lukas Becker?" in confirm.text()
    delete = next(b for b in confirm.buttons() if b.text() == "Delete")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert window.statusBar().currentMessage() == "Deleted Lukas Becker"
    assert "Lukas Becker" not in _inbox_names(window)
    click_view(qtbot, window, "Contacts")
    assert "Lukas Becker" not in _contacts_names(window) and "Wang Lei" in _contacts_names(window)
    undo = next(b for b in window.statusBar().findChildren(QPushButton) if b.text() == "Undo")
    assert undo.isVisible()
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert "Lukas Becker" in _contacts_names(window)
    click_view(qtbot, window, "Inbox")
    assert "Lukas Becker" in _inbox_names(window)  # with his inquiry
    _select_in_inbox(qtbot, window, "Lukas Becker")
    assert "pressure sensors" in window.detail.timeline.toPlainText()


def test_cancel_deletes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    _select_in_inbox(qtbot, window, "Lukas Becker")
    qtbot.mouseClick(window.detail.contact_actions.delete_button, Qt.MouseButton.LeftButton)
    confirm = _visible(window, QMessageBox)
    assert isinstance(confirm, QMessageBox)
    qtbot.mouseClick(confirm.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert "Lukas Becker" in _inbox_names(window)


def test_any_two_contacts_selected_in_the_contacts_view_merge(qtbot: QtBot, window: MainWindow,
                                                             desk: Desk) -> None:
    with desk.transaction() as session:  # never suggested as duplicates: nothing they share
        match_contact(session, ContactDraft(name="Lukas B.", emails=["lukas@becker-mt.de"]), actor=ME)
    click_view(qtbot, window, "Contacts")
    view = window.contacts
    assert not view.merge_button.isEnabled()
    _click_contact(qtbot, window, "Lukas Becker")
    assert not view.merge_button.isEnabled()  # one is not a pair
    _click_contact(qtbot, window, "Lukas B.", Qt.KeyboardModifier.ControlModifier)
    assert view.merge_button.isEnabled()
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    merge = _visible(window, MergeDialog)
    assert isinstance(merge, MergeDialog)
    with qtbot.waitSignal(merge.accepted, timeout=10_000):
        qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert "Lukas B." not in _contacts_names(window)
    with desk.transaction() as session:
        lukas = get_contact(session, _contact_id(desk, "Lukas Becker"))
    assert (lukas.phones, lukas.emails) == (["+4915123456789"], ["lukas@becker-mt.de"])
    assert window.statusBar().currentMessage().startswith("Merged #")



def test_the_editor_and_the_contact_buttons_speak_chinese(qtbot: QtBot, desk: Desk) -> None:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from leaddesk.ui.app import install_translator
    from leaddesk.ui.words import set_language

    app = QApplication.instance()
    assert install_translator(app, "zh_CN")
    try:
        window = MainWindow(desk, ME)
        qtbot.addWidget(window)
        window.show()
        settle(qtbot, window.ops)
        texts = {b.text() for b in (window.contacts.edit_button, window.contacts.delete_button,
                                    window.contacts.merge_button)}
        assert texts == {"编辑联系人…", "删除联系人…", "合并…"}
        window.contact_work.edit(_contact_id(desk, "Wang Lei"))
        editor = _visible(window, ContactEditorDialog)
        assert isinstance(editor, ContactEditorDialog)
        settle(qtbot, window.ops)
        assert (editor.windowTitle(), editor.add_button.text()) == ("编辑联系人", "添加")
        qtbot.keyClicks(editor.identity, "12345abc")
        assert editor.reading.text() == "微信 12345abc (无效)"
    finally:
        set_language("en")
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.deleteLater()


def test_while_the_desk_is_checked_contacts_are_not_offered_for_change(qtbot: QtBot,
                                                                        window: MainWindow) -> None:
    click_view(qtbot, window, "Contacts")
    view = window.contacts
    window.set_writable(False)  # as the quick check after an unclean shutdown holds writes
    _click_contact(qtbot, window, "Wang Lei")
    assert not (view.edit_button.isEnabled() or view.delete_button.isEnabled())
    window.set_writable(True)
    assert view.edit_button.isEnabled() and view.delete_button.isEnabled()
