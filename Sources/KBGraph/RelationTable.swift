// The relation types kbexport extracts, read from one data file (Resources/relations.tsv): the fact inventory
// as data. The extractor, the writers, the evaluator and Schemas/ all ask this table; adding a type is a row
// there plus its rules.

import Foundation
import KBResources

/// One relation type of the inventory.
public struct RelationType: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case event, state }

    public var name: String
    /// Direction does not matter: `A MEET B` is `B MEET A`.
    public var symmetric: Bool
    /// An event takes a date; a state is a lasting relation (a date, when given, is its start).
    public var kind: Kind
    /// Entity types allowed as subject and object (nil: any).
    public var subjectTypes: Set<EntityType>?
    public var objectTypes: Set<EntityType>?
    /// schema.org properties the participants get on an RDF event node (local names: attendee, organizer,
    /// location), nil for none. `objectRoleNonPlace` applies when the object is not a place.
    public var subjectRole: String?
    public var objectRole: String?
    public var objectRoleNonPlace: String?
    /// CAMEO event code, when one fits.
    public var cameo: String?
    public var gloss: String

    /// Whether `subject` and `object` entity types are allowed for this relation.
    public func allows(subject: EntityType, object: EntityType) -> Bool {
        (subjectTypes?.contains(subject) ?? true) && (objectTypes?.contains(object) ?? true)
    }

    /// The schema.org property of the object, given its entity type.
    public func objectRole(for type: EntityType) -> String? {
        type == .place ? objectRole : (objectRoleNonPlace ?? objectRole)
    }
}

/// A malformed relation table; names the file and the line.
public struct RelationTableError: Error, CustomStringConvertible, Sendable {
    public var file: String, line: Int, message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// The table of relation types, in file order.
public struct RelationTable: Sendable {
    public let types: [RelationType]
    private let byName: [String: Int]

    public init(types: [RelationType]) {
        self.types = types
        var index: [String: Int] = [:]
        for (i, t) in types.enumerated() where index[t.name] == nil { index[t.name] = i }
        byName = index
    }

    public subscript(name: String) -> RelationType? { byName[name].map { types[$0] } }
    public var names: [String] { types.map(\.name) }
    public func contains(_ name: String) -> Bool { byName[name] != nil }
    public func isSymmetric(_ name: String) -> Bool { self[name]?.symmetric ?? false }

    /// The bundled table (Resources/relations.tsv). A broken bundled table is a build defect: it stops the program.
    public static let standard: RelationTable = {
        guard let data = EmbeddedResources.data(named: "relations.tsv", module: "KBGraph", fallback: { Bundle.module }),
              let text = String(data: data, encoding: .utf8) else {
            fatalError("kbexport: the bundled relation table (relations.tsv) is missing")
        }
        do { return try parse(text, file: "relations.tsv") } catch { fatalError("kbexport: \(error)") }
    }()

    static let columns = ["name", "symmetric", "kind", "subject", "object", "subj_role", "obj_role", "cameo", "gloss"]

    /// Parses the table format (see the comment lines at the top of Resources/relations.tsv).
    public static func parse(_ text: String, file: String) throws -> RelationTable {
        var types: [RelationType] = []
        var seen = Set<String>()
        var sawHeader = false
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let n = i + 1
            func fail(_ m: String) -> RelationTableError { RelationTableError(file: file, line: n, message: m) }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
            guard c.count == columns.count else {
                throw fail("expected \(columns.count) tab-separated columns (\(columns.joined(separator: ", "))), found \(c.count)")
            }
            if !sawHeader {
                guard c == columns else { throw fail("expected the header line: \(columns.joined(separator: "\\t"))") }
                sawHeader = true; continue
            }
            let name = c[0]
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || $0 == "_" }) else {
                throw fail("type name '\(name)' must be upper-case letters and '_'")
            }
            guard seen.insert(name).inserted else { throw fail("type '\(name)' is listed twice") }
            guard let symmetric = ["yes": true, "no": false][c[1]] else { throw fail("symmetric must be yes or no, not '\(c[1])'") }
            guard let kind = RelationType.Kind(rawValue: c[2]) else { throw fail("kind must be event or state, not '\(c[2])'") }
            func entityTypes(_ s: String) throws -> Set<EntityType>? {
                if s == "*" { return nil }
                var out = Set<EntityType>()
                for p in s.split(separator: ",") {
                    switch p.trimmingCharacters(in: .whitespaces) {
                    case "PER": out.insert(.person)
                    case "ORG": out.insert(.organization)
                    case "PLACE": out.insert(.place)
                    case "DATE": out.insert(.date)
                    default: throw fail("unknown entity type '\(p)' (PER, ORG, PLACE, DATE or *)")
                    }
                }
                guard !out.isEmpty else { throw fail("empty entity type list (use * for any)") }
                return out
            }
            let roles: Set<String> = ["attendee", "organizer", "location", "agent"]
            func role(_ s: String) throws -> String? {
                if s == "-" { return nil }
                guard roles.contains(s) else { throw fail("unknown role '\(s)' (\(roles.sorted().joined(separator: ", ")) or -)") }
                return s
            }
            let objRoles = c[6].split(separator: "|").map(String.init)
            guard (1...2).contains(objRoles.count) else { throw fail("obj_role is ROLE or ROLE|ROLE, not '\(c[6])'") }
            let cameo = c[7] == "-" ? nil : c[7]
            if let code = cameo, !(code.count >= 2 && code.count <= 4 && code.allSatisfy(\.isASCII) && code.allSatisfy(\.isNumber)) {
                throw fail("cameo must be a 2-4 digit code or -, not '\(code)'")
            }
            guard !c[8].isEmpty else { throw fail("gloss is empty") }
            types.append(RelationType(
                name: name, symmetric: symmetric, kind: kind, subjectTypes: try entityTypes(c[3]), objectTypes: try entityTypes(c[4]),
                subjectRole: try role(c[5]), objectRole: try role(objRoles[0]),
                objectRoleNonPlace: objRoles.count > 1 ? try role(objRoles[1]) : nil, cameo: cameo, gloss: c[8]))
        }
        guard sawHeader else { throw RelationTableError(file: file, line: 1, message: "no header line") }
        return RelationTable(types: types)
    }
}
