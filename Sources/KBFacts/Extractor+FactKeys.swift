import KBText

extension Extractor {
    /// The key a fact of the document is told apart by: `"\(type)|\(subject)|\(object)|\(sentence)"` compared as
    /// one string (also the data rules' facts against the Swift rules' in a sentence, `FactRules.extract`, sentence 0
    /// standing for the key without one: "\(type)|\(subject)|\(object)" and its "|0" are equal exactly when). When no
    /// field holds a "|", two such strings are equal exactly when the fields are (each "|" is a starter of its own:
    /// canonical equivalence does not reach across it), so the fields are compared one by one; a key with a "|"
    /// inside a field keeps the joined string (it can equal only another such key).
    ///
    /// Keys whose three strings are plain (``NormKey/isPlain(_:)``: there `==` is byte equality) are kept by a hash of
    /// their bytes, without `String`'s hashing through the Unicode tables. The first key with a string that is not
    /// plain moves every key to a `Set` of the fields (`==` on `String`s: a string that is not plain may equal a plain
    /// one), where they stay; a non-plain key only asked about before that is compared with each key by `==`.
    struct FactKeys {
        struct Fields: Hashable {
            let type: String, subject: String, object: String
            let sentence: Int
        }
        /// the plain keys and their ``bytesHash(_:)``s (while `slow` is false), looked through in order; past 32
        /// keys also by hash (`index`)
        private var keys: [Fields] = [], hashes: [UInt64] = []
        private var index: [UInt64: [Int]]? = nil
        /// every key without "|" once one was not plain
        private var fields = Set<Fields>()
        private var slow = false
        private var joined = Set<String>()

        /// Inserts the key; false when the document already has it.
        mutating func insert(type: String, subject: String, object: String, sentence: Int) -> Bool {
            if hasBar(type) || hasBar(subject) || hasBar(object) {
                return joined.insert("\(type)|\(subject)|\(object)|\(sentence)").inserted
            }
            let f = Fields(type: type, subject: subject, object: object, sentence: sentence)
            if !slow, let h = Self.bytesHash(f) {
                if has(h, f) { return false }
                keys.append(f); hashes.append(h)
                if index != nil {
                    index![h, default: []].append(keys.count - 1)
                } else if keys.count > 32 {
                    var x: [UInt64: [Int]] = [:]
                    for k in hashes.indices { x[hashes[k], default: []].append(k) }
                    index = x
                }
                return true
            }
            if !slow {
                slow = true
                for k in keys { fields.insert(k) }
                keys = []; hashes = []; index = nil
            }
            return fields.insert(f).inserted
        }

        /// Whether the key was inserted.
        func contains(type: String, subject: String, object: String, sentence: Int) -> Bool {
            if hasBar(type) || hasBar(subject) || hasBar(object) {
                return joined.contains("\(type)|\(subject)|\(object)|\(sentence)")
            }
            let f = Fields(type: type, subject: subject, object: object, sentence: sentence)
            if slow { return fields.contains(f) }
            if let h = Self.bytesHash(f) { return has(h, f) }
            return keys.contains(f)
        }

        /// A plain key with hash h among the plain keys.
        private func has(_ h: UInt64, _ f: Fields) -> Bool {
            if let index { return index[h]?.contains { Self.sameBytes(keys[$0], f) } ?? false }
            for k in hashes.indices where hashes[k] == h && Self.sameBytes(keys[k], f) { return true }
            return false
        }

        private func hasBar(_ s: String) -> Bool {
            var s = s
            return s.withUTF8 { $0.contains(0x7C) }
        }

        /// FNV-1a over the three strings' bytes (each closed by 0xFF, a byte no UTF-8 has) and the sentence; nil
        /// when a string is not plain.
        static func bytesHash(_ f: Fields) -> UInt64? {
            guard NormKey.isPlain(f.type), NormKey.isPlain(f.subject), NormKey.isPlain(f.object) else { return nil }
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            func add(_ s: String) {
                var s = s
                s.withUTF8 { for b in $0 { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01b3 } }
                h ^= 0xFF; h = h &* 0x0000_0100_0000_01b3
            }
            add(f.type); add(f.subject); add(f.object)
            h ^= UInt64(bitPattern: Int64(f.sentence)); h = h &* 0x0000_0100_0000_01b3
            return h
        }

        /// `a == b` for keys whose strings are plain: the same bytes.
        static func sameBytes(_ a: Fields, _ b: Fields) -> Bool {
            a.sentence == b.sentence && same(a.type, b.type) && same(a.subject, b.subject) && same(a.object, b.object)
        }

        private static func same(_ a: String, _ b: String) -> Bool {
            var a = a, b = b
            return a.withUTF8 { x in
                b.withUTF8 { y in
                    guard x.count == y.count else { return false }
                    for k in 0..<x.count where x[k] != y[k] { return false }
                    return true
                }
            }
        }
    }
}
