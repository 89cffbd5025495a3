import Foundation
import KBResources

/// Finds, reads and decodes the input files.
public enum InputReader {
    /// Expands paths into the inputs to read.
    ///
    /// - A file is taken as given, whatever its extension.
    /// - A directory is searched recursively for `*.txt` files (any case of the extension); names
    ///   starting with "." are skipped. The files found under one directory argument are sorted by
    ///   path (byte order of the UTF-8 path). Symbolic links are followed; a link that leads back to
    ///   a directory being searched, or a link that loops on itself, is reported as
    ///   ``InputError/symlinkLoop(path:)``; an entry that cannot be read or listed is reported.
    /// - `"-"` stands for standard input.
    /// - A missing path is reported as ``InputError/notFound(path:)``.
    ///
    /// The same file reached twice (given twice, or through a link) is read once.
    public static func collect(_ paths: [String]) -> (files: [InputFile], errors: [InputError]) {
        var files: [InputFile] = []
        var errors: [InputError] = []
        var seen = Set<FileSystem.FileID>()
        var stdinTaken = false

        for path in paths {
            if path == "-" {
                if !stdinTaken { files.append(.stdin) }
                stdinTaken = true
                continue
            }
            switch FileSystem.status(path) {
            case .missing:
                errors.append(.notFound(path: path))
            case .loop:
                errors.append(.symlinkLoop(path: path))
            case .failed(let reason), .other(let reason):
                errors.append(.unreadable(path: path, reason: reason))
            case .file(let id):
                if let problem = FileSystem.readProblem(path) {
                    errors.append(.unreadable(path: path, reason: problem))
                } else if seen.insert(id).inserted {
                    files.append(InputFile(path: path))
                }
            case .directory(let id):
                var found: [(path: String, id: FileSystem.FileID)] = []
                walk(path, ancestors: [id], found: &found, errors: &errors)
                found.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
                for entry in found where seen.insert(entry.id).inserted {
                    files.append(InputFile(path: entry.path))
                }
            }
        }
        return (files, errors)
    }

    private static func walk(_ directory: String, ancestors: Set<FileSystem.FileID>,
                             found: inout [(path: String, id: FileSystem.FileID)], errors: inout [InputError]) {
        let names: [String]
        switch FileSystem.entries(of: directory) {
        case .success(let list): names = list
        case .failure(let failure):
            errors.append(.unreadable(path: directory, reason: "cannot list directory: \(failure.reason)"))
            return
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
            let path = prefix + name
            let isText = name.lowercased().hasSuffix(".txt")
            switch FileSystem.status(path) {
            case .missing:
                // A dangling link: worth a word only when it looks like an input.
                if isText { errors.append(.notFound(path: path)) }
            case .loop:
                errors.append(.symlinkLoop(path: path))
            case .failed(let reason):
                errors.append(.unreadable(path: path, reason: reason))
            case .other(let reason):
                if isText { errors.append(.unreadable(path: path, reason: reason)) }
            case .directory(let id):
                if ancestors.contains(id) {
                    errors.append(.symlinkLoop(path: path))
                } else {
                    walk(path, ancestors: ancestors.union([id]), found: &found, errors: &errors)
                }
            case .file(let id):
                guard isText else { continue }
                if let problem = FileSystem.readProblem(path) {
                    errors.append(.unreadable(path: path, reason: problem))
                } else {
                    found.append((path, id))
                }
            }
        }
    }

