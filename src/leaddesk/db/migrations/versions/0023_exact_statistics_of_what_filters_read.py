"""exact planner statistics of the tables the search's filters read (contacts, inquiries,
follow-ups, identities, articles; SQLite): sampled, a 4-value column looked selective

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02 18:40:00
"""

from collections.abc import Sequence

from alembic import op

from leaddesk.db.engine import analyze_sqlite

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        analyze_sqlite(bind)


def downgrade() -> None:
    """Statistics are not schema: nothing to undo."""
