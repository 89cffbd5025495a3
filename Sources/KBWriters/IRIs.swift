// IRIs for the RDF export: checking them, minting them from stable ids, and splitting predicate
// IRIs into QNames. Spec: ../shared/notes/rdfxml-triple-stores.md §1.2 (QName split) and §1.3 (IRIs).

import KBXML

/// Checks and encodes IRIs.
public enum IRIs {
    /// Checks that `iri` is an absolute IRI that every RDF/XML consumer accepts: a scheme, no space,
    /// none of `<>"{}|\^` and backquote, no control or non-character, at most one `#`, and every `%`
    /// followed by two hex digits (RFC 3987 `pct-encoded`).
    /// - Throws: `WriterError.invalidIRI` naming the first problem.
    public static func check(_ iri: String) throws {
        if let reason = problem(in: iri) { throw WriterError.invalidIRI(iri, reason: reason) }
    }

    /// The first reason `iri` is not a usable absolute IRI, or nil when it is fine.
    public static func problem(in iri: String) -> String? {
        if isPlainASCIIIRI(iri) { return nil }
        if iri.isEmpty { return "it is empty" }
        guard let colon = iri.unicodeScalars.firstIndex(of: ":") else { return "it has no scheme (not absolute)" }
        let scheme = iri.unicodeScalars[..<colon]
        guard let first = scheme.first, isASCIILetter(first),
              scheme.allSatisfy({ isASCIILetter($0) || isASCIIDigit($0) || $0 == "+" || $0 == "-" || $0 == "." })
        else { return "it has no valid scheme (not absolute)" }
        var hashes = 0
        let scalars = Array(iri.unicodeScalars)
        for (offset, u) in scalars.enumerated() {
            if u == "%" {
                let hex = { (i: Int) in i < scalars.count && scalars[i].isASCII && scalars[i].properties.isASCIIHexDigit }
                if !(hex(offset + 1) && hex(offset + 2)) {
                    return "it contains '%' not followed by two hex digits (offset \(offset))"
                }
            }
            switch u.value {
            case 0x20: return "it contains a space (offset \(offset))"
            case 0x00...0x1F, 0x7F...0x9F: return "it contains the control character \(hex(u)) (offset \(offset))"
            case 0xFDD0...0xFDEF, 0xFFFE, 0xFFFF: return "it contains the non-character \(hex(u)) (offset \(offset))"
            default: break
            }
            if "<>\"{}|\\^`".unicodeScalars.contains(u) { return "it contains the character '\(u)' (offset \(offset))" }
            if u == "#" { hashes += 1; if hashes > 1 { return "it contains more than one '#' (offset \(offset))" } }
        }
        return nil
    }

    /// The common case of `problem(in:)` in one pass over the bytes: a printable-ASCII IRI with a scheme, none of
    /// the refused characters, `%` followed by two hex digits, at most one `#`. False means "look closer".
    static func isPlainASCIIIRI(_ iri: String) -> Bool {
        var iri = iri
        return iri.withUTF8 { isPlainASCIIIRI(bytes: $0) }
    }

    /// `isPlainASCIIIRI` of the UTF-8 bytes of an IRI: true when `problem(in:)` is nil for it without looking closer.
    public static func isPlainASCIIIRI(bytes u: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = u.count
        var i = 0
        var inScheme = true, hashes = 0
        while i < n {
            let c = u[i]
            guard c > 0x20, c < 0x7F else { return false }
            switch c {
            case 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5C, 0x5E, 0x60: return false  // <>"{}|\^`
            default: break
            }
            if inScheme {
                let letter = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
                if c == 0x3A { if i == 0 { return false }; inScheme = false }
                else if i == 0 ? !letter : !(letter || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E) { return false }
            } else if c == 0x23 {
                hashes += 1
                if hashes > 1 { return false }
            } else if c == 0x25 {
                guard i + 2 < n, isHex(u[i + 1]), isHex(u[i + 2]) else { return false }
            }
            i += 1
        }
        return !inScheme
    }

