/// What `==` and `hasPrefix` answer, found on the UTF-8 bytes of two strings when the bytes decide it;
/// nil when they do not (the caller then asks `String` itself). The answers are exact for any two strings, plain or
/// not, by the reasoning below; `plainEquals` and `plainHasPrefix` (PlainText.swift) use them.
///
/// `String` compares by canonical equivalence: two strings are equal when their NFD forms (every scalar fully
/// decomposed, then each run of combining marks put in canonical order) are the same scalars. `hasPrefix` compares
/// `Character`s (grapheme clusters), each by the same equivalence.
///
/// A *sure* scalar is a starter (combining class 0) with no canonical decomposition: ASCII, the hamza U+0621, the
/// Arabic letters U+0627–U+063A and U+0640–U+064A, the Arabic-Indic digits (the plain scalars of
/// ``NormKey/isPlain(_:)`` less U+0622–U+0626, which decompose into a letter and a mark). No mark is ever put in
/// order across a starter, so for a sure scalar `X`, NFD(`P` + `X` + `R`) = NFD(`P`) + `X` + NFD(`R`).
///
/// - Equal bytes: equal strings.
/// - One string's bytes the start of the other's (`B` = `A` + `R`, `R` not empty): NFD(`B`) has more scalars than
///   NFD(`A`) (decomposition only adds, ordering only permutes), so they are not equal, and `B` is no prefix of
///   `A` either (the `Character`s of `B` would need as many NFD scalars as `A` has, and more).
/// - First byte difference inside the scalars `X` (of `A`) and `Y` (of `B`) after the same bytes `P`, `X` and `Y` both
///   sure: NFD(`A`) and NFD(`B`) differ at the place after NFD(`P`) (`X` there, `Y` there), so the strings differ.
///   For `hasPrefix`: the grapheme breaks up to the end of `P` are the same in both (a break depends only on the
///   scalars before it and the one after it), so the `Character`s before the one holding `P`'s end are equal pair
///   by pair; the next pair starts at the same place, and whether or not each takes in `X` or `Y`, their NFD forms
///   differ where `X` and `Y` stand (or one ends there): the first unequal pair, so no prefix.
/// - `B`'s bytes the start of `A`'s, `A` longer: `B` is a prefix of `A` exactly when `A` has a grapheme break where
///   `B` ends (the same `Character`s before it; else `A`'s last one there is longer, so not equal). With the scalar
///   `N` of `A` after it plain and the last scalar `L` of `B` plain (no prepended mark, no extending mark) and not CR
///   (CR × LF), no rule of UAX #29 keeps `L` and `N` together: a break.
enum PlainBytes {
    /// The scalar starting at `i` is plain (``NormKey/isPlain(_:)``: ASCII, U+0621–U+063A, U+0640–U+064A,
    /// U+0660–U+0669).
    @inline(__always)
    static func isPlainScalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let x = b[i]
        if x < 0x80 { return true }
        guard i + 1 < b.count else { return false }
        let y = b[i + 1]
        switch x {
        case 0xD8: return (0xA1...0xBA).contains(y)
        case 0xD9: return (0x80...0x8A).contains(y) || (0xA0...0xA9).contains(y)
        default: return false
        }
    }

    /// The scalar starting at `i` is a sure one (see above): plain, and not U+0622–U+0626.
    @inline(__always)
    static func isSure(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        isPlainScalar(b, i) && !(b[i] == 0xD8 && (0xA2...0xA6).contains(b[i + 1]))
    }

    /// The start of the scalar holding byte `i` (of valid UTF-8).
    @inline(__always)
    static func scalarStart(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var j = i
        while j > 0, b[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    /// The number of leading bytes `a` and `b` have in common.
    @inline(__always)
    static func commonPrefix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        var i = 0
        while i < n, a[i] == b[i] { i += 1 }
        return i
    }

    /// `A == B` for the strings with these bytes, or nil.
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let i = commonPrefix(a, b)
        if i == a.count || i == b.count { return a.count == b.count }
        // (the same bytes before `i`, so the same scalar starts: `j` starts a scalar in both)
        let j = scalarStart(a, i)
        return isSure(a, j) && isSure(b, j) ? false : nil
    }

    /// `A.hasPrefix(B)` for the strings with these bytes, or nil.
    static func hasPrefix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let m = b.count
        if m == 0 { return true }
        let i = commonPrefix(a, b)
        if i < a.count && i < m {
            let j = scalarStart(a, i)
            return isSure(a, j) && isSure(b, j) ? false : nil
        }
        if m > a.count { return false }
        if m == a.count { return true }
        let l = scalarStart(b, m - 1)
        return isPlainScalar(a, m) && isPlainScalar(b, l) && b[l] != 0x0D ? true : nil
    }

}
