// The RDF 1.1 data model the RDF writers share: terms (IRI, blank node, literal), triples, and
// descriptions (one subject with its properties, in order). The knowledge-graph mapping
// (RDFXMLWriter.swift) produces descriptions once; RDF/XML, N-Triples and Turtle write them. The RDF
// readers (module KBRDF) produce the same terms, so read RDF goes through the same syntax layers.
//
// Terms compare by Unicode scalars (RDF compares code points), not by Swift's canonical equivalence.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An RDF term.
public enum RDFTerm: Hashable, Sendable, CustomStringConvertible {
    /// An absolute IRI.
    case iri(String)
    /// A blank node, by its label (without `_:`); labels are local to one document.
    case blank(String)
    case literal(RDFLiteral)

    public static func == (a: RDFTerm, b: RDFTerm) -> Bool {
        switch (a, b) {
        case let (.iri(x), .iri(y)), let (.blank(x), .blank(y)): return RDFExact.equal(x, y)
        case let (.literal(x), .literal(y)): return x == y
        default: return false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case let .iri(s): h.combine(0); RDFExact.hash(s, into: &h)
        case let .blank(s): h.combine(1); RDFExact.hash(s, into: &h)
        case let .literal(l): h.combine(2); l.hash(into: &h)
        }
    }

    /// A simple literal (`xsd:string`).
    public static func string(_ s: String) -> RDFTerm { .literal(RDFLiteral(s)) }

    public var isLiteral: Bool { if case .literal = self { return true } else { return false } }

    /// The term in N-Triples syntax (canonical escapes), e.g. `<http://ex/a>`, `_:b1`, `"x"@ar`.
    public var description: String { NTriplesSyntax.term(self) }
}

/// An RDF literal. Simple literals have datatype `xsd:string`; language-tagged ones `rdf:langString`.
public struct RDFLiteral: Hashable, Sendable {
    public static let xsdString = "http://www.w3.org/2001/XMLSchema#string"
    public static let langString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

    /// The lexical form, exactly as given.
    public let lexical: String
    /// The language tag in lower case (RDF 1.1 Concepts §3.3 allows it), or nil.
    public let language: String?
    /// The datatype IRI (never nil: `xsd:string` or `rdf:langString` when not given).
    public let datatype: String

    /// - Parameters:
    ///   - language: a language tag; when set, the datatype is `rdf:langString` whatever `datatype` says.
    ///   - datatype: the datatype IRI; nil means `xsd:string`.
    public init(_ lexical: String, language: String? = nil, datatype: String? = nil) {
        self.lexical = lexical
        if let language, !language.isEmpty {
            self.language = language.lowercased()
            self.datatype = RDFLiteral.langString
        } else {
            self.language = nil
            self.datatype = datatype ?? RDFLiteral.xsdString
        }
    }

    /// True for a literal without language whose datatype is `xsd:string`.
    public var isSimple: Bool { language == nil && RDFExact.equal(datatype, RDFLiteral.xsdString) }

    public static func == (a: RDFLiteral, b: RDFLiteral) -> Bool {
        RDFExact.equal(a.lexical, b.lexical) && a.language == b.language && RDFExact.equal(a.datatype, b.datatype)
    }

    public func hash(into h: inout Hasher) {
        RDFExact.hash(lexical, into: &h)
        h.combine(language)
        RDFExact.hash(datatype, into: &h)
    }
}

/// One triple. The predicate is an IRI.
public struct RDFTriple: Hashable, Sendable, CustomStringConvertible {
    public var subject: RDFTerm
    public var predicate: String
    public var object: RDFTerm

    public init(_ subject: RDFTerm, _ predicate: String, _ object: RDFTerm) {
        self.subject = subject; self.predicate = predicate; self.object = object
    }

    public static func == (a: RDFTriple, b: RDFTriple) -> Bool {
        a.subject == b.subject && RDFExact.equal(a.predicate, b.predicate) && a.object == b.object
    }

    public func hash(into h: inout Hasher) {
        subject.hash(into: &h)
        RDFExact.hash(predicate, into: &h)
        object.hash(into: &h)
    }

    /// The triple as one canonical N-Triples line, without the line feed.
    public var description: String { NTriplesSyntax.line(self) }
}

