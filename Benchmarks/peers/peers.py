#!/usr/bin/env python3
"""The peers kbexport's exports are compared with (issue 6). Each prints `phase NAME SECONDS` lines on stderr;
the harness (Benchmarks/harness.py) times the whole process with /usr/bin/time and reads the phases.

    peers.py oxigraph IN.nt OUT.rdf        pyoxigraph: in-memory Store, bulk_load N-Triples, dump RDF/XML
    peers.py rdflib   IN.nt OUT.rdf        rdflib: Graph().parse(format="nt"), serialize(format="xml")
    peers.py igraph   NODES EDGES OUT      igraph: read the TSVs, Graph(directed) with every node and edge
                                           attribute kbexport writes, write_graphml  (timed: whole process)
    peers.py networkx NODES EDGES OUT      networkx: read the TSVs, MultiDiGraph with the same attributes,
                                           write_graphml (lxml writer when lxml is installed)
                                           (timed: phase "write", as the issue's table does)

NODES/EDGES are the generator's nodes.tsv/edges.tsv: the entity graph (one node per entity, one edge per
fact) with kbexport's GraphML columns; an empty cell is an absent value. Numbers are typed as kbexport's
keys declare them (int, double, boolean), strings stay strings.
"""
import csv
import sys
import time

INT = {"mentions", "char_begin", "char_end"}
FLOAT = {"weight", "confidence"}
BOOL = {"in_gazetteer"}


def phase(name, t0):
    print("phase %s %.3f" % (name, time.perf_counter() - t0), file=sys.stderr)


def typed(key, value):
    if key in INT:
        return int(value)
    if key in FLOAT:
        return float(value)
    if key in BOOL:
        return value == "true"
    return value


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(r)
        return header, list(r)


def oxigraph(src, out):
    import pyoxigraph as ox
    t0 = time.perf_counter()
    store = ox.Store()  # in memory
    store.bulk_load(path=src, format=ox.RdfFormat.N_TRIPLES)
    phase("load", t0)
    t1 = time.perf_counter()
    store.dump(output=out, format=ox.RdfFormat.RDF_XML, from_graph=ox.DefaultGraph())
    phase("serialize", t1)


def rdflib_(src, out):
    import rdflib
    t0 = time.perf_counter()
    g = rdflib.Graph()
    g.parse(src, format="nt")
    phase("parse", t0)
    t1 = time.perf_counter()
    g.serialize(destination=out, format="xml")
    phase("serialize", t1)


def igraph_(nodes, edges, out):
    import igraph as ig
    t0 = time.perf_counter()
    nh, nrows = read_tsv(nodes)
    eh, erows = read_tsv(edges)
    index = {row[0]: i for i, row in enumerate(nrows)}
    g = ig.Graph(n=len(nrows), edges=[(index[r[1]], index[r[2]]) for r in erows], directed=True)
    g.vs["id"] = [r[0] for r in nrows]
    for j, key in enumerate(nh[1:], start=1):
        col = [r[j] for r in nrows]
        if any(col):
            g.vs[key] = [typed(key, v) if v else (None if key in INT | FLOAT | BOOL else "") for v in col]
    for j, key in enumerate(eh[3:], start=3):
        col = [r[j] for r in erows]
        if any(col):
            g.es[key] = [typed(key, v) if v else (None if key in INT | FLOAT | BOOL else "") for v in col]
    g.es["id"] = [r[0] for r in erows]
    phase("build", t0)
    t1 = time.perf_counter()
    g.write_graphml(out)
    phase("write", t1)


def networkx_(nodes, edges, out):
    import networkx as nx
    t0 = time.perf_counter()
    nh, nrows = read_tsv(nodes)
    eh, erows = read_tsv(edges)
    g = nx.MultiDiGraph()
    for r in nrows:
        g.add_node(r[0], **{k: typed(k, v) for k, v in zip(nh[1:], r[1:]) if v})
    for r in erows:
        g.add_edge(r[1], r[2], key=r[0], **{k: typed(k, v) for k, v in zip(eh[3:], r[3:]) if v})
    phase("build", t0)
    t1 = time.perf_counter()
    nx.write_graphml(g, out)  # write_graphml_lxml when lxml is importable
    phase("write", t1)
    try:
        import lxml  # noqa: F401
        print("networkx writer: lxml", file=sys.stderr)
    except ImportError:
        print("networkx writer: xml.etree (lxml not installed)", file=sys.stderr)


def main():
    tool, args = sys.argv[1], sys.argv[2:]
    {"oxigraph": oxigraph, "rdflib": rdflib_, "igraph": igraph_, "networkx": networkx_}[tool](*args)


if __name__ == "__main__":
    main()
