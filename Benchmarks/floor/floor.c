/* The practical floor for kbexport's exports (issue 6): a small C program that streams the same GraphML and
 * RDF/XML shapes through libxml2's xmlTextWriter, reading the generator's data line by line (constant memory).
 *
 *   cc -O2 -o floor floor.c $(pkg-config --cflags --libs libxml-2.0)
 *   floor graphml nodes.tsv edges.tsv OUT.graphml   # the entity graph, kbexport's GraphML keys and values
 *   floor rdfxml graph.nt OUT.rdf                   # N-Triples in (the generator's, grouped by subject),
 *                                                   # one rdf:Description per subject out, kbexport's prefixes
 *
 * Both indent like kbexport (two spaces, never inside text). It does only what the benchmark data needs: the
 * N-Triples reader takes absolute IRIs, literals with \" \\ \n \r \t \uXXXX \UXXXXXXXX escapes and an
 * optional @lang or ^^<datatype>, one triple per line, triples of a subject adjacent; it exits 1 on anything
 * else. Prints to stderr the counts written and the seconds spent (CLOCK_MONOTONIC).
 */
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define X (const xmlChar *)

static void die(const char *what, long line) {
    fprintf(stderr, "floor: %s (line %ld)\n", what, line);
    exit(1);
}

static void ok(int rc, const char *what) {
    if (rc < 0) die(what, 0);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* Splits a TSV line in place (no quoting: the generator never writes a tab or newline in a value). */
static int split(char *line, char **f, int max) {
    int n = 0;
    char *p = line;
    size_t len = strlen(p);
    if (len && p[len - 1] == '\n') p[--len] = 0;
    f[n++] = p;
    for (; *p; p++)
        if (*p == '\t') {
            *p = 0;
            if (n < max) f[n++] = p + 1;
        }
    return n;
}

static const char *node_keys[][3] = {
    {"label", "label", "string"}, {"label_ar", "label_ar", "string"}, {"label_en", "label_en", "string"},
    {"type", "type", "string"}, {"subtype", "subtype", "string"}, {"wikidata", "wikidata", "string"},
    {"surface_forms", "surface_forms", "string"}, {"mentions", "mentions", "int"},
    {"documents", "documents", "string"}, {"in_gazetteer", "in_gazetteer", "boolean"}};
static const char *edge_keys[][3] = {
    {"elabel", "label", "string"}, {"relation", "relation", "string"}, {"date", "date", "string"},
    {"weight", "weight", "double"}, {"confidence", "confidence", "double"}, {"modality", "modality", "string"},
    {"role", "role", "string"}, {"place", "place", "string"}, {"evidence", "evidence", "string"},
    {"document", "document", "string"}, {"char_begin", "char_begin", "int"}, {"char_end", "char_end", "int"},
    {"rule", "rule", "string"}, {"fact_id", "fact_id", "string"}};
#define NK (int)(sizeof node_keys / sizeof node_keys[0])
#define EK (int)(sizeof edge_keys / sizeof edge_keys[0])

static void data(xmlTextWriterPtr w, const char *key, const char *value) {
    if (!*value) return; /* empty = absent, as kbexport leaves it out */
    ok(xmlTextWriterStartElement(w, X "data"), "data");
    ok(xmlTextWriterWriteAttribute(w, X "key", X key), "key");
    ok(xmlTextWriterWriteString(w, X value), "text");
    ok(xmlTextWriterEndElement(w), "end");
}

static int graphml(const char *nodes, const char *edges, const char *out) {
    FILE *fn = fopen(nodes, "r"), *fe = fopen(edges, "r");
    if (!fn || !fe) die("cannot open the TSV input", 0);
    xmlTextWriterPtr w = xmlNewTextWriterFilename(out, 0);
    if (!w) die("cannot open the output", 0);
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, X "  ");
    ok(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL), "declaration");
    ok(xmlTextWriterStartElementNS(w, NULL, X "graphml", X "http://graphml.graphdrawing.org/xmlns"), "root");
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < (pass ? EK : NK); i++) {
            const char **k = pass ? edge_keys[i] : node_keys[i];
            ok(xmlTextWriterStartElement(w, X "key"), "key");
            ok(xmlTextWriterWriteAttribute(w, X "id", X k[0]), "id");
            ok(xmlTextWriterWriteAttribute(w, X "for", X(pass ? "edge" : "node")), "for");
            ok(xmlTextWriterWriteAttribute(w, X "attr.name", X k[1]), "name");
            ok(xmlTextWriterWriteAttribute(w, X "attr.type", X k[2]), "type");
            ok(xmlTextWriterEndElement(w), "end");
        }
    ok(xmlTextWriterStartElement(w, X "graph"), "graph");
    ok(xmlTextWriterWriteAttribute(w, X "id", X "G"), "id");
    ok(xmlTextWriterWriteAttribute(w, X "edgedefault", X "directed"), "edgedefault");
    char *line = NULL;
    size_t cap = 0;
    char *f[32];
    long n_nodes = 0, n_edges = 0, lineno = 0;
    if (getline(&line, &cap, fn) < 0) die("empty nodes.tsv", 1); /* header */
    while (getline(&line, &cap, fn) > 0) {
        lineno++;
        if (split(line, f, 32) != NK + 1) die("nodes.tsv: wrong column count", lineno);
        ok(xmlTextWriterStartElement(w, X "node"), "node");
        ok(xmlTextWriterWriteAttribute(w, X "id", X f[0]), "id");
        for (int i = 0; i < NK; i++) data(w, node_keys[i][0], f[i + 1]);
        ok(xmlTextWriterEndElement(w), "end");
        n_nodes++;
    }
    lineno = 0;
    if (getline(&line, &cap, fe) < 0) die("empty edges.tsv", 1);
    while (getline(&line, &cap, fe) > 0) {
        lineno++;
        if (split(line, f, 32) != EK + 3) die("edges.tsv: wrong column count", lineno);
        ok(xmlTextWriterStartElement(w, X "edge"), "edge");
        ok(xmlTextWriterWriteAttribute(w, X "id", X f[0]), "id");
        ok(xmlTextWriterWriteAttribute(w, X "source", X f[1]), "source");
        ok(xmlTextWriterWriteAttribute(w, X "target", X f[2]), "target");
        for (int i = 0; i < EK; i++) data(w, edge_keys[i][0], f[i + 3]);
        ok(xmlTextWriterEndElement(w), "end");
        n_edges++;
    }
    ok(xmlTextWriterEndDocument(w), "end document");
    xmlFreeTextWriter(w);
    free(line);
    fclose(fn);
    fclose(fe);
    fprintf(stderr, "floor: %ld nodes, %ld edges\n", n_nodes, n_edges);
    return 0;
}

