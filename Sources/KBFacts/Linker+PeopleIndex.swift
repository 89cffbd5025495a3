import KBText

extension Linker {
    /// The known person whose surname (last name token) or full single-word name is `word`; the most recently
    /// registered wins when two share it. `strict` (for bare words without a title) needs a multi-word antecedent.
    /// The people named in a document, indexed so that every lookup costs the same however many people
    /// and words there are (a page of a million words must stay linear).
    final class PeopleIndex {
        private(set) var people: [KnownPerson] = []
        private var slot: [NormKey: Int] = [:]
        /// surname forms (last word, name without its first word, skeleton of the last word) → people
        private var surnames: [NormKey: [Int]] = [:]
        /// one-word names → people
        private var single: [NormKey: [Int]] = [:]
        /// "first|last" forms and "=joined" full names → people
        private var full: [NormKey: [Int]] = [:]

        func register(_ key: String, _ names: [[String]], _ order: Int) {
            let i: Int
            if let k = slot[NormKey(key)] { i = k } else {
                i = people.count
                slot[NormKey(key)] = i
                people.append(KnownPerson(key: key, names: [], order: order))
            }
            for n in names where !n.isEmpty && !people[i].names.contains(n) {
                people[i].names.append(n)
                if n.count >= 2 {
                    for f in PeopleIndex.forms(n.last!) { surnames[NormKey(f), default: []].append(i) }
                    surnames[NormKey(n.dropFirst().joined(separator: " ")), default: []].append(i)
                    for a in PeopleIndex.forms(n.first!) { for b in PeopleIndex.forms(n.last!) { full[NormKey(a + "|" + b), default: []].append(i) } }
                } else {
                    single[NormKey(n[0]), default: []].append(i)
                }
                full[NormKey("=" + n.joined()), default: []].append(i)
            }
        }

        /// The word itself, without the article, and its consonant skeleton for words of five letters or more.
        static func forms(_ w: String) -> [String] { Clitics.peopleForms(w, computeForms) }

        /// `forms` of a word looked up, plus the skeleton of a four-letter word: a surname written with one long
        /// vowel less ("بيلن" for "بيلين") finds the registered five-letter spelling (as `Linker.variant` allows:
        /// one of the two has five letters). Names are registered with `forms`, so two four-letter words never meet.
        static func lookupForms(_ w: String) -> [String] {
            let f = forms(w)
            let bare = ArabicNormalizer.stripArticle(w)
            return bare.count == 4 ? f + ["~" + Linker.skeleton(bare)] : f
        }

        /// `lookupForms` as dictionary keys, remembered per thread.
        static func lookupKeys(_ w: String) -> [NormKey] { Clitics.peopleLookupKeys(w) { lookupForms($0).map(NormKey.init) } }

        /// Whether any surname is known (else a strict `resolve` finds nobody).
        var hasSurnames: Bool { !surnames.isEmpty }

        /// `resolve(word, strict: true)` given the word's `lookupKeys`.
        func resolve(keys: [NormKey]) -> String? {
            var best: Int? = nil
            for k in keys { if let hits = surnames[k] { for i in hits { best = max(best ?? i, i) } } }
            return best.map { people[$0].key }
        }

        static func computeForms(_ w: String) -> [String] {
            let bare = ArabicNormalizer.stripArticle(w)
            var out = [w, bare]
            if bare.count >= 5 { out.append("~" + Linker.skeleton(bare)) }
            return out
        }

        /// The person whose surname (or spelling variant of it), or — unless `strict` — whole one-word name,
        /// is `word`; the most recently registered wins when several share it.
        func resolve(_ word: String, strict: Bool, excluding: String? = nil) -> String? {
            var best: Int? = nil
            for k in PeopleIndex.lookupKeys(word) {
                if let hits = surnames[k] { for i in hits where people[i].key != excluding { best = max(best ?? i, i) } }
                if !strict, let hits = single[k] { for i in hits where people[i].key != excluding { best = max(best ?? i, i) } }
            }
            return best.map { people[$0].key }
        }

        /// The person (most recently registered) of whom `toks` are the last words of a longer name, word by word
        /// up to spelling (`Linker.variant`): "داوود أوغلو" for "أحمد داود أوغلو".
        func resolveTail(_ toks: [String]) -> String? {
            guard toks.count >= 2, let last = toks.last else { return nil }
            var hits = Set<Int>()
            for k in PeopleIndex.lookupKeys(last) { hits.formUnion(surnames[k] ?? []) }
            let found = hits.filter { i in
                people[i].names.contains { n in n.count > toks.count && zip(n.suffix(toks.count), toks).allSatisfy { Linker.variant($0, $1) } }
            }
            return found.max().map { people[$0].key }
        }

        /// Every person whose surname (or a spelling variant of it) is `word`.
        func all(_ word: String) -> [String] {
            var hits = Set<Int>()
            for k in PeopleIndex.lookupKeys(word) { hits.formUnion(surnames[k] ?? []) }
            return hits.sorted().map { people[$0].key }
        }

        /// People who could share a full name with `toks` (same first and last word up to spelling variants).
        func candidates(_ toks: [String]) -> [KnownPerson] {
            var hits = Set<Int>()
            if let f = toks.first, let l = toks.last {
                for a in PeopleIndex.forms(f) { for b in PeopleIndex.forms(l) { hits.formUnion(full[NormKey(a + "|" + b)] ?? []) } }
            }
            hits.formUnion(full[NormKey("=" + toks.joined())] ?? [])
            return hits.sorted().map { people[$0] }
        }
    }
}
