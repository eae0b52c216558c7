"""Alembic environment: runs on the connection LeadDesk hands over, never from an ini file."""

from alembic import context

from leaddesk.db import models  # noqa: F401  (registers every table)
from leaddesk.db.base import Base
from leaddesk.db.search_index import include_object

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can only ALTER by copying the table
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
