"""the full-text index of contacts: names, companies, notes and identities

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 16:50:00
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from leaddesk.db.search_index import CONTACT_FTS, CONTACT_PG, create_search_index, index_all_contacts

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    connection = op.get_bind()
    create_search_index(connection)
    index_all_contacts(connection)


def downgrade() -> None:
    table = CONTACT_FTS if op.get_bind().dialect.name == "sqlite" else CONTACT_PG
    op.get_bind().execute(text(f"DROP TABLE IF EXISTS {table}"))
