#!/usr/bin/env python3
"""The export benchmark's timing loop and checks (issue 6); Benchmarks/run.sh builds and calls it.

    harness.py --kbexport BIN --floor FLOOR --data DIR --work DIR [--repeat 3] [--skip rdflib,...]
               [--convs nt-rdfxml,...] [--sweep DIR ...] [--json OUT.json]
    harness.py --report OUT.json      (print the tables and targets of an earlier run again)

For each conversion, the tools run alternating (A B C A B C ...), `--repeat` times, each under
`/usr/bin/time -f "%e %U %S %M"` (wall, user, sys, max RSS). A row shows the median of the timed quantity
(the whole process, or the phase the peer prints on stderr as `phase NAME SECONDS`, e.g. networkx's
write phase), user+sys CPU, MB/s of the input and of the output (10^6 bytes), peak RSS (max over runs, MiB),
and the ratio tool / kbexport of the timed medians (> 1: kbexport is faster).

Every tool's output is then checked: `xmllint --stream --noout` (well-formed); RDF/XML parsed back by
`rapper -i rdfxml -o ntriples` with the triple count equal to the input's (N-Triples sources) or, from the
facts file, every fact and entity present as a subject; GraphML read by networkx with the node and edge
counts the data must give (meta.json). A failed check or a non-zero exit marks the row FAILED and the
harness exits 1 at the end.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.join(HERE, "peers", "peers.py")
BASE = "https://kb.example.org/"


def mib(kb):
    return kb / 1024.0


class Tool:
    def __init__(self, name, argv, out, timed="whole", stdout_to=None, note="", inputs=None):
        self.name, self.argv, self.out, self.timed, self.stdout_to, self.note = name, argv, out, timed, stdout_to, note
        self.inputs = inputs  # files the tool reads (default: the conversion's source), for input MB/s
        self.runs = []  # dicts: wall, user, sys, rss_kb, phases, status, out_bytes
        self.check = None  # (ok, text)


def run_once(tool, work):
    tf = os.path.join(work, "time.txt")
    ef = os.path.join(work, "stderr-%s.txt" % tool.name)
    if os.path.exists(tool.out):
        os.remove(tool.out)
    stdout = open(tool.stdout_to, "wb") if tool.stdout_to else subprocess.DEVNULL
    with open(ef, "wb") as err:
        status = subprocess.call(["/usr/bin/time", "-f", "%e %U %S %M", "-o", tf] + tool.argv, stdout=stdout, stderr=err)
    if tool.stdout_to:
        stdout.close()
    last = open(tf).read().strip().splitlines()[-1].split()
    wall, user, sys_, rss = float(last[0]), float(last[1]), float(last[2]), int(last[3])
    text = open(ef, encoding="utf-8", errors="replace").read()
    phases = {m.group(1): float(m.group(2)) for m in re.finditer(r"^phase (\S+) ([0-9.]+)$", text, re.M)}
    m = re.search(r"^floor: seconds ([0-9.]+)$", text, re.M)
    if m:
        phases["floor"] = float(m.group(1))
    run = {"wall": wall, "user": user, "sys": sys_, "rss_kb": rss, "phases": phases, "status": status,
           "out_bytes": os.path.getsize(tool.out) if os.path.exists(tool.out) else 0,
           "stderr_tail": text.strip().splitlines()[-3:] if status else []}
    tool.runs.append(run)
    return run


def timed_value(tool, run):
    if tool.timed == "whole":
        return run["wall"]
    return run["phases"].get(tool.timed, float("nan"))


def check_xml(path):
    r = subprocess.run(["xmllint", "--stream", "--noout", path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return r.returncode == 0, (r.stderr.decode(errors="replace").strip().splitlines() or [""])[0]


def rdf_counts(path):
    """Triples, distinct fact subjects, distinct entity subjects of an RDF/XML file, as rapper reads it."""
    p = subprocess.Popen(["rapper", "-q", "-i", "rdfxml", "-o", "ntriples", path], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    triples, facts, entities = 0, set(), set()
    fpre, epre = ("<" + BASE + "fact/").encode(), ("<" + BASE + "entity/").encode()
    for line in p.stdout:
        triples += 1
        if line.startswith(fpre):
            facts.add(line.split(b" ", 1)[0])
        elif line.startswith(epre):
            entities.add(line.split(b" ", 1)[0])
    err = p.stderr.read().decode(errors="replace")
    ok = p.wait() == 0
    return ok, triples, len(facts), len(entities), err.strip()


STREAM_ABOVE = int(os.environ.get("GRAPHML_STREAM_ABOVE", 500 * 10**6))


def graphml_counts(path):
    """(nodes, edges) as networkx reads them; above STREAM_ABOVE bytes (networkx would need GiBs and minutes)
    a streaming count of <node>/<edge> elements of the graph with lxml, checking unique node ids and that every
    edge's ends are nodes."""
    code = ("import networkx as nx, sys; g = nx.read_graphml(sys.argv[1]); "
            "print(g.number_of_nodes(), g.number_of_edges())")
    if os.path.getsize(path) > STREAM_ABOVE:
        code = ("import sys; from lxml import etree\n"
                "ns = '{http://graphml.graphdrawing.org/xmlns}'; ids = set(); ends = []; e = 0\n"
                "for _, el in etree.iterparse(sys.argv[1], tag=(ns + 'node', ns + 'edge'), huge_tree=True):\n"
                "    if el.tag == ns + 'node':\n"
                "        i = el.get('id'); assert i not in ids, 'duplicate node ' + i; ids.add(i)\n"
                "    else:\n"
                "        e += 1; ends.append(el.get('source')); ends.append(el.get('target'))\n"
                "    el.clear()\n"
                "    while el.getprevious() is not None: del el.getparent()[0]\n"
                "missing = [x for x in ends if x not in ids]; assert not missing, 'edge end not a node: %s' % missing[:3]\n"
                "print(len(ids), e)\n")
    r = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True)
    if r.returncode != 0:
        return None, (r.stderr.strip().splitlines() or ["networkx failed"])[-1]
    n, e = map(int, r.stdout.split())
    return (n, e), ("" if os.path.getsize(path) <= STREAM_ABOVE else "stream count, lxml")


