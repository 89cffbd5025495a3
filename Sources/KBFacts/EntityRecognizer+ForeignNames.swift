// A foreign person whose family name is also a town's ("نيكولا أورلاندو", "ماريو فيرونا"): where the labeller reads
// a known given name and the town's name as one person, the town is that person's family name.

import KBNER
import KBText

extension EntityRecognizer {
    /// The person over `span` (two words the labeller reads as one person, confidently: a free name word, then a
    /// one-word town the gazetteer matched) replaces the town's mention in place; true if it did. Countries and
    /// capitals stay places ("جان باريس" is no name); "وصل محمد القاهرة" is no span of the labeller.
    func personOverTownName(_ t: [Token], _ span: NERSpan, _ mentions: inout [RawMention], _ taken: inout [Bool],
                            _ model: NERModel) -> Bool {
        guard span.type == .per, span.range.count == 2 else { return false }
        let first = span.range.lowerBound, last = first + 1
        guard !taken[first], taken[last], t[first].kind == .word, t[last].kind == .word,
              !EntityRecognizer.hasArticle(t[first]), !EntityRecognizer.hasArticle(t[last]),
              modelNameWord(t[first].norm, inPerson: true),
              let k = mentions.firstIndex(where: { $0.range == last..<(last + 1) }),
              mentions[k].type == .place, !mentions[k].isAdjective, mentions[k].gazetteerIDs.count == 1,
              let e = gazetteer.entry(id: mentions[k].gazetteerIDs[0]), e.subtype == "city", e.capitalOf == nil,
              let m = modelMention(t, span.range, .person, model), m.range == span.range else { return false }
        mentions[k] = m
        taken[first] = true
        return true
    }
}
