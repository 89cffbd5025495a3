// What a file is, from its first bytes: an article (plain text), or a document of another kind that must not be
// read as an article (XML, HTML, PDF, JSON, RDF, kbexport's own outputs). `kbexport validate` uses it to pick the
// checker; the export refuses non-text inputs with the reason unless --force-text.

import Foundation

public enum ContentKind: Equatable, Sendable {
    case graphML, gexf, rdfXML
    /// Other XML, with the local name of its root element ("svg", "feed", …) when found.
    case xml(root: String?)
    case html, pdf
    /// kbexport's facts file (JSON Lines whose first record has a "record" field).
    case factsFile
    case json
    case nTriples, turtle
    /// Anything else: taken as text.
    case text

    /// The name shown to users: "GraphML", "an HTML page", …
    public var name: String {
        switch self {
        case .graphML: return "GraphML"
        case .gexf: return "GEXF"
        case .rdfXML: return "RDF/XML"
        case .xml(let root): return root.map { "XML (root element <\($0)>)" } ?? "XML"
        case .html: return "HTML"
        case .pdf: return "PDF"
        case .factsFile: return "a kbexport facts file (JSON Lines)"
        case .json: return "JSON"
        case .nTriples: return "N-Triples"
        case .turtle: return "Turtle"
        case .text: return "text"
        }
    }

    /// Why this content is not an article, and what to do instead; nil for text.
    public var refusal: String? {
        switch self {
        case .text: return nil
        case .graphML, .gexf: return "looks like \(name) (a graph file, such as kbexport's own output), not an article text"
        case .rdfXML: return "looks like RDF/XML, not an article text (convert it with --from rdfxml)"
        case .nTriples: return "looks like N-Triples, not an article text (convert it with --from ntriples)"
        case .factsFile: return "looks like \(name), not an article text (export it with --from jsonl)"
        default: return "looks like \(name), not an article text"
        }
    }
}

public enum ContentSniffer {
    /// How many leading bytes `sniff` looks at.
    public static let prefixLength = 8192

