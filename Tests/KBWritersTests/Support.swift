// Shared test support: a small knowledge graph with hard cases, paths to the project's and
// ../shared's schemas, validation helpers, and a tiny XML tree reader for round-trip checks.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KBGraph
import KBTestSupport
import KBWriters
import KBXML
import XCTest

enum Fixture {
    /// A label with XML specials, bidi controls and an ESC (which no XML 1.0 document can carry).
    static let trickyLabel = "\u{200F}شركة & <الأمل> \"الجديدة\" 'ش.م'\u{1B}\u{202B}AT&T\u{202C}"
    /// What the label must read back as: the same bytes without the ESC.
    static let trickyLabelOut = "\u{200F}شركة & <الأمل> \"الجديدة\" 'ش.م'\u{202B}AT&T\u{202C}"
    static let sentenceA = "وصل المشير خليفة حفتر إلى نيامي يوم الثلاثاء 7 أغسطس 2018 بدعوة من رئيس النيجر."
    static let sentenceB = "أكد محمدو يوسفو، رئيس النيجر،\nأن اللقاء كان مثمرا."

    static func graph() -> KnowledgeGraph {
        var g = KnowledgeGraph(
            documents: [
                Document(id: "doc-a", path: "corpus/a.txt", url: "https://news.example/ar/2018/08/07/haftar-niamey",
                         outlet: "الجزيرة", published: "2018-08-07", title: "حفتر في نيامي", length: 1520),
                Document(id: "doc-b", path: "corpus/b.txt", length: 300),
            ],
            entities: [
                Entity(id: "per-khalifa-haftar", type: .person, labelAr: "خليفة حفتر", labelEn: "Khalifa Haftar",
                       surfaceForms: ["المشير خليفة حفتر", "حفتر", "خليفة حفتر"], mentionCount: 3,
                       documents: ["doc-a"], fromGazetteer: true),
                Entity(id: "per-issoufou", type: .person, labelAr: "محمدو يوسفو", surfaceForms: ["محمدو يوسفو"],
                       mentionCount: 2, documents: ["doc-a", "doc-b"]),
                Entity(id: "org-tricky", type: .organization, subtype: "company", labelAr: trickyLabel,
                       labelEn: "Al-Amal & Co. <new>", surfaceForms: [trickyLabel, "الأمل"], mentionCount: 1,
                       documents: ["doc-b"]),
                Entity(id: "org-un", type: .organization, labelAr: "الأمم\n  المتحدة ", surfaceForms: [" ", "\u{1B}"],
                       mentionCount: 0),
                Entity(id: "plc-niamey", type: .place, subtype: "city", labelAr: "نيامي", labelEn: "Niamey",
                       wikidata: "Q3674", mentionCount: 1, documents: ["doc-a"], fromGazetteer: true),
                Entity(id: "plc-niger", type: .place, subtype: "country", labelAr: "النيجر", labelEn: "Niger",
                       wikidata: "Q1032", mentionCount: 2, documents: ["doc-a", "doc-b"], fromGazetteer: true),
                Entity(id: "dat-2018-08-07", type: .date, labelAr: "7 أغسطس 2018", mentionCount: 1, documents: ["doc-a"]),
            ],
            facts: [
                // Every optional field set.
                Fact(id: "f-0001", type: "VISIT", subject: "per-khalifa-haftar", object: "plc-niamey", place: "plc-niger",
                     date: FactDate(value: "2018-08-07", precision: .day), role: "المشير", modality: .planned,
                     provenance: Provenance(documentID: "doc-a", sentenceBegin: 0, sentenceEnd: 79, sentence: sentenceA,
                                            spanBegin: 4, spanEnd: 31),
                     rule: "visit.arrive-to", confidence: 0.8549),
                // No optional field but an attribution (a reported fact); same sentence as f-0001 (one nif:Sentence
                // node for both).
                Fact(id: "f-0002", type: "INVITE", subject: "per-issoufou", object: "per-khalifa-haftar",
                     attribution: Attribution(source: "plc-niger"),
                     provenance: Provenance(documentID: "doc-a", sentenceBegin: 0, sentenceEnd: 79, sentence: sentenceA,
                                            spanBegin: 60, spanEnd: 79),
                     rule: "invite.bida3wa", confidence: 0.7),
                Fact(id: "f-0003", type: "HOLDS_ROLE", subject: "per-issoufou", object: "plc-niger",
                     date: FactDate(value: "2018", precision: .year), role: "رئيس",
                     provenance: Provenance(documentID: "doc-b", sentenceBegin: 10, sentenceEnd: 61, sentence: sentenceB,
                                            spanBegin: 14, spanEnd: 38),
                     rule: "role.apposition", confidence: 1,
                     // a merged fact: reported in doc-b and again in doc-a's first sentence
                     evidence: [
                        Evidence(id: "f-0003", provenance: Provenance(documentID: "doc-b", sentenceBegin: 10, sentenceEnd: 61,
                                                                      sentence: sentenceB, spanBegin: 14, spanEnd: 38),
                                 rule: "role.apposition", confidence: 1, date: FactDate(value: "2018", precision: .year)),
                        Evidence(id: "f-0005", provenance: Provenance(documentID: "doc-a", sentenceBegin: 0, sentenceEnd: 79,
                                                                      sentence: sentenceA, spanBegin: 62, spanEnd: 79),
                                 rule: "role.of", confidence: 0.6),
                     ]),
                Fact(id: "f-0004", type: "MEET", subject: "org-tricky", object: "org-un",
                     date: FactDate(value: "--08-07", precision: .dayMonth),
                     provenance: Provenance(documentID: "doc-b", sentenceBegin: 62, sentenceEnd: 90, sentence: "\u{1B}  ",
                                            spanBegin: 62, spanEnd: 70),
                     rule: "meet.met", confidence: 0.33333),
            ]
        )
        g.canonicalize()
        return g
    }

