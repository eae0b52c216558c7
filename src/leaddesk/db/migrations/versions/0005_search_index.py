"""the full-text index of messages (FTS5 on SQLite, tsvector + GIN on PostgreSQL)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 15:50:00
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from leaddesk.db.search_index import create_search_index, document, drop_search_index, index_messages

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    connection = op.get_bind()
    create_search_index(connection)
    rows = connection.execute(text("SELECT id, body, subject, author FROM messages")).all()
    index_messages(connection, ((r[0], document(r[1], r[2], r[3])) for r in rows))


def downgrade() -> None:
    drop_search_index(op.get_bind())
