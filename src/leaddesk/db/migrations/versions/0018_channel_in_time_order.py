"""a channel's inquiries newest first from one index: (channel, last_message_at) on
inquiries, in place of the index of channel alone

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 06:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.drop_index("ix_inquiries_channel")
        batch_op.create_index("ix_inquiries_channel_last_message_at",
                              ["channel", "last_message_at"], unique=False)
    # An index the planner has no statistics of looks selective: SQLite then drove a
    # filtered text search from every WeChat inquiry instead of the index's hits (5x slower).
    op.execute("ANALYZE inquiries")


def downgrade() -> None:
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.drop_index("ix_inquiries_channel_last_message_at")
        batch_op.create_index("ix_inquiries_channel", ["channel"], unique=False)
