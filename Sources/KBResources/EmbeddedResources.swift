// Every bundled resource is compiled into the executable (the EmbedResources build-tool plugin), so kbexport
// copied alone to another machine or folder still has its gazetteer, relation table, models and seed articles.
//
// Adding a resource: put the file below `Sources/<Module>/Resources/` (or in `seeds/`); it is embedded at the
// next build as `<Module>/<path>` (or `seeds/<path>`) and read with `EmbeddedResources.data(named:)`.
// Bundle.module stays a fallback for a build made without the plugin (declare `.copy("Resources")`).

import Foundation

public enum EmbeddedResources {
    /// The names of every embedded resource, sorted (e.g. `KBFacts/gazetteer.tsv`, `seeds/000_….txt`).
    public static let names: [String] = embeddedResourceTable.map(\.name).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }

    /// The names below a folder prefix such as `seeds/`, sorted.
    public static func names(under prefix: String) -> [String] {
        names.filter { $0.hasPrefix(prefix) }
    }

    /// The bytes of an embedded resource (decoded on first use and kept), or nil when there is none by that name.
    public static func data(named name: String) -> Data? {
        cache.value(for: name)
    }

    /// The resource as UTF-8 text, or nil when absent or not UTF-8.
    public static func text(named name: String) -> String? {
        data(named: name).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// The embedded resource `module/name`, else the file `name` of a resource bundle (the caller passes its own
    /// `Bundle.module`, reached only when the resource is not embedded), else nil.
    public static func data(named name: String, module: String, fallback: () -> Bundle?) -> Data? {
        if let d = data(named: "\(module)/\(name)") { return d }
        guard let bundle = fallback() else { return nil }
        let url = bundle.bundleURL.appendingPathComponent("Resources/\(name)")
        let flat = bundle.bundleURL.appendingPathComponent(name)
        return FileManager.default.contents(atPath: url.path) ?? FileManager.default.contents(atPath: flat.path)
    }

    private static let cache = DecodedCache()
}

/// Decoded resources, filled on first use from several threads.
private final class DecodedCache: @unchecked Sendable {
    private var decoded: [String: Data] = [:]
    private let lock = NSLock()
    private let byName: [String: Int] = {
        var d: [String: Int] = [:]
        for (i, r) in embeddedResourceTable.enumerated() { d[r.name] = i }
        return d
    }()

    /// (Decoded outside the lock: the labeller's model takes tens of milliseconds to decode, and the threads that
    /// load the gazetteer and the rules at the same time need their own resources meanwhile. Two threads that decode
    /// the same resource at once get the same bytes; the first kept is returned to both.)
    func value(for name: String) -> Data? {
        lock.lock()
        let hit = decoded[name]
        lock.unlock()
        if let hit { return hit }
        guard let i = byName[name] else { return nil }
        let entry = embeddedResourceTable[i]
        let data = entry.base64.withUTF8Buffer { Data(base64Encoded: Data($0)) }
        guard let data, data.count == entry.size else { return nil }
        lock.lock(); defer { lock.unlock() }
        if let kept = decoded[name] { return kept }
        decoded[name] = data
        return data
    }
}
