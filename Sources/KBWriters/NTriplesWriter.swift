// N-Triples (RDF 1.1, https://www.w3.org/TR/n-triples/) in canonical form, so that the output doubles
// as the comparison form of a graph: one triple per line, `<s> <p> <o> .` with single spaces, LF line
// ends, duplicates removed, lines sorted by code point (UTF-8 byte order, as `LC_ALL=C sort`), no
// comments. Literals are written as the RDF 1.2 N-Triples canonical form says: characters as they are,
// except `\b \t \n \f \r \" \\` and `\uXXXX` (upper-case hex) for the other C0 controls, U+007F,
// U+FFFE and U+FFFF; `xsd:string` literals without `^^`; language tags in lower case.
//
// The triples are those of the RDF/XML export (RDFGraphMapping in RDFXMLWriter.swift), so the RDF/XML
// file parsed by any RDF/XML parser is isomorphic to this file.

import KBGraph
import KBXML

public struct NTriplesWriter: StreamingGraphWriter {
    public static let name = "N-Triples"
    public static let fileExtension = "nt"
    public static let mediaType = "application/n-triples"

    public let options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public func write(_ graph: KnowledgeGraph, to sink: OutputSink) throws {
        _ = try IRIMinter(base: options.base)
        try GraphExport.run(GraphSource(graph), writer: streamWriter(), to: sink)
    }

    public func streamWriter() -> FactStreamWriter { RDFBufferedStreamWriter(options: options, syntax: .ntriples) }
}

/// Writes triples as canonical N-Triples.
public enum NTriplesSerializer {
    /// - Throws: `WriterError.unserializableTerm` (an IRI N-Triples cannot carry, a malformed language tag or
    ///   blank-node label) before writing anything; then the sink's errors.
    public static func write(_ triples: [RDFTriple], to sink: OutputSink) throws {
        try write(canonicalLines(triples), to: sink)
    }

    /// The canonical lines (without line feeds): checked, unique, sorted.
    public static func canonicalLines(_ triples: [RDFTriple]) throws -> [String] {
        var seen = Set<RDFTriple>()
        var lines = [String]()
        lines.reserveCapacity(triples.count)
        for t in triples where seen.insert(t).inserted {
            try NTriplesSyntax.check(t, format: "N-Triples")
            lines.append(NTriplesSyntax.line(t))
        }
        lines.sort(by: RDFExact.less)
        return lines
    }

    static func write(_ lines: [String], to sink: OutputSink) throws {
        var buffer = [UInt8]()
        buffer.reserveCapacity(64 * 1024)
        for line in lines {
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            if buffer.count >= 60 * 1024 { try flush(&buffer, sink) }
        }
        try flush(&buffer, sink)
        try sink.flush()
    }

    /// Writes `text` as UTF-8 and flushes the sink.
    static func writeText(_ text: String, to sink: OutputSink) throws {
        var text = text
        try text.withUTF8 { utf8 in
            var offset = 0
            while offset < utf8.count {
                let n = min(64 * 1024, utf8.count - offset)
                try sink.write(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[offset..<(offset + n)])))
                offset += n
            }
        }
        try sink.flush()
    }

    static func flush(_ buffer: inout [UInt8], _ sink: OutputSink) throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// N-Triples term syntax, shared with the Turtle writer and used in error messages.
public enum NTriplesSyntax {
    /// `<s> <p> <o> .`
    public static func line(_ t: RDFTriple) -> String {
        term(t.subject) + " <" + t.predicate + "> " + term(t.object) + " ."
    }

    public static func term(_ t: RDFTerm) -> String {
        switch t {
        case let .iri(iri): return "<" + iri + ">"
        case let .blank(label): return "_:" + label
        case let .literal(l):
            var s = "\"" + escape(l.lexical) + "\""
            if let language = l.language { s += "@" + language }
            else if !l.isSimple { s += "^^<" + l.datatype + ">" }
            return s
        }
    }

    /// The canonical string escapes (RDF 1.2 N-Triples §canonical-ntriples).
    public static func escape(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: needsEscape) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            guard needsEscape(u) else { out.append(u); continue }
            let e: String
            switch u {
            case "\u{08}": e = "\\b"
            case "\t": e = "\\t"
            case "\n": e = "\\n"
            case "\u{0C}": e = "\\f"
            case "\r": e = "\\r"
            case "\"": e = "\\\""
            case "\\": e = "\\\\"
            default:
                let h = String(u.value, radix: 16, uppercase: true)
                e = "\\u" + String(repeating: "0", count: 4 - h.count) + h
            }
            out.append(contentsOf: e.unicodeScalars)
        }
        return String(out)
    }

    private static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00...0x1F, 0x22, 0x5C, 0x7F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// Checks that a triple can be written in N-Triples (and Turtle) without changing it.
    static func check(_ t: RDFTriple, format: String) throws {
        func refuse(_ term: RDFTerm, _ reason: String) -> WriterError {
            .unserializableTerm(RDFSyntax.show(term), format: format, reason: reason)
        }
        if case .literal = t.subject { throw refuse(t.subject, "a literal cannot be a subject") }
        if let p = iriProblem(t.predicate) { throw refuse(.iri(t.predicate), p) }
        for term in [t.subject, t.object] {
            switch term {
            case let .iri(iri):
                if let p = iriProblem(iri) { throw refuse(term, p) }
            case let .blank(label):
                if !RDFSyntax.isBlankNodeLabel(label) { throw refuse(term, "'\(label)' is not a blank node label") }
            case let .literal(l):
                if let language = l.language {
                    if !RDFSyntax.isLanguageTag(language) { throw refuse(term, "'\(language)' is not a language tag") }
                } else if RDFExact.equal(l.datatype, RDFLiteral.langString) {
                    throw refuse(term, "rdf:langString needs a language tag")
                } else if let p = iriProblem(l.datatype) {
                    throw refuse(term, "its datatype: \(p)")
                }
            }
        }
    }

    /// Why `iri` cannot be an `IRIREF` of an absolute IRI, or nil: `IRIREF` forbids U+0000-U+0020 and
    /// `<>"{}|^`\` (escaping them would not make a valid IRI), and RDF IRIs are absolute.
    public static func iriProblem(_ iri: String) -> String? {
        if IRIs.isPlainASCIIIRI(iri) { return nil }
        for u in iri.unicodeScalars where u.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(u) {
            return "the IRI contains \(RDFSyntax.codePoint(u)), which an IRI cannot hold"
        }
        guard let colon = iri.unicodeScalars.firstIndex(of: ":") else { return "the IRI is not absolute (no scheme)" }
        let scheme = iri.unicodeScalars[..<colon]
        guard let first = scheme.first, RDFSyntax.isASCIILetter(first),
              scheme.allSatisfy({ RDFSyntax.isASCIILetter($0) || RDFSyntax.isASCIIDigit($0) || "+-.".unicodeScalars.contains($0) })
        else { return "the IRI is not absolute (no valid scheme)" }
        return nil
    }
}
