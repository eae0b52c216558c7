"""duplicate candidates and the merge journal

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 15:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import leaddesk.db.base

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('duplicate_candidates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('other_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', leaddesk.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', leaddesk.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_duplicate_candidates_contact_id_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['other_id'], ['contacts.id'], name=op.f('fk_duplicate_candidates_other_id_contacts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duplicate_candidates')),
    sa.UniqueConstraint('contact_id', 'other_id', name=op.f('uq_duplicate_candidates_contact_id_other_id'))
    )
    op.create_table('merges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survivor_id', sa.Integer(), nullable=False),
    sa.Column('merged_id', sa.Integer(), nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('at', leaddesk.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('journal', sa.Text(), nullable=False),
    sa.Column('undone_at', leaddesk.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['merged_id'], ['contacts.id'], name=op.f('fk_merges_merged_id_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['survivor_id'], ['contacts.id'], name=op.f('fk_merges_survivor_id_contacts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merges'))
    )


def downgrade() -> None:
    op.drop_table("merges")
    op.drop_table("duplicate_candidates")
