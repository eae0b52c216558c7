"""the full-text index of messages (FTS5 on SQLite, tsvector + GIN on PostgreSQL)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 15:50:00
"""

from collections.abc import Sequence

from alembic import op

from leaddesk.db import search_index

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    connection = op.get_bind()
    search_index.create(connection)
    search_index.index_all(connection)


def downgrade() -> None:
    search_index.drop(op.get_bind())
