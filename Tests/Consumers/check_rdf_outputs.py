#!/usr/bin/env python3
"""Reads many kbexport outputs with the real consumers in one process (fast), for the interop tests.

Usage: check_rdf_outputs.py JOBS.json
JOBS.json: a list of jobs:
  {"file": "out.nt", "format": "nt" | "ttl", "expected": "in.nt"}
      parsed by rapper (no error, no warning), rdflib and pyoxigraph; each graph must be isomorphic to the
      expected N-Triples (read with pyoxigraph; literals compared exactly, language tags lower-cased,
      "x"^^xsd:string equal to "x": the rules of ../shared/tools/rdf-roundtrip.sh).
  {"file": "ours.nt", "format": "iso", "expected": "in.nt", "consumer": "NAME"}
      no parsing by consumers: ours.nt (kbexport's reading of some input, as N-Triples) must be isomorphic to
      the expected N-Triples (both read with pyoxigraph); the result is recorded under NAME.
  {"file": "out.graphml", "format": "graphml", "nodes": N, "edges": M}
      read by networkx and igraph; node and edge counts must match.
Prints a JSON list of {"file", "format", "consumer", "ok": bool, "message"} on standard output.
Exits 0 when the checks ran (whatever their results), 2 when a library is missing.
"""
import json
import subprocess
import sys


def main():
    jobs = json.load(open(sys.argv[1], encoding="utf-8"))
    try:
        import rdflib
        import pyoxigraph as ox
        from rdflib import Graph, Literal
        from rdflib.compare import isomorphic, to_isomorphic, graph_diff
    except ImportError as e:
        print(f"missing library: {e} (pip install rdflib pyoxigraph)", file=sys.stderr)
        return 2
    rdflib.NORMALIZE_LITERALS = False
    xsd_string = rdflib.XSD.string

    def norm(g):
        h = Graph()
        for s, p, o in g:
            if isinstance(o, Literal):
                if o.language:
                    o = Literal(str(o), lang=o.language.lower())
                elif o.datatype == xsd_string:
                    o = Literal(str(o))
            h.add((s, p, o))
        return h

    def via_oxigraph(path, fmt):
        with open(path, "rb") as f:
            triples = list(ox.parse(f, format=fmt, rename_blank_nodes=True))
        g = Graph()
        g.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
        return g

    def compare(g, exp):
        if isomorphic(norm(g), exp):
            return True, f"{len(g)} triples, isomorphic"
        _, got_only, exp_only = graph_diff(to_isomorphic(norm(g)), to_isomorphic(exp))
        diff = [f"+ {t[0].n3()} {t[1].n3()} {t[2].n3()}" for t in list(got_only)[:2]]
        diff += [f"- {t[0].n3()} {t[1].n3()} {t[2].n3()}" for t in list(exp_only)[:2]]
        return False, f"not isomorphic ({len(g)} vs {len(exp)} triples): " + "; ".join(diff)

    results = []

    def record(job, consumer, ok, message):
        results.append({"file": job["file"], "format": job["format"], "consumer": consumer, "ok": ok,
                        "message": message[:400]})

    expected_cache = {}
    for job in jobs:
        fmt = job["format"]
        if fmt in ("nt", "ttl"):
            exp_path = job["expected"]
            if exp_path not in expected_cache:
                expected_cache[exp_path] = norm(via_oxigraph(exp_path, ox.RdfFormat.N_TRIPLES))
            exp = expected_cache[exp_path]
            # rapper
            r = subprocess.run(["rapper", "-q", "-i", "ntriples" if fmt == "nt" else "turtle", "-o", "ntriples",
                                job["file"], "http://example.invalid/base"], capture_output=True)
            if r.returncode != 0 or r.stderr.strip():
                record(job, "rapper", False, f"rapper exit {r.returncode}: {r.stderr.decode('utf-8', 'replace')[:300]}")
            else:
                try:
                    g = Graph(); g.parse(data=r.stdout.decode("utf-8"), format="nt")
                    record(job, "rapper", *compare(g, exp))
                except Exception as e:  # rapper's output unreadable
                    record(job, "rapper", False, f"rapper output: {type(e).__name__}: {e}")
            # rdflib
            try:
                g = Graph(); g.parse(job["file"], format="nt" if fmt == "nt" else "turtle")
                record(job, "rdflib", *compare(g, exp))
            except Exception as e:
                record(job, "rdflib", False, f"{type(e).__name__}: {e}")
            # pyoxigraph
            try:
                g = via_oxigraph(job["file"], ox.RdfFormat.N_TRIPLES if fmt == "nt" else ox.RdfFormat.TURTLE)
                record(job, "pyoxigraph", *compare(g, exp))
            except Exception as e:
                record(job, "pyoxigraph", False, f"{type(e).__name__}: {e}")
        elif fmt == "iso":
            try:
                exp = norm(via_oxigraph(job["expected"], ox.RdfFormat.N_TRIPLES))
                g = via_oxigraph(job["file"], ox.RdfFormat.N_TRIPLES)
                record(job, job.get("consumer", "iso"), *compare(g, exp))
            except Exception as e:
                record(job, job.get("consumer", "iso"), False, f"{type(e).__name__}: {e}")
        elif fmt == "graphml":
            try:
                import networkx as nx
                g = nx.read_graphml(job["file"])
                ok = g.number_of_nodes() == job["nodes"] and g.number_of_edges() == job["edges"]
                record(job, "networkx", ok, f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges "
                                            f"(expected {job['nodes']}, {job['edges']})")
            except Exception as e:
                record(job, "networkx", False, f"{type(e).__name__}: {e}")
            try:
                import igraph
                g = igraph.Graph.Read_GraphML(job["file"])
                ok = g.vcount() == job["nodes"] and g.ecount() == job["edges"]
                record(job, "igraph", ok, f"{g.vcount()} nodes, {g.ecount()} edges (expected {job['nodes']}, {job['edges']})")
            except Exception as e:
                record(job, "igraph", False, f"{type(e).__name__}: {e}")
        else:
            record(job, "?", False, f"unknown format {fmt}")
    json.dump(results, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
