import KBFacts
import KBGraph
import KBText
import XCTest

/// Cooperation and agreements as data rules (rules/migrated-cooperation.rules) and the finders they brought:
/// `between-parties`, `joint-subject`, `signing-parties`, the option `people` and the cue `before-subject`.
/// Invented sentences.
final class CooperationRuleTests: XCTestCase {
    static let extractor = Extractor()

    func pairs(_ text: String, _ type: String, _ x: Extractor = extractor) -> [String] {
        let r = x.extract(SourceText(documentID: "doc-t", path: "t.txt", text: text))
        let idx = Dictionary(r.entities.map { ($0.id, $0.labelEn ?? $0.labelAr) }, uniquingKeysWith: { a, _ in a })
        return r.facts.filter { $0.type == type }.map { "\(idx[$0.subject] ?? "?") -> \(idx[$0.object] ?? "?")" }
    }

    /// A rule set with a user class «الوئام» (harmony) and one rule per pair finder, named after it.
    func userRules(_ body: String) throws -> Extractor {
        var set = RuleSet.bundled
        try set.lexicon.parse("CONCORD word الوئام وثيقة\n", file: "t.txt")
        try set.parse(body, file: "t.rules")
        return Extractor(rules: set)
    }

    func testBetweenPartiesNamesEveryPairAfterBetween() throws {
        let x = try userRules("rule t.between\ntype COOPERATE\ntrigger CONCORD\nsubject between-parties 6\nobject between-parties 6\nexample: x\n")
        XCTAssertEqual(Set(pairs("وساد الوئام بين غانا وتوغو وبنين.", "COOPERATE", x)), ["Ghana -> Togo", "Ghana -> Benin", "Togo -> Benin"])
        XCTAssertEqual(pairs("وساد الوئام بين غانا وتوغو.", "COOPERATE", x), ["Ghana -> Togo"])
        // a name between the trigger and «بين» is not the trigger's
        XCTAssertTrue(pairs("وساد الوئام في النيجر بين غانا وتوغو.", "COOPERATE", x).isEmpty)
    }

    func testJointSubjectAndTheCueBeforeIt() throws {
        let x = try userRules("""
            rule t.joint
            type COOPERATE
            trigger CONCORD
            unless TALK_V before-subject 3
            subject joint-subject 8 types PLACE
            object joint-subject 8 types PLACE
            example: x

            """)
        XCTAssertEqual(pairs("وتعيش غانا وتوغو في الوئام.", "COOPERATE", x), ["Ghana -> Togo"])
        // a talks verb before the joint subject makes it a topic; a comma breaks the pair
        XCTAssertTrue(pairs("وبحث غانا وتوغو الوئام.", "COOPERATE", x).isEmpty)
        XCTAssertTrue(pairs("وتعيش غانا، وتوغو في الوئام.", "COOPERATE", x).isEmpty)
    }

    func testSigningPartiesAndThePeopleOption() throws {
        let x = try userRules("""
            rule t.signed
            type AGREEMENT
            trigger CONCORD
            subject signing-parties 6 types PER,ORG,PLACE
            object signing-parties 6 types PER,ORG,PLACE
            example: x

            rule t.with
            type COOPERATE
            trigger CONCORD
            order object
            subject before 8 types PLACE
            object after-prep مع within 4 types PLACE people
            example: x

            """)
        XCTAssertEqual(pairs("ووقعت غانا وتوغو وثيقة للتبادل التجاري.", "AGREEMENT", x), ["Ghana -> Togo"])
        XCTAssertEqual(pairs("ووقعت غانا وثيقة مع توغو.", "AGREEMENT", x), ["Ghana -> Togo"])
        XCTAssertTrue(pairs("ووقعت غانا وثيقة للتبادل التجاري.", "AGREEMENT", x).isEmpty)
        // «مع الجانب التوغولي»: the adjective after a word of PEOPLE_OF is its state
        XCTAssertEqual(pairs("وأكدت غانا الوئام مع الجانب التوغولي.", "COOPERATE", x), ["Ghana -> Togo"])
        XCTAssertTrue(pairs("وأكدت غانا الوئام مع الرأي التوغولي.", "COOPERATE", x).isEmpty)
    }

    func testAPairFinderNamesBothSidesOrTheFileSaysWhere() {
        var set = RuleSet.bundled
        XCTAssertThrowsError(try set.parse("# x\nrule x\ntype COOPERATE\ntrigger COOPERATE\nsubject between-parties 6\nobject before 8\nexample: x\n",
                                           file: "p.rules")) { e in
            XCTAssertTrue("\(e)".hasPrefix("p.rules:2:") && "\(e)".contains("names both sides"), "\(e)")
        }
        XCTAssertThrowsError(try set.parse("rule y\ntype COOPERATE\ntrigger COOPERATE\nsubject joint-subject\n", file: "p.rules")) { e in
            XCTAssertTrue("\(e)".hasPrefix("p.rules:4:"), "\(e)")
        }
        XCTAssertThrowsError(try set.parse("rule z\ntype COOPERATE\ntrigger COOPERATE\nunless TALK_V before-object 3\n", file: "p.rules")) { e in
            XCTAssertTrue("\(e)".hasPrefix("p.rules:4:"), "\(e)")
        }
    }

