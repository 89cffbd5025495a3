import Foundation
import KBResources

/// A document too long to clean and extract in one piece (a dump of many pages, a book, a file with no line
/// breaks): its text is cut into segments of whole sentences, each read as a ``SourceText`` of its own whose
/// ``SourceText/offset`` places it in the document. Memory then holds the decoded text and the segments being
/// worked on, not every sentence and token of the document at once, and segments can be extracted in parallel.
///
/// What spans a cut is lost: a sentence is never cut, but the document-level steps (linking a surname to the full
/// name, the subject carried from one sentence to the next) see one segment at a time.
public struct LongDocument: Sendable {
    public let documentID: String
    public let path: String
    public let text: String
    /// Scalar ranges of the segments, in order, covering the text.
    public let segments: [Range<String.UnicodeScalarView.Index>]
    /// Scalar offset of each segment's start.
    public let offsets: [Int]
    /// The document's length in scalars.
    public let length: Int

    /// Documents longer than this many scalars are read in segments by ``InputReader/loadLong(_:documentID:)``.
    public static let threshold = 400_000
    /// About how many scalars one segment holds.
    public static let segmentScalars = 100_000

    /// Cuts `text` (NFC, without byte order mark) into segments of about `segmentScalars` scalars, each ending
    /// after a line break or a sentence end followed by a space; a text with neither within a further
    /// `segmentScalars` is cut at a space, and at worst anywhere.
    public init(documentID: String, path: String, text: String, segmentScalars: Int = LongDocument.segmentScalars) {
        self.documentID = documentID; self.path = path; self.text = text
        let view = text.unicodeScalars
        var segments: [Range<String.UnicodeScalarView.Index>] = []
        var offsets: [Int] = []
        var start = view.startIndex, startOffset = 0, i = view.startIndex, n = 0
        var lastSpace: (String.UnicodeScalarView.Index, Int)? = nil
        var prev: Unicode.Scalar = " "
        while i < view.endIndex {
            let c = view[i]
            let next = view.index(after: i)
            n += 1
            let size = n - startOffset
            if size >= segmentScalars {
                let sentenceEnd = c == "\n" || (ScalarClass.isSpaceLike(c) && ".!?؟…".unicodeScalars.contains(prev))
                if ScalarClass.isSpaceLike(c) { lastSpace = (next, n) }
                var cut: (String.UnicodeScalarView.Index, Int)? = sentenceEnd ? (next, n) : nil
                if cut == nil, size >= 2 * segmentScalars { cut = lastSpace ?? (next, n) }
                if let (at, off) = cut, at < view.endIndex {
                    segments.append(start..<at); offsets.append(startOffset)
                    start = at; startOffset = off; lastSpace = nil
                }
            }
            prev = c
            i = next
        }
        segments.append(start..<view.endIndex); offsets.append(startOffset)
        self.segments = segments; self.offsets = offsets; self.length = n
    }

    /// Segment `k` as a text of its own (offsets local, ``SourceText/offset`` its place in the document). A
    /// segment with nothing but page boilerplate has no sentences.
    public func segment(_ k: Int) -> SourceText {
        var s = SourceText(documentID: documentID, path: path, normalizedText: String(text.unicodeScalars[segments[k]]))
        s.offset = offsets[k]
        s.precleaned = Cleaner.clean(s).sentences
        return s
    }
}

extension InputReader {
    /// Reads one input like ``load(_:documentID:)``; a text longer than ``LongDocument/threshold`` scalars is
    /// returned as a ``LongDocument`` to be read segment by segment (and is refused as boilerplate only when
    /// no segment has an article sentence, which the caller finds out).
    public static func loadLong(_ file: InputFile, documentID: String, threshold: Int = LongDocument.threshold,
                                segmentScalars: Int = LongDocument.segmentScalars) throws -> Either<SourceText, LongDocument> {
        let bytes = try readBytes(file)
        // the scalar count is at least a third of the byte count: a short text needs no count (and is scanned once
        // for its scalars, lines and letters: `TextScan`)
        if bytes.count <= threshold {
            let (text, scan) = try decodeScanned(bytes, path: file.displayPath)
            var source = SourceText(documentID: documentID, path: file.displayPath, normalizedText: text, scan: scan)
            source.precleaned = try Cleaner.articleSentences(of: source, scan: scan)
            return .left(source)
        }
        let text = try decode(bytes, path: file.displayPath)
        if text.unicodeScalars.count <= threshold {
            var source = SourceText(documentID: documentID, path: file.displayPath, normalizedText: text)
            source.precleaned = try Cleaner.articleSentences(of: source)
            return .left(source)
        }
        return .right(LongDocument(documentID: documentID, path: file.displayPath, text: text, segmentScalars: segmentScalars))
    }
}

/// One of two things.
public enum Either<Left, Right> {
    case left(Left), right(Right)
}
extension Either: Sendable where Left: Sendable, Right: Sendable {}
