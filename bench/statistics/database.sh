# Sourced by the statistics benches: the database they run on, chosen by BENCH_DB (sqlite, the default, or postgres: a
# throw-away server from .ci/postgres.sh, which the caller has sourced and stops in its cleanup). Sets DB_KIND, exports
# the platform's database settings, and defines `sql STATEMENTS`, which runs SQL in that database and prints the rows,
# and `columns_of TABLE`, a table's columns as "name type" lines.
#
#   use_database DATABASE_NAME SQLITE_FILE
use_database() {
  DB_KIND="${BENCH_DB:-sqlite}"
  case "$DB_KIND" in
    sqlite) BENCH_SQLITE_FILE="$2"; sql() { sqlite3 "$BENCH_SQLITE_FILE" "$1"; } ;;
    postgres)
      pg_start >&2
      "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U tongban -At -d postgres -c "CREATE DATABASE $1" >/dev/null
      export Database__Provider=Postgres "Database__ConnectionString=Host=127.0.0.1;Port=$PG_PORT;Username=tongban;Database=$1"
      BENCH_PG_DATABASE="$1"
      sql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U tongban -At -q -v ON_ERROR_STOP=1 -d "$BENCH_PG_DATABASE" -c "$1"; } ;;
    *) echo "ERROR: BENCH_DB is sqlite or postgres, not $DB_KIND" >&2; exit 1 ;;
  esac
}

# A table's columns, one "name type" line each (the type in lower case), in either database.
columns_of() {
  if [ "$DB_KIND" = sqlite ]; then sql "SELECT name || ' ' || lower(type) FROM pragma_table_info('$1')"
  else sql "SELECT column_name || ' ' || data_type FROM information_schema.columns WHERE table_name = '$1' ORDER BY ordinal_position"; fi
}
