import Foundation
import KBText

/// `ArabicNormalizer.cliticCandidates`, remembered: the rules ask for the clitic-free forms of the same
/// words many times over (every pass), and the words of news text repeat. One cache per thread, so that
/// documents extracted in parallel never wait for each other.
enum Clitics {
    private final class Cache {
        var table: [NormKey: [(stem: String, prefix: String)]] = [:]
        /// `Linker.skeleton` of a word (it goes through Foundation's string replacement: slow).
        var skeletons: [NormKey: String] = [:]
        /// `Linker.PeopleIndex.forms` of a word.
        var peopleForms: [NormKey: [String]] = [:]
        /// `DateParser.monthSteps` of a word.
        var monthSteps: [NormKey: [DateParser.MonthStep]] = [:]
        /// `EntityRecognizer.headWord`, `EntityRecognizer.stripConj`, `DateParser.isDayWord` of a word.
        var headWords: [NormKey: String?] = [:]
        var stripConj: [NormKey: String] = [:]
        var dayWords: [NormKey: Bool] = [:]
        /// `Linker.pluralKind`, `Linker.surnameCandidates` of a word.
        var pluralKinds: [NormKey: (dual: Bool, plural: Bool)] = [:]
        var surnameCandidates: [NormKey: [(stem: String, prefix: String)]] = [:]
        /// `DateParser.dateCue`, and the word forms `SentenceContext` keeps for the fact rules.
        var dateCues: [NormKey: Bool] = [:]
        var ruleForms: [NormKey: [String]] = [:]
    }

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { raw in if let raw { Unmanaged<AnyObject>.fromOpaque(raw).release() } }
        return k
    }()

    private static var cache: Cache {
        if let raw = pthread_getspecific(key) { return Unmanaged<Cache>.fromOpaque(raw).takeUnretainedValue() }
        let c = Cache()
        pthread_setspecific(key, Unmanaged.passRetained(c).toOpaque())
        return c
    }

    static func of(_ normalized: String) -> [(stem: String, prefix: String)] {
        let c = cache
        let k = NormKey(normalized)
        if let hit = c.table[k] { return hit }
        let value = ArabicNormalizer.cliticCandidates(normalized)
        if c.table.count >= 200_000 { c.table.removeAll(keepingCapacity: true) }
        c.table[k] = value
        return value
    }

    /// `Linker.skeleton(w)`, remembered per thread.
    static func skeleton(_ w: String, _ compute: (String) -> String) -> String {
        let c = cache
        let k = NormKey(w)
        if let hit = c.skeletons[k] { return hit }
        let value = compute(w)
        if c.skeletons.count >= 200_000 { c.skeletons.removeAll(keepingCapacity: true) }
        c.skeletons[k] = value
        return value
    }

    /// `Linker.PeopleIndex.forms(w)`, remembered per thread.
    static func peopleForms(_ w: String, _ compute: (String) -> [String]) -> [String] {
        let c = cache
        let k = NormKey(w)
        if let hit = c.peopleForms[k] { return hit }
        let value = compute(w)
        if c.peopleForms.count >= 200_000 { c.peopleForms.removeAll(keepingCapacity: true) }
        c.peopleForms[k] = value
        return value
    }

    /// `DateParser.monthSteps(w)`, remembered per thread.
    static func monthSteps(_ w: String, _ compute: (String) -> [DateParser.MonthStep]) -> [DateParser.MonthStep] {
        let c = cache
        let k = NormKey(w)
        if let hit = c.monthSteps[k] { return hit }
        let value = compute(w)
        if c.monthSteps.count >= 200_000 { c.monthSteps.removeAll(keepingCapacity: true) }
        c.monthSteps[k] = value
        return value
    }

    /// Remembered per thread (a pure function of the word: lexicon lists are fixed).
    static func headWord(_ w: String, _ compute: (String) -> String?) -> String? {
        let c = cache
        let k = NormKey(w)
        if let hit = c.headWords[k] { return hit }
        let value = compute(w)
        if c.headWords.count >= 200_000 { c.headWords.removeAll(keepingCapacity: true) }
        c.headWords[k] = value
        return value
    }

    /// Remembered per thread (a pure function of the word: lexicon lists are fixed).
    static func stripConj(_ w: String, _ compute: (String) -> String) -> String {
        let c = cache
        let k = NormKey(w)
        if let hit = c.stripConj[k] { return hit }
        let value = compute(w)
        if c.stripConj.count >= 200_000 { c.stripConj.removeAll(keepingCapacity: true) }
        c.stripConj[k] = value
        return value
    }

    /// Remembered per thread (a pure function of the word: lexicon lists are fixed).
    static func isDayWord(_ w: String, _ compute: (String) -> Bool) -> Bool {
        let c = cache
        let k = NormKey(w)
        if let hit = c.dayWords[k] { return hit }
        let value = compute(w)
        if c.dayWords.count >= 200_000 { c.dayWords.removeAll(keepingCapacity: true) }
        c.dayWords[k] = value
        return value
    }

    /// Remembered per thread (a pure function of the word).
    static func pluralKind(_ w: String, _ compute: (String) -> (dual: Bool, plural: Bool)) -> (dual: Bool, plural: Bool) {
        let c = cache
        let k = NormKey(w)
        if let hit = c.pluralKinds[k] { return hit }
        let value = compute(w)
        if c.pluralKinds.count >= 200_000 { c.pluralKinds.removeAll(keepingCapacity: true) }
        c.pluralKinds[k] = value
        return value
    }

    /// Remembered per thread (a pure function of the word).
    static func surnameCandidates(_ w: String, _ compute: (String) -> [(stem: String, prefix: String)]) -> [(stem: String, prefix: String)] {
        let c = cache
        let k = NormKey(w)
        if let hit = c.surnameCandidates[k] { return hit }
        let value = compute(w)
        if c.surnameCandidates.count >= 200_000 { c.surnameCandidates.removeAll(keepingCapacity: true) }
        c.surnameCandidates[k] = value
        return value
    }

    /// Remembered per thread (a pure function of the word).
    static func dateCue(_ w: String, _ compute: (String) -> Bool) -> Bool {
        let c = cache
        let k = NormKey(w)
        if let hit = c.dateCues[k] { return hit }
        let value = compute(w)
        if c.dateCues.count >= 200_000 { c.dateCues.removeAll(keepingCapacity: true) }
        c.dateCues[k] = value
        return value
    }

    /// Remembered per thread (a pure function of the word).
    static func ruleForms(_ w: String, _ compute: (String) -> [String]) -> [String] {
        let c = cache
        let k = NormKey(w)
        if let hit = c.ruleForms[k] { return hit }
        let value = compute(w)
        if c.ruleForms.count >= 200_000 { c.ruleForms.removeAll(keepingCapacity: true) }
        c.ruleForms[k] = value
        return value
    }
}