def check(tool, kind, meta, source, allow_rdf_mapping):
    ok, why = check_xml(tool.out)
    if not ok:
        return False, "not well-formed: " + why
    if kind == "rdfxml":
        ok, triples, facts, entities, err = rdf_counts(tool.out)
        if not ok:
            return False, "rapper failed: " + err[-200:]
        if source == "nt":
            good = triples == meta["triples"]
            return good, "rapper %d triples (input %d)" % (triples, meta["triples"])
        good = facts == meta["relations"] and entities == meta["entities"]
        return good, "rapper %d triples; %d/%d facts, %d/%d entities as subjects" % (
            triples, facts, meta["relations"], entities, meta["entities"])
    counts, err = graphml_counts(tool.out)
    if counts is None:
        return False, "networkx failed: " + err[-200:]
    ent = (meta["graphml_entity"]["nodes"], meta["graphml_entity"]["edges"])
    rdf = (meta["graphml_rdf"]["nodes"], meta["graphml_rdf"]["edges"])
    how = "networkx" if not err else err
    if counts == ent:
        return True, "%s %d nodes, %d edges (entity graph)" % ((how,) + counts)
    if allow_rdf_mapping and counts == rdf:
        return True, "%s %d nodes, %d edges (RDF mapping of docs/rdf-to-graphml.md)" % ((how,) + counts)
    return False, how + " %d nodes, %d edges; expected %d/%d%s" % (
        counts + ent + ((" or %d/%d" % rdf) if allow_rdf_mapping else "",))


