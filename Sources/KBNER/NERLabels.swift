/// The entity types the sequence labeller knows (ANERcorp's four, CoNLL style).
public enum NERType: Int, Sendable, CaseIterable, Comparable {
    case per = 0, org, loc, misc

    public var name: String { ["PER", "ORG", "LOC", "MISC"][rawValue] }

    public static func < (a: NERType, b: NERType) -> Bool { a.rawValue < b.rawValue }

    /// The type a corpus tag names (without its B-/I- prefix): ANERcorp `PERS`, AQMAR `MIS0`–`MIS3`, Wojood's
    /// and WikiFANE's own names. Nil for a tag that is not an entity.
    public static func named(_ raw: String) -> NERType? {
        switch raw.uppercased() {
        case "PER", "PERS", "PERSON": return .per
        case "ORG", "ORGANIZATION", "ORGANISATION": return .org
        case "LOC", "LOCATION", "GPE", "PLACE": return .loc
        case "MISC", "MIS", "MIS0", "MIS1", "MIS2", "MIS3", "MIS-0", "MIS-1", "MIS-2", "MIS-3": return .misc
        default: return nil
        }
    }
}

/// BIO labels as small integers: 0 is O, then B and I of each type (1 + 2·type and 2 + 2·type).
public enum NERLabel {
    public static let count = 1 + 2 * NERType.allCases.count
    public static let o: UInt8 = 0

    public static func begin(_ t: NERType) -> UInt8 { UInt8(1 + 2 * t.rawValue) }
    public static func inside(_ t: NERType) -> UInt8 { UInt8(2 + 2 * t.rawValue) }
    public static func type(of l: UInt8) -> NERType? { l == 0 ? nil : NERType(rawValue: (Int(l) - 1) / 2) }
    public static func isInside(_ l: UInt8) -> Bool { l != 0 && (l - 1) % 2 == 1 }

    public static func name(_ l: UInt8) -> String {
        guard let t = type(of: l) else { return "O" }
        return (isInside(l) ? "I-" : "B-") + t.name
    }

    /// May label `b` follow label `a` (nil: the sentence start)? IOB2: I-X only after B-X or I-X.
    public static func allowed(_ a: UInt8?, _ b: UInt8) -> Bool {
        guard isInside(b) else { return true }
        guard let a, a != 0 else { return false }
        return type(of: a) == type(of: b)
    }

    /// A corpus tag (`B-PERS`, `I-LOC`, `O`, …) as a label, with the type mapping of ``NERType/named(_:)``.
    /// An I- tag is read as such here; ``repair(_:)`` turns a stray one into B-.
    public static func parse(_ tag: String, typeMap: (String) -> NERType? = NERType.named) -> UInt8 {
        let s = tag.trimmingSpaces
        guard s.count > 2, s.hasPrefix("B-") || s.hasPrefix("I-") else { return o }
        guard let t = typeMap(String(s.dropFirst(2))) else { return o }
        return s.hasPrefix("B-") ? begin(t) : inside(t)
    }

    /// Turns an I- label that cannot follow the one before into a B- label (IOB1-style and malformed data).
    public static func repair(_ labels: [UInt8]) -> [UInt8] {
        var out = labels
        for i in out.indices where isInside(out[i]) && !allowed(i == 0 ? nil : out[i - 1], out[i]) {
            out[i] -= 1
        }
        return out
    }
}

/// An entity span in a labelled sentence: tokens `range`, of type `type`.
public struct NERSpan: Sendable, Hashable, Comparable {
    public var range: Range<Int>
    public var type: NERType

    public init(range: Range<Int>, type: NERType) { self.range = range; self.type = type }

    public static func < (a: NERSpan, b: NERSpan) -> Bool {
        (a.range.lowerBound, a.range.upperBound, a.type.rawValue) < (b.range.lowerBound, b.range.upperBound, b.type.rawValue)
    }

    /// The spans of a label sequence (CoNLL exact spans: a B- starts one, I- of the same type continues it;
    /// a stray I- starts one, as conlleval does).
    public static func spans(_ labels: [UInt8]) -> [NERSpan] {
        var out: [NERSpan] = []
        var start = -1
        var type: NERType? = nil
        for (i, l) in labels.enumerated() {
            let t = NERLabel.type(of: l)
            let continues = t != nil && t == type && NERLabel.isInside(l)
            if !continues {
                if let ty = type { out.append(NERSpan(range: start..<i, type: ty)) }
                type = t
                start = i
            }
        }
        if let ty = type { out.append(NERSpan(range: start..<labels.count, type: ty)) }
        return out
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\u{FEFF}" || f == "\u{200E}" || f == "\u{200F}" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\u{200E}" || l == "\u{200F}" { s.removeLast() }
        return String(s)
    }
}
