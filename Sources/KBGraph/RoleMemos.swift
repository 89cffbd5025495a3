// What event merging remembers across reports and threads: the key of a role phrase (`RoleKeys`) and whether two
// role phrases name one office (`SameRoles`), each computed once per phrase or pair of phrases.

import Foundation

/// The role keys (`EventMerging.roleKey`) of the role phrases seen, shared by the threads that merge: a role phrase
/// recurs in thousands of reports, and its key (words split, normalised, looked up) cost tens of thousands of
/// instructions each time.
final class RoleKeys: @unchecked Sendable {
    static let shared = RoleKeys()
    private var keys: [Bytes: String] = [:]
    private let lock = NSLock()

    func key(_ role: String) -> String {
        let b = Bytes(role)
        lock.lock()
        if let k = keys[b] { lock.unlock(); return k }
        lock.unlock()
        let k = EventMerging.computeRoleKey(role)
        lock.lock()
        if keys.count >= 100_000 { keys.removeAll(keepingCapacity: true) }
        keys[b] = k
        lock.unlock()
        return k
    }

    /// A string compared and hashed as its UTF-8 bytes: `roleKey` reads scalars, so two canonically equal phrases
    /// written with different scalars may have different keys, and must not share a slot as `String` keys would.
    struct Bytes: Hashable {
        var s: String
        init(_ s: String) { self.s = s }
        static func == (a: Bytes, b: Bytes) -> Bool {
            let x = a.s.utf8, y = b.s.utf8
            guard x.count == y.count else { return false }
            if let r = x.withContiguousStorageIfAvailable({ p in y.withContiguousStorageIfAvailable { q in
                p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 } }), let r {
                return r
            }
            return x.elementsEqual(y)
        }
        func hash(into h: inout Hasher) {
            var s = s
            s.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}

/// Whether two role phrases name one office (`EventMerging.sameRole`), remembered per pair of phrases (by their bytes,
/// as `RoleKeys`): a pair recurs across the reports of an event, and its answer (two keys split into words, sets of
/// them and of the heads' forms) cost some ten thousand instructions each time.
final class SameRoles: @unchecked Sendable {
    static let shared = SameRoles()
    private var answers: [Pair: Bool] = [:]
    private let lock = NSLock()

    struct Pair: Hashable { let a: RoleKeys.Bytes, b: RoleKeys.Bytes }

    func same(_ a: String, _ b: String) -> Bool {
        let pair = Pair(a: RoleKeys.Bytes(a), b: RoleKeys.Bytes(b))
        lock.lock()
        if let s = answers[pair] { lock.unlock(); return s }
        lock.unlock()
        let s = EventMerging.computeSameRole(a, b)
        lock.lock()
        if answers.count >= 100_000 { answers.removeAll(keepingCapacity: true) }
        answers[pair] = s
        lock.unlock()
        return s
    }
}
