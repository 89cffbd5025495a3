// The records of one sorted run of a spill file decoded ahead of the merge that takes them (`SortedFacts`,
// `SortedSpill`): while the caller (the main thread, the serial end of a run) takes the elements of one batch, the
// next batch is decoded on other threads. Decoding is a function of a record's bytes alone, so the elements, and
// their order, are those of decoding each record as it is reached; an error (a record that ends early, a bad field,
// a failed read) is thrown when the record that caused it is reached, as before.

import Foundation

/// A run's records, read in file order and decoded a batch ahead (`next`).
final class DecodingRunReader<E> {
    /// Decodes one record: its offset in the file and its bytes.
    typealias Decode = @Sendable (Int, [UInt8]) throws -> E

    private var reader: SpillFile.Reader
    private let decode: Decode
    /// The record bytes read for one batch (at least one record).
    private let batchBytes: Int
    private var current: [E?] = []
    private var index = 0
    /// The error met after the elements of `current` (thrown once they are taken).
    private var failure: Error?
    /// The next batch, being decoded.
    private var pending: DecodingBatch<E>?
    private var ended = false

    init(file: SpillFile, range: Range<Int>, batchBytes: Int, decode: @escaping Decode) {
        reader = file.records(range)
        self.decode = decode
        self.batchBytes = max(1, batchBytes)
        pending = start()
    }

    /// The record bytes a batch of each of `runs` runs may hold: 256 KiB, less when there are many runs (two batches
    /// of each are in memory at once: 4 MiB of records in all), at least 16 KiB.
    static func batchBytes(runs: Int) -> Int { max(16 << 10, min(256 << 10, (2 << 20) / max(1, runs))) }

    /// Reads the next batch's records on this thread (the file is read by one thread) and starts decoding them.
    private func start() -> DecodingBatch<E>? {
        guard !ended else { return nil }
        var records: [(offset: Int, bytes: [UInt8])] = []
        var bytes = 0
        var readError: Error?
        do {
            while bytes < batchBytes {
                guard let r = try reader.next() else { ended = true; break }
                bytes += r.bytes.count + 16
                records.append(r)
            }
        } catch {
            readError = error
            ended = true
        }
        if records.isEmpty, readError == nil { return nil }
        return DecodingBatch(records, readError: readError, decode: decode)
    }

    /// The next element of the run, nil at its end.
    func next() throws -> E? {
        while index == current.count {
            if let e = failure { failure = nil; current = []; index = 0; throw e }
            guard let batch = pending else { return nil }
            let (elements, error) = batch.wait()
            current = elements; index = 0; failure = error
            pending = error == nil ? start() : nil
        }
        defer { index += 1 }
        return current[index].take()
    }
}

/// One batch of records decoded on other threads from the moment it is made (in chunks on every core); `wait`
/// gives the elements decoded before the first error, and that error.
final class DecodingBatch<E>: @unchecked Sendable {
    // written by the decoding before `done` is left, read after `wait`
    private var elements: [E?] = []
    private var error: Error?
    private let done = DispatchGroup()

    init(_ records: [(offset: Int, bytes: [UInt8])], readError: Error?, decode: @escaping @Sendable (Int, [UInt8]) throws -> E) {
        done.enter()
        DispatchQueue.global().async { [self] in
            let chunk = 16
            let n = records.count, chunks = (n + chunk - 1) / chunk
            var parts = [(elements: [E?], error: Error?)](repeating: ([], nil), count: chunks)
            parts.withUnsafeMutableBufferPointer { buffer in
                let slots = SendableBuffer(buffer)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    var out: [E?] = []
                    out.reserveCapacity(chunk)
                    for k in (c * chunk)..<min(n, (c + 1) * chunk) {
                        do { out.append(try decode(records[k].offset, records[k].bytes)) } catch {
                            slots.base[c] = (out, error)
                            return
                        }
                    }
                    slots.base[c] = (out, nil)
                }
            }
            var all: [E?] = []
            all.reserveCapacity(n)
            var failed: Error? = nil
            for c in parts.indices {
                all += parts[c].elements
                if let e = parts[c].error { failed = e; break }
            }
            elements = all
            error = failed ?? readError
            done.leave()
        }
    }

    func wait() -> ([E?], Error?) {
        done.wait()
        defer { elements = [] }
        return (elements, error)
    }
}
