// KBRDF: RDF in. Readers for N-Triples (NTriplesReader.swift) and RDF/XML (RDFXMLReader.swift, through
// KBXML.XMLReader), IRI reference resolution (IRIResolver.swift), and the conversions of read RDF to every
// output format (RDFConversion.swift; GraphML mapping in RDFGraphMLWriter.swift, documented in
// docs/rdf-to-graphml.md).
//
// The triple model (RDFTerm: IRI, blank node, literal with datatype or language; RDFTriple;
// RDFDescription) is defined in KBWriters/RDFTerms.swift, because the RDF writers need it and KBWriters
// cannot depend on this module; the readers produce exactly those values, so read RDF is written by the
// same syntax layers as the extracted knowledge graph.

import KBWriters

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The RDF syntaxes kbexport reads (`--from`).
public enum RDFInputSyntax: String, CaseIterable, Sendable {
    case ntriples
    case rdfxml

    public var name: String { self == .ntriples ? "N-Triples" : "RDF/XML" }
}

/// An error in an RDF document, with the place it was found.
public struct RDFReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The document's name (a path, `-`, or a label).
    public var name: String
    /// 1-based line, 0 when unknown (e.g. the file cannot be opened).
    public var line: Int
    /// 1-based column in Unicode scalars, 0 when unknown.
    public var column: Int
    public var message: String

    public init(name: String, line: Int, column: Int = 0, message: String) {
        self.name = name; self.line = line; self.column = column; self.message = message
    }

    /// `data.nt: line 3, column 12: message`
    public var description: String {
        if line == 0 { return "\(name): \(message)" }
        return "\(name): line \(line)" + (column > 0 ? ", column \(column)" : "") + ": \(message)"
    }
}

/// Reads RDF files.
public enum RDFReader {
    /// Reads a document.
    /// - Parameters:
    ///   - syntax: N-Triples or RDF/XML.
    ///   - base: the base IRI for relative references in RDF/XML (N-Triples has none); nil refuses them.
    ///   - name: the name used in error messages.
    /// - Returns: the triples in document order (duplicates kept).
    /// - Throws: `RDFReadError` naming the line.
    public static func read(bytes: [UInt8], syntax: RDFInputSyntax, base: String? = nil, name: String) throws -> [RDFTriple] {
        switch syntax {
        case .ntriples: return try NTriplesReader.read(bytes: bytes, name: name)
        case .rdfxml: return try RDFXMLReader.read(bytes: bytes, base: base, name: name)
        }
    }

    /// Reads a file; see `read(bytes:syntax:base:name:)`.
    public static func read(path: String, syntax: RDFInputSyntax, base: String? = nil) throws -> [RDFTriple] {
        switch syntax {
        case .ntriples: return try NTriplesReader.read(path: path)
        case .rdfxml: return try RDFXMLReader.read(path: path, base: base)
        }
    }
}

/// An N-Triples file as a `RangedTripleSource`: each pass reads the file again, in blocks; positions are byte
/// offsets, and a range is read back with `pread`. Standard input, which cannot be read twice, is kept in memory
/// as bytes.
public final class NTriplesFile: RangedTripleSource {
    public let path: String
    private let bytes: [UInt8]?
    private var fd: Int32 = -1
    private var buffer = [UInt8]()

    /// - Throws: `RDFReadError` when standard input cannot be read.
    public init(path: String) throws {
        self.path = path
        bytes = path == "-" ? try FileBytes.read(path) : nil
    }

    deinit { if fd >= 0 { _ = close(fd) } }

    public func forEachTriple(_ body: (RDFTriple) throws -> Void) throws {
        try forEachTriple(positions: { t, _, _ in try body(t) })
    }

    public func forEachTriple(positions body: (RDFTriple, Int, Int) throws -> Void) throws {
        if let bytes { try NTriplesReader.parse(bytes: bytes, name: path, positions: body) }
        else { try NTriplesReader.parse(path: path, positions: body) }
    }

    /// Calls `body` with the file in blocks of whole lines (the last block holds what follows the last line feed),
    /// in order, with the file offset of each; `first` is true for the block at the start of the file. Memory does not grow with the file
    /// (a block grows only for a line longer than 4 MiB). Standard input, already in memory, is one block.
    func forEachBlock(_ body: (_ block: UnsafeBufferPointer<UInt8>, _ offset: Int, _ first: Bool) throws -> Void) throws {
        if let bytes {
            try bytes.withUnsafeBufferPointer { try body($0, 0, true) }
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RDFReadError(name: path, line: 0, message: String(cString: strerror(errno))) }
        defer { _ = close(fd) }
        try LineBlocks.forEach(fd: fd, name: path, body)
    }

    public func forEachTriple(from start: Int, to end: Int, _ body: (RDFTriple) throws -> Void) throws {
        if let bytes {
            try NTriplesReader.parse(bytes: Array(bytes[start..<end]), name: path, firstLine: 0) { t, _, _ in try body(t) }
            return
        }
        if fd < 0 {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw RDFReadError(name: path, line: 0, message: String(cString: strerror(errno))) }
        }
        let count = end - start
        if buffer.count < count { buffer = [UInt8](repeating: 0, count: max(count, 64 * 1024)) }
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(start + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw RDFReadError(name: path, line: 0, message: n < 0 ? String(cString: strerror(errno)) : "the file changed while it was read")
            }
            done += n
        }
        try NTriplesReader.parse(bytes: Array(buffer[0..<count]), name: path, firstLine: 0) { t, _, _ in try body(t) }
    }
}
