#!/usr/bin/env bash
# A throw-away Virtuoso (Debian virtuoso-opensource 7) on loopback, for tests and for trying the RDF/XML
# export in a real triple store. See ../shared/notes/rdfxml-triple-stores.md §6.
#
# Usage:
#   Scripts/virtuoso.sh start DIR                 new database in DIR (created; must not hold one), listening on
#                                                 127.0.0.1 only, on two free high ports; waits (60 s at most) until
#                                                 it answers. Prints "isql=PORT http=PORT pid=PID".
#   Scripts/virtuoso.sh load DIR FILE GRAPH       bulk-loads FILE (RDF/XML, .rdf) into GRAPH with ld_dir +
#                                                 rdf_loader_run + checkpoint; fails on a load error. Prints
#                                                 "loaded FILE into GRAPH: N triples in S.SSS s".
#   Scripts/virtuoso.sh sparql DIR QUERY [ACCEPT] runs a SPARQL query over HTTP (curl to 127.0.0.1); prints the
#                                                 result (default Accept: text/csv).
#   Scripts/virtuoso.sh isql DIR SQL              runs SQL through isql-vt.
#   Scripts/virtuoso.sh stop DIR                  stops the server by its PID (SIGTERM, then SIGKILL after 20 s).
# Needs: virtuoso-t and isql-vt (apt-get install virtuoso-opensource), curl, python3 (to find free ports).
# The default dba/dba account of a fresh database is used; the server never listens beyond 127.0.0.1.
set -euo pipefail

die() { echo "virtuoso.sh: $*" >&2; exit 1; }
[ $# -ge 2 ] || { sed -n '5,17p' "$0" >&2; exit 2; }
cmd=$1; dir=$2
INI_TEMPLATE=/etc/virtuoso-opensource-7/virtuoso.ini

isql() { isql-vt "127.0.0.1:$(cat "$dir/isql.port")" dba dba "$@"; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case $cmd in
start)
  command -v virtuoso-t >/dev/null || die "virtuoso-t not found (apt-get install virtuoso-opensource)"
  command -v isql-vt >/dev/null || die "isql-vt not found (apt-get install virtuoso-opensource)"
  [ -r "$INI_TEMPLATE" ] || die "$INI_TEMPLATE not found"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ ! -e "$dir/db/virtuoso.db" ] || die "$dir already holds a database"
  mkdir -p "$dir/db" "$dir/load"
  isql_port=$(free_port); http_port=$(free_port)
  while [ "$http_port" = "$isql_port" ]; do http_port=$(free_port); done
  sed -e "s|/var/lib/virtuoso-opensource-7/db/|$dir/db/|g" \
      -e "s|^ServerPort *= *1111|ServerPort = 127.0.0.1:$isql_port|" \
      -e "s|^ServerPort *= *8890|ServerPort = 127.0.0.1:$http_port|" \
      -e "s|^DirsAllowed *=.*|DirsAllowed = ., $dir/load, /usr/share/virtuoso-opensource-7/vad|" \
      -e "s|^DefaultHost *=.*|DefaultHost = 127.0.0.1:$http_port|" \
      -e "s|^ServerName = virtuoso|;ServerName = virtuoso|" \
      "$INI_TEMPLATE" > "$dir/virtuoso.ini"
  echo "$isql_port" > "$dir/isql.port"; echo "$http_port" > "$dir/http.port"
  # The server must not inherit the caller's descriptors beyond 0-2 (a pipe or socket kept open by it makes
  # callers such as Foundation's Process wait for it to exit).
  (
    cd "$dir"
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec virtuoso-t -f -c "$dir/virtuoso.ini" < /dev/null > "$dir/stdout.log" 2>&1
  ) &
  echo $! > "$dir/pid"
  for _ in $(seq 1 120); do
    if isql exec="select 1;" >/dev/null 2>&1; then
      # the HTTP listener comes up with the server; wait for it too
      for _ in $(seq 1 40); do
        curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$http_port/sparql?query=ASK%7B%7D" && break
        sleep 0.25
      done
      echo "isql=$isql_port http=$http_port pid=$(cat "$dir/pid")"
      exit 0
    fi
    kill -0 "$(cat "$dir/pid")" 2>/dev/null || { tail -5 "$dir/stdout.log" >&2; die "virtuoso-t exited during start-up"; }
    sleep 0.5
  done
  kill "$(cat "$dir/pid")" 2>/dev/null || true
  die "virtuoso-t did not answer within 60 s (see $dir/stdout.log)"
  ;;
load)
  [ $# -eq 4 ] || die "usage: load DIR FILE GRAPH"
  file=$3; graph=$4
  [ -r "$file" ] || die "cannot read $file"
  dir=$(cd "$dir" && pwd)
  name=$(basename "$file")
  cp "$file" "$dir/load/$name"
  start=$(date +%s.%N)
  out=$(isql exec="ld_dir('$dir/load', '$name', '$graph'); rdf_loader_run(); checkpoint;
    SELECT ll_state, ll_error FROM DB.DBA.load_list WHERE ll_file = '$dir/load/$name';" 2>&1) \
    || die "load failed: $out"
  end=$(date +%s.%N)
  echo "$out" | grep -qE "^2 +NULL" || die "load of $name failed: $(echo "$out" | grep -vE '^(Connected|Driver|OpenLink|Type|SQL>|$)' | head -5)"
  count=$(isql exec="SPARQL SELECT COUNT(*) FROM <$graph> WHERE { ?s ?p ?o };" 2>&1 | grep -E '^[0-9]+ *$' | head -1 | tr -d ' ')
  echo "loaded $name into $graph: ${count:-?} triples in $(python3 -c "print(f'{$end-$start:.3f}')") s"
  ;;
sparql)
  [ $# -ge 3 ] || die "usage: sparql DIR QUERY [ACCEPT]"
  curl -sS --fail --max-time 30 -G --data-urlencode "query=$3" -H "Accept: ${4:-text/csv}" \
    "http://127.0.0.1:$(cat "$dir/http.port")/sparql"
  ;;
isql)
  [ $# -eq 3 ] || die "usage: isql DIR SQL"
  isql exec="$3"
  ;;
stop)
  [ -f "$dir/pid" ] || die "no pid file in $dir"
  pid=$(cat "$dir/pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$dir/pid"
  ;;
*)
  die "unknown command $cmd (start, load, sparql, isql, stop)"
  ;;
esac
