import XCTest
@testable import KBFacts
import KBGraph
import KBText

/// speed37: the relation's allowed types as bits (`RelationIndex.allowedBits`) against the sets `find`, `vsoSubjectOrder`
/// and `objectOutOfReach` read before (`table[name]`'s types, else person, organisation and place).
final class SpeedEquivalence37Tests: XCTestCase {
    static let everyType: [EntityType] = [.person, .organization, .place, .date]

    /// What `find` made of `allowed` before: `allowed.map(PlainConcat.bits) ?? person | organisation | place`.
    static func oldBits(_ allowed: Set<EntityType>?) -> UInt8 {
        allowed.map(PlainConcat.bits) ?? (PlainConcat.bit(.person) | PlainConcat.bit(.organization) | PlainConcat.bit(.place))
    }

    func check(_ table: RelationTable, _ names: [String]) {
        for n in names {
            let bits = RelationIndex.allowedBits(table, n)
            let old = table[n]
            XCTAssertEqual(bits.subject, Self.oldBits(old?.subjectTypes), n)
            XCTAssertEqual(bits.object, Self.oldBits(old?.objectTypes), n)
            // and as `types.contains` answered (the default set: person, organisation, place)
            for t in Self.everyType {
                let s = old?.subjectTypes ?? [.person, .organization, .place], o = old?.objectTypes ?? [.person, .organization, .place]
                XCTAssertEqual(bits.subject & PlainConcat.bit(t) != 0, s.contains(t), n)
                XCTAssertEqual(bits.object & PlainConcat.bit(t) != 0, o.contains(t), n)
            }
        }
    }

    func testAllowedBits() {
        let table = RelationTable.standard
        var names = table.names + ["", "NOPE", "PLANS_", "A_VERY_LONG_RELATION_NAME_X", "visit"]
        names += table.names.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        names += table.names.map { String(("x" + $0).dropFirst()) }
        check(table, names)
        // other tables: their own answers (no types, empty sets, every subset), not the standard one's
        var rng = SeededRandom(seed: 37)
        for round in 0..<40 {
            let other = RelationTable(types: table.types.map { t in
                var t = t
                func pick() -> Set<EntityType>? {
                    let k = Int.random(in: 0..<6, using: &rng)
                    return k == 0 ? nil : Set(Self.everyType.filter { _ in Bool.random(using: &rng) })
                }
                t.subjectTypes = round == 0 ? nil : pick()
                t.objectTypes = round == 0 ? [] : pick()
                return t
            })
            check(other, names)
        }
    }
}
