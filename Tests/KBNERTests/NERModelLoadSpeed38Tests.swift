import Foundation
@testable import KBNER
import XCTest

/// speed38: the weight rows of a model file are copied a row at a time (little-endian `Int16`s are the weights'
/// own bytes); the weights read must be those of the element-by-element reader, a later row of a bucket winning.
final class NERModelLoadSpeed38Tests: XCTestCase {
    /// The rows as the old loop read them: bucket, then one little-endian `Int16` per label, into zeroed weights.
    static func referenceWeights(_ b: [UInt8], bits: Int, rowsAt start: Int) -> [Int16] {
        let L = NERLabel.count
        func u32(_ p: Int) -> Int { Int(b[p]) | Int(b[p + 1]) << 8 | Int(b[p + 2]) << 16 | Int(b[p + 3]) << 24 }
        var w = [Int16](repeating: 0, count: (1 << bits) * L)
        var q = start + 4
        for _ in 0..<u32(start) {
            let r = u32(q); q += 4
            for l in 0..<L { w[r * L + l] = Int16(bitPattern: UInt16(b[q]) | UInt16(b[q + 1]) << 8); q += 2 }
        }
        return w
    }

    func testRowsCopiedAtOnceAreTheElementReader() throws {
        let L = NERLabel.count
        var rng: UInt64 = 38
        func next() -> Int { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Int(rng >> 33) }
        let lexicon = NERLexicon(serialized: "N\t1\tمحمد علي\nC\t2\tقال\nK\t1,2\tمصر")
        for round in 0..<8 {
            let bits = 10 + round % 3
            var weights = [Int16](repeating: 0, count: (1 << bits) * L)
            for i in weights.indices where next() % 7 == 0 {
                weights[i] = [Int16.min, Int16.max, -1, 1, 0x100, -0x100, Int16(truncatingIfNeeded: next())][next() % 7]
            }
            let transitions = (0..<((L + 1) * L)).map { _ in Float(next() % 2000 - 1000) / 7 }
            let model = NERModel(featurizer: NERFeaturizer(lexicon: lexicon, bits: bits), weights: weights,
                                 scale: 0.25, transitions: transitions)
            var bytes = model.serialized()
            let lexCount = Array(lexicon.serialized().utf8).count
            let rowsAt = 8 + 12 + 4 * (L + 1) * L + 4 + lexCount
            XCTAssertTrue(try NERModel(bytes: Data(bytes)).weights == weights, "round \(round): the weights read back")
            // a bucket given twice: the later row wins, as in the element reader
            let r = next() % (1 << bits)
            bytes += withUnsafeBytes(of: UInt32(r).littleEndian) { Array($0) }
            for l in 0..<L { bytes += withUnsafeBytes(of: UInt16(truncatingIfNeeded: next() &+ l).littleEndian) { Array($0) } }
            let rows = Int(bytes[rowsAt]) | Int(bytes[rowsAt + 1]) << 8 | Int(bytes[rowsAt + 2]) << 16 | Int(bytes[rowsAt + 3]) << 24
            withUnsafeBytes(of: UInt32(rows + 1).littleEndian) { for k in 0..<4 { bytes[rowsAt + k] = $0[k] } }
            let reread = try NERModel(bytes: Data(bytes))
            XCTAssertTrue(reread.weights == Self.referenceWeights(bytes, bits: bits, rowsAt: rowsAt), "round \(round): the element reader's weights")
            XCTAssertTrue(reread.weights != weights, "round \(round): the extra row was read")
        }
    }
}
