@testable import KBFacts
@testable import KBText
import XCTest

/// speed11: the linker's per-word keys, its people index with a bit filter and full-name keys made on demand, and
/// the entry facts remembered per id answer as the code they replace (kept here as it was).
final class SpeedEquivalenceLinkerTests: XCTestCase {
    /// `Linker.PeopleIndex` as it was before speed11 (every key made at registration, `String.count`, the scalar-view
    /// skeleton).
    final class OldPeopleIndex {
        var people: [Linker.KnownPerson] = []
        var slot: [NormKey: Int] = [:]
        var surnames: [NormKey: [Int]] = [:]
        var single: [NormKey: [Int]] = [:]
        var full: [NormKey: [Int]] = [:]

        static func skeleton(_ w: String) -> String { Linker.slowSkeleton(w) }
        static func forms(_ w: String) -> [String] {
            let bare = ArabicNormalizer.stripArticle(w)
            var out = [w, bare]
            if bare.count >= 5 { out.append("~" + skeleton(bare)) }
            return out
        }
        static func lookupForms(_ w: String) -> [String] {
            let f = forms(w)
            let bare = ArabicNormalizer.stripArticle(w)
            return bare.count == 4 ? f + ["~" + skeleton(bare)] : f
        }
        static func lookupKeys(_ w: String) -> [NormKey] { lookupForms(w).map(NormKey.init) }

        func register(_ key: String, _ names: [[String]], _ order: Int) {
            let i: Int
            if let k = slot[NormKey(key)] { i = k } else {
                i = people.count
                slot[NormKey(key)] = i
                people.append(Linker.KnownPerson(key: key, names: [], order: order))
            }
            for n in names where !n.isEmpty && !people[i].names.contains(n) {
                people[i].names.append(n)
                if n.count >= 2 {
                    for f in Self.forms(n.last!) { surnames[NormKey(f), default: []].append(i) }
                    surnames[NormKey(n.dropFirst().joined(separator: " ")), default: []].append(i)
                    for a in Self.forms(n.first!) { for b in Self.forms(n.last!) { full[NormKey(a + "|" + b), default: []].append(i) } }
                } else {
                    single[NormKey(n[0]), default: []].append(i)
                }
                full[NormKey("=" + n.joined()), default: []].append(i)
            }
        }
        var hasSurnames: Bool { !surnames.isEmpty }
        func resolve(keys: [NormKey]) -> String? {
            var hits: [Int] = []
            for k in keys { if let h = surnames[k] { hits += h } }
            return pick(hits).map { people[$0].key }
        }
        func pick(_ hits: [Int]) -> Int? {
            guard let best = hits.max() else { return nil }
            for i in hits where i != best && Linker.PeopleIndex.different(people[i], people[best]) { return nil }
            return best
        }
        func candidates(_ word: String, strict: Bool, excluding: String?) -> [Int] {
            var hits: [Int] = []
            for k in Self.lookupKeys(word) {
                if let h = surnames[k] { hits += h.filter { people[$0].key != excluding } }
                if !strict, let h = single[k] { hits += h.filter { people[$0].key != excluding } }
            }
            return hits
        }
        func resolve(_ word: String, strict: Bool, excluding: String? = nil) -> String? {
            pick(candidates(word, strict: strict, excluding: excluding)).map { people[$0].key }
        }
        func ambiguous(_ word: String, strict: Bool) -> Bool {
            candidates(word, strict: strict, excluding: nil).count >= 2 && resolve(word, strict: strict) == nil
        }
        func resolveTail(_ toks: [String]) -> String? {
            guard toks.count >= 2, let last = toks.last else { return nil }
            var hits = Set<Int>()
            for k in Self.lookupKeys(last) { hits.formUnion(surnames[k] ?? []) }
            let found = hits.filter { i in
                people[i].names.contains { n in n.count > toks.count && zip(n.suffix(toks.count), toks).allSatisfy { Linker.variant($0, $1) } }
            }
            return found.max().map { people[$0].key }
        }
        func all(_ word: String) -> [String] {
            var hits = Set<Int>()
            for k in Self.lookupKeys(word) { hits.formUnion(surnames[k] ?? []) }
            return hits.sorted().map { people[$0].key }
        }
        func candidates(_ toks: [String]) -> [String] {
            var hits = Set<Int>()
            if let f = toks.first, let l = toks.last {
                for a in Self.forms(f) { for b in Self.forms(l) { hits.formUnion(full[NormKey(a + "|" + b)] ?? []) } }
            }
            hits.formUnion(full[NormKey("=" + toks.joined())] ?? [])
            return hits.sorted().map { people[$0].key }
        }
    }

