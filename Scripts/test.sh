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
command -v pkg-config >/dev/null 2>&1 || apt_need+=(pkg-config)
command -v virtuoso-t >/dev/null 2>&1 || apt_need+=(virtuoso-opensource)   # InteropTests: Virtuoso load + SPARQL
command -v curl >/dev/null 2>&1 || apt_need+=(curl)                          # InteropTests: SPARQL over HTTP
command -v chromium >/dev/null 2>&1 || apt_need+=(chromium)                  # EndToEndTests: SVG/HTML in a browser
dpkg -s fonts-noto-core >/dev/null 2>&1 || apt_need+=(fonts-noto-core)       # Arabic glyphs in the pictures
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || apt_need+=(fonts-dejavu-core)   # Latin glyphs in the pictures
if [ ${#apt_need[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${apt_need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_need[@]}" >/dev/null
fi
if ! python3 -c 'import rdflib, pyoxigraph, networkx, igraph' >/dev/null 2>&1; then
  echo "== installing Python packages: rdflib pyoxigraph networkx igraph"
  python3 -m pip install -q --disable-pip-version-check rdflib pyoxigraph networkx igraph
fi

# Consumer tests fail (instead of skipping) when a consumer is missing.
export KB_REQUIRE_CONSUMERS=1
export XML_CATALOG_FILES="$(cd ../shared/schemas/graphml && pwd)/catalog.xml"

echo "== swift build"
swift build
echo "== swift test"
set +e
swift test > .build/test.log 2>&1
status=$?
set -e
# passing test cases and build progress are noise; failures, skips and the summaries stay
grep -vE "^(Test Case .* (started|passed)|\[[0-9]+/[0-9]+\] |Test Suite .* (started|passed))" .build/test.log || true
echo "== evaluation (seeds and dev corpus)"
.build/debug/kbexport evaluate || status=1
echo "== swift test summary"
grep -E "Test run with [0-9]+ tests" .build/test.log | tail -n 1 || true
grep -E "Executed [0-9]+ tests" .build/test.log | tail -n 1 || true
exit "$status"
