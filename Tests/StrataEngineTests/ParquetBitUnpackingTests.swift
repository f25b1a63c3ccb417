import Testing
@testable import StrataEngine

/// The width-specialised unpacking of bit-packed runs against a bit-by-bit reference, for every
/// width, with the run ending exactly at the end of the page (where the fast loop must stop short
/// of its 8-byte loads) and with bytes after it.
@Suite struct ParquetBitUnpackingTests {
    /// Value `k` of a bit-packed stream, one bit at a time.
    static func reference(_ bytes: [UInt8], width: Int, index k: Int) -> UInt32 {
        var v: UInt32 = 0
        for b in 0..<width {
            let bit = k * width + b
            if (bytes[bit >> 3] >> UInt8(bit & 7)) & 1 == 1 { v |= UInt32(1) << UInt32(b) }
        }
        return v
    }

    @Test func everyWidthMatchesTheReference() throws {
        var g = SeededGenerator(seed: 77)
        for width in 1...32 {
            for groups in [1, 2, 3, 9, 40] {
                let packed = (0..<(groups * width)).map { _ in UInt8(g.nextInt(below: 256)) }
                for trailing in [0, 3, 16] {
                    // One bit-packed run header, the groups, then unrelated bytes.
                    var page: [UInt8] = []
                    ParquetHybridRLE.appendVarint(UInt64(groups) << 1 | 1, to: &page)
                    page += packed + (0..<trailing).map { _ in UInt8(g.nextInt(below: 256)) }
                    for count in Set([groups * 8, groups * 8 - 5, 1]) where count >= 1 {
                        var out = [UInt32](repeating: 0xDEAD, count: count)
                        try page.withUnsafeBufferPointer { data in
                            try out.withUnsafeMutableBufferPointer { try ParquetHybridRLE.decode(data, bitWidth: width, count: count, into: $0) }
                        }
                        let expected = (0..<count).map { Self.reference(packed, width: width, index: $0) }
                        #expect(out == expected, "width \(width), \(groups) groups, \(trailing) bytes after, \(count) values")
                    }
                }
            }
        }
    }

    @Test func runsClaimingMoreGroupsThanThePageHoldsAreRefused() {
        // Width 20: a run of 4 groups needs 80 bytes; the page holds 30.
        var page: [UInt8] = []
        ParquetHybridRLE.appendVarint(4 << 1 | 1, to: &page)
        page += [UInt8](repeating: 0xAB, count: 30)
        var out = [UInt32](repeating: 0, count: 32)
        let message: String? = {
            do {
                try page.withUnsafeBufferPointer { data in
                    try out.withUnsafeMutableBufferPointer { try ParquetHybridRLE.decode(data, bitWidth: 20, count: 32, into: $0) }
                }
                return nil
            } catch let corrupt as ParquetError.Corrupt {
                return corrupt.reason
            } catch {
                return "\(error)"
            }
        }()
        #expect(message?.contains("claims 4 groups in 30 bytes") == true)
    }
}
