// The forms of carried names' first words (Linker+Consistency.swift), indexed once per thread by their bytes instead
// of a dictionary of every form of every first word built again for each document.

import Foundation
import KBText

extension Linker {
    /// `consistencyPrefixes` by number: 0 the bare word, then each prefix in order.
    static let carryPrefixes: [String] = [""] + consistencyPrefixes
    /// The UTF-8 of each of `carryPrefixes`, and whether it ends with «ل».
    static let carryPrefixBytes: [(bytes: [UInt8], lam: Bool)] = carryPrefixes.map { (Array($0.utf8), $0.hasSuffix("ل")) }

    /// The thread's index of forms (see ``CarryFormIndex``).
    static let carryFormIndex = PerThread { CarryFormIndex() }

    /// The forms `computeConsistencyForms` makes of plain first words (``NormKey/isPlain(_:)``, not empty), by their
    /// bytes, kept across the documents a thread reads; each form with the first words it is a form of (and the
    /// prefix), each word marked with the document it is a first word of and its group there.
    ///
    /// Why it finds what the per-document dictionary of `NormKey`s found: for a plain word `w` that starts with «ال»
    /// (its first four bytes: ا and ل are scalars nothing else is canonically equal to, and in a plain string each is
    /// a `Character` of its own), `first.dropFirst(2)` is its bytes from the fifth on, so the forms are the bytes of
    /// the prefix, «ل» for a prefix ending with «ل», and the rest; otherwise the prefix's bytes and the word's. Every
    /// form is then plain: a plain token equals one exactly when the bytes are the same, and any other token is
    /// looked up as a `NormKey` (``PlainKeyIndex/index(of:)``: found exactly where a dictionary finds it). The caller
    /// uses the index only when the per-thread memo of `consistencyForms` holds the forms of the word's own bytes
    /// (the forms' lengths then are the ones computed here, which the gate of `carryNamesThroughDocument` reads).
    final class CarryFormIndex {
        private var forms = PlainKeyIndex(minimumCapacity: 8192)
        /// Per form: its first owner in `owners` (-1: none).
        private var formHead: [Int32] = []
        /// Each (word, prefix number) a form is of, threaded per form.
        private var owners: [(word: Int32, prefix: Int32, next: Int32)] = []
        private var words = PlainKeyIndex(minimumCapacity: 1024)
        /// Per word: bit (length & 63) of each of its forms' byte counts.
        private var wordShape: [UInt64] = []
        /// Per word: the document it was last a first word of, and its group there.
        private var wordMark: [UInt32] = []
        private var wordGroup: [Int32] = []
        private var serial: UInt32 = 0

        /// A new document: no first words marked. (Emptied when large: a thread reading many documents.)
        func startDocument() {
            if forms.count > 200_000 || serial == UInt32.max {
                forms = PlainKeyIndex(minimumCapacity: 8192)
                formHead = []; owners = []
                words = PlainKeyIndex(minimumCapacity: 1024)
                wordShape = []; wordMark = []; wordGroup = []
                serial = 0
            }
            serial += 1
        }

        /// Marks the plain, non-empty word `b` as the first word of group `group` of this document (each word once):
        /// the shape bits of its forms.
        func mark(_ b: UnsafeBufferPointer<UInt8>, group: Int) -> UInt64 {
            let (w, inserted) = words.insert(utf8: b)
            if inserted {
                wordShape.append(addForms(b, word: w))
                wordMark.append(0)
                wordGroup.append(-1)
            }
            wordMark[w] = serial
            wordGroup[w] = Int32(group)
            return wordShape[w]
        }

        private func addForms(_ b: UnsafeBufferPointer<UInt8>, word: Int) -> UInt64 {
            let definite = b.count >= 4 && b[0] == 0xD8 && b[1] == 0xA7 && b[2] == 0xD9 && b[3] == 0x84
            var shape: UInt64 = 0
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: b.count + 8) { buf in
                for (p, prefix) in Linker.carryPrefixBytes.enumerated() {
                    var n = 0
                    for x in prefix.bytes { buf[n] = x; n += 1 }
                    var from = 0
                    if p > 0, definite, prefix.lam { buf[n] = 0xD9; buf[n + 1] = 0x84; n += 2; from = 4 }
                    for k in from..<b.count { buf[n] = b[k]; n += 1 }
                    let (e, inserted) = forms.insert(utf8: UnsafeBufferPointer(rebasing: buf[..<n]))
                    if inserted { formHead.append(-1) }
                    owners.append((Int32(word), Int32(p), formHead[e]))
                    formHead[e] = Int32(owners.count - 1)
                    shape |= 1 << UInt64(n & 63)
                }
            }
            return shape
        }

        /// The form of these plain bytes, if it is a form of a first word of this document (else -1).
        @inline(__always)
        func form(plain b: UnsafeBufferPointer<UInt8>) -> Int {
            guard let e = forms.index(utf8: b), firstOwner(e) >= 0 else { return -1 }
            return e
        }

        /// The form equal to `key` (any key), if it is a form of a first word of this document (else -1).
        func form(key: NormKey) -> Int {
            guard let e = forms.index(of: key), firstOwner(e) >= 0 else { return -1 }
            return e
        }

        /// The first owner of form `e` marked in this document (-1: none).
        @inline(__always)
        func firstOwner(_ e: Int) -> Int { marked(from: Int(formHead[e])) }

        /// The owner after `o` marked in this document (-1: none).
        @inline(__always)
        func nextOwner(_ o: Int) -> Int { marked(from: Int(owners[o].next)) }

        @inline(__always)
        private func marked(from o: Int) -> Int {
            var o = o
            while o >= 0 {
                if wordMark[Int(owners[o].word)] == serial { return o }
                o = Int(owners[o].next)
            }
            return -1
        }

        /// The group (in this document) and the prefix number of owner `o`.
        @inline(__always)
        func owner(_ o: Int) -> (group: Int, prefix: Int) { (Int(wordGroup[Int(owners[o].word)]), Int(owners[o].prefix)) }
    }

    /// The UTF-8 of `s` given to `body` (in place when the string is contiguous, as native strings are).
    @inline(__always)
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var u = s
        return u.withUTF8(body)
    }

    /// Whether two strings have the same UTF-8 bytes.
    static func sameBytes(_ x: String, _ y: String) -> Bool {
        withBytes(x) { a in withBytes(y) { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) } }
    }

    /// `key.utf8.starts(with: prefix.utf8)`, on the bytes in place.
    @inline(__always)
    static func bytesStart(_ key: String, _ prefix: String) -> Bool {
        withBytes(key) { k in withBytes(prefix) { p in k.count >= p.count && (p.isEmpty || memcmp(k.baseAddress!, p.baseAddress!, p.count) == 0) } }
    }
}
