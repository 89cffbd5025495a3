import KBText

/// One preposition of an `after-prep` finder with the forms `RuleEngine.introduced` compares: made once per list
/// (``PrepForms/of(_:)``), not per mention looked at.
struct PrepForm {
    let word: String
    /// `word.plainHasSuffix("-")`: a clitic («ب-»), written on the next word
    let clitic: Bool
    /// `String(word.dropLast())` (clitics)
    let pre: String
    /// `pre.plainEquals("ل")`
    let lam: Bool
    /// `pre` and `"و" + pre`, each with itself less its last character (`String(q.dropLast())`)
    let forms: [(q: String, dropped: String)]

    init(_ word: String) {
        self.word = word
        clitic = word.plainHasSuffix("-")
        pre = clitic ? String(word.dropLast()) : ""
        lam = clitic && pre.plainEquals("ل")
        forms = clitic ? [pre, "و" + pre].map { ($0, String($0.dropLast())) } : []
    }
}

/// The ``PrepForm``s of each preposition list, per thread, by the list's storage: the table keeps each list it
/// holds, so that storage is neither freed (and reused by another list) nor changed in place (a change copies a
/// storage held twice) while the table has it.
final class PrepForms {
    private static let perThread = PerThread { PrepForms() }
    private var table: [UnsafeRawPointer: (kept: [String], forms: [PrepForm])] = [:]

    static func of(_ preps: [String]) -> [PrepForm] {
        guard !preps.isEmpty else { return [] }
        return perThread.withValue { $0.forms(preps) }
    }

    private func forms(_ preps: [String]) -> [PrepForm] {
        guard let p = preps.withUnsafeBufferPointer({ $0.baseAddress.map { UnsafeRawPointer($0) } }) else { return preps.map(PrepForm.init) }
        if let e = table[p] { return e.forms }
        // (the lists are the rules' own: a few hundred at most; a table grown past that starts again)
        if table.count >= 4096 { table = [:] }
        let f = preps.map(PrepForm.init)
        table[p] = (preps, f)
        return f
    }
}