def conversions(a, meta, work):
    d = a.data
    nt, js, nodes, edges = (os.path.join(d, f) for f in ("graph.nt", "graph.jsonl", "nodes.tsv", "edges.tsv"))
    o = lambda name: os.path.join(work, name)
    kb = a.kbexport
    py = sys.executable
    skip = set(filter(None, a.skip.split(",")))
    convs = []

    tools = [Tool("kbexport", [kb, "--from", "ntriples", nt, "--format", "rdfxml", "-o", o("kb-nt.rdf")], o("kb-nt.rdf")),
             Tool("C floor (xmlTextWriter)", [a.floor, "rdfxml", nt, o("floor.rdf")], o("floor.rdf")),
             Tool("rapper", ["rapper", "-q", "-i", "ntriples", "-o", "rdfxml", nt], o("rapper.rdf"),
                  stdout_to=o("rapper.rdf")),
             Tool("pyoxigraph", [py, PEERS, "oxigraph", nt, o("oxigraph.rdf")], o("oxigraph.rdf"))]
    tools.append(Tool("rdflib", [py, PEERS, "rdflib", nt, o("rdflib.rdf")], o("rdflib.rdf")))
    convs.append(("N-Triples -> RDF/XML", "rdfxml", "nt", nt, tools))

    tools = [Tool("kbexport", [kb, "--from", "ntriples", nt, "--format", "graphml", "-o", o("kb-nt.graphml")],
                  o("kb-nt.graphml")),
             Tool("C floor (xmlTextWriter)", [a.floor, "graphml", nodes, edges, o("floor.graphml")], o("floor.graphml"),
                  note="reads the TSVs", inputs=[nodes, edges]),
             Tool("igraph", [py, PEERS, "igraph", nodes, edges, o("igraph.graphml")], o("igraph.graphml"),
                  note="reads the TSVs", inputs=[nodes, edges]),
             Tool("networkx", [py, PEERS, "networkx", nodes, edges, o("networkx.graphml")], o("networkx.graphml"),
                  timed="write", inputs=[nodes, edges])]
    convs.append(("N-Triples -> GraphML", "graphml", "nt", nt, tools))

    tools = [Tool("kbexport", [kb, "--from", "jsonl", js, "--format", "graphml", "-o", o("kb-jsonl.graphml")],
                  o("kb-jsonl.graphml")),
             Tool("C floor (xmlTextWriter)", [a.floor, "graphml", nodes, edges, o("floor2.graphml")], o("floor2.graphml"),
                  note="reads the TSVs", inputs=[nodes, edges])]
    convs.append(("facts file -> GraphML", "graphml", "jsonl", js, tools))
    tools = [Tool("kbexport", [kb, "--from", "jsonl", js, "--format", "rdfxml", "-o", o("kb-jsonl.rdf")],
                  o("kb-jsonl.rdf"))]
    convs.append(("facts file -> RDF/XML", "rdfxml", "jsonl", js, tools))
    short = ["nt-rdfxml", "nt-graphml", "jsonl-graphml", "jsonl-rdfxml"]
    wanted = set(filter(None, a.convs.split(","))) or set(short)
    unknown = wanted - set(short)
    if unknown:
        sys.exit("harness: unknown conversion %s (known: %s)" % (sorted(unknown), ", ".join(short)))
    skip_names = {"floor": "C floor (xmlTextWriter)"}
    skip = {skip_names.get(x, x) for x in skip}
    return [(c, k, s, src, [t for t in ts if t.name not in skip])
            for name, (c, k, s, src, ts) in zip(short, convs) if name in wanted]


def summarize(tool, in_bytes):
    if tool.inputs:
        in_bytes = sum(os.path.getsize(p) for p in tool.inputs)
    vals = [timed_value(tool, r) for r in tool.runs]
    med = statistics.median(vals)
    cpu = statistics.median([r["user"] + r["sys"] for r in tool.runs])
    out_b = tool.runs[-1]["out_bytes"]
    return {"tool": tool.name, "timed": tool.timed, "note": tool.note, "median_s": med, "min_s": min(vals),
            "max_s": max(vals), "cpu_s": cpu, "wall_median_s": statistics.median(r["wall"] for r in tool.runs),
            "in_mbps": in_bytes / 1e6 / med if med > 0 else 0, "out_mbps": out_b / 1e6 / med if med > 0 else 0,
            "in_bytes": in_bytes, "out_bytes": out_b, "rss_mib": mib(max(r["rss_kb"] for r in tool.runs)),
            "runs": len(tool.runs), "status": [r["status"] for r in tool.runs],
            "phases": {k: statistics.median(r["phases"][k] for r in tool.runs if k in r["phases"])
                       for k in tool.runs[-1]["phases"]},
            "check_ok": tool.check[0], "check": tool.check[1]}


def table(size, rows_by_conv):
    lines = ["| conversion (%s) | tool | timed | median s (min-max) | user+sys s | in MB/s | out MB/s | peak RSS MiB | "
             "tool / kbexport | check |" % size,
             "|---|---|---|---|---|---|---|---|---|---|"]
    for conv, rows in rows_by_conv:
        base = next((r["median_s"] for r in rows if r["tool"] == "kbexport"), None)
        for r in rows:
            timed = "whole process" if r["timed"] == "whole" else r["timed"] + " phase"
            if r["note"]:
                timed += " (%s)" % r["note"]
            ratio = "%.2f" % (r["median_s"] / base) if base and r["tool"] != "kbexport" else ("1" if base else "-")
            phases = ", ".join("%s %.2f" % (k, v) for k, v in r["phases"].items() if k != "floor")
            status = "" if all(s == 0 for s in r["status"]) else " exit %s" % r["status"]
            lines.append("| %s | %s | %s%s | %.2f (%.2f-%.2f) | %.2f | %.1f | %.1f | %.0f | %s | %s%s |" % (
                conv, r["tool"], timed, (" [" + phases + "]") if phases else "", r["median_s"], r["min_s"],
                r["max_s"], r["cpu_s"], r["in_mbps"], r["out_mbps"], r["rss_mib"], ratio,
                "ok" if r["check_ok"] and not status else "FAILED", (": " + r["check"] + status)))
    return "\n".join(lines)


