import KBText

extension Linker {
    /// «المجلس الانتقالي» after «المجلس العسكري الانتقالي», «حزب الأمة» beside «حزب الأمة القومي»: a guessed
    /// organisation whose name is the head and some of the words of exactly one longer guessed name of the
    /// document, in the same order, is that organisation. Summits and conferences keep their own names
    /// («القمة العربية» is not «القمة العربية الصينية»); two longer candidates leave it alone.
    func linkShortenedNames(_ perSentence: inout [[RawMention]]) {
        // (the keys kept once each by `NormKey`, their words compared as `NormKey`s: `String`'s `==` compares Arabic
        // through the Unicode tables; a `NormKey` equals another exactly when their strings are `==`)
        var keys: [String] = [], seen = Set<NormKey>()
        for s in perSentence.indices { for k in perSentence[s].indices where perSentence[s][k].type == .organization {
            let key = perSentence[s][k].key
            if Linker.keyHasPrefix(key, "org:"), perSentence[s][k].subtype != "event", seen.insert(NormKey(key)).inserted { keys.append(key) }
        } }
        guard keys.count >= 2 else { return }
        var target: [NormKey: String] = [:]
        let keyWords = keys.map(Linker.shortNameWords)      // (each key split once, not once per pair)
        for (x, short) in keys.enumerated() {
            let s = keyWords[x]
            guard s.count >= 2 else { continue }
            // (the keys are distinct: another index is another key)
            let longer = keys.indices.filter { $0 != x && Linker.isShortening(s, of: keyWords[$0]) }.map { keys[$0] }
            if longer.count == 1 { target[NormKey(short)] = longer[0] }
        }
        guard !target.isEmpty else { return }
        for s in perSentence.indices {
            for k in perSentence[s].indices where perSentence[s][k].type == .organization {
                if let t = target[NormKey(perSentence[s][k].key)] { perSentence[s][k].key = t }
            }
        }
    }

    /// The words of an organisation's key «org:name@…» (the name: the first run without «@» after the four first
    /// `Character`s, split at the spaces, empty pieces left out), as `oldShortNameWords` gives them, as keys.
    static func shortNameWords(_ key: String) -> [NormKey] {
        // (a plain key, ``NormKey/isPlain(_:)``: every scalar a `Character` of its own but CR LF, and neither «@» nor
        // the space is in one; the key starts with «org:», four bytes: its runs are found on the bytes)
        guard NormKey.isPlain(key), key.utf8.starts(with: "org:".utf8) else { return oldShortNameWords(key).map(NormKey.init) }
        let u = key.utf8
        var out: [NormKey] = []
        var i = u.index(u.startIndex, offsetBy: 4)
        // the first run without «@»
        while i < u.endIndex, u[i] == UInt8(ascii: "@") { i = u.index(after: i) }
        let end = u[i...].firstIndex(of: UInt8(ascii: "@")) ?? u.endIndex
        while i < end {
            guard u[i] != 0x20 else { i = u.index(after: i); continue }
            let wordEnd = u[i..<end].firstIndex(of: 0x20) ?? end
            out.append(NormKey(String(key[i..<wordEnd])))
            i = wordEnd
        }
        return out
    }

    /// The words of a key as `linkShortenedNames` split them before `shortNameWords`.
    static func oldShortNameWords(_ key: String) -> [String] {
        let name = key.dropFirst(4).plainSplit(separator: "@", maxSplits: 1).first.map(String.init) ?? ""
        return name.plainSplit(separator: " ").map(String.init)
    }

    /// `short` is `long`'s head and a strict, ordered selection of its other words.
    static func isShortening<W: Equatable>(_ short: [W], of long: [W]) -> Bool {
        guard long.count > short.count, short.first == long.first else { return false }
        var i = 1
        for w in long.dropFirst() where i < short.count && w == short[i] { i += 1 }
        return i == short.count
    }
}
