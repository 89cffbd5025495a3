import KBFacts
import KBText

extension DocumentExtraction {
    /// The facts of one type as «subject → object» by Arabic label (the tests' way to read what was extracted).
    func arrows(_ type: String) -> [String] {
        let label = Dictionary(entities.map { ($0.id, $0.labelAr) }, uniquingKeysWith: { a, _ in a })
        return facts.filter { $0.type == type }.map { "\(label[$0.subject] ?? $0.subject) → \(label[$0.object] ?? $0.object)" }
    }
}

/// The extraction of an invented text as one document (the tests' way to run the extractor on a sentence or two).
func extractInvented(_ text: String, id: String = "doc-invented") -> DocumentExtraction {
    Extractor().extract(SourceText(documentID: id, path: "\(id).txt", text: text))
}
