#!/usr/bin/env python3
"""Back up the site's PostgreSQL database and prove that the backup restores.

    scripts/backup_restore_check.py BACKUP_FILE

Connects with DATABASE_URL (as the site does) or, when it is unset, libpq's PG* variables.
Writes a pg_dump archive (custom format, for pg_restore) of one consistent snapshot to
BACKUP_FILE, restores it into a scratch database next to the original, compares the row count
and a checksum of every table with that snapshot, then drops the scratch database. Exits 0 only
when every table matches. pg_dump and pg_restore are the first on PATH: their version must be
the server's or newer.

Restoring for real (docs/operations.md):
    pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" BACKUP_FILE
"""

import os
import subprocess
import sys
from contextlib import closing

import psycopg2
from psycopg2 import sql
from psycopg2.extensions import ISOLATION_LEVEL_REPEATABLE_READ, parse_dsn

# libpq's environment variables for the parts of a DATABASE_URL.
LIBPQ_VARIABLES = {
    "host": "PGHOST",
    "port": "PGPORT",
    "user": "PGUSER",
    "password": "PGPASSWORD",
    "dbname": "PGDATABASE",
    "sslmode": "PGSSLMODE",
}
TABLES = """
    SELECT table_schema, table_name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY table_schema, table_name
"""
# One md5 per row, sorted, so that the checksum ignores the physical order of the rows.
TABLE_CHECKSUM = """
    SELECT count(*), md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), ''))
    FROM {} AS t
"""


def main(backup_file):
    # Through the environment, so that no password shows on pg_dump's command line.
    os.environ.update(libpq_environment(os.environ.get("DATABASE_URL", "")))
    backed_up = back_up(backup_file)
    restored = restore_into_scratch_database(backup_file)
    mismatches = sorted(
        table
        for table in backed_up.keys() | restored.keys()
        if backed_up.get(table) != restored.get(table)
    )
    for table in mismatches:
        print(f"MISMATCH {table}: backed up {backed_up.get(table)}, restored {restored.get(table)}")
    rows = sum(count for count, _ in backed_up.values())
    verdict = "FAILED" if mismatches else "OK"
    print(f"{verdict}: {len(backed_up)} tables, {rows} rows backed up to {backup_file}")
    return 1 if mismatches else 0


def libpq_environment(database_url):
    parts = parse_dsn(database_url)
    return {variable: parts[key] for key, variable in LIBPQ_VARIABLES.items() if key in parts}


def back_up(backup_file):
    """Dump one snapshot of the database to backup_file; {table: (rows, checksum)} of it."""
    with closing(psycopg2.connect("")) as connection, connection.cursor() as cursor:
        connection.set_session(isolation_level=ISOLATION_LEVEL_REPEATABLE_READ, readonly=True)
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        dump = ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={backup_file}"]
        subprocess.run(dump, check=True)
        return table_checksums(cursor)


def restore_into_scratch_database(backup_file):
    """Restore backup_file into a new database; {table: (rows, checksum)} of it."""
    scratch_name = f"{database_name()}_restore_check"
    create_database(scratch_name)
    try:
        restore = ["pg_restore", "--exit-on-error", "--no-owner", f"--dbname={scratch_name}"]
        subprocess.run([*restore, backup_file], check=True)
        with closing(psycopg2.connect("", dbname=scratch_name)) as connection:
            return table_checksums(connection.cursor())
    finally:
        drop_database(scratch_name)


def table_checksums(cursor):
    cursor.execute(TABLES)
    checksums = {}
    for schema, table in cursor.fetchall():
        cursor.execute(sql.SQL(TABLE_CHECKSUM).format(sql.Identifier(schema, table)))
        checksums[f"{schema}.{table}"] = cursor.fetchone()
    return checksums


def database_name():
    with closing(psycopg2.connect("")) as connection:
        return connection.info.dbname


def create_database(name):
    drop_database(name)
    execute_in_autocommit(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(name):
    execute_in_autocommit(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


def execute_in_autocommit(statement):
    """CREATE and DROP DATABASE cannot run inside a transaction."""
    with closing(psycopg2.connect("")) as connection:
        connection.autocommit = True
        connection.cursor().execute(statement)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
