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

    func entities(_ text: String, _ type: EntityType) -> Set<String> {
        let x = Extractor().extract(SourceText(documentID: "doc-heads", path: "heads.txt", text: text))
        return Set(x.entities.filter { $0.type == type }.map(\.labelAr))
    }

    func testAProvinceNamedAfterItsTownIsNotTheTown() {
        let p = places("وتفقد الأمير مشاريع في منطقة الرياض قبل أن يعود إلى الرياض مساء.")
        XCTAssertTrue(p.contains("منطقة الرياض") && p.contains("الرياض"), "\(p)")
        XCTAssertTrue(places("وزار الوفد ولاية الخرطوم أمس.").contains("ولاية الخرطوم"))
        // a town named with "مدينة" stays the town
        XCTAssertEqual(places("ووصل الوفد إلى مدينة الرياض صباحا."), ["الرياض"])
    }

    func testThePoliceOfATownOrProvinceAndARegionsEmirateAreOrganisations() {
        XCTAssertTrue(entities("وقالت شرطة دبي إنها أوقفت المشتبه به.", .organization).contains("شرطة دبي"))
        XCTAssertTrue(entities("وأعلنت شرطة منطقة الرياض القبض على مطلوب.", .organization).contains("شرطة منطقة الرياض"))
        XCTAssertTrue(entities("وأعلنت إمارة منطقة الرياض عن حملة للتشجير.", .organization).contains("إمارة منطقة الرياض"))
        XCTAssertTrue(places("وقالت شرطة دبي إنها أوقفت المشتبه به.").isEmpty)
    }

    func testACapitalNamedByItsCountrysAdjectiveLeavesTheAdjectiveToTheCountry() {
        let x = Extractor().extract(SourceText(documentID: "doc-heads", path: "heads.txt",
                                               text: "ووصل الوفد إلى العاصمة اللبنانية مساء أمس."))
        let beirut = x.entities.first { $0.labelAr == "بيروت" }, lebanon = x.entities.first { $0.labelAr == "لبنان" }
        XCTAssertEqual(beirut?.surfaceForms, ["العاصمة"])
        XCTAssertEqual(lebanon?.surfaceForms, ["اللبنانية"])
    }
}
