// What every test target needs and test targets cannot share by themselves: the package's paths (and ../shared
// beside it), running a child process (the built kbexport, rapper, python3 …) without deadlocking on full pipes,
// temporary folders, and compiled schemas cached per process. A plain library target (no XCTest, no Testing),
// used by the test targets only; a missing file or tool is a thrown `SetupError`, which fails the test that needs
// it in either framework.

import Foundation
import KBXML

#if canImport(Glibc)
import Glibc
#endif

/// A test precondition that does not hold (missing file or tool): thrown, so the test fails with this text.
public struct SetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Paths of the package, of `../shared` beside it, and of the binary under test.
public enum Project {
    /// The directory that holds Package.swift, found from this file's path.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared` beside the project, or a path below it; fails (never skips) when missing: schemas, corpora,
    /// the W3C suites and the round-trip tools are read from there and never copied into the project.
    public static func shared(_ relative: String = "") throws -> URL {
        let base = root.deletingLastPathComponent().appendingPathComponent("shared")
        let url = relative.isEmpty ? base : base.appendingPathComponent(relative).standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SetupError("missing \(url.path): the tests read schemas, corpora and W3C suites from ../shared "
                + "beside the project (\(root.path))")
        }
        return url
    }

    /// `shared(relative).path`.
    public static func sharedPath(_ relative: String) throws -> String { try shared(relative).path }

    /// A file of the project's `Schemas/`.
    public static func schema(_ name: String) -> String { root.appendingPathComponent("Schemas/\(name)").path }

    /// The bundled seed articles.
    public static var seeds: URL { root.appendingPathComponent("seeds") }

    /// The kbexport binary built with the tests: beside the test bundle first (any --scratch-path), else .build/debug.
    public static let binary: String = {
        var candidates: [String] = []
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("kbexport").path)
            dir.deleteLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("kbexport").path)
        candidates.append(root.appendingPathComponent(".build/debug/kbexport").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()
}

/// Running child processes.
public enum Command {
    public struct Result: Sendable {
        public var status: Int32
        /// True when the child was ended by a signal (`status` is then the signal number).
        public var signaled: Bool
        public var stdout: [UInt8]
        public var stderr: String
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stdoutData: Data { Data(stdout) }
    }

    /// Runs a program to the end (a bare name is looked up on PATH), feeding `stdin`, from `cwd` (default: the
    /// package root). `stdoutHandle` replaces the captured standard output.
    @discardableResult
    public static func run(_ exe: String, _ args: [String], stdin: [UInt8]? = nil, cwd: String? = nil,
                           stdoutHandle: FileHandle? = nil, env: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe.hasPrefix("/") ? exe : (which(exe) ?? exe))
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: cwd ?? Project.root.path)
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = stdoutHandle ?? out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        let outData = stdoutHandle == nil ? ReadAll(out.fileHandleForReading) : nil
        let errData = ReadAll(err.fileHandleForReading)
        if let stdin { inp.fileHandleForWriting.write(Data(stdin)) }
        try? inp.fileHandleForWriting.close()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, signaled: p.terminationReason == .uncaughtSignal,
                      stdout: outData.map { [UInt8]($0.wait()) } ?? [], stderr: String(decoding: errData.wait(), as: UTF8.self))
    }

    /// Runs the kbexport binary built with the tests.
    @discardableResult
    public static func kbexport(_ args: [String], stdin: [UInt8]? = nil, cwd: String? = nil,
                                stdoutHandle: FileHandle? = nil) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: Project.binary) else {
            throw SetupError("kbexport binary not found at \(Project.binary): build it first (swift build --build-tests)")
        }
        return try run(Project.binary, args, stdin: stdin, cwd: cwd, stdoutHandle: stdoutHandle)
    }

    /// Full path of a command on PATH (or the usual system folders), or nil.
    public static func which(_ name: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for dir in path + ["/usr/bin", "/bin", "/usr/sbin", "/sbin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
            return "\(dir)/\(name)"
        }
        return nil
    }

    /// True when python3 can import every module.
    public static func python(has modules: [String]) -> Bool {
        guard which("python3") != nil else { return false }
        return (try? run("python3", ["-c", "import " + modules.joined(separator: ", ")]).status) == 0
    }

    /// Whether a missing external consumer (rapper, rdflib, Virtuoso …) must fail its test instead of skipping
    /// it: CI and Scripts/test.sh set KB_REQUIRE_CONSUMERS=1.
    public static var consumersRequired: Bool { ProcessInfo.processInfo.environment["KB_REQUIRE_CONSUMERS"] == "1" }

    /// When a consumer is missing: a `SetupError` (the test fails) if `consumersRequired`, else the test
    /// framework's skip error made by `skip` (e.g. `{ XCTSkip($0) }`).
    public static func requireConsumer(_ available: Bool, _ what: String, skip: (String) -> any Error) throws {
        guard !available else { return }
        if consumersRequired { throw SetupError("\(what) is required (KB_REQUIRE_CONSUMERS=1) but not installed") }
        throw skip("\(what) is not installed")
    }
}

