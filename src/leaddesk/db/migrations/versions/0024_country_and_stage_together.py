"""contacts indexed by country and stage together (country alone is its prefix): the
filters country:DE stage:won read the contacts who are both

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-02 18:50:00
"""

from collections.abc import Sequence

from alembic import op

from leaddesk.db.engine import analyze_sqlite

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_contacts_country", table_name="contacts")
    op.create_index("ix_contacts_country_stage", "contacts", ["country", "stage"], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":  # a new index without statistics looks selective
        analyze_sqlite(bind)
    else:
        op.execute("ANALYZE contacts")


def downgrade() -> None:
    op.drop_index("ix_contacts_country_stage", table_name="contacts")
    op.create_index("ix_contacts_country", "contacts", ["country"], unique=False)
