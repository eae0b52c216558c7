"""when a contact's personal data was erased (the row stays, anonymised, for the counts)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 16:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import leaddesk.db.base

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", leaddesk.db.base.UTCDateTime(timezone=True),
                                      nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
