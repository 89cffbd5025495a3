import Foundation
import KBText

extension Linker {
    /// The known person whose surname (last name token) or full single-word name is `word`; the most recently
    /// registered wins when two share it. `strict` (for bare words without a title) needs a multi-word antecedent.
    /// The people named in a document, indexed so that every lookup costs the same however many people
    /// and words there are (a page of a million words must stay linear).
    final class PeopleIndex {
        // (the index is used by one thread and its properties are never accessed overlapping: no exclusivity checks)
        @exclusivity(unchecked) private(set) var people: [KnownPerson] = []
        @exclusivity(unchecked) private var slot: [NormKey: Int] = [:]
        /// surname forms (last word, name without its first word, skeleton of the last word) → people
        @exclusivity(unchecked) private var surnames: [NormKey: (head: Int, tail: Int)] = [:]
        /// The people of each key of `surnames`, in the order added, as lists threaded through one array (an array per
        /// key was made, and grown, for every surname form of a document).
        @exclusivity(unchecked) private var surnameLinks: [(person: Int, next: Int)] = []
        /// one-word names → people
        @exclusivity(unchecked) private var single: [NormKey: [Int]] = [:]
        /// "first|last" forms and "=joined" full names → people
        @exclusivity(unchecked) private var full: [FullKey: [Int]] = [:]

        /// Names registered since `full` was last brought up to date (`candidates(_:)` alone reads it): its keys
        /// (nine concatenations per full name) are made only for documents that ask.
        @exclusivity(unchecked) private var pendingFull: [(person: Int, name: [String])] = []
        /// Every name registered, in order (`candidates(_:)` reads them through `records`).
        @exclusivity(unchecked) private var allNames: [(person: Int, name: [String])] = []
        /// What `candidates(_:)` compares of each of `allNames` (made for the names registered since it last asked).
        @exclusivity(unchecked) private var records: [NameRecord] = []
        /// A 4,096-bit filter of the keys of `surnames` (bit `hashValue & 4095`): a word none of whose keys has its
        /// bit set is nobody's surname, found without a dictionary probe (most words of a document).
        @exclusivity(unchecked) private var surnameBits = [UInt64](repeating: 0, count: 64)

        func register(_ key: String, _ names: [[String]], _ order: Int) {
            let i: Int
            let k0 = NormKey(key)
            if let k = slot[k0] { i = k } else {
                i = people.count
                slot[k0] = i
                people.append(KnownPerson(key: key, names: [], order: order))
            }
            for n in names where !n.isEmpty && !people[i].names.contains(n) {
                people[i].names.append(n)
                if n.count >= 2 {
                    // (the forms' keys, remembered per word; a form equal to one before it adds nothing a reader
                    // of `surnames` can see: every reader takes the people found as a set)
                    let last = PeopleIndex.formKeys(n.last!)
                    for (x, f) in last.enumerated() where !last[..<x].contains(f) { addSurname(f, i) }
                    if n.count > 2 { addSurname(NormKey(Linker.spaceJoinedTail(n)), i) }
                    else if !last.contains(NormKey(n[1])) { addSurname(NormKey(n[1]), i) }
                } else {
                    single[NormKey(n[0]), default: []].append(i)
                }
                pendingFull.append((i, n))
                // (kept only while the index is small enough to be scanned: see `candidates(_:)`)
                if allNames.count <= PeopleIndex.scanned { allNames.append((i, n)) }
            }
        }

        private func addSurname(_ k: NormKey, _ i: Int) {
            let e = surnameLinks.count
            surnameLinks.append((i, -1))
            if surnames.isEmpty { surnames.reserveCapacity(16) }   // (looked up, never iterated: its order is not read)
            PeopleIndex.link(&surnames[k, default: (head: e, tail: -1)], e, &surnameLinks)
            let b = PeopleIndex.bit(k)
            surnameBits[b >> 6] |= 1 << UInt64(b & 63)
        }

        /// Entry `e` put at the end of the list `v`.
        @inline(__always)
        private static func link(_ v: inout (head: Int, tail: Int), _ e: Int, _ links: inout [(person: Int, next: Int)]) {
            if v.tail >= 0 { links[v.tail].next = e }
            v.tail = e
        }

