"""The throw-away PostgreSQL server really runs and gives each test its own database."""

from sqlalchemy import create_engine, text


def test_each_test_gets_an_empty_postgres_database(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        version = connection.scalar(text("SHOW server_version"))
        tables = connection.scalar(
            text("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
    engine.dispose()
    assert str(version).split(".")[0].isdigit()
    assert tables == 0
