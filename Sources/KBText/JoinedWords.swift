/// Words joined by single spaces, built in one allocation from their UTF-8 bytes: the same bytes as a `String`
/// grown by appending «" "» and each word (appending Arabic text to a `String` reallocates and checks the join
/// point's `Character` boundary at every step; a lookup key needs only the bytes).
public enum JoinedWords {
    /// `first`, then for each `k` in `0..<count` a space and `word(k)`.
    @inline(__always)
    public static func make(_ first: String, count: Int, _ word: (Int) -> String) -> String {
        guard count > 0 else { return first }
        var total = first.utf8.count
        for k in 0..<count { total += 1 + word(k).utf8.count }
        return String(unsafeUninitializedCapacity: total) { buf in
            var o = 0
            @inline(__always) func put(_ s: String) {
                var s = s
                s.withUTF8 { b in
                    if let base = b.baseAddress { (buf.baseAddress! + o).update(from: base, count: b.count) }
                    o += b.count
                }
            }
            put(first)
            for k in 0..<count { buf[o] = 0x20; o += 1; put(word(k)) }
            return o
        }
    }
}