        /// `body` of each person of the surname key `k`, in the order added.
        @inline(__always)
        private func forEachSurnamePerson(_ k: NormKey, _ body: (Int) -> Void) {
            guard var e = surnames[k]?.head else { return }
            while e >= 0 { body(surnameLinks[e].person); e = surnameLinks[e].next }
        }

        /// The bit of a key in the filter of `surnames`.
        @inline(__always)
        static func bit(_ k: NormKey) -> Int { k.hashValue & 4095 }

        /// False when `k` is no key of `surnames` (true when it may be).
        @inline(__always)
        private func maySurname(_ k: NormKey) -> Bool {
            let b = PeopleIndex.bit(k)
            return surnameBits[b >> 6] & (1 << UInt64(b & 63)) != 0
        }

        /// False when none of the keys whose `bit`s are `bits` is a key of `surnames`.
        @inline(__always)
        func maySurname(bits: [UInt16]) -> Bool {
            for b in bits where surnameBits[Int(b) >> 6] & (1 << UInt64(b & 63)) != 0 { return true }
            return false
        }

        /// `full` for every name registered so far (in registration order, as `register` did it).
        private func bringFullUpToDate() {
            guard !pendingFull.isEmpty else { return }
            for (i, n) in pendingFull {
                if n.count >= 2 {
                    for k in PeopleIndex.pairKeys(n.first!, n.last!) { full[k, default: []].append(i) }
                }
                full[.text(NormKey(Linker.equalsJoined(n))), default: []].append(i)
            }
            pendingFull.removeAll(keepingCapacity: true)
        }

        /// A key of `full`: the string "a|b" of two forms, or "=" and a joined name, with `String`'s equality. For two
        /// forms whose NFC forms are plain (``NormKey/isPlain(_:)``) without «|», the first not starting with «=», the
        /// pair of their keys stands for "a|b": the NFC form of "a|b" is then NFC(a) «|» NFC(b) («|» is a starter that
        /// composes with nothing), plain with one «|» not at the start, so two such strings are equal exactly when
        /// their parts are (the parts' keys equal), and no other key's string (a part that is not plain or has a «|»,
        /// a first part starting with «=», "=" and a name) has such an NFC form. Any other pair is the string itself.
        enum FullKey: Hashable {
            case pair(NormKey, NormKey)
            case text(NormKey)
        }

        /// Whether a form may stand in a `FullKey.pair`: its NFC form is plain, with no «|» (a plain string is its own
        /// NFC form).
        static func pairable(_ w: String) -> Bool {
            let nfc = NormKey.isPlain(w) ? w : w.precomposedStringWithCanonicalMapping
            return NormKey.isPlain(nfc) && !Linker.hasByte(nfc, UInt8(ascii: "|"))
        }

        /// The "first|last" keys of `full` for every form of `first` and of `last`, a form equal to one before it
        /// left out (it makes a key equal to one already there; `full` is read as sets).
        static func pairKeys(_ first: String, _ last: String) -> [FullKey] {
            let fa = forms(first), ka = formKeys(first), fb = forms(last), kb = formKeys(last)
            var out: [FullKey] = []
            out.reserveCapacity(fa.count * fb.count)
            for x in fa.indices where !ka[..<x].contains(ka[x]) {
                let a = fa[x], aPairs = pairable(a) && !a.utf8.starts(with: "=".utf8)
                for y in fb.indices where !kb[..<y].contains(kb[y]) {
                    out.append(aPairs && pairable(fb[y]) ? .pair(ka[x], kb[y]) : .text(NormKey(a + "|" + fb[y])))
                }
            }
            return out
        }

        /// `forms(w)` as keys: the first `forms(w).count` of `lookupKeys(w)` (`lookupForms` is `forms` and at most one
        /// more), both remembered per word.
        static func formKeys(_ w: String) -> ArraySlice<NormKey> { lookupKeys(w).prefix(forms(w).count) }

        /// The word itself, without the article, and its consonant skeleton for words of five letters or more.
        static func forms(_ w: String) -> [String] { Clitics.peopleForms(w, computeForms) }

