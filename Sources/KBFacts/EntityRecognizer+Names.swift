import KBText

/// Where a person's name starts and ends: name words, lineages ("بن", "آل"), given names with the article.
extension EntityRecognizer {
    /// Connectors of a lineage that can go on after a name word: "فيصل بن بندر بن عبد العزيز".
    static let lineage = Lexicon.set("بن ابن بنت آل")
    /// Given names written with the article (Maghrebi, Sudanese, Gulf usage): "المنصف المرزوقي", "الأخضر
    /// الإبراهيمي". Such a word starts a person's name only when another name word follows it.
    static let articleGivenNames = Lexicon.set("""
            المنصف الأخضر الحبيب الطيب الصادق الهادي الباجي المهدي المختار الطاهر الشاذلي البشير الناصر المنجي
            الصافي الفاضل الزبير الرشيد المعتصم الوليد الحسن الحسين العباس الخضر المبروك الصديق التهامي الجيلاني
            السعيد المكي العياشي الهاشمي المصطفى
            """)

    /// Second words of compound given names («نور الدين», «سيف الإسلام», «زين العابدين»).
    static let compoundGivenSecond = Lexicon.set("الدين الإسلام العابدين")

    /// The tokens of a person's name starting at `j`, or nil if no name-like word is there.
    func personName(_ t: [Token], _ j: Int, _ covered: [Int?]) -> Range<Int>? {
        var k = j
        var count = 0
        var compound = false
        while k < t.count {
            let tok = t[k]
            guard covered[k] == nil, tok.kind == .word || tok.kind == .latin else { break }
            let n = tok.norm
            // a trigger word of the rules starts no name ("رئيسا خلفا لوالده", "ونظيره عقدا جلسة"); inside a name it
            // may be a family name ("مهدي جمعة")
            if count == 0, tok.kind == .word, EntityRecognizer.isRuleWordNotName(tok) { return nil }
            // a preposition on a word that is never a name starts none ("بقادة المنطقة", "لمسؤولي الوزارة")
            if count == 0, tok.kind == .word, EntityRecognizer.isPrepositionOnNonName(n) { return nil }
            if count == 0 {
                if EntityRecognizer.hasArticle(tok), articleGivenName(t, k, covered) { count += 1; k += 1; continue }
                if !isNameToken(tok) || EntityRecognizer.hasArticle(tok)
                    || (n.plainHasPrefix("و") && isFunctionAfterConj(n)) { return nil }
            } else {
                if !isNameToken(tok) { break }
                // an indefinite accusative the rules know ends the name: «… كمال داود خلفا ل…», «… مؤكدا أن …»
                if tok.kind == .word, n.plainHasSuffix("ا"), EntityRecognizer.isRuleWordNotName(tok) { break }
                if n.plainHasPrefix("و") && n != "ولد" { break }
                if n.plainHasPrefix("لل") || n.plainHasPrefix("بال") { break }
                // ب or ل on a verbal noun the rules know ends the name: «… عطاف بمبادرة من …», «… لدعوة …»
                if tok.kind == .word, EntityRecognizer.isPrepositionOnMasdar(n) { break }
                if gazetteer.lookupAdjective(ArabicNormalizer.stripArticle(n)).isEmpty == false { break }
                if EntityRecognizer.hasArticle(tok) {
                    // «… بن حمودة الوفد», «… علي الحكومة»: a definite common noun after a name is the next phrase
                    if EntityRecognizer.isDefiniteCommonNoun(n) { break }
                    let prev = t[k - 1].norm
                    // «فخر الدين ألطون», «سيف الإسلام القذافي»: a compound given name goes on to the family name
                    if EntityRecognizer.compoundGivenSecond.contains(n), count == 1, k + 1 < t.count, covered[k + 1] == nil,
                       t[k + 1].kind == .word, isNameToken(t[k + 1]), !t[k + 1].norm.plainHasPrefix("و"),
                       gazetteer.lookupAdjective(ArabicNormalizer.stripArticle(t[k + 1].norm)).isEmpty {
                        compound = true; count += 1; k += 1; continue
                    }
                    if EntityRecognizer.abd.contains(prev) {
                        count += 1; k += 1
                        // "عبد الرحمن تياني" goes on; "بن الحسين", "أبو الغيط" end the name unless a lineage goes on
                        if prev.plainEquals("عبد") || (k < t.count && covered[k] == nil && EntityRecognizer.lineage.contains(t[k].norm)) { continue }
                        break
                    }
                    if n.plainCount < 4 { break }
                    // «… بن علي العلاقات», «… داود التعاون»: a topic noun the rules know is the verb's object
                    if EntityRecognizer.isTopicNoun(tok) { break }
                    count += 1; k += 1
                    break
                }
            }
            if EntityRecognizer.abd.contains(n) || n.plainEquals("بيك") { compound = true }
            count += 1
            k += 1
            if count >= (compound ? 4 : 3) {
                // a lineage goes on ("فيصل بن بندر بن عبد العزيز"), up to seven words
                guard count < 7, k < t.count, covered[k] == nil,
                      EntityRecognizer.lineage.contains(t[k - 1].norm)
                        || (k + 1 < t.count && covered[k + 1] == nil && EntityRecognizer.lineage.contains(t[k].norm)) else { break }
            }
        }
        guard count > 0 else { return nil }
        // a name does not end in a connector word ("عبد")
        var end = j + count
        while end > j, EntityRecognizer.abd.contains(t[end - 1].norm) { end -= 1 }
        return end > j ? j..<end : nil
    }