/* ---- N-Triples (the generator's subset) ---- */

static const char *prefixes[][2] = {
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}, {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"}, {"schema", "http://schema.org/"},
    {"prov", "http://www.w3.org/ns/prov#"}, {"nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"},
    {"sem", "http://semanticweb.cs.vu.nl/2009/11/sem/"}, {"skos", "http://www.w3.org/2004/02/skos/core#"},
    {"dcterms", "http://purl.org/dc/terms/"}, {"kbv", "https://kb.example.org/vocab#"}};
#define NP (int)(sizeof prefixes / sizeof prefixes[0])

static void put_utf8(char **o, unsigned long c) {
    unsigned char *p = (unsigned char *)*o;
    if (c < 0x80) *p++ = c;
    else if (c < 0x800) { *p++ = 0xC0 | c >> 6; *p++ = 0x80 | (c & 0x3F); }
    else if (c < 0x10000) { *p++ = 0xE0 | c >> 12; *p++ = 0x80 | (c >> 6 & 0x3F); *p++ = 0x80 | (c & 0x3F); }
    else { *p++ = 0xF0 | c >> 18; *p++ = 0x80 | (c >> 12 & 0x3F); *p++ = 0x80 | (c >> 6 & 0x3F); *p++ = 0x80 | (c & 0x3F); }
    *o = (char *)p;
}

/* Reads <iri> at *p, NUL-terminates it in place, returns its start. */
static char *iri(char **p, long lineno) {
    char *s = *p;
    while (*s == ' ') s++;
    if (*s != '<') die("expected an IRI", lineno);
    char *start = ++s;
    while (*s && *s != '>') s++;
    if (*s != '>') die("unterminated IRI", lineno);
    *s = 0;
    *p = s + 1;
    return start;
}

/* QName for a predicate: "prefix:local" in buf, or die (the benchmark uses only known namespaces). */
static const char *qname(const char *pred, char *buf, size_t cap, long lineno) {
    for (int i = 0; i < NP; i++) {
        size_t n = strlen(prefixes[i][1]);
        if (strncmp(pred, prefixes[i][1], n) == 0 && pred[n]) {
            snprintf(buf, cap, "%s:%s", prefixes[i][0], pred + n);
            return buf;
        }
    }
    die("predicate outside the known namespaces", lineno);
    return NULL;
}

