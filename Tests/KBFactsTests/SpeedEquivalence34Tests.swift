import XCTest
import KBGraph
import KBText
@testable import KBFacts

/// The shortcuts of speed34 (the document passes handing their drafts back when they change none, the first-byte
/// tests of placeholder and group keys, the relation flags, the office suffixes and counterpart prefixes) against the
/// code they stand for, on invented inputs from a seeded generator.
final class SpeedEquivalence34Tests: XCTestCase {
    /// Keys of the invented drafts: empty, placeholders, carried keys, groups, and strings that start like them but
    /// are not (a combining mark after «@» or «g», a decomposed first letter).
    static let keys = ["", "per:a", "per:b", "plc:c", "org:d", "@doc-subject", "@doc-country", "@carry-subject", "@carry-object",
                       "@doc-pair-1", "@doc-pair-2", "group:plc:c|plc:e", "group:per:a|per:b", "g", "group", "@", "@doc",
                       "@\u{0301}doc-subject", "g\u{0301}roup:plc:c|plc:e", "@doc-\u{0301}country", "\u{0301}@doc-subject"]
    static let types = ["VISIT", "PLANS_VISIT", "RECEIVE", "MEET", "TALKS", "HOLDS_ROLE", "ACCOMPANIES", "PLANS_MEET", "SUPPORTS"]

    static func drafts(_ g: inout SeededRandom) -> [(Int, FactDraft)] {
        var si = 0
        return (0..<Int.random(in: 0...9, using: &g)).map { _ in
            si += Int.random(in: 0...2, using: &g)
            var d = FactDraft(type: types.randomElement(using: &g)!, subject: keys.randomElement(using: &g)!,
                              object: keys.randomElement(using: &g)!, trigger: Int.random(in: 0...5, using: &g), span: 0..<6,
                              rule: "r", confidence: 0.5)
            d.modality = Bool.random(using: &g) ? .asserted : .planned
            return (si, d)
        }
    }

    static func same(_ a: [(Int, FactDraft)], _ b: [(Int, FactDraft)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.0 == y.0 && x.1.type == y.1.type && x.1.subject == y.1.subject && x.1.object == y.1.object
                && x.1.trigger == y.1.trigger && x.1.modality == y.1.modality && x.1.date?.value == y.1.date?.value
        }
    }

    /// Each pass gives what its old body (kept below, without the early answer) gives, and its early test is false
    /// only where the old body changes nothing.
    func testDocumentPassesAsBefore() {
        var g = SeededRandom(seed: 3401)
        var changed = [0, 0, 0, 0], unchanged = [0, 0, 0, 0]
        for _ in 0..<6_000 {
            let ds = Self.drafts(&g)
            let passes: [(([(Int, FactDraft)]) -> [(Int, FactDraft)], ([(Int, FactDraft)]) -> [(Int, FactDraft)], Bool)] = [
                (Extractor.expandGroups, Self.oldExpandGroups, Extractor.namesGroup(ds)),
                (Extractor.resolveDocumentSubjects, Self.oldResolveDocumentSubjects, Extractor.namesCarriedSubject(ds)),
                (Extractor.resolveAnaphoricMeetings, Self.oldResolveAnaphoricMeetings, Extractor.hasDraftWithoutSubject(ds)),
                ({ Extractor.resolveDelegations($0, countryOf: Self.country) }, { Self.oldResolveDelegations($0, countryOf: Self.country) },
                 Extractor.namesDelegation(ds)),
            ]
            for (k, (new, old, test)) in passes.enumerated() {
                let want = old(ds)
                XCTAssertTrue(Self.same(new(ds), want), "pass \(k): \(ds.map { ($0.0, $0.1.type, $0.1.subject, $0.1.object) })")
                if !test { XCTAssertTrue(Self.same(want, ds), "pass \(k) changes drafts its test passes by") ; unchanged[k] += 1 }
                else if !Self.same(want, ds) { changed[k] += 1 }
            }
        }
        for k in 0..<4 { XCTAssertGreaterThan(changed[k], 300, "\(k)"); XCTAssertGreaterThan(unchanged[k], 300, "\(k)") }
    }

    static func country(_ k: String) -> String? { k.hasPrefix("plc:") ? k : k == "per:a" ? "plc:c" : nil }

