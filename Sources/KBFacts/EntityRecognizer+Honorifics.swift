import KBText

extension EntityRecognizer {
    /// Honorifics that stand only before a person's name: "السيد", "السيدة", "الدكتور" … (with و or ف before them).
    static let honorifics = Lexicon.set("السيد السيدة الآنسة الدكتور الدكتورة السير مدام مسيو")

    /// Whether an honorific stands right before token `i`, an opening quotation mark between them allowed
    /// ("والسيد “فلان فلاني”"): what follows it is a person's name, whatever type the labeller gave it (it
    /// types foreign names it never saw as organisations or places).
    func honorificBefore(_ t: [Token], _ i: Int) -> Bool {
        var k = i - 1
        if k >= 0, t[k].kind == .punctuation, let c = t[k].text.unicodeScalars.first, "“\"«'‘".unicodeScalars.contains(c) { k -= 1 }
        guard k >= 0, t[k].kind == .word else { return false }
        return EntityRecognizer.honorifics.contains(t[k].norm) || EntityRecognizer.honorifics.contains(stripConj(t[k].norm))
    }
}
