import KBText

/// A verb's past and its masdar often share one spelling (رفض «he refused» / «refusal», شجب, دعم). Right after a
/// verb of saying, with no complementiser between («أكد الوزير رفض بلاده للتدخل», not «أكد أن …»), the word is the
/// masdar, the object of the saying: the speaker is not its subject, and the name after it is its agent. A rule
/// triggered by the finite forms (`CLASS.verb`) does not fire on such a word; rules triggered by the masdars
/// (`CLASS.noun`) read it. So is such a word right after a preposition («أعربت X عن رفض Y للقرار»).
extension RuleEngine {
    static func masdarAfterSpeech(_ r: Rule, at i: Int, _ c: SentenceContext, _ classes: [[Int]], _ lex: WordLexicon, say: Int?) -> String? {
        // the word is both a finite form of the rule's verb class and a masdar of the same class
        func ambiguous() -> Bool {
            r.triggers.contains { t in
                guard classes[i].contains(t) else { return false }
                let name = lex.classNames[t]
                guard name.hasSuffix(".verb"), let noun = lex.classID(String(name.dropLast(5)) + ".noun") else { return false }
                return classes[i].contains(noun)
            }
        }
        // «أعربت X عن رفض Y …»: right after a preposition (class PREP) no verb stands
        if i > 0, c.mention(at: i - 1) == nil, c.inClass(i - 1, c.classInfo.prep), ambiguous() {
            return "a masdar after a preposition («\(c.tokens[i - 1].text) \(c.tokens[i].text)»)"
        }
        guard let say else { return nil }
        // a verb of saying before it in its clause, nothing but its subject between (no complementiser, no comma):
        // looked for first, on class ids only (most triggers have none)
        var k = i - 1, speech: Int? = nil
        while k >= 0, i - k <= 7, !c.isStrongPunct(k), !c.isComma(k) {
            if !classes[k].isEmpty, c.mention(at: k) == nil {
                if c.inClass(k, c.classInfo.reportThat) { return nil }
                if classes[k].contains(say) { speech = k; break }
            }
            k -= 1
        }
        guard let sk = speech else { return nil }
        return ambiguous() ? "a masdar after a verb of saying («\(c.tokens[sk].text) … \(c.tokens[i].text)»)" : nil
    }
}
