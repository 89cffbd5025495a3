@testable import KBFacts
@testable import KBText
import KBGraph
import XCTest

/// speed22: the leading name of a dateline is looked for only when a parenthesis, colon or dash is among tokens 1 to 3;
/// the outlets are those of the code as it was (kept here), on sentences of names, places and marks.
final class SpeedEquivalenceDatelineTests: XCTestCase {
    func testOutletsAreTheOldOnes() {
        let r = EntityRecognizer(gazetteer: Gazetteer.bundled)
        let words = ["المرصد", "الصباح", "الموريتاني", "دمشق", "بغداد", "الرياض", "أعلن", "وأكد", "قال", "متابعة", "خاص",
                     "وكالات", "في", "اليوم", "وزير", "الحكومة", "نواكشوط", "السوري", "Reuters"]
        let marks = ["(", ")", ":", "-", "–", "—", "،", ".", "«", "»"]
        var rng = SeededRandom(seed: 1001)
        var added = 0
        for _ in 0..<4000 {
            var t: [Token] = []
            var at = 0
            for _ in 0..<Int.random(in: 3...10, using: &rng) {
                let punct = Int.random(in: 0..<3, using: &rng) == 0
                let w = punct ? marks.randomElement(using: &rng)! : words.randomElement(using: &rng)!
                let kind: Token.Kind = punct ? .punctuation : (w == "Reuters" ? .latin : .word)
                let n = kind == .word ? ArabicNormalizer.normalize(w) : w
                t.append(Token(text: w, norm: n, begin: at, end: at + w.unicodeScalars.count, kind: kind))
                at += w.unicodeScalars.count + 1
            }
            var mentions: [RawMention] = []
            var i = 0
            while i < t.count {
                if let m = r.gazetteerMatch(t, i) { mentions.append(m); i = m.range.upperBound } else { i += 1 }
            }
            var covered = [Int?](repeating: nil, count: t.count)
            for (k, m) in mentions.enumerated() { for x in m.range { covered[x] = k } }
            var (m1, c1, m2, c2) = (mentions, covered, mentions, covered)
            r.addDatelineOutlets(t, &m1, &c1)
            r.oldAddDatelineOutlets(t, &m2, &c2)
            let sentence = t.map(\.text).joined(separator: " ")
            XCTAssertEqual(m1.map(SpeedEquivalenceGazetteerMatchTests.fields), m2.map(SpeedEquivalenceGazetteerMatchTests.fields), sentence)
            XCTAssertEqual(c1, c2, sentence)
            if m1.count > mentions.count || m1.contains(where: { $0.subtype == "media" }) { added += 1 }
        }
        XCTAssertGreaterThan(added, 20)
    }
}

extension EntityRecognizer {
    /// `addDatelineOutlets` as it was.
    func oldAddDatelineOutlets(_ t: [Token], _ mentions: inout [RawMention], _ covered: inout [Int?]) {
        guard t.count >= 3, t.prefix(12).contains(where: { $0.kind == .punctuation }) else { return }
        func add(_ range: Range<Int>) {
            let (text, b) = stripped(t, range)
            // a nationality adjective inside the name gives way to it ("الصباح الموريتاني")
            mentions.removeAll { $0.range.overlaps(range) }
            mentions.append(RawMention(range: range, begin: b, end: t[range.upperBound - 1].end, text: text, type: .organization,
                                       subtype: "media", gazetteerIDs: [], nameKey: key(t, range), isAdjective: false, role: nil,
                                       confidence: 0.6))
            covered = [Int?](repeating: nil, count: t.count)
            for (k, m) in mentions.enumerated() { for x in m.range { covered[x] = k } }
        }
        func punct(_ k: Int, _ marks: Set<String>) -> Bool { k < t.count && t[k].kind == .punctuation && marks.contains(t[k].text) }
        func placeAt(_ k: Int) -> Int? {
            guard k < t.count, let c = covered[k], mentions[c].type == .place, !mentions[c].isAdjective,
                  mentions[c].range.lowerBound == k else { return nil }
            return mentions[c].range.upperBound
        }
        // "NAME (PLACE) -", "NAME : VERB"
        let lead = datelineName(t, 0, covered, mentions)
        if lead > 0 {
            if punct(lead, EntityRecognizer.openParen), let e = placeAt(lead + 1), punct(e, EntityRecognizer.closeParen), punct(e + 1, EntityRecognizer.datelineDashes) {
                add(0..<lead); return
            }
            if punct(lead, EntityRecognizer.colon), lead + 1 < t.count, isReportVerb(t[lead + 1].norm) { add(0..<lead); return }
            // "NAME - متابعة خاصة", "NAME - خاص": the outlet's own credit line
            if punct(lead, EntityRecognizer.dashes), lead + 1 < t.count, EntityRecognizer.creditWords.contains(t[lead + 1].norm) {
                add(0..<lead); return
            }
        }
        // "PLACE - (NAME)", "PLACE (NAME)", "(NAME) -"
        var k = 0
        if let e = placeAt(0) { k = e; if punct(k, EntityRecognizer.dashes) { k += 1 } }
        if punct(k, EntityRecognizer.openParen) {
            let n = datelineName(t, k + 1, covered, mentions)
            if n > k + 1, punct(n, EntityRecognizer.closeParen), k > 0 || punct(n + 1, EntityRecognizer.datelineDashes) { add((k + 1)..<n); return }
        }
        // "PLACE: NAME VERB"
        for m in mentions where m.type == .place && !m.isAdjective {
            let e = m.range.upperBound
            guard punct(e, EntityRecognizer.colon), m.range.lowerBound == 0 || t[m.range.lowerBound - 1].kind == .word else { continue }
            let n = datelineName(t, e + 1, covered, mentions)
            if n > e + 1, n < t.count, isReportVerb(t[n].norm) { add((e + 1)..<n); return }
        }
    }
}
