#!/usr/bin/env bash
# The whole test suite: installs what the tests need (Debian packages, PyPI packages) when it is
# missing, builds, runs every test (unit, end-to-end, real consumers) and prints the evaluation.
# Usage: bash Scripts/test.sh            (from the project root; ../shared must be beside it)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared ]; then
  echo "Scripts/test.sh: ../shared is missing (schemas, dev corpus and W3C suites are read from there)" >&2
  exit 2
fi

apt_need=()
command -v rapper  >/dev/null 2>&1 || apt_need+=(raptor2-utils)
command -v xmllint >/dev/null 2>&1 || apt_need+=(libxml2-utils)
dpkg -s libxml2-dev >/dev/null 2>&1 || apt_need+=(libxml2-dev)
dpkg -s libsqlite3-dev >/dev/null 2>&1 || apt_need+=(libsqlite3-dev)          # KBStore (GRDB)
command -v pkg-config >/dev/null 2>&1 || apt_need+=(pkg-config)
command -v virtuoso-t >/dev/null 2>&1 || apt_need+=(virtuoso-opensource)   # InteropTests: Virtuoso load + SPARQL
command -v curl >/dev/null 2>&1 || apt_need+=(curl)                          # InteropTests: SPARQL over HTTP
if [ ${#apt_need[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${apt_need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_need[@]}" >/dev/null
fi
if ! python3 -c 'import rdflib, pyoxigraph, networkx, igraph, pyspark' >/dev/null 2>&1; then
  echo "== installing Python packages: rdflib pyoxigraph networkx igraph pyspark"
  python3 -m pip install -q --disable-pip-version-check rdflib pyoxigraph networkx igraph pyspark
fi
command -v java >/dev/null 2>&1 || apt_java=1   # the Spark job (EndToEndTests/ShardTests) runs on Java 17
if [ "${apt_java:-0}" = 1 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

# Consumer tests fail (instead of skipping) when a consumer is missing.
export KB_REQUIRE_CONSUMERS=1
export XML_CATALOG_FILES="$(cd ../shared/schemas/graphml && pwd)/catalog.xml"

# The build's progress lines and the test frameworks' started/passed lines are noise: only failures, skips,
# what the tests print themselves and the summaries are shown. Full logs: .build/build.log, .build/test.log.
mkdir -p .build
echo "== swift build (with the tests)"
if ! swift build --build-tests > .build/build.log 2>&1; then
  grep -vE '^\[[0-9]+/[0-9]+\] ' .build/build.log
  echo "Scripts/test.sh: the build failed (full log: .build/build.log)" >&2
  exit 1
fi
echo "build complete ($(grep -c ': warning: ' .build/build.log || true) compiler warning lines in .build/build.log)"
echo "== swift test"
set +e
swift test --skip-build > .build/test.log 2>&1
status=$?
set -e
# Dropped: build lines; XCTest "Test Suite … started/passed at", "Test Case … started at/passed (…)", the
# per-suite "Executed …" lines (the last one is printed below); Swift Testing "◇ … started", "✔ … passed",
# "━ … passed with a known issue" and the two "↳" header lines. Kept: errors and their continuation lines,
# "failed", "skipped" (XCTest "Test skipped -", Swift Testing "➜"), "✘" and issue comments ("↳ …").
noise='^(\[[0-9]+/[0-9]+\] |Building for |Build complete|Test Suite .* (started|passed) at |Test Case .* (started at |passed \()|[[:space:]]+Executed [0-9]+ tests?, |◇ |✔ |━ Test .* passed after |↳ (Testing Library Version|Target Platform): )'
grep -vE "$noise" .build/test.log || true
echo "== evaluation (seeds and dev corpus)"
.build/debug/kbexport evaluate || status=1
echo "== swift test summary"
grep -E "Executed [0-9]+ tests?, " .build/test.log | tail -n 1 || true
grep -E "Test run with [0-9]+ tests?" .build/test.log | tail -n 1 || true
exit "$status"
