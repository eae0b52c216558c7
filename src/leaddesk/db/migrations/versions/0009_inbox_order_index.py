"""the inbox's order read from one index: (last_message_at, contact_id) on inquiries, and
erased contacts found without a scan

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 18:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.drop_index("ix_inquiries_last_message_at")
        batch_op.create_index("ix_inquiries_last_message_at_contact_id",
                              ["last_message_at", "contact_id"], unique=False)
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_erased_at", ["erased_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_erased_at")
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.drop_index("ix_inquiries_last_message_at_contact_id")
        batch_op.create_index("ix_inquiries_last_message_at", ["last_message_at"], unique=False)
