// Helpers for the robustness tests: paths, running the built kbexport binary, temporary directories, schema
// validation of every output format, and small readers used to check that an output parses back.
// (Test targets cannot share code; the process helpers follow Tests/EndToEndTests/Support.swift.)

import Foundation
import KBGraph
import KBWriters
import KBXML
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Paths of the package, ../shared and the binary under test.
enum Env {
    /// The directory that holds Package.swift, found from this file's path.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// A file under ../shared; fails (never skips) when missing.
    static func shared(_ relative: String) throws -> String {
        let path = root.deletingLastPathComponent().appendingPathComponent("shared/\(relative)").standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw SetupError("missing \(path): the robustness tests read the official schemas from ../shared beside the project")
        }
        return path
    }

    static func schema(_ name: String) -> String { root.appendingPathComponent("Schemas/\(name)").path }

    /// The kbexport binary built with the tests: beside the test bundle first (any --scratch-path), else .build/debug.
    static let binary: String = {
        var candidates: [String] = []
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = argv0.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("kbexport").path)
            dir.deleteLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("kbexport").path)
        candidates.append(root.appendingPathComponent(".build/debug/kbexport").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    static var isRoot: Bool { geteuid() == 0 }

    /// True when the tests (and so the binary built with them) run under AddressSanitizer.
    static let underAddressSanitizer: Bool = dlsym(nil, "__asan_init") != nil

    /// Full path of a command on PATH, or nil.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        for dir in ["/usr/bin", "/bin", "/usr/sbin", "/sbin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
            return "\(dir)/\(name)"
        }
        return nil
    }

    /// Whether tests may require the external consumers (CI sets KB_REQUIRE_CONSUMERS=1).
    static var requireConsumers: Bool { ProcessInfo.processInfo.environment["KB_REQUIRE_CONSUMERS"] == "1" }

    /// `setpriv` arguments that run a command as the unprivileged user `nobody`, when we are root and can.
    static let dropPrivileges: [String]? = {
        guard isRoot, let setpriv = which("setpriv") else { return nil }
        let args = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        guard let r = try? Proc.run(args[0], Array(args.dropFirst()) + ["/bin/true"]), r.status == 0 else { return nil }
        return args
    }()

    /// Whether `unshare -m` + `mount -t tmpfs` work here (root in a container that allows mount namespaces).
    static let canMountTmpfs: Bool = {
        guard isRoot, let unshare = which("unshare"), which("mount") != nil else { return false }
        guard let dir = try? TempDir() else { return false }
        defer { dir.remove() }
        let r = try? Proc.run(unshare, ["-m", "sh", "-c", "mount -t tmpfs -o size=64k none '\(dir.path)' && touch '\(dir.path)/x'"])
        return r?.status == 0
    }()
}

/// A test precondition that does not hold (missing file or tool): thrown, so the test fails with this text.
struct SetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A fresh temporary directory.
struct TempDir {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kbexport-robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        _ = chmod(url.path, 0o755)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let p = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: p.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: p)
        return p.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    func entries() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    func read(_ name: String) -> [UInt8]? { FileManager.default.contents(atPath: path(name)).map { [UInt8]($0) } }

    func remove() {
        // Undo chmod 000 and similar before removing.
        _ = try? Proc.run("/bin/chmod", ["-R", "u+rwX", path])
        try? FileManager.default.removeItem(at: url)
    }
}

/// Running child processes.
enum Proc {
    struct Result {
        var status: Int32
        /// True when the child was ended by a signal (`status` is then the signal number).
        var signaled: Bool
        var stdout: [UInt8]
        var stderr: String
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs a program to the end, feeding `stdin`. `stdoutHandle` replaces the captured standard output.
    @discardableResult
    static func run(_ exe: String, _ args: [String], stdin: [UInt8]? = nil, cwd: String? = nil,
                    stdoutHandle: FileHandle? = nil, env: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = stdoutHandle ?? out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        let outData = stdoutHandle == nil ? Drain(out.fileHandleForReading) : nil
        let errData = Drain(err.fileHandleForReading)
        if let stdin { inp.fileHandleForWriting.write(Data(stdin)) }
        try? inp.fileHandleForWriting.close()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, signaled: p.terminationReason == .uncaughtSignal,
                      stdout: outData.map { [UInt8]($0.wait()) } ?? [], stderr: String(decoding: errData.wait(), as: UTF8.self))
    }

    /// Runs the kbexport binary.
    @discardableResult
    static func kbexport(_ args: [String], stdin: [UInt8]? = nil, cwd: String? = nil, stdoutHandle: FileHandle? = nil) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: Env.binary) else {
            throw SetupError("kbexport binary not found at \(Env.binary): build it first (swift build --build-tests)")
        }
        return try run(Env.binary, args, stdin: stdin, cwd: cwd, stdoutHandle: stdoutHandle)
    }
}

/// Reads a file handle to the end on a background thread (so a full pipe never blocks the child).
final class Drain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    init(_ h: FileHandle) {
        DispatchQueue.global().async { [self] in
            data = h.readDataToEndOfFile()
            done.signal()
        }
    }
    func wait() -> Data { done.wait(); return data }
}

// MARK: - Validation of every output format

/// Compiled schemas, loaded once per process.
enum Schemas {
    nonisolated(unsafe) private static var cache = [String: SchemaValidator]()
    private static let lock = NSLock()

    static func validator(_ path: String, _ kind: SchemaValidator.Kind, catalog: String? = nil) throws -> SchemaValidator {
        lock.lock(); defer { lock.unlock() }
        if let v = cache[path] { return v }
        let v = try SchemaValidator(path: path, kind: kind, catalog: catalog)
        cache[path] = v
        return v
    }

    /// The validators every document of a format must pass: the project's profile and the official schema.
    static func validators(for format: OutputFormat) throws -> [SchemaValidator] {
        switch format.rawValue {
        case "graphml":
            return [try validator(Env.schema("kbexport-graphml.xsd"), .xsd),
                    try validator(Env.shared("schemas/graphml/graphml.xsd"), .xsd,
                                  catalog: Env.shared("schemas/graphml/catalog.xml"))]
        case "rdfxml":
            return [try validator(Env.schema("kbexport-rdfxml.rng"), .relaxNG),
                    try validator(Env.shared("schemas/rdfxml/rdfxml-rdf11.rng"), .relaxNG)]
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
func isXML(_ format: OutputFormat) -> Bool { format.rawValue == "graphml" || format.rawValue == "rdfxml" }

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
    guard let rapper = Env.which("rapper") else {
        if Env.requireConsumers { throw SetupError("rapper (raptor2-utils) is required (KB_REQUIRE_CONSUMERS=1)") }
        return nil
    }
    let r = try Proc.run(rapper, ["-i", syntax, "-c", path, "http://base.invalid/"])
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