    /// Invented people of a document: full names sharing family names and given names, spelling variants,
    /// articles, compound given names, one-word names, a name registered twice and the same key again.
    static let people: [(String, [[String]])] = {
        func n(_ s: String) -> [String] { ArabicNormalizer.normalize(s).split(separator: " ").map(String.init) }
        return [
            ("per:a", [n("خليفة حفتر"), n("خليفة بلقاسم حفتر")]),
            ("per:b", [n("فيصل بن الحسين")]),
            ("per:c", [n("عبد الله بن الحسين"), n("عبدالله الثاني بن الحسين")]),
            ("per:d", [n("محمد ولد الغزواني")]),
            ("per:e", [n("أحمد داود أوغلو")]),
            ("per:f", [n("يونس بيك يفكيروف")]),
            ("per:g", [n("مودي")]),
            ("per:h", [n("ساليفو مودي")]),
            ("per:i", [n("صدام حفتر")]),
            ("per:j", [n("جون بيلين")]),
            ("per:k", [n("فرانسوا هولاند"), n("هولاند")]),
            ("per:a", [n("خليفة حفتر"), n("المشير خليفة حفتر")]),
            ("per:l", [n("الجنرال")]),
            ("per:m", [n("e\u{0301}mile zola"), n("émile zola")]),
            ("per:n", [n("a|b c"), n("a b|c")]),
            // names not normalised: a decomposed hamza (its NFC form is plain), «=» and «|» inside words
            ("per:o", [["ا\u{0654}حمد", "زيد"], ["=x", "y"]]),
            ("per:p", [["أحمد", "زيد"], ["\u{0623}حمد", "عمرو"]]),
            ("per:q", [["x|y", "z"], ["x|y"]]),
            ("per:r", [["x", "y|z"], ["=x|y"]]),
            ("per:s", [["e\u{0301}", "zola"], ["é", "zola"], ["x", "y"]]),
        ]
    }()

    static let words: [String] = {
        var out = SpeedEquivalenceTests.samples + [
            "حفتر", "لحفتر", "وحفتر", "بحفتر", "الحسين", "والحسين", "حسين", "مودي", "ومودي", "الغزواني", "غزواني", "اوغلو",
            "أوغلو", "داوود", "يفكوروف", "يفكيروف", "يفكوريف", "بيلن", "بيلين", "هولاند", "وهولاند", "خليفة", "الجنرال",
            "zola", "émile", "e\u{0301}mile", "c", "b c", "بن الحسين", "الثاني بن الحسين", "ولد الغزواني", "داود أوغلو",
            "بلقاسم حفتر", "تشيكوف", "شيكوف", "ليتشيكوف", "وزير", "في", "على", "قال", "المملكة",
        ]
        out = out.map(ArabicNormalizer.normalize) + out
        return out
    }()

