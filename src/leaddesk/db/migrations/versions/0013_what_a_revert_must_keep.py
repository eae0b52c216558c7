"""what a revert must keep: which imports recognised a contact by which identity, and
which activities an import recorded

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 23:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import leaddesk.db.base

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Desks from before this revision never recorded who relied on an identity. Read it off
# the messages, erring on the side of keeping: every other import (or hand-typed message)
# in a contact's inquiries counts as having recognised the contact by each of its
# imported identities.
_BACKFILL_USES = """
INSERT INTO identity_uses (identity_id, import_batch_id, at)
SELECT DISTINCT i.id, m.import_batch_id, CURRENT_TIMESTAMP
FROM identities i
JOIN inquiries q ON q.contact_id = i.contact_id
JOIN messages m ON m.inquiry_id = q.id
WHERE i.import_batch_id IS NOT NULL
  AND (m.import_batch_id IS NULL OR m.import_batch_id <> i.import_batch_id)
"""
_BACKFILL_ACTIVITIES = """
UPDATE activities SET import_batch_id = (
    SELECT c.import_batch_id FROM contacts c WHERE c.id = activities.contact_id)
WHERE action = 'contact_created' AND contact_id IS NOT NULL
"""


def upgrade() -> None:
    op.create_table('identity_uses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('identity_id', sa.Integer(), nullable=False),
    sa.Column('import_batch_id', sa.Integer(), nullable=True),
    sa.Column('at', leaddesk.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['identity_id'], ['identities.id'], name=op.f('fk_identity_uses_identity_id_identities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['import_batch_id'], ['import_batches.id'], name=op.f('fk_identity_uses_import_batch_id_import_batches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_identity_uses')),
    sa.UniqueConstraint('identity_id', 'import_batch_id', name=op.f('uq_identity_uses_identity_id_import_batch_id'))
    )
    with op.batch_alter_table('identity_uses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_identity_uses_identity_id'), ['identity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_identity_uses_import_batch_id'), ['import_batch_id'], unique=False)

    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('import_batch_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_activities_import_batch_id'), ['import_batch_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_activities_import_batch_id_import_batches'), 'import_batches', ['import_batch_id'], ['id'], ondelete='SET NULL')

    op.execute(sa.text(_BACKFILL_USES))
    op.execute(sa.text(_BACKFILL_ACTIVITIES))


def downgrade() -> None:
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_activities_import_batch_id_import_batches'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_activities_import_batch_id'))
        batch_op.drop_column('import_batch_id')
    op.drop_table('identity_uses')
