import Foundation
import KBText

/// The gazetteer's names of two words or more and its two-word starts held as plain bytes (``PlainKeyIndex``), for
/// the recogniser's look-ups of keys joined from plain words: no `String` per key (joining Arabic words into a
/// `String` costs about a thousand instructions a key, and hashing it as a ``NormKey`` more). Made at the first
/// need, once per gazetteer, as its second words are (Gazetteer+SecondWords.swift).
///
/// A plain key finds exactly the entry its ``NormKey`` finds in the dictionaries (``PlainKeyIndex``'s contract: a
/// simple key by its plain bytes; a key that is not simple equals no plain string); a key with a word that is not
/// plain is looked up in the dictionaries as before.
final class GazetteerKeyBytes: @unchecked Sendable {
    let names: PlainKeyIndex
    let nameEntries: [[Int]]
    let twoWords: PlainKeyIndex
    let twoWordLongest: [Int]
    /// The second words of the two-word starts (``Gazetteer/secondWords``).
    let secondWords: PlainKeyIndex

    init(names: [NormKey: [Int]], twoWords: [NormKey: Int], secondWords: Set<NormKey>) {
        // (only names with a space: the keys looked up here are two words or more)
        var n = PlainKeyIndex(), e: [[Int]] = []
        for (k, v) in names where k.string.utf8.contains(0x20) {
            if let r = n.insert(key: k), r.inserted { e.append(v) }
        }
        var t = PlainKeyIndex(), l: [Int] = []
        for (k, v) in twoWords {
            if let r = t.insert(key: k), r.inserted { l.append(v) }
        }
        var s = PlainKeyIndex()
        for k in secondWords { s.insert(key: k) }
        self.names = n; nameEntries = e; self.twoWords = t; twoWordLongest = l; self.secondWords = s
    }
}

extension Gazetteer {
    private static let keyBytesLock = NSLock()
    nonisolated(unsafe) private static var keyBytesBySerial: [UInt64: GazetteerKeyBytes] = [:]
    /// This thread's index of the gazetteer it last asked about (no lock on the way).
    private final class LastKeyBytes { var serial: UInt64 = 0; var value: GazetteerKeyBytes? = nil }
    private static let lastKeyBytes = PerThread { LastKeyBytes() }

    var keyBytes: GazetteerKeyBytes {
        Gazetteer.lastKeyBytes.withValue { l in
            if l.serial == serial, let v = l.value { return v }
            Gazetteer.keyBytesLock.lock()
            let v = Gazetteer.keyBytesBySerial[serial] ?? GazetteerKeyBytes(names: names, twoWords: firstTwoWords, secondWords: secondWords)
            Gazetteer.keyBytesBySerial[serial] = v
            Gazetteer.keyBytesLock.unlock()
            l.serial = serial; l.value = v
            return v
        }
    }

    /// `body` of the UTF-8 bytes of `first` and `count` more words joined by single spaces, when every word is
    /// plain (``NormKey/isPlain(_:)``); nil otherwise.
    @inline(__always)
    static func withPlainJoined<R>(_ first: String, count: Int, _ word: (Int) -> String,
                                   _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard NormKey.isPlain(first) else { return nil }
        for k in 0..<count { guard NormKey.isPlain(word(k)) else { return nil } }
        return JoinedWords.withBytes(first, count: count, word, body)
    }

    /// ``lookupName(_:)`` of `first` and `count` more words joined by spaces (a plain key looked up on its bytes).
    func lookupName(_ first: String, count: Int, _ word: (Int) -> String) -> [GazetteerEntry] {
        // (the index holds names of two words or more)
        guard count > 0 else { return lookupName(first) }
        let index = keyBytes
        if let found = Gazetteer.withPlainJoined(first, count: count, word, { index.names.index(utf8: $0) }) {
            return found.map { index.nameEntries[$0].map { entries[$0] } } ?? []
        }
        var key = first
        for k in 0..<count { key.append(" "); key.append(word(k)) }
        return lookupName(key)
    }
}
