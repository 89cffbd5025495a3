#!/usr/bin/env python3
"""Seeded, deterministic generator of news-shaped knowledge graphs for the export benchmarks (issue 6).

    python3 Benchmarks/generate.py --relations 100000 OUT_DIR [--entities E] [--seed 6]

Same arguments give byte-identical files (stdlib only; no hash(), no set order, no clock). Writes, in OUT_DIR:

  graph.nt     N-Triples in kbexport's RDF vocabulary (what `kbexport --format ntriples` uses): entities
               `<base>entity/<id>` with rdf:type schema:Person/Organization/Place, schema:name @ar and @en,
               kbv:subtype; documents `<base>doc/<id>` schema:NewsArticle with schema:datePublished; facts as
               reified event resources `<base>fact/<id>` with rdf:type schema:Event, kbv:relation,
               kbv:subject, kbv:object, schema:location (some), schema:startDate (xsd:date/gYearMonth/gYear),
               kbv:confidence (xsd:decimal), kbv:modality (when not asserted), kbv:role (roles),
               prov:wasDerivedFrom the sentence `<base>doc/<doc>#char=b,e` (the character offsets), and the
               sentence's nif:anchorOf (the ~100-character Arabic evidence). Grouped by subject.
               About 8.9 triples and 1.1 kB per relation, like the issue's data set.
  graph.jsonl  the same graph as kbexport's facts file (README "The facts file"): header, documents, entities,
               facts (provenance with the sentence and its offsets). `kbexport --from jsonl` reads it.
  nodes.tsv, edges.tsv
               the same graph as GraphML sees it (one row per entity / fact; columns = the GraphML keys
               kbexport writes, with the values kbexport writes; empty cell = no <data>). The cheapest input
               for igraph, networkx and the C floor (Benchmarks/floor). No tab or newline occurs in a value.
  meta.json    counts: relations, entities, documents, triples, bytes, and the node/edge counts a correct
               GraphML must have (entity graph: entities/facts; generic RDF -> GraphML mapping of
               docs/rdf-to-graphml.md: IRIs that are subjects or non-rdf:type objects / object triples).

Labels contain `& < > "`, bidi marks (U+200E, U+200F) and isolates (U+2067 ... U+2069) now and then, so writers
must escape; evidence sentences sometimes quote an outlet with `"`.
"""
import argparse
import json
import os
import random
import sys

BASE = "https://kb.example.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SCHEMA = "http://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
KBV = BASE + "vocab#"

FIRST = ["محمد", "أحمد", "علي", "حسن", "خليفة", "عبد الكريم", "يوسف", "إبراهيم", "عمر", "خالد", "فاطمة", "مريم",
         "سعيد", "عبد الله", "مصطفى", "سالم", "نجلاء", "عائشة", "فايز", "عقيلة", "منصور", "رشيد", "ليلى", "هشام",
         "طارق", "نبيل", "كمال", "سمير", "زينب", "جمال"]
FIRST_EN = ["Mohamed", "Ahmed", "Ali", "Hassan", "Khalifa", "Abdelkarim", "Youssef", "Ibrahim", "Omar", "Khaled",
            "Fatima", "Mariam", "Said", "Abdallah", "Mustafa", "Salem", "Najla", "Aisha", "Fayez", "Aguila",
            "Mansour", "Rachid", "Leila", "Hisham", "Tarek", "Nabil", "Kamal", "Samir", "Zeinab", "Jamal"]
LAST = ["حفتر", "يوسفو", "السراج", "المشري", "الدبيبة", "الغنوشي", "بن علي", "المنقوش", "صالح", "هدية", "التونسي",
        "الجزائري", "العبيدي", "الزوي", "القذافي", "الحاسي", "الورفلي", "الترهوني", "بوشناف", "المصراتي", "الكبير",
        "العلمي", "الفاسي", "المهدي", "الشريف", "النعاس", "الأنصاري", "الفيتوري", "الساعدي", "بادي"]
