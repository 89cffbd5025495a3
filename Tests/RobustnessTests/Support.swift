// Helpers for the robustness tests: paths, running the built kbexport binary, temporary directories, schema
// validation of every output format, and small readers used to check that an output parses back.
// (Paths, child processes, temporary folders and the schema cache come from KBTestSupport.)

import Foundation
import KBGraph
import KBTestSupport
import KBWriters
import KBXML
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What this machine allows the robustness tests to do.
enum Env {
    static var isRoot: Bool { geteuid() == 0 }

    /// True when the tests (and so the binary built with them) run under AddressSanitizer.
    static let underAddressSanitizer: Bool = dlsym(nil, "__asan_init") != nil

    /// `setpriv` arguments that run a command as the unprivileged user `nobody`, when we are root and can.
    static let dropPrivileges: [String]? = {
        guard isRoot, let setpriv = Command.which("setpriv") else { return nil }
        let args = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        guard let r = try? Command.run(args[0], Array(args.dropFirst()) + ["/bin/true"]), r.status == 0 else { return nil }
        return args
    }()

    /// Whether `unshare -m` + `mount -t tmpfs` work here (root in a container that allows mount namespaces).
    static let canMountTmpfs: Bool = {
        guard isRoot, let unshare = Command.which("unshare"), Command.which("mount") != nil else { return false }
        guard let dir = try? TempFolder("robust") else { return false }
        defer { dir.remove() }
        let r = try? Command.run(unshare, ["-m", "sh", "-c", "mount -t tmpfs -o size=64k none '\(dir.path)' && touch '\(dir.path)/x'"])
        return r?.status == 0
    }()
}

// MARK: - Validation of every output format

/// The schemas every output of a format must pass.
enum Schemas {
    /// The validators every document of a format must pass: the project's profile and the official schema.
    static func validators(for format: OutputFormat) throws -> [SchemaValidator] {
        switch format.rawValue {
        case "graphml":
            return [try SchemaCache.ownGraphML(), try SchemaCache.officialGraphML()]
        case "rdfxml":
            return [try SchemaCache.ownRDFXML(), try SchemaCache.officialRDFXML()]
        default:
            return []
        }
    }
}

/// Records one issue per problem of `problems(in:format:label:)`, with the messages.
func expectValid(_ bytes: [UInt8], _ format: OutputFormat, _ label: String,
                 sourceLocation: SourceLocation = #_sourceLocation) throws {
    for p in try problems(in: bytes, format: format, label: label) {
        Issue.record(Comment(rawValue: p), sourceLocation: sourceLocation)
    }
}

/// Whether a format writes XML (and so must be well-formed and schema-valid).
func isXML(_ format: OutputFormat) -> Bool { ["graphml", "rdfxml", "svg", "html"].contains(format.rawValue) }

/// The raptor parser name of a non-XML RDF format, nil for formats rapper cannot read.
func rapperSyntax(_ format: OutputFormat) -> String? {
    switch format.rawValue {
    case "rdfxml": return "rdfxml"
    case "ntriples": return "ntriples"
    case "turtle": return "turtle"
    default: return nil
    }
}

/// Every problem with one output document: not well-formed, schema-invalid, or (N-Triples) a bad line.
/// Returns [] when the document is fine.
func problems(in bytes: [UInt8], format: OutputFormat, label: String) throws -> [String] {
    if isXML(format) {
        let wf = XMLDocumentCheck.wellFormedErrors(bytes: bytes, name: label)
        if !wf.isEmpty { return ["\(label) (\(format.rawValue)) is not well-formed: \(wf)"] }
        var out: [String] = []
        for v in try Schemas.validators(for: format) {
            let messages = v.validate(bytes: bytes, name: label)
            if !messages.isEmpty {
                out.append("\(label) (\(format.rawValue)) invalid against \(v.path): "
                           + messages.prefix(5).map(\.description).joined(separator: "; "))
            }
        }
        return out
    }
    guard String(validatingUTF8: bytes) != nil || bytes.isEmpty else { return ["\(label): not UTF-8"] }
    if format.rawValue == "ntriples" {
        do { _ = try NTriples.parse(String(decoding: bytes, as: UTF8.self)) } catch { return ["\(label): \(error)"] }
    }
    if format.rawValue == "jsonl" {
        // The facts file: one JSON object per line, and it reads back as a graph.
        for (n, line) in bytes.split(separator: 0x0A).enumerated() {
            guard (try? JSONSerialization.jsonObject(with: Data(line))) is [String: Any] else {
                return ["\(label): line \(n + 1) is not a JSON object"]
            }
        }
        do { _ = try FactsFile.read(data: Data(bytes), path: label) } catch { return ["\(label): \(error)"] }
    }
    return []
}

