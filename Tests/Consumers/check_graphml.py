#!/usr/bin/env python3
"""Loads a kbexport GraphML file in networkx and igraph and checks that both see the graph kbexport wrote.

Usage: check_graphml.py FILE.graphml EXPECTED.json
EXPECTED.json: {"nodes": N, "edges": M, "labels": {node_id: label, ...}, "int_keys": [...], "double_keys": [...]}
Exits 0 when every check passes, 1 with a message per failure, 2 when a library is missing.
"""
import json
import sys

def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    exp = json.load(open(expected_path, encoding="utf-8"))
    fails = []
    try:
        import networkx as nx
    except ImportError:
        print("networkx is not installed (pip install networkx)"); return 2
    try:
        import igraph
    except ImportError:
        print("igraph is not installed (pip install igraph)"); return 2

    g = nx.read_graphml(path)
    if g.number_of_nodes() != exp["nodes"]:
        fails.append(f"networkx: {g.number_of_nodes()} nodes, expected {exp['nodes']}")
    if g.number_of_edges() != exp["edges"]:
        fails.append(f"networkx: {g.number_of_edges()} edges, expected {exp['edges']}")
    for nid, label in exp["labels"].items():
        got = g.nodes[nid].get("label") if nid in g.nodes else None
        if got != label:
            fails.append(f"networkx: node {nid} label {got!r}, expected {label!r}")
    for nid, data in g.nodes(data=True):
        for k in exp.get("int_keys", []):
            if k in data and type(data[k]) is not int:
                fails.append(f"networkx: node {nid} {k} is {type(data[k]).__name__}, expected int"); break
    for u, v, data in g.edges(data=True):
        for k in exp.get("double_keys", []):
            if k in data and type(data[k]) is not float:
                fails.append(f"networkx: edge {u}->{v} {k} is {type(data[k]).__name__}, expected float"); break
    if not g.is_directed():
        fails.append("networkx: graph is not directed")

    ig = igraph.Graph.Read_GraphML(path)
    if ig.vcount() != exp["nodes"]:
        fails.append(f"igraph: {ig.vcount()} nodes, expected {exp['nodes']}")
    if ig.ecount() != exp["edges"]:
        fails.append(f"igraph: {ig.ecount()} edges, expected {exp['edges']}")
    ids = ig.vs["id"]
    labels = ig.vs["label"]
    by_id = dict(zip(ids, labels))
    for nid, label in exp["labels"].items():
        if by_id.get(nid) != label:
            fails.append(f"igraph: node {nid} label {by_id.get(nid)!r}, expected {label!r}")
    for k in exp.get("int_keys", []):
        vals = [x for x in ig.vs[k] if x is not None] if k in ig.vs.attributes() else []
        if k not in ig.vs.attributes():
            fails.append(f"igraph: no node attribute {k}")
        elif any(not isinstance(x, (int, float)) for x in vals):
            fails.append(f"igraph: node attribute {k} is not numeric")
    if not ig.is_directed():
        fails.append("igraph: graph is not directed")

    for f in fails[:50]:
        print(f)
    print(f"networkx+igraph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {len(fails)} problems")
    return 1 if fails else 0

if __name__ == "__main__":
    sys.exit(main())
