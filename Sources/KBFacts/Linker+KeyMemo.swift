import KBText

extension Linker {
    /// `Gazetteer.key(s)` of a role phrase or a mention's text, remembered per thread for a plain string
    /// (``NormKey/isPlain(_:)``): the phrases recur from one document to the next, and the key normalised each again.
    /// Only plain strings are remembered or looked up: a plain string is equal (as a `NormKey`, the memo's key) to
    /// no other plain string, so the value found was computed from these very bytes. Any other string is keyed afresh.
    static func gazetteerKey(_ s: String) -> String {
        guard NormKey.isPlain(s) else { return Gazetteer.key(s) }
        return gazetteerKeyMemo.withValue { $0.get(s, Gazetteer.key) }
    }

    private static let gazetteerKeyMemo = PerThread { WordMemo<String>(slots: 1024) }
}