    func testPeopleIndexAnswersAsBefore() {
        let new = Linker.PeopleIndex(), old = OldPeopleIndex()
        var ambiguousSeen = false, resolvedSeen = false, filteredSeen = false
        for (order, (key, names)) in Self.people.enumerated() {
            new.register(key, names, order)
            old.register(key, names, order)
            XCTAssertEqual(new.hasSurnames, old.hasSurnames)
            // every question after every registration (`full` is brought up to date between registrations)
            for w in Self.words {
                for strict in [true, false] {
                    XCTAssertEqual(new.resolve(w, strict: strict), old.resolve(w, strict: strict), "\(w) \(strict)")
                    XCTAssertEqual(new.resolve(w, strict: strict, excluding: "per:a"), old.resolve(w, strict: strict, excluding: "per:a"))
                    XCTAssertEqual(new.ambiguous(w, strict: strict), old.ambiguous(w, strict: strict), "\(w) \(strict)")
                    if old.ambiguous(w, strict: strict) { ambiguousSeen = true }
                }
                XCTAssertEqual(new.all(w), old.all(w), w)
                let keys = Linker.PeopleIndex.lookupKeys(w)
                XCTAssertEqual(keys, OldPeopleIndex.lookupKeys(w), w)
                XCTAssertEqual(Linker.PeopleIndex.computeLookupForms(w), OldPeopleIndex.lookupForms(w), w)
                let found = new.resolve(keys: keys)
                XCTAssertEqual(found, old.resolve(keys: keys), w)
                if found != nil { resolvedSeen = true }
                // the word's bits rule nobody out whom its keys find
                for c in Clitics.surnameLookups(w, Linker.surnameLookups) where old.resolve(keys: c.keys) != nil {
                    XCTAssertTrue(new.maySurname(bits: Linker.computeSurnameBits(w)), w)
                }
                if !new.maySurname(bits: Linker.computeSurnameBits(w)) { filteredSeen = true }
            }
            for toks in Self.people.flatMap(\.1) + Self.words.map({ $0.split(separator: " ").map(String.init) }) where !toks.isEmpty {
                XCTAssertEqual(new.candidates(toks).map(\.key), old.candidates(toks), "\(toks)")
                XCTAssertEqual(new.resolveTail(toks), old.resolveTail(toks), "\(toks)")
            }
        }
        XCTAssertTrue(ambiguousSeen && resolvedSeen && filteredSeen)
    }

    func testSkeletonFromBytesIsTheScalarSkeleton() {
        for w in Self.words + ["تشيكوف", "شيكوف", "ش", "ت", "تش", "شتش", "يوا", "ايو"] {
            XCTAssertEqual(Linker.computeSkeleton(w), Linker.slowSkeleton(w), w)
            XCTAssertEqual(Linker.computeSkeleton(w).utf8.elementsEqual(Linker.slowSkeleton(w).utf8), true, w)
        }
    }

    func testCharacterCountIsCount() {
        for w in Self.words + ["\r\n", "a\r\nb", "\r", "ab\r", "\n", "مـ", "a\u{0301}", "\u{0301}"] {
            XCTAssertEqual(Linker.characterCount(w), w.count, "\(w.unicodeScalars.map(\.value))")
        }
    }

    /// Step 2b's forms of a title word, as the sets of strings it made.
    static func oldBare(_ w: String) -> Set<String> {
        Set([w] + Clitics.of(w).map(\.stem) + Clitics.of(w).map { ArabicNormalizer.stripArticle($0.stem) } + [ArabicNormalizer.stripArticle(w)])
    }

    func testTitleFormsMeetAsTheSetsDid() {
        let titles = Self.words + ["القائد", "بالقائد", "للقائد", "والقائد", "العام", "للجيش", "الجيش", "وزير", "ووزير", "الخارجية",
                                   "بالخارجية", "قائد", "a\u{037E}", "a;"]
        var met = (false, false)
        for a in titles {
            XCTAssertEqual(Set(Linker.titleForms(a)), Set(Self.oldBare(a).map(NormKey.init)), a)
            for b in titles {
                let old = !Self.oldBare(a).isDisjoint(with: Self.oldBare(b))
                XCTAssertEqual(Linker.meet(Linker.titleForms(a), Linker.titleForms(b)), old, "\(a) \(b)")
                if old { met.0 = true } else { met.1 = true }
            }
        }
        XCTAssertTrue(met.0 && met.1)
    }

