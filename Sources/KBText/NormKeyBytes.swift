/// Hash values of plain keys computed from bytes, for filters that would otherwise build a `String` and a ``NormKey``
/// per form only to take its hash.
extension NormKey {
    /// `NormKey(s).hashValue` of the plain string `s` whose UTF-8 bytes are `bytes` (``isPlain(_:)`` must hold for
    /// them; not checked): the byte hash ``fastHash(_:seed:)`` with seed 0 mixed as ``_rawHashValue(seed:)`` mixes it
    /// for seed 0, which is what `hashValue` asks.
    public static func plainHashValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        NormKey(plain: "", hash: UInt64(bitPattern: Int64(fastHash(bytes, seed: 0))))._rawHashValue(seed: 0)
    }
}
