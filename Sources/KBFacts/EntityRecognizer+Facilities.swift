import KBText

/// Named facilities: an airport, port, palace, hotel or camp named by the head noun and a name ("مطار بغداد
/// الدولي", "ميناء طرطوس", "فندق الشرق", "بقصر الاتحادية", "معسكر بعشيقة"). The facility is a place of its own
/// (subtype "facility"), as the news gold counts it; the city inside its name is not mentioned there.
extension EntityRecognizer {
    /// Heads of named facilities (indefinite: "المطار الدولي" names none).
    static let namedFacilityHeads = Lexicon.set("مطار ميناء مرفأ قصر فندق معسكر")
    /// What may follow the name: "الدولي" (and its feminine).
    static let facilityTrailers = Lexicon.set("الدولي الدولية")

    /// The facility heads and the proclitics they take, as UTF-8 bytes (a test on bytes: this runs on every word).
    static let headBytes: [(head: String, bytes: [UInt8])] = namedFacilityHeads.sorted().map { ($0, Array($0.utf8)) }
    static let headPrefixes: Set<String> = ["", "ب", "و", "ل", "وب", "ف"]
    /// The last UTF-8 bytes of the heads (a first, cheap test).
    static let headLastBytes: [Bool] = (0..<256).map { b in headBytes.contains { $0.bytes.last == UInt8(b) } }

    /// The facility head of a word, with its proclitic ("بمطار" → ("مطار", "ب")), or nil.
    func facilityHead(_ tok: Token) -> (stem: String, prefix: String)? {
        tok.kind == .word ? EntityRecognizer.facilityHead(norm: tok.norm) : nil
    }

    /// ``facilityHead(_:)`` of a word token with normalised form `n`.
    static func facilityHead(norm n: String) -> (stem: String, prefix: String)? {
        let u = n.utf8
        guard u.count >= 6, u.count <= 14, let last = u.last, EntityRecognizer.headLastBytes[Int(last)] else { return nil }
        for (head, bytes) in EntityRecognizer.headBytes where u.count >= bytes.count && u.suffix(bytes.count).elementsEqual(bytes) {
            let prefix = String(decoding: u.prefix(u.count - bytes.count), as: UTF8.self)
            return EntityRecognizer.headPrefixes.contains(prefix) ? (head, prefix) : nil
        }
        return nil
    }

    /// Replaces a place the gazetteer found after a facility head, or takes one or two free name words after
    /// it, by the facility. A definite word after the head counts only when it is no place noun, adjective or
    /// description ("مطار العاصمة", "قصر الضيافة" stay as they are: the second is no name).
    func addFacilities(_ t: [Token], _ mentions: inout [RawMention], _ cues: WordCues) {
        // (most sentences have no facility head: nothing is built for them; a token's cue bit is its facilityHead test)
        guard cues.anyHas(WordCues.facility), let firstHead = t.indices.first(where: { cues.has($0, WordCues.facility) }),
              firstHead + 1 < t.count else { return }
        var owner = [Int?](repeating: nil, count: t.count)
        for k in mentions.indices { for x in mentions[k].range { owner[x] = k } }
        var replaced: [Int] = []
        var added: [RawMention] = []
        var i = firstHead
        while i + 1 < t.count {
            defer { i += 1 }
            guard owner[i] == nil, cues.has(i, WordCues.facility), let (stem, prefix) = facilityHead(t[i]) else { continue }
            var end = i + 1
            var inner: Int? = nil
            if let k = owner[end] {
                let m = mentions[k]
                // (a facility the gazetteer knows, "قصر الكرملين", stays as it is)
                guard m.type == .place, !m.isAdjective, m.range.lowerBound == end, m.role == nil, m.subtype != "facility",
                      !(m.gazetteerIDs.contains { gazetteer.entry(id: $0)?.subtype == "facility" }) else { continue }
                inner = k
                end = m.range.upperBound
            } else {
                // one or two free words that can be a name; a definite one alone
                var e = end
                while e < t.count, e - end < 2, owner[e] == nil, t[e].kind == .word, facilityNameWord(t[e]) {
                    e += 1
                    if EntityRecognizer.hasArticle(t[e - 1]) { break }
                }
                guard e > end else { continue }
                end = e
            }
            if end < t.count, owner[end] == nil, EntityRecognizer.facilityTrailers.contains(t[end].norm) { end += 1 }
            let range = i..<end
            let (head, b) = strippedPrefix(t[i], prefix, restore: stem)
            let text = ([head] + t[(i + 1)..<end].map(\.text)).joined(separator: " ")
            let key = ([stem] + t[(i + 1)..<end].map(\.norm)).joined(separator: " ")
            var m = RawMention(range: range, begin: b, end: t[end - 1].end, text: text, type: .place, subtype: "facility",
                               gazetteerIDs: [], nameKey: key, isAdjective: false, role: nil, confidence: 0.7)
            m.inPlace = inner.flatMap { mentions[$0].gazetteerIDs.first }
            if m.inPlace != nil, let k = inner { m.innerPlace = [mentions[k]] }
            added.append(m)
            if let k = inner { replaced.append(k) }
            for x in range { owner[x] = -1 }
            i = end - 1
        }
        guard !added.isEmpty else { return }
        for k in replaced.sorted(by: >) { mentions.remove(at: k) }
        mentions += added
    }

