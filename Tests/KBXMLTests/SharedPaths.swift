// Locates ../shared (schemas and samples) relative to the package root, found from this file's path.

import Foundation
import Testing

enum SharedPaths {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// The directory that contains Package.swift, found by walking up from this source file (symlinks resolved).
    static func packageRoot(file: String = #filePath) throws -> URL {
        var dir = URL(fileURLWithPath: file).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        throw Missing(description: "no Package.swift above \(file)")
    }

    /// `<package root>/../shared`; fails the test with a clear message when it is missing (never skips).
    static func shared() throws -> URL {
        let shared = try packageRoot().appendingPathComponent("../shared").standardizedFileURL
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: shared.path, isDirectory: &isDir), isDir.boolValue else {
            let problem = Missing(description: "../shared not found at \(shared.path): the KBXML tests need the shared "
                + "schemas (schemas/graphml, schemas/rdfxml, schemas/samples) next to the package")
            Issue.record(problem)
            throw problem
        }
        return shared
    }

    /// A file under ../shared that must exist.
    static func file(_ relative: String) throws -> String {
        let path = try shared().appendingPathComponent(relative).path
        guard FileManager.default.fileExists(atPath: path) else {
            let problem = Missing(description: "missing shared file \(path)")
            Issue.record(problem)
            throw problem
        }
        return path
    }
}

/// A fresh temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kbxml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
