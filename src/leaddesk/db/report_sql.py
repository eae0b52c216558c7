"""SQL expressions the reports need, written once for each database: a moment as UTC
minute text, the minutes between two moments, and the values of a group joined with "; ".

They let one statement hand back plain text and numbers, so a 100,000-row report needs
no date parsing in Python."""

from typing import Any

from sqlalchemy import Float, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class utc_minute(FunctionElement[str]):
    """`YYYY-MM-DD HH:MM` in UTC: sorts as time does, and Excel reads it as a date."""

    type = String()
    inherit_cache = True
    name = "utc_minute"


class minutes_between(FunctionElement[float]):
    """(end - start) in minutes, one decimal."""

    type = Float()
    inherit_cache = True
    name = "minutes_between"


class joined(FunctionElement[str]):
    """The group's non-null values in the order of a second expression, joined by "; "."""

    type = String()
    inherit_cache = True
    name = "joined"


def _arguments(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> list[str]:
    return [compiler.process(clause, **kw) for clause in element.clauses]


@compiles(utc_minute, "sqlite")
def _utc_minute_sqlite(element: utc_minute, compiler: SQLCompiler, **kw: Any) -> str:
    (moment,) = _arguments(element, compiler, **kw)
    return f"substr({moment}, 1, 16)"  # stored as 'YYYY-MM-DD HH:MM:SS.ffffff', in UTC


@compiles(utc_minute, "postgresql")
def _utc_minute_postgresql(element: utc_minute, compiler: SQLCompiler, **kw: Any) -> str:
    (moment,) = _arguments(element, compiler, **kw)
    return f"to_char({moment} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')"


@compiles(minutes_between, "sqlite")
def _minutes_sqlite(element: minutes_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = _arguments(element, compiler, **kw)
    return f"round((julianday({end}) - julianday({start})) * 1440, 1)"


@compiles(minutes_between, "postgresql")
def _minutes_postgresql(element: minutes_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = _arguments(element, compiler, **kw)
    return (f"CAST(round(CAST(EXTRACT(EPOCH FROM ({end} - {start})) / 60 AS numeric), 1)"
            " AS DOUBLE PRECISION)")


@compiles(joined, "sqlite")
def _joined_sqlite(element: joined, compiler: SQLCompiler, **kw: Any) -> str:
    value, _ = _arguments(element, compiler, **kw)  # a grouped index scan keeps rowid order
    return f"group_concat({value}, '; ')"


@compiles(joined, "postgresql")
def _joined_postgresql(element: joined, compiler: SQLCompiler, **kw: Any) -> str:
    value, order = _arguments(element, compiler, **kw)
    return f"string_agg({value}, '; ' ORDER BY {order})"
