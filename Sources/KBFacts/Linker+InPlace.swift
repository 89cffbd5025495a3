import KBGraph
import KBText

/// Helpers of `Linker.link` that read mentions and roles in place: a closure given an array's elements
/// (`removeAll(where:)`, `last(where:)`) gets each copied, every string and array of it retained and released.
extension Linker {
    /// `roles.suffix(200).last { test($0.phrase) }`, the roles read in place (the closure of `last(where:)` got each
    /// copied: two strings retained and released).
    @inline(__always)
    func lastRole(_ roles: [(key: String, phrase: String)], _ test: (String) -> Bool) -> (key: String, phrase: String)? {
        var r = roles.count - 1
        while r >= max(0, roles.count - 200) {
            if test(roles[r].phrase) { return roles[r] }
            r -= 1
        }
        return nil
    }

    /// False when no word of `key` can end with «قوات» or «جيش» (`linkGenericArmies`' test): its UTF-8 holds neither's.
    /// Each letter of the two is a scalar that no other sequence is canonically equivalent to (no decomposition, no
    /// composition gives it), so a `Character` equal to one is that scalar alone, and a word whose last characters
    /// are the word's has its bytes.
    static func mayNameArmy(_ key: String) -> Bool {
        var u = key
        return u.withUTF8 { b in contains(b, armyQuwat) || contains(b, armyJaysh) }
    }
    private static let armyQuwat = Array("قوات".utf8), armyJaysh = Array("جيش".utf8)

    /// Whether `part` occurs in `b`, byte for byte.
    private static func contains(_ b: UnsafeBufferPointer<UInt8>, _ part: [UInt8]) -> Bool {
        let n = part.count
        guard n > 0, b.count >= n else { return n == 0 }
        var i = 0
        while i + n <= b.count {
            if b[i] == part[0] {
                var j = 1
                while j < n && b[i + j] == part[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }

    /// `text.plainSplit(separator: " ").first`: in a plain text (``NormKey/isPlain(_:)``: every scalar a `Character` of its
    /// own but CR LF, and the space is neither) the first run of bytes other than the space, found without splitting the
    /// rest; any other text split as before.
    static func firstWord(_ text: String) -> Substring? {
        guard NormKey.isPlain(text) else { return text.plainSplit(separator: " ").first }
        let u = text.utf8
        guard let b = u.firstIndex(where: { $0 != 0x20 }) else { return nil }
        return text[b..<(u[b...].firstIndex(of: 0x20) ?? u.endIndex)]
    }

    /// Whether some mention of `ms` passes `test`, each read in place through a pointer (a closure given the mention
    /// itself, as `removeAll(where:)`'s, gets a copy: every string and array of it retained and released).
    @inline(__always)
    static func anyMention(_ ms: [RawMention], where test: (UnsafePointer<RawMention>) -> Bool) -> Bool {
        ms.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            for k in 0..<b.count where test(base + k) { return true }
            return false
        }
    }

    /// The fields step 3 of `link` reads of a mention, read in place (not the whole mention copied).
    struct MentionFields {
        let type: EntityType, nameKey: String, weak: Bool, range: Range<Int>
        let noGazetteerIDs: Bool, isAdjective: Bool, noRole: Bool, noCountryHint: Bool
        @inline(__always)
        init(_ m: borrowing RawMention) {
            type = m.type; nameKey = m.nameKey; weak = m.weak; range = m.range
            noGazetteerIDs = m.gazetteerIDs.isEmpty; isAdjective = m.isAdjective; noRole = m.role == nil
            noCountryHint = m.countryHint == nil
        }
    }

    /// `ms.removeAll { test(pointer to it) }`, the mentions tested in place and the kept ones moved down in order
    /// (`removeAll(where:)` gave its closure a copy of each); false, and `ms` untouched, when none goes.
    @discardableResult
    static func removeMentions(_ ms: inout [RawMention], where test: (UnsafePointer<RawMention>) -> Bool) -> Bool {
        guard anyMention(ms, where: test) else { return false }
        let kept = ms.withUnsafeMutableBufferPointer { b -> Int in
            guard let base = b.baseAddress else { return 0 }
            var w = 0
            // (element r is still the one first at r when it is tested: only w < r is swapped with it)
            for r in 0..<b.count where !test(UnsafePointer(base + r)) {
                if w != r { b.swapAt(w, r) }
                w += 1
            }
            return w
        }
        ms.removeLast(ms.count - kept)
        return true
    }

    /// `n.dropFirst().joined(separator: " ")`, appended into one string of the right capacity.
    static func spaceJoinedTail(_ n: [String]) -> String {
        guard n.count >= 2 else { return "" }
        return joinedBytes(n, from: 1, lead: nil, separator: 0x20)   // (the bytes written at once: Linker+PeopleKeys.swift)
    }

    /// `ms[k].key`, read through a pointer (the array's getter copied the whole mention).
    @inline(__always)
    static func key(_ ms: [RawMention], _ k: Int) -> String { ms.withUnsafeBufferPointer { $0[k].key } }

    /// `ms[k].range.upperBound`, read through a pointer.
    @inline(__always)
    static func end(_ ms: [RawMention], _ k: Int) -> Int { ms.withUnsafeBufferPointer { $0[k].range.upperBound } }
}
