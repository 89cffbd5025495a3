// The outlet a dateline credits (seventh round of issue 11). News text opens with its source and place in a few
// fixed shapes: "المرصد (دمشق) -", "دمشق - (المرصد)", "المرصد : أعلن …", "دمشق: المرصد أعلن …".

import KBGraph
import KBText

extension EntityRecognizer {
    static let datelineDashes: Set<String> = ["-", "–", "—", ":"]
    /// The other marks the shapes test (made once: a set literal in `punct`'s call is built at every call).
    static let openParen: Set<String> = ["("], closeParen: Set<String> = [")"], colon: Set<String> = [":"]
    static let dashes: Set<String> = ["-", "–", "—"]

    /// Outlets named by a dateline, as organisations (subtype media):
    /// - "NAME (PLACE) -" at the start of a sentence;
    /// - "PLACE - (NAME)", "PLACE (NAME)" and "(NAME) -" at the start of a sentence;
    /// - "NAME : VERB …" at the start of a sentence (the source, then its report);
    /// - "NAME - متابعة خاصة", "NAME - خاص" at the start of a sentence (the outlet's credit line);
    /// - "PLACE: NAME VERB …" (the place of the dateline, then the source and its report).
    /// NAME is one to three words that no other rule took: no function word, verb, title or head noun (a head
    /// noun's own rules name those). Only where a verb of the lexicon follows does a bare "NAME :" count.
    func addDatelineOutlets(_ t: [Token], _ mentions: inout [RawMention], _ covered: inout [Int?]) {
        guard t.count >= 3, t.prefix(12).contains(where: { $0.kind == .punctuation }) else { return }
        func add(_ range: Range<Int>) {
            let (text, b) = stripped(t, range)
            // a nationality adjective inside the name gives way to it ("الصباح الموريتاني")
            mentions.removeAll { $0.range.overlaps(range) }
            mentions.append(RawMention(range: range, begin: b, end: t[range.upperBound - 1].end, text: text, type: .organization,
                                       subtype: "media", gazetteerIDs: [], nameKey: key(t, range), isAdjective: false, role: nil,
                                       confidence: 0.6))
            covered = [Int?](repeating: nil, count: t.count)
            for k in mentions.indices { for x in mentions[k].range { covered[x] = k } }
        }
        func punct(_ k: Int, _ marks: Set<String>) -> Bool { k < t.count && t[k].kind == .punctuation && marks.contains(t[k].text) }
        func placeAt(_ k: Int) -> Int? {
            guard k < t.count, let c = covered[k], mentions[c].type == .place, !mentions[c].isAdjective,
                  mentions[c].range.lowerBound == k else { return nil }
            return mentions[c].range.upperBound
        }
        // "NAME (PLACE) -", "NAME : VERB"
        // (the name is one to three words, so a parenthesis, colon or dash follows it among tokens 1 to 3: without
        // one there, the name is not looked for)
        let lead = (1..<min(4, t.count)).contains { k in t[k].kind == .punctuation && EntityRecognizer.isLeadMark(t[k].text) }
            ? datelineName(t, 0, covered, mentions) : 0
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
        // (the mentions read in place: a `for` over them copies each)
        for c in mentions.indices where mentions[c].type == .place && !mentions[c].isAdjective {
            let e = mentions[c].range.upperBound, s = mentions[c].range.lowerBound
            guard punct(e, EntityRecognizer.colon), s == 0 || t[s - 1].kind == .word else { continue }
            let n = datelineName(t, e + 1, covered, mentions)
            if n > e + 1, n < t.count, isReportVerb(t[n].norm) { add((e + 1)..<n); return }
        }
    }

    /// A mark the shapes after a leading name test there (`openParen`, `colon`, `dashes`), compared as text as the
    /// sets' look-ups do.
    static func isLeadMark(_ text: String) -> Bool {
        text == "(" || text == ":" || text == "-" || text == "–" || text == "—"
    }

    /// Words of an outlet's credit line after its name and a dash ("- متابعة خاصة", "- خاص", "- وكالات").
    static let creditWords = Lexicon.set("متابعة متابعات خاص خاصة وكالات ترجمة")

    /// The end of a run of one to three name words from `i` that no rule took (i when there is none); after the
    /// first word, a one-word adjective or place may be part of it ("الصباح الموريتاني", "المرصد الأطلسي").
    func datelineName(_ t: [Token], _ i: Int, _ covered: [Int?], _ mentions: [RawMention]) -> Int {
        var j = i
        while j < t.count, j - i < 3, t[j].kind == .word || t[j].kind == .latin,
              covered[j] == nil || j > i && mentions[covered[j]!].type != .person && mentions[covered[j]!].range == j..<(j + 1) {
            let n = t[j].norm
            guard n.count >= 2, !Lexicon.verbs.contains(n), !Lexicon.ranks.contains(n), !Lexicon.roleHeads.contains(n),
                  !Lexicon.nonNameWords.contains(n), headWord(n) == nil,
                  !Lexicon.stopwords.contains(n) || j > i && n == "اليوم"
                    || j == i && EntityRecognizer.outletTitleWord(t, j, covered, first: true) == false else { break }
            j += 1
        }
        // the run must end at punctuation or a verb, not run on into a longer phrase
        return j
    }

    /// A verb of the lexicon, with or without و/ف ("وصل", "أعلنت", "وأكد").
    func isReportVerb(_ n: String) -> Bool {
        Lexicon.verbs.contains(n) || Clitics.of(n).contains { ($0.prefix == "و" || $0.prefix == "ف") && Lexicon.verbs.contains($0.stem) }
    }
}
