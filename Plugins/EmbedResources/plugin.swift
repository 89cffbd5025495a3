// Build-tool plugin: embeds every bundled resource in the executable, so a copied binary needs no files beside it.
//
// What is embedded (adding a file is enough — no manifest or code change):
//   - every file below `Sources/<Module>/Resources/`, named `<Module>/<path below Resources>`
//     (e.g. `KBFacts/gazetteer.tsv`);
//   - every file below the package's `seeds/` and `Schemas/`, named `seeds/<path>` (e.g. `seeds/000_….txt`)
//     and `Schemas/<path>` (the project's own schemas, used by `kbexport validate`).
// Names starting with "." are skipped. The tool (Sources/EmbedResourcesTool) lists the folders itself when it runs
// and writes one Swift file: each resource's bytes as a base64 string literal (string literals compile in about a
// second for 20 MB, unlike array literals) and an index. The folders are inputs of the command too, so a file added
// to `seeds/` (outside every target, where SwiftPM's cached build plan does not look) still re-runs it.
// See Sources/KBResources/EmbeddedResources.swift for the API.

import Foundation
import PackagePlugin

@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var roots: [(name: String, dir: URL)] = []
        let sources = root.appendingPathComponent("Sources")
        let modules = (try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []
        for module in modules.sorted() where !module.hasPrefix(".") {
            let dir = sources.appendingPathComponent(module).appendingPathComponent("Resources")
            if FileManager.default.fileExists(atPath: dir.path) { roots.append((module, dir)) }
        }
        for folder in ["seeds", "Schemas"] where FileManager.default.fileExists(atPath: root.appendingPathComponent(folder).path) {
            roots.append((folder, root.appendingPathComponent(folder)))
        }
        var inputs: [URL] = []
        for r in roots { inputs += [r.dir] + entries(below: r.dir) }
        let out = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedResourceData.swift")
        return [.buildCommand(
            displayName: "Embedding the resources of \(roots.map(\.name).joined(separator: ", ")) in \(target.name)",
            executable: try context.tool(named: "EmbedResourcesTool").url,
            arguments: [out.path] + roots.flatMap { [$0.name, $0.dir.path] },
            inputFiles: inputs,
            outputFiles: [out])]
    }

    /// Files and folders below `dir` (recursively), hidden names skipped: folders are inputs too (their time changes
    /// when a file is added or removed).
    func entries(below dir: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(atPath: dir.path) else { return [] }
        var found: [URL] = []
        while let rel = walker.nextObject() as? String {
            if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            found.append(dir.appendingPathComponent(rel))
        }
        return found
    }
}
