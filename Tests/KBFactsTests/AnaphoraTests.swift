@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// People told again without their name: a title standing for the person who bore it (Linker 2b), a companion
/// verb whose pronoun is the one accompanied (`object-pronoun ACCOMPANIES`), a verb after «قبل أن» / «بعد أن»
/// going on with the clause's subject (`RuleEngine.clauseWord`), unless the clause word stands in a relative clause
/// naming its own actor (`RuleEngine.relativeActor`). Invented text and names.
final class AnaphoraTests: XCTestCase {
    func extract(_ text: String) -> DocumentExtraction {
        Extractor().extract(SourceText(documentID: "doc-anaphora", path: "anaphora.txt", text: text))
    }

    /// The bare title repeated word for word is the one who bore it so, not the last foreign minister named with
    /// his nationality after it.
    func testABareTitleIsThePersonWhoBoreItWordForWord() {
        let x = extract("""
            استقبل وزير الخارجية سالم بن عيسى اليوم سفير اليابان، بعد يوم من زيارة وزير الخارجية التركي كمال أوزدمير إلى البلاد.
            وعقد وزير الخارجية مساء اليوم اجتماعا مع السفيرة الإيطالية ماريا روسيني.
            """)
        let meet = x.arrows("MEET")
        XCTAssertTrue(meet.contains("سالم بن عيسى → ماريا روسيني"), "\(meet)")
        XCTAssertFalse(meet.contains("كمال أوزدمير → ماريا روسيني"), "\(meet)")
    }

    /// A longer title still finds the holder of a longer one when no holder bore it word for word.
    func testATitleWithoutAnExactHolderStillFindsTheLongerOne() {
        let x = extract("""
            وصل وزير الخارجية التركي كمال أوزدمير إلى تونس صباح الأحد.
            وعقد وزير الخارجية مساء اليوم اجتماعا مع السفيرة الإيطالية ماريا روسيني.
            """)
        XCTAssertTrue(x.arrows("MEET").contains("كمال أوزدمير → ماريا روسيني"), "\(x.arrows("MEET"))")
    }

    /// «ويرافقه وزراء: …»: every minister accompanies the one the pronoun names; none of them is accompanied.
    func testACompanionVerbWithAPronounAccompaniesTheEarlierSubject() {
        let x = extract("""
            وصل رئيس الحكومة التونسية نجيب الحداد إلى الجزائر صباح الأحد.
            ويرافقه وزراء: الخارجية كمال داود، والدفاع سامي العياري.
            """)
        let acc = x.arrows("ACCOMPANIES")
        XCTAssertTrue(acc.contains("كمال داود → نجيب الحداد"), "\(acc)")
        XCTAssertTrue(acc.contains("سامي العياري → نجيب الحداد"), "\(acc)")
        XCTAssertFalse(acc.contains("سامي العياري → كمال داود"), "\(acc)")
    }

    /// «قبل أن يلتقي …»: the verb goes on with the clause's subject, not with the person received before it.
    func testAVerbAfterBeforeThatGoesOnWithTheSubject() {
        let x = extract("""
            واستقبل وزير الخارجية التونسي نجيب الحداد السفير الفرنسي جان مارتان، قبل أن يلتقي بسفيرة ألمانيا آنا شميت.
            """)
        let meet = x.arrows("MEET")
        XCTAssertTrue(meet.contains("نجيب الحداد → آنا شميت"), "\(meet)")
        XCTAssertFalse(meet.contains("جان مارتان → آنا شميت"), "\(meet)")
    }

    /// «… الذي أصيب فيه الصحفي Y عندما توجه إلى …»: the clause word stands in a relative clause that names its own
    /// actor; that actor travels, not the sentence's subject.
    func testAClauseWordInARelativeClauseGoesOnWithItsOwnActor() {
        let x = extract("""
            واتهم وزير الداخلية التونسي نجيب الحداد الجماعة بالهجوم الذي أصيب فيه الصحفي سامي العياري عندما توجه إلى صفاقس.
            """)
        let visits = x.arrows("VISIT")
        XCTAssertTrue(visits.contains("سامي العياري → صفاقس"), "\(visits)")
        XCTAssertFalse(visits.contains("نجيب الحداد → صفاقس"), "\(visits)")
    }
}