LAST_EN = ["Haftar", "Issoufou", "Sarraj", "Mishri", "Dbeibah", "Ghannouchi", "Ben Ali", "Mangoush", "Saleh", "Hadia",
           "Tounsi", "Jazairi", "Obeidi", "Zway", "Gaddafi", "Hassi", "Warfalli", "Tarhouni", "Bouchnaf", "Misrati",
           "Kabir", "Alami", "Fassi", "Mahdi", "Sharif", "Naas", "Ansari", "Fitouri", "Saadi", "Badi"]
ORG_HEAD = [("وزارة", "Ministry of", "ministry"), ("حزب", "Party of", "party"), ("جيش", "Army of", "army"),
            ("شركة", "Company of", "company"), ("مجلس", "Council of", "council"), ("بنك", "Bank of", "bank"),
            ("جامعة", "University of", "university"), ("وكالة أنباء", "News Agency of", "media"),
            ("كتيبة", "Brigade of", "armed_group"), ("هيئة", "Authority of", "agency")]
PLACE = ["طرابلس", "بنغازي", "نيامي", "القاهرة", "تونس", "الجزائر", "الرباط", "الخرطوم", "مصراتة", "سرت", "أغاديس",
         "سبها", "درنة", "الزاوية", "غدامس", "طبرق", "قابس", "وهران", "فاس", "أم درمان"]
PLACE_EN = ["Tripoli", "Benghazi", "Niamey", "Cairo", "Tunis", "Algiers", "Rabat", "Khartoum", "Misrata", "Sirte",
            "Agadez", "Sabha", "Derna", "Zawiya", "Ghadames", "Tobruk", "Gabes", "Oran", "Fez", "Omdurman"]
PLACE_KIND = [("", "", "city"), ("شمال", "North", "region"), ("جنوب", "South", "region"), ("ضواحي", "Outer", "district"),
              ("ميناء", "Port of", "port"), ("مطار", "Airport of", "airport")]
OUTLETS = ["فيسبوك", "بوابة الوسط", "الجزيرة نت", "العربية", "سكاي نيوز عربية", "وكالة الأنباء الليبية", "فرانس 24"]
FILLER = ("وذلك في إطار زيارة رسمية تهدف إلى تعزيز التعاون الأمني والعسكري بين البلدين ومناقشة الأوضاع في المنطقة "
          "ودعم جهود مكافحة الإرهاب والهجرة غير الشرعية على الحدود المشتركة وفق مصادر مطلعة").split()
# (relation, weight, Arabic verb, rule); weights roughly those of a news corpus
RELATIONS = [("VISIT", 14, "زار", "visit.verb"), ("MEET", 14, "التقى", "meet.verb"), ("TALKS", 8, "بحث مع", "talks.verb"),
             ("RECEIVE", 8, "استقبل", "receive.verb"), ("INVITE", 4, "دعا", "invite.verb"),
             ("COOPERATE", 5, "تعاون مع", "cooperate.noun"), ("AGREEMENT", 4, "وقع اتفاقية مع", "agreement.sign"),
             ("SUPPORT", 6, "دعم", "support.verb"), ("HOLDS_ROLE", 8, "يشغل منصبا في", "role.apposition"),
             ("MEMBER_OF", 4, "انضم إلى", "member.verb"), ("CONTROLS", 3, "سيطر على", "controls.verb"),
             ("DEPLOYED_IN", 2, "انتشر في", "deployed.verb"), ("LOCATED_IN", 3, "يقع في", "located.in"),
             ("ALLY_OF", 2, "تحالف مع", "ally.verb"), ("ATTACK", 3, "هاجم", "attack.verb"),
             ("ARREST", 2, "اعتقل", "arrest.verb"), ("OPPOSE", 2, "رفض", "oppose.verb"),
             ("ACCUSE", 2, "اتهم", "accuse.verb"), ("PLANS_VISIT", 3, "يعتزم زيارة", "visit.plan"),
             ("WITHDRAW_FROM", 1, "انسحب من", "withdraw.verb"), ("OTHER", 2, "تحدث عن", "other.cue")]