extension String {
    init?(validatingUTF8 bytes: [UInt8]) {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var out = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u): out.append(u)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(out)
    }
}

/// Parses a file with rapper and returns the number of triples, or the error text. nil when rapper is absent
/// (then the caller fails under KB_REQUIRE_CONSUMERS=1).
func rapperCount(_ path: String, syntax: String) throws -> Result<Int, SetupError>? {
    guard let rapper = Command.which("rapper") else {
        if Command.consumersRequired { throw SetupError("rapper (raptor2-utils) is required (KB_REQUIRE_CONSUMERS=1)") }
        return nil
    }
    let r = try Command.run(rapper, ["-i", syntax, "-c", path, "http://base.invalid/"])
    // rapper -c prints "rapper: Parsing returned N triples" on stderr.
    guard r.status == 0 else { return .failure(SetupError("rapper -i \(syntax) failed on \(path): \(r.stderr)")) }
    let digits = r.stderr.split(whereSeparator: { !$0.isNumber }).last.flatMap { Int($0) }
    guard let n = digits else { return .failure(SetupError("rapper gave no count: \(r.stderr)")) }
    return .success(n)
}

// MARK: - Reading outputs back

/// An RDF term as compared across formats.
enum Term: Hashable, CustomStringConvertible {
    case iri(String)
    case literal(String, lang: String?, datatype: String?)

    var description: String {
        switch self {
        case .iri(let s): return "<\(s)>"
        case let .literal(s, lang, dt): return "\(s.debugDescription)\(lang.map { "@" + $0 } ?? "")\(dt.map { "^^<\($0)>" } ?? "")"
        }
    }
}

struct Triple: Hashable, CustomStringConvertible {
    var s: String, p: String, o: Term
    var description: String { "<\(s)> <\(p)> \(o) ." }
}

let xsdString = "http://www.w3.org/2001/XMLSchema#string"
let rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

/// A reader of canonical N-Triples (IRIs, literals with escapes; no blank nodes, which kbexport never writes).
enum NTriples {
    struct ParseError: Error, CustomStringConvertible { var description: String }

    static func parse(_ text: String) throws -> Set<Triple> {
        var out = Set<Triple>()
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            var s = Substring(line).unicodeScalars[...]
            func fail(_ why: String) -> ParseError { ParseError(description: "line \(n + 1): \(why): \(line)") }
            func iri() throws -> String {
                guard s.first == "<", let end = s.firstIndex(of: ">") else { throw fail("expected an IRI") }
                let value = String(String.UnicodeScalarView(s[s.index(after: s.startIndex)..<end]))
                s = s[s.index(after: end)...]
                return value
            }
            func space() throws {
                guard s.first == " " else { throw fail("expected one space") }
                s = s.dropFirst()
            }
            let subject = try iri(); try space()
            let predicate = try iri(); try space()
            let object: Term
            if s.first == "<" {
                object = .iri(try iri())
            } else if s.first == "\"" {
                s = s.dropFirst()
                var value = String.UnicodeScalarView()
                while true {
                    guard let c = s.first else { throw fail("unterminated literal") }
                    s = s.dropFirst()
                    if c == "\"" { break }
                    if c == "\\" {
                        guard let e = s.first else { throw fail("bad escape") }
                        s = s.dropFirst()
                        switch e {
                        case "t": value.append("\t"); case "n": value.append("\n"); case "r": value.append("\r")
                        case "b": value.append("\u{8}"); case "f": value.append("\u{C}")
                        case "\"": value.append("\""); case "\\": value.append("\\"); case "'": value.append("'")
                        case "u", "U":
                            let width = e == "u" ? 4 : 8
                            let hex = String(String.UnicodeScalarView(s.prefix(width)))
                            guard hex.count == width, let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) else {
                                throw fail("bad \\u escape")
                            }
                            value.append(u); s = s.dropFirst(width)
                        default: throw fail("unknown escape \\\(e)")
                        }
                    } else {
                        if c == "\n" || c == "\r" { throw fail("raw line break in literal") }
                        value.append(c)
                    }
                }
                var lang: String?, datatype: String?
                if s.first == "@" {
                    s = s.dropFirst()
                    let tag = s.prefix { $0 != " " }
                    lang = String(String.UnicodeScalarView(tag)); s = s.dropFirst(tag.count)
                } else if s.starts(with: "^^".unicodeScalars) {
                    s = s.dropFirst(2)
                    datatype = try iri()
                }
                if datatype == xsdString { datatype = nil }
                object = .literal(String(value), lang: lang?.lowercased(), datatype: datatype)
            } else {
                throw fail("expected an IRI or a literal object")
            }
            guard String(String.UnicodeScalarView(s)) == " ." else { throw fail("expected ' .' at the end") }
            out.insert(Triple(s: subject, p: predicate, o: object))
        }
        return out
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element (namespace-aware), read with Foundation's XMLParser: an independent reader of our output.
final class Element {
    let namespace: String
    let name: String
    var attributes: [String: String]
    var children: [Element] = []
    var text = ""