        /// `forms` of a word looked up, plus the skeleton of a four-letter word: a surname written with one long
        /// vowel less ("بيلن" for "بيلين") finds the registered five-letter spelling (as `Linker.variant` allows:
        /// one of the two has five letters). Names are registered with `forms`, so two four-letter words never meet.
        static func lookupForms(_ w: String) -> [String] {
            let f = forms(w)
            let bare = ArabicNormalizer.stripArticle(w)
            return Linker.characterCount(bare) == 4 ? f + ["~" + Linker.skeleton(bare)] : f
        }

        /// `lookupForms(w)` computed afresh (`computeForms` and `computeSkeleton`, not their memos: the same strings).
        static func computeLookupForms(_ w: String) -> [String] {
            let bare = ArabicNormalizer.stripArticle(w)
            let n = Linker.characterCount(bare)
            var out = [w, bare]
            // (`forms` adds the skeleton from five letters, `lookupForms` at four)
            if n >= 4 { out.append("~" + Linker.computeSkeleton(bare)) }
            return out
        }

        /// `lookupForms` as dictionary keys, remembered per thread.
        static func lookupKeys(_ w: String) -> [NormKey] { Clitics.peopleLookupKeys(w) { lookupForms($0).map(NormKey.init) } }

        /// Whether any surname is known (else a strict `resolve` finds nobody).
        var hasSurnames: Bool { !surnames.isEmpty }

        /// `resolve(word, strict: true)` given the word's `lookupKeys`.
        func resolve(keys: [NormKey]) -> String? {
            var hits: [Int] = []
            for k in keys where maySurname(k) { forEachSurnamePerson(k) { hits.append($0) } }
            return hits.isEmpty ? nil : pick(hits).map { people[$0].key }
        }

        /// The most recently registered of `hits`, or nil when they are two different people: two full names
        /// whose given names differ (up to spelling), like two brothers or a father and son who share a family
        /// name ("فيصل بن الحسين" and "عبد الله بن الحسين"); a bare surname then names neither.
        private func pick(_ hits: [Int]) -> Int? {
            guard let best = hits.max() else { return nil }
            for i in hits where i != best && PeopleIndex.different(people[i], people[best]) { return nil }
            return best
        }

        /// Two people named with full names whose first words are not spelling variants of each other.
        static func different(_ a: KnownPerson, _ b: KnownPerson) -> Bool {
            let fa = a.names.filter { $0.count >= 2 }, fb = b.names.filter { $0.count >= 2 }
            guard a.key != b.key, !fa.isEmpty, !fb.isEmpty else { return false }
            return !fa.contains { x in fb.contains { y in Linker.variant(given(x), given(y)) } }
        }

        /// A name's given name: its first word, or its first two after "عبد", "أبو" ("عبد الله").
        static func given(_ n: [String]) -> String {
            n.count > 2 && EntityRecognizer.abd.contains(n[0]) ? n[0] + " " + n[1] : n[0]
        }

        /// Whether `word` is the surname of two different people of the document (see `pick`).
        func ambiguous(_ word: String, strict: Bool) -> Bool {
            candidates(word, strict: strict, excluding: nil).count >= 2 && resolve(word, strict: strict) == nil
        }

        private func candidates(_ word: String, strict: Bool, excluding: String?) -> [Int] {
            var hits: [Int] = []
            for k in PeopleIndex.lookupKeys(word) {
                if maySurname(k) { forEachSurnamePerson(k) { if people[$0].key != excluding { hits.append($0) } } }
                if !strict, let h = single[k] { hits += h.filter { people[$0].key != excluding } }
            }
            return hits
        }

        static func computeForms(_ w: String) -> [String] {
            let bare = ArabicNormalizer.stripArticle(w)
            var out = [w, bare]
            if Linker.characterCount(bare) >= 5 { out.append("~" + Linker.skeleton(bare)) }
            return out
        }

        /// The person whose surname (or spelling variant of it), or — unless `strict` — whole one-word name,
        /// is `word`; the most recently registered when several forms of one person share it, nobody when two
        /// different people do (`pick`).
        func resolve(_ word: String, strict: Bool, excluding: String? = nil) -> String? {
            pick(candidates(word, strict: strict, excluding: excluding)).map { people[$0].key }
        }

