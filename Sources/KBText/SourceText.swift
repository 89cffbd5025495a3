import Foundation
import KBResources

/// A decoded input: NFC text (BOM removed; CR kept as is), with the scalar array for offset arithmetic.
///
/// Every offset in KBText (sentences, tokens, dropped spans) is an index into ``scalars``.
public struct SourceText: Sendable {
    public let documentID: String
    public let path: String
    /// The text, NFC-normalised, without a leading byte order mark.
    public let text: String
    /// `text.unicodeScalars` as an array; offsets everywhere are indices into this.
    public let scalars: [Unicode.Scalar]
    /// The sentences ``Cleaner/sentences(of:)`` gives for this text, when ``InputReader/load(_:documentID:)``
    /// already computed them (it cleans every input to reject boilerplate-only pages): extraction reuses them
    /// instead of cleaning the same text twice. Cleaning is deterministic, so they are the same sentences.
    var precleaned: [Sentence]? = nil
    /// Where this text starts in its document, in scalars: 0, or the start of a segment of a long document
    /// (``LongDocument``). Offsets in ``scalars`` are local; extraction adds this to what it reports.
    public internal(set) var offset: Int = 0

    /// Normalises `text` to NFC and removes a leading U+FEFF, so that a caller building a
    /// `SourceText` by hand gets the same offsets as one loaded by ``InputReader/load(_:documentID:)``.
    public init(documentID: String, path: String, text: String) {
        var t = text.precomposedStringWithCanonicalMapping
        if t.unicodeScalars.first == "\u{FEFF}" {
            t = String(t.unicodeScalars.dropFirst())
        }
        self.init(documentID: documentID, path: path, normalizedText: t)
    }

    /// For text that is already NFC without a byte order mark (as ``InputReader/decode(_:path:)`` returns).
    init(documentID: String, path: String, normalizedText: String) {
        self.documentID = documentID
        self.path = path
        self.text = normalizedText
        self.scalars = SourceText.scalarArray(normalizedText)
    }

    /// ``init(documentID:path:normalizedText:)`` with the scalars of the text's scan, when there is one (`TextScan`).
    init(documentID: String, path: String, normalizedText: String, scan: TextScan?) {
        self.documentID = documentID
        self.path = path
        self.text = normalizedText
        self.scalars = scan?.scalars ?? SourceText.scalarArray(normalizedText)
    }

    /// `Array(s.unicodeScalars)`, decoded from the UTF-8 bytes into an array of the exact size.
    static func scalarArray(_ s: String) -> [Unicode.Scalar] {
        var s = s
        return s.withUTF8 { b -> [Unicode.Scalar] in
            let n = b.count
            var count = 0
            for x in b where x & 0xC0 != 0x80 { count += 1 }
            return [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, made in
                var i = 0, k = 0
                while i < n {
                    let x = b[i]
                    let v: UInt32
                    if x < 0x80 {
                        v = UInt32(x); i += 1
                    } else if x < 0xE0 {
                        v = UInt32(x & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2
                    } else if x < 0xF0 {
                        v = UInt32(x & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3
                    } else {
                        v = UInt32(x & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                            | UInt32(b[i + 3] & 0x3F)
                        i += 4
                    }
                    out[k] = Unicode.Scalar(v)!
                    k += 1
                }
                made = k
            }
        }
    }

    /// The text of `scalars[begin..<end]` with "\n", "\r" and "\t" shown as spaces (same length): a mention's
    /// text. (Encoded straight to UTF-8: building it through `String.UnicodeScalarView` cost several thousand
    /// instructions a mention.)
    public func spacedSlice(_ begin: Int, _ end: Int) -> String {
        ScalarClass.string(scalars[begin..<end].lazy.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }

    /// The text between two scalar offsets (clamped to the text), `begin` included, `end` excluded.
    public func slice(_ begin: Int, _ end: Int) -> String {
        let b = max(0, min(begin, scalars.count))
        let e = max(b, min(end, scalars.count))
        return ScalarClass.string(scalars[b..<e])
    }
}

/// Why an input was skipped. `description` names the file and the reason, with a byte offset where it applies.
public enum InputError: Error, CustomStringConvertible, Hashable, Sendable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case invalidUTF8(path: String, byteOffset: Int)
    case binary(path: String, byteOffset: Int)
    case utf16(path: String)
    case onlyBoilerplate(path: String)
    case symlinkLoop(path: String)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .notFound(let p), .unreadable(let p, _), .empty(let p), .invalidUTF8(let p, _),
             .binary(let p, _), .utf16(let p), .onlyBoilerplate(let p), .symlinkLoop(let p):
            return p
        }
    }

    public var description: String {
        switch self {
        case .notFound(let p):
            return "\(p): no such file or directory"
        case .unreadable(let p, let reason):
            return "\(p): cannot read: \(reason)"
        case .empty(let p):
            return "\(p): empty input (no text, or only whitespace)"
        case .invalidUTF8(let p, let offset):
            return "\(p): not valid UTF-8: bad byte sequence at byte offset \(offset)"
        case .binary(let p, let offset):
            return "\(p): looks binary: NUL byte at byte offset \(offset)"
        case .utf16(let p):
            return "\(p): UTF-16 text (byte order mark at byte offset 0); only UTF-8 is read: "
                + "convert it, e.g. iconv -f UTF-16 -t UTF-8"
        case .onlyBoilerplate(let p):
            return "\(p): no article text left after removing boilerplate (navigation, notices, ads)"
        case .symlinkLoop(let p):
            return "\(p): symbolic link loop"
        }
    }
}

/// One input to read: a file, standard input, or a resource embedded in the binary (the bundled seeds).
public struct InputFile: Sendable, Hashable {
    /// The path to open; `"-"` for standard input; the resource name for an embedded resource.
    public let path: String
    /// The name to show in messages and provenance: the path as found, `"<stdin>"` for standard input.
    public let displayPath: String
    /// True when `path` names a resource embedded in the binary (`EmbeddedResources`), not a file.
    public let isEmbedded: Bool

    public init(path: String, displayPath: String? = nil) {
        self.path = path
        self.displayPath = displayPath ?? (path == "-" ? "<stdin>" : path)
        isEmbedded = false
    }

    /// An embedded resource such as `seeds/000_….txt`: read from the binary, shown and identified by that name
    /// (so the output is the same as for the file `seeds/000_….txt` read from the project folder).
    public init(embedded name: String) {
        path = name
        displayPath = name
        isEmbedded = true
    }

    /// The embedded seed articles (`seeds/*.txt` of the project, compiled into the binary), in name order.
    public static var embeddedSeeds: [InputFile] {
        EmbeddedResources.names(under: "seeds/").filter { $0.lowercased().hasSuffix(".txt") }.map { InputFile(embedded: $0) }
    }

    /// Standard input.
    public static let stdin = InputFile(path: "-", displayPath: "<stdin>")

    public var isStandardInput: Bool { path == "-" }
}

/// Optional facts about a document from its `NAME.meta.json` sidecar.
public struct DocumentMetadata: Sendable, Equatable {
    public var url: String?
    public var outlet: String?
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (checked when read).
    public var published: String?
    public var title: String?

    public init(url: String? = nil, outlet: String? = nil, published: String? = nil, title: String? = nil) {
        self.url = url
        self.outlet = outlet
        self.published = published
        self.title = title
    }
}
