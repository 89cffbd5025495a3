/// Keys made from UTF-8 bytes (the loaders of the bundled tables build words by putting clitics and stems side by
/// side): `NormKey(utf8: b)` is `NormKey(String(decoding: b, as: UTF8.self))`, the `String` and the byte hash of a
/// plain key made in one pass over the bytes.
extension NormKey {
    public init(utf8 b: UnsafeBufferPointer<UInt8>) {
        guard NormKey.isPlain(b) else {
            self.init(String(decoding: b, as: UTF8.self))
            return
        }
        self.init(plain: String(decoding: b, as: UTF8.self), hash: UInt64(bitPattern: Int64(NormKey.fastHash(b, seed: 0))))
    }

    /// The key of the bytes of `a` followed by those of `b` (`NormKey(a + b)`), made without an intermediate `String`.
    public init(concatenating a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) {
        let n = a.count + b.count
        self = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(n, 1)) { buf in
            if let s = a.baseAddress, a.count > 0 { buf.baseAddress!.update(from: s, count: a.count) }
            if let s = b.baseAddress, b.count > 0 { (buf.baseAddress! + a.count).update(from: s, count: b.count) }
            return NormKey(utf8: UnsafeBufferPointer(rebasing: buf[0..<n]))
        }
    }
}
