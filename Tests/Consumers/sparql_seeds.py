#!/usr/bin/env python3
"""Runs the seed questions (seed_queries.json beside this file) on a kbexport RDF/XML file with pyoxigraph,
in-process, the same queries InteropTests sends to Virtuoso over HTTP.

Usage: sparql_seeds.py FILE.rdf [BASE]
Prints {"triples": N, "load_seconds": S, "answers": {query name: [[value, ...], ...]}} as JSON (rows sorted;
an unbound variable is ""). Exits 0 on success, 1 on a query error, 2 when pyoxigraph is missing.
"""
import json
import os
import sys
import time


def main():
    path = sys.argv[1]
    base = sys.argv[2] if len(sys.argv) > 2 else "https://kb.example.org/"
    try:
        import pyoxigraph as ox
    except ImportError:
        print("pyoxigraph is not installed (pip install pyoxigraph)", file=sys.stderr)
        return 2
    spec = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "seed_queries.json"), encoding="utf-8"))
    store = ox.Store()
    start = time.monotonic()
    store.load(path=path, format=ox.RdfFormat.RDF_XML, base_iri=base)
    load_seconds = time.monotonic() - start
    answers = {}
    for name, q in spec["queries"].items():
        rows = []
        for solution in store.query(spec["prefixes"] + q["sparql"]):
            row = []
            for var in q["variables"]:
                term = solution[var]
                row.append("" if term is None else term.value)
            rows.append(row)
        answers[name] = sorted(rows)
    json.dump({"triples": len(store), "load_seconds": round(load_seconds, 4), "answers": answers}, sys.stdout,
              ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
