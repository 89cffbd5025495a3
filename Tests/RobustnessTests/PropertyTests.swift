// Property-based tests (swift-property-based): random graphs with random Unicode text — including every
// character that is dangerous in XML — through every writer. Every output passes its schemas and parses back:
// GraphML to the same node ids, labels (in the documented display form), edges and endpoints; RDF/XML to the
// same triples as the N-Triples writer. Random article text through the whole text pipeline gives valid output
// or a named input error, never a crash.

import Foundation
import KBFacts
import KBGraph
import KBText
import KBWriters
import KBXML
import PropertyBased
import Testing

/// Random text made of the characters that matter: Arabic letters and marks, Latin, digits, XML specials, bidi
/// and zero-width controls, C0 controls, non-characters, line breaks, astral characters.
enum RandomText {
    static let pool: [Unicode.Scalar] = {
        var p: [Unicode.Scalar] = Array("خليفة حفتر نيامي النيجر محمد يوسفو الأمم المتحدة".unicodeScalars)
        p += Array("abcXYZ019 ._-#%/?&<>\"'=;:[]()!".unicodeScalars)
        p += Hostile.illegal + Hostile.bidi + Hostile.joiners
        p += ["\u{9}", "\u{A}", "\u{D}", "\u{85}", "\u{2028}", "\u{2029}", "\u{A0}", "\u{3000}", "\u{FEFF}", "\u{FFFD}",
              "\u{64B}", "\u{651}", "\u{301}", "\u{640}", "\u{1F600}", "\u{10FFFF}", "\u{E000}", "\u{D7FF}", "\u{7F}", "\u{9F}"]
        return p
    }()
    static let fragments = ["]]>", "--", "&amp;", "<!--", "<![CDATA[", "&#0;", "\"'", "\r\n", " \t ", "&lt;"]

    static func string(_ rng: inout any SeededRandomNumberGenerator, max: Int = 30) -> String {
        var s = String.UnicodeScalarView()
        let n = Int.random(in: 0...max, using: &rng)
        for _ in 0..<n {
            if Int.random(in: 0..<10, using: &rng) == 0 {
                s.append(contentsOf: fragments.randomElement(using: &rng)!.unicodeScalars)
            } else {
                s.append(pool.randomElement(using: &rng)!)
            }
        }
        return String(s)
    }

    static func id(_ prefix: String, _ i: Int, _ rng: inout any SeededRandomNumberGenerator) -> String {
        let chars = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
        let tail = String((0..<Int.random(in: 0...8, using: &rng)).map { _ in chars.randomElement(using: &rng)! })
        return "\(prefix)\(i)\(tail)"
    }
}

/// Random knowledge graphs that pass the writers' checks (unique ASCII ids, facts between known entities).
let randomGraphs = Generator<KnowledgeGraph, Shrink.None<KnowledgeGraph>> { rng in
    func text(_ max: Int = 30) -> String { RandomText.string(&rng, max: max) }
    func maybe(_ s: @autoclosure () -> String) -> String? { Bool.random(using: &rng) ? s() : nil }
    let docCount = Int.random(in: 1...3, using: &rng)
    let documents = (0..<docCount).map { i in
        Document(id: RandomText.id("doc-", i, &rng), path: text(), url: maybe("https://example.org/" + text(8)),
                 outlet: maybe(text()), published: maybe(["2018-08-07", "2018-08", "2018", text(6)].randomElement(using: &rng)!),
                 title: maybe(text()), length: Int.random(in: -2...500, using: &rng))
    }
    let entityCount = Int.random(in: 1...8, using: &rng)
    let entities = (0..<entityCount).map { i in
        let long = Int.random(in: 0..<20, using: &rng) == 0
        return Entity(id: RandomText.id("e-", i, &rng), type: EntityType.allCases.randomElement(using: &rng)!,
                      subtype: ["", "country", "city", text(6)].randomElement(using: &rng)!,
                      labelAr: long ? String(repeating: text(), count: 300) : text(),
                      labelEn: maybe(text()), wikidata: maybe(["Q1032", "Q0", "Q12x", text(4)].randomElement(using: &rng)!),
                      surfaceForms: (0..<Int.random(in: 0...3, using: &rng)).map { _ in text() },
                      mentionCount: Int.random(in: -1...9, using: &rng),
                      documents: documents.filter { _ in Bool.random(using: &rng) }.map(\.id),
                      fromGazetteer: Bool.random(using: &rng))
    }
    let types = FactType.all.map(\.name) + ["", "X Y", "vísit"]
    let factCount = Int.random(in: 0...8, using: &rng)
    let facts = (0..<factCount).map { i in
        let doc = documents.randomElement(using: &rng)!
        let b = Int.random(in: -1...100, using: &rng)
        return Fact(id: RandomText.id("f-", i, &rng), type: types.randomElement(using: &rng)!,
                    subject: entities.randomElement(using: &rng)!.id, object: entities.randomElement(using: &rng)!.id,
                    place: Bool.random(using: &rng) ? entities.randomElement(using: &rng)!.id : nil,
                    date: maybe("x").map { _ in
                        [FactDate(value: "2018-08-07", precision: .day), FactDate(value: "2018-08", precision: .month),
                         FactDate(value: "2018", precision: .year), FactDate(value: "--08", precision: .monthOnly),
                         FactDate(value: "--08-07", precision: .dayMonth), FactDate(value: text(6), precision: .day)]
                            .randomElement(using: &rng)! },
                    role: maybe(text()), modality: [Modality.asserted, .planned, .negated].randomElement(using: &rng)!,
                    provenance: Provenance(documentID: doc.id, sentenceBegin: b, sentenceEnd: b + Int.random(in: 0...80, using: &rng),
                                           sentence: text(80), spanBegin: b, spanEnd: b + 3),
                    rule: text(10), confidence: [0, 1, 0.5, 0.33333, .nan, -0.1, 1e20, Double.random(in: 0...1, using: &rng)]
                        .randomElement(using: &rng)!)
    }
    var g = KnowledgeGraph(documents: documents, entities: entities, facts: facts)
    g.canonicalize()
    return g
}

