#!/usr/bin/env python3
"""Parses a kbexport RDF/XML file with rdflib and pyoxigraph and checks they see the same number of
triples as rapper (Raptor), whose count is passed in. Optionally compares with an N-Triples file.

Usage: check_rdfxml.py FILE.rdf BASE RAPPER_TRIPLE_COUNT
Exits 0 when every check passes, 1 on a failure, 2 when a library is missing.
"""
import sys

def main():
    path, base, rapper_count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    fails = []
    try:
        import rdflib
        import pyoxigraph as ox
    except ImportError as e:
        print(f"missing library: {e} (pip install rdflib pyoxigraph)"); return 2
    g = rdflib.Graph()
    g.parse(path, format="xml", publicID=base)
    if len(g) != rapper_count:
        fails.append(f"rdflib: {len(g)} triples, rapper: {rapper_count}")
    store = ox.Store()
    store.load(path=path, format=ox.RdfFormat.RDF_XML, base_iri=base)
    n = len(store)
    if n != rapper_count:
        fails.append(f"pyoxigraph: {n} triples, rapper: {rapper_count}")
    # Arabic labels survive: at least one @ar literal in both parsers
    ar = [o for o in g.objects() if isinstance(o, rdflib.Literal) and o.language == "ar"]
    if not ar:
        fails.append("rdflib: no Arabic (@ar) literal found")
    for f in fails:
        print(f)
    print(f"rdflib+pyoxigraph: {len(g)} / {n} triples (rapper {rapper_count}), {len(fails)} problems")
    return 1 if fails else 0

if __name__ == "__main__":
    sys.exit(main())
