"""the erased and the deleted contacts' indexes hold only them (partial indexes): an index
of every contact's NULL misled SQLite's planner into driving filtered searches from all
contacts

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02 18:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("erased_at", "deleted_at")


def upgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f"ix_contacts_{column}", table_name="contacts")
        op.create_index(f"ix_contacts_{column}", "contacts", [column], unique=False,
                        sqlite_where=sa.text(f"{column} IS NOT NULL"),
                        postgresql_where=sa.text(f"{column} IS NOT NULL"))
    op.execute("ANALYZE contacts")


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f"ix_contacts_{column}", table_name="contacts")
        op.create_index(f"ix_contacts_{column}", "contacts", [column], unique=False)
