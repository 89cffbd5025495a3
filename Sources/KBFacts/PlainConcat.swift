import KBGraph
import KBText

/// `String` comparisons of the rule engine done on UTF-8 bytes when every string involved is plain
/// (``NormKey/isPlain(_:)``: ASCII and plain Arabic letters and digits, in NFC, every scalar a `Character` of its own
/// except LF after CR), without building the concatenated string; any other input takes the `String` operation
/// itself. For plain strings byte equality is canonical equivalence (`==`), and a byte prefix is a `Character`
/// prefix unless it ends with CR (CR LF is one `Character`).
enum PlainConcat {
    /// `a == b + c`
    static func equals(_ a: String, _ b: String, _ c: String) -> Bool {
        guard NormKey.isPlain(a), NormKey.isPlain(b), NormKey.isPlain(c) else { return a == b + c }
        let ua = a.utf8, ub = b.utf8, uc = c.utf8
        guard ua.count == ub.count + uc.count else { return false }
        return ua.starts(with: ub) && ua.dropFirst(ub.count).elementsEqual(uc)
    }

    /// `a == b + c + d`
    static func equals(_ a: String, _ b: String, _ c: String, _ d: String) -> Bool {
        guard NormKey.isPlain(a), NormKey.isPlain(b), NormKey.isPlain(c), NormKey.isPlain(d) else { return a == b + c + d }
        let ua = a.utf8, ub = b.utf8, uc = c.utf8, ud = d.utf8
        guard ua.count == ub.count + uc.count + ud.count else { return false }
        return ua.starts(with: ub) && ua.dropFirst(ub.count).starts(with: uc) && ua.dropFirst(ub.count + uc.count).elementsEqual(ud)
    }

    /// `a.hasPrefix(b + c)`
    static func hasPrefix(_ a: String, _ b: String, _ c: String) -> Bool {
        guard NormKey.isPlain(a), NormKey.isPlain(b), NormKey.isPlain(c), (c.utf8.last ?? b.utf8.last) != 0x0D else { return a.hasPrefix(b + c) }
        let ua = a.utf8, ub = b.utf8, uc = c.utf8
        guard ua.count >= ub.count + uc.count else { return false }
        return ua.starts(with: ub) && ua.dropFirst(ub.count).starts(with: uc)
    }

    /// `s.count`: for a plain string its scalars (every UTF-8 byte but the continuation bytes), less one per CR LF.
    static func count(_ s: String) -> Int {
        guard NormKey.isPlain(s) else { return s.count }
        var n = 0, cr = false
        for b in s.utf8 {
            if b & 0xC0 != 0x80 { n += 1 }
            if cr && b == 0x0A { n -= 1 }
            cr = b == 0x0D
        }
        return n
    }

    /// An entity type as one bit (`bits(types) & bit(t) != 0` is `types.contains(t)`).
    @inline(__always)
    static func bit(_ t: EntityType) -> UInt8 {
        switch t {
        case .person: return 1
        case .organization: return 2
        case .place: return 4
        case .date: return 8
        }
    }

    static func bits(_ types: Set<EntityType>) -> UInt8 {
        var m: UInt8 = 0
        for t in types { m |= bit(t) }
        return m
    }
}

extension PlainConcat {
    /// `s.split(separator: " ").first`: the first piece is the same however many splits follow it, and
    /// `plainSplit` cuts a plain string on its bytes (KBText/PlainText.swift).
    static func firstWord(_ s: String) -> Substring? {
        s.plainSplit(separator: " ", maxSplits: 1).first
    }
}
