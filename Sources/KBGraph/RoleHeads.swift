import Foundation
import KBResources

/// The head word of a role phrase up to its clitic, number and construct form, so that the reports of one office
/// merge: «لرئيس النظام» and «رئيس النظام», «وزيرا الخارجية X وY» and «وزير الخارجية X», «وزراء الخارجية X وY»
/// and «وزير الخارجية X» (`EventMerging.sameRole`). Plural heads are listed in Resources/role-plurals.txt.
enum RoleHeads {
    /// Plural head → singular head, normalised as `EventMerging.normalized`.
    static let singular: [String: String] = {
        guard let data = EmbeddedResources.data(named: "role-plurals.txt", module: "KBGraph", fallback: { Bundle.module }),
              let text = String(data: data, encoding: .utf8) else {
            fatalError("kbexport: the bundled role-plurals.txt is missing")
        }
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let w = line.split(separator: " ").map { EventMerging.normalized(String($0)) }
            if w.count == 2 { out[w[0]] = w[1] }
        }
        return out
    }()

    /// The forms a normalised head may stand for: itself, without one clitic (و ف ب ل), without the alef of a dual
    /// in construct, and the singular of a listed plural (each also after the clitic is removed).
    static func forms(_ head: String) -> Set<String> {
        var out: Set<String> = [head]
        if let c = head.first, "وفبل".contains(c), head.count >= 4 { out.insert(String(head.dropFirst())) }
        for w in out {
            if w.hasSuffix("ا"), w.count >= 4 { out.insert(String(w.dropLast())) }
            if let s = singular[w] { out.insert(s) }
        }
        return out
    }

    /// Two heads name one office.
    static func sameHead(_ a: String, _ b: String) -> Bool {
        !forms(a).isDisjoint(with: forms(b))
    }
}
