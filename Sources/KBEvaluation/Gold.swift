// Gold annotations in the development-corpus format (see ../shared/dev-corpus/README.md):
// a TSV file with the header `kind type subject object date arabic_evidence`.

import Foundation
import KBGraph

/// One row of a gold file: an entity (canonical name in `subject`) or a relation (`subject` → `object`).
public struct GoldRow: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case entity, relation }

    public var kind: Kind
    /// Entity type (`PERSON`, `ORG`, `GPE`, `LOC`, `DATE`) or relation type (`VISIT`, `MEET`, ...).
    public var type: String
    /// Canonical English name (entity) or the subject's canonical name (relation); the ISO value for a DATE entity.
    public var subject: String
    /// The object's canonical name for a relation; empty for an entity.
    public var object: String
    /// ISO date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM`, `--MM-DD`) or empty.
    public var date: String
    /// The `arabic_evidence` column split on ` / ` (alternatives, separate spans) and ` ... ` (a gap inside a span).
    public var evidence: [String]
    /// 1-based line number in the file (the header is line 1).
    public var line: Int

    public init(kind: Kind, type: String, subject: String, object: String = "", date: String = "",
                evidence: [String], line: Int = 0) {
        self.kind = kind; self.type = type; self.subject = subject; self.object = object; self.date = date
        self.evidence = evidence; self.line = line
    }

    /// Convenience for an entity row.
    public static func entity(_ type: String, _ name: String, evidence: [String], date: String = "", line: Int = 0) -> GoldRow {
        GoldRow(kind: .entity, type: type, subject: name, date: date, evidence: evidence, line: line)
    }

    /// Convenience for a relation row.
    public static func relation(_ type: String, _ subject: String, _ object: String, date: String = "",
                                evidence: [String] = [], line: Int = 0) -> GoldRow {
        GoldRow(kind: .relation, type: type, subject: subject, object: object, date: date, evidence: evidence, line: line)
    }
}

/// A malformed gold file; the description names the file and the line.
public struct GoldError: Error, CustomStringConvertible, Sendable {
    public var file: String
    /// 1-based line, or 0 when the problem is not tied to a line (e.g. an unreadable file).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) { self.file = file; self.line = line; self.message = message }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

public enum GoldReader {
    /// The exact header line of a gold file.
    public static let header = ["kind", "type", "subject", "object", "date", "arabic_evidence"]
    public static let entityTypes: Set<String> = ["PERSON", "ORG", "GPE", "LOC", "DATE"]
    /// The relation types of the inventory (the relation table, Resources/relations.tsv of KBGraph).
    public static var relationTypes: Set<String> { Set(RelationTable.standard.names) }

    /// Reads and validates a gold file: the header, six tab-separated columns per row, a known kind and type,
    /// a subject, an object for relations (none for entities), and at least one evidence fragment.
    /// Blank lines are skipped. Every error names the file and the line.
    public static func read(path: String) throws -> [GoldRow] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw GoldError(file: path, line: 0, message: "cannot read gold file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GoldError(file: path, line: 0, message: "not valid UTF-8")
        }
        return try parse(text, file: path)
    }

    /// Parses gold TSV text; `file` is used in error messages only.
    public static func parse(_ text: String, file: String = "<gold>") throws -> [GoldRow] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let headerLine = lines.first, !headerLine.isEmpty else {
            throw GoldError(file: file, line: 1, message: "empty file: expected the header \(header.joined(separator: "\\t"))")
        }
        let headerCols = headerLine.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard headerCols == header else {
            throw GoldError(file: file, line: 1,
                            message: "bad header \(headerCols), expected \(header.joined(separator: "\\t"))")
        }
        var rows: [GoldRow] = []
        for (i, raw) in lines.enumerated().dropFirst() {
            let lineNo = i + 1
            if raw.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let cols = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func fail(_ message: String) -> GoldError { GoldError(file: file, line: lineNo, message: message) }
            guard cols.count == header.count else {
                throw fail("expected \(header.count) tab-separated columns, found \(cols.count)")
            }
            guard let kind = GoldRow.Kind(rawValue: cols[0]) else {
                throw fail("kind must be 'entity' or 'relation', found '\(cols[0])'")
            }
            let type = cols[1], subject = cols[2], object = cols[3], date = cols[4]
            switch kind {
            case .entity:
                guard entityTypes.contains(type) else { throw fail("unknown entity type '\(type)'") }
                guard object.isEmpty else { throw fail("an entity row must leave the object column empty") }
            case .relation:
                guard relationTypes.contains(type) else { throw fail("unknown relation type '\(type)'") }
                guard !object.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("relation without an object") }
            }
            guard !subject.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("empty subject") }
            guard date.isEmpty || isISODate(date) else { throw fail("bad date '\(date)'") }
            let evidence = splitEvidence(cols[5])
            guard !evidence.isEmpty else { throw fail("no arabic_evidence") }
            rows.append(GoldRow(kind: kind, type: type, subject: subject, object: object, date: date,
                                evidence: evidence, line: lineNo))
        }
        return rows
    }

    /// Splits an evidence cell on ` / ` and ` ... `; empty pieces are dropped, the pieces are otherwise kept exactly.
    public static func splitEvidence(_ cell: String) -> [String] {
        var pieces = [cell]
        for sep in [" / ", " ... "] {
            pieces = pieces.flatMap { $0.components(separatedBy: sep) }
        }
        return pieces.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `--MM` or `--MM-DD`.
    static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func digits(_ p: String, _ n: Int) -> Bool { p.count == n && p.allSatisfy { $0.isASCII && $0.isNumber } }
        switch parts.count {
        case 1: return digits(parts[0], 4)
        case 2: return digits(parts[0], 4) && digits(parts[1], 2)
        case 3: return (digits(parts[0], 4) && digits(parts[1], 2) && digits(parts[2], 2))
            || (parts[0].isEmpty && parts[1].isEmpty && digits(parts[2], 2))
        case 4: return parts[0].isEmpty && parts[1].isEmpty && digits(parts[2], 2) && digits(parts[3], 2)
        default: return false
        }
    }
}
