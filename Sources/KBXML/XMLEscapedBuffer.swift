// A growable byte buffer for markup written in bulk through `XMLStreamWriter.raw(_:)`: text and attribute values
// are escaped exactly as libxml2's xmlTextWriter escapes them (2.9.x, UTF-8 output), so a document written this
// way has the bytes the element-by-element calls would give (XMLEscapedBufferTests compares the two).
//
//   text (xmlEncodeSpecialChars):            & < > " CR  ->  &amp; &lt; &gt; &quot; &#13;
//   attribute (xmlBufAttrSerializeTxtContent): & < > " LF CR TAB -> &amp; &lt; &gt; &quot; &#10; &#13; &#9;
// Every other byte is copied (UTF-8 is written as is once the document declared UTF-8). The buffer does not
// sanitize: the caller passes only XML 1.0 characters (check with `XMLText.isAllXMLChars`).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public final class XMLEscapedBuffer {
    // Unchecked: the buffer is used by one writer at a time, and a dynamic exclusivity check per byte appended
    // costed a sixth of the conversion.
    @exclusivity(unchecked) public private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) public private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    public init(capacity: Int = 1 << 17) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    public func removeAll() { count = 0 }

    /// Drops the bytes from `newCount` on.
    public func truncate(to newCount: Int) { count = min(count, newCount) }

    @inline(__always) private func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        p.update(from: base, count: count)
        base.deallocate()
        base = p
        capacity = c
    }

    @inline(__always) public func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends bytes as they are (markup).
    @inline(__always) public func append(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0 else { return }
        reserve(n)
        memcpy(base + count, bytes.baseAddress!, n)
        count += n
    }

    public func append(_ s: StaticString) {
        append(UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    public func append(_ s: String) {
        var s = s
        s.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends character data, escaped as libxml2's `xmlTextWriterWriteString` escapes text.
    public func appendText(_ bytes: UnsafeRawBufferPointer) { appendEscaped(bytes, attribute: false) }

    /// Appends an attribute value (between the quotes), escaped as libxml2's `xmlTextWriterWriteAttribute` does.
    public func appendAttribute(_ bytes: UnsafeRawBufferPointer) { appendEscaped(bytes, attribute: true) }

    public func appendText(_ s: String) {
        var s = s
        s.withUTF8 { appendText(UnsafeRawBufferPointer($0)) }
    }

    public func appendAttribute(_ s: String) {
        var s = s
        s.withUTF8 { appendAttribute(UnsafeRawBufferPointer($0)) }
    }

    private func appendEscaped(_ bytes: UnsafeRawBufferPointer, attribute: Bool) {
        let n = bytes.count
        guard n > 0 else { return }
        reserve(n)
        let src = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var runStart = 0
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasByte(_ x: UInt64, _ c: UInt64) -> Bool {
            let y = x ^ (ones &* c)
            return (y &- ones) & ~y & highs != 0
        }
        while i < n {
            // Eight bytes at a time while none is a control character or one of & < > ".
            if i + 8 <= n {
                let x = UnsafeRawPointer(src + i).loadUnaligned(as: UInt64.self)
                if (x &- ones &* 0x0E) & ~x & highs == 0, !hasByte(x, 0x26), !hasByte(x, 0x3C), !hasByte(x, 0x3E), !hasByte(x, 0x22) {
                    i += 8
                    continue
                }
            }
            let c = src[i]
            // Only & < > " and (attributes) TAB LF, (both) CR need an entity.
            if c > 0x3E {  // letters, digits above '>', UTF-8 multi-byte: the usual case
                i += 1
                continue
            }
            let entity: StaticString
            switch c {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x0D: entity = "&#13;"
            case 0x0A where attribute: entity = "&#10;"
            case 0x09 where attribute: entity = "&#9;"
            default:
                i += 1
                continue
            }
            if i > runStart { copy(src + runStart, i - runStart) }
            append(entity)
            i += 1
            runStart = i
        }
        if n > runStart { copy(src + runStart, n - runStart) }
    }

    @inline(__always) private func copy(_ p: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        memcpy(base + count, p, n)
        count += n
    }
}