    /// A word with the article whose bare form is a noun the lexicon says is never a name, a head noun of an
    /// organisation or a place, or a construct noun of a title («الوفد», «الحكومة», «المدينة», «الجيش»): it
    /// never ends a person's name, whatever the words before it.
    static func isDefiniteCommonNoun(_ n: String) -> Bool {
        let bare = ArabicNormalizer.stripArticle(n)
        return Lexicon.nonNameWords.contains(bare) || Lexicon.orgHeads.contains(n) || Lexicon.orgHeads.contains(bare)
            || Lexicon.placeHeads.contains(bare) || Lexicon.constructNouns.contains(n) || Lexicon.constructNouns.contains(bare)
    }

    /// A definite word the rules' lexicon knows (a topic or event noun: «العلاقات», «التعاون», «الأزمة») that is no
    /// title word («الأمين», «السلطان», «الوزير» are family names too) nor a known given name.
    static func isTopicNoun(_ tok: Token) -> Bool {
        guard isRuleWordNotName(tok) else { return false }
        let lexicon = RuleSet.bundled.lexicon
        if let role = lexicon.classID("ROLE_HEAD"), lexicon.classes(of: tok.norm).contains(role) { return false }
        let bare = ArabicNormalizer.stripArticle(tok.norm)
        return !Lexicon.roleHeads.contains(tok.norm) && !Lexicon.roleHeads.contains(bare) && !Lexicon.ranks.contains(tok.norm)
    }

    /// A word of ب، ل or ك (with و or ف before it) and a word never in a name or a head noun, title or rank.
    static func isPrepositionOnNonName(_ n: String) -> Bool {
        if let b = nameWordTests(n) { return b & nameTestPreposition != 0 }
        return computePrepositionOnNonName(n)
    }

    static func computePrepositionOnNonName(_ n: String) -> Bool {
        guard let f = n.unicodeScalars.first, "بلكوف".unicodeScalars.contains(f) else { return false }
        for c in Clitics.of(n).dropFirst() where listContains(["ب", "ل", "ك", "وب", "ول", "فب", "فل"], c.prefix) {
            if Lexicon.nonNameWords.contains(c.stem) || isLexiconWord(c.stem) { return true }
        }
        return false
    }

    /// ب or ل fused to a noun in ة the rules' lexicon knows ("بمبادرة", "بزيارة", "لدعوة"): a preposition and its
    /// verbal noun, which never continues a person's name.
    static func isPrepositionOnMasdar(_ n: String) -> Bool {
        guard n.count >= 5, n.plainHasPrefix("ب") || n.plainHasPrefix("ل"), n.plainHasSuffix("ه"), !isKnownFirstName(n) else { return false }
        let stem = String(n.dropFirst())
        return !RuleSet.bundled.lexicon.classes(of: stem).isEmpty && !isKnownFirstName(stem)
    }

    /// A word of four letters or more the rules' lexicon knows (a trigger: "خلفا", "عقدا") that no name list knows
    /// as a given name (shorter ones are particles that transliterations share: "بان كي مون").
    static func isRuleWordNotName(_ tok: Token) -> Bool {
        (nameWordTests(tok.norm).map { $0 & nameTestRuleWord != 0 } ?? isRuleWordNotNameWord(tok.norm)) && !isAliName(tok)
    }

    /// ``isRuleWordNotName(_:)`` but for the spelling of «علي» (a function of the normalised word).
    static func isRuleWordNotNameWord(_ n: String) -> Bool {
        n.count >= 4 && !RuleSet.bundled.lexicon.classes(of: n).isEmpty && !isKnownFirstName(n)
    }