    /// The first-byte tests answer as `hasPrefix`.
    func testKeyPrefixesAsHasPrefix() {
        var g = SeededRandom(seed: 3402)
        let pieces = Self.keys + ["\u{0301}", "@", "g", "roup:", "doc-", "ا\u{0654}", "\r\n", "\u{200D}"]
        for _ in 0..<20_000 {
            let s = (0..<Int.random(in: 0...3, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            XCTAssertEqual(Extractor.isDocumentPlaceholder(s), s.hasPrefix("@doc-"), s)
            XCTAssertEqual(Extractor.isGroupKey(s), s.hasPrefix("group:"), s)
        }
    }

    /// The relation flags of every name of the standard table (and of other strings) are the table's.
    func testRelationFlagsAsTable() {
        let table = RelationTable.standard
        for name in table.names + ["", "VISIT\u{0301}", "NOT_A_RELATION", String("xVISIT".dropFirst())] {
            let f = RelationIndex.flags(table, name), t = table[name]
            XCTAssertEqual(f == nil, t == nil, name)
            guard let f, let t else { continue }
            XCTAssertEqual(f.event, t.kind == .event, name)
            XCTAssertEqual(f.symmetric, table.isSymmetric(name), name)
            XCTAssertEqual(f.attendee, t.subjectRole == "attendee" || t.objectRole == "attendee" || t.objectRoleNonPlace == "attendee", name)
            XCTAssertEqual(f.objectLocation, t.objectRole == "location", name)
        }
    }

    /// The office suffixes on bytes and the counterpart prefixes made once answer as before.
    func testSuffixesAndPrefixes() {
        var g = SeededRandom(seed: 3403)
        let pieces = ["وزير", "رييس", "ي", "ا", "ات", "ها", "هم", "هما", "نا", "كم", "نظير", "و", "ب", "ل", "ف", "ه", "\u{0654}", "x", ""]
        var yes = 0
        for _ in 0..<20_000 {
            let s = (0..<Int.random(in: 0...4, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            let want = Extractor.officeSuffixes.contains(where: { s.plainHasSuffix($0) })
            XCTAssertEqual(Extractor.endsInPronounOrNumber(s), want, s)
            if want { yes += 1 }
            let counterpart = ["", "و", "ب", "ل", "وب", "ول", "ف"].contains { s.plainHasPrefix($0 + "نظير") }
            XCTAssertEqual(Extractor.isCounterpartWord(s), counterpart, s)
        }
        XCTAssertGreaterThan(yes, 2_000)
    }

    // MARK: the passes as they were (speed32's main), without the early answers

    static func oldExpandGroups(_ drafts: [(Int, FactDraft)]) -> [(Int, FactDraft)] {
        func members(_ k: String) -> [String] {
            k.hasPrefix("group:") ? k.dropFirst(6).split(separator: "|").map(String.init) : [k]
        }
        var out: [(Int, FactDraft)] = []
        for (si, d) in drafts {
            guard d.subject.hasPrefix("group:") || d.object.hasPrefix("group:") else { out.append((si, d)); continue }
            let subs = members(d.subject), objs = members(d.object)
            for (a, s) in subs.enumerated() {
                for (b, o) in objs.enumerated() where s != o && (d.subject != d.object || a < b) {
                    var x = d; x.subject = s; x.object = o
                    out.append((si, x))
                }
            }
        }
        return out
    }

    static func oldResolveDocumentSubjects(_ drafts: [(Int, FactDraft)]) -> [(Int, FactDraft)] {
        var out: [(Int, FactDraft)] = []
        var last: String? = nil, lastSentence = -1
        var earlier: (key: String, si: Int)? = nil
        for (si, d) in drafts {
            if d.object == RuleEngine.carriedObjectKey {
                let pick = last != d.subject ? last.map { ($0, lastSentence) } : earlier.map { ($0.key, $0.si) }
                guard let (l, ls) = pick, si - ls <= 1 else { continue }
                var x = d; x.object = l
                out.append((si, x)); continue
            }
            if d.subject == RuleEngine.carriedSubjectKey {
                guard let l = last, l != d.object, si - lastSentence <= 1 else { continue }
                var x = d; x.subject = l
                out.append((si, x)); continue
            }
            if d.subject == RuleEngine.documentSubject {
                guard let l = last, l != d.object else { continue }
                var x = d; x.subject = l
                out.append((si, x)); continue
            }
            if d.object == RuleEngine.documentSubject {
                guard let l = last, l != d.subject else { continue }
                var x = d; x.object = l
                out.append((si, x)); continue
            }
            if !d.subject.isEmpty, !d.subject.hasPrefix("group:"), !d.subject.hasPrefix("@"), d.takesDate {
                if let l = last, l != d.subject { earlier = (l, lastSentence) }
                last = d.subject; lastSentence = si
            }
            out.append((si, d))
        }
        return out
    }

    static func oldResolveAnaphoricMeetings(_ drafts: [(Int, FactDraft)]) -> [(Int, FactDraft)] {
        var out: [(Int, FactDraft)] = []
        let contacts = drafts.filter { !$0.1.subject.isEmpty && ["RECEIVE", "MEET", "TALKS"].contains($0.1.type) && $0.1.modality == .asserted }
        var done = Set<String>()
        var next = 0, earlier: FactDraft? = nil
        for (si, d) in drafts {
            if d.subject.isEmpty {
                while next < contacts.count, contacts[next].0 < si { earlier = contacts[next].1; next += 1 }
                let own = contacts[next...].prefix { $0.0 == si }.last { $0.1.trigger < d.trigger }?.1
                guard let c = own ?? earlier, done.insert("\(si)|\(d.type)").inserted else { continue }
                var x = d; x.subject = c.subject; x.object = c.object
                if x.date == nil { x.date = c.date }
                out.append((si, x))
                continue
            }
            out.append((si, d))
        }
        return out
    }

    static func oldResolveDelegations(_ drafts: [(Int, FactDraft)], countryOf: (String) -> String? = { _ in nil }) -> [(Int, FactDraft)] {
        var out: [(Int, FactDraft)] = []
        var last: (si: Int, dest: String, date: FactDate?)? = nil
        var visitor: (si: Int, key: String, date: FactDate?)? = nil
        var reception: (si: Int, host: String, guest: String, date: FactDate?)? = nil
        var countryOfPerson: [String: String] = [:]
        var visitors = Set<String>()
        var visitDate: [String: FactDate] = [:]
        for (_, d) in drafts where d.type == "VISIT" && d.modality == .asserted && !d.subject.isEmpty {
            if visitDate[d.subject] == nil, let dt = d.date { visitDate[d.subject] = dt }
        }
        for (si, d) in drafts {
            if d.type == "VISIT" || d.type == "PLANS_VISIT", !d.subject.isEmpty { visitors.insert(d.subject) }
            if d.type == "HOLDS_ROLE", !d.object.isEmpty, countryOf(d.object) == d.object, countryOfPerson[d.subject] == nil {
                countryOfPerson[d.subject] = d.object
            }
            if d.type == "RECEIVE", !d.subject.isEmpty, !d.object.isEmpty, d.modality == .asserted {
                reception = (si, d.subject, d.object, d.date)
            }
            if d.type == "HOLDS_ROLE", d.object.isEmpty {
                guard let l = last, si - l.si <= 4, let country = countryOf(l.dest) else { continue }
                var x = d; x.object = country
                out.append((si, x)); continue
            }
            if d.type == "VISIT", d.subject.isEmpty, d.object.isEmpty {
                guard let r = reception, si - r.si <= 5, let country = countryOfPerson[r.host], !visitors.contains(r.guest) else { continue }
                var x = d; x.subject = r.guest; x.object = country
                if x.date == nil { x.date = r.date }
                out.append((si, x)); continue
            }
            if d.type == "RECEIVE", d.object.isEmpty, !d.subject.isEmpty {
                guard let v = visitor, si - v.si <= 4, v.key != d.subject else { continue }
                var x = d; x.object = v.key
                if x.date == nil { x.date = v.date ?? visitDate[v.key] }
                out.append((si, x)); continue
            }
            guard d.type == "VISIT" else { out.append((si, d)); continue }
            if !d.subject.isEmpty, !d.object.isEmpty, d.modality == .asserted { visitor = (si, d.subject, d.date) }
            if !d.object.isEmpty {
                if d.modality == .asserted { last = (si, d.object, d.date) }
                if !d.subject.isEmpty { out.append((si, d)) }
                continue
            }
            guard let l = last, l.si < si, si - l.si <= 2 else { continue }
            var x = d; x.object = l.dest
            if x.date == nil { x.date = l.date }
            out.append((si, x))
        }
        return out
    }
}
