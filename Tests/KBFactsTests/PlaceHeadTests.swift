@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// A place named by the word after a place head («مدينة X», «العاصمة X»), on invented sentences.
final class PlaceHeadTests: XCTestCase {
    func places(_ text: String) -> Set<String> {
        let x = Extractor().extract(SourceText(documentID: "doc-heads", path: "heads.txt", text: text))
        return Set(x.entities.filter { $0.type == .place }.map(\.labelAr))
    }

    func testAConjunctAfterTheDefiniteHeadIsNoCity() {
        let p = places("ودخل الجنود المدينة ووسط حراسة مشددة بدأت عملية التفتيش.")
        XCTAssertFalse(p.contains { $0.contains("وسط") }, "\(p)")
    }

    func testAnIndefiniteHeadStillNamesItsCity() {
        XCTAssertTrue(places("ووصل الوفد إلى مدينة زوارة الساحلية صباح اليوم.").contains("زوارة"))
    }
}
