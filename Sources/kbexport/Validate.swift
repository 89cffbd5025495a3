import ArgumentParser
import Foundation
import KBGraph
import KBRDF
import KBResources
import KBText
import KBXML

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check GraphML, GEXF, RDF/XML, N-Triples, Turtle and facts files against their schemas and readers.",
        discussion: """
            The format is detected from the content, not the file name. Each problem is printed as FILE:LINE: message;
            a file that passes gets one line FILE: OK (what it was checked against). Exit status 0 when every file
            passes, 1 otherwise, 64 for a usage error.

            Checks: GraphML against the official GraphML 1.0 XSD and kbexport's Schemas/kbexport-graphml.xsd; GEXF
            against the official GEXF 1.3 RELAX NG; RDF/XML against the official RDF/XML RELAX NG (RDF 1.1) and
            kbexport's Schemas/kbexport-rdfxml.rng, then read as RDF; N-Triples and Turtle with kbexport's readers;
            facts files with kbexport's facts-file reader. kbexport's own schemas are built into the binary.

            The official schemas are not: they are looked for in --schemas DIR, else $KBEXPORT_SCHEMAS, else
            ../shared/schemas beside the current directory or beside the source tree kbexport was built from. DIR has
            the layout graphml/graphml.xsd (+ graphml/catalog.xml, the offline catalog for its imports),
            gexf/gexf.rng, rdfxml/rdfxml-rdf11.rng. When they are not found, a note says so and only kbexport's own
            checks run. Nothing is ever fetched from the network.
            """)

    @Argument(help: "Files to check.")
    var files: [String]

    @Option(help: "Folder of the official schemas (graphml/, gexf/, rdfxml/). Default: $KBEXPORT_SCHEMAS, else ../shared/schemas.")
    var schemas: String?

    enum Profile: String, ExpressibleByArgument, CaseIterable { case auto, kbexport, official }

    @Option(help: "kbexport's own schemas apply: auto (to files kbexport wrote from articles: GraphML with its label_ar key, RDF/XML with the kbv: prefix), kbexport (always) or official (never).")
    var profile: Profile = .auto

    @Flag(help: "Fail when an official schema is not found (instead of a note).")
    var requireOfficial = false

    @Flag(name: .shortAndLong, help: "Print only the problems, not the OK lines.")
    var quiet = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE to check") }
        if let schemas, !FileManager.default.fileExists(atPath: schemas) {
            throw ValidationError("--schemas \(schemas): no such folder")
        }
    }

    func run() throws {
        let checker = FileChecker(officialDirectory: SchemaLocation.official(explicit: schemas), requireOfficial: requireOfficial,
                                  profile: profile)
        var failed = false
        for path in files {
            let report = checker.check(path)
            for p in report.problems { print("\(path):\(p.line): \(p.message)") }
            if report.problems.isEmpty && !quiet { print("\(path): OK (\(report.kind.name): \(report.checkedBy.joined(separator: ", ")))") }
            failed = failed || !report.problems.isEmpty
        }
        for note in checker.notes.sorted() { warn(note) }
        if failed { throw ExitCode(1) }
    }
}

/// Where the official schemas are.
enum SchemaLocation {
    static func official(explicit: String?) -> String? {
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["KBEXPORT_SCHEMAS"], !env.isEmpty { return env }
        let fm = FileManager.default
        for base in [fm.currentDirectoryPath, ProjectPaths.packageRoot] {
            let dir = URL(fileURLWithPath: base).appendingPathComponent("../shared/schemas").standardizedFileURL.path
            if fm.fileExists(atPath: dir + "/graphml") { return dir }
        }
        return nil
    }
}

/// Checks one file at a time; compiled schemas are kept for the next files.
final class FileChecker {
    struct Report {
        var kind: ContentKind
        var problems: [ValidationMessage] = []
        var checkedBy: [String] = []
    }

    let officialDirectory: String?
    let requireOfficial: Bool
    let profile: Validate.Profile
    private(set) var notes = Set<String>()
    private var compiled: [String: SchemaValidator] = [:]

    init(officialDirectory: String?, requireOfficial: Bool, profile: Validate.Profile = .auto) {
        self.officialDirectory = officialDirectory
        self.requireOfficial = requireOfficial
        self.profile = profile
    }

    /// Whether kbexport's own schema applies to the file: with --profile auto, when the start of the file carries
    /// `marker` (a GraphML key or namespace prefix only kbexport's article exports declare).
    func ownProfileApplies(_ path: String, marker: String) -> Bool {
        switch profile {
        case .kbexport: return true
        case .official: return false
        case .auto:
            guard let h = FileHandle(forReadingAtPath: path), let d = try? h.read(upToCount: 16384) else { return false }
            try? h.close()
            return String(decoding: d, as: UTF8.self).contains(marker)
        }
    }

