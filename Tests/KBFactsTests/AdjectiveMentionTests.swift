@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// A country named by its nisba adjective: the mention is the word as written, article included, without a
/// conjunction or preposition (invented sentences).
final class AdjectiveMentionTests: XCTestCase {
    func forms(_ text: String, _ label: String) -> [String] {
        let x = Extractor().extract(SourceText(documentID: "doc-adj", path: "adj.txt", text: text))
        return x.entities.first { $0.labelAr == label }?.surfaceForms ?? []
    }

    func testTheArticleStaysInAnAdjectiveMention() {
        XCTAssertEqual(forms("وأكد المتحدث أن القوات العراقية والتركية أجرت مناورات مشتركة.", "تركيا"), ["التركية"])
        XCTAssertEqual(forms("وزار الوفد الموانئ المغربية الكبرى الأسبوع الماضي.", "المغرب"), ["المغربية"])
        // a preposition comes off, the article stays
        XCTAssertEqual(forms("وأشاد الوزير بالجهود المصرية في الوساطة.", "مصر"), ["المصرية"])
    }

    func testAPluralNisbaNamesItsCountryButQualifiesNoInstitution() {
        XCTAssertEqual(forms("واجتمع الوفد مع المسؤولين الإيرانيين في العاصمة.", "إيران"), ["الإيرانيين"])
        XCTAssertEqual(forms("وقال إن الفلسطينيين يطالبون بدولة.", "فلسطين"), ["الفلسطينيين"])
        let x = Extractor().extract(SourceText(documentID: "doc-adj", path: "adj.txt",
                                               text: "وحضر اللقاء وزراء الخارجية الإيرانيين السابقين."))
        let orgs = x.entities.filter { $0.type == .organization }.map(\.labelAr)
        XCTAssertTrue(orgs.isEmpty, "\(orgs)")
    }

    func testTheCountryAdjectiveEndingAKnownOrganisationIsAMentionToo() {
        // as in a name the rules guess ("وزارة الصحة الإماراتية"), so in one the gazetteer knows
        XCTAssertEqual(forms("وقالت وزارة الخارجية الإماراتية إن الوفد وصل.", "الإمارات"), ["الإماراتية"])
        // not a government's: it is its state, or the state's own body
        XCTAssertEqual(forms("وقدم المانحون منحا للحكومة التونسية هذا العام.", "تونس"), [])
    }
}