    private static func isHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }

    /// Percent-encodes every UTF-8 byte outside RFC 3986 `unreserved` (`A-Z a-z 0-9 - . _ ~`).
    public static func percentEncode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let u = Unicode.Scalar(b)
            if isASCIILetter(u) || isASCIIDigit(u) || u == "-" || u == "." || u == "_" || u == "~" {
                out.unicodeScalars.append(u)
            } else {
                let h = String(b, radix: 16, uppercase: true)
                out += "%" + (h.count == 1 ? "0" + h : h)
            }
        }
        return out
    }

    static func isASCIILetter(_ u: Unicode.Scalar) -> Bool { (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") }
    static func isASCIIDigit(_ u: Unicode.Scalar) -> Bool { u >= "0" && u <= "9" }
    static func hex(_ u: Unicode.Scalar) -> String {
        let h = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}

/// Mints kbexport's IRIs under a checked base.
///
/// With a base ending in `/` (the usual case): `<base>entity/<id>`, `<base>fact/<id>`, `<base>doc/<id>`,
/// sentences `<base>doc/<id>#char=b,e` (NIF / RFC 5147), vocabulary `<base>vocab#`. With a base ending in
/// `#` everything lives in the fragment, which cannot hold a second `#`: sentences are
/// `<base>doc/<id>/char=b,e` and the vocabulary is `<base>vocab/`.
public struct IRIMinter: Sendable, Equatable {
    public let base: String
    /// True when the base ends in `#`.
    public let fragmentBase: Bool

    /// - Throws: `WriterError.invalidBase` with a readable reason.
    public init(base: String) throws {
        if let reason = IRIMinter.problem(withBase: base) { throw WriterError.invalidBase(base, reason: reason) }
        self.base = base
        self.fragmentBase = base.hasSuffix("#")
    }

    static func problem(withBase base: String) -> String? {
        if base.isEmpty { return "it is empty" }
        if let p = IRIs.problem(in: base) { return p }
        let lower = base.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = base.dropFirst(8) }
        else if lower.hasPrefix("http://") { rest = base.dropFirst(7) }
        else { return "it must start with http:// or https://" }
        if rest.isEmpty || rest.hasPrefix("/") || rest.hasPrefix("#") || rest.hasPrefix("?") { return "it has no host" }
        if !(base.hasSuffix("/") || base.hasSuffix("#")) { return "it must end in '/' or '#'" }
        if base.hasSuffix("/") && base.contains("#") { return "a base ending in '/' cannot contain '#'" }
        // The vocabulary namespace (<base>vocab#) is declared as an XML namespace name in RDF/XML, which must be
        // a URI (Namespaces in XML 1.0): libxml2-based readers reject a non-ASCII one as "not a valid URI".
        if let (offset, u) = base.unicodeScalars.enumerated().first(where: { !$0.element.isASCII }) {
            return "it contains the non-ASCII character '\(u)' (offset \(offset)); percent-encode it: "
                + IRIMinter.percentEncodingNonASCII(base)
        }
        return nil
    }

    /// `s` with every non-ASCII scalar replaced by the percent-encoding of its UTF-8 bytes (RFC 3987 §3.1).
    static func percentEncodingNonASCII(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.isASCII { out.unicodeScalars.append(u); continue }
            for b in String(u).utf8 {
                let h = String(b, radix: 16, uppercase: true)
                out += "%" + (h.count == 1 ? "0" + h : h)
            }
        }
        return out
    }

    /// The kbexport vocabulary namespace (`kbv:`).
    public var vocabulary: String { base + (fragmentBase ? "vocab/" : "vocab#") }

    public func entity(_ id: String) -> String { base + "entity/" + IRIs.percentEncode(id) }
    public func fact(_ id: String) -> String { base + "fact/" + IRIs.percentEncode(id) }
    public func document(_ id: String) -> String { base + "doc/" + IRIs.percentEncode(id) }
    /// A NIF string: `<doc>#char=begin,end` (code-point offsets).
    public func span(document id: String, begin: Int, end: Int) -> String {
        document(id) + (fragmentBase ? "/" : "#") + "char=\(begin),\(end)"
    }
    public func cameo(_ code: String) -> String { base + "cameo/" + IRIs.percentEncode(code) }
    public func publisher(_ key: String) -> String { base + "publisher/" + IRIs.percentEncode(key) }
    /// The extraction run (a `prov:Activity`): `<base>run/kbexport-<version>`.
    public func run(version: String) -> String { base + "run/kbexport-" + IRIs.percentEncode(version) }
    /// The software (a `prov:SoftwareAgent`): `<base>agent/kbexport-<version>`.
    public func agent(version: String) -> String { base + "agent/kbexport-" + IRIs.percentEncode(version) }
}

/// A predicate or class IRI split into namespace and NCName.
public struct QName: Hashable, Sendable {
    public var prefix: String
    public var localName: String
    public var namespace: String

    public init(prefix: String, localName: String, namespace: String) {
        self.prefix = prefix; self.localName = localName; self.namespace = namespace
    }

    /// `prefix:localName`
    public var qualified: String { prefix + ":" + localName }
}

/// Splits IRIs into QNames (spec §1.2): known namespaces first, then the longest NCName suffix
/// starting with a NameStartChar, under a generated prefix `ns1`, `ns2`...
public struct QNameSplitter: Sendable {
    /// Every binding so far: the known ones in the order given, then generated ones in order of first use.
    public private(set) var bindings: [(prefix: String, namespace: String)]
    private var generated = 0

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    static let xmlnsNamespace = "http://www.w3.org/2000/xmlns/"
    /// Syntax names of RDF/XML (RDF 1.1 + RDF 1.2 additions) that are not allowed as property elements.
    static let reservedRDFNames: Set<String> = [
        "RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype", "li", "Description",
        "aboutEach", "aboutEachPrefix", "bagID", "annotation", "annotationNodeID", "version",
    ]

    public init(known: [(prefix: String, namespace: String)]) { bindings = known }

