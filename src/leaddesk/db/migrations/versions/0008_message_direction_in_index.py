"""messages indexed by (inquiry_id, sent_at, direction): first question and first answer
of every inquiry read from the index alone

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 17:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_index("ix_messages_inquiry_id_sent_at")
        batch_op.create_index("ix_messages_inquiry_id_sent_at_direction",
                              ["inquiry_id", "sent_at", "direction"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_index("ix_messages_inquiry_id_sent_at_direction")
        batch_op.create_index("ix_messages_inquiry_id_sent_at", ["inquiry_id", "sent_at"],
                              unique=False)
