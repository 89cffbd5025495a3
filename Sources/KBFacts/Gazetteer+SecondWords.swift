import Foundation
import KBText

/// The second words of the gazetteer's names of two words or more: a word that is none follows no first word in a
/// name, so `longestName(startingWith:then:)` before it is 0 without building and hashing the two words' key (the
/// recogniser asks for every form of a word that starts a name). Made from `firstTwoWords` at the first need, once
/// per gazetteer (the names' words have no spaces, and a space composes with nothing: "w1 w2" is the same text as
/// "a b" only when w1 is a's and w2 b's).
extension Gazetteer {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var sets: [UInt64: Set<NormKey>] = [:]
    /// This thread's set of the gazetteer it last asked about (no lock on the way).
    private final class Last { var serial: UInt64 = 0; var words: Set<NormKey> = [] }
    private static let last = PerThread { Last() }

    /// Whether some name of two words or more has `word` second.
    func isSecondWord(_ word: String) -> Bool {
        // (a plain word on its bytes: Gazetteer+KeyBytes.swift)
        if NormKey.isPlain(word) {
            let index = keyBytes
            var w = word
            return w.withUTF8 { index.secondWords.index(utf8: $0) != nil }
        }
        return Gazetteer.last.withValue { l in
            if l.serial != serial { l.words = secondWords; l.serial = serial }
            return l.words.contains(NormKey(word))
        }
    }

    /// The second words (split at the first space scalar: the first word has none).
    var secondWords: Set<NormKey> {
        Gazetteer.lock.lock()
        defer { Gazetteer.lock.unlock() }
        if let s = Gazetteer.sets[serial] { return s }
        var s = Set<NormKey>(minimumCapacity: firstTwoWords.count)
        for k in firstTwoWords.keys {
            let u = k.string.unicodeScalars
            guard let space = u.firstIndex(of: " ") else { continue }
            s.insert(NormKey(String(Substring(u[u.index(after: space)...]))))
        }
        Gazetteer.sets[serial] = s
        return s
    }
}
