#!/usr/bin/env bash
# A PostgreSQL streaming replica of the local server, for development and CI (docs/deployment.md):
# pg_basebackup -R from 127.0.0.1:5432 into a data directory of its own, started with pg_ctl on 127.0.0.1:5433.
#
#   deploy/replica/create-replica.sh [create|stop|remove|status] [DATA_DIR]
#
# create (the default) is idempotent: a replica already answering on the port is reused, a stopped one is
# started, one that can no longer catch up (its WAL was recycled on the primary) is made again. It allows
# replication connections from 127.0.0.1 for postgres in the primary's pg_hba.conf (trust, the same as the
# development and CI machines' other connections) and reloads the primary if they were refused.
# stop stops the replica and keeps its data directory; remove stops it and deletes the directory.
# Run it as root or as postgres (the server's files belong to postgres). Environment: PRIMARY_HOST (127.0.0.1),
# PRIMARY_PORT (5432), REPLICA_PORT (5433), REPLICA_DATA (/var/lib/postgresql/canbo-replica).
# Not for production as it is: there, use your distribution's cluster tooling, a replication user with a
# password, a replication slot with max_slot_wal_keep_size, and a service that starts with the machine.
set -euo pipefail

ACTION="${1:-create}"
DATA="${2:-${REPLICA_DATA:-/var/lib/postgresql/canbo-replica}}"
PRIMARY_HOST="${PRIMARY_HOST:-127.0.0.1}"
PRIMARY_PORT="${PRIMARY_PORT:-5432}"
REPLICA_PORT="${REPLICA_PORT:-5433}"
LOG="$DATA/replica.log"
HBA_LINE="host replication postgres 127.0.0.1/32 trust"

say() { echo "replica: $*"; }
die() {
  echo "replica: $*" >&2
  exit 1
}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    sudo -u postgres -- "$@"
  fi
}

any_psql() {
  command -v psql || ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1
}

PSQL="$(any_psql)"
[ -n "$PSQL" ] || die "psql not found: install PostgreSQL first"

primary_sql() { "$PSQL" -X -w -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -Atqc "$1"; }
replica_sql() { "$PSQL" -X -w -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -Atqc "$1" 2>/dev/null; }

