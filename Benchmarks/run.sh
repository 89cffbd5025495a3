#!/bin/bash
# Export benchmark of issue 6: kbexport against the C floor (libxml2 xmlTextWriter) and the established tools
# (rapper, pyoxigraph, rdflib, igraph, networkx), same conversion, alternating runs, medians, checked outputs.
#
#   bash Benchmarks/run.sh [SIZE ...]        SIZE: 10k, 100k (default), 1m, or a number of relations
#
# Environment:
#   REPEAT=3        runs per tool and conversion (alternating A B C A B C ...)
#   SKIP=rdflib     comma-separated tools to leave out: kbexport, floor, rapper, pyoxigraph, rdflib, igraph,
#                   networkx (rdflib is skipped by default above 100k relations: it takes minutes and GiBs;
#                   SKIP_RDFLIB=1 skips it everywhere)
#   CONVS=...       comma-separated subset of nt-rdfxml,nt-graphml,jsonl-graphml,jsonl-rdfxml (default all)
#   MEMSWEEP=1      also run kbexport once on data sets that vary entities and facts apart and fit
#                   RSS = base + b*entities + c*facts (default 1 for sizes <= 100k, 0 above)
#   KBEXPORT=path   benchmark this binary instead of building one (default: release build, .build-bench)
#   KEEP=1          keep the outputs (under .build-bench/bench/<size>)
# Data is generated once and cached in .build-bench/data/<relations>[-e<entities>] (Benchmarks/generate.py).
# Results: the markdown tables on stdout, progress on stderr, JSON in .build-bench/bench/<size>/results.json
# (`python3 Benchmarks/harness.py --report .build-bench/bench/100k/results.json` prints them again).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$root/.build-bench"
repeat="${REPEAT:-3}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100k)

missing=()
[ -x /usr/bin/time ] || missing+=("GNU time (/usr/bin/time): apt-get install -y time")
command -v xmllint >/dev/null || missing+=("xmllint: apt-get install -y libxml2-utils")
command -v rapper >/dev/null || missing+=("rapper: apt-get install -y raptor2-utils")
command -v cc >/dev/null || missing+=("a C compiler: apt-get install -y gcc")
pkg-config --exists libxml-2.0 2>/dev/null || missing+=("libxml2 headers: apt-get install -y libxml2-dev pkg-config")
for m in pyoxigraph rdflib igraph networkx lxml; do
  python3 -c "import $m" 2>/dev/null || missing+=("python module $m: pip install $m (lxml: the networkx writer the issue names)")
done
if [ ${#missing[@]} -gt 0 ]; then
  printf 'run.sh: missing: %s\n' "${missing[@]}" >&2
  exit 2
fi

if [ -n "${KBEXPORT:-}" ]; then
  bin="$KBEXPORT"
else
  echo "== building kbexport (release, scratch .build-bench)" >&2
  swift build -c release --product kbexport --package-path "$root" --scratch-path "$scratch" >&2
  bin="$scratch/release/kbexport"
fi
[ -x "$bin" ] || { echo "run.sh: no kbexport binary at $bin" >&2; exit 2; }

echo "== compiling the C floor" >&2
mkdir -p "$scratch/floor"
# shellcheck disable=SC2046
cc -O2 -Wall -o "$scratch/floor/floor" "$root/Benchmarks/floor/floor.c" $(pkg-config --cflags --libs libxml-2.0)

relations() {  # 10k -> 10000, 1m -> 1000000
  local s="${1,,}"
  case "$s" in
    *k) echo $(( ${s%k} * 1000 )) ;;
    *m) echo $(( ${s%m} * 1000000 )) ;;
    *[!0-9]*|'') echo "run.sh: bad size '$1' (10k, 100k, 1m or a number)" >&2; exit 64 ;;
    *) echo "$s" ;;
  esac
}

data() {  # relations [entities] -> data dir (generated when missing)
  local n="$1" e="${2:-}" dir
  dir="$scratch/data/$n${e:+-e$e}"
  if [ ! -s "$dir/meta.json" ]; then
    echo "== generating $dir" >&2
    python3 "$root/Benchmarks/generate.py" --relations "$n" ${e:+--entities "$e"} "$dir" >&2
  fi
  echo "$dir"
}

echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Versions: kbexport $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo '+changes') ($("$bin" --version 2>/dev/null || echo '?')), $(swift --version 2>/dev/null | head -n 1 | sed 's/ (.*//'), $(rapper --version 2>/dev/null | sed 's/^/rapper /'), libxml2 $(pkg-config --modversion libxml-2.0), $(python3 -c 'import sys, rdflib, pyoxigraph, networkx, igraph, lxml; print("Python %d.%d.%d, rdflib %s, pyoxigraph %s, networkx %s, igraph %s, lxml %s" % (sys.version_info[:3] + (rdflib.__version__, pyoxigraph.__version__, networkx.__version__, igraph.__version__, lxml.__version__)))')"
echo
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
status=0
for size in "${sizes[@]}"; do
  n=$(relations "$size")
  dir=$(data "$n")
  skip="${SKIP:-}"
  if [ "${SKIP_RDFLIB:-0}" = 1 ] || [ "$n" -gt 100000 ]; then skip="${skip:+$skip,}rdflib"; fi
  sweep=()
  if [ "${MEMSWEEP:-$([ "$n" -le 100000 ] && echo 1 || echo 0)}" = 1 ]; then
    # entities and facts varied apart: (n, n/5) is the main set; (n, n/20) fewer entities; (n/4, n/5) fewer facts
    sweep=("$dir" "$(data "$n" $((n / 20)))" "$(data $((n / 4)) $((n / 5)))")
  fi
  work="$scratch/bench/$size"
  mkdir -p "$work"
  echo "== $size: $n relations, data $dir" >&2
  python3 "$root/Benchmarks/harness.py" --kbexport "$bin" --floor "$scratch/floor/floor" --data "$dir" \
    --work "$work" --size "$size" --repeat "$repeat" --skip "$skip" --convs "${CONVS:-}" --json "$work/results.json" \
    ${sweep[@]:+--sweep "${sweep[@]}"} || status=1
  echo
done
if [ "$status" -ne 0 ]; then echo "run.sh: at least one check FAILED" >&2; fi
exit "$status"
