// Build-tool plugin: embeds every bundled resource in the executable, so a copied binary needs no files beside it.
//
// What is embedded (found again at every build, so adding a file is enough — no manifest or code change):
//   - every file below `Sources/<Module>/Resources/`, named `<Module>/<path below Resources>`
//     (e.g. `KBFacts/gazetteer.tsv`);
//   - every file below the package's `seeds/` and `Schemas/`, named `seeds/<path>` (e.g. `seeds/000_….txt`)
//     and `Schemas/<path>` (the project's own schemas, used by `kbexport validate`).
// Names starting with "." are skipped. The tool writes one Swift file per resource (a base64 string literal:
// string literals compile in about a second for 20 MB, unlike array literals) and an index; see
// Sources/KBResources/EmbeddedResources.swift for the API.

import Foundation
import PackagePlugin

@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var entries: [(name: String, url: URL)] = []
        let sources = root.appendingPathComponent("Sources")
        let modules = (try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []
        for module in modules.sorted() where !module.hasPrefix(".") {
            let dir = sources.appendingPathComponent(module).appendingPathComponent("Resources")
            entries += files(below: dir).map { ("\(module)/\($0)", dir.appendingPathComponent($0)) }
        }
        for folder in ["seeds", "Schemas"] {
            let dir = root.appendingPathComponent(folder)
            entries += files(below: dir).map { ("\(folder)/\($0)", dir.appendingPathComponent($0)) }
        }

        let out = context.pluginWorkDirectoryURL.appendingPathComponent("embedded")
        let outputs = [out.appendingPathComponent("EmbeddedIndex.swift")]
            + entries.indices.map { out.appendingPathComponent("Embedded\($0).swift") }
        // arguments: OUTPUT_DIR then NAME PATH pairs
        var arguments = [out.path]
        for e in entries { arguments += [e.name, e.url.path] }
        return [.buildCommand(
            displayName: "Embedding \(entries.count) resources in \(target.name)",
            executable: try context.tool(named: "EmbedResourcesTool").url,
            arguments: arguments,
            inputFiles: entries.map(\.url),
            outputFiles: outputs)]
    }

    /// Regular files below `dir` (recursively), as paths relative to it, sorted; hidden names skipped.
    func files(below dir: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: dir.path) else { return [] }
        var found: [String] = []
        while let rel = walker.nextObject() as? String {
            if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(rel).path, isDirectory: &isDir), !isDir.boolValue {
                found.append(rel)
            }
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
