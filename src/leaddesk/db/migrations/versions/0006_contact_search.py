"""the full-text index of contacts: names, companies, notes and identities

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 16:50:00
"""

from collections.abc import Sequence

from alembic import op

from leaddesk.db import search_index

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    connection = op.get_bind()
    search_index.create(connection)
    search_index.index_all_contacts(connection)


def downgrade() -> None:
    search_index.drop(op.get_bind(), contacts_only=True)
