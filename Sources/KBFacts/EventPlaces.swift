// Where an event happened: a gathering (a meeting, visit, talks, reception, signing: an event type whose RDF roles
// make someone an attendee, in the relation table) whose clause names a place after "في" or the clitic "ب"
// ("في روما", "بالعاصمة الإيطالية روما", "وفي القاهرة") gets that place as the fact's `place`. No second fact is
// made: the place is an attribute of the event. A place that is a participant, an adjective or part of a role
// phrase ("سفير X في Y") is not where the event happened.

import KBGraph
import KBText

enum EventPlaces {
    /// How far from the trigger the place is looked for, in tokens (after it, then before it).
    static let after = 16, before = 6

    /// Words that open the topic of talks ("بحثا تطورات الأوضاع في X"): a place after them is what was discussed,
    /// not where. The scan stops at them.
    static let topicWords = Lexicon.set("""
        بحث لبحث وبحث بحثا لمناقشة مناقشة ناقش ناقشا تناول تناولا تطورات مستجدات الأوضاع الوضع أوضاع الأزمة أزمة
        ملف قضية قضايا القضية استقرار الاستقرار أمن الأمن العلاقات علاقات التعاون تعاون الصراع الحرب الأحداث
        السلام الحل التسوية الانتخابات المفاوضات جهود الجهود دعم تعزيز لتعزيز التطورات المستجدات
        """)

    /// The draft with its place filled when the sentence states where the event happened.
    static func filled(_ d: FactDraft, _ c: SentenceContext, table: RelationTable = .standard) -> FactDraft {
        // (the relation's kind and roles as flags, RuleEngine+Relations.swift; the mentions read in place)
        guard d.place == nil, let t = RelationIndex.flags(table, d.type), t.event, t.attendee else { return d }
        // a visit's place is its destination: only a visit to a person or a body gets a place of its own
        if t.objectLocation, c.firstMention(where: { $0.pointee.key == d.object && $0.pointee.type == .place }) != nil { return d }
        guard let m = place(around: d.trigger, excluding: d.subject, d.object, c) else { return d }
        var x = d
        x.place = c.mentions[m].key
        return x
    }

    /// The first place introduced by "في"/"ب" in the trigger's clause: after the trigger, else before it.
    /// (not one of the two keys, the fact's subject and object: compared with `==`, as a set of the two asked it
    /// after hashing, without the set made per fact)
    static func place(around trigger: Int, excluding a: String, _ b: String, _ c: SentenceContext) -> Int? {
        func excluded(_ k: String) -> Bool { k == a || k == b }
        // (the mention read in place: a `RawMention` copied costs a retain per field)
        func candidate(_ k: Int) -> Int? {
            guard let m = c.mention(at: k) else { return nil }
            let passes = c.mentions.withUnsafeBufferPointer { ms -> Bool in
                let mm = ms.baseAddress! + m
                return mm.pointee.range.lowerBound == k && mm.pointee.type == .place && !mm.pointee.isAdjective && !mm.pointee.inRolePhrase
                    && !mm.pointee.key.isEmpty && !Extractor.isGroupKey(mm.pointee.key) && !excluded(mm.pointee.key)
            }
            guard passes, c.memo.introducedIn(m, { introducedByIn(c.mentions[m], c) }) else { return nil }
            return m
        }
        // (remembered per token for the sentence: SentenceMemo)
        func breaks(_ k: Int) -> Bool {
            c.memo.placeBreak(k) { c.isStrongPunct(k) || (c.mention(at: k) == nil && (c.matches(k, FactRules.clauseBreaks) || isTopic(k))) }
        }
        func isTopic(_ k: Int) -> Bool {
            let n = c.tokens[k].norm
            return topicWords.contains(n) || (startsWithWaw(n) && topicWords.contains(String(n.dropFirst())))
        }
        var k = trigger + 1
        while k < c.tokens.count, k - trigger <= after, !breaks(k) {
            if let m = candidate(k) { return m }
            k += 1
        }
        k = trigger - 1
        while k >= 0, trigger - k <= before, !breaks(k) {
            if let m = candidate(k) { return m }
            k -= 1
        }
        return nil
    }

    /// `n.plainHasPrefix("و")`: the first two bytes of a plain word (``NormKey/isPlain(_:)``: each letter one
    /// scalar and one `Character`), else `hasPrefix`.
    static func startsWithWaw(_ n: String) -> Bool {
        guard NormKey.isPlain(n) else { return n.hasPrefix("و") }
        var s = n
        return s.withUTF8 { $0.count >= 2 && $0[0] == 0xD9 && $0[1] == 0x88 }   // و = D9 88
    }

    /// True when "في" stands before the mention (or before the place nouns and place adjectives in front of it:
    /// "في العاصمة الإيطالية روما"), or the clitic "ب" is on the mention or on such a place noun.
    static func introducedByIn(_ m: RawMention, _ c: SentenceContext) -> Bool {
        let first = m.range.lowerBound
        // (the mention's text normalised and split only when its first token may carry the clitic)
        if mayStartWithBa(c.tokens[first].norm), let word = ArabicNormalizer.normalize(m.text).split(separator: " ").first,
           hasClitic(c.tokens[first].norm, String(word)) {
            return true
        }
        var j = first - 1, steps = 0
        while j >= 0, steps < 3 {
            let n = c.tokens[j].norm
            // (`==` on bytes: `plainEquals`)
            if n.plainEquals("في") || n.plainEquals("وفي") { return true }
            if Lexicon.placeHeads.contains(n) { j -= 1; steps += 1; continue }
            if n.plainHasPrefix("ب") && Lexicon.placeHeads.contains(String(n.dropFirst()))
                || n.plainHasPrefix("وب") && Lexicon.placeHeads.contains(String(n.dropFirst(2))) { return true }
            if let a = c.mention(at: j), c.mentions[a].isAdjective, c.mentions[a].type == .place {
                j = c.mentions[a].range.lowerBound - 1; steps += 1; continue
            }
            return false
        }
        return false
    }

    /// False when `hasClitic(token, w)` is false for every `w`: a plain token (``NormKey/isPlain(_:)``: every scalar a
    /// `Character` of its own but CR LF, all in NFC) whose first `Character`s are «ب» or «و» «ب» starts with their bytes
    /// («ب» and «و» are single scalars nothing else is canonically equal to). A token that is not plain may.
    static func mayStartWithBa(_ token: String) -> Bool {
        guard NormKey.isPlain(token) else { return true }
        var s = token
        return s.withUTF8 { b in
            (b.count >= 2 && b[0] == 0xD8 && b[1] == 0xA8)                                              // ب = D8 A8
                || (b.count >= 4 && b[0] == 0xD9 && b[1] == 0x88 && b[2] == 0xD8 && b[3] == 0xA8)       // وب
        }
    }

    /// True when the token is the word with "ب" or "وب" in front ("بالقاهرة" for "القاهرة").
    static func hasClitic(_ token: String, _ word: String) -> Bool {
        guard !word.isEmpty, token.plainHasSuffix(word) else { return false }
        let prefix = token.dropLast(word.count)
        return prefix == "ب" || prefix == "وب"
    }
}
