"""a contact a person deleted stays, out of sight, until they undo it (erasure is the
one removal that cannot be undone)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import leaddesk.db.base

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deleted_at", leaddesk.db.base.UTCDateTime(timezone=True),
                                      nullable=True))
        batch_op.create_index("ix_contacts_deleted_at", ["deleted_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_deleted_at")
        batch_op.drop_column("deleted_at")
