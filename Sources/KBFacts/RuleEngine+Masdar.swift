import KBText

/// A verb's past and its masdar often share one spelling (رفض «he refused» / «refusal», شجب, دعم). Right after a
/// verb of saying, with no complementiser between («أكد الوزير رفض بلاده للتدخل», not «أكد أن …»), the word is the
/// masdar, the object of the saying: the speaker is not its subject, and the name after it is its agent. A rule
/// triggered by the finite forms (`CLASS.verb`) does not fire on such a word; rules triggered by the masdars
/// (`CLASS.noun`) read it.
extension RuleEngine {
    static func masdarAfterSpeech(_ r: Rule, at i: Int, _ c: SentenceContext, _ classes: [[Int]], _ lex: WordLexicon) -> String? {
        // the word is both a finite form of the rule's verb class and a masdar of the same class
        let ambiguous = r.triggers.contains { t in
            let name = lex.classNames[t]
            guard name.hasSuffix(".verb"), classes[i].contains(t), let noun = lex.classID(String(name.dropLast(5)) + ".noun") else { return false }
            return classes[i].contains(noun)
        }
        guard ambiguous, let say = lex.classID("REPORT_SAY") else { return nil }
        // a verb of saying before it in its clause, nothing but its subject between (no complementiser, no comma)
        var k = i - 1
        while k >= 0, i - k <= 7, !c.isStrongPunct(k), !c.isComma(k) {
            if c.mention(at: k) == nil {
                if c.inClass(k, "REPORT_THAT") { return nil }
                if classes[k].contains(say) { return "a masdar after a verb of saying («\(c.tokens[k].text) … \(c.tokens[i].text)»)" }
            }
            k -= 1
        }
        return nil
    }
}
