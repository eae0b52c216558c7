"""The main window: it wires the inbox, the search field, the detail pane and the
dialogs to the desk; each part lives in its own module."""

import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QSystemTrayIcon,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from leaddesk import paths
from leaddesk.domain.vocabulary import Stage
from leaddesk.services import operations, reads
from leaddesk.services.apart import run_apart, url_of
from leaddesk.services.changes import Changes
from leaddesk.services.desk import Desk
from leaddesk.services.followups import FollowUpSummary
from leaddesk.services.import_settings import import_setup
from leaddesk.services.operations import Outcome
from leaddesk.services.search import SearchResult
from leaddesk.settings import Settings
from leaddesk.ui.column_fit import FittedColumns
from leaddesk.ui.contact_work import ContactWork
from leaddesk.ui.context_menu import Entry, offer
from leaddesk.ui.desk_care import DeskCare
from leaddesk.ui.dialogs.log_inquiry import LogInquiryDialog
from leaddesk.ui.forms import error_label
from leaddesk.ui.mail_sync import MailSync
from leaddesk.ui.models.inbox import InboxModel
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.saved_searches import SavedSearches
from leaddesk.ui.settings_flow import SettingsFlow
from leaddesk.ui.toolbar import DayToolBar
from leaddesk.ui.undo import UndoStack
from leaddesk.ui.widgets.articles import ArticlesView
from leaddesk.ui.widgets.contacts import ContactsView
from leaddesk.ui.widgets.detail import DetailPane
from leaddesk.ui.widgets.duplicates import DuplicatesView
from leaddesk.ui.widgets.empty import EmptyDesk
from leaddesk.ui.widgets.followups import FollowUpsView
from leaddesk.ui.widgets.navigation import VIEW_ROLE, Navigation
from leaddesk.ui.widgets.reports import ReportsView
from leaddesk.ui.widgets.senders import NewSendersView
from leaddesk.ui.words import word

SEARCH_DELAY_MS = 250
DUE_CHECK_MS = 60_000
COLUMN_WIDTHS = (150, 150, 110, 94, 124, 74, 84)  # contact ... next follow-up, at full width
NARROWING = (0, 1, 2)  # contact, company, country: narrower on a small screen, the rest never
ARTICLE_WIDTH = 80  # at least, for the last column (it stretches)
# Files this big import in a process of their own: in a worker thread their parsing holds
# the GIL long enough to make the window stutter (benchmarks/responsiveness.py); smaller
# ones are done before a new process would have started.
APART_BYTES = 4 * 2**20


def _window_settings() -> QSettings:
    """Window state lives apart from the user's settings, in the same data folder."""
    folder = paths.private_dir(paths.data_dir())  # Qt would make it with the umask's mode
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)


class _Said(QObject):
    """What an import says besides counting, queued from its worker to the GUI thread."""

    said = Signal(str)