/// Reads a file handle to the end on a background thread (so a full pipe never blocks the child).
public final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    public init(_ h: FileHandle) {
        DispatchQueue.global().async { [self] in
            data = h.readDataToEndOfFile()
            done.signal()
        }
    }
    public func wait() -> Data { done.wait(); return data }
}

/// A fresh temporary folder; `remove()` deletes it (also after a `chmod 000` inside it), and so does the end of
/// its life when made with `removeWhenDone: true`.
public final class TempFolder: Sendable {
    public let url: URL
    public var path: String { url.path }
    private let removeWhenDone: Bool

    public init(_ tag: String = "test", removeWhenDone: Bool = false) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kbexport-\(tag)-\(UUID().uuidString)")
        self.removeWhenDone = removeWhenDone
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        _ = chmod(url.path, 0o755)
        if !removeWhenDone { TempFolderSweep.register(url) }
    }

    deinit { if removeWhenDone { remove() } }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let p = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: p.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: p)
        return p.path
    }

    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    public func read(_ name: String) -> [UInt8]? { FileManager.default.contents(atPath: path(name)).map { [UInt8]($0) } }

    public func entries() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    public func remove() {
        _ = try? Command.run("/bin/chmod", ["-R", "u+rwX", path])
        try? FileManager.default.removeItem(at: url)
    }
}

/// Folders made without `removeWhenDone` (a test may keep only their path) are removed when the test process exits.
enum TempFolderSweep {
    nonisolated(unsafe) private static var urls = [URL]()
    nonisolated(unsafe) private static var armed = false
    private static let lock = NSLock()

    static func register(_ url: URL) {
        lock.lock(); defer { lock.unlock() }
        urls.append(url)
        if !armed { armed = true; atexit { TempFolderSweep.sweep() } }
    }

    /// Makes every folder inside writable again (a test may leave one `chmod 000`), then removes the whole folder.
    static func sweep() {
        lock.lock(); let all = urls; urls = []; lock.unlock()
        let fm = FileManager.default
        for url in all {
            _ = chmod(url.path, 0o755)
            if let walk = fm.enumerator(atPath: url.path) {
                while let rel = walk.nextObject() as? String {
                    let p = url.appendingPathComponent(rel).path
                    var st = stat()
                    if lstat(p, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { _ = chmod(p, 0o755) }
                }
            }
            try? fm.removeItem(at: url)
        }
    }
}

/// Compiled schemas, loaded once per process: the project's profiles and the official GraphML XSD (through its
/// offline catalog) and RDF/XML RELAX NG from ../shared.
public enum SchemaCache {
    nonisolated(unsafe) private static var cache = [String: SchemaValidator]()
    private static let lock = NSLock()

    public static func validator(_ path: String, _ kind: SchemaValidator.Kind, catalog: String? = nil) throws -> SchemaValidator {
        lock.lock(); defer { lock.unlock() }
        if let v = cache[path] { return v }
        let v = try SchemaValidator(path: path, kind: kind, catalog: catalog)
        cache[path] = v
        return v
    }

    public static func ownGraphML() throws -> SchemaValidator { try validator(Project.schema("kbexport-graphml.xsd"), .xsd) }
    public static func ownRDFXML() throws -> SchemaValidator { try validator(Project.schema("kbexport-rdfxml.rng"), .relaxNG) }
    public static func officialGraphML() throws -> SchemaValidator {
        try validator(Project.sharedPath("schemas/graphml/graphml.xsd"), .xsd,
                      catalog: Project.sharedPath("schemas/graphml/catalog.xml"))
    }
    /// GEXF 1.3's RELAX NG (the official XSD rejects the namespaced viz elements: ../shared/schemas/gexf/SOURCES.md).
    public static func officialGEXF() throws -> SchemaValidator {
        try validator(Project.sharedPath("schemas/gexf/gexf.rng"), .relaxNG)
    }
    public static func officialRDFXML() throws -> SchemaValidator {
        try validator(Project.sharedPath("schemas/rdfxml/rdfxml-rdf11.rng"), .relaxNG)
    }
}
