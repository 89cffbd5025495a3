// Stable, ASCII, NMTOKEN-safe identifiers. The same input always gives the same id,
// so exports can be diffed and compared with golden files.

public enum StableID {
    /// 64-bit FNV-1a over the UTF-8 bytes: stable across runs and platforms (unlike `Hasher`).
    public static func fnv1a(_ s: String) -> UInt64 {
        // on the bytes in place where the string has them (iterating `utf8` costs tens of instructions a byte)
        if let h = s.utf8.withContiguousStorageIfAvailable(fnv1a(bytes:)) { return h }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// ``fnv1a(_:)`` of UTF-8 bytes.
    static func fnv1a(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// 16 lowercase hex digits of `fnv1a(s)`.
    public static func hex(_ s: String) -> String {
        let v = String(fnv1a(s), radix: 16)
        return String(repeating: "0", count: 16 - v.count) + v
    }

    /// Keeps `[A-Za-z0-9_.-]`, turns runs of anything else into one `-`, trims `-`.
    public static func slug(_ s: String) -> String {
        var out = ""
        var lastDash = false
        for u in s.unicodeScalars {
            let ok = (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") || u == "_" || u == "."
            if ok { out.unicodeScalars.append(u); lastDash = false }
            else if !lastDash { out.append("-"); lastDash = true }
        }
        while out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// The document id for an input path: `doc-` + slug of the file name without its extension,
    /// or a hash when the name has no ASCII letters (e.g. an Arabic file name). `-` (stdin) is `doc-stdin`.
    public static func document(path: String) -> String {
        if path == "-" { return "doc-stdin" }
        if let id = plainDocument(path: path) { return id }
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        let s = slug(name)
        return s.isEmpty ? "doc-" + String(hex(name).prefix(12)) : "doc-" + s
    }

    /// ``document(path:)`` on the bytes of an ASCII path without CR (each `Character` of it one byte) whose name has a
    /// letter, digit, `_` or `.` left in its slug; nil for any other path (the caller takes the `Character` way).
    static func plainDocument(path: String) -> String? {
        var path = path
        return path.withUTF8 { b -> String? in
            for x in b where x >= 0x80 || x == 0x0D { return nil }
            // the last component that is not empty (`split` leaves out empty ones)
            var end = b.count
            while end > 0 && b[end - 1] == 0x2F { end -= 1 }
            guard end > 0 else { return nil }
            var start = end
            while start > 0 && b[start - 1] != 0x2F { start -= 1 }
            // less its extension (a last dot that is not its first character)
            var stop = end
            var k = end - 1
            while k > start && b[k] != 0x2E { k -= 1 }
            if k > start { stop = k }
            // the slug: kept bytes, a run of any other byte one dash, dashes at either end dropped
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 + stop - start) { out -> String? in
                out[0] = 0x64; out[1] = 0x6F; out[2] = 0x63; out[3] = 0x2D   // "doc-"
                var n = 4
                var lastDash = true   // (a dash first is dropped)
                for k in start..<stop {
                    let u = b[k]
                    if (u >= 0x61 && u <= 0x7A) || (u >= 0x41 && u <= 0x5A) || (u >= 0x30 && u <= 0x39) || u == 0x5F || u == 0x2E {
                        out[n] = u; n += 1; lastDash = false
                    } else if !lastDash {
                        out[n] = 0x2D; n += 1; lastDash = true
                    }
                }
                if n > 4 && out[n - 1] == 0x2D { n -= 1 }
                guard n > 4 else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: out[0..<n]), as: UTF8.self)
            }
        }
    }
}
