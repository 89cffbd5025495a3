#!/bin/bash
# Scale benchmark for issue 5: a million tiny input files, and one 50 MB input on a single line.
# Prints wall time, throughput and peak memory (max RSS) of a release build of kbexport for each, and checks that
# the output is well-formed XML.
#
#   bash Benchmarks/many-files.sh [FILES] [BIG_MB]      defaults: 1000000 files, 50 MB
#   KEEP=1 keeps the generated inputs (in $WORK, default .build-bench/work)
#
# Needs python3 and GNU time (/usr/bin/time); xmllint is used when present. The million-file set takes about
# 4 GB of inodes/blocks on ext4 and several minutes to create.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
files="${1:-1000000}"
big_mb="${2:-50}"
work="${WORK:-$root/.build-bench/work}"
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 1; }

echo "== building kbexport (release)"
swift build -c release --product kbexport --package-path "$root" --scratch-path "$root/.build-bench" 2>&1 | tail -n 1
bin="$root/.build-bench/release/kbexport"
rm -rf "$work"; mkdir -p "$work"

measure() {  # label, output file, kbexport arguments...
  local label="$1" out="$2"; shift 2
  local stats status
  set +e
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$bin" "$@" -o "$out" 2> "$work/stderr.txt"
  status=$?
  set -e
  stats=$(tail -n 1 "$work/time.txt")
  local secs=${stats%% *} rss=${stats##* }
  local size; size=$(stat -c %s "$out" 2>/dev/null || echo 0)
  local wf="not checked"
  if command -v xmllint >/dev/null; then
    if xmllint --stream --noout "$out" 2>/dev/null; then wf="well-formed"; else wf="NOT WELL-FORMED"; fi
  fi
  printf '%-28s exit %s, %8.1f s, max RSS %6d MB, output %6d KB (%s)\n' "$label" "$status" "$secs" "$((rss / 1024))" "$((size / 1024))" "$wf"
  if [ "$status" -ne 0 ]; then tail -n 5 "$work/stderr.txt" | sed 's/^/    /'; fi
  echo "$secs" > "$work/last-seconds"
}

echo "== generating $files tiny files (1000 per directory)"
python3 - "$work/tiny" "$files" <<'PY'
import os, sys
out, n = sys.argv[1], int(sys.argv[2])
places = ["نيامي", "طرابلس", "بنغازي", "القاهرة", "تونس", "الجزائر", "الرباط", "الخرطوم"]
people = ["المشير خليفة حفتر", "الرئيس محمد يوسفو", "وزير الخارجية", "رئيس الحكومة"]
for i in range(n):
    d = os.path.join(out, "%04d" % (i // 1000))
    if i % 1000 == 0: os.makedirs(d, exist_ok=True)
    text = "وصل %s إلى %s يوم %d أغسطس 2018.\n" % (people[i % 4], places[(i // 4) % 8], i % 28 + 1)
    with open(os.path.join(d, "%07d.txt" % i), "w", encoding="utf-8") as f: f.write(text)
PY
du -sh "$work/tiny" | sed 's/^/   on disk: /'
measure "$files tiny files (graphml)" "$work/tiny.graphml" "$work/tiny" --format graphml
secs=$(cat "$work/last-seconds")
python3 -c "import sys; s=float(sys.argv[1]); print('   %.0f files/s' % (int(sys.argv[2]) / s if s > 0 else 0))" "$secs" "$files"
[ "${KEEP:-0}" = 1 ] || rm -rf "$work/tiny"

echo "== generating one ${big_mb} MB file on a single line"
python3 - "$work/big.txt" "$big_mb" "$root/seeds" <<'PY'
import sys, glob, os
out, mb, seeds = sys.argv[1], int(sys.argv[2]), sys.argv[3]
text = " ".join(open(p, encoding="utf-8").read().replace("\n", " ") for p in sorted(glob.glob(os.path.join(seeds, "*.txt"))))
data = (text + " ").encode()
target = mb * 1024 * 1024
with open(out, "wb") as f:
    written = 0
    while written + len(data) <= target:
        f.write(data); written += len(data)
    f.write(data[:target - written].decode("utf-8", "ignore").encode())
PY
ls -l "$work/big.txt" | awk '{printf "   %d bytes, %s line breaks\n", $5, 0}'
measure "${big_mb} MB single line (graphml)" "$work/big.graphml" "$work/big.txt" --format graphml
secs=$(cat "$work/last-seconds")
python3 -c "import sys; s=float(sys.argv[1]); print('   %.2f MB/s' % (int(sys.argv[2]) / s if s > 0 else 0))" "$secs" "$big_mb"
[ "${KEEP:-0}" = 1 ] || rm -rf "$work"
