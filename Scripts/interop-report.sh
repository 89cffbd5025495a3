#!/usr/bin/env bash
# Prints the interop table (consumer × format × files → accepted / rejected (expected) / failed) for
# kbexport's RDF/XML, N-Triples, Turtle and GraphML, from the W3C RDF 1.1 suites, the seeds, Virtuoso and
# pyoxigraph. It runs the InteropTests (which print the rows as "interop | ..." lines) and keeps those lines.
# Usage: bash Scripts/interop-report.sh [--scratch-path DIR]    (from the project root; ../shared beside it)
# Exit status: that of swift test (non-zero when a check failed).
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp); trap 'rm -f "$log"' EXIT
swift test "$@" --filter 'InteropTests\.(InteropReportTests|VirtuosoTests|SeedsInteropTests/testSPARQLOnPyoxigraph)' > "$log" 2>&1
status=$?
grep -a '^interop |' "$log" | sed 's/^interop | //'
grep -aE "error:|Executed [0-9]+ tests" "$log" | tail -n 5
exit $status