    /// Classifies a document from its first bytes (``prefixLength`` are enough).
    public static func sniff(_ bytes: some Collection<UInt8>) -> ContentKind {
        var b = Array(bytes.prefix(prefixLength))
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        if b.starts(with: Array("%PDF-".utf8)) { return .pdf }
        guard let first = b.firstIndex(where: { !isSpace($0) }) else { return .text }
        // every kind but text needs one of these first bytes (an article's text is not built: 8 KB per input file)
        guard sniffedLeads.contains(b[first]) else { return .text }
        let text = String(decoding: b[first...], as: UTF8.self)
        // `lower` is only asked whether it starts with "<!doctype html", "<html", "prefix " or "base ", which needs it to
        // start with «<», «p» or «b»: the lowercase of a scalar starts with one of them only when the scalar is one of
        // them or «P», «B» (`testOnlyFiveScalarsLowercaseToTheSniffedFirstLetters`), so an article (the first byte
        // anything else) is not lowercased whole (8 KB of Arabic through the case tables, per input file).
        let lower = lowercaseLeads.contains(b[first]) ? text.lowercased() : ""
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") { return .html }
        if b[first] == UInt8(ascii: "<") {
            if let kind = nTriplesOrTurtle(text) { return kind }
            if lower.hasPrefix("<?xml") || lower.hasPrefix("<!") || isNameStart(b.dropFirst(first + 1).first) {
                return xmlKind(text)
            }
        }
        if b[first] == UInt8(ascii: "{") || b[first] == UInt8(ascii: "[") {
            let line = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
            if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], object["record"] is String {
                return .factsFile
            }
            if (try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])) != nil
                || (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil
                || looksLikeJSONStart(text) {
                return .json
            }
        }
        if b[first] == UInt8(ascii: "_") || b[first] == UInt8(ascii: "#") || b[first] == UInt8(ascii: "@")
            || lower.hasPrefix("prefix ") || lower.hasPrefix("base ") {
            if let kind = nTriplesOrTurtle(text) { return kind }
        }
        return .text
    }

    /// Reads the first bytes of a file and classifies them; nil when the file cannot be read.
    public static func sniff(path: String) -> ContentKind? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: prefixLength) else { return nil }
        return sniff(data)
    }

    // MARK: - Helpers

    /// The first bytes whose text `sniff` lowercases: those of the scalars whose lowercase starts with «<», «p» or «b».
    static let lowercaseLeads: Set<UInt8> = Set("<pPbB".utf8)

    /// The first bytes of every kind but text: «<» (XML, HTML, N-Triples, Turtle), «{» and «[» (JSON, facts files),
    /// «_», «#», «@» (N-Triples, Turtle), and the `lowercaseLeads` (`lower`'s prefixes).
    static let sniffedLeads: Set<UInt8> = lowercaseLeads.union("{[_#@".utf8)

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    static func isNameStart(_ c: UInt8?) -> Bool {
        guard let c else { return false }
        return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "_") || c >= 0x80
    }

    /// The root element decides: graphml, gexf, rdf:RDF (any prefix bound to the RDF namespace), html, or other XML.
    static func xmlKind(_ text: String) -> ContentKind {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            if rest.hasPrefix("<?") { guard let end = rest.range(of: "?>") else { break }; rest = rest[end.upperBound...]; continue }
            if rest.hasPrefix("<!--") { guard let end = rest.range(of: "-->") else { break }; rest = rest[end.upperBound...]; continue }
            if rest.hasPrefix("<!") { guard let end = rest.firstIndex(of: ">") else { break }; rest = rest[rest.index(after: end)...]; continue }
            let name = rest.dropFirst().prefix { !" \t\r\n/>".contains($0) }
            let tag = rest.prefix { $0 != ">" }
            let local = name.split(separator: ":").last.map(String.init) ?? String(name)
            switch local.lowercased() {
            case "graphml": return .graphML
            case "gexf": return .gexf
            case "html": return .html
            case "rdf" where tag.contains("http://www.w3.org/1999/02/22-rdf-syntax-ns#") || name == "rdf:RDF": return .rdfXML
            default: return .xml(root: local.isEmpty ? nil : local)
            }
        }
        return .xml(root: nil)
    }

    /// N-Triples when the first statement line is `<iri>|_:b <iri> object .`; Turtle when it starts with a
    /// directive (`@prefix`, `PREFIX`, `@base`, `BASE`) or an N-Triples-like line uses a prefixed name.
    static func nTriplesOrTurtle(_ text: String) -> ContentKind? {
        for raw in text.split(separator: "\n").prefix(20) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let lower = line.lowercased()
            if lower.hasPrefix("@prefix") || lower.hasPrefix("@base") || lower.hasPrefix("prefix ") || lower.hasPrefix("base ") {
                return .turtle
            }
            guard line.hasPrefix("<") || line.hasPrefix("_:") else { return nil }
            let subjectEnd: String.Index?
            if line.hasPrefix("<") { subjectEnd = line.firstIndex(of: ">") } else { subjectEnd = line.firstIndex(of: " ") }
            guard let s = subjectEnd else { return nil }
            let subject = line[..<s]
            if subject.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" && subject.first != "<" }) { return nil }
            if subject.dropFirst().contains("<") { return nil }
            let rest = line.hasPrefix("<") ? line[line.index(after: s)...] : line[s...]
            guard rest.first == " " || rest.first == "\t" else { return nil }
            let after = rest.drop { $0 == " " || $0 == "\t" }
            if after.hasPrefix("<") { return line.hasSuffix(".") ? .nTriples : .turtle }
            return nil
        }
        return nil
    }

    /// `{"key"` or `[{` / `["` / `[1` at the start of a (possibly truncated) document.
    static func looksLikeJSONStart(_ text: String) -> Bool {
        let t = text.drop { $0 == "{" || $0 == "[" || $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        guard text.first == "{" || text.first == "[" else { return false }
        return t.first == "\"" || t.first == "}" || t.first == "]" || (text.first == "[" && (t.first?.isNumber ?? false))
    }
}
