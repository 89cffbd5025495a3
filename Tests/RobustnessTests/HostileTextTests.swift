// Text that is legal in the input but dangerous in XML: every output format stays well-formed and valid.
// XML-illegal characters (C0 controls other than TAB/LF/CR, U+FFFE, U+FFFF) are removed in one place
// (XMLText.sanitize, called by XMLStreamWriter and by the RDF mapping); legal but tricky characters (bidi
// controls, ZWJ/ZWNJ, `]]>`, `--`, `&`, `<`, quotes) are kept and escaped by the writer.

import Foundation
import KBGraph
import KBTestSupport
import KBWriters
import KBXML
import Testing

/// Characters XML 1.0 cannot carry (must disappear) and characters it can (must survive, escaped where needed).
enum Hostile {
    static let illegal: [Unicode.Scalar] = ["\u{1B}", "\u{0B}", "\u{0C}", "\u{01}", "\u{08}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{0}"]
    static let bidi: [Unicode.Scalar] = ["\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
                                         "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]
    static let joiners: [Unicode.Scalar] = ["\u{200D}", "\u{200C}"]
    static let markup = ["]]>", "--", "&", "<", ">", "\"", "'", "&amp;", "<!--", "<![CDATA[", "&#0;", "&#x1B;", "<?xml", "\\u0000"]
    /// All of the above in one string, as an article fragment.
    static let mixed: String = {
        var s = String.UnicodeScalarView()
        for u in illegal where u != "\u{0}" { s.append(u) }  // NUL makes a file binary by our rule: only in graphs
        for u in bidi + joiners { s.append(u) }
        return String(s) + markup.joined(separator: " ") + " "
    }()
}

@Suite struct HostileTextTests {
    /// An article whose fact sentences and metadata carry every hostile character, exported in every format.
    @Test func hostileArticleGivesValidOutputInEveryFormat() throws {
        let dir = try TempFolder("robust")
        defer { dir.remove() }
        let h = Hostile.mixed
        let text = "رئيس النيجر محمد يوسفو يستقبل \(h)خليفة حفتر \(h)في نيامي.\n\n"
            + "وصل المشير خليفة حفتر يوم الثلاثاء 7 أغسطس 2018 إلى العاصمة النيجيرية نيامي\(h)، "
            + "بدعوة من رئيس جمهورية النيجر محمد يوسفو.\n\n"
            // A fact sentence that keeps the legal tricky characters (no '!' or '?' to end it early).
            + "وصل المشير خليفة حفتر \u{202E}\u{2067}\u{200D}\u{200C}\u{200F} يوم الثلاثاء 7 أغسطس 2018 "
            + "إلى ]]> -- & < > \" ' العاصمة النيجيرية نيامي.\n"
        let input = try dir.write("h.txt", text)
        let meta: [String: String] = ["url": "https://example.org/a?b=1&c=<2>", "outlet": "Outlet \(h)", "title": "T \(h)",
                                      "published": "2018-08-07"]
        try dir.write("h.meta.json", Array(try JSONSerialization.data(withJSONObject: meta)))
        var counts: [String: Int] = [:]
        for format in OutputFormat.allCases {
            let out = dir.path("out.\(format.fileExtension)")
            let r = try Command.kbexport([input, "--format", format.rawValue, "-o", out])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            let bytes = try #require(dir.read("out.\(format.fileExtension)"))
            try expectValid(bytes, format, out)
            // No XML-illegal character reaches any output (not even in N-Triples/Turtle, where it could be escaped:
            // the RDF formats carry the same literals as RDF/XML).
            // (The facts file is kbexport's lossless interchange format: JSON escapes controls and keeps the rest.)
            for u in Hostile.illegal where format.rawValue != "jsonl" {
                #expect(!String(decoding: bytes, as: UTF8.self).unicodeScalars.contains(u), "\(format) contains \(u.escaped(asASCII: true))")
            }
            // Legal tricky characters survive.
            let s = String(decoding: bytes, as: UTF8.self)
            #expect(s.unicodeScalars.contains("\u{202E}") && s.unicodeScalars.contains("\u{200D}"), "\(format) lost bidi/ZWJ")
            #expect(s.contains("خليفة حفتر"))
            if let syntax = rapperSyntax(format), let n = try rapperCount(out, syntax: syntax) {
                counts[format.rawValue] = try n.get()
            }
        }
        // The three RDF formats carry the same number of triples.
        #expect(Set(counts.values).count <= 1, "triple counts differ: \(counts)")
    }

    /// Every field of a graph written by every writer, with every hostile character and very long values.
    @Test func hostileGraphIsValidInEveryFormat() throws {
        let graph = hostileGraph()
        for format in OutputFormat.allCases {
            let bytes = try render(graph, format)
            try expectValid(bytes, format, "hostile.\(format.rawValue)")
        }
        // GraphML: labels read back as the documented display form.
        let root = try Element.parse(try render(graph, .graphml))
        let nodes = root.all("graph").first?.all("node") ?? []
        #expect(nodes.count == graph.entities.count)
        for (node, entity) in zip(nodes, graph.entities) {
            #expect(node.attributes["id"] == entity.id)
            let label = node.all("data").first { $0.attributes["key"] == "label" }?.text
            #expect(label == Display.form(entity.labelAr), "\(entity.id)")
        }
        // RDF/XML and N-Triples carry the same triples.
        if OutputFormat.allCases.contains(where: { $0.rawValue == "ntriples" }) {
            let nt = OutputFormat.allCases.first { $0.rawValue == "ntriples" }!
            let fromXML = try rdfXMLTriples(try render(graph, .rdfxml))
            let fromNT = try NTriples.parse(String(decoding: try render(graph, nt), as: UTF8.self))
            #expect(fromXML == fromNT, "RDF/XML minus N-Triples: \(fromXML.subtracting(fromNT).prefix(3)); N-Triples minus RDF/XML: \(fromNT.subtracting(fromXML).prefix(3))")
        }
    }