        /// The person (most recently registered) of whom `toks` are the last words of a longer name, word by word
        /// up to spelling (`Linker.variant`): "داوود أوغلو" for "أحمد داود أوغلو".
        func resolveTail(_ toks: [String]) -> String? {
            guard toks.count >= 2, let last = toks.last else { return nil }
            var hits = Set<Int>()
            for k in PeopleIndex.lookupKeys(last) { forEachSurnamePerson(k) { hits.insert($0) } }
            let found = hits.filter { i in
                people[i].names.contains { n in n.count > toks.count && zip(n.suffix(toks.count), toks).allSatisfy { Linker.variant($0, $1) } }
            }
            return found.max().map { people[$0].key }
        }

        /// Every person whose surname (or a spelling variant of it) is `word`.
        func all(_ word: String) -> [String] {
            var hits = Set<Int>()
            for k in PeopleIndex.lookupKeys(word) { forEachSurnamePerson(k) { hits.insert($0) } }
            return hits.sorted().map { people[$0].key }
        }

        /// People who could share a full name with `toks` (same first and last word up to spelling variants).
        func candidates(_ toks: [String]) -> [KnownPerson] {
            // (a document's few names are compared one by one; a large index, the gazetteer's, is looked up)
            if allNames.count <= PeopleIndex.scanned, let hits = scannedCandidates(toks) { return hits.sorted().map { people[$0] } }
            bringFullUpToDate()
            var hits = Set<Int>()
            if let f = toks.first, let l = toks.last {
                for k in PeopleIndex.pairKeys(f, l) { hits.formUnion(full[k] ?? []) }
            }
            hits.formUnion(full[.text(NormKey(Linker.equalsJoined(toks)))] ?? [])
            return hits.sorted().map { people[$0] }
        }

        /// The most names `candidates(_:)` compares one by one (past them `allNames` stops growing, one over).
        static let scanned = 24

        /// One registered name as `candidates(_:)` compares it: the keys of its first and last words' forms (empty for a
        /// one-word name), the key of its «=joined» form, and whether every «first|last» key it gives is a
        /// `FullKey.pair` (every form of its first word `pairable` and not starting with «=», every form of its last
        /// word `pairable`).
        struct NameRecord {
            let person: Int
            let first: ArraySlice<NormKey>
            let last: ArraySlice<NormKey>
            let joined: NormKey
            let pairs: Bool
        }

        /// Whether every «first|last» key made with a form of `first` and a form of `last` is a `FullKey.pair` (as
        /// `pairKeys` decides).
        static func allPairs(_ first: String, _ last: String) -> Bool {
            if simplePairs(first) && simplePairs(last) { return true }
            return forms(first).allSatisfy { pairable($0) && !$0.utf8.starts(with: "=".utf8) } && forms(last).allSatisfy(pairable)
        }

        /// `candidates(toks)`'s people (indices, unsorted) found by comparing `toks` with each registered name, when
        /// every key on both sides is a `FullKey.pair` (nil otherwise: the caller builds `full`). Two pair keys are
        /// equal when both parts' keys are, so a name's «first|last» keys meet `toks`'s when a form key of its first
        /// word is one of `toks.first`'s and a form key of its last word one of `toks.last`'s; the «=joined» keys are
        /// compared as they are (a `FullKey.text` never equals a pair).
        private func scannedCandidates(_ toks: [String]) -> Set<Int>? {
            guard let f = toks.first, let l = toks.last, PeopleIndex.allPairs(f, l) else { return nil }
            while records.count < allNames.count {
                let (i, n) = allNames[records.count]
                let two = n.count >= 2
                records.append(NameRecord(person: i, first: two ? PeopleIndex.formKeys(n.first!) : [],
                                          last: two ? PeopleIndex.formKeys(n.last!) : [],
                                          joined: NormKey(Linker.equalsJoined(n)),
                                          pairs: !two || PeopleIndex.allPairs(n.first!, n.last!)))
            }
            guard records.allSatisfy(\.pairs) else { return nil }
            let ka = PeopleIndex.formKeys(f), kb = PeopleIndex.formKeys(l)
            let joined = NormKey(Linker.equalsJoined(toks))
            var hits = Set<Int>()
            // (the records read in place)
            for r in records.indices where records[r].joined == joined
                || (!records[r].first.isEmpty && ka.contains(where: records[r].first.contains) && kb.contains(where: records[r].last.contains)) {
                hits.insert(records[r].person)
            }
            return hits
        }
    }
}