    func check(_ path: String) -> Report {
        guard FileManager.default.isReadableFile(atPath: path) else {
            return Report(kind: .text, problems: [ValidationMessage(line: 0, message: "cannot read the file")])
        }
        guard let kind = ContentSniffer.sniff(path: path) else {
            return Report(kind: .text, problems: [ValidationMessage(line: 0, message: "cannot read the file")])
        }
        var report = Report(kind: kind)
        switch kind {
        case .graphML:
            schemaCheck(path, official: ("GraphML 1.0 XSD", "graphml/graphml.xsd", .xsd, "graphml/catalog.xml"),
                        own: ownProfileApplies(path, marker: "<key id=\"label_ar\"") ? [("kbexport-graphml.xsd", .xsd)] : [], into: &report)
        case .gexf:
            schemaCheck(path, official: ("GEXF 1.3 RELAX NG", "gexf/gexf.rng", .relaxNG, nil),
                        own: ownProfileApplies(path, marker: "kbexport") ? [("kbexport-gexf.rng", .relaxNG)] : [], into: &report)
        case .rdfXML:
            schemaCheck(path, official: ("RDF/XML RELAX NG", "rdfxml/rdfxml-rdf11.rng", .relaxNG, nil),
                        own: ownProfileApplies(path, marker: "xmlns:kbv=") ? [("kbexport-rdfxml.rng", .relaxNG)] : [], into: &report)
            if report.problems.isEmpty {
                do {
                    _ = try RDFReader.read(path: path, syntax: .rdfxml, base: Export.fileIRI(path))
                    report.checkedBy.append("RDF/XML reader")
                } catch let e as RDFReadError {
                    report.problems.append(ValidationMessage(line: e.line, message: e.message))
                } catch {
                    report.problems.append(ValidationMessage(line: 0, message: "\(error)"))
                }
            }
        case .nTriples:
            do {
                var count = 0
                try NTriplesFile(path: path).forEachTriple { _ in count += 1 }
                report.checkedBy.append("N-Triples reader, \(count) triples")
            } catch let e as RDFReadError {
                report.problems.append(ValidationMessage(line: e.line, message: (e.column > 0 ? "column \(e.column): " : "") + e.message))
            } catch {
                report.problems.append(ValidationMessage(line: 0, message: "\(error)"))
            }
        case .turtle:
            do {
                let count = try TurtleCheck.check(path: path)
                report.checkedBy.append("Turtle reader, \(count) triples")
            } catch let e as RDFReadError {
                report.problems.append(ValidationMessage(line: e.line, message: e.message))
            } catch {
                report.problems.append(ValidationMessage(line: 0, message: "\(error)"))
            }
        case .factsFile:
            do {
                let g = try FactsFile.read(path: path)
                report.checkedBy.append("facts-file reader, \(g.entities.count) entities, \(g.facts.count) facts")
            } catch let e as FactsFile.ReadError {
                report.problems.append(ValidationMessage(line: e.line, message: e.reason))
            } catch {
                report.problems.append(ValidationMessage(line: 0, message: "\(error)"))
            }
        default:
            report.problems.append(ValidationMessage(line: 1, message:
                "unknown format: not GraphML, GEXF, RDF/XML, N-Triples, Turtle or a kbexport facts file (it looks like \(kind.name))"))
        }
        report.problems = Self.tidy(report.problems)
        return report
    }

    /// libxml2 repeats a message per identity constraint and adds "No precomputed value" warnings after a facet
    /// error: those are dropped, the rest kept in order.
    static func tidy(_ messages: [ValidationMessage]) -> [ValidationMessage] {
        var seen = Set<String>()
        return messages.filter { m in
            !m.message.contains("Warning: No precomputed value available") && seen.insert("\(m.line)\t\(m.message)").inserted
        }
    }

    /// Well-formedness, then the official schema (when found) and kbexport's own (when it has one for the format).
    private func schemaCheck(_ path: String, official: (name: String, file: String, kind: SchemaValidator.Kind, catalog: String?),
                             own: [(name: String, kind: SchemaValidator.Kind)], into report: inout Report) {
        let wellFormed = XMLDocumentCheck.wellFormedErrors(path: path)
        if !wellFormed.isEmpty { report.problems = wellFormed; return }
        report.checkedBy.append("well-formed")
        if let dir = officialDirectory, FileManager.default.fileExists(atPath: dir + "/" + official.file) {
            do {
                let v = try validator(key: dir + "/" + official.file) {
                    try SchemaValidator(path: dir + "/" + official.file, kind: official.kind, catalog: official.catalog.map { dir + "/" + $0 })
                }
                report.problems += v.validate(path: path)
                report.checkedBy.append("official \(official.name)")
            } catch {
                report.problems.append(ValidationMessage(line: 0, message: "the official schema cannot be loaded: \(error)"))
            }
        } else if requireOfficial {
            report.problems.append(ValidationMessage(line: 0, message: "official \(official.name) not found (pass --schemas DIR or set KBEXPORT_SCHEMAS)"))
        } else {
            notes.insert("note: official \(official.name) not found (\(official.file) below --schemas DIR, $KBEXPORT_SCHEMAS or ../shared/schemas); "
                + "checked against kbexport's own schema and well-formedness only")
        }
        for schema in own {
            guard let bytes = EmbeddedResources.data(named: "Schemas/" + schema.name) else { continue }
            do {
                let v = try validator(key: "Schemas/" + schema.name) { try SchemaValidator(bytes: [UInt8](bytes), name: schema.name, kind: schema.kind) }
                report.problems += v.validate(path: path)
                report.checkedBy.append(schema.name)
            } catch {
                report.problems.append(ValidationMessage(line: 0, message: "kbexport's \(schema.name) cannot be loaded: \(error)"))
            }
        }
    }

    private func validator(key: String, _ make: () throws -> SchemaValidator) throws -> SchemaValidator {
        if let v = compiled[key] { return v }
        let v = try make()
        compiled[key] = v
        return v
    }
}
