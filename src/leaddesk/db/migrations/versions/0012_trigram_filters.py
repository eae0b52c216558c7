"""PostgreSQL: pg_trgm indexes for the search filters that look inside a text (owner:,
article:); nothing changes on SQLite

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-25 18:30:00
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from leaddesk.db.search_index import TRIGRAM_INDEXES, create_trigram_indexes

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_trigram_indexes(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in TRIGRAM_INDEXES:
            op.execute(text(f"DROP INDEX IF EXISTS {name}"))