static int rdfxml(const char *in, const char *out) {
    FILE *fi = fopen(in, "r");
    if (!fi) die("cannot open the N-Triples input", 0);
    xmlTextWriterPtr w = xmlNewTextWriterFilename(out, 0);
    if (!w) die("cannot open the output", 0);
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, X "  ");
    ok(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL), "declaration");
    ok(xmlTextWriterStartElement(w, X "rdf:RDF"), "root");
    for (int i = 0; i < NP; i++) {
        char attr[64];
        snprintf(attr, sizeof attr, "xmlns:%s", prefixes[i][0]);
        ok(xmlTextWriterWriteAttribute(w, X attr, X prefixes[i][1]), "xmlns");
    }
    char *line = NULL, *lit = NULL, *subject = NULL;
    size_t cap = 0, subject_cap = 0, lit_cap = 0;
    ssize_t len;
    long lineno = 0, triples = 0, subjects = 0;
    char q[512];
    while ((len = getline(&line, &cap, fi)) > 0) {
        lineno++;
        if ((size_t)len + 1 > lit_cap) { lit_cap = len + 1; lit = realloc(lit, lit_cap); }
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p == '\n' || *p == '#' || !*p) continue;
        char *s = iri(&p, lineno);
        if (!subject || strcmp(s, subject) != 0) {
            if (subject) ok(xmlTextWriterEndElement(w), "end");
            size_t n = strlen(s) + 1;
            if (n > subject_cap) { subject_cap = n * 2; subject = realloc(subject, subject_cap); }
            memcpy(subject, s, n);
            ok(xmlTextWriterStartElement(w, X "rdf:Description"), "description");
            ok(xmlTextWriterWriteAttribute(w, X "rdf:about", X subject), "about");
            subjects++;
        }
        char *pred = iri(&p, lineno);
        ok(xmlTextWriterStartElement(w, X qname(pred, q, sizeof q, lineno)), "property");
        while (*p == ' ') p++;
        if (*p == '<') {
            ok(xmlTextWriterWriteAttribute(w, X "rdf:resource", X iri(&p, lineno)), "resource");
        } else if (*p == '"') {
            char *o = lit;
            for (p++; *p && *p != '"'; p++) {
                if (*p != '\\') { *o++ = *p; continue; }
                switch (*++p) {
                case 'n': *o++ = '\n'; break;
                case 'r': *o++ = '\r'; break;
                case 't': *o++ = '\t'; break;
                case '"': *o++ = '"'; break;
                case '\\': *o++ = '\\'; break;
                case 'u': case 'U': {
                    int n = *p == 'u' ? 4 : 8;
                    char hex[9] = {0};
                    memcpy(hex, p + 1, n);
                    put_utf8(&o, strtoul(hex, NULL, 16));
                    p += n;
                    break;
                }
                default: die("unknown escape", lineno);
                }
            }
            if (*p != '"') die("unterminated literal", lineno);
            *o = 0;
            p++;
            if (*p == '@') {
                char *tag = ++p;
                while (*p && *p != ' ' && *p != '.') p++;
                char c = *p;
                *p = 0;
                ok(xmlTextWriterWriteAttribute(w, X "xml:lang", X tag), "lang");
                *p = c;
            } else if (p[0] == '^' && p[1] == '^') {
                p += 2;
                ok(xmlTextWriterWriteAttribute(w, X "rdf:datatype", X iri(&p, lineno)), "datatype");
            }
            if (*lit) ok(xmlTextWriterWriteString(w, X lit), "text");
        } else {
            die("expected an IRI or a literal object", lineno);
        }
        ok(xmlTextWriterEndElement(w), "end");
        triples++;
    }
    if (subject) ok(xmlTextWriterEndElement(w), "end");
    ok(xmlTextWriterEndDocument(w), "end document");
    xmlFreeTextWriter(w);
    free(line); free(lit); free(subject);
    fclose(fi);
    fprintf(stderr, "floor: %ld triples, %ld subjects\n", triples, subjects);
    return 0;
}

int main(int argc, char **argv) {
    LIBXML_TEST_VERSION
    double t0 = now();
    int rc;
    if (argc == 5 && strcmp(argv[1], "graphml") == 0) rc = graphml(argv[2], argv[3], argv[4]);
    else if (argc == 4 && strcmp(argv[1], "rdfxml") == 0) rc = rdfxml(argv[2], argv[3]);
    else {
        fprintf(stderr, "usage: floor graphml nodes.tsv edges.tsv OUT | floor rdfxml graph.nt OUT\n");
        return 64;
    }
    fprintf(stderr, "floor: seconds %.3f\n", now() - t0);
    xmlCleanupParser();
    return rc;
}
