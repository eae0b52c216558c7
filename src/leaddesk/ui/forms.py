"""What every form in the window shares: the red one-line message under it, and Save /
Cancel with Save as the button tests and shortcuts reach."""

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton

ERROR_STYLE = "color: #cf222e"  # readable on light and dark palettes


def error_label() -> QLabel:
    """An empty message line, red when it says something is wrong."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    return label


def save_cancel(dialog: QDialog, on_save: Callable[[], None]) -> tuple[QDialogButtonBox, QPushButton]:
    """Save (calls `on_save`) and Cancel (rejects the dialog); the box and its Save button."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                               QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons, buttons.button(QDialogButtonBox.StandardButton.Save)
