import KBText

extension Linker {
    /// `"=" + n.joined()`, its bytes written into one string (a `String`'s concatenation is the concatenation of the
    /// bytes; an append cost about 300 instructions).
    static func equalsJoined(_ n: [String]) -> String { joinedBytes(n, from: 0, lead: 0x3D, separator: nil) }

    /// The words of `n` from `from` on, joined by the byte `separator` (none when nil), after the byte `lead` (none
    /// when nil), as bytes written into one string: `lead + n[from...].joined(separator:)` for ASCII `lead` and
    /// `separator`.
    static func joinedBytes(_ n: [String], from: Int, lead: UInt8?, separator: UInt8?) -> String {
        guard from < n.count else { return lead.map { String(UnicodeScalar($0)) } ?? "" }
        var bytes = (lead == nil ? 0 : 1) + (separator == nil ? 0 : n.count - from - 1)
        for x in from..<n.count { bytes += n[x].utf8.count }
        return String(unsafeUninitializedCapacity: bytes) { out in
            var k = 0
            if let lead { out[k] = lead; k += 1 }
            for x in from..<n.count {
                if x > from, let separator { out[k] = separator; k += 1 }
                k = withBytes(n[x]) { b in
                    var k = k
                    for y in b { out[k] = y; k += 1 }
                    return k
                }
            }
            return k
        }
    }
}

extension Linker.PeopleIndex {
    /// True when every form of `w` (`forms(w)`) is `pairable` and none starts with «=», known from `w`'s bytes alone:
    /// `w` is plain (``NormKey/isPlain(_:)``) with no «|» and no «=». False says nothing (`allPairs` then asks the forms).
    /// Why: the forms are made (`computeForms`) from `w` or, through the shared memo, from a string `u` canonically
    /// equal to it (NFC(u) = w). Each form is `u`, `u` without its article (the bytes after its first four, when it
    /// starts with «ال») or «~» and the skeleton of that (`Character`s of it kept in order, «تش» → «ت»). Each
    /// `Character` of `u` starts with a starter and has an NFC that is one plain scalar, and plain scalars (ASCII,
    /// Arabic letters and digits) compose with no neighbour, so the NFC of every form is plain with no «|», and no form
    /// starts with «=» (its first scalar would be the «=» of `w`, or compose with what follows into a scalar that is not
    /// plain).
    static func simplePairs(_ w: String) -> Bool {
        Linker.withBytes(w) { b in
            guard NormKey.isPlain(utf8: b) else { return false }
            for x in b where x == 0x7C || x == 0x3D { return false }
            return true
        }
    }
}
