import KBGraph
import KBText

/// The start of an office stated apart from the office: «صادق البرلمان في 2 أبريل على تعيين X رئيسا للوزراء»,
/// «منذ تعيينه وزيرا أواخر مارس», «تولى X منصبه في …». A word of the lexicon class `OFFICE_START` (تعيين، تولي،
/// انتخاب، تنصيب …) with a date near it dates the offices (HOLDS_ROLE, ENVOY_OF) the document gives its person
/// that have no date yet: the person named right after the word, or, for a word with a pronoun suffix («تعيينه»),
/// the subject of the last event told up to that sentence who holds an office (else the last office holder).
extension Extractor {
    static let officeTypes: Set<String> = ["HOLDS_ROLE", "ENVOY_OF"]

    static func officeStartDates(_ drafts: [(Int, FactDraft)], sentences: [Sentence], mentions: [[RawMention]],
                                 dates: [(Int, DateMention)], lexicon lex: WordLexicon, cueSentences: Set<Int>? = nil) -> [(Int, FactDraft)] {
        guard let cue = lex.classID("OFFICE_START"),
              drafts.contains(where: { officeTypes.contains($0.1.type) && $0.1.date == nil }) else { return drafts }
        let noun = lex.classID("OFFICE_START.noun")
        var bySentence: [Int: [DateMention]] = [:]
        for (si, d) in dates { bySentence[si, default: []].append(d) }
        var out = drafts
        // (`cueSentences`: the sentences with a token of class `OFFICE_START`, when the caller knows them; no other
        // sentence's words need be looked up)
        for (si, ds) in bySentence.sorted(by: { $0.key < $1.key }) where si < sentences.count && cueSentences?.contains(si) != false {
            let t = sentences[si].tokens
            for i in t.indices where t[i].kind == .word {
                let classes = lex.classes(of: t[i].norm)
                guard classes.contains(cue) else { continue }
                // the date: the nearest after the word (within 10 tokens), else right before it (within 5)
                let date = ds.filter { $0.range.lowerBound > i && $0.range.lowerBound - i <= 10 }.min { $0.range.lowerBound < $1.range.lowerBound }
                    ?? ds.filter { $0.range.upperBound <= i && i - $0.range.upperBound <= 5 }.max { $0.range.upperBound < $1.range.upperBound }
                guard let d = date else { continue }
                var person: String? = nil
                // the person named right after the word (quotes and a title may stand between)
                if let m = mentions[si].first(where: { $0.type == .person && !$0.key.isEmpty && $0.range.lowerBound > i && $0.range.lowerBound - i <= 4 }),
                   (i + 1..<m.range.lowerBound).allSatisfy({ t[$0].kind == .punctuation || ($0 == i + 1 && m.role != nil) }) {
                    person = m.key
                } else if let n = noun, RuleEngine.pronounSuffixed(t[i].norm, [n], lex) {
                    // «تعيينه»: the actor the text is about (the subject of the last event told so far) when he holds an
                    // office, else the holder of the last office told
                    let holders = Set(out.filter { officeTypes.contains($0.1.type) }.map(\.1.subject))
                    person = out.last(where: { $0.0 <= si && $0.1.takesDate && holders.contains($0.1.subject) })?.1.subject
                        ?? out.last(where: { $0.0 <= si && officeTypes.contains($0.1.type) && !$0.1.subject.hasPrefix("@") })?.1.subject
                }
                guard let p = person else { continue }
                for k in out.indices where out[k].1.subject == p && officeTypes.contains(out[k].1.type) && out[k].1.date == nil {
                    out[k].1.date = d.date
                }
            }
        }
        return out
    }
}