def targets(results):
    """The issue's speed targets, from this run's medians (wall; user+sys in brackets)."""
    get = {(conv, r["tool"]): r for conv, rows in results for r in rows}

    def cmp(label, conv, peer, factor, kb_conv=None):
        kb, p = get.get((kb_conv or conv, "kbexport")), get.get((conv, peer))
        if not kb or not p:
            return
        if not (kb["check_ok"] and p["check_ok"]) or kb["median_s"] <= 0 or p["median_s"] <= 0:
            print("| %s | - | not judged: an output FAILED its check |" % label)
            return
        ratio = p["median_s"] / kb["median_s"]
        cpu = p["cpu_s"] / kb["cpu_s"] if kb["cpu_s"] > 0 else float("nan")
        print("| %s | %.2f s vs %.2f s: %s / kbexport = %.2f (CPU %.2f) | %s |" % (
            label, kb["median_s"], p["median_s"], peer, ratio, cpu,
            "met" if ratio >= factor else "missed: kbexport needs %.1fx less time" % (factor / ratio)))

    print("\n### Targets (issue 6), from the medians above\n")
    print("| target | measured | verdict |")
    print("|---|---|---|")
    rx, gm, jg = "N-Triples -> RDF/XML", "N-Triples -> GraphML", "facts file -> GraphML"
    cmp("N-Triples -> RDF/XML faster than pyoxigraph load+serialize", rx, "pyoxigraph", 1.0)
    cmp("N-Triples -> RDF/XML >= 5x faster than rapper", rx, "rapper", 5.0)
    cmp("N-Triples -> GraphML faster than igraph's whole process", gm, "igraph", 1.0)
    floor = "C floor (xmlTextWriter)"
    # kbexport prints no phase times, so its whole process stands for its export phase (an upper bound)
    cmp("RDF/XML within 1.25x of the C floor (kbexport whole process, N-Triples in)", rx, floor, 1 / 1.25)
    cmp("GraphML within 1.25x of the C floor (kbexport whole process, facts file in)", jg, floor, 1 / 1.25)
    cmp("GraphML within 1.25x of the C floor (kbexport whole process, N-Triples in)", gm, floor, 1 / 1.25)


def sweep(a, dirs, work):
    """Peak RSS of kbexport on data sets that vary entities and facts apart; fits RSS = a + b*E + c*F."""
    rows = []
    for d in dirs:
        meta = json.load(open(os.path.join(d, "meta.json")))
        nt, js = os.path.join(d, "graph.nt"), os.path.join(d, "graph.jsonl")
        for label, argv in (("nt->rdfxml", ["--from", "ntriples", nt, "--format", "rdfxml"]),
                            ("nt->graphml", ["--from", "ntriples", nt, "--format", "graphml"]),
                            ("jsonl->graphml", ["--from", "jsonl", js, "--format", "graphml"]),
                            ("jsonl->rdfxml", ["--from", "jsonl", js, "--format", "rdfxml"])):
            out = os.path.join(work, "sweep.out")
            t = Tool("kbexport", [a.kbexport] + argv + ["-o", out], out)
            r = run_once(t, work)
            rows.append({"conv": label, "entities": meta["entities"], "facts": meta["relations"],
                         "rss_kb": r["rss_kb"], "wall": r["wall"], "status": r["status"],
                         "out_bytes": r["out_bytes"]})
            os.remove(out) if os.path.exists(out) else None
    print("\n### Peak memory of kbexport: entities and facts varied apart\n")
    print("| conversion | entities | facts | peak RSS MiB | wall s | output MB |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print("| %s | %d | %d | %.0f | %.2f | %.0f |%s" % (r["conv"], r["entities"], r["facts"], mib(r["rss_kb"]),
                                                       r["wall"], r["out_bytes"] / 1e6,
                                                       "" if r["status"] == 0 else " exit %d" % r["status"]))
    fits = {}
    print("\nLeast-squares fit RSS = base + b*entities + c*facts:\n")
    print("| conversion | base MiB | bytes per entity | bytes per fact |")
    print("|---|---|---|---|")
    for conv in dict.fromkeys(r["conv"] for r in rows):
        pts = [(r["entities"], r["facts"], r["rss_kb"] * 1024.0) for r in rows if r["conv"] == conv]
        coef = lstsq3(pts)
        if coef is None:
            continue
        fits[conv] = coef
        print("| %s | %.0f | %.0f | %.0f |" % (conv, coef[0] / 2**20, coef[1], coef[2]))
    return rows, fits


