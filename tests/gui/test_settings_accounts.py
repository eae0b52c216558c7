"""Mail accounts in Settings, driven as a person does: the address typed fills a known
provider's servers, Test connection logs in to the real Dovecot and SMTP server and says
in one line what worked, Save stores the account (listed with its password stored),
Remove asks first; a bad value is one red line naming its field, and nothing is stored."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from leaddesk.services import reads
from leaddesk.services.desk import Desk
from leaddesk.settings import Settings
from leaddesk.ui.dialogs.mail_account import MailAccountDialog
from leaddesk.ui.dialogs.settings import SettingsDialog
from leaddesk.ui.forms import ERROR_STYLE
from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import settle
from tests.mailserver import MailServer, free_port
from tests.smtpserver import SmtpServer

SHOTS = Path("/tmp/acc-shots")


@pytest.fixture(autouse=True)
def no_background_sync(data_dir: Path) -> Iterator[None]:
    """The window's own sync stays off: an account added here is synced only when asked."""
    settings = Settings()
    settings.mail_sync_minutes = 0
    settings.save()
    yield


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    """File > Settings…, as a person opens it (window-modal, shown with open())."""
    next(a for a in window.actions() if a.text() == "Se&ttings…").trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SettingsDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SettingsDialog)
    return dialog


