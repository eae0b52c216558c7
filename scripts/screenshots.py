"""`make screenshots`: each main view of a demo desk rendered offscreen to docs/screenshots/."""

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from leaddesk import paths
from leaddesk.services.changes import EVERYTHING
from leaddesk.services.demo import fill_demo
from leaddesk.services.desk import Desk, open_desk
from leaddesk.ui.app import install_translator
from leaddesk.ui.dialogs.log_inquiry import LogInquiryDialog
from leaddesk.ui.main_window import SEARCH_DELAY_MS, MainWindow
from leaddesk.ui.words import set_language

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def main() -> int:
    app = QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="leaddesk-shots-"))
    paths.set_data_dir(folder)  # no remembered window layout or settings of the person running it
    with open_desk(str(folder / "desk.db")) as desk:
        window = MainWindow(desk, "Ericco Sales", "CN")
        window.resize(1360, 780)
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / "welcome.png"))
        with desk.transaction() as session:
            fill_demo(session, actor="Ericco Sales")
        window.ops.announce(EVERYTHING)
        _settle(app, window)
        window.table.selectRow(1)
        _settle(app, window)
        window.grab().save(str(OUT / "inbox.png"))
        window.show_view("reports")
        _settle(app, window)  # the figures are read off the GUI thread
        window.grab().save(str(OUT / "reports.png"))
        window.show_view("inbox")
        window.search.setText("陀螺")
        _settle(app, window, SEARCH_DELAY_MS + 100)
        window.grab().save(str(OUT / "search.png"))
        dialog = LogInquiryDialog(desk, "Ericco Sales", window.ops, "CN", window)
        dialog.identity.setText("0086 139 9288 4879")
        dialog.name.setText("王磊")
        dialog.text.setPlainText("想询价 ER-FOGI-40 光纤陀螺仪，2 台样品。")
        dialog.resize(620, 460)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(OUT / "log-inquiry.png"))
        dialog.close()
        editor = window.contact_work.edit(window.detail.contact_actions.contact_id or 0)
        _settle(app, window)  # the contact is read off the GUI thread
        editor.identity.setText("wang_lei88")
        _settle(app, window)
        editor.grab().save(str(OUT / "contact-editor.png"))
        editor.close()
        window.close()
        _mail(app, desk)
        _other_looks(app, desk)
        _timeline(app, desk)
        _mail_accounts(app, desk)
    print(f"screenshots written to {OUT}")
    return 0


def _settle(app: QApplication, window: MainWindow, ms: int = 0) -> None:
    """Let the window read and draw what it is showing (its reads run off the GUI thread)."""
    deadline = time.monotonic() + ms / 1000
    while not window.ops.idle or time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


def _mail(app: QApplication, desk: Desk) -> None:
    """A reply written from a template, and two mails waiting in New senders (one whose
    sender the receiving server did not verify)."""
    from datetime import UTC, datetime

    from leaddesk.db.models import MailAccount
    from leaddesk.services.mail.accounts import AccountSpec, add_account
    from leaddesk.services.mail.pending import NEW_SENDER, NOT_VERIFIED, hold

    waiting = [("li.wei@newbuyer.example", "Gyro price for 20 pcs", NEW_SENDER),
               ("lukas.becker@becker.example", "Change of bank account", NOT_VERIFIED)]
    with desk.transaction() as session:
        add_account(session, AccountSpec("sales", "sales@ericco.example", "imap.ericco.example",
                                         "smtp.ericco.example:587"), None)
        account = session.query(MailAccount).one()
        for uid, (sender, subject, reason) in enumerate(waiting, start=1):
            data = (f"From: <{sender}>\r\nSubject: {subject}\r\nMessage-ID: <w{uid}@example>\r\n\r\n"
                    "Please send your best price and the lead time.\r\n").encode()
            hold(session, account.id, "INBOX", uid, data, sender, f"<w{uid}@example>", datetime.now(UTC),
                 reason)
    window = MainWindow(desk, "Ericco Sales", "CN")
    window.resize(1360, 780)
    window.show()
    window.search.setText("channel:email")
    _settle(app, window, SEARCH_DELAY_MS + 100)
    window.table.selectRow(0)
    _settle(app, window)
    compose = window.contact_work.write_mail(str(window.detail.inquiry_id))
    _settle(app, window)
    compose.template.setCurrentIndex(compose.template.findData("quote"))
    _settle(app, window)
    compose.grab().save(str(OUT / "compose.png"))
    compose.close()
    window.search.clear()
    window.show_view("senders")
    _settle(app, window)
    window.grab().save(str(OUT / "new-senders.png"))
    window.close()