    /// XMLText.sanitize removes exactly the scalars outside XML 1.0 `Char`, over the whole code space.
    @Test func sanitizeRemovesExactlyTheNonCharacters() {
        var removed = 0
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let legal = v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
                || (0x10000...0x10FFFF).contains(v)
            if XMLText.isXMLChar(u) != legal { Issue.record("isXMLChar(U+\(String(v, radix: 16))) is wrong") }
            if !legal { removed += 1 }
        }
        #expect(removed == 29 + 2)  // U+0000-U+001F except TAB, LF, CR; U+FFFE; U+FFFF
        let sample = "a" + Hostile.illegal.map { String($0) }.joined() + "b\u{202E}c\u{10FFFF}"
        #expect(XMLText.sanitize(sample) == ("ab\u{202E}c\u{10FFFF}", Hostile.illegal.count))
    }
}

/// The display form the writers document for labels and other display text (README, Values.display): characters
/// XML cannot carry removed, each run of line breaks and tabs (with the spaces around it) replaced by one space,
/// then trimmed; nil when nothing is left. Written independently of the implementation.
enum Display {
    static func form(_ s: String) -> String? {
        let clean = String(String.UnicodeScalarView(s.unicodeScalars.filter(XMLText.isXMLChar)))
        var out = String.UnicodeScalarView()
        var pendingBreak = false
        var spaces = 0
        for u in clean.unicodeScalars {
            switch u.value {
            case 0x09, 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
                pendingBreak = true; spaces = 0
            case 0x20:
                spaces += 1
            default:
                if pendingBreak { out.append(" ") } else { out.append(contentsOf: repeatElement(" ", count: spaces)) }
                pendingBreak = false; spaces = 0
                out.append(u)
            }
        }
        var t = Substring(String(out))
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return t.isEmpty ? nil : String(t)
    }
}

/// A graph with hostile text in every string field.
func hostileGraph() -> KnowledgeGraph {
    let h = Hostile.mixed + "\u{0}"
    let long = String(repeating: "خليفة حفتر ]]> & \u{202E}", count: 6_000)  // ~100,000 scalars
    let onlyIllegal = "\u{1B}\u{0}\u{FFFE}\u{FFFF}\u{0B}"
    var g = KnowledgeGraph(
        documents: [
            Document(id: "doc-h", path: "h\(h).txt", url: "https://example.org/a?b=1&c=%3C2%3E", outlet: "Outlet \(h)",
                     published: "2018-08-07", title: "T \(h)", length: 500),
            Document(id: "doc-bad-meta", path: "x", url: "javascript:alert(1)<\(h)", outlet: onlyIllegal, published: "not a date \(h)",
                     title: onlyIllegal, length: 0),
        ],
        entities: [
            Entity(id: "per-h", type: .person, subtype: "s\(h)", labelAr: "محمد\(h)يوسفو", labelEn: "Mahamadou \(h)",
                   wikidata: "Q1\(h)", surfaceForms: [h, "محمد", onlyIllegal, long], mentionCount: 3, documents: ["doc-h"]),
            Entity(id: "plc-long", type: .place, subtype: "city", labelAr: long, labelEn: long, mentionCount: 1, documents: ["doc-h"]),
            Entity(id: "org-illegal", type: .organization, labelAr: onlyIllegal, labelEn: onlyIllegal, mentionCount: 0),
            Entity(id: "dat-x", type: .date, labelAr: "\u{200F}7 أغسطس\n\t2018 \u{2028}", mentionCount: -1),
        ],
        facts: [
            Fact(id: "f-1", type: "VISIT", subject: "per-h", object: "plc-long", place: "plc-long",
                 date: FactDate(value: "2018-08-07", precision: .day), role: "رئيس \(h)", modality: .planned,
                 provenance: Provenance(documentID: "doc-h", sentenceBegin: 0, sentenceEnd: 40, sentence: "جملة \(h) \(long)",
                                        spanBegin: 0, spanEnd: 10),
                 rule: "rule\(h)", confidence: 0.5),
            Fact(id: "f-2", type: "X\(h)", subject: "org-illegal", object: "dat-x",
                 date: FactDate(value: "20\(h)18", precision: .month), role: onlyIllegal,
                 provenance: Provenance(documentID: "doc-bad-meta", sentenceBegin: -5, sentenceEnd: -1, sentence: onlyIllegal,
                                        spanBegin: -1, spanEnd: -2),
                 rule: onlyIllegal, confidence: .nan),
        ])
    g.canonicalize()
    return g
}