    /// Reads and decodes one input strictly as UTF-8 and returns it NFC-normalised.
    ///
    /// A UTF-8 byte order mark is removed. A UTF-16 byte order mark gives ``InputError/utf16(path:)``,
    /// a NUL byte ``InputError/binary(path:byteOffset:)`` (offset of the first NUL), invalid UTF-8
    /// ``InputError/invalidUTF8(path:byteOffset:)`` (offset of the first bad sequence), and an empty or
    /// whitespace-only input ``InputError/empty(path:)``, and a text with nothing but page boilerplate (menus,
    /// notices, share bars; see ``Cleaner/articleSentences(of:)``) ``InputError/onlyBoilerplate(path:)``.
    /// Errors name `file.displayPath`.
    public static func load(_ file: InputFile, documentID: String) throws -> SourceText {
        let bytes = try readBytes(file)
        let (text, scan) = try decodeScanned(bytes, path: file.displayPath)
        var source = SourceText(documentID: documentID, path: file.displayPath, normalizedText: text, scan: scan)
        // A scraped page whose article is missing ("page not available", only menus) is skipped and named, not
        // exported as an empty document. The sentences are kept with the text: extraction starts from them.
        source.precleaned = try Cleaner.articleSentences(of: source, scan: scan)
        return source
    }

