import Foundation

/// A set of words whose `contains` answers exactly as `Set<String>.contains` does, looked up by ``NormKey``.
///
/// `Set<String>.contains` hashes the word through `String`'s canonical-equivalence hash (the NFC form,
/// scalar by scalar through Unicode tables) and compares with `String ==`: for Arabic words that was about
/// 1,600 instructions per look-up, and the recogniser's and the rules' closed word lists are asked tens of
/// times per token. A ``NormKey`` hashes and compares a plain word (ASCII, plain Arabic letters and digits) as
/// bytes and any other word as `String` does, with exactly `String`'s equality, so `keys.contains(NormKey(w))`
/// is `Set<String>.contains(w)` for every `w` (normalised or not).
///
/// A set built from strings also keeps them as the `Set<String>` it was built from (``strings``, one storage
/// for the life of the set: code that recognises a set by its storage, `RuleWordSets`, keeps working); a set
/// built from keys alone (``init(keys:)``, a union with such a set) has no stored `Set<String>`, which saves
/// hashing every word with `String`'s hash when a large list is built (the rules' trigger words).
public struct WordSet: Sequence, ExpressibleByArrayLiteral, @unchecked Sendable {
    public let keys: Set<NormKey>
    private let stored: Set<String>?

    public init(_ words: Set<String>) {
        stored = words
        var k = Set<NormKey>(minimumCapacity: words.count)
        for w in words { k.insert(NormKey(w)) }
        keys = k
    }

    public init<S: Sequence>(_ words: S) where S.Element == String { self.init(Set(words)) }

    public init(arrayLiteral elements: String...) { self.init(Set(elements)) }

    /// A set of the given keys, with no stored `Set<String>`.
    public init(keys: Set<NormKey>) {
        self.keys = keys
        stored = nil
    }

    private init(keys: Set<NormKey>, stored: Set<String>?) {
        self.keys = keys
        self.stored = stored
    }

    /// The words as a `Set<String>`: the stored one (the same storage every time), or for a set built from keys
    /// a new one made on each call.
    public var strings: Set<String> { stored ?? Set(keys.lazy.map(\.string)) }

    /// Whether ``strings`` is stored (the same `Set<String>` storage on every call).
    public var hasStoredStrings: Bool { stored != nil }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// `Set<String>.contains(word)`, by byte hash and byte comparison for plain words.
    @inlinable @inline(__always)
    public func contains(_ word: String) -> Bool { keys.contains(NormKey(word)) }

    public func makeIterator() -> LazyMapSequence<Set<NormKey>, String>.Iterator {
        keys.lazy.map(\.string).makeIterator()
    }

    public func union(_ other: WordSet) -> WordSet {
        let k = keys.count >= other.keys.count ? keys.union(other.keys) : other.keys.union(keys)
        guard let a = stored, let b = other.stored else { return WordSet(keys: k) }
        return WordSet(keys: k, stored: a.count >= b.count ? a.union(b) : b.union(a))
    }

    public func union<S: Sequence>(_ other: S) -> WordSet where S.Element == String {
        if let o = other as? WordSet { return union(o) }
        var k = keys
        for w in other { k.insert(NormKey(w)) }
        guard let a = stored else { return WordSet(keys: k) }
        return WordSet(keys: k, stored: a.union(other))
    }

    public func isDisjoint<S: Sequence>(with other: S) -> Bool where S.Element == String {
        !other.contains(where: contains)
    }
}