    func testBareHeadShapeRulesOutNoHead() {
        var words = Self.words
        for p in ["", "و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "فل", "وال", "بال", "لل", "ولل", "فلل", "وك", "كال"] {
            for h in ["الجيش", "الحركة", "الحزب", "المجلس", "جيش", "حركة", "حزب", "مجلس", "الجيوش", "الأحزاب"] {
                words += [p + h, ArabicNormalizer.normalize(p + h), p + "\u{064E}" + h, p + h + "\u{0651}"]
            }
        }
        var heads = 0
        for w in words where Linker.computeBareHeadReference(w) != nil {
            heads += 1
            XCTAssertTrue(Linker.mayBeBareHeadReference(w), w)
        }
        XCTAssertGreaterThan(heads, 20)
    }

    func testKeyTestsAreStringTests() {
        var keys: [String] = ["org:\u{0301}x", "org\u{0301}:x", "or", "", "org:", "group:", "org:a@b@c", "org:x@\u{0301}y", "org:x\u{0301}@y", "\r\n@"]
        for w in SpeedEquivalenceTests.samples {
            let variants: [String] = ["org:" + w, "group:" + w, "org:" + w + "@plc-x", w, "org" + w, w + "@", "@" + w]
            keys += variants
        }
        for k in keys {
            XCTAssertEqual(Linker.keyHasPrefix(k, "org:"), k.hasPrefix("org:"), "\(k.unicodeScalars.map(\.value))")
            XCTAssertEqual(Linker.keyHasPrefix(k, "group:"), k.hasPrefix("group:"), "\(k.unicodeScalars.map(\.value))")
            XCTAssertEqual(Linker.hasAt(k), k.contains("@"), "\(k.unicodeScalars.map(\.value))")
            let new = Linker.lastAt(k).map { String(k[k.index(after: $0)...]) }
            let old = k.lastIndex(of: "@").map { String(k[k.index(after: $0)...]) }
            XCTAssertEqual(new, old, "\(k.unicodeScalars.map(\.value))")
        }
    }

    func testEntryFactsAreTheGazetteersAnswers() {
        let g = Gazetteer.bundled
        let linker = Linker(gazetteer: g)
        let ids = Array(g.entries.map(\.id).prefix(400)) + g.entries.filter { $0.subtype == "country" || $0.subtype == "army" }.map(\.id)
            + ["", "per:x", "nothing"]
        for _ in 0..<2 {
            for id in ids {
                let e = g.entry(id: id)
                let f = linker.facts(id)
                XCTAssertEqual(f == nil, e == nil, id)
                XCTAssertEqual(f?.subtype, e?.subtype, id)
                XCTAssertEqual(f?.type, e?.type, id)
                XCTAssertEqual(f?.country, g.country(of: id), id)
            }
        }
        // the armies of a country, as the entries filtered
        for id in ids + g.entries.compactMap(\.partOf) {
            XCTAssertEqual(linker.armies(of: id), g.entries.filter { $0.subtype == "army" && $0.partOf == id }.map(\.id), id)
        }
        XCTAssertTrue(g.entries.contains { $0.subtype == "army" && $0.partOf != nil })
        // another gazetteer on the same thread starts afresh
        let other = Gazetteer(entries: [GazetteerEntry(id: ids[0], type: .organization, subtype: "army", en: "X", ar: "الجيش الوطني",
                                                      aliases: [], adjectives: [], wikidata: nil, partOf: nil, capitalOf: nil)])
        XCTAssertEqual(Linker(gazetteer: other).facts(ids[0])?.subtype, "army")
        XCTAssertEqual(linker.facts(ids[0])?.subtype, g.entry(id: ids[0])?.subtype)
    }
}
