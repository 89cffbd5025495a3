/// Words joined by single spaces from their UTF-8 bytes: the same bytes as a `String` grown by appending «" "» and
/// each word (`map` and `joined(separator:)` make an array first; a look-up key needs only the bytes).
public enum JoinedWords {
    /// `body` of the bytes of `first`, then for each `k` in `0..<count` a space and `word(k)`, in a buffer on the
    /// stack (on the heap past its size limit).
    @inlinable @inline(__always)
    public static func withBytes<R>(_ first: String, count: Int, _ word: (Int) -> String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var total = first.utf8.count
        for k in 0..<count { total += 1 + word(k).utf8.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(total, 1)) { buf in
            var o = 0
            @inline(__always) func put(_ s: String) {
                var s = s
                s.withUTF8 { b in
                    if let p = b.baseAddress { (buf.baseAddress! + o).update(from: p, count: b.count) }
                    o += b.count
                }
            }
            put(first)
            for k in 0..<count { buf[o] = 0x20; o += 1; put(word(k)) }
            return body(UnsafeBufferPointer(rebasing: buf[0..<o]))
        }
    }

    /// `first`, then for each `k` in `0..<count` a space and `word(k)`, as a `String`.
    @inline(__always)
    public static func make(_ first: String, count: Int, _ word: (Int) -> String) -> String {
        guard count > 0 else { return first }
        return withBytes(first, count: count, word) { String(decoding: $0, as: UTF8.self) }
    }
}