def accounts_tab(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    """File > Settings…, then a click on the Mail accounts tab; the dialog once it has read
    the accounts."""
    dialog = open_settings(qtbot, window)
    bar = dialog.tabs.tabBar()
    tab = next(i for i in range(bar.count()) if bar.tabText(i) == "Mail accounts")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
    assert dialog.tabs.currentWidget() is dialog.accounts
    settle(qtbot, window.ops)
    return dialog


def add_form(qtbot: QtBot, window: MainWindow, dialog: SettingsDialog) -> MailAccountDialog:
    """Add… on the Mail accounts tab: the account form."""
    assert dialog.accounts is not None
    qtbot.mouseClick(dialog.accounts.add_button, Qt.MouseButton.LeftButton)
    form = dialog.accounts.form
    qtbot.waitUntil(form.isVisible, timeout=5000)
    return form


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_in(qtbot: QtBot, form: MailAccountDialog, **typed: str) -> None:
    """Type into the form's fields, by name (each field emptied first)."""
    for name, text in typed.items():
        field = form.fields[name]
        field.setFocus()
        field.selectAll()  # type: ignore[attr-defined]
        qtbot.keyClick(field, Qt.Key.Key_Delete)
        qtbot.keyClicks(field, text)


def stored(window: MainWindow) -> list[str]:
    """The accounts the desk holds, by name."""
    return [account.name for account in reads.mail_accounts(window.desk)]


@pytest.mark.parametrize(("email", "imap", "smtp", "hint"), [
    ("someone@qq.com", "imap.qq.com:993", "smtp.qq.com:465", "QQ Mail: its servers are filled in."),
    ("x@163.com", "imap.163.com:993", "smtp.163.com:465", "authorisation code"),
    ("buyer.desk@hotmail.com", "outlook.office365.com:993", "smtp.office365.com:587", "Outlook"),
    ("sales@gmail.com", "imap.gmail.com:993", "smtp.gmail.com:465", "app password"),
    ("sales@ericco.example", "", "", ""),
])
def test_a_known_providers_servers_are_filled_in_as_the_address_is_typed(
        qtbot: QtBot, window: MainWindow, email: str, imap: str, smtp: str, hint: str) -> None:
    form = add_form(qtbot, window, accounts_tab(qtbot, window))
    type_in(qtbot, form, email=email)
    assert (form.imap.text(), form.smtp.text()) == (imap, smtp)
    assert hint in form.provider.text() and bool(hint) == bool(form.provider.text())
    form.security.setFocus()
    qtbot.keyClick(form.security, Qt.Key.Key_Down)  # STARTTLS: IMAP on its port
    assert form.imap.text() == (imap.replace(":993", ":143") if imap else "")
    assert form.plain_warning.isHidden()
    qtbot.keyClick(form.security, Qt.Key.Key_Down)  # None: the warning shows
    assert form.plain_warning.isVisible() and "unencrypted" in form.plain_warning.text()
    type_in(qtbot, form, imap="mail.ericco.example:993")
    type_in(qtbot, form, email="other@126.com")  # a server the person wrote stays
    assert form.imap.text() == "mail.ericco.example:993"
    assert form.smtp.text() == "smtp.126.com:465"


@pytest.mark.parametrize(("typed", "said", "focused"), [
    ({"name": ""}, "Name: 1 to 80 characters, e.g. sales", "name"),
    ({"email": "not-an-address"}, "Email: 'not-an-address': not an email address", "email"),
    ({"imap": "mail.ericco.example:99999"},
     "IMAP server: 'mail.ericco.example:99999': the port is a number from 1 to 65535", "imap"),
    ({"smtp": "smtp host"}, "SMTP server: 'smtp host': write HOST or HOST:PORT", "smtp"),
    ({"imap": ""}, "IMAP server: none given, and no provider is known for sales@ericco.example",
     "imap"),
    ({"ca_file": "/no/such.pem"}, "CA file: /no/such.pem: no such file", "ca_file"),
    ({"password": ""}, "Password: type the account's password", "password"),
])
def test_a_bad_value_is_one_red_line_naming_its_field_and_nothing_is_stored(
        qtbot: QtBot, window: MainWindow, typed: dict[str, str], said: str, focused: str) -> None:
    form = add_form(qtbot, window, accounts_tab(qtbot, window))
    type_in(qtbot, form, name="sales", email="sales@ericco.example", imap="mail.ericco.example",
            password="whatever")
    type_in(qtbot, form, **typed)
    for button in (form.save_button, form.test_button):
        click(qtbot, button)
        settle(qtbot, window.ops)
        assert form.said.text().startswith(said), form.said.text()
        assert "\n" not in form.said.text() and form.said.styleSheet() == ERROR_STYLE
        assert QApplication.focusWidget() is form.fields[focused]
        assert form.isVisible() and stored(window) == []


@pytest.mark.parametrize(("fault", "said"), [
    ("none", "IMAP: logged in, Sent folder found (Sent Messages); SMTP: logged in"),
    ("wrong password", "the server refused the login of sales@example.com"),
    ("certificate not trusted", "the server's certificate is not trusted"),
    ("servers down", "cannot reach the server (connection refused)"),
])
def test_test_connection_says_in_one_line_what_worked(
        qtbot: QtBot, window: MainWindow, servers: tuple[MailServer, SmtpServer], fault: str,
        said: str) -> None:
    imap, smtp = servers
    form = add_form(qtbot, window, accounts_tab(qtbot, window))
    down = fault == "servers down"
    type_in(qtbot, form, name="sales", email=imap.user,
            imap=f"{imap.host}:{free_port() if down else imap.port}",
            smtp=f"127.0.0.1:{free_port() if down else smtp.port}",
            password="n0t-the-passw0rd" if fault == "wrong password" else imap.password)
    if fault != "certificate not trusted":
        type_in(qtbot, form, ca_file=str(imap.ca_file))
    click(qtbot, form.test_button)
    assert form.said.text() == "Testing…"
    settle(qtbot, window.ops, timeout=30_000)
    line = form.said.text()
    assert "\n" not in line
    if fault == "none":
        assert line == said and form.said.styleSheet() == ""
    else:  # both servers tested, both refused
        assert line.startswith("IMAP: ") and line.count(said) == 2, line
        assert form.said.styleSheet() == ERROR_STYLE
    assert smtp.received == [] and stored(window) == []  # a test sends and stores nothing


def test_an_account_is_tested_added_listed_and_removed(
        qtbot: QtBot, window: MainWindow, desk: Desk, servers: tuple[MailServer, SmtpServer]) -> None:
    imap, smtp = servers
    SHOTS.mkdir(exist_ok=True)
    dialog = accounts_tab(qtbot, window)
    assert dialog.accounts is not None
    page = dialog.accounts
    assert page.empty.isVisible() and page.table.isHidden()
    dialog.grab().save(str(SHOTS / "settings-accounts-empty.png"))
    form = add_form(qtbot, window, dialog)
    type_in(qtbot, form, name="sales", email=imap.user, imap=f"{imap.host}:{imap.port}",
            smtp=f"127.0.0.1:{smtp.port}", ca_file=str(imap.ca_file), password="n0t-the-passw0rd")
    click(qtbot, form.test_button)
    settle(qtbot, window.ops)
    assert "refused the login of sales@example.com" in form.said.text()
    form.grab().save(str(SHOTS / "account-refused.png"))
    type_in(qtbot, form, password=imap.password)
    click(qtbot, form.test_button)
    settle(qtbot, window.ops)
    assert form.said.text() == "IMAP: logged in, Sent folder found (Sent Messages); SMTP: logged in"
    form.grab().save(str(SHOTS / "account-tested.png"))
    click(qtbot, form.save_button)
    settle(qtbot, window.ops)
    assert form.isHidden() and form.result() == MailAccountDialog.DialogCode.Accepted
    settle(qtbot, window.ops)
    assert stored(window) == ["sales"]
    table = page.table
    assert table.isVisible() and table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(table.columnCount())] == [
        "sales", imap.user, f"{imap.host}:{imap.port}", f"127.0.0.1:{smtp.port} (STARTTLS)", "TLS",
        "stored"]
    assert page.said.text().startswith("Added sales")
    dialog.grab().save(str(SHOTS / "settings-accounts.png"))

    assert not page.remove_button.isEnabled()  # until an account is chosen
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(table.item(0, 0)).center())
    click(qtbot, page.remove_button)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=5000)
    confirm = QApplication.activeModalWidget()
    assert isinstance(confirm, QMessageBox) and "the mails it brought stay" in confirm.text()
    confirm.grab().save(str(SHOTS / "remove-confirm.png"))
    buttons = {b.text(): b for b in confirm.findChildren(QPushButton)}
    click(qtbot, buttons["Remove"])
    settle(qtbot, window.ops)
    settle(qtbot, window.ops)
    assert stored(window) == [] and table.isHidden() and page.empty.isVisible()
    assert page.said.text() == "Removed sales; its mails stay in the desk."


def test_a_name_in_use_is_refused_and_the_form_stays(
        qtbot: QtBot, window: MainWindow, servers: tuple[MailServer, SmtpServer]) -> None:
    imap, _smtp = servers
    dialog = accounts_tab(qtbot, window)
    for _ in range(2):
        form = add_form(qtbot, window, dialog)
        type_in(qtbot, form, name="sales", email=imap.user, imap=f"{imap.host}:{imap.port}",
                ca_file=str(imap.ca_file), password=imap.password)
        click(qtbot, form.save_button)
        settle(qtbot, window.ops)
        settle(qtbot, window.ops)
    assert form.isVisible() and form.said.text() == "a mail account named 'sales' exists already"
    assert form.save_button.isEnabled() and stored(window) == ["sales"]