    /// A free word that can name a facility after its head: a name word, not a place noun, a country or
    /// nationality adjective, a description or a time word.
    func facilityNameWord(_ tok: Token) -> Bool {
        let n = tok.norm
        guard n.count >= 3, EntityRecognizer.hasArticle(tok) ? isNameWord(n, nisbaCheck: false) : isNameToken(tok), !Lexicon.placeHeads.contains(n), !Lexicon.orgHeads.contains(n),
              !EntityRecognizer.descriptiveWords.contains(n), !EntityRecognizer.facilityTrailers.contains(n),
              !EntityRecognizer.genericFacilityWords.contains(n),
              gazetteer.lookupAdjective(ArabicNormalizer.stripArticle(n)).isEmpty else { return false }
        return true
    }

    /// Definite words that follow a facility head without naming it ("قصر الضيافة", "مطار العاصمة").
    static let genericFacilityWords = Lexicon.set("""
        الضيافة الرئاسة الرئاسي الحكم العدل الثقافة المؤتمرات المدينة العاصمة البلاد الدولة الجيش التدريب اللاجئين
        النازحين الاعتقال الاحتجاز الجديد القديم الرئيسي الوحيد المدني العسكري الحربي التجاري
        """)

    /// Fact types whose place is a town or country, never a building: a visit to "مطار بغداد الدولي" is a visit to
    /// Baghdad, and a palace does not host a summit (its city does).
    static let townFactTypes: Set<String> = ["VISIT", "PLANS_VISIT", "HOSTS"]

    /// Facts of `townFactTypes` that name a guessed facility go to the known place the facility is named after,
    /// when the document names that place elsewhere (else they keep the facility), and are dropped when it names
    /// none (a facility the gazetteer knows, "الكرملين", keeps them).
    static func facilityFactsToTowns(_ drafts: [(Int, FactDraft)], _ perSentence: [[RawMention]]) -> [(Int, FactDraft)] {
        var town: [String: String?] = [:]
        // (mentions read in place; the keys present gathered only for a document with such a facility)
        for ms in perSentence {
            // (each mention through a pointer, the flags before the subtype's string)
            ms.withUnsafeBufferPointer { mb in
                for k in mb.indices where mb[k].gazetteerIDs.isEmpty && !mb[k].key.isEmpty && mb[k].subtype == "facility" {
                    town[mb[k].key] = mb[k].inPlace
                }
            }
        }
        guard !town.isEmpty else { return drafts }
        var present = Set<String>()
        for ms in perSentence { for k in ms.indices { present.insert(ms[k].key) } }
        // (a town the document names only inside the facility's name is no entity: the facility stays)
        for (k, t) in town { if let p = t, !present.contains(p) { town[k] = .some(k) } }
        return drafts.compactMap { (si, d) in
            guard townFactTypes.contains(d.type) else { return (si, d) }
            var d = d
            for side in [\FactDraft.subject, \FactDraft.object] {
                guard let t = town[d[keyPath: side]] else { continue }
                guard let place = t else { return nil }
                d[keyPath: side] = place
            }
            if let p = d.place, let t = town[p] { d.place = t }
            return d.subject == d.object ? nil : (si, d)
        }
    }

    /// A facility named after a known place the document names nowhere else is that place's mention: a story
    /// that says only "وصل إلى مطار القاهرة" is about Cairo (the news gold lists the town, not the airport).
    static func keepTownsNamedOnce(_ perSentence: inout [[RawMention]]) {
        var elsewhere = Set<String>()
        var any = false
        for ms in perSentence { for m in ms { if m.innerPlace.isEmpty { elsewhere.formUnion(m.gazetteerIDs) } else { any = true } } }
        guard any else { return }
        for s in perSentence.indices {
            for k in perSentence[s].indices {
                guard let inner = perSentence[s][k].innerPlace.first, let p = perSentence[s][k].inPlace, !elsewhere.contains(p) else { continue }
                perSentence[s][k] = inner
            }
        }
    }
}
