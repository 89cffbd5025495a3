#!/bin/bash
# Builds the libFuzzer harness (with AddressSanitizer) and fuzzes kbexport's text pipeline, writers and XML readers.
#   bash Fuzz/run.sh [SECONDS]        default 600; extra arguments after SECONDS go to libFuzzer
# Build products and the corpus live in .build-fuzz/ (git-ignored). Crashes are saved there as crash-*.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
seconds="${1:-600}"; shift || true
work="$root/.build-fuzz"
mkdir -p "$work/corpus"

swift build -c debug --package-path "$here" --scratch-path "$work/build" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld

# Seed corpus: the first byte selects the target (0 text pipeline, 1 writers, 2 XML readers).
python3 - "$root" "$work/corpus" <<'PY'
import os, sys, glob
root, out = sys.argv[1], sys.argv[2]
def put(name, data):
    with open(os.path.join(out, name), "wb") as f: f.write(data)
for i, p in enumerate(sorted(glob.glob(os.path.join(root, "seeds", "*.txt")))[:4]):
    put(f"seed-text-{i}", b"\x00" + open(p, "rb").read()[:3000])
hostile = "\x1b\x0b\x0c\ufffe\uffff\u200e\u200f\u202a\u202e\u2066\u2069\u200d\u200c]]> -- & < > \" '"
put("seed-hostile-text", b"\x00" + ("وصل المشير خليفة حفتر " + hostile + " إلى نيامي يوم 7 أغسطس 2018.").encode())
put("seed-writers", b"\x01" + b"\xff".join(s.encode() for s in ["a", "https://x.org/", "outlet" + hostile, "2018-08-07", "t", "country", "خليفة" + hostile, "Haftar", "Q1", "x", "y"]))
put("seed-xml", b"\x02" + b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="http://x/">&e;</rdf:Description></rdf:RDF>')
PY

cd "$work"
start=$(date +%s)
set +e
"$work/build/debug/kbfuzz" -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=4096 -print_final_stats=1 \
  -dict="$here/kbexport.dict" "$@" "$work/corpus" 2>&1 | tee "$work/last-run.log" | grep -E "^#[0-9]+ +(pulse|DONE)|ERROR|SUMMARY|stat::" 
status=${PIPESTATUS[0]}
set -e
echo "fuzzing: $(( $(date +%s) - start )) s, libFuzzer exit status $status (0 = no crash); log: $work/last-run.log"
exit "$status"