    static func write(_ format: OutputFormat, _ graph: KnowledgeGraph = graph(),
                      options: ExportOptions = ExportOptions()) throws -> [UInt8] {
        let sink = MemorySink()
        try format.makeWriter(options: options).write(graph, to: sink)
        return sink.bytes
    }
}

/// The compiled schemas every export is checked against (KBTestSupport caches them per process).
typealias Schemas = SchemaCache

func assertValid(_ bytes: [UInt8], _ validator: SchemaValidator, _ label: String,
                 file: StaticString = #filePath, line: UInt = #line) {
    let messages = validator.validate(bytes: bytes, name: label)
    XCTAssertEqual(messages, [], "\(label) should be valid against \(validator.path):\n"
                   + messages.map(\.description).joined(separator: "\n"), file: file, line: line)
}

func assertInvalid(_ text: String, _ validator: SchemaValidator, _ label: String,
                   file: StaticString = #filePath, line: UInt = #line) {
    // Well-formed, so that the rejection comes from the schema and not from the parser.
    XCTAssertEqual(XMLDocumentCheck.wellFormedErrors(bytes: Array(text.utf8), name: label), [],
                   "\(label) should be well-formed", file: file, line: line)
    let messages = validator.validate(bytes: Array(text.utf8), name: label)
    XCTAssertFalse(messages.isEmpty, "\(label) should be rejected by \(validator.path)", file: file, line: line)
}

/// Replaces exactly one occurrence of `target`, failing when it is absent (so a mutation test cannot pass vacuously).
func mutate(_ text: String, _ target: String, _ replacement: String,
            file: StaticString = #filePath, line: UInt = #line) -> String {
    guard let r = text.range(of: target) else {
        XCTFail("mutation target not found: \(target)", file: file, line: line)
        return text
    }
    return text.replacingCharacters(in: r, with: replacement)
}

/// A parsed element: qualified name, attributes (namespace declarations included), children, text.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }

    func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    subscript(_ attribute: String) -> String? { attributes[attribute] }

    /// Parses a document with Foundation's XMLParser (an independent reader of our output).
    static func parse(_ bytes: [UInt8]) throws -> XMLNode {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw XMLError.parse(path: "<memory>", messages: [ValidationMessage(line: parser.lineNumber,
                                                                                message: "\(parser.parserError.map { "\($0)" } ?? "?")")])
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: XMLNode?
        var stack: [XMLNode] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let node = XMLNode(name: qualifiedName ?? name, attributes: attributes)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
}

extension Array where Element == UInt8 {
    func contains(_ s: String) -> Bool {
        let needle = Array(s.utf8)
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        for i in 0...(count - needle.count) where self[i] == needle[0] {
            if Array(self[i..<(i + needle.count)]) == needle { return true }
        }
        return false
    }
}
