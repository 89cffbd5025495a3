import Foundation
@testable import KBNER
import KBText
import XCTest

/// speed9: the serialised lexicon read on its bytes gives the tables the `String` reader gave (its code kept here).
final class NERLexiconBytesTests: XCTestCase {
    struct Tables: Equatable {
        var names: [String: UInt8] = [:], cues: [String: UInt8] = [:], firstWords: [String: Int] = [:]
        var firstTwo: [String: Int] = [:], classes: [String: [UInt16]] = [:], bias: [NERType: Float] = [:]
    }

    /// `NERLexicon.init(serialized:)` as it was: `String` fields.
    static func reference(_ text: String) -> Tables {
        var t = Tables()
        var classes: [(String, [UInt16])] = []
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) {
            let f = line.split(separator: UInt8(ascii: "\t"), maxSplits: 2).map { String(decoding: $0, as: UTF8.self) }
            if f.count == 3, f[0] == "K" {
                classes.append((f[2], f[1].utf8.split(separator: UInt8(ascii: ",")).compactMap { UInt16(Substring($0)) }))
                continue
            }
            if f.count == 3, f[0] == "B", let r = Int(f[1]), let ty = NERType(rawValue: r), let b = Float(f[2]) {
                t.bias[ty] = b
                continue
            }
            guard f.count == 3, let bits = UInt8(f[1]) else { continue }
            if f[0] == "N" {
                t.names[f[2]] = bits
                let first = f[2].plainSplit(separator: " ")
                if let w = first.first { t.firstWords[String(w)] = max(t.firstWords[String(w)] ?? 0, first.count) }
                if first.count >= 2 {
                    let k = String(first[0]) + " " + String(first[1])
                    t.firstTwo[k] = max(t.firstTwo[k] ?? 0, first.count)
                }
            } else if f[0] == "C" {
                t.cues[f[2]] = bits
            }
        }
        t.classes = Dictionary(classes, uniquingKeysWith: { _, last in last })
        return t
    }

    static func tables(_ lex: NERLexicon, keys: [String]) -> Tables {
        var t = Tables()
        for (k, v) in lex.names { t.names[k] = v }
        for (k, v) in lex.cues { t.cues[k] = v }
        for (k, v) in lex.firstWords { t.firstWords[k] = v }
        for a in keys { for b in keys where lex.longestName(startingWith: a, then: b) > 0 { t.firstTwo[a + " " + b] = lex.longestName(startingWith: a, then: b) } }
        t.classes = lex.wordClasses
        t.bias = lex.labelBias
        return t
    }

    static let fields = ["N", "C", "K", "B", "\u{212A}", "NN", "", "3", "255", "256", "007", "+5", "-0", "1,2", "0,234", ",,7,",
                         "70000", "65535", "x", "0", "2.5", "1e6", "nan", "محمد", "محمد علي", "عبد  الله", " مصر ", "أحمد",
                         "ا\u{0654}حمد", "e\u{0301}", "café", "\t", "a\tb", "وزير الخارجية الجزائري"]

    func testBytesReaderIsTheStringReader() {
        var lines: [String] = []
        var rng: UInt64 = 14
        func next() -> Int { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Int(rng >> 33) }
        for _ in 0..<4000 {
            let n = next() % 4 + 1
            var parts = (0..<n).map { _ in Self.fields[next() % Self.fields.count] }
            if next() % 3 == 0 { parts[0] = ["N", "C", "K", "B"][next() % 4] }
            let sep = ["\t", "\t\t", "\t"][next() % 3]
            lines.append((next() % 9 == 0 ? "\t" : "") + parts.joined(separator: sep))
        }
        for text in [lines.joined(separator: "\n"), lines.joined(separator: "\n\n") + "\n", "", "\n", "N\t1\tمصر", "K\t1\tx\nK\t2\tx"] {
            let lex = NERLexicon(serialized: text)
            let words = Set(Self.fields.flatMap { $0.split(separator: " ").map(String.init) })
            XCTAssertEqual(Self.tables(lex, keys: Array(words)), {
                var r = Self.reference(text)
                r.firstTwo = r.firstTwo.filter { k, _ in
                    let w = k.split(separator: " ", omittingEmptySubsequences: false)
                    return w.count == 2 && words.contains(String(w[0])) && words.contains(String(w[1]))
                }
                return r
            }())
        }
    }

    func testBytesReaderOnInvalidUTF8IsTheDecodedText() {
        let raw: [UInt8] = Array("N\t3\tمصر\nC\t1\t".utf8) + [0xD8, 0x0A, 0x4E, 0x09, 0x31, 0x09, 0xE2, 0x84, 0x09, 0x41] + Array("\nK\t1,2\t".utf8) + [0xFF]
        let viaText = NERLexicon(serialized: String(decoding: raw, as: UTF8.self))
        let viaBytes = raw.withUnsafeBufferPointer { NERLexicon(serializedUTF8: $0) }
        XCTAssertEqual(viaBytes, viaText)
    }
}
