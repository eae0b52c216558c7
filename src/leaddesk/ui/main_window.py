"""The main window: it wires the inbox, the search field, the detail pane and the
dialogs to the desk; each part lives in its own module."""

import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTimer, Signal
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
    QListWidget,
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
from leaddesk.importers.base import ImportOptions
from leaddesk.job import Cancelled, Job
from leaddesk.services.demo import fill_demo
from leaddesk.services.desk import Desk
from leaddesk.services.search import search
from leaddesk.settings import Settings
from leaddesk.ui.desk_care import DeskCare
from leaddesk.ui.dialogs.log_inquiry import LogInquiryDialog
from leaddesk.ui.models.inbox import InboxModel
from leaddesk.ui.tasks import Task
from leaddesk.ui.widgets.articles import ArticlesView
from leaddesk.ui.widgets.contacts import ContactsView
from leaddesk.ui.widgets.detail import DetailPane
from leaddesk.ui.widgets.duplicates import DuplicatesView
from leaddesk.ui.widgets.empty import EmptyDesk
from leaddesk.ui.widgets.followups import FollowUpsView
from leaddesk.ui.widgets.reports import ReportsView

SEARCH_DELAY_MS = 250
DUE_CHECK_MS = 60_000


def _window_settings() -> QSettings:
    """Window state lives apart from the user's settings, in the same data folder."""
    folder = paths.private_dir(paths.data_dir())  # Qt would make it with the umask's mode
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """The inbox of one desk."""

    imported = Signal(object)  # the reports of a finished import

    def __init__(self, desk: Desk, actor: str, default_region: str = "") -> None:
        super().__init__()
        self.desk, self.actor, self.region = desk, actor, default_region
        self.task: Task | None = None
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
        for column, width in enumerate((150, 150, 110, 80, 135, 80, 110)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search everything (Ctrl+K): words, \"phrases\", "
                                               "channel:wechat, a phone number…"))
        self.search.setClearButtonEnabled(True)
        self.matches = QLabel()
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._on_search_due)
        self.search.textChanged.connect(self._debounce.start)
        self.detail = DetailPane(desk, actor)
        self.detail.changed.connect(self._on_contact_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        inbox = QWidget()
        stack = QVBoxLayout(inbox)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.search)
        stack.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(inbox)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.followups = FollowUpsView(desk, actor)
        self.navigation = QListWidget()
        self.reports = ReportsView(desk)
        self.articles = ArticlesView(desk)
        self.contacts = ContactsView(desk)
        self.duplicates = DuplicatesView(desk, actor)
        self.duplicates.changed.connect(self._on_contact_changed)
        self.navigation.addItems([self.tr("Inbox"), self.tr("Follow-ups"), self.tr("Reports"),
                                  self.tr("Articles"), self.tr("Possible duplicates"),
                                  self.tr("Contacts")])
        self.navigation.setMaximumWidth(140)
        self.views = QStackedWidget()
        self.views.addWidget(self.splitter)
        self.views.addWidget(self.followups)
        self.views.addWidget(self.reports)
        self.views.addWidget(self.articles)
        self.views.addWidget(self.duplicates)
        self.views.addWidget(self.contacts)
        self.navigation.currentRowChanged.connect(self._on_view_chosen)
        workspace = QSplitter(Qt.Orientation.Horizontal)
        workspace.addWidget(self.navigation)
        workspace.addWidget(self.views)
        workspace.setStretchFactor(0, 0)
        workspace.setStretchFactor(1, 1)
        workspace.setSizes([130, 1200])
        self.workspace = workspace
        self.empty = EmptyDesk()
        self.empty.demo_requested.connect(self._on_demo_requested)
        self.empty.import_requested.connect(self._on_import_requested)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.workspace)
        self.setCentralWidget(self.pages)
        self.statusBar().addPermanentWidget(self.matches)
        self._menus()
        self._restore()
        self.refresh()
        self._announced: set[int] = set()  # follow-ups already announced as due
        self.tray = QSystemTrayIcon(QIcon(str(Path(__file__).parents[1] / "resources" / "leaddesk.svg")),
                                    self)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
        self.tray.messageClicked.connect(lambda: self.navigation.setCurrentRow(1))
        self._due_timer = QTimer(self, interval=DUE_CHECK_MS)
        self._due_timer.timeout.connect(self.check_due_followups)
        self._due_timer.start()
        self.care = DeskCare(self, desk)  # the check after a crash, the automatic backups
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

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._writing_actions: list[QAction] = []
        for text, keys, slot in (
            (self.tr("&Log inquiry…"), QKeySequence.StandardKey.New, self._on_log_requested),
            (self.tr("&Import…"), QKeySequence("Ctrl+I"), self._on_import_requested),
            (self.tr("&Undo last import"), QKeySequence("Ctrl+Shift+Z"), self._on_undo_import),
            (self.tr("&Paste conversation…"), QKeySequence("Ctrl+Shift+V"), self._on_paste_requested),
            (self.tr("&Search"), QKeySequence("Ctrl+K"), self.search.setFocus),
            (self.tr("Se&ttings…"), QKeySequence.StandardKey.Preferences, self._on_settings),
            (self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(keys)
            action.triggered.connect(slot)
            file_menu.addAction(action)
            self.addAction(action)
            if slot in (self._on_log_requested, self._on_import_requested, self._on_undo_import,
                        self._on_paste_requested):
                self._writing_actions.append(action)
        self.saved_menu = self.menuBar().addMenu(self.tr("Sa&ved searches"))
        for name, query in sorted(Settings.load().saved_searches.items()):
            action = QAction(name, self)
            action.setToolTip(query)
            action.triggered.connect(lambda _checked=False, q=query: self.search.setText(q))
            self.saved_menu.addAction(action)
            item = QListWidgetItem(QIcon.fromTheme("edit-find"), name)  # in the navigation too
            item.setData(Qt.ItemDataRole.UserRole, query)
            item.setToolTip(query)
            self.navigation.addItem(item)
        if not self.saved_menu.actions():
            placeholder = QAction(self.tr("(save one with: leaddesk search QUERY --save NAME)"), self)
            placeholder.setEnabled(False)
            self.saved_menu.addAction(placeholder)

    def refresh(self) -> None:
        self.inbox.reload(keep_filter=True)
        empty = self.inbox.rowCount() == 0 and not self.search.text()
        self.pages.setCurrentWidget(self.empty if empty else self.workspace)
        self.followups.refresh()
        if self.inbox.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _on_counted(self, count: int) -> None:
        if not self.search.text().strip():
            self.matches.setText(self.tr("%n inquiries", "", count))

    def _on_contact_changed(self) -> None:
        self.inbox.reload(keep_filter=True)
        self.followups.refresh()

    def _on_view_chosen(self, row: int) -> None:
        item = self.navigation.item(row)
        saved = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if saved:  # a saved search: the inbox, filtered by it
            self.views.setCurrentIndex(0)
            self.search.setText(saved)
            return
        self.views.setCurrentIndex(max(row, 0))
        if row == 1:
            self.followups.refresh()
        elif row == 2:
            self.reports.refresh()
        elif row == 3:
            self.articles.refresh()
        elif row == 4:
            self.duplicates.refresh()
        elif row == 5:
            self.contacts.refresh()

    def _on_search_due(self) -> None:
        typed = self.search.text().strip()
        if not typed:
            self.inbox.reload(None)  # the count follows when every id is read
            return
        with self.desk.transaction() as session:
            result = search(session, typed, limit=1000, default_region=self.region)
        ids = list(dict.fromkeys(hit.inquiry_id for hit in result.hits))
        self.inbox.reload(ids)
        self.matches.setText(self.tr("{0} matching messages in {1} inquiries")
                             .format(result.counted, f"{len(ids):,}"))
        if ids:
            self.table.selectRow(0)

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.show_inquiry(self.inbox.inquiry_id(current.row()))

    def _on_demo_requested(self) -> None:
        with self.desk.transaction() as session:
            fill_demo(session, actor=self.actor)
        self.refresh()

    def _on_log_requested(self) -> None:
        dialog = LogInquiryDialog(self.desk, self.actor, self.region, self)
        if dialog.exec():
            self.refresh()

    def check_due_followups(self) -> list[str]:
        """Announce follow-ups that have fallen due since the last look (desktop
        notification where there is a tray, the status bar anyway). Returns who."""
        from leaddesk.services.followups import Due, list_followups

        with self.desk.transaction() as session:
            due = [f for f in list_followups(session, Due.OVERDUE) if f.id not in self._announced]
        if not due:
            return []
        self._announced.update(f.id for f in due)
        names = [f.contact for f in due]
        text = self.tr("Follow-up due: {0}").format(", ".join(names[:3]) +
                                                    (" …" if len(names) > 3 else ""))
        if self.tray.isVisible():
            self.tray.showMessage("LeadDesk", text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        self.statusBar().showMessage(text, 30_000)
        return names

    def _on_settings(self) -> None:
        from leaddesk.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self)
        if dialog.exec():
            self.region = dialog.settings.default_region
            self.statusBar().showMessage(self.tr("Settings saved; a new language shows at the "
                                                 "next start"), 10_000)

    def _on_paste_requested(self) -> None:
        from leaddesk.ui.dialogs.paste import PasteDialog

        dialog = PasteDialog(self.desk, self.actor, self)
        if dialog.exec():
            self.refresh()

    def _on_import_requested(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Import chats, mails, form exports, vCards"))
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        """Import on a worker thread with one progress bar for all the files, and Cancel."""
        label = (self.tr("Importing {0}…").format(paths[0].name) if len(paths) == 1
                 else self.tr("Importing {0} files…").format(len(paths)))
        self._progress = progress = QProgressDialog(label, self.tr("Cancel"), 0, 100, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)

        from leaddesk.services.imports import import_file  # loaded when first needed

        def work(report_progress: Callable[[int, int], None], cancel: threading.Event) -> object:
            reports, errors = [], []
            for number, path in enumerate(paths):
                def overall(done: int, total: int, before: int = number) -> None:
                    report_progress(before * 1000 + 1000 * done // max(total, 1), 1000 * len(paths))

                options = ImportOptions(default_region=self.region)
                job = Job(progress=overall, cancel=cancel, status=task.said.emit)
                try:
                    reports.append(import_file(self.desk, path, options, actor=self.actor, job=job))
                except Cancelled:
                    raise
                except Exception as exc:  # one bad file does not stop the others
                    errors.append(str(exc))
            return reports, errors

        if self.task is not None:  # a QThread destroyed while it still quits aborts Python
            self.task.wait()
        self.task = task = Task(work)
        # Bound methods of the window: Qt queues them to the GUI thread (a lambda would
        # run in the worker and touch widgets from there).
        self.task.progressed.connect(self._on_import_progressed)
        self._import_label = label
        self.task.said.connect(self._on_import_said)
        self.task.finished.connect(self._on_import_finished)
        self.task.failed.connect(self._on_import_failed)
        progress.canceled.connect(self.task.cancel.set)
        self.task.start()

    def _on_undo_import(self) -> None:
        """Revert the newest import batch that is not reverted yet."""
        from leaddesk.services.imports import list_batches
        from leaddesk.services.revert import revert_import

        with self.desk.transaction() as session:
            batch = next((b for b in list_batches(session) if b.reverted_at is None), None)
        if batch is None:
            self.statusBar().showMessage(self.tr("No import to undo"), 10_000)
            return
        plan = revert_import(self.desk, batch.id, actor=self.actor)
        message = self.tr("Undid the import of {0}: {1} messages removed").format(
            Path(batch.source).name, plan.removed["messages"])
        if plan.kept:
            message += self.tr("; kept {0} records others rely on").format(len(plan.kept))
        self.statusBar().showMessage(message, 10_000)
        self.refresh()

    def _on_import_said(self, text: str) -> None:
        words = {"waiting for another import": self.tr("Waiting for another import to finish…")}
        self._progress.setLabelText(words.get(text, text) if text else self._import_label)

    def _on_import_progressed(self, done: int, total: int) -> None:
        self._progress.setValue(int(100 * done / max(total, 1)))

    def _on_import_finished(self, result: tuple[list[object], list[str]]) -> None:
        self._progress.close()
        reports, errors = result
        created = sum(getattr(r, "messages_created", 0) for r in reports)
        skipped = sum(getattr(r, "messages_skipped", 0) for r in reports)
        message = self.tr("Imported {0} new messages ({1} already here)").format(created, skipped)
        if errors:
            message += self.tr("; {0} files refused").format(len(errors))
        self.statusBar().showMessage(message, 10_000)
        if errors:  # shown without blocking: the inbox is already up to date behind it
            self.refused = QMessageBox(QMessageBox.Icon.Warning, self.tr("Some files were not imported"),
                                       "\n".join(errors), QMessageBox.StandardButton.Ok, self)
            self.refused.open()
        self.refresh()
        self.imported.emit(reports)

    def _on_import_failed(self, message: str) -> None:
        self._progress.close()
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

        if not self.restoreGeometry(stored("window/geometry")):
            self.resize(1200, 760)
        if not self.splitter.restoreState(stored("window/splitter")):
            self.splitter.setSizes([640, 420])  # the inbox wider than the conversation
        header = self.table.horizontalHeader()
        header.restoreState(stored("window/columns"))
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
        for task in (self.task, self.reports.task, self.reports.reading):  # no worker left running
            if task is not None:
                task.cancel.set()
                task.wait()
        self.inbox.wait()
        self.care.closing(started)  # the closing backup: closing takes 2 s at most
        super().closeEvent(event)
