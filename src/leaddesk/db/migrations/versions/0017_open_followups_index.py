"""open follow-ups found by their due time from one index: (done_at, due_at) on follow-ups,
so counting what is due does not read every follow-up ever done

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 06:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("followups", schema=None) as batch_op:
        batch_op.create_index("ix_followups_done_at_due_at", ["done_at", "due_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("followups", schema=None) as batch_op:
        batch_op.drop_index("ix_followups_done_at_due_at")