    /// A given name with the article ("المنصف") at `k`, followed by a word that can go on a name.
    func articleGivenName(_ t: [Token], _ k: Int, _ covered: [Int?]) -> Bool {
        guard EntityRecognizer.articleGivenNames.contains(t[k].norm), k + 1 < t.count, covered[k + 1] == nil,
              t[k + 1].kind == .word else { return false }
        let n = t[k + 1].norm
        return isNameWord(n) && !n.plainHasPrefix("و") && gazetteer.lookupAdjective(ArabicNormalizer.stripArticle(n)).isEmpty
            && !EntityRecognizer.descriptiveWords.contains(n)
    }

    /// "علي" written with a final yaa is the name Ali, not the preposition "على" (both normalise to "علي").
    static func isAliName(_ tok: Token) -> Bool {
        tok.norm.plainEquals("علي") && tok.text.unicodeScalars.last == "\u{064A}"
    }

    /// `isNameWord` of a token: a word written with a final ه (not ة) ending in يه is no feminine nisba
    /// ("إيتيه", "لوكانتيه" are foreign names); "علي" with its yaa is a name.
    func isNameToken(_ tok: Token) -> Bool {
        if EntityRecognizer.isAliName(tok) { return true }
        let plainHa = tok.norm.plainHasSuffix("يه") && tok.text.unicodeScalars.last == "\u{0647}"
        return isNameWord(tok.norm, nisbaCheck: !plainHa)
    }

    /// (a pure function of the word: remembered per thread in the common case)
    func isNameWord(_ n: String, nisbaCheck: Bool = true) -> Bool {
        nisbaCheck ? Clitics.isNameWord(n, EntityRecognizer.computeIsNameWord) : EntityRecognizer.nameWordCheck(n, nisbaCheck: false)
    }

    static func computeIsNameWord(_ n: String) -> Bool { nameWordCheck(n, nisbaCheck: true) }

    static func nameWordCheck(_ n: String, nisbaCheck: Bool) -> Bool {
        guard n.count >= 2 else { return false }
        // feminine and plural nisba forms ("دبلوماسية", "تنفيذيين") are adjectives, not names
        if n.count >= 5 && ((nisbaCheck && n.plainHasSuffix("يه")) || n.plainHasSuffix("يين") || n.plainHasSuffix("يون")) { return false }
        if n.allSatisfy({ $0.isNumber }) { return false }
        // "لانتقادات", "باتهامات": a preposition on a plural masdar, not a name
        if n.count >= 6, n.plainHasPrefix("ل") || n.plainHasPrefix("ب"), n.dropFirst().hasPrefix("ا"), n.plainHasSuffix("ات") { return false }
        // a preposition or conjunction on the article ("بالمملكة", "والحكومة"), a verbal noun with a preposition
        // and a pronoun ("لإبلاغه"), "وكذا": not a name
        if EntityRecognizer.isNeverNameWord(n) { return false }
        let s = Clitics.stripConj(n, EntityRecognizer.computeStripConj)
        return !Lexicon.stopwords.contains(n) && !Lexicon.verbs.contains(n) && !Lexicon.verbs.contains(s)
            && !Lexicon.roleHeads.contains(s) && !Lexicon.ranks.contains(s) && !Lexicon.nonNameWords.contains(n)
            && !Lexicon.nonNameWords.contains(s) && !Lexicon.orgHeads.contains(s) && !Lexicon.placeHeads.contains(s)
            && !Lexicon.constructNouns.contains(n) && DateParser.singleMonths[n] == nil && !DateParser.weekdays.contains(n)
            && !FactRules.allTriggers.contains(n) && !FactRules.allTriggers.contains(s)
            && (!Clitics.of(n).contains { c in
                c.prefix != "" && (FactRules.allTriggers.contains(c.stem) || Lexicon.verbs.contains(c.stem)
                    || Lexicon.roleHeads.contains(c.stem) || Lexicon.ranks.contains(c.stem) || Lexicon.orgHeads.contains(c.stem)
                    || (c.stem.count > 2 && Lexicon.stopwords.contains(c.stem)))
            } || EntityRecognizer.isKnownFirstName(n))
    }

    func isFunctionAfterConj(_ n: String) -> Bool {
        let s = String(n.dropFirst())
        return Lexicon.stopwords.contains(s) || Lexicon.roleHeads.contains(s) || Lexicon.verbs.contains(s) || s.hasPrefix("ال")
    }
}
