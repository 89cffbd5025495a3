#!/usr/bin/env python3
"""Loads a kbexport GEXF file in networkx and prints what it saw, as JSON, for the tests to compare.

Usage: check_gexf.py FILE.gexf
Prints {"directed", "multi", "nodes", "edges", "node_spans": {id: [start, end]}, "edge_spans": {edge_id: [start, end]},
"edge_kinds_missing", "labels": {id: label}, "types": {id: type}, "mentions_int", "support": {edge_id: n}}.
Exits 2 when networkx is missing.
"""
import json
import sys

def main():
    try:
        import networkx as nx
    except ImportError:
        print("networkx is not installed (pip install networkx)"); return 2
    g = nx.read_gexf(sys.argv[1])
    out = {"directed": g.is_directed(), "multi": g.is_multigraph(), "nodes": g.number_of_nodes(),
           "edges": g.number_of_edges(), "node_spans": {}, "edge_spans": {}, "labels": {}, "types": {},
           "mentions_int": True, "support": {}}
    for n, d in g.nodes(data=True):
        out["labels"][n] = d.get("label")
        out["types"][n] = d.get("type")
        if "start" in d or "end" in d:
            out["node_spans"][n] = [d.get("start"), d.get("end")]
        if "mentions" in d and type(d["mentions"]) is not int:
            out["mentions_int"] = False
    edges = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True))
    for u, v, k, d in edges:
        eid = d.get("id", k)
        if "start" in d or "end" in d:
            out["edge_spans"][eid] = [d.get("start"), d.get("end")]
        if "support" in d:
            out["support"][eid] = d["support"]
    print(json.dumps(out, ensure_ascii=False, sort_keys=True))
    return 0

if __name__ == "__main__":
    sys.exit(main())