    /// The bytes of one input (standard input, a resource built into the binary, or a file).
    static func readBytes(_ file: InputFile) throws -> [UInt8] {
        if file.isStandardInput {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else if file.isEmbedded {
            guard let data = EmbeddedResources.data(named: file.path) else { throw InputError.notFound(path: file.displayPath) }
            return [UInt8](data)
        }
        switch FileSystem.readAll(file.path) {
        case .success(let data): return data
        case .failure(let failure):
            if failure.isMissing { throw InputError.notFound(path: file.displayPath) }
            if failure.isLoop { throw InputError.symlinkLoop(path: file.displayPath) }
            throw InputError.unreadable(path: file.displayPath, reason: failure.reason)
        }
    }

    /// The decoding step of ``load(_:documentID:)`` on bytes already read; `path` is used in errors.
    public static func decode(_ bytes: [UInt8], path: String) throws -> String {
        let text = try decodeValid(bytes, path: path)
        // most pages are NFC already (checked without Foundation's round trip, which is slow)
        return isPlainNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// ``decode(_:path:)`` with the text's scan (`TextScan`) when it is plain NFC (then the text is the decoded one).
    static func decodeScanned(_ bytes: [UInt8], path: String) throws -> (text: String, scan: TextScan?) {
        let text = try decodeValid(bytes, path: path)
        if let scan = TextScan(text) { return (text, scan) }
        return (text.precomposedStringWithCanonicalMapping, nil)
    }

    /// The checks and the UTF-8 decoding of ``decode(_:path:)``, before NFC.
    private static func decodeValid(_ bytes: [UInt8], path: String) throws -> String {
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            throw InputError.utf16(path: path)
        }
        // (the first NUL found by `memchr`, not byte by byte)
        if let nul = bytes.withUnsafeBufferPointer({ b -> Int? in
            guard let base = b.baseAddress, let hit = memchr(base, 0, b.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }) {
            throw InputError.binary(path: path, byteOffset: nul)
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // (the standard library's check first, the one that builds the string; ours, which says where, only on a failure)
        let text: String
        if let valid = String(validating: bytes[start...], as: UTF8.self) {
            text = valid
        } else if let bad = UTF8Check.firstInvalidOffset(bytes, from: start) {
            throw InputError.invalidUTF8(path: path, byteOffset: bad)
        } else {
            text = String(decoding: bytes[start...], as: UTF8.self)
        }
        if text.unicodeScalars.allSatisfy(ScalarClass.isSpaceLike) {
            throw InputError.empty(path: path)
        }
        return text
    }

    /// True when every scalar of `s` is one that NFC leaves as it is in any context (NFC quick check "Yes"
    /// and combining class 0): ASCII, Latin-1, the Arabic block without its combining marks, and general
    /// punctuation after U+2001 (U+2000 and U+2001 decompose); or one of the harakat U+064B–U+0652 (quick check
    /// "Yes", combining classes 27–34 in code point order, composing with nothing) in a run of them in code point
    /// order (canonical order: NFC would reorder them otherwise). Such a string is its own NFC form. False
    /// means "not known": the caller normalises.
    static func isPlainNFC(_ s: String) -> Bool {
        // on the UTF-8 bytes (a valid string): the scalar is decoded only for the 2-byte Arabic block and the 3-byte
        // punctuation block; every other lead byte above Latin-1 is a scalar outside the accepted ranges
        var s = s
        return s.withUTF8 { b -> Bool in
            let n = b.count
            var lastMark: UInt32 = 0   // the scalar before when it is one of the harakat, else 0
            var i = 0
            while i < n {
                let x = b[i]
                if x < 0x80 { lastMark = 0; i += 1; continue }
                switch x {
                case 0xC2, 0xC3:   // U+0080–U+00FF
                    lastMark = 0; i += 2
                case 0xD8...0xDB:  // U+0600–U+06FF
                    let v = UInt32(x & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                    i += 2
                    // (a scalar of the block that is no mark: the cases below all are)
                    if !ScalarClass.isArabicBlockMark(v) { lastMark = 0; continue }
                    switch v {
                    case 0x064B...0x0652:
                        if v < lastMark { return false }
                        lastMark = v
                        continue
                    case 0x0610...0x061A, 0x0653...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8,
                         0x06EA...0x06ED:
                        return false
                    default: lastMark = 0
                    }
                case 0xE2:         // U+2000–U+2FFF: only U+2002–U+205E
                    let v = 0x2000 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    guard (0x2002...0x205E).contains(v) else { return false }
                    lastMark = 0; i += 3
                default: return false
                }
            }
            return true
        }
    }

    /// ``isPlainNFC(_:)`` scalar by scalar (the definition the byte version follows; kept for its test).
    static func isPlainNFCByScalars(_ s: String) -> Bool {
        var lastMark: UInt32 = 0
        for c in s.unicodeScalars {
            let v = c.value
            switch v {
            case 0x064B...0x0652:
                if v < lastMark { return false }
                lastMark = v
                continue
            case 0...0xFF: break
            case 0x0610...0x061A, 0x0653...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8, 0x06EA...0x06ED:
                return false
            case 0x0600...0x06FF: break
            case 0x2002...0x205E: break
            default: return false
            }
            lastMark = 0
        }
        return true
    }

    /// The sidecar of `NAME.txt`: `NAME.meta.json` in the same directory (for another extension,
    /// the extension is replaced the same way).
    public static func metadataPath(for file: InputFile) -> String? {
        guard !file.isStandardInput else { return nil }
        if let fast = plainMetadataPath(file.path) { return fast }
        return foundationMetadataPath(file.path)
    }

    /// ``metadataPath(for:)`` through `URL` and `NSString` (every path).
    static func foundationMetadataPath(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let base = url.pathExtension.isEmpty ? url : url.deletingPathExtension()
        let name = base.lastPathComponent + ".meta.json"
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? name : (dir as NSString).appendingPathComponent(name)
    }

    /// ``metadataPath(for:)`` on the bytes of a plain path, the same string as through `URL` and `NSString`
    /// (which cost more than reading the sidecar): `DIR/STEM.EXT` or `DIR/STEM`, where DIR is empty, `/` or
    /// components of letters, digits, `_`, `-` and `.` (none `.` or `..`) joined by single slashes, STEM
    /// letters, digits, `_` and `-`, EXT letters and digits. Nil for any other path (the caller uses Foundation).
    static func plainMetadataPath(_ path: String) -> String? {
        var path = path
        return path.withUTF8 { b -> String? in
            let n = b.count
            guard n > 0, n < 4096 else { return nil }
            @inline(__always) func word(_ c: UInt8) -> Bool {
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D
            }
            // the last component
            var slash = -1
            for k in stride(from: n - 1, through: 0, by: -1) where b[k] == 0x2F { slash = k; break }
            let nameStart = slash + 1
            guard nameStart < n else { return nil }
            var dot = -1
            for k in nameStart..<n {
                let c = b[k]
                if c == 0x2E { guard dot < 0 else { return nil }; dot = k; continue }
                guard word(c) else { return nil }
            }
            if dot >= 0 { guard dot > nameStart, dot < n - 1 else { return nil } }
            for k in (dot < 0 ? n : dot + 1)..<n where b[k] == 0x5F || b[k] == 0x2D { return nil }
            // the directory: `/` alone, or components of word characters and dots, not `.` or `..`
            if slash > 0 {
                var compStart = 0
                for k in 0...slash {
                    let c = k < slash ? b[k] : 0x2F
                    if c == 0x2F {
                        let len = k - compStart
                        if len == 0 { guard k == 0 else { return nil } }
                        else if len <= 2, b[compStart] == 0x2E, len == 1 || b[compStart + 1] == 0x2E { return nil }
                        compStart = k + 1
                    } else if !(word(c) || c == 0x2E) { return nil }
                }
            }
            let stemEnd = dot < 0 ? n : dot
            var out = [UInt8]()
            out.reserveCapacity(n + 11)
            if slash >= 0 { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[0...slash])) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[nameStart..<stemEnd]))
            out.append(contentsOf: ".meta.json".utf8)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Optional metadata sidecar next to `NAME.txt`: `NAME.meta.json`, a JSON object with optional
    /// string keys "url", "outlet", "published" (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) and "title";
    /// other keys are ignored, null counts as absent, and blank strings as absent.
    ///
    /// - Returns: nil when there is no sidecar (or the input is standard input).
    /// - Throws: ``InputError/unreadable(path:reason:)`` naming the sidecar when it is present but
    ///   cannot be read, is not valid JSON, is not an object, has a non-string value, or has a bad date.
    public static func metadata(for file: InputFile) throws -> DocumentMetadata? {
        guard let path = metadataPath(for: file) else { return nil }
        let bytes: [UInt8]
        if file.isEmbedded {
            guard let data = EmbeddedResources.data(named: path) else { return nil }
            bytes = [UInt8](data)
        } else {
            switch FileSystem.readAll(path) {
            case .success(let data): bytes = data
            case .failure(let failure):
                if failure.isMissing { return nil }
                throw InputError.unreadable(path: path, reason: failure.reason)
            }
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw InputError.unreadable(path: path, reason: "metadata is not valid JSON")
        }
        guard let dict = object as? [String: Any] else {
            throw InputError.unreadable(path: path, reason: "metadata must be a JSON object")
        }
        func field(_ key: String) throws -> String? {
            guard let value = dict[key], !(value is NSNull) else { return nil }
            guard let string = value as? String else {
                throw InputError.unreadable(path: path, reason: "metadata key \"\(key)\" must be a string")
            }
            let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        let meta = DocumentMetadata(url: try field("url"), outlet: try field("outlet"),
                                    published: try field("published"), title: try field("title"))
        if let date = meta.published, !isPartialDate(date) {
            throw InputError.unreadable(
                path: path,
                reason: "metadata \"published\" is \"\(date)\", not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        }
        return meta
    }

    /// Whether `s` is a valid `YYYY-MM-DD`, `YYYY-MM` or `YYYY` date.
    public static func isPartialDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count) else { return false }
        var numbers: [Int] = []
        for (i, part) in parts.enumerated() {
            guard part.count == widths[i], part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let n = Int(part) else { return false }
            numbers.append(n)
        }
        if numbers.count >= 2 && !(1...12).contains(numbers[1]) { return false }
        if numbers.count == 3 {
            let year = numbers[0], month = numbers[1]
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            if !(1...days).contains(numbers[2]) { return false }
        }
        return true
    }
}

/// Strict UTF-8 validation that says where the first bad sequence starts.
enum UTF8Check {
    static func firstInvalidOffset(_ bytes: [UInt8], from start: Int = 0) -> Int? {
        var i = start
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let need: Int
            var value: UInt32
            let minimum: UInt32
            switch lead {
            case 0xC2...0xDF: need = 1; value = UInt32(lead & 0x1F); minimum = 0x80
            case 0xE0...0xEF: need = 2; value = UInt32(lead & 0x0F); minimum = 0x800
            case 0xF0...0xF4: need = 3; value = UInt32(lead & 0x07); minimum = 0x10000
            default: return i
            }
            guard i + need < n else { return i }
            for k in 1...need {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                value = value << 6 | UInt32(c & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i }
            i += need + 1
        }
        return nil
    }
}
