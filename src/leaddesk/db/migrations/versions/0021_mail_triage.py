"""mails that wait in triage, and the senders and domains the user chose to ignore

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from leaddesk.db.base import UTCDateTime

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mail_pending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("folder", sa.Text(), nullable=False),
        sa.Column("uid", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.String(length=998), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("sender", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("received", UTCDateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["mail_accounts.id"],
                                name=op.f("fk_mail_pending_account_id_mail_accounts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_pending")),
        sa.UniqueConstraint("sha256", name=op.f("uq_mail_pending_sha256")),
    )
    op.create_index(op.f("ix_mail_pending_account_id"), "mail_pending", ["account_id"])
    op.create_index(op.f("ix_mail_pending_sender"), "mail_pending", ["sender"])
    op.create_table(
        "mail_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("value", sa.String(length=320), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_rules")),
        sa.UniqueConstraint("kind", "value", name=op.f("uq_mail_rules_kind_value")),
    )


def downgrade() -> None:
    op.drop_table("mail_rules")
    op.drop_index(op.f("ix_mail_pending_sender"), table_name="mail_pending")
    op.drop_index(op.f("ix_mail_pending_account_id"), table_name="mail_pending")
    op.drop_table("mail_pending")