class MainWindow(QMainWindow):
    """The inbox of one desk."""

    imported = Signal(object)  # the reports of a finished import
    followups_due = Signal(list)  # who has a follow-up that has just fallen due

    def __init__(self, desk: Desk, actor: str, default_region: str = "") -> None:
        super().__init__()
        self.desk, self.actor, self.region = desk, actor, default_region
        self.restart_wanted = False  # the person asked to start again (a new language or desk)
        self.ops = Operations(self)
        self.ops.changed.connect(self._on_changed)
        self.ops.failed.connect(lambda message: self.statusBar().showMessage(message, 10_000))
        self._searches = Reader(self.ops)
        self.setWindowTitle(f"LeadDesk — {desk.name}")
        self.setAcceptDrops(True)
        self.inbox = InboxModel(desk, self)
        self.inbox.counted.connect(self._on_counted)
        self.table = QTableView()
        self.table.setModel(self.inbox)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search everything (Ctrl+K): words, \"phrases\", "
                                               "channel:wechat, a phone number…"))
        self.search.setClearButtonEnabled(True)
        self.matches = QLabel()
        self.query_error = error_label()  # under the search box: what a typed filter cannot mean
        self.query_error.hide()
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._on_search_due)
        self.search.textChanged.connect(self._debounce.start)
        self.detail = DetailPane(desk, actor, self.ops)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        inbox = QWidget()
        stack = QVBoxLayout(inbox)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.search)
        stack.addWidget(self.query_error)
        stack.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(inbox)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.followups = FollowUpsView(desk, actor, self.ops)
        self.navigation = Navigation(desk, self.ops)
        self.reports = ReportsView(desk, self.ops)
        self.articles = ArticlesView(desk, self.ops)
        self.contacts = ContactsView(desk, self.ops)
        self.duplicates = DuplicatesView(desk, actor, self.ops)
        self.senders = NewSendersView(desk, actor, self.ops)
        for history in (self.detail, self.contacts.history):  # an inquiry picked in a history
            history.inquiry_chosen.connect(self.open_inquiry)
        self.views = QStackedWidget()
        self._view_items: dict[str, QListWidgetItem] = {}
        for key, title, view in (("inbox", self.tr("Inbox"), self.splitter),
                                 ("followups", self.tr("Follow-ups"), self.followups),
                                 ("reports", self.tr("Reports"), self.reports),
                                 ("articles", self.tr("Articles"), self.articles),
                                 ("duplicates", self.tr("Duplicates"), self.duplicates),
                                 ("senders", self.tr("New senders"), self.senders),
                                 ("contacts", self.tr("Contacts"), self.contacts)):
            self.views.addWidget(view)
            self._view_items[key] = self.navigation.add_view(key, title)
        self.navigation.currentRowChanged.connect(self._on_view_chosen)
        workspace = QSplitter(Qt.Orientation.Horizontal)
        workspace.addWidget(self.navigation)
        workspace.addWidget(self.views)
        workspace.setStretchFactor(0, 0)
        workspace.setStretchFactor(1, 1)
        workspace.setSizes([self.navigation.sizeHint().width(), 1200])
        self.workspace = workspace
        self.empty = EmptyDesk()
        self.empty.demo_requested.connect(self._on_demo_requested)
        self.empty.import_requested.connect(self._on_import_requested)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.workspace)
        self.setCentralWidget(self.pages)
        self.statusBar().addPermanentWidget(self.matches)
        self.contact_work = ContactWork(self, desk, actor, self.ops, lambda: self.region)
        self.contact_work.serve(self.contacts, self.detail.contact_actions)
        offer(self.table, self._inquiry_menu)
        self._menus()
        self._restore()
        self.refresh()
        self._announced: set[int] = set()  # follow-ups already announced as due
        self._shown_inquiry: int | None = None
        self.tray = QSystemTrayIcon(QIcon(str(Path(__file__).parents[1] / "resources" / "leaddesk.svg")),
                                    self)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
        self.tray.messageClicked.connect(lambda: self.show_view("followups"))
        self._due_timer = QTimer(self, interval=DUE_CHECK_MS)
        self._due_timer.timeout.connect(self.check_due_followups)
        self._due_timer.start()
        self.care = DeskCare(self, desk)  # the check after a crash, the automatic backups
        self.settings_flow = SettingsFlow(self)  # Settings saved apply at once, or offer a restart
        self.mail = MailSync(self)  # the mailboxes, every few minutes while the window is open
        self.set_writable(desk.writes_held is None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.care.shown)  # queued behind the first paint

    def set_writable(self, writable: bool) -> None:
        """Offer (or, while the desk is checked or damaged, withhold) what changes it."""
        for action in self._writing_actions:
            action.setEnabled(writable)
        self.empty.demo_button.setEnabled(writable)
        self.empty.import_button.setEnabled(writable)
        self.setAcceptDrops(writable)
        self.detail.contact_actions.setEnabled(writable)  # the conversation stays readable
        self.detail.followups.setEnabled(writable)
        self.contacts.set_writable(writable)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._writing_actions: list[QAction] = []
        made: dict[Callable[[], object], QAction] = {}
        for text, keys, slot in (
            (self.tr("&Log inquiry…"), QKeySequence.StandardKey.New, self._on_log_requested),
            (self.tr("&Import…"), QKeySequence("Ctrl+I"), self._on_import_requested),
            (self.tr("&Revert last import…"), QKeySequence(), self._on_undo_import),
            (self.tr("&Paste conversation…"), QKeySequence("Ctrl+Shift+V"), self._on_paste_requested),
            (self.tr("Sync &mail now"), QKeySequence("F5"), lambda: self.mail.sync_now()),
            (self.tr("&Search"), QKeySequence("Ctrl+K"), self.search.setFocus),
            (self.tr("Se&ttings…"), QKeySequence.StandardKey.Preferences, self._on_settings),
            (self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(keys)
            action.triggered.connect(slot)
            made[slot] = action
            file_menu.addAction(action)
            self.addAction(action)
            if slot in (self._on_log_requested, self._on_import_requested, self._on_undo_import,
                        self._on_paste_requested):
                self._writing_actions.append(action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_stack = UndoStack(self)
        self.undo_stack.undone.connect(
            lambda label: self.statusBar().showMessage(self.tr("Done: {0}").format(label), 10_000))
        edit_menu.addAction(self.undo_stack.action)
        self.addAction(self.undo_stack.action)
        self._writing_actions.append(self.undo_stack.action)
        self.toolbar = DayToolBar(made[self._on_log_requested], made[self._on_import_requested], self)
        self.addToolBar(self.toolbar)
        self.toolbar.followup_requested.connect(self._on_followup_requested)
        self.toolbar.mail_requested.connect(self._on_mail_requested)
        self.toolbar.chat_requested.connect(self._on_chat_requested)
        self.detail.refetched.connect(self._on_detail_shown)
        self.saved_searches = SavedSearches(self, self.search, self.navigation)
        self.saved_menu = self.saved_searches.menu

    def refresh(self) -> None:
        """Read the inbox's list again, keeping the inquiry shown selected."""
        self.inbox.reload(keep_filter=True)
        empty = self.inbox.rowCount() == 0 and not self.search.text()
        self.pages.setCurrentWidget(self.empty if empty else self.workspace)
        self._select(self.detail.inquiry_id)

    def _select(self, inquiry_id: int | None) -> None:
        """Select an inquiry if the inbox shows it, else the first (the newest)."""
        row = self.inbox.row_for(inquiry_id) if inquiry_id is not None else None
        if row is None and self.inbox.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)

    def _inquiry_menu(self) -> list[Entry]:
        """What a right-click on an inquiry offers: its contact's stage, edit, delete."""
        row = self.inbox.row_of(self.table.currentIndex().row())
        if row is None:
            return []
        writable = self.detail.contact_actions.isEnabled()
        stages = [(word(stage), partial(self._set_stage, row.contact_id, stage),
                   writable and stage != row.stage)
                  for stage in Stage if stage is not Stage.LOST]  # a lost lead's reason: in the pane
        return [(self.tr("Stage"), stages),
                (self.tr("Edit contact…"), partial(self.contact_work.edit, row.contact_id), writable),
                (self.tr("Delete contact…"), partial(self.contact_work.delete, row.contact_id, row.contact),
                 writable)]

    def _set_stage(self, contact_id: int, stage: str) -> None:
        self.ops.run(partial(operations.set_stage, self.desk, contact_id, stage, actor=self.actor),
                     done=lambda _summary: self.statusBar().showMessage(
                         self.tr("Stage set to {0}").format(word(stage)), 10_000))

    def _on_changed(self, changes: Changes) -> None:
        """Whatever changed the desk (here or, on a team desk, elsewhere): the inbox
        forgets what it touched; the other views see the same signal themselves."""
        if self.inbox.on_changed(changes):
            self.refresh()

    def show_view(self, key: str) -> None:
        """Show one of the views (inbox, followups, reports, articles, duplicates, contacts)."""
        self.navigation.setCurrentItem(self._view_items[key])

    def _on_counted(self, count: int) -> None:
        if not self.search.text().strip():
            self.matches.setText(self.tr("%n inquiries", "", count))

    def _on_view_chosen(self, row: int) -> None:
        item = self.navigation.item(row)
        if item is None:
            return
        saved = item.data(Qt.ItemDataRole.UserRole)
        if saved:  # a saved search: the inbox, filtered by it
            self.views.setCurrentWidget(self.splitter)
            self.search.setText(saved)
            return
        key = item.data(VIEW_ROLE)
        self.views.setCurrentIndex(list(self._view_items).index(key))  # each view refetches itself

    def _on_search_due(self) -> None:
        typed = self.search.text().strip()
        if not typed:
            self._said_of_query("")
            self.detail.show_matches("")
            self.inbox.reload(None)  # the count follows when every id is read
            return
        self._searches.read(partial(reads.search, self.desk, typed, self.region),
                            partial(self._on_found, typed), self._said_of_query)

    def _said_of_query(self, message: str) -> None:
        """Say under the search box why a query cannot be run (after:someday), or nothing."""
        self.query_error.setText(message)
        self.query_error.setVisible(bool(message))

    def _on_found(self, typed: str, result: SearchResult) -> None:
        if not self.search.text().strip():
            return  # cleared meanwhile
        self._said_of_query("")
        self.detail.show_matches(typed)  # what it found, highlighted in the conversation
        ids = list(dict.fromkeys(hit.inquiry_id for hit in result.hits))
        self.inbox.reload(ids)
        self.matches.setText(self.tr("{0} matching messages in {1} inquiries")
                             .format(result.counted, f"{len(ids):,}"))
        if ids:
            self.table.selectRow(0)

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.show_inquiry(self.inbox.inquiry_id(current.row()))
        if self.detail.inquiry_id is None:
            self.toolbar.show_contact(None)

    def _on_detail_shown(self) -> None:
        """Reply and Follow-up act on the buyer shown, by the channel they wrote on."""
        shown = self.detail.inquiry_id
        row = self.inbox.row_for(shown) if shown is not None else None
        listed = self.inbox.row_of(row) if row is not None else None
        self.toolbar.show_contact(self.detail.card, listed.channel if listed else "")

    def _on_mail_requested(self) -> None:
        if self.detail.inquiry_id is not None:  # a reply to the inquiry shown
            self.contact_work.write_mail(str(self.detail.inquiry_id))

    def _on_chat_requested(self) -> None:
        if self.detail.inquiry_id is not None:
            self.contact_work.reply_on_chat(self.detail.inquiry_id)

    def _on_followup_requested(self) -> None:
        self.show_view("inbox")
        self.detail.show_conversation()
        self.detail.contact_actions.note.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_inquiry(self, inquiry_id: int) -> None:
        """Show an inquiry's conversation in the inbox (selected there if the inbox lists it)."""
        self.show_view("inbox")
        self.detail.show_conversation()
        row = self.inbox.row_for(inquiry_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.inbox.index(row, 0))
        else:  # filtered out by a search: shown all the same
            self.table.clearSelection()
            self.detail.show_inquiry(inquiry_id)

    def _on_demo_requested(self) -> None:
        self.empty.demo_button.setEnabled(False)
        self.ops.run(lambda: operations.fill_demo(self.desk, actor=self.actor),
                     done=lambda figures: self.statusBar().showMessage(
                         self.tr("A demo desk: {0} contacts").format(figures.get("contacts", 0)), 10_000))

    def _on_log_requested(self) -> None:
        self.log_dialog = LogInquiryDialog(self.desk, self.actor, self.ops, self.region, self)
        self.log_dialog.accepted.connect(self._on_logged)
        self.log_dialog.open()

    def _on_logged(self) -> None:
        """The new inquiry is shown, even while a search is active."""
        logged = self.log_dialog.saved_inquiry
        if logged is None:
            return
        if self.search.text():
            self.search.clear()
            self._debounce.stop()
            self.inbox.reload(None)
        self.show_view("inbox")
        self._select(logged)
        self.statusBar().showMessage(self.tr("Inquiry logged"), 10_000)

    def check_due_followups(self) -> None:
        """Announce follow-ups that have fallen due since the last look (desktop
        notification where there is a tray, the status bar anyway): `followups_due` says who."""
        self.ops.read(partial(reads.followups_overdue, self.desk), self._announce)

    def _announce(self, due: list[FollowUpSummary]) -> None:
        due = [f for f in due if f.id not in self._announced]  # a look that overtook another
        if not due:
            return
        self._announced.update(f.id for f in due)
        names = [f.contact for f in due]
        text = self.tr("Follow-up due: {0}").format(", ".join(names[:3]) +
                                                    (" …" if len(names) > 3 else ""))
        if self.tray.isVisible():
            self.tray.showMessage("LeadDesk", text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        self.statusBar().showMessage(text, 30_000)
        self.followups_due.emit(names)

    def _on_settings(self) -> None:
        self.settings_flow.open()

    def apply_settings(self, settings: Settings) -> None:
        """Use the settings just saved in everything started from now on (ui/settings_flow.py)."""
        self.settings_flow.apply(settings)

    def _on_paste_requested(self) -> None:
        from leaddesk.ui.dialogs.paste import PasteDialog

        self.paste_dialog = PasteDialog(self.desk, self.actor, self.ops, self)
        self.paste_dialog.open()

    def _on_import_requested(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Import chats, mails, form exports, vCards"))
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        """Import as an operation, with one progress bar for all the files, and Cancel."""
        label = (self.tr("Importing {0}…").format(paths[0].name) if len(paths) == 1
                 else self.tr("Importing {0} files…").format(len(paths)))
        self.progress = progress = QProgressDialog(label, self.tr("Cancel"), 0, 100, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._import_label = label
        said = _Said(self)  # lives on the GUI thread: what the worker says is queued to it
        said.said.connect(self._on_import_said)

        apart = self.desk.shared and sum(_size(path) for path in paths) >= APART_BYTES
        setup = import_setup(Settings.load())  # as saved now: a setting saved a moment ago applies
        setup.options.default_region = self.region or setup.options.default_region

        def work(report_progress: Callable[[int, int], None],
                 cancel: threading.Event) -> Outcome[operations.Imported]:
            if apart:  # a big import would hold the GIL for long stretches: its own process
                one = partial(operations.import_files_apart, paths, self.region, self.actor)
                return run_apart(one, url_of(self.desk.engine.url), report_progress, said.said.emit, cancel)
            job = operations.files_jobs(len(paths), report_progress, said.said.emit, cancel)
            return operations.import_files(self.desk, paths, setup.options, actor=self.actor, job=job,
                                           gap_days=setup.gap_days, zone=setup.zone)

        task = self.ops.run_long(work, done=self._on_import_finished, failed=self._on_import_failed)
        task.progressed.connect(self._on_import_progressed)
        progress.canceled.connect(task.cancel.set)

    def _on_undo_import(self) -> None:
        """Revert the newest import batch that is not reverted yet (made here or by a
        command), once the person says so."""
        self.revert_question = box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Revert last import"),
            self.tr("Revert the newest import? What came only with it goes; what you typed stays."),
            QMessageBox.StandardButton.NoButton, self)
        yes = box.addButton(self.tr("Revert"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self._revert_last_import() if button is yes else None)
        box.open()

    def _revert_last_import(self) -> None:
        if self.desk.shared:  # a big revert would hold the GIL for long stretches: its own process
            one = partial(operations.undo_import_apart, self.actor)
            url = url_of(self.desk.engine.url)
            self.ops.run_long(lambda progress, cancel: run_apart(one, url, progress, _unsaid, cancel),
                              done=self._on_undone)
        else:
            self.ops.run(lambda: operations.undo_import(self.desk, actor=self.actor), done=self._on_undone)

    def _on_undone(self, undone: tuple[str, object] | None) -> None:
        if undone is None:
            self.statusBar().showMessage(self.tr("No import to undo"), 10_000)
            return
        name, plan = undone
        message = self.tr("Undid the import of {0}: {1} messages removed").format(
            name, plan.removed["messages"])  # type: ignore[attr-defined]
        if plan.kept:  # type: ignore[attr-defined]
            message += self.tr("; kept {0} records others rely on").format(len(plan.kept))  # type: ignore[attr-defined]
        self.statusBar().showMessage(message, 10_000)

    def _on_import_said(self, text: str) -> None:
        words = {"waiting for another import": self.tr("Waiting for another import to finish…")}
        self.progress.setLabelText(words.get(text, text) if text else self._import_label)

    def _on_import_progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / max(total, 1)))

    def _on_import_finished(self, imported: operations.Imported) -> None:
        self.progress.close()
        created = sum(r.messages_created for r in imported.reports)
        skipped = sum(r.messages_skipped for r in imported.reports)
        message = self.tr("Imported {0} new messages ({1} already here)").format(created, skipped)
        if imported.cancelled:
            message = self.tr("Import cancelled; the files before it stay imported. ") + message
        if imported.errors:
            message += self.tr("; {0} files refused").format(len(imported.errors))
        self.statusBar().showMessage(message, 10_000)
        if imported.errors:  # shown without blocking: the inbox is already up to date behind it
            self.refused = QMessageBox(QMessageBox.Icon.Warning, self.tr("Some files were not imported"),
                                       "\n".join(imported.errors), QMessageBox.StandardButton.Ok, self)
            self.refused.open()
        self.imported.emit(imported.reports)

    def _on_import_failed(self, message: str) -> None:
        self.progress.close()
        self.statusBar().showMessage(message, 10_000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.import_files(paths)

    def _restore(self) -> None:
        settings = _window_settings()

        def stored(key: str) -> QByteArray:
            value = settings.value(key, QByteArray())
            return value if isinstance(value, QByteArray) else QByteArray()

        if not self.restoreGeometry(stored("window/geometry")):  # first start: most of the screen
            screen = self.screen().availableGeometry()
            self.resize(max(1200, min(1680, screen.width() * 9 // 10)),
                        max(760, min(1050, screen.height() * 9 // 10)))
        views = self.width() - self.navigation.sizeHint().width()
        # the inbox wider than the conversation, which has a least
        inbox = min(views * 65 // 100, views - self.detail.minimumSizeHint().width() - 8)
        if not self.splitter.restoreState(stored("window/splitter")):
            self.splitter.setSizes([inbox, views - inbox])
        header = self.table.horizontalHeader()
        self.columns = FittedColumns(self.table, COLUMN_WIDTHS, NARROWING, ARTICLE_WIDTH)
        if header.restoreState(stored("window/columns")):
            self.columns.following = False  # as the person left them
        else:
            self.columns.fit(inbox)
        if header.sortIndicatorSection() >= 0:  # the restored order is the one shown
            self.inbox.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def closeEvent(self, event: QCloseEvent) -> None:
        started = time.monotonic()
        settings = _window_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/columns", self.table.horizontalHeader().saveState())
        settings.sync()
        paths.tighten(Path(settings.fileName()))  # Qt writes it with the umask's mode
        self.mail.stop()  # the IDLE waits end
        self.ops.wait()  # no worker left running
        self.inbox.wait()
        self.care.closing(started)  # the closing backup: closing takes 2 s at most
        super().closeEvent(event)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # the import says what is wrong with it
        return 0


def _unsaid(_text: str) -> None:
    """An undo says nothing besides its answer."""
