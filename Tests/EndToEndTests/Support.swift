import Foundation
import XCTest

/// Paths and process helpers for tests that run the built `kbexport` binary and real consumers.
enum E2E {
    /// The package root, found from this file's path.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// ../shared beside the project; tests fail (not skip) when it is missing.
    static func shared() throws -> URL {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared")
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("README.md").path) else {
            XCTFail("../shared is missing next to the project (\(url.path)): schemas and corpora are read from there")
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    /// The built kbexport binary (next to the test bundle).
    static var binary: URL {
        let dir = Bundle.main.bundleURL
        let candidates = [dir.appendingPathComponent("kbexport"), root.appendingPathComponent(".build/debug/kbexport")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    struct Run { var status: Int32; var stdout: Data; var stderr: String }

    /// Runs a program, feeding `stdin`, from the package root.
    @discardableResult
    static func run(_ exe: String, _ args: [String], stdin: Data? = nil, cwd: URL? = nil, env: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        p.currentDirectoryURL = cwd ?? root
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        let outData = ReadAll(out.fileHandleForReading)
        let errData = ReadAll(err.fileHandleForReading)
        if let s = stdin { inp.fileHandleForWriting.write(s) }
        try? inp.fileHandleForWriting.close()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: outData.wait(), stderr: String(decoding: errData.wait(), as: UTF8.self))
    }

    static func kbexport(_ args: [String], stdin: Data? = nil, cwd: URL? = nil) throws -> Run {
        try run(binary.path, args, stdin: stdin, cwd: cwd)
    }

    /// Full path of a command on PATH, or nil.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// When a consumer is missing: fail if KB_REQUIRE_CONSUMERS=1 (CI), else skip.
    static func requireConsumer(_ available: Bool, _ what: String) throws {
        guard !available else { return }
        if ProcessInfo.processInfo.environment["KB_REQUIRE_CONSUMERS"] == "1" {
            XCTFail("\(what) is required (KB_REQUIRE_CONSUMERS=1) but not installed")
            throw CocoaError(.featureUnsupported)
        }
        throw XCTSkip("\(what) is not installed")
    }

    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kbexport-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Reads a file handle to the end on a background thread (so a full pipe never blocks the child).
final class ReadAll: @unchecked Sendable {
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