def lstsq3(pts):
    """Least squares for y = a + b*x1 + c*x2 (normal equations, 3x3, Cramer)."""
    if len(pts) < 3:
        return None
    S = [[0.0] * 3 for _ in range(3)]
    v = [0.0] * 3
    for x1, x2, y in pts:
        row = (1.0, float(x1), float(x2))
        for i in range(3):
            v[i] += row[i] * y
            for j in range(3):
                S[i][j] += row[i] * row[j]
    det = lambda m: (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                     + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))
    D = det(S)
    if abs(D) < 1e-9:
        return None
    out = []
    for k in range(3):
        m = [row[:] for row in S]
        for i in range(3):
            m[i][k] = v[i]
        out.append(det(m) / D)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kbexport")
    ap.add_argument("--floor")
    ap.add_argument("--data")
    ap.add_argument("--work")
    ap.add_argument("--size", default="")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip", default="", help="comma-separated tool names to leave out (e.g. rdflib)")
    ap.add_argument("--convs", default="", help="comma-separated subset of nt-rdfxml,nt-graphml,jsonl-graphml,jsonl-rdfxml")
    ap.add_argument("--report", help="print the tables and targets of a results JSON written by --json, run nothing")
    ap.add_argument("--sweep", nargs="*", default=[], help="data dirs for the memory fit (entities vs facts)")
    ap.add_argument("--json", help="write the results here")
    a = ap.parse_args()
    if a.report:
        saved = json.load(open(a.report))
        print(table(saved["size"], saved["results"]))
        targets(saved["results"])
        return
    if not (a.kbexport and a.floor and a.data and a.work):
        ap.error("--kbexport, --floor, --data and --work are required (or --report)")
    os.makedirs(a.work, exist_ok=True)
    meta = json.load(open(os.path.join(a.data, "meta.json")))
    size = a.size or "%d relations" % meta["relations"]
    print("## %s: %d relations, %d entities, %d triples; graph.nt %.1f MB, graph.jsonl %.1f MB; repeat %d\n" % (
        size, meta["relations"], meta["entities"], meta["triples"], meta["bytes"]["graph.nt"] / 1e6,
        meta["bytes"]["graph.jsonl"] / 1e6, a.repeat), flush=True)
    results, failed = [], False
    for conv, kind, source, src, tools in conversions(a, meta, a.work):
        in_bytes = os.path.getsize(src)
        t0 = time.time()
        for rep in range(a.repeat):
            for t in tools:  # alternating: A B C A B C ...
                r = run_once(t, a.work)
                print("  %-22s %-26s run %d: %7.2f s wall, %7.2f s cpu, %6.0f MiB%s" % (
                    conv, t.name, rep + 1, timed_value(t, r), r["user"] + r["sys"], mib(r["rss_kb"]),
                    "" if r["status"] == 0 else "  EXIT %d %s" % (r["status"], r["stderr_tail"])),
                    file=sys.stderr, flush=True)
        for t in tools:
            if any(r["status"] != 0 for r in t.runs):
                t.check = (False, "exit status %s" % [r["status"] for r in t.runs])
            else:
                t.check = check(t, kind, meta, source, t.name == "kbexport" and source == "nt")
            failed |= not t.check[0]
            print("  check %-22s %-26s %s: %s" % (conv, t.name, "ok" if t.check[0] else "FAILED", t.check[1]),
                  file=sys.stderr, flush=True)
        rows = [summarize(t, in_bytes) for t in tools]
        results.append((conv, rows))
        print("  (%s: %.0f s)" % (conv, time.time() - t0), file=sys.stderr, flush=True)
        for t in tools:  # outputs can be large: keep disk use to one conversion's worth
            if os.path.exists(t.out) and not os.environ.get("KEEP"):
                os.remove(t.out)
    print(table(size, results))
    print("\nMB/s = 10^6 bytes per second of the timed quantity; tool / kbexport > 1 means kbexport is faster.")
    targets(results)
    sweep_rows, fits = sweep(a, a.sweep, a.work) if a.sweep else ([], {})
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"size": size, "meta": meta, "results": results, "sweep": sweep_rows, "fits": fits}, f, indent=1)
    if failed:
        print("\nFAILED: at least one output did not pass its check (see above).")
        sys.exit(1)


if __name__ == "__main__":
    main()