ROLES = ["وزير الدفاع", "وزير الخارجية", "رئيس الحكومة", "القائد العام", "الأمين العام", "رئيس المجلس", "المتحدث الرسمي"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
LRM, RLM, RLI, PDI = "\u200e", "\u200f", "\u2067", "\u2069"


def nt_lit(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def decimal(c):
    """kbexport's Values.decimal for a two-decimal value: 0.85, 0.9, 1.0."""
    s = "%.2f" % c
    s = s.rstrip("0")
    return s + "0" if s.endswith(".") else s


def make_entities(rng, count):
    out = []
    for i in range(count):
        r = rng.random()
        spice = rng.random()
        if r < 0.4:
            a, b = rng.randrange(len(FIRST)), rng.randrange(len(LAST))
            ar, en = FIRST[a] + " " + LAST[b], FIRST_EN[a] + " " + LAST_EN[b]
            kind, prefix, subtype = "PERSON", "per", ""
        elif r < 0.7:
            h, p = rng.choice(ORG_HEAD), rng.randrange(len(PLACE))
            ar, en = h[0] + " " + PLACE[p], h[1] + " " + PLACE_EN[p]
            kind, prefix, subtype = "ORGANIZATION", "org", h[2]
            if spice < 0.03:
                ar, en = ar + ' "الأمل" للنفط & الغاز', en + ' "Hope" Oil & Gas'
            elif spice < 0.05:
                ar, en = ar + " <النخبة>", en + " <Elite>"
            elif spice < 0.07:
                ar, en = ar + " " + RLI + "BNP & Co." + PDI, en + " BNP & Co."
        else:
            k, p = rng.choice(PLACE_KIND), rng.randrange(len(PLACE))
            ar = (k[0] + " " if k[0] else "") + PLACE[p]
            en = (k[1] + " " if k[1] else "") + PLACE_EN[p]
            kind, prefix, subtype = "PLACE", "plc", k[2]
        if spice > 0.97:
            ar = ar + RLM + " (" + LRM + "%d" % (i % 97) + ")"
        # every label unique (a number) so the graph has `count` distinct entities, as a corpus would
        ar = "%s %d" % (ar, i)
        en = "%s %d" % (en, i) if rng.random() < 0.8 else None
        ident = "%s-%07d" % (prefix, i)
        out.append({"id": ident, "type": kind, "subtype": subtype, "labelAr": ar, "labelEn": en,
                    "mentionCount": 1 + int(rng.random() ** 3 * 60)})
    return out


def sentence(rng, subj, verb, obj, date_ar, outlet):
    """An Arabic evidence sentence of about 100 code points (never a tab or a line break)."""
    words = [verb, subj["labelAr"], obj["labelAr"]]
    if date_ar:
        words.append("يوم " + date_ar)
    if outlet:
        words.append('وفق ما أوردته "%s"' % outlet)
    s = " ".join(words)
    i = rng.randrange(len(FILLER))
    while len(s) < 95:
        s += " " + FILLER[i % len(FILLER)]
        i += 1
    return s + "."


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--relations", type=int, required=True, help="number of facts (relations)")
    ap.add_argument("--entities", type=int, help="number of entities (default relations/5)")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("out", help="output directory")
    a = ap.parse_args()
    n_rel = a.relations
    n_ent = a.entities if a.entities else max(2, n_rel // 5)
    n_doc = max(1, n_rel // 50)
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)

    entities = make_entities(rng, n_ent)
    places = [i for i, e in enumerate(entities) if e["type"] == "PLACE"] or [0]
    weights = [r[1] for r in RELATIONS]
    cum, t = [], 0
    for w in weights:
        t += w
        cum.append(t)

    def pick_relation():
        x = rng.random() * t
        for i, c in enumerate(cum):
            if x < c:
                return RELATIONS[i]
        return RELATIONS[-1]

    def pick_entity():
        # skewed: a few hubs, a long tail (like names in the news)
        return int(n_ent * rng.random() ** 2.2)

    docs = []
    for d in range(n_doc):
        y, m, day = 2014 + rng.randrange(10), 1 + rng.randrange(12), 1 + rng.randrange(28)
        docs.append({"id": "doc-%07d" % d, "path": "articles/%07d.txt" % d, "published": "%04d-%02d-%02d" % (y, m, day),
                     "outlet": rng.choice(OUTLETS), "cursor": rng.randrange(200)})

    tmp = {name: open(os.path.join(a.out, name + ".tmp"), "w", encoding="utf-8", newline="\n")
           for name in ("graph.nt", "graph.jsonl", "nodes.tsv", "edges.tsv")}
    nt, js, nodes, edges = tmp["graph.nt"], tmp["graph.jsonl"], tmp["nodes.tsv"], tmp["edges.tsv"]
    triples = 0
    object_triples = 0  # triples whose object is an IRI other than an rdf:type class (generic GraphML edges)

    def T(s, p, o):
        nonlocal triples
        nt.write("<%s> <%s> %s .\n" % (s, p, o))
        triples += 1

    dump = lambda o: json.dumps(o, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    js.write('{"record":"kbexport-facts","version":1}\n')
    for d in docs:
        iri = BASE + "doc/" + d["id"]
        T(iri, RDF + "type", "<%sNewsArticle>" % SCHEMA)
        T(iri, SCHEMA + "datePublished", nt_lit(d["published"]) + "^^<%sdate>" % XSD)
        js.write('{"record":"document",' + dump({"id": d["id"], "path": d["path"], "published": d["published"],
                                                  "outlet": d["outlet"]})[1:] + "\n")
    nodes.write("id\tlabel\tlabel_ar\tlabel_en\ttype\tsubtype\twikidata\tsurface_forms\tmentions\tdocuments\tin_gazetteer\n")
    type_class = {"PERSON": "Person", "ORGANIZATION": "Organization", "PLACE": "Place"}
    for e in entities:
        iri = BASE + "entity/" + e["id"]
        T(iri, RDF + "type", "<%s%s>" % (SCHEMA, type_class[e["type"]]))
        T(iri, SCHEMA + "name", nt_lit(e["labelAr"]) + "@ar")
        if e["labelEn"] is not None:
            T(iri, SCHEMA + "name", nt_lit(e["labelEn"]) + "@en")
        if e["subtype"]:
            T(iri, KBV + "subtype", nt_lit(e["subtype"]))
        rec = {k: v for k, v in e.items() if v not in (None, "")}
        js.write('{"record":"entity",' + dump(rec)[1:] + "\n")
        nodes.write("\t".join([e["id"], e["labelAr"], e["labelAr"], e["labelEn"] or "", e["type"], e["subtype"], "",
                               "", str(e["mentionCount"]), "", "false"]) + "\n")

    edges.write("id\tsource\ttarget\telabel\trelation\tdate\tweight\tconfidence\tmodality\trole\tplace\tevidence\t"
                "document\tchar_begin\tchar_end\trule\tfact_id\n")
    n_places = 0
    for i in range(n_rel):
        fid = "f-%012x" % ((i * 0x9E3779B97F4A7C15 + 0x5DEECE66D) % (1 << 48))  # bijective on i: unique ids
        rel, _, verb, rule = pick_relation()
        s = pick_entity()
        o = pick_entity()
        if o == s:
            o = (s + 1) % n_ent
        subj, obj = entities[s], entities[o]
        r = rng.random()
        date = date_ar = None
        if r < 0.6:
            y, m, day = 2014 + rng.randrange(10), 1 + rng.randrange(12), 1 + rng.randrange(28)
            date, dt = ("%04d-%02d-%02d" % (y, m, day), "day"), "date"
            date_ar = "%d %s %d" % (day, MONTHS[m - 1], y)
        elif r < 0.8:
            y, m = 2014 + rng.randrange(10), 1 + rng.randrange(12)
            date, dt = ("%04d-%02d" % (y, m), "month"), "gYearMonth"
            date_ar = "%s %d" % (MONTHS[m - 1], y)
        elif r < 0.9:
            y = 2014 + rng.randrange(10)
            date, dt = ("%04d" % y, "year"), "gYear"
            date_ar = "عام %d" % y
        place = None
        if rel in ("VISIT", "MEET", "TALKS") and rng.random() < 0.4:
            p = places[rng.randrange(len(places))]
            if p not in (s, o):
                place = entities[p]
        role = rng.choice(ROLES) if rel == "HOLDS_ROLE" else None
        mr = rng.random()
        modality = "planned" if rel.startswith("PLANS_") else ("negated" if mr < 0.04 else "asserted")
        conf = rng.randint(50, 99) / 100.0
        doc = docs[i * n_doc // n_rel]
        outlet = doc["outlet"] if rng.random() < 0.3 else None
        sent = sentence(rng, subj, verb, obj, date_ar, outlet)
        b = doc["cursor"]
        e_ = b + len(sent)
        doc["cursor"] = e_ + 1 + rng.randrange(40)
        span_b = b + len(verb) + 1
        span_e = min(e_, span_b + len(subj["labelAr"]) + 1 + len(obj["labelAr"]))

        f_iri, sent_iri = BASE + "fact/" + fid, "%sdoc/%s#char=%d,%d" % (BASE, doc["id"], b, e_)
        T(f_iri, RDF + "type", "<%sEvent>" % SCHEMA)
        T(f_iri, KBV + "relation", nt_lit(rel))
        T(f_iri, KBV + "subject", "<%sentity/%s>" % (BASE, subj["id"]))
        T(f_iri, KBV + "object", "<%sentity/%s>" % (BASE, obj["id"]))
        object_triples += 3
        if place is not None:
            T(f_iri, SCHEMA + "location", "<%sentity/%s>" % (BASE, place["id"]))
            object_triples += 1
            n_places += 1
        if date is not None:
            T(f_iri, SCHEMA + "startDate", nt_lit(date[0]) + "^^<%s%s>" % (XSD, dt))
        T(f_iri, KBV + "confidence", nt_lit(decimal(conf)) + "^^<%sdecimal>" % XSD)
        if modality != "asserted":
            T(f_iri, KBV + "modality", nt_lit(modality))
        if role is not None:
            T(f_iri, KBV + "role", nt_lit(role) + "@ar")
        T(f_iri, PROV + "wasDerivedFrom", "<%s>" % sent_iri)
        T(sent_iri, NIF + "anchorOf", nt_lit(sent))

        fact = {"id": fid, "type": rel, "subject": subj["id"], "object": obj["id"], "modality": modality,
                "rule": rule, "confidence": conf,
                "provenance": {"documentID": doc["id"], "sentenceBegin": b, "sentenceEnd": e_, "sentence": sent,
                               "spanBegin": span_b, "spanEnd": span_e}}
        if place is not None:
            fact["place"] = place["id"]
        if date is not None:
            fact["date"] = {"value": date[0], "precision": date[1]}
        if role is not None:
            fact["role"] = role
        js.write('{"record":"fact",' + dump(fact)[1:] + "\n")
        c = decimal(conf)
        edges.write("\t".join([fid, subj["id"], obj["id"], rel, rel, date[0] if date else "", c, c, modality,
                               role or "", place["id"] if place else "", sent, doc["id"], str(span_b), str(span_e),
                               rule, fid]) + "\n")

    for f in tmp.values():
        f.close()
    for name in tmp:
        os.replace(os.path.join(a.out, name + ".tmp"), os.path.join(a.out, name))
    size = lambda n: os.path.getsize(os.path.join(a.out, n))
    meta = {
        "seed": a.seed, "relations": n_rel, "entities": n_ent, "documents": n_doc, "triples": triples,
        "facts_with_place": n_places,
        "bytes": {n: size(n) for n in ("graph.nt", "graph.jsonl", "nodes.tsv", "edges.tsv")},
        # GraphML from the facts file (and the peers' entity graph): one node per entity, one edge per fact.
        "graphml_entity": {"nodes": n_ent, "edges": n_rel},
        # GraphML from graph.nt under docs/rdf-to-graphml.md: nodes = entities + documents + facts + sentences
        # (every IRI here is a subject), edges = triples whose object is an IRI, rdf:type excluded.
        "graphml_rdf": {"nodes": n_ent + n_doc + 2 * n_rel, "edges": object_triples},
    }
    with open(os.path.join(a.out, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1, sort_keys=True)
        f.write("\n")
    print("%s: %d relations, %d entities, %d documents, %d triples (%.1f per relation), graph.nt %.1f MB "
          "(%.0f B per relation), graph.jsonl %.1f MB" % (a.out, n_rel, n_ent, n_doc, triples, triples / n_rel,
                                                         size("graph.nt") / 1e6, size("graph.nt") / n_rel,
                                                         size("graph.jsonl") / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main()
