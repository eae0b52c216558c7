"""mail threading: each message's Message-ID and the one it replies to

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 15:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("message_id", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("in_reply_to", sa.String(length=500), nullable=True))
        batch_op.create_index(batch_op.f("ix_messages_message_id"), ["message_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_messages_in_reply_to"), ["in_reply_to"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_messages_in_reply_to"))
        batch_op.drop_index(batch_op.f("ix_messages_message_id"))
        batch_op.drop_column("in_reply_to")
        batch_op.drop_column("message_id")
