import KBText

extension Linker {
    /// `"=" + n.joined()`, written into one string of the right capacity (a `String`'s concatenation is the
    /// concatenation of the bytes).
    static func equalsJoined(_ n: [String]) -> String {
        var bytes = 1
        for w in n { bytes += w.utf8.count }
        var out = ""
        out.reserveCapacity(bytes)
        out += "="
        for w in n { out += w }
        return out
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