    /// Splits `iri` into a QName usable as an RDF/XML property element.
    /// - Throws: `WriterError.unserializablePredicate` when no split exists, or the name is reserved.
    public mutating func split(_ iri: String) throws -> QName {
        if let p = IRIs.problem(in: iri) { throw WriterError.unserializablePredicate(iri, reason: "not a valid IRI: \(p)") }
        let q = try splitNoReserve(iri)
        if q.namespace == Namespaces.rdf && QNameSplitter.reservedRDFNames.contains(q.localName) {
            throw WriterError.unserializablePredicate(iri, reason: "rdf:\(q.localName) is RDF/XML syntax, not a property")
        }
        return q
    }

    private mutating func splitNoReserve(_ iri: String) throws -> QName {
        // 1. Known namespaces, longest first.
        var best: QName?
        for b in bindings where iri.unicodeScalars.starts(with: b.namespace.unicodeScalars) {
            var rest = String.UnicodeScalarView()
            rest.append(contentsOf: iri.unicodeScalars.dropFirst(b.namespace.unicodeScalars.count))
            let local = String(rest)
            guard QNameSplitter.isNCName(local) else { continue }
            if best == nil || b.namespace.unicodeScalars.count > best!.namespace.unicodeScalars.count {
                best = QName(prefix: b.prefix, localName: local, namespace: b.namespace)
            }
        }
        if let best { return best }
        // 2. Longest NCName-character suffix, trimmed to start with a NameStartChar.
        let scalars = Array(iri.unicodeScalars)
        var start = scalars.count
        while start > 0 && QNameSplitter.isNameChar(scalars[start - 1]) { start -= 1 }
        while start < scalars.count && !QNameSplitter.isNameStartChar(scalars[start]) { start += 1 }
        if start == scalars.count {
            throw WriterError.unserializablePredicate(iri, reason: "it does not end in an XML name (NCName)")
        }
        var ns = String.UnicodeScalarView(); ns.append(contentsOf: scalars[..<start])
        var local = String.UnicodeScalarView(); local.append(contentsOf: scalars[start...])
        let namespace = String(ns), localName = String(local)
        if namespace == QNameSplitter.xmlNamespace || namespace == QNameSplitter.xmlnsNamespace {
            throw WriterError.unserializablePredicate(iri, reason: "its namespace is reserved by XML")
        }
        if let b = bindings.first(where: { $0.namespace == namespace }) {
            return QName(prefix: b.prefix, localName: localName, namespace: namespace)
        }
        var prefix: String
        repeat { generated += 1; prefix = "ns\(generated)" } while bindings.contains { $0.prefix == prefix }
        bindings.append((prefix, namespace))
        return QName(prefix: prefix, localName: localName, namespace: namespace)
    }

    // NCName characters: XML 1.0 NameStartChar / NameChar without ':'.
    static func isNameStartChar(_ u: Unicode.Scalar) -> Bool { u != ":" && XMLText.isNameStartChar(u) }
    static func isNameChar(_ u: Unicode.Scalar) -> Bool { u != ":" && XMLText.isNameChar(u) }
    static func isNCName(_ s: String) -> Bool { XMLText.isNCName(s) }
}

/// The namespaces kbexport's RDF uses (schema.org over http, as Wikidata does: never mix with https).
public enum Namespaces {
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    public static let owl = "http://www.w3.org/2002/07/owl#"
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"
    public static let schema = "http://schema.org/"
    public static let prov = "http://www.w3.org/ns/prov#"
    public static let nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    public static let sem = "http://semanticweb.cs.vu.nl/2009/11/sem/"
    public static let skos = "http://www.w3.org/2004/02/skos/core#"
    public static let dcterms = "http://purl.org/dc/terms/"
    public static let wikidataEntity = "http://www.wikidata.org/entity/"
    /// W3C Basic Geo (WGS84 lat/long) vocabulary: `geo:lat`, `geo:long`.
    public static let geo = "http://www.w3.org/2003/01/geo/wgs84_pos#"
    /// GeoNames' semantic web IRIs: `<https://sws.geonames.org/ID/>`.
    public static let geonamesFeature = "https://sws.geonames.org/"

    /// The bindings declared on every `rdf:RDF` root, in this order (`kbv` is `<base>vocab#`).
    public static func standard(vocabulary: String) -> [(prefix: String, namespace: String)] {
        [("rdf", rdf), ("rdfs", rdfs), ("xsd", xsd), ("schema", schema), ("prov", prov), ("nif", nif),
         ("sem", sem), ("skos", skos), ("dcterms", dcterms), ("kbv", vocabulary)]
    }

    /// Bindings the writers know but declare only when a term uses them.
    public static let optional: [(prefix: String, namespace: String)] = [("owl", owl), ("geo", geo)]

    /// The standard bindings plus the optional ones (`owl`, `geo`), which the root declares only when used.
    public static func splitter(vocabulary: String) -> QNameSplitter {
        QNameSplitter(known: standard(vocabulary: vocabulary) + optional)
    }
}
