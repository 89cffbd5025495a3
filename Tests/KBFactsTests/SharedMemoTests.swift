import Foundation
@testable import KBFacts
@testable import KBText
import XCTest

/// The speed shortcuts of the second speed round give exactly what they replace: the shared second level of the
/// word memos (one value per word for every thread), `dateCue` on `NormKey` sets, the skeleton of plain words.
final class SharedMemoTests: XCTestCase {
    /// Words of every kind the date cue looks at: month names (Arabic, Levantine, English in any case), with and
    /// without clitics, day and year words, weekdays, ordinals, and words that are none of them.
    static var words: [String] {
        let months = Array(DateParser.singleMonths.keys)
        let base = months + Array(DateParser.yearWords) + Array(DateParser.monthWord) + Array(DateParser.weekdayNumbers.keys)
            + Array(DateParser.ordinalUnits.keys) + Array(DateParser.ordinalTens.keys)
            + [DateParser.kanun, DateParser.tishrin, "اليوم", "امس", "أمس", "وامس", "بالامس", "March", "MARCH", "march", "Mars", "É",
               "ÉTÉ", "حفتر", "الجزائر", "وزير", "", "2024", "عامل", "سنوات", "ا\u{0654}مس"]
        let clitics = ["و", "ب", "ل", "ف", "وب", "ول", "في"]
        return base + base.flatMap { w in clitics.map { $0 + w } } + months.map { $0.uppercased() } + months.map { $0.capitalized }
            + SpeedEquivalenceTests.samples
    }

    func testDateCueIsTheSlowDateCue() {
        var cues = 0
        for w in Self.words {
            let n = ArabicNormalizer.normalize(w)
            for x in [w, n] {
                XCTAssertEqual(DateParser.dateCue(x), DateParser.slowDateCue(x), "\(x) \(x.unicodeScalars.map(\.value))")
                if DateParser.slowDateCue(x) { cues += 1 }
            }
        }
        XCTAssertGreaterThan(cues, 100)
    }

    func testPlainSkeletonIsTheSlowSkeleton() {
        let words = ["يفكوروف", "يفكيروف", "تشرشل", "شيراك", "تتشش", "تشش", "ششت", "ش", "ت", "داوود", "داود", "اوي", "يوا", "بيلين",
                     "مهـدي", "تشاو", "شتاينماير", "ووو", ""] + Self.words.map(ArabicNormalizer.normalize)
        var fast = 0
        for w in words {
            if let p = Linker.plainSkeleton(w) {
                fast += 1
                XCTAssertEqual(p, Linker.slowSkeleton(w), "\(w)")
            }
            XCTAssertEqual(Linker.computeSkeleton(w), Linker.slowSkeleton(w), "\(w)")
        }
        XCTAssertGreaterThan(fast, 20)
        XCTAssertNil(Linker.plainSkeleton("abc"))
        XCTAssertNil(Linker.plainSkeleton("ا\u{0654}حمد"))
    }

    /// Every thread gets the value computed once for a word (by whichever thread came first), under `String` equality.
    func testSharedTableComputesEachWordOnceForAllThreads() {
        let table = SharedWordTable<String>()
        let computed = Counter()
        let words = (0..<200).map { "كلمة\($0)" }
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let memo = WordMemo<String>(slots: 64, shared: table)
            for w in words + words {
                let v = memo.get(w) { computed.add(); return $0 + "!" }
                XCTAssertEqual(v, w + "!")
            }
        }
        // a value two threads computed at the same moment is kept once; nearly every word is computed once
        XCTAssertGreaterThanOrEqual(computed.value, 200)
        XCTAssertLessThan(computed.value, 400)
        // canonically equal spellings are one key
        let memo = WordMemo<String>(slots: 64, shared: table)
        XCTAssertEqual(memo.get("ا\u{0654}") { _ in "other" }, memo.get("أ") { _ in "other" })
    }

    /// One record per word and thread: found again by the same string bits and by text (a fresh copy, a canonically
    /// equal spelling), and the `Clitics` functions through it give the functions' values.
    func testWordRecordsFindTheSameRecordByText() {
        let records = WordRecords()
        let long = String(repeating: "مصر", count: 10)
        let r = records.record(long)
        XCTAssertTrue(records.withCached(long) { $0 } === r)
        XCTAssertTrue(records.record(String(repeating: "مصر", count: 10)) === r)
        XCTAssertTrue(records.record("ا\u{0654}") === records.record("أ"))
        XCTAssertFalse(records.record("مصر") === r)
        for w in Self.words.map(ArabicNormalizer.normalize) + [long] {
            for _ in 0..<2 {
                XCTAssertEqual(Clitics.of(w).map { $0.stem + "|" + $0.prefix }, ArabicNormalizer.cliticCandidates(w).map { $0.stem + "|" + $0.prefix })
                XCTAssertEqual(Clitics.dateCue(w, DateParser.dateCue), DateParser.dateCue(w))
                XCTAssertEqual(Clitics.skeleton(w, Linker.computeSkeleton), Linker.computeSkeleton(w))
            }
        }
    }

    /// A record in use while its computation looks up many other words (its slot taken, the dictionary emptied)
    /// stays alive: the value is stored in it and returned.
    func testRecordStaysAliveWhileOtherWordsTakeItsSlot() {
        let records = WordRecords(maxRecords: 2)
        let shared = SharedWordTable<String>()
        let word = String(repeating: "كلمة", count: 5)
        let v = records.withRecord(word) { r in
            r.fill(&r.skeleton, word, shared) { w in
                for k in 0..<40_000 { _ = records.record("w\(k)") }
                return w + "!"
            }
        }
        XCTAssertEqual(v, word + "!")
        XCTAssertEqual(records.withRecord(word) { r in r.fill(&r.skeleton, word, shared) { _ in "other" } }, word + "!")
    }

    /// The title check counts no further than it needs: the same answer as `count < n`, and trimming as before.
    func testHasFewerCharactersIsCountBelow() {
        let texts = SpeedEquivalenceTests.samples + ["", " ", "e\u{301}\u{301}", String(repeating: "e\u{301}", count: 150),
                                                     String(repeating: "مصر ", count: 40), "🇫🇷🇫🇷", "\r\n\r\n"]
        for t in texts {
            for n in [0, 1, 2, 3, 139, 140, 141, 200] { XCTAssertEqual(t.hasFewerCharacters(than: n), t.count < n, "\(t) \(n)") }
            var s = Substring(t)
            while let f = s.first, f.isWhitespace { s.removeFirst() }
            while let l = s.last, l.isWhitespace { s.removeLast() }
            XCTAssertEqual(t.trimmingCharacters(), String(s))
        }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.lock(); n += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }
}
