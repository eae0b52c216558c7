"""What the desk's services say when they refuse something, in the window's language: the
one-line messages they raise are English (the command line's), and the window shows
those it knows translated (the others, which name a file or a value, as they are)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Every fixed message a service raises (tests/gui/test_refusals.py finds them in the
# sources): lupdate reads them here, the Chinese file translates them.
KNOWN = (
    QT_TRANSLATE_NOOP("Refusal", "a contact cannot be merged into itself"),
    QT_TRANSLATE_NOOP("Refusal", "a lost lead needs a reason"),
    QT_TRANSLATE_NOOP("Refusal", "a new mail needs a subject (--subject)"),
    QT_TRANSLATE_NOOP("Refusal", "a snooze must move the follow-up later"),
    QT_TRANSLATE_NOOP("Refusal", "an account's name is 1 to 80 characters, e.g. sales"),
    QT_TRANSLATE_NOOP("Refusal", "an article needs a title"),
    QT_TRANSLATE_NOOP("Refusal", "an empty message cannot be added"),
    QT_TRANSLATE_NOOP("Refusal", "an inquiry needs a name, phone, email or WeChat ID"),
    QT_TRANSLATE_NOOP("Refusal", "an inquiry needs the buyer's message"),
    QT_TRANSLATE_NOOP("Refusal", "no mail account: add one with `leaddesk mail add`"),
    QT_TRANSLATE_NOOP("Refusal", "nothing to send: write the text (or give --body-file or --template)"),
    QT_TRANSLATE_NOOP("Refusal", "pg_dump is not installed; it is needed to back up PostgreSQL"),
    QT_TRANSLATE_NOOP("Refusal", "say what came of the follow-up"),
    QT_TRANSLATE_NOOP("Refusal", "set our WhatsApp number (own_phones in the settings, or --phone)"),
    QT_TRANSLATE_NOOP("Refusal", "set our email address (own_emails in the settings, or --email)"),
    QT_TRANSLATE_NOOP("Refusal", "the desk is not empty: a synthetic desk needs an empty one"),
    QT_TRANSLATE_NOOP("Refusal", "the desk is not empty: demo data goes only into an empty desk"),
    QT_TRANSLATE_NOOP("Refusal", "the period ends before it starts"),
    QT_TRANSLATE_NOOP("Refusal", "--subject is one line"),
    QT_TRANSLATE_NOOP("Refusal",  # (one literal: lupdate reads no joined strings)
                      "someone else changed this record since you opened it; reload and try again"),
    QT_TRANSLATE_NOOP("Refusal", "import cancelled while waiting for another import; nothing was written"),
    QT_TRANSLATE_NOOP("Refusal", "backup stopped"),
    QT_TRANSLATE_NOOP("Refusal", "1 to 80 characters, e.g. sales"),  # a field's problem, beside its label
)


def in_words(message: str) -> str:
    """A service's refusal as the window says it."""
    return QCoreApplication.translate("Refusal", message) if message in KNOWN else message