    init(namespace: String, name: String, attributes: [String: String]) {
        self.namespace = namespace; self.name = name; self.attributes = attributes
    }

    func all(_ name: String) -> [Element] { children.filter { $0.name == name } }

    static func parse(_ bytes: [UInt8]) throws -> Element {
        let builder = Builder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw SetupError("XMLParser failed at line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "?")")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let e = Element(namespace: namespaceURI ?? "", name: name, attributes: attributes)
            if let parent = stack.last { parent.children.append(e) } else { root = e }
            stack.append(e)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
}

/// The triples of an RDF/XML document in kbexport's profile (rdf:Description with rdf:about; property elements
/// with rdf:resource, or text with xml:lang or rdf:datatype).
func rdfXMLTriples(_ bytes: [UInt8]) throws -> Set<Triple> {
    let root = try Element.parse(bytes)
    guard root.name == "RDF", root.namespace == rdfNS else { throw SetupError("root is not rdf:RDF") }
    var out = Set<Triple>()
    func attr(_ e: Element, _ names: [String]) -> String? { names.lazy.compactMap { e.attributes[$0] }.first }
    for d in root.children {
        guard d.name == "Description", let about = attr(d, ["rdf:about", "about"]) else {
            throw SetupError("unexpected node element \(d.name)")
        }
        for p in d.children {
            let predicate = p.namespace + p.name
            if let r = attr(p, ["rdf:resource", "resource"]) {
                out.insert(Triple(s: about, p: predicate, o: .iri(r)))
            } else {
                var dt = attr(p, ["rdf:datatype", "datatype"])
                if dt == xsdString { dt = nil }
                let lang = attr(p, ["xml:lang", "lang"])?.lowercased()
                out.insert(Triple(s: about, p: predicate, o: .literal(p.text, lang: lang, datatype: dt)))
            }
        }
    }
    return out
}

/// Writes a graph in a format to memory.
func render(_ graph: KnowledgeGraph, _ format: OutputFormat, options: ExportOptions = ExportOptions()) throws -> [UInt8] {
    let sink = MemorySink()
    try format.makeWriter(options: options).write(graph, to: sink)
    return sink.bytes
}

/// A sink that accepts `limit` bytes and then fails, like a disk that fills up mid-write.
final class FailingSink: OutputSink {
    let inner: OutputSink
    let limit: Int
    private(set) var written = 0

    init(_ inner: OutputSink, failAfter limit: Int) { self.inner = inner; self.limit = limit }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if written + bytes.count > limit {
            let room = max(0, limit - written)
            if room > 0 { try inner.write(UnsafeRawBufferPointer(rebasing: bytes[0..<room])) }
            written = limit
            throw XMLError.output("test sink: No space left on device")
        }
        try inner.write(bytes)
        written += bytes.count
    }

    func flush() throws { try inner.flush() }
}
