// libFuzzer entry point. The first input byte picks what is fuzzed; the rest is the data:
//   0: the text pipeline: strict decoding, cleaning, extraction, then every writer (graph from real text);
//   1: the writers alone, on a graph whose every string field is cut from the data (any Unicode, any control);
//   2: the XML readers (XMLDocumentCheck, XMLReader) on the data as a document.
// Every XML output must be well-formed, or the harness traps (libFuzzer records a crash). A thrown InputError or
// WriterError is an expected outcome, not a finding.

import Foundation
import KBFacts
import KBGraph
import KBText
import KBWriters
import KBXML

private let extractor = Extractor()

/// One fuzz input (called by libFuzzer through `LLVMFuzzerRunDriver`, see main.swift).
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 3 {
    case 0: fuzzPipeline(bytes)
    case 1: fuzzWriters(bytes)
    default: fuzzReaders(bytes)
    }
    return 0
}

private func fuzzPipeline(_ bytes: [UInt8]) {
    guard let text = try? InputReader.decode(bytes, path: "fuzz.txt") else { return }
    let source = SourceText(documentID: "doc-fuzz", path: "fuzz.txt", text: text)
    _ = try? Cleaner.articleSentences(of: source)
    var builder = GraphBuilder()
    builder.add(extractor.extract(source))
    writeEverywhere(builder.build())
}

/// Cuts the data at 0xFF bytes into strings (invalid UTF-8 repaired to U+FFFD, plus every C0 control as is).
private func fuzzWriters(_ bytes: [UInt8]) {
    var fields = bytes.split(separator: 0xFF, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    func next() -> String { fields.isEmpty ? "" : fields.removeFirst() }
    let doc = Document(id: "doc-f", path: next(), url: next(), outlet: next(), published: next(), title: next(), length: fields.count)
    var entities: [Entity] = []
    for i in 0..<3 {
        entities.append(Entity(id: "e-\(i)", type: EntityType.allCases[i % 4], subtype: next(), labelAr: next(),
                               labelEn: next(), wikidata: next(), surfaceForms: [next(), next()], mentionCount: i - 1,
                               documents: ["doc-f"], fromGazetteer: i == 1))
    }
    var facts: [Fact] = []
    for i in 0..<2 {
        facts.append(Fact(id: "f-\(i)", type: next(), subject: "e-\(i)", object: "e-\(i + 1)", place: i == 0 ? "e-2" : nil,
                          date: FactDate(value: next(), precision: i == 0 ? .day : .month), role: next(),
                          provenance: Provenance(documentID: "doc-f", sentenceBegin: i, sentenceEnd: i + 5, sentence: next(),
                                                 spanBegin: 0, spanEnd: 1),
                          rule: next(), confidence: Double(fields.count) / 7))
    }
    var g = KnowledgeGraph(documents: [doc], entities: entities, facts: facts)
    g.canonicalize()
    writeEverywhere(g)
}

private func fuzzReaders(_ bytes: [UInt8]) {
    _ = XMLDocumentCheck.wellFormedErrors(bytes: bytes, name: "fuzz.xml")
    if let reader = try? XMLReader(bytes: bytes, name: "fuzz.xml") {
        var n = 0
        while let node = try? reader.next() {
            n += 1
            if n > 100_000 { fatalError("runaway XMLReader: \(node.kind)") }
        }
    }
}

private func writeEverywhere(_ graph: KnowledgeGraph) {
    for format in OutputFormat.allCases {
        let sink = MemorySink()
        do {
            try format.makeWriter(options: ExportOptions()).write(graph, to: sink)
        } catch is WriterError {
            continue
        } catch {
            fatalError("\(format): unexpected error \(error)")
        }
        if format == .graphml || format == .gexf || format == .rdfxml {
            let problems = XMLDocumentCheck.wellFormedErrors(bytes: sink.bytes, name: "out.\(format.rawValue)")
            if !problems.isEmpty { fatalError("\(format) output is not well-formed: \(problems)") }
        } else if String(validating: sink.bytes, as: UTF8.self) == nil {
            fatalError("\(format) output is not UTF-8")
        }
    }
}

/// The symbol libFuzzer's runtime refers to; the same function as the callback given to its driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func llvmFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { fuzzOne(data, size) }
