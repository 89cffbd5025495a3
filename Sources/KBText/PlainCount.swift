extension String {
    /// `count` (the `Character`s), counted on the bytes when the string is plain (``NormKey/isPlain(_:)``: every
    /// scalar is a `Character` of its own except LF after CR, which joins it): the scalars' lead bytes, less one
    /// for each CR LF. Else `count`, which walks the `Character`s through the Unicode tables.
    public var plainCount: Int {
        guard NormKey.isPlain(self) else { return count }
        var s = self
        return s.withUTF8 { b in
            var n = 0, prev: UInt8 = 0
            for x in b {
                if x & 0xC0 != 0x80 { n += 1 }
                if x == 0x0A, prev == 0x0D { n -= 1 }
                prev = x
            }
            return n
        }
    }
}
