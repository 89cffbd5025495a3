// Byte sinks that XMLStreamWriter streams into: memory, a file descriptor, or a file replaced atomically.

/// A destination for the bytes libxml2 produces.
///
/// `XMLStreamWriter` calls `write(_:)` from inside libxml2's output callback; an error thrown there stops libxml2
/// and is rethrown from the writer call that caused the write.
public protocol OutputSink: AnyObject {
    /// Takes (or buffers) `bytes`; the buffer is only valid during the call.
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Pushes any buffered bytes to the destination.
    func flush() throws
}

/// Collects the output in memory, for tests and small documents.
public final class MemorySink: OutputSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// The bytes decoded as UTF-8 (invalid sequences become U+FFFD).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }

    public func flush() throws {}
}
