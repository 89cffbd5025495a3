#!/bin/bash
# Extraction throughput of kbexport on Arabic news text (issue 6): MB/s of article text with one core and with
# all cores, and the scaling from 1 to N cores.
#
#   bash Benchmarks/extract.sh [MB]          corpus size, default 8 (MB = 10^6 bytes of UTF-8 text)
#
# The corpus is the development corpus (../shared/dev-corpus/docs/*.txt) and seeds/*.txt, repeated with varied
# names: in each copy every Arabic person name of the gazetteer (Sources/KBFacts/Resources/gazetteer.tsv) that
# occurs is replaced by another one (rotating), and every 4-digit year is shifted, so that copies are not
# identical documents. Files of one to a few KB in directories of 500, like a crawl (.build-bench/extract/).
# Each timed run is `kbexport CORPUS --format jsonl -o OUT` under /usr/bin/time, pinned with taskset to core 0
# ("1 core") and to all cores, alternating, REPEAT times (default 3); medians are printed, with user+sys CPU
# and peak RSS. The two outputs must be byte-identical (extraction does not depend on the thread count) and
# non-empty; otherwise the script exits 1.
#   KBEXPORT=path   use this binary instead of building the release one (scratch .build-bench)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$root/.build-bench"
mb="${1:-8}"
repeat="${REPEAT:-3}"
shared="$root/../shared/dev-corpus/docs"
[ -x /usr/bin/time ] || { echo "extract.sh: needs GNU time (/usr/bin/time): apt-get install -y time" >&2; exit 2; }
command -v taskset >/dev/null || { echo "extract.sh: needs taskset (util-linux)" >&2; exit 2; }
[ -d "$shared" ] || { echo "extract.sh: no development corpus at $shared (../shared beside the project)" >&2; exit 2; }

if [ -n "${KBEXPORT:-}" ]; then
  bin="$KBEXPORT"
else
  echo "== building kbexport (release, scratch .build-bench)" >&2
  swift build -c release --product kbexport --package-path "$root" --scratch-path "$scratch" >&2
  bin="$scratch/release/kbexport"
fi
cores=$(nproc)
work="$scratch/extract"
corpus="$work/corpus-${mb}mb"
if [ ! -s "$corpus/.done" ]; then
  echo "== building a ${mb} MB corpus in $corpus" >&2
  rm -rf "$corpus"
  python3 - "$corpus" "$mb" "$shared" "$root/seeds" "$root/Sources/KBFacts/Resources/gazetteer.tsv" <<'PY'
import glob, os, re, sys
out, mb, shared, seeds, gazetteer = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(shared, "*.txt")))
         + sorted(glob.glob(os.path.join(seeds, "*.txt")))]
names = []
for line in open(gazetteer, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) > 4 and f[1] == "PERSON" and f[4] and not line.startswith("#"):
        names.append(f[4])
names = sorted(set(names), key=lambda s: (-len(s), s))          # longest first, deterministic
pattern = re.compile("|".join(re.escape(n) for n in names)) if names else None
years = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-4][0-9])(?![0-9])")
target, written, i = int(mb * 1e6), 0, 0
while written < target:
    text = texts[i % len(texts)]
    k = i // len(texts)
    if k and pattern is not None:   # copy 0 is the original; later copies rotate names and shift years
        text = pattern.sub(lambda m: names[(names.index(m.group(0)) + k) % len(names)], text)
        text = years.sub(lambda m: str(int(m.group(0)) - (k % 7)), text)
    d = os.path.join(out, "%04d" % (i // 500))
    os.makedirs(d, exist_ok=True)
    data = text.encode("utf-8")
    with open(os.path.join(d, "%06d.txt" % i), "wb") as f:
        f.write(data)
    written += len(data)
    i += 1
open(os.path.join(out, ".done"), "w").write("%d files, %d bytes, %d gazetteer person names rotated\n" % (i, written, len(names)))
PY
fi
bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
files=$(find "$corpus" -name '*.txt' | wc -l)
echo "Corpus: $files files, $bytes bytes ($(cat "$corpus/.done"))"
echo "Machine: $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), load average at start $(cut -d' ' -f1-3 /proc/loadavg); kbexport $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"

declare -A walls cpus rsss
run() {  # label cpulist
  local label="$1" cpus_="$2" out="$work/out-$1.jsonl" st
  set +e
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" taskset -c "$cpus_" "$bin" "$corpus" --format jsonl -o "$out" 2> "$work/stderr-$label.txt"
  st=$?
  set -e
  if [ "$st" -ne 0 ] && [ "$st" -ne 2 ]; then
    echo "extract.sh: kbexport exited $st ($label):" >&2; tail -n 5 "$work/stderr-$label.txt" >&2; exit 1
  fi
  read -r w u s m < <(tail -n 1 "$work/time.txt")
  walls[$label]+="$w "; cpus[$label]+="$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}') "; rsss[$label]+="$m "
  printf '  %-8s run: %6.2f s wall, %6.2f s user+sys, %5d MiB, exit %d\n' "$label" "$w" "$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')" "$((m / 1024))" "$st" >&2
}
all="0-$((cores - 1))"
for ((r = 1; r <= repeat; r++)); do
  run 1core 0
  run allcores "$all"
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
maxof() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -n 1; }
w1=$(echo "${walls[1core]}" | median); wn=$(echo "${walls[allcores]}" | median)
c1=$(echo "${cpus[1core]}" | median); cn=$(echo "${cpus[allcores]}" | median)
m1=$(echo "${rsss[1core]}" | maxof); mn=$(echo "${rsss[allcores]}" | maxof)
status=0
if ! cmp -s "$work/out-1core.jsonl" "$work/out-allcores.jsonl"; then echo "FAILED: 1-core and all-core outputs differ" >&2; status=1; fi
facts=$(grep -c '"record":"fact"' "$work/out-1core.jsonl" || true)
[ "${facts:-0}" -gt 0 ] || { echo "FAILED: no facts extracted" >&2; status=1; }
echo
echo "| extraction ($((bytes / 1000000)) MB, $files files, repeat $repeat) | median wall s | user+sys s | MB/s (wall) | MB/s per core of CPU time | peak RSS MiB |"
echo "|---|---|---|---|---|---|"
awk -v b="$bytes" -v w1="$w1" -v wn="$wn" -v c1="$c1" -v cn="$cn" -v m1="$m1" -v mn="$mn" -v n="$cores" 'BEGIN {
  printf "| 1 core (taskset -c 0) | %.2f | %.2f | %.2f | %.2f | %.0f |\n", w1, c1, b / 1e6 / w1, b / 1e6 / c1, m1 / 1024
  printf "| %d cores | %.2f | %.2f | %.2f | %.2f | %.0f |\n", n, wn, cn, b / 1e6 / wn, b / 1e6 / cn, mn / 1024
  printf "\nScaling 1 -> %d cores (wall): %.2fx. Facts extracted: %s. Outputs identical: %s.\n", n, w1 / wn, "'"$facts"'", "'"$([ $status = 0 ] && echo yes || echo NO)"'"
}'
[ "${KEEP:-0}" = 1 ] || rm -f "$work"/out-*.jsonl
exit "$status"
