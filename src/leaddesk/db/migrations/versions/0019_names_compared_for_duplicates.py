"""each contact's name and company as compared for likely duplicates (case, spaces and
full-width letters folded), indexed with the company and with the country, so that a new
contact finds one of the same name in one look-up

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 06:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from leaddesk.domain.names import name_key

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("company_key", sa.String(length=200), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, name, company FROM contacts")).all()
    update = sa.text("UPDATE contacts SET name_key = :name, company_key = :company WHERE id = :id")
    for start in range(0, len(rows), 5000):
        connection.execute(update, [{"id": row[0], "name": name_key(row[1]), "company": name_key(row[2])}
                                    for row in rows[start:start + 5000]])
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_name_key_company_key", ["name_key", "company_key"])
        batch_op.create_index("ix_contacts_name_key_country", ["name_key", "country"])


def downgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_name_key_country")
        batch_op.drop_index("ix_contacts_name_key_company_key")
        batch_op.drop_column("company_key")
        batch_op.drop_column("name_key")
