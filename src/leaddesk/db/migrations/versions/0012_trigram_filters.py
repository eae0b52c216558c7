"""PostgreSQL: pg_trgm indexes for the search filters that look inside a text (owner:,
article:); nothing changes on SQLite

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-25 18:30:00
"""

from collections.abc import Sequence

from alembic import op

from leaddesk.db import search_index

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    search_index.create_trigram_indexes(op.get_bind())


def downgrade() -> None:
    search_index.drop_trigram_indexes(op.get_bind())
