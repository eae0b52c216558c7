"""Rows written in bulk with Core, as fast as each database takes them."""

from typing import Any

from sqlalchemy import Connection, Table, func, insert, select

CHUNK = 5000


def bulk_insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Rows of the same keys in one executemany per chunk. On SQLite they go to the driver
    as tuples, each value converted by its column type's own bind processor: what
    SQLAlchemy does per row, without its per-row bookkeeping (a third of a 100,000-message
    import's time)."""
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        for start in range(0, len(rows), CHUNK):
            connection.execute(insert(table), rows[start:start + CHUNK])
        return
    names = list(rows[0])
    dialect = connection.dialect  # each column as this database stores it (times to text)
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]
    statement = (f"INSERT INTO {table.name} ({', '.join(names)}) "
                 f"VALUES ({', '.join('?' for _ in names)})")
    columns = [[row[name] for row in rows] for name in names]
    for index, process in enumerate(processors):
        column = columns[index]
        if process is None:
            continue
        if column.count(column[0]) == len(column):  # the batch's one import time: once
            columns[index] = [process(column[0])] * len(column)
        else:
            columns[index] = list(map(process, column))
    values = list(zip(*columns, strict=True))
    for start in range(0, len(values), CHUNK):
        connection.exec_driver_sql(statement, values[start:start + CHUNK])


def advance_id_sequences(connection: Connection, *tables: Table) -> None:
    """After rows were written with explicit ids, let the next insert continue after the
    highest one. PostgreSQL hands out ids from a sequence that explicit ids do not move
    (the next import would collide on the primary key); SQLite takes max(id) + 1 itself."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        sequence = func.pg_get_serial_sequence(table.name, "id")
        following = select(func.coalesce(func.max(table.c.id), 0) + 1).scalar_subquery()
        connection.execute(select(func.setval(sequence, following, False)))
