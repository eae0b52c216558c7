"""each phone as people write it (+49 1512 3456789), formatted once when it is stored
rather than every time a report lists it

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25 18:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from leaddesk.domain.identities import readable_phone

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("identities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("shown", sa.String(length=64), nullable=True))
    connection = op.get_bind()
    phones = connection.execute(sa.text("SELECT id, value FROM identities WHERE kind = 'phone'")).all()
    update = sa.text("UPDATE identities SET shown = :shown WHERE id = :id")
    for start in range(0, len(phones), 5000):
        connection.execute(update, [{"id": row[0], "shown": readable_phone(row[1])}
                                    for row in phones[start:start + 5000]])


def downgrade() -> None:
    with op.batch_alter_table("identities", schema=None) as batch_op:
        batch_op.drop_column("shown")
