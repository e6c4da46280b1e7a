def run_on_postgresql(statements):
    """A RunPython function executing these SQL statements on PostgreSQL, and nothing on other
    databases (SQLite in development has neither text search configurations nor GIN indexes)."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run
