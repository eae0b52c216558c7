"""search at the speed of its index: FTS5 prefix indexes (3 to 12 letters) so a typed word
that is the start of others costs a lookup, and each phone's last seven digits indexed

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 18:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from leaddesk.db import search_index

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    connection = op.get_bind()
    search_index.rebuild(connection)
    with op.batch_alter_table("identities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_digits", sa.String(length=7), nullable=True))
        batch_op.create_index("ix_identities_last_digits", ["last_digits"], unique=False)
    tail = "substr(value, -7)" if connection.dialect.name == "sqlite" else "right(value, 7)"
    op.execute(f"UPDATE identities SET last_digits = {tail} WHERE kind = 'phone'")


def downgrade() -> None:
    with op.batch_alter_table("identities", schema=None) as batch_op:
        batch_op.drop_index("ix_identities_last_digits")
        batch_op.drop_column("last_digits")
