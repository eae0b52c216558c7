"""The window as a person uses it: demo data, search as you type, log an inquiry from the
keyboard, drop files to import them."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QProgressBar
from pytestqt.qtbot import QtBot

from leaddesk.services.changes import EVERYTHING, Changes
from leaddesk.services.desk import Desk
from leaddesk.ui.dialogs.log_inquiry import LogInquiryDialog
from leaddesk.ui.dialogs.merge import MergeDialog
from leaddesk.ui.dialogs.settings import SettingsDialog
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.models.inbox import InboxModel
from leaddesk.ui.operations import Operations
from tests.gui.helpers import click_view, load_demo, settle

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def test_an_empty_desk_offers_demo_data_then_shows_the_inbox(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert window.pages.currentWidget() is window.empty
    load_demo(qtbot, window)
    model = window.table.model()
    assert model.rowCount() >= 40
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:4] == ["Contact", "Company", "Country", "Channel"]
    channels = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert channels == {"WhatsApp", "WeChat", "email", "site form"}
    assert window.detail.timeline.toPlainText()  # the first inquiry's conversation is shown
    window.grab().save(str(tmp_path / "shot.png"))  # looked at by hand as well
    assert (tmp_path / "shot.png").stat().st_size > 1000


def test_the_inbox_model_is_a_proper_model(qtmodeltester, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    from leaddesk.services.demo import fill_demo

    with desk.transaction() as session:
        fill_demo(session, actor="t")
    model = InboxModel(desk)
    model.reload()
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == sorted(names)


def test_a_big_inbox_shows_its_first_block_at_once_and_reads_the_rest_off_the_gui_thread(
    qtbot: QtBot, qtmodeltester, desk: Desk  # type: ignore[no-untyped-def]
) -> None:
    from leaddesk.services.inbox import inbox_ids
    from leaddesk.services.synthetic import fill_synthetic
    from leaddesk.ui.models.inbox import BLOCK

    fill_synthetic(desk.engine, 1500)  # about 500 inquiries
    with desk.transaction() as session:
        every = inbox_ids(session)
    assert len(every) > 2 * BLOCK
    model = InboxModel(desk)
    with qtbot.waitSignal(model.counted, timeout=10_000) as counted:
        model.reload()
        assert (model.rowCount(), model.complete) == (BLOCK, False)  # on screen at once
        assert model.index(0, 0).data()
    assert counted.args == [len(every)] and model.complete
    assert [model.inquiry_id(r) for r in range(model.rowCount())] == every  # appended in order
    qtmodeltester.check(model)
    model.reload()
    model.reload()  # a reload while the rest is still read: the older read is dropped
    qtbot.waitUntil(lambda: model.complete, timeout=10_000)
    assert model.rowCount() == len(every)
    model.wait()


def test_the_inbox_fits_the_window_at_first_start(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    load_demo(qtbot, window)
    assert window.width() >= 1200
    assert not window.table.horizontalScrollBar().isVisible()  # every column in view
    assert window.grab().save(str(tmp_path / "first-start.png"))  # looked at: docs/screenshots


def test_search_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    load_demo(qtbot, window)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "channel:wechat")
    qtbot.waitUntil(lambda: "matching" in window.matches.text(), timeout=3000)
    model = window.table.model()
    assert model.rowCount() > 0
    assert {model.index(r, 3).data() for r in range(model.rowCount())} == {"WeChat"}
    window.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() >= 40, timeout=3000)


@pytest.mark.parametrize(("typed", "said"), [
    ("after:yesterday", ""),  # a date people say: searched, nothing to say
    ("price after:someday", "after:someday is not a date"),
    ("is:late", "is:late: use is:overdue or is:unanswered"),
])
def test_a_query_that_cannot_be_run_is_said_under_the_search_box(qtbot: QtBot, window: MainWindow,
                                                                   typed: str, said: str) -> None:
    load_demo(qtbot, window)
    shown = window.table.model().rowCount()
    qtbot.keyClicks(window.search, typed)
    if said:
        qtbot.waitUntil(lambda: window.query_error.isVisible(), timeout=3000)
        assert said in window.query_error.text()
        assert window.table.model().rowCount() == shown  # what was shown stays
        window.search.clear()
        qtbot.waitUntil(lambda: not window.query_error.isVisible(), timeout=3000)
    else:
        qtbot.waitUntil(lambda: "matching" in window.matches.text(), timeout=3000)
        assert not window.query_error.isVisible()


def test_log_an_inquiry_from_the_keyboard(qtbot: QtBot, desk: Desk) -> None:
    ops = Operations()
    dialog = LogInquiryDialog(desk, "tester", ops, "CN")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.identity, "0086 139 9288 4879")
    assert "+8613992884879" in dialog.reading.text() and "valid" in dialog.reading.text()
    qtbot.keyClicks(dialog.name, "Wang Lei")
    dialog.text.insertPlainText("想询价光纤陀螺仪 ")  # Chinese arrives through the input method
    qtbot.keyClicks(dialog.text, "ER-FOGI-40, 2 pcs")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):  # saved off the GUI thread
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_inquiry is not None
    again = LogInquiryDialog(desk, "tester", ops, "CN")
    qtbot.addWidget(again)
    qtbot.keyClicks(again.identity, "+86-139-9288-4879")
    assert "existing contact" in again.reading.text()
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "needs the buyer's message" in again.error.text(), timeout=10_000)
    assert again.save_button.isEnabled()


def test_import_runs_off_the_gui_thread(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    files = [tmp_path / "WhatsApp Chat with Maria Santos.txt", tmp_path / "junk.txt"]
    shutil.copy(SAMPLES / "whatsapp" / files[0].name, files[0])
    files[1].write_bytes(bytes(range(256)) * 8)
    window.import_files(files)  # what File > Import and dropping files both call
    with qtbot.waitSignal(window.imported, timeout=10_000) as done:
        pass
    assert [r.messages_created for r in done.args[0]] == [3]
    settle(qtbot, window.ops)
    assert window.table.model().rowCount() == 1
    assert "1 files refused" in window.statusBar().currentMessage()
    assert window.refused.isVisible() and "junk.txt" in window.refused.text()
    window.refused.accept()
    undo = next(a for a in window.actions() if a.text() == "&Revert last import…")
    undo.trigger()
    qtbot.mouseClick(window.revert_question.buttons()[0], Qt.MouseButton.LeftButton)  # Revert
    settle(qtbot, window.ops)
    assert "3 messages removed" in window.statusBar().currentMessage()
    assert window.table.model().rowCount() == 0
    undo.trigger()
    qtbot.mouseClick(window.revert_question.buttons()[0], Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert window.statusBar().currentMessage() == "No import to undo"


def test_one_progress_bar_runs_forward_over_all_the_files(qtbot: QtBot, window: MainWindow,
                                                          tmp_path: Path) -> None:
    names = ["WhatsApp Chat with Maria Santos.txt", "WhatsApp Chat with +49 1512 3456789.txt"]
    for name in names:
        shutil.copy(SAMPLES / "whatsapp" / name, tmp_path / name)
    shown: list[int] = []
    window.import_files([tmp_path / name for name in names])
    assert window.progress.labelText() == "Importing 2 files…"
    bar = window.progress.findChild(QProgressBar)
    bar.valueChanged.connect(lambda value: value >= 0 and shown.append(value))  # -1 on reset
    settle(qtbot, window.ops)
    assert shown and shown == sorted(shown) and shown[-1] == 100


def test_the_window_speaks_chinese(qtbot: QtBot, desk: Desk) -> None:
    from leaddesk.ui.app import install_translator

    app = QApplication.instance()
    assert install_translator(app, "zh_CN")  # compiled from resources/leaddesk_zh_CN.ts
    try:
        window = MainWindow(desk, "tester")
        qtbot.addWidget(window)
        assert window.empty.demo_button.text() == "载入演示数据"
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        window.show()
        load_demo(qtbot, window)
        model = window.table.model()
        qtbot.waitUntil(lambda: window.matches.text() == f"{model.rowCount()} 个询盘", timeout=5000)
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert headers == ["联系人", "公司", "国家", "渠道", "最后消息", "阶段", "跟进", "文章"]
        shown = {(model.index(r, 2).data(), model.index(r, 5).data()) for r in range(model.rowCount())}
        assert {"德国", "巴西", "中国"} <= {where for where, _ in shown}
        assert {"新询盘", "已报价", "丢单"} <= {stage for _, stage in shown}
        settings = SettingsDialog(window, window.desk, window.ops)
        qtbot.addWidget(settings)
        labels = [settings.form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget().text()
                  for i in range(3)]
        assert labels == ["默认国家", "我方姓名（其消息为我方发出）", "我方电话"]
        assert [settings.tabs.tabText(i) for i in range(2)] == ["常规", "邮箱账户"]
        settle(qtbot, window.ops)  # the accounts read
        assert settings.save_button.text() == "保存"  # Qt's own words come in Chinese too
    finally:
        from PySide6.QtCore import QTranslator

        from leaddesk.ui.words import set_language

        set_language("en")
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.deleteLater()


def test_saved_searches_fill_the_search_field(qtbot: QtBot, desk: Desk) -> None:
    from leaddesk.settings import Settings

    settings = Settings.load()
    settings.saved_searches = {"Quotes on WeChat": "channel:wechat stage:quoted"}
    settings.save()
    window = MainWindow(desk, "tester")
    qtbot.addWidget(window)
    [action] = [a for a in window.saved_menu.actions() if a.text() == "Quotes on WeChat"]
    action.trigger()
    assert window.search.text() == "channel:wechat stage:quoted"
    window.search.clear()
    window.show()
    click_view(qtbot, window, "Reports")  # from another view, through the navigation
    click_view(qtbot, window, "Quotes on WeChat")
    assert window.views.currentWidget() is window.splitter  # the inbox, filtered
    assert window.search.text() == "channel:wechat stage:quoted"


def test_a_search_is_saved_from_the_window(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QInputDialog

    from leaddesk.settings import Settings

    load_demo(qtbot, window)
    [save] = [a for a in window.saved_menu.actions() if a.text() == "Save this search…"]
    assert not save.isEnabled()  # nothing typed: nothing to save
    qtbot.keyClicks(window.search, "channel:wechat ")
    window.search.insert("报价")  # as an input method gives it (QTest types Latin-1 only)
    assert save.isEnabled()
    save.trigger()
    asking = window.findChild(QInputDialog)
    qtbot.waitUntil(asking.isVisible)
    asking.setTextValue("WeChat quotes")
    asking.accept()
    assert Settings.load().saved_searches == {"WeChat quotes": "channel:wechat 报价"}
    assert [a.text() for a in window.saved_menu.actions()][-1] == "WeChat quotes"
    window.search.clear()
    click_view(qtbot, window, "WeChat quotes")  # in the navigation at once, no restart
    assert window.search.text() == "channel:wechat 报价"


def test_follow_ups_complete_and_snooze(qtbot: QtBot, window: MainWindow) -> None:
    load_demo(qtbot, window)
    click_view(qtbot, window, "Follow-ups")
    view = window.followups
    assert window.views.currentWidget() is view
    overdue = view.tree.topLevelItem(0)
    before = overdue.childCount()
    assert overdue.text(0).startswith("Overdue") and before > 0
    view.tree.setCurrentItem(overdue.child(0))
    qtbot.mouseClick(view.complete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert "what came of" in view.error.text()  # an outcome is needed; nothing changed
    assert view.tree.topLevelItem(0).childCount() == before
    qtbot.keyClicks(view.outcome, "sent the quotation")
    qtbot.mouseClick(view.complete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert view.tree.topLevelItem(0).childCount() == before - 1
    view.tree.setCurrentItem(view.tree.topLevelItem(0).child(0))
    qtbot.mouseClick(view.snooze_buttons[2], Qt.MouseButton.LeftButton)  # a week later
    settle(qtbot, window.ops)
    assert view.tree.topLevelItem(0).childCount() == before - 2
    upcoming = view.tree.topLevelItem(2)
    assert upcoming.text(0).startswith("Upcoming") and upcoming.childCount() > 0


def test_the_window_remembers_its_columns_and_order(qtbot: QtBot, desk: Desk, data_dir: Path) -> None:
    first = MainWindow(desk, "tester")
    qtbot.addWidget(first)
    first.show()
    load_demo(qtbot, first)
    first.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # a click on "Contact"
    first.close()
    assert (data_dir / "window.ini").exists()  # in the data folder, not the real home
    assert (data_dir / "window.ini").stat().st_mode & 0o777 == 0o600  # and its owner's alone
    assert data_dir.stat().st_mode & 0o777 == 0o700
    again = MainWindow(desk, "tester")
    qtbot.addWidget(again)
    names = [again.table.model().index(r, 0).data() for r in range(again.table.model().rowCount())]
    assert names == sorted(names)


def test_move_a_lead_and_plan_the_next_step(qtbot: QtBot, window: MainWindow) -> None:
    load_demo(qtbot, window)
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    actions = window.detail.contact_actions
    actions.stage.setCurrentIndex(actions.stage.findData("lost"))
    assert actions.reason.isVisibleTo(window)
    qtbot.mouseClick(actions.save_stage, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert "needs a reason" in actions.error.text()  # nothing saved
    qtbot.keyClicks(actions.reason, "chose a local supplier")
    qtbot.mouseClick(actions.save_stage, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert actions.error.text() == ""
    assert window.table.model().index(0, 5).data() == "lost"  # the inbox shows it at once
    click_view(qtbot, window, "Follow-ups")
    before = sum(window.followups.tree.topLevelItem(i).childCount() for i in range(3))
    click_view(qtbot, window, "Inbox")
    actions.kind.setCurrentIndex(actions.kind.findData("quote"))
    qtbot.keyClicks(actions.note, "call about the samples")
    qtbot.mouseClick(actions.add_followup, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert (actions.note.text(), actions.kind.currentIndex()) == ("", 0)  # the next one starts afresh
    click_view(qtbot, window, "Follow-ups")
    after = sum(window.followups.tree.topLevelItem(i).childCount() for i in range(3))
    assert after == before + 1


def test_owner_and_a_suggested_article_are_set_from_the_detail_pane(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    from sqlalchemy import select

    from leaddesk.db.models import Contact, Inquiry
    from leaddesk.services.attribution import link_inquiries

    load_demo(qtbot, window)
    first = window.inbox.inquiry_id(0)
    with desk.transaction() as session:  # as the title rule leaves it: a suggestion
        inquiry = session.get(Inquiry, first)
        inquiry.article_link, inquiry.article_confidence = "title_match", 0.8
    window.ops.announce(Changes.of(inquiries=[first]))  # as a colleague's change arrives
    window.table.selectRow(1)
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    actions = window.detail.contact_actions
    assert actions.save_article.text() == "Confirm suggestion"
    suggested = actions.article.currentData()
    assert suggested is not None
    qtbot.mouseClick(actions.save_article, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    actions.owner.clear()
    qtbot.keyClicks(actions.owner, "Amy")
    qtbot.mouseClick(actions.save_owner, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert actions.error.text() == ""
    with desk.transaction() as session:
        inquiry = session.get(Inquiry, first)
        assert (inquiry.article_id, inquiry.article_link) == (suggested, "manual")
        assert session.scalar(select(Contact.owner).where(Contact.id == inquiry.contact_id)) == "Amy"
        link_inquiries(session)  # the rules never overwrite a person's choice
        assert session.get(Inquiry, first).article_link == "manual"
    assert actions.save_article.text() == "Link article"
    actions.article.setEditText("no article is called this")
    qtbot.mouseClick(actions.save_article, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert "No such article" in actions.error.text()


def test_a_stale_stage_change_is_a_conflict(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    from leaddesk.services.contacts import get_contact, update_contact

    load_demo(qtbot, window)
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    actions = window.detail.contact_actions
    with desk.transaction() as session:  # a colleague saves first (and no change arrives)
        contact_id = get_contact(session, window.inbox.row_of(0).contact_id).id  # type: ignore[union-attr]
        seen = get_contact(session, contact_id)
        update_contact(session, contact_id, seen.version, actor="colleague", notes="called")
    actions.stage.setCurrentIndex(actions.stage.findData("quoted"))
    qtbot.mouseClick(actions.save_stage, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert "changed by someone else" in actions.error.text()


def test_the_reports_view_draws_the_period_and_exports_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    load_demo(qtbot, window)
    view = window.reports
    with qtbot.waitSignal(view.drawn, timeout=10_000):  # read off the GUI thread
        click_view(qtbot, window, "Reports")
    assert window.views.currentWidget() is view

    def inquiries() -> int:
        return int(view.headline.text().split("</b>")[0].removeprefix("<b>"))

    three_months = inquiries()  # the demo spreads 47 inquiries over four months
    assert 0 < three_months < 47
    assert len(view.charts["stages"].values) == 6 and view.charts["countries"].values
    view.grab().save(str(tmp_path / "reports.png"))
    with qtbot.waitSignal(view.drawn, timeout=10_000):
        view.since.setDate(view.until.date().addDays(-3))  # a few days: fewer inquiries
    assert inquiries() < three_months
    target = tmp_path / "leads.xlsx"
    with qtbot.waitSignal(view.exported, timeout=20_000):
        view.export("xlsx", str(target))  # the file dialog's answer, given directly
        assert not view.export_buttons["xlsx"].isEnabled()  # written off the GUI thread
    assert target.stat().st_size > 1000 and "rows written to " + str(target) in view.written.text()
    assert view.open_folder.isVisible() and view.open_folder.toolTip() == str(tmp_path)
    assert view.error.text() == ""  # a success is not said in red
    view.export("doc", str(tmp_path / "leads.doc"))
    settle(qtbot, window.ops)
    qtbot.waitUntil(lambda: "unknown format" in view.error.text(), timeout=10_000)
    assert view.export_buttons["csv"].isEnabled()


def test_the_articles_view_gives_each_article_its_chat_links(
    qtbot: QtBot, window: MainWindow
) -> None:
    from leaddesk.settings import Settings

    settings = Settings.load()
    settings.own_phones, settings.own_emails = ["+86 139 9288 4879"], ["info@ericcointernational.com"]
    settings.save()
    load_demo(qtbot, window)
    click_view(qtbot, window, "Articles")
    view = window.articles
    assert view.table.rowCount() == 9
    view.table.selectRow(0)
    assert view.links is not None and view.links.whatsapp.startswith("https://wa.me/8613992884879")
    qtbot.mouseClick(view.copy_whatsapp, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == view.links.whatsapp


def test_paste_a_conversation_preview_then_import(qtbot: QtBot, desk: Desk) -> None:
    from leaddesk.ui.dialogs.paste import PasteDialog

    ops = Operations()
    dialog = PasteDialog(desk, "tester", ops)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("not a chat at all")  # what a paste from the clipboard does
    assert "not a WhatsApp chat" in dialog.preview.text()
    assert not dialog.import_button.isEnabled()
    dialog.text.setPlainText((SAMPLES / "whatsapp" / "WhatsApp Chat with Maria Santos.txt")
                             .read_text(encoding="utf-8"))
    qtbot.keyClicks(dialog.partner, "Maria Santos")
    assert dialog.preview.text().startswith("3 messages from Maria Santos")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):  # imported off the GUI thread
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.report is not None and dialog.report.messages_created == 3


def test_merge_a_likely_duplicate_side_by_side_and_undo_it(qtbot: QtBot, window: MainWindow,
                                                          desk: Desk) -> None:
    from zoneinfo import ZoneInfo

    from leaddesk.domain.drafts import ContactDraft
    from leaddesk.importers.base import ImportOptions
    from leaddesk.services.contacts import list_contacts, match_contact
    from leaddesk.services.imports import import_file

    import_file(desk, SAMPLES / "whatsapp/WhatsApp Chat with Maria Santos.txt", ImportOptions(),
                actor="t", zone=ZoneInfo("UTC"))
    with desk.transaction() as session:  # the same Maria, written in by email: a second record
        match_contact(session, ContactDraft(name="Maria S.", company="Santos Agro",
                                            emails=["maria@santos.example"]), actor="t")
        match_contact(session, ContactDraft(phones=["+5511912345678"],
                                            emails=["maria@santos.example"]), actor="t")
    window.ops.announce(EVERYTHING)  # changed behind the window's back: as a script would
    click_view(qtbot, window, "Duplicates")
    view = window.duplicates
    assert view.table.rowCount() == 1
    view.table.selectRow(0)
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in view.findChildren(MergeDialog) if d.isVisible())
    assert set(dialog.choices) == {"name", "company", "country", "language"}  # the email side has none
    assert dialog.choices["country"].currentText() == "Brazil"  # named, and kept by default
    dialog.choices["name"].setCurrentIndex(0)  # keep "Maria Santos"
    dialog.choices["company"].setCurrentIndex(1)  # take "Santos Agro"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    with desk.transaction() as session:
        assert [(c.name, c.company) for c in list_contacts(session)] == [("Maria Santos", "Santos Agro")]
    assert view.table.rowCount() == 0
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    with desk.transaction() as session:
        assert len(list_contacts(session)) == 2
    assert view.table.rowCount() == 1


def test_settings_from_the_declaration_table(qtbot: QtBot) -> None:
    from leaddesk.settings import Settings


    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert {"default_region", "own_names", "own_phones", "conversation_gap_days", "database",
            "language"} <= set(dialog.editors)
    qtbot.keyClicks(dialog.editors["default_region"], "Atlantis")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Unknown country: Atlantis" in dialog.error.text() and not dialog.saved
    dialog.editors["default_region"].setText("")
    qtbot.keyClicks(dialog.editors["default_region"], "Germany")
    qtbot.keyClicks(dialog.editors["own_names"], "Ericco Sales, Amy")
    dialog.editors["conversation_gap_days"].setValue(14)
    dialog.editors["language"].setCurrentIndex(1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = Settings.load()
    assert (saved.default_region, saved.own_names, saved.conversation_gap_days, saved.language) == (
        "DE", ["Ericco Sales", "Amy"], 14, "zh_CN")


def test_a_follow_up_falling_due_is_announced_once(qtbot: QtBot, window: MainWindow,
                                                   desk: Desk) -> None:
    from datetime import UTC, datetime, timedelta

    from leaddesk.domain.drafts import ContactDraft
    from leaddesk.services.contacts import match_contact
    from leaddesk.services.followups import schedule_followup

    with desk.transaction() as session:
        priya = match_contact(session, ContactDraft(name="Priya Nair", phones=["+91 98765 43210"]),
                              actor="t").contact_id
        schedule_followup(session, priya, datetime.now(UTC) - timedelta(minutes=1), "call",
                          actor="t")
    with qtbot.waitSignal(window.followups_due, timeout=10_000) as announced:
        window.check_due_followups()  # what the minute timer calls
    assert announced.args == [["Priya Nair"]]
    assert window.statusBar().currentMessage() == "Follow-up due: Priya Nair"
    with qtbot.assertNotEmitted(window.followups_due, wait=500):  # once is enough
        window.check_due_followups()
        settle(qtbot, window.ops)


def test_the_contacts_view_finds_a_buyer_by_any_number(qtbot: QtBot, window: MainWindow,
                                                       tmp_path: Path) -> None:
    load_demo(qtbot, window)
    click_view(qtbot, window, "Contacts")
    view = window.contacts
    assert view.table.rowCount() == 47
    lukas_phone = next(c.phones[0] for c in view.shown if c.name == "Lukas Becker")
    qtbot.keyClicks(view.filter, lukas_phone[-7:])  # the last seven digits are enough
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5000)
    settle(qtbot, window.ops)
    assert view.table.item(0, 0).text() == "Lukas Becker"
    view.export_vcards(str(tmp_path / "one.vcf"))
    assert (tmp_path / "one.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD") == 1