/// One subject and its properties, in the order they will be written. Duplicate properties are dropped.
public struct RDFDescription: Sendable {
    public let subject: RDFTerm
    public private(set) var properties: [(predicate: String, object: RDFTerm)] = []
    private var seen = Set<Key>()

    private struct Key: Hashable {
        let predicate: String, object: RDFTerm
        static func == (a: Key, b: Key) -> Bool { RDFExact.equal(a.predicate, b.predicate) && a.object == b.object }
        func hash(into h: inout Hasher) { RDFExact.hash(predicate, into: &h); object.hash(into: &h) }
    }

    public init(subject: RDFTerm) { self.subject = subject }

    /// Adds a property as it is (only an exact duplicate is dropped). Short descriptions compare with each
    /// property; from 32 properties on, a set of them is kept.
    public mutating func append(_ predicate: String, _ object: RDFTerm) {
        if properties.count < 32 {
            for p in properties where p.object == object && RDFExact.equal(p.predicate, predicate) { return }
            properties.append((predicate, object))
            if properties.count == 32 { for p in properties { seen.insert(Key(predicate: p.predicate, object: p.object)) } }
            return
        }
        if seen.insert(Key(predicate: predicate, object: object)).inserted { properties.append((predicate, object)) }
    }

    /// The triples, in order.
    public var triples: [RDFTriple] { properties.map { RDFTriple(subject, $0.predicate, $0.object) } }

    /// Groups triples by subject, subjects in order of first appearance, properties in triple order.
    public static func group(_ triples: [RDFTriple]) -> [RDFDescription] {
        var index = [RDFTerm: Int]()
        var out = [RDFDescription]()
        for t in triples {
            if let i = index[t.subject] { out[i].append(t.predicate, t.object); continue }
            index[t.subject] = out.count
            var d = RDFDescription(subject: t.subject)
            d.append(t.predicate, t.object)
            out.append(d)
        }
        return out
    }
}

/// Exact (code point) comparison and hashing of strings: Swift's `==` on String uses canonical
/// equivalence, under which two different RDF terms (NFC vs NFD) would be equal.
public enum RDFExact {
    public static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
    public static func hash(_ s: String, into h: inout Hasher) {
        var s = s
        s.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        h.combine(UInt8(0xFF))  // never in UTF-8: ends the string
    }
    /// Code point order (= UTF-8 byte order).
    public static func less(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}

/// Checks shared by the RDF syntaxes.
public enum RDFSyntax {
    /// `LANGTAG ::= [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*` (N-Triples, Turtle; also what `xml:lang` must hold here).
    public static func isLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first.unicodeScalars.allSatisfy(isASCIILetter) else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { isASCIILetter($0) || isASCIIDigit($0) } }
    }

    /// `BLANK_NODE_LABEL` of N-Triples/Turtle without `_:` (RDF 1.1 errata: no `:`).
    public static func isBlankNodeLabel(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard let first = u.first, isPNCharsU(first) || isASCIIDigit(first) else { return false }
        if u.count == 1 { return true }
        guard isPNChars(u[u.count - 1]) else { return false }
        return u.dropFirst().allSatisfy { isPNChars($0) || $0 == "." }
    }

    /// `PN_CHARS_BASE`
    public static func isPNCharsBase(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF:
            return true
        default: return false
        }
    }
    /// `PN_CHARS_U ::= PN_CHARS_BASE | '_'`
    public static func isPNCharsU(_ c: Unicode.Scalar) -> Bool { c == "_" || isPNCharsBase(c) }
    /// `PN_CHARS ::= PN_CHARS_U | '-' | [0-9] | #xB7 | [#x300-#x36F] | [#x203F-#x2040]`
    public static func isPNChars(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2D, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return isPNCharsU(c)
        }
    }

    static func isASCIILetter(_ u: Unicode.Scalar) -> Bool { (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") }
    static func isASCIIDigit(_ u: Unicode.Scalar) -> Bool { u >= "0" && u <= "9" }

    /// `U+0041` style name of a scalar, for messages.
    public static func codePoint(_ u: Unicode.Scalar) -> String { IRIs.hex(u) }

    /// A term for an error message: N-Triples form, cut to about 100 characters.
    static func show(_ term: RDFTerm) -> String {
        let s = NTriplesSyntax.term(term)
        return s.count > 100 ? String(s.prefix(97)) + "..." : s
    }
}