@Suite struct PropertyTests {
    @Test func randomGraphsAreValidAndParseBackInEveryFormat() async throws {
        // Compile the schemas once, outside the timed loop.
        for f in OutputFormat.allCases { _ = try Schemas.validators(for: f) }
        let nt = OutputFormat.allCases.first { $0.rawValue == "ntriples" }
        // propertyCheck ignores errors thrown by the body (it only counts recorded issues): record them.
        await propertyCheck(count: 150, input: randomGraphs) { graph in
          do {
            for format in OutputFormat.allCases {
                let bytes = try render(graph, format)
                try expectValid(bytes, format, "random.\(format.rawValue)")
            }
            try checkGraphMLRoundTrip(graph)
            // The facts file reads back to the same graph (compared through a second write).
            if let jsonl = OutputFormat.allCases.first(where: { $0.rawValue == "jsonl" }) {
                let once = try render(graph, jsonl)
                let again = try render(try FactsFile.read(data: Data(once), path: "random.jsonl"), jsonl)
                #expect(once == again, "facts file does not round-trip")
            }
            if let nt {
                let fromXML = try rdfXMLTriples(try render(graph, .rdfxml))
                let fromNT = try NTriples.parse(String(decoding: try render(graph, nt), as: UTF8.self))
                #expect(fromXML == fromNT, "RDF/XML minus N-Triples: \(fromXML.subtracting(fromNT).prefix(3)); N-Triples minus RDF/XML: \(fromNT.subtracting(fromXML).prefix(3))")
            } else {
                // Without an N-Triples writer: at least every entity is a subject with its Arabic name.
                let triples = try rdfXMLTriples(try render(graph, .rdfxml))
                #expect(Set(triples.map(\.s)).count >= graph.entities.count)
            }
          } catch {
            Issue.record("\(error)")
          }
        }
    }

    /// The GraphML document reads back (with Foundation's XMLParser) to the graph: node ids in order, labels and
    /// other display text in the documented form, one edge per fact with its endpoints.
    func checkGraphMLRoundTrip(_ graph: KnowledgeGraph) throws {
        let root = try Element.parse(try render(graph, .graphml))
        let g = try #require(root.all("graph").first)
        let nodes = g.all("node"), edges = g.all("edge")
        #expect(nodes.map { $0.attributes["id"] ?? "" } == graph.entities.map(\.id))
        #expect(edges.count == graph.facts.count)
        func data(_ e: Element, _ key: String) -> String? { e.all("data").first { $0.attributes["key"] == key }?.text }
        for (node, entity) in zip(nodes, graph.entities) {
            #expect(data(node, "label") == Display.form(entity.labelAr), "label of \(entity.id)")
            #expect(data(node, "label_en") == entity.labelEn.flatMap(Display.form), "label_en of \(entity.id)")
            #expect(data(node, "type") == entity.type.rawValue)
            #expect(node.all("data").allSatisfy { !$0.text.isEmpty }, "no empty <data>")
        }
        for (edge, fact) in zip(edges, graph.facts) {
            #expect(edge.attributes["id"] == fact.id)
            #expect(edge.attributes["source"] == fact.subject && edge.attributes["target"] == fact.object)
            #expect(data(edge, "evidence") == Display.form(fact.provenance.sentence), "evidence of \(fact.id)")
            #expect(data(edge, "relation") == Display.form(fact.type))
        }
    }

    /// Random article text (good sentences mixed with hostile characters and random bytes) through reading,
    /// cleaning, extraction and every writer: either a named InputError, or a graph whose every output is valid.
    @Test func randomTextThroughThePipelineGivesValidOutputOrANamedError() async throws {
        let sentences = goodArticle.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        let inputs = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                switch Int.random(in: 0..<10, using: &rng) {
                case 0..<5: bytes += Array(sentences.randomElement(using: &rng)!.utf8)
                case 5..<8: bytes += Array(RandomText.string(&rng, max: 40).utf8)
                case 8: bytes += (0..<Int.random(in: 1...4, using: &rng)).map { _ in UInt8.random(in: 0x80...0xFF, using: &rng) }
                default: bytes += [0x0A]
                }
                bytes += Bool.random(using: &rng) ? [0x0A] : [0x20]
            }
            return bytes
        }
        let extractor = Extractor()
        await propertyCheck(count: 60, input: inputs) { bytes in
          do {
            let text: String
            do { text = try InputReader.decode(bytes, path: "random.txt") } catch is InputError { return }
            let source = SourceText(documentID: "doc-random", path: "random.txt", text: text)
            var builder = GraphBuilder()
            builder.add(extractor.extract(source))
            let graph = builder.build()
            for format in OutputFormat.allCases {
                let out = try render(graph, format)
                try expectValid(out, format, "pipeline.\(format.rawValue)")
            }
          } catch {
            Issue.record("\(error)")
          }
        }
    }
}