# The binaries of the primary's major version (the replica must run the same one).
server_bin() {
  local num major
  num="$(primary_sql "SHOW server_version_num")" || die "no PostgreSQL answers on $PRIMARY_HOST:$PRIMARY_PORT"
  major=$((num / 10000))
  for dir in "/usr/lib/postgresql/$major/bin" "/usr/pgsql-$major/bin" "$(pg_config --bindir 2>/dev/null || true)"; do
    if [ -x "$dir/pg_basebackup" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return
    fi
  done
  die "pg_basebackup, pg_ctl and postgres of PostgreSQL $major not found under /usr/lib/postgresql/$major/bin"
}

# The binaries that run the replica's data directory (stop and remove work while the primary is down).
data_bin() {
  local major
  major="$(cat "$DATA/PG_VERSION" 2>/dev/null || true)"
  if [ -n "$major" ] && [ -x "/usr/lib/postgresql/$major/bin/pg_ctl" ]; then
    echo "/usr/lib/postgresql/$major/bin"
  elif [ -n "$major" ] && [ -x "/usr/pgsql-$major/bin/pg_ctl" ]; then
    echo "/usr/pgsql-$major/bin"
  else
    dirname "$(command -v pg_ctl || echo /usr/bin/pg_ctl)"
  fi
}

replication_allowed() {
  "$PSQL" -X -w "host=$PRIMARY_HOST port=$PRIMARY_PORT user=postgres dbname=postgres replication=true" \
    -Atqc "IDENTIFY_SYSTEM" >/dev/null 2>&1
}

ensure_replication_allowed() {
  local level senders hba
  level="$(primary_sql "SHOW wal_level")"
  senders="$(primary_sql "SHOW max_wal_senders")"
  if [ "$level" = minimal ] || [ "$senders" -lt 1 ]; then
    die "the primary has wal_level=$level, max_wal_senders=$senders: set wal_level=replica (the default) and max_wal_senders >= 2, then restart it"
  fi
  replication_allowed && return
  hba="$(primary_sql "SHOW hba_file")"
  say "allowing replication connections from 127.0.0.1 in $hba"
  if ! grep -qxF "$HBA_LINE" "$hba"; then
    # First line: Debian's default file has a scram-sha-256 replication line further down that would match first.
    if [ "$(id -u)" -eq 0 ]; then
      sed -i "1i $HBA_LINE" "$hba"
    else
      as_postgres sed -i "1i $HBA_LINE" "$hba"
    fi
  fi
  primary_sql "SELECT pg_reload_conf()" >/dev/null
  for _ in $(seq 10); do
    replication_allowed && return
    sleep 0.5
  done
  die "the primary still refuses replication connections from 127.0.0.1 (see $hba)"
}

remove_dir() {
  if [ "$(id -u)" -eq 0 ]; then
    rm -rf "$DATA"
  else
    as_postgres rm -rf "$DATA"
  fi
}

is_replica_dir() { [ -f "$DATA/PG_VERSION" ] && [ -f "$DATA/standby.signal" ]; }

write_config() {
  local settings
  # A hot standby needs these at least as high as on the primary, or it refuses to start.
  settings="$(primary_sql "SELECT string_agg(name || ' = ''' || setting || '''', E'\n' ORDER BY name)
    FROM pg_settings WHERE name IN ('max_connections', 'max_prepared_transactions', 'max_locks_per_transaction',
    'max_wal_senders', 'max_worker_processes', 'shared_preload_libraries')")"
  as_postgres tee "$DATA/postgresql.conf" >/dev/null <<CONF
# Written by deploy/replica/create-replica.sh: a hot standby of $PRIMARY_HOST:$PRIMARY_PORT
# (primary_conninfo is in postgresql.auto.conf, written by pg_basebackup -R).
cluster_name = 'canbo-replica'
listen_addresses = '127.0.0.1'
port = $REPLICA_PORT
unix_socket_directories = '$DATA'
hot_standby = on
# Long report queries are not cancelled by the primary's vacuum (the primary keeps the rows they read).
hot_standby_feedback = on
jit = off
$settings
CONF
  as_postgres tee "$DATA/pg_hba.conf" >/dev/null <<'CONF'
# Written by deploy/replica/create-replica.sh: loopback only, trust (development and CI).
local all all trust
host all all 127.0.0.1/32 trust
host all all ::1/128 trust
CONF
  as_postgres touch "$DATA/pg_ident.conf"
}

base_backup() {
  local bin="$1"
  if [ "$(id -u)" -eq 0 ]; then
    install -d -o postgres -g "$(id -gn postgres)" -m 700 "$DATA"
  else
    as_postgres install -d -m 700 "$DATA"
  fi
  say "pg_basebackup from $PRIMARY_HOST:$PRIMARY_PORT into $DATA"
  as_postgres "$bin/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$DATA" \
    -R -X stream -c fast
  write_config
}

start() {
  local bin="$1"
  as_postgres "$bin/pg_ctl" -D "$DATA" -l "$LOG" -o "-p $REPLICA_PORT" -w -t 120 start >/dev/null
}

# True once the replica streams from the primary; false if it cannot (WAL gone) or after 30 s.
wait_streaming() {
  for _ in $(seq 60); do
    [ "$(replica_sql "SELECT status FROM pg_stat_wal_receiver")" = streaming ] && return 0
    grep -q "has already been removed" "$LOG" 2>/dev/null && return 1
    sleep 0.5
  done
  return 1
}

stop() {
  local bin="$1"
  if [ -f "$DATA/postmaster.pid" ]; then
    as_postgres "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || true
    say "stopped ($DATA)"
  else
    say "not running ($DATA)"
  fi
}

create() {
  local bin="$1" recovery
  recovery="$(replica_sql "SELECT pg_is_in_recovery()" || true)"
  if [ "$recovery" = t ]; then
    wait_streaming || die "a replica answers on 127.0.0.1:$REPLICA_PORT but does not stream from the primary"
    say "reusing the replica that answers on 127.0.0.1:$REPLICA_PORT"
    return
  fi
  [ -z "$recovery" ] || die "a server that is not a replica answers on 127.0.0.1:$REPLICA_PORT"
  ensure_replication_allowed
  if is_replica_dir; then
    say "starting the existing replica in $DATA"
    if start "$bin" && wait_streaming; then
      say "streaming from $PRIMARY_HOST:$PRIMARY_PORT on 127.0.0.1:$REPLICA_PORT"
      return
    fi
    say "it cannot catch up: making it again"
    stop "$bin"
    remove_dir
  elif [ -e "$DATA" ] && [ -n "$(ls -A "$DATA" 2>/dev/null)" ]; then
    die "$DATA exists and is not a replica's data directory: choose another directory"
  fi
  base_backup "$bin"
  start "$bin" || die "the replica did not start; see $LOG"
  wait_streaming || die "the replica does not stream from the primary; see $LOG"
  say "streaming from $PRIMARY_HOST:$PRIMARY_PORT on 127.0.0.1:$REPLICA_PORT"
  say "DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:$REPLICA_PORT/<the primary's database name>"
}

status() {
  say "on 127.0.0.1:$REPLICA_PORT: $(replica_sql "SELECT 'in recovery: ' || pg_is_in_recovery() || ', receiver: '
    || coalesce((SELECT status FROM pg_stat_wal_receiver), 'none') || ', last transaction replayed '
    || coalesce(date_trunc('second', now() - pg_last_xact_replay_timestamp())::text || ' ago', 'none yet')" || echo "not answering on $REPLICA_PORT")"
  say "the primary $PRIMARY_HOST:$PRIMARY_PORT: $(primary_sql "SELECT coalesce(string_agg(client_addr || ' ' || state || ' replay_lag='
    || coalesce(replay_lag::text, '0'), '; '), 'no replica connected') FROM pg_stat_replication")"
}

case "$ACTION" in
  create | start)
    BIN="$(server_bin)" # an assignment: set -e stops here if the primary does not answer
    create "$BIN"
    ;;
  stop) stop "$(data_bin)" ;;
  remove)
    stop "$(data_bin)"
    if is_replica_dir; then
      remove_dir
      say "removed $DATA (the replication line in the primary's pg_hba.conf stays)"
    elif [ -e "$DATA" ]; then
      die "$DATA is not a replica's data directory: not removing it"
    fi
    ;;
  status) status ;;
  *) die "usage: $0 [create|stop|remove|status] [DATA_DIR]" ;;
esac
