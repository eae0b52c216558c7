"""Log inquiry as a salesperson uses it: several identities for one buyer, and the
existing contact picked so that a buyer who writes on three channels stays one contact."""


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from leaddesk.services.contacts import list_contacts
from leaddesk.services.desk import Desk
from leaddesk.services.inquiries import list_inquiries
from leaddesk.ui.dialogs.log_inquiry import LogInquiryDialog
from leaddesk.ui.operations import Operations
from tests.gui.helpers import settle


def _dialog(qtbot: QtBot, desk: Desk, ops: Operations, channel: str) -> LogInquiryDialog:
    dialog = LogInquiryDialog(desk, "tester", ops, "CN")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.channel, channel)  # a closed combo box jumps to what is typed
    assert dialog.channel.currentText() == channel
    return dialog


def _save(qtbot: QtBot, dialog: LogInquiryDialog, message: str) -> None:
    qtbot.keyClicks(dialog.text, message)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def _pick(qtbot: QtBot, matches: QListWidget, shown: str) -> None:
    qtbot.waitUntil(lambda: matches.isVisible() and matches.count() > 0, timeout=10_000)
    item = next(matches.item(i) for i in range(matches.count()) if shown in matches.item(i).text())
    qtbot.mouseClick(matches.viewport(), Qt.MouseButton.LeftButton,
                     pos=matches.visualItemRect(item).center())


def test_one_buyer_logged_with_a_phone_an_email_and_a_wechat_id(qtbot: QtBot, desk: Desk) -> None:
    dialog = _dialog(qtbot, desk, Operations(), "WhatsApp")
    qtbot.keyClicks(dialog.identity, "0086 139 9288 4879")
    for typed in ("Wang.Lei@Example.CN", "wanglei_sz"):
        qtbot.mouseClick(dialog.add_identity_button, Qt.MouseButton.LeftButton)
        assert len(dialog.identities) == 1 + ["Wang.Lei@Example.CN", "wanglei_sz"].index(typed) + 1
        qtbot.mouseClick(dialog.identities[-1], Qt.MouseButton.LeftButton)  # the new empty field
        qtbot.keyClicks(dialog.identities[-1], typed)
    assert ["+8613992884879" in r.text() for r in dialog.readings] == [True, False, False]
    assert "wang.lei@example.cn" in dialog.readings[1].text()
    assert "wanglei_sz" in dialog.readings[2].text()
    qtbot.keyClicks(dialog.name, "Wang Lei")
    _save(qtbot, dialog, "Price for 200 gyroscopes?")
    with desk.transaction() as session:
        [wang] = list_contacts(session)
    assert (wang.name, wang.phones, wang.emails, wang.wechat_ids) == (
        "Wang Lei", ["+8613992884879"], ["wang.lei@example.cn"], ["wanglei_sz"])


@pytest.mark.parametrize("find_by", ["name", "find"])
def test_a_buyer_logged_on_three_channels_with_the_contact_picked_is_one_contact(
    qtbot: QtBot, desk: Desk, find_by: str
) -> None:
    ops = Operations()
    first = _dialog(qtbot, desk, ops, "WhatsApp")
    qtbot.keyClicks(first.identity, "+86 139 9288 4879")
    qtbot.keyClicks(first.name, "Wang Lei")
    _save(qtbot, first, "Price for 200 gyroscopes?")
    for channel, identity, typed in (("WeChat", "wanglei_sz", "Wang"),
                                     ("email", "wang.lei@example.cn", "9288 4879")):
        dialog = _dialog(qtbot, desk, ops, channel)
        qtbot.keyClicks(dialog.identity, identity)
        assert "existing contact" not in dialog.reading.text()  # nothing else tells it is Wang Lei
        qtbot.keyClicks(dialog.name if find_by == "name" and channel == "WeChat" else dialog.finder,
                        "Wang Lei" if find_by == "name" and channel == "WeChat" else typed)
        _pick(qtbot, dialog.matches, "Wang Lei")
        assert "Wang Lei" in dialog.picked.text() and dialog.new_contact_button.isVisible()
        _save(qtbot, dialog, f"Following up by {channel}")
        settle(qtbot, ops)
    with desk.transaction() as session:
        [wang] = list_contacts(session)
        logged = list_inquiries(session)
    assert (wang.phones, wang.emails, wang.wechat_ids) == (
        ["+8613992884879"], ["wang.lei@example.cn"], ["wanglei_sz"])
    assert sorted(i.channel for i in logged) == ["email", "wechat", "whatsapp"]
    assert {i.contact_id for i in logged} == {wang.id}


def test_new_contact_instead_undoes_the_pick(qtbot: QtBot, desk: Desk) -> None:
    ops = Operations()
    first = _dialog(qtbot, desk, ops, "WhatsApp")
    qtbot.keyClicks(first.identity, "+86 139 9288 4879")
    qtbot.keyClicks(first.name, "Wang Lei")
    _save(qtbot, first, "Price?")
    dialog = _dialog(qtbot, desk, ops, "WeChat")
    qtbot.keyClicks(dialog.identity, "li_na_88")
    qtbot.keyClicks(dialog.finder, "Wang")
    _pick(qtbot, dialog.matches, "Wang Lei")
    qtbot.mouseClick(dialog.new_contact_button, Qt.MouseButton.LeftButton)
    assert not dialog.picked.text() and not dialog.new_contact_button.isVisible()
    qtbot.keyClicks(dialog.name, "Li Na")
    _save(qtbot, dialog, "Hello")
    settle(qtbot, ops)
    with desk.transaction() as session:
        assert sorted(c.name for c in list_contacts(session)) == ["Li Na", "Wang Lei"]
