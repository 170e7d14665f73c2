#!/usr/bin/env bash
# Postgres and Redis for the queue-mode suite: on 127.0.0.1 only, in a throwaway folder, installed from
# Debian packages when missing (CI runs as root with apt). Recipe: a measured local queue-mode setup
# (initdb + pg_ctl, redis-server --save ""), no Docker.
# Usage: e2e/queue/services.sh start <folder> | stop <folder>
# Ports: QUEUE_PG_PORT (55432), QUEUE_REDIS_PORT (56379). Database and user: n8n, no password (trust).
set -euo pipefail
ACTION=${1:?start or stop}
DIR=${2:?folder}
PG_PORT=${QUEUE_PG_PORT:-55432}
REDIS_PORT=${QUEUE_REDIS_PORT:-56379}
log() { echo "[queue-services] $*" >&2; }

pg_bin_dir() { # the newest installed PostgreSQL's bin folder (Debian keeps them out of PATH)
	local dir
	# The server's folder: the client package alone creates bin/ too, with psql but no initdb.
	dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | while read -r d; do [ -x "$d/initdb" ] && echo "$d"; done | tail -1)
	if [ -z "$dir" ] && command -v initdb >/dev/null; then dir=$(dirname "$(readlink -f "$(command -v initdb)")"); fi
	echo "$dir"
}

ensure_installed() {
	local missing=()
	[ -n "$(pg_bin_dir)" ] || missing+=(postgresql)
	command -v redis-server >/dev/null || missing+=(redis-server)
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
		log "missing ${missing[*]}: install them (Debian/Ubuntu: apt-get install ${missing[*]}) or run as root with apt"
		exit 1
	fi
	log "installing ${missing[*]} from Debian packages"
	local start=$(date +%s)
	apt-get update -qq >&2
	# The packages' own services are not needed (policy-rc.d may forbid starting them anyway).
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
	log "apt-get took $(($(date +%s) - start)) s"
}

# Postgres refuses to run as root: as root, its files belong to the postgres user (created by the package).
as_pg_user() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The first port from $1 on that nothing listens on: a server left over from an earlier run (seen once on
# a shared machine) must not fail this one. run.sh passes the ports chosen to the suite.
free_port() {
	local port=$1
	while port_busy "$port"; do port=$((port + 1)); done
	echo "$port"
}

start() {
	ensure_installed
	PG_PORT=$(free_port "$PG_PORT")
	REDIS_PORT=$(free_port "$REDIS_PORT")
	local bin
	bin=$(pg_bin_dir)
	mkdir -p "$DIR/pg" "$DIR/redis"
	if [ "$(id -u)" = 0 ]; then chmod a+rx "$DIR" && chown postgres "$DIR/pg" && chmod 700 "$DIR/pg"; fi
	as_pg_user "$bin/initdb" -D "$DIR/pg/data" -U n8n --auth=trust -E UTF8 --no-locale >"$DIR/pg/initdb.log" 2>&1 ||
		{ cat "$DIR/pg/initdb.log" >&2; exit 1; }
	# fsync off: a throwaway database; the socket goes into the data folder, not /var/run.
	as_pg_user "$bin/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/postgres.log" -w -t 60 \
		-o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $DIR/pg/data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
		start >&2 || { cat "$DIR/pg/postgres.log" >&2; exit 1; }
	"$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U n8n n8n
	redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
		--dir "$DIR/redis" --pidfile "$DIR/redis/redis.pid" --logfile "$DIR/redis/redis.log"
	for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.2; done
	redis-cli -p "$REDIS_PORT" ping | grep -q PONG || { log "redis did not answer on $REDIS_PORT"; exit 1; }
	echo "PSQL=$bin/psql"
	echo "QUEUE_PG_PORT=$PG_PORT"
	echo "QUEUE_REDIS_PORT=$REDIS_PORT"
	log "postgres on 127.0.0.1:$PG_PORT, redis on 127.0.0.1:$REDIS_PORT (data in $DIR)"
}

stop() {
	local bin
	bin=$(pg_bin_dir)
	if [ -f "$DIR/pg/data/postmaster.pid" ] && [ -n "$bin" ]; then
		as_pg_user "$bin/pg_ctl" -D "$DIR/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	if [ -f "$DIR/redis/redis.pid" ]; then
		kill "$(cat "$DIR/redis/redis.pid")" 2>/dev/null || true
	fi
	rm -rf "$DIR"
}

case $ACTION in
start) start ;;
stop) stop ;;
*) log "unknown action $ACTION"; exit 2 ;;
esac