    /// The ways news states cooperation and agreements that the Swift families did not read.
    func testMoreWaysOfStatingCooperationAndAgreements() {
        // the signing masdar's genitive and the state whose adjective qualifies the deal; the two parties as the
        // agreement's genitives; the two sides of the last meeting signing
        XCTAssertEqual(pairs("وأعلنت الحكومة إبرام غانا صفقة قطارات صينية.", "AGREEMENT"), ["Ghana -> China"])
        XCTAssertEqual(pairs("ورحبت الأمم المتحدة باتفاق غانا وتوغو على ترسيم الحدود.", "AGREEMENT"), ["Ghana -> Togo"])
        // (a symmetric type: either direction)
        XCTAssertEqual(pairs("واستقبل الرئيس الغاني جون ماهاما نظيره التوغولي فوري غناسينغبي في أكرا. ووقع الجانبان اتفاقية للربط الكهربائي.",
                             "AGREEMENT").map { Set($0.components(separatedBy: " -> ")) }, [["Ghana", "Togo"]])
        // the two sides reaching an agreement (not one to meet)
        let reached = "واستقبل الرئيس الغاني جون ماهاما نظيره التوغولي فوري غناسينغبي في أكرا. "
        XCTAssertEqual(pairs(reached + "وتوصل الطرفان إلى اتفاق لإعادة فتح الحدود.", "AGREEMENT").map { Set($0.components(separatedBy: " -> ")) },
                       [["Ghana", "Togo"]])
        XCTAssertTrue(pairs(reached + "واتفق البلدان على عقد اجتماع جديد.", "AGREEMENT").isEmpty)
        // the verb that binds two states, cooperation after it
        XCTAssertEqual(pairs("وتربط غانا وتوغو علاقات تعاون وثيقة في مجال الطاقة.", "COOPERATE"), ["Ghana -> Togo"])
        XCTAssertEqual(pairs("وتجمع غانا بتوغو شراكة استراتيجية منذ سنوات.", "COOPERATE"), ["Ghana -> Togo"])
        // the masdar with its two parties, the two states by their adjectives, the verb with its joint subject
        XCTAssertEqual(pairs("وأشاد البيان بتعاون غانا وتوغو في مكافحة التهريب.", "COOPERATE"), ["Ghana -> Togo"])
        XCTAssertEqual(pairs("وتحدث الوزير عن التعاون الأمني الغاني التوغولي.", "COOPERATE"), ["Ghana -> Togo"])
        XCTAssertEqual(pairs("وتتعاون غانا وتوغو في مكافحة التهريب.", "COOPERATE"), ["Ghana -> Togo"])
        XCTAssertEqual(pairs("وقال الوزير إن غانا وتوغو تتعاونان في مكافحة التهريب.", "COOPERATE"), ["Ghana -> Togo"])
        // partners
        XCTAssertEqual(pairs("وقال الوزير إن غانا وتوغو شريكان استراتيجيان.", "COOPERATE"), ["Ghana -> Togo"])
        XCTAssertEqual(pairs("وتعد الصين الشريك التجاري الأول لغانا.", "COOPERATE"), ["China -> Ghana"])
        XCTAssertTrue(pairs("وقال الشريك المؤسس للشركة إن الأرباح ارتفعت.", "COOPERATE").isEmpty)
    }

    /// The Swift families cooperate and agreement are data rules: no longer listed as procedural.
    func testCooperationAndAgreementsAreDataRules() {
        let procedural = Set(RuleSet.bundled.rules.compactMap(\.procedural))
        XCTAssertFalse(procedural.contains("cooperate"))
        XCTAssertFalse(procedural.contains("agreement"))
        let names = Set(RuleSet.bundled.rules.map(\.name))
        for rule in ["cooperate.between-parties", "cooperate.with", "cooperate.joint-subject", "agreement.between-parties",
                     "agreement.with", "agreement.signed-parties", "agreement.founded-between"] {
            XCTAssertTrue(names.contains(rule), rule)
        }
        // founding an alliance between three states: an agreement of every pair
        XCTAssertEqual(Set(pairs("وقررت الدول الثلاث تأسيس تحالف بين مالي والنيجر وتشاد.", "AGREEMENT")),
                       ["Mali -> Niger", "Mali -> Chad", "Niger -> Chad"])
    }
}
