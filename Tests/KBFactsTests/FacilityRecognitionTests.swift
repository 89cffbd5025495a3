@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// Facilities named by a head noun and a name (`EntityRecognizer+Facilities.swift`), on invented sentences.
final class FacilityRecognitionTests: XCTestCase {
    static let extractor = Extractor()

    func extract(_ text: String) -> DocumentExtraction {
        Self.extractor.extract(SourceText(documentID: "doc-fac", path: "fac.txt", text: text))
    }

    func facilities(_ text: String) -> Set<String> {
        Set(extract(text).entities.filter { $0.type == .place && $0.subtype == "facility" }.map(\.labelAr))
    }

    func testAirportsHotelsPalacesAndCampsAreFacilities() {
        let f = facilities("وصل الوفد إلى بغداد عبر مطار بغداد الدولي ثم نزل في فندق النخيل قبل أن يزور معسكر بارندو ويلتقي الوزير بقصر الياسمين.")
        XCTAssertTrue(f.contains("مطار بغداد الدولي"), "\(f)")
        XCTAssertTrue(f.contains("فندق النخيل"), "\(f)")
        XCTAssertTrue(f.contains("معسكر بارندو"), "\(f)")
        XCTAssertTrue(f.contains("قصر الياسمين"), "the preposition stays out: \(f)")
    }

    func testAHeadWithAGenericWordOrTheArticleNamesNone() {
        let f = facilities("أقام الضيوف في قصر الضيافة وغادروا من مطار العاصمة، ثم عادوا إلى المطار الدولي.")
        XCTAssertTrue(f.isEmpty, "\(f)")
    }

    func testAVisitToAnAirportIsAVisitToItsCity() {
        let x = extract("وصل وزير الخارجية الكندي جوناثان ريتشموند إلى مطار بغداد الدولي صباح اليوم. وتستمر زيارته لبغداد يومين.")
        let visits = x.facts.filter { $0.type == "VISIT" }
        XCTAssertFalse(visits.isEmpty, "\(x.facts.map { ($0.type, $0.subject, $0.object) })")
        XCTAssertTrue(visits.allSatisfy { $0.object == "plc-baghdad" }, "\(visits.map(\.object))")
        // a town named only inside the airport's name: the story is about the town (no airport)
        let z = extract("وصل وزير الخارجية الكندي جوناثان ريتشموند إلى مطار بغداد الدولي صباح اليوم.")
        XCTAssertEqual(z.facts.filter { $0.type == "VISIT" }.map(\.object), ["plc-baghdad"], "\(z.facts.map { ($0.type, $0.object) })")
        XCTAssertFalse(z.entities.contains { $0.subtype == "facility" }, "\(z.entities.map(\.labelAr))")
        // a visit to a facility named after no known place is no visit to a town
        let y = extract("وصل وزير الخارجية الكندي جوناثان ريتشموند إلى فندق النخيل صباح اليوم.")
        XCTAssertTrue(y.facts.filter { $0.type == "VISIT" }.isEmpty, "\(y.facts.map { ($0.type, $0.object) })")
    }
}