def _other_looks(app: QApplication, desk: Desk) -> None:
    """The inbox with a dark palette (as a dark desktop gives it), then in Chinese."""
    app.setStyle("Fusion")
    app.setPalette(_dark_palette())
    _inbox(app, desk, "inbox-dark.png")
    app.setPalette(app.style().standardPalette())
    install_translator(app, "zh_CN")
    _inbox(app, desk, "inbox-zh.png")


def _inbox(app: QApplication, desk: Desk, name: str) -> None:
    window = MainWindow(desk, "Ericco Sales", "CN")
    window.resize(1360, 780)
    window.show()
    _settle(app, window)
    window.table.selectRow(1)
    _settle(app, window)
    window.grab().save(str(OUT / name))
    window.close()


def _timeline(app: QApplication, desk: Desk) -> None:
    """A buyer's whole history in the Contacts view: Lukas Becker's mail of the demo, and
    the WhatsApp chat and call that followed it (added here, after the other shots)."""
    from datetime import UTC, datetime, timedelta

    from leaddesk.domain.drafts import ContactDraft
    from leaddesk.domain.vocabulary import Channel
    from leaddesk.services import operations
    from leaddesk.services.contacts import find_contact
    from leaddesk.services.inquiries import LogInquiry

    with desk.transaction() as session:
        lukas = find_contact(session, "lukas.becker@becker.example")
        phone = next(i.value for i in lukas.identities if i.kind == "phone")
        lukas_id = lukas.id
    now = datetime.now(UTC)
    operations.log_inquiry(desk, LogInquiry(
        Channel.WHATSAPP, ContactDraft(name="Lukas Becker", phones=[phone]),
        "Hello, this is Lukas from Becker Messtechnik. Could you send the datasheet as PDF?",
        received_at=now - timedelta(days=2)), actor="Ericco Sales")
    call = operations.add_followup(desk, lukas_id, now - timedelta(days=1), "call",
                                   actor="Ericco Sales", note="walk through the datasheet").value
    operations.complete_followup(desk, call, "wants a quotation for 20 units", actor="Ericco Sales")
    operations.set_stage(desk, lukas_id, "quoted", actor="Ericco Sales")
    for translator in app.findChildren(QTranslator):  # back in English after the Chinese shot
        app.removeTranslator(translator)
    set_language("en")
    window = MainWindow(desk, "Ericco Sales", "CN")
    window.resize(1360, 780)
    window.show()
    window.show_view("contacts")
    _settle(app, window)
    table = window.contacts.table
    table.selectRow(next(r for r, c in enumerate(window.contacts.shown) if c.id == lukas_id))
    _settle(app, window)
    window.grab().save(str(OUT / "timeline.png"))
    window.close()


def _mail_accounts(app: QApplication, desk: Desk) -> None:
    """Settings' Mail accounts tab with a shared box on Tencent Exmail and a personal Gmail,
    and the form of a new one, a QQ address's servers filled in. Their passwords go to a
    keyring file in the shots' own data folder, never the keyring of whoever runs this."""
    import keyring

    from leaddesk.keyring_file import FileKeyring
    from leaddesk.services.mail.accounts import AccountSpec, add_account
    from leaddesk.ui.dialogs.settings import SettingsDialog

    keyring.set_keyring(FileKeyring())
    with desk.transaction() as session:
        add_account(session, AccountSpec("sales", "sales@ericco.example", provider="exmail"), "demo")
        add_account(session, AccountSpec("amy", "amy.ericco@gmail.com"), "demo")
    window = MainWindow(desk, "Ericco Sales", "CN")
    window.show()
    settings = SettingsDialog(window, desk, window.ops)
    assert settings.accounts is not None
    settings.tabs.setCurrentWidget(settings.accounts)
    settings.show()
    _settle(app, window)
    settings.grab().save(str(OUT / "settings-accounts.png"))
    settings.accounts.add_button.click()
    form = settings.accounts.form
    form.name.setText("wang")
    form.email.setText("wang.lei@qq.com")
    app.processEvents()
    form.grab().save(str(OUT / "mail-account.png"))
    form.close()
    settings.close()
    window.close()


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#1e2227"), (QPalette.ColorRole.Base, "#16191d"),
                         (QPalette.ColorRole.AlternateBase, "#22262b"),
                         (QPalette.ColorRole.Button, "#2a2f35"), (QPalette.ColorRole.Text, "#e6e6e6"),
                         (QPalette.ColorRole.WindowText, "#e6e6e6"),
                         (QPalette.ColorRole.ButtonText, "#e6e6e6"),
                         (QPalette.ColorRole.Highlight, "#2f6fd6"), (QPalette.ColorRole.Link, "#6ea8ff")):
        palette.setColor(role, QColor(colour))
    return palette


if __name__ == "__main__":
    sys.exit(main())
