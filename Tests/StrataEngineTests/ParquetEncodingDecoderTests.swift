import Testing
@testable import StrataEngine

/// The DELTA_* and BYTE_STREAM_SPLIT decoders on hand-made pages: values worked out from
/// parquet-format's Encodings.md examples, and hostile headers (lying lengths, huge miniblock
/// counts, bit widths above 64) that must be clear errors, never traps or big allocations.
@Suite struct ParquetEncodingDecoderTests {
    static func uleb(_ v: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        ParquetHybridRLE.appendVarint(v, to: &out)
        return out
    }

    static func zigzag(_ v: Int64) -> [UInt8] { uleb(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

    /// A DELTA_BINARY_PACKED header: block size, miniblocks, count, first value.
    static func header(block: UInt64 = 128, miniblocks: UInt64 = 4, count: UInt64, first: Int64) -> [UInt8] {
        uleb(block) + uleb(miniblocks) + uleb(count) + zigzag(first)
    }

    /// A straightforward DELTA_BINARY_PACKED writer (blocks of 128, four miniblocks), for round trips.
    static func encode(_ values: [Int64]) -> [UInt8] {
        var out = header(count: UInt64(values.count), first: values.first ?? 0)
        var i = 1
        while i < values.count {
            let block = (i..<min(i + 128, values.count)).map { values[$0] &- values[$0 - 1] }
            let minimum = block.min() ?? 0
            out += zigzag(minimum)
            let adjusted = block.map { UInt64(bitPattern: $0 &- minimum) }
            var widths = [UInt8](repeating: 0, count: 4)
            var packed: [UInt8] = []
            for m in 0..<4 where m * 32 < adjusted.count {
                let part = adjusted[(m * 32)..<min(m * 32 + 32, adjusted.count)]
                let width = part.map { 64 - $0.leadingZeroBitCount }.max() ?? 0
                widths[m] = UInt8(width)
                var bits = [UInt8](repeating: 0, count: 32 * width / 8)
                for (k, v) in part.enumerated() {
                    for b in 0..<width where (v >> UInt64(b)) & 1 == 1 { bits[(k * width + b) / 8] |= 1 << UInt8((k * width + b) % 8) }
                }
                packed += bits
            }
            out += widths + packed
            i += 128
        }
        return out
    }

    static func deltas(_ bytes: [UInt8], count: Int) throws -> [Int64] {
        var out = [UInt64](repeating: 0, count: max(count, 1))
        try bytes.withUnsafeBufferPointer { data in
            try out.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                try ParquetDeltaBinaryPacked.decode(data, count: count, into: base)
            }
        }
        return out.prefix(count).map { Int64(bitPattern: $0) }
    }

    static func error(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let corrupt as ParquetError.Corrupt {
            return corrupt.reason
        } catch {
            return "\(error)"
        }
    }

    @Test func deltaBinaryPackedRebuildsValues() throws {
        // 1, 2, 3, 4, 5: first 1, minimum delta 1, every miniblock of width 0.
        let ones = Self.header(count: 5, first: 1) + Self.zigzag(1) + [0, 0, 0, 0]
        #expect(try Self.deltas(ones, count: 5) == [1, 2, 3, 4, 5])
        // 7, 5, 3, 1, 2, 3, 4, 5: deltas -2 -2 -2 1 1 1 1; minimum -2, so 0 0 0 3 3 3 3 in 2 bits.
        let packed: [UInt8] = [0b1100_0000, 0b1111_1111]
        let mixed = Self.header(count: 8, first: 7) + Self.zigzag(-2) + [2, 0, 0, 0] + packed + [UInt8](repeating: 0, count: 6)
        #expect(try Self.deltas(mixed, count: 8) == [7, 5, 3, 1, 2, 3, 4, 5])
        // Random values, extremes included, through a writer and back (widths up to 64 bits).
        var g = SeededGenerator(seed: 14)
        let values: [Int64] = (0..<1000).map { k in
            k % 97 == 0 ? (k % 2 == 0 ? Int64.min : Int64.max) : Int64(g.nextInt(below: 1 << 40)) - (1 << 39)
        }
        #expect(try Self.deltas(Self.encode(values), count: values.count) == values)
        // A single value has no blocks at all.
        #expect(try Self.deltas(Self.header(count: 1, first: -42), count: 1) == [-42])
        // Wrapping arithmetic: Int64.min after Int64.max with a delta of 1 at width 0.
        let wrap = Self.header(count: 2, first: Int64.max) + Self.zigzag(1) + [0, 0, 0, 0]
        #expect(try Self.deltas(wrap, count: 2) == [Int64.max, Int64.min])
    }

    @Test func deltaBinaryPackedHostileHeadersAreErrors() {
        #expect(Self.error { _ = try Self.deltas(Self.header(count: 3, first: 0) + Self.zigzag(0) + [65, 0, 0, 0] + [UInt8](repeating: 0, count: 40), count: 3) }?
            .contains("bit width of 65") == true)
        #expect(Self.error { _ = try Self.deltas(Self.header(miniblocks: 1 << 40, count: 3, first: 0), count: 3) }?
            .contains("miniblock count") == true)
        #expect(Self.error { _ = try Self.deltas(Self.header(block: 1 << 62, count: 3, first: 0), count: 3) }?
            .contains("block size") == true)
        #expect(Self.error { _ = try Self.deltas(Self.header(block: 100, miniblocks: 1, count: 3, first: 0), count: 3) }?
            .contains("multiples of 128") == true)
        // A header claiming more values than the page has rows.
        #expect(Self.error { _ = try Self.deltas(Self.header(count: 1 << 40, first: 0), count: 3) }?
            .contains("holds 1099511627776 values where the page has 3") == true)
        // Widths of 64 bits for 128 values need 1 KB; four bytes are not enough.
        #expect(Self.error { _ = try Self.deltas(Self.header(count: 100, first: 0) + Self.zigzag(0) + [64, 64, 64, 64, 1, 2, 3, 4], count: 100) }?
            .contains("cut off") == true)
        #expect(Self.error { _ = try Self.deltas(Self.header(count: 5, first: 0), count: 5) }?.contains("cut off") == true)
        // A varint that never ends.
        #expect(Self.error { _ = try Self.deltas([UInt8](repeating: 0xFF, count: 20), count: 5) } != nil)
        #expect(Self.error { _ = try Self.deltas([], count: 5) }?.contains("cut off") == true)
    }

    static func strings(_ bytes: [UInt8], encoding: ParquetEncoding, count: Int, fixedLength: Int? = nil) throws -> [String] {
        var out: [String] = []
        try bytes.withUnsafeBufferPointer { data in
            try ParquetByteArrays.forEach(data, encoding: encoding, count: count, fixedLength: fixedLength) {
                out.append(String(decoding: $0, as: UTF8.self))
            }
        }
        return out
    }

    /// Lengths 5, 5, 6 (DELTA_BINARY_PACKED: first 5, deltas 0 and 1, minimum 0, width 1).
    static let lengths = header(count: 3, first: 5) + zigzag(0) + [1, 0, 0, 0] + [0b10] + [UInt8](repeating: 0, count: 3)

    @Test func deltaLengthAndDeltaByteArrayRebuildText() throws {
        let text = Self.lengths + Array("HelloWorldFoobar".utf8)
        #expect(try Self.strings(text, encoding: .deltaLengthByteArray, count: 3) == ["Hello", "World", "Foobar"])
        // Encodings.md's example: axis, axle, babble, babyhood → prefixes 0 2 0 3, suffixes axis le babble yhood.
        let prefixes = Self.header(count: 4, first: 0) + Self.zigzag(-2) + [3, 0, 0, 0] + [0b0100_0100, 0b0000_0001] + [UInt8](repeating: 0, count: 10)
        let suffixLengths = Self.header(count: 4, first: 4) + Self.zigzag(-2) + [3, 0, 0, 0] + [0b0111_0000, 0b0000_0000] + [UInt8](repeating: 0, count: 10)
        let page = prefixes + suffixLengths + Array("axislebabbleyhood".utf8)
        #expect(try Self.strings(page, encoding: .deltaByteArray, count: 4) == ["axis", "axle", "babble", "babyhood"])
    }

    @Test func byteArrayHostilePagesAreErrors() {
        // Lengths that claim more text than the page holds.
        #expect(Self.error { _ = try Self.strings(Self.lengths + Array("Hello".utf8), encoding: .deltaLengthByteArray, count: 3) }?
            .contains("claims 5 bytes where 0 remain") == true)
        // A negative length.
        let negative = Self.header(count: 1, first: -4) + Array("abcd".utf8)
        #expect(Self.error { _ = try Self.strings(negative, encoding: .deltaLengthByteArray, count: 1) }?.contains("claims -4 bytes") == true)
        // A prefix longer than the value before it.
        let prefixes = Self.header(count: 1, first: 3)
        let suffixes = Self.header(count: 1, first: 1) + Array("x".utf8)
        #expect(Self.error { _ = try Self.strings(prefixes + suffixes, encoding: .deltaByteArray, count: 1) }?
            .contains("shares 3 bytes with a previous value of 0") == true)
        // Text cannot be BYTE_STREAM_SPLIT.
        #expect(Self.error { _ = try Self.strings([1, 2, 3, 4], encoding: .byteStreamSplit, count: 1) }?.contains("does not allow") == true)
    }

    @Test func deltaByteArrayExpansionIsBounded() {
        // One 64 KB value, then a million values that each repeat all of it: refused, not rebuilt.
        let n = 1_000_000
        let prefixes = Self.encode([0] + [Int64](repeating: 65_536, count: n - 1))
        let suffixes = Self.encode([65_536] + [Int64](repeating: 0, count: n - 1))
        let page = prefixes + suffixes + [UInt8](repeating: 0x61, count: 65_536)
        var seen = 0
        let reason = Self.error {
            try page.withUnsafeBufferPointer { data in
                try ParquetByteArrays.forEach(data, encoding: .deltaByteArray, count: n, fixedLength: nil) { _ in seen += 1 }
            }
        }
        #expect(reason?.contains("expands to more than") == true)
        #expect(seen < 2000)
    }

    @Test func byteStreamSplitInterleavesBytes() throws {
        // Two floats, 1.0 (0x3F800000) and -2.0 (0xC0000000), split into four streams of two bytes.
        let page: [UInt8] = [0x00, 0x00, 0x00, 0x00, 0x80, 0x00, 0x3F, 0xC0]
        var out = [UInt64](repeating: 0, count: 2)
        try page.withUnsafeBufferPointer { data in
            try out.withUnsafeMutableBufferPointer { try ParquetByteStreamSplit.decode(data, width: 4, count: 2, into: $0.baseAddress!) }
        }
        #expect(out.map { Float(bitPattern: UInt32($0)) } == [1.0, -2.0])
        let odd: [UInt8] = [1, 2, 3, 4, 5, 6, 7]
        #expect(Self.error {
            try odd.withUnsafeBufferPointer { data in
                try out.withUnsafeMutableBufferPointer { try ParquetByteStreamSplit.decode(data, width: 4, count: 1, into: $0.baseAddress!) }
            }
        }?.contains("does not divide into 4-byte values") == true)
        #expect(Self.error {
            try page.withUnsafeBufferPointer { data in
                try out.withUnsafeMutableBufferPointer { try ParquetByteStreamSplit.decode(data, width: 4, count: 3, into: $0.baseAddress!) }
            }
        }?.contains("fewer values than the 3") == true)
    }

    static func inflate(_ bytes: [UInt8], _ codec: ParquetCodec, size: Int) throws -> [UInt8] {
        try bytes.withUnsafeBufferPointer { try ParquetCompression.decompress($0, codec: codec, uncompressedSize: size) }
    }

    @Test func lz4PagesLyingAboutTheirSizeAreRefused() throws {
        // A bare block holding "a" inflates to one byte, not 1 GB or 5 bytes.
        let block: [UInt8] = [0x10, 0x61]
        #expect(Self.error { _ = try Self.inflate(block, .lz4Raw, size: 1 << 30) }?.contains("more than LZ4 can produce") == true)
        #expect(Self.error { _ = try Self.inflate(block, .lz4Raw, size: 5) }?.contains("does not decompress to the 5 bytes") == true)
        #expect(try Self.inflate(block, .lz4Raw, size: 1) == [0x61])
        // Too short for Hadoop framing, so read as a bare block (as Arrow wrote before 2021).
        #expect(try Self.inflate(block, .lz4, size: 1) == [0x61])
        // Hadoop framing: uncompressed size 1, compressed size 2, then the block.
        #expect(try Self.inflate([0, 0, 0, 1, 0, 0, 0, 2, 0x10, 0x61], .lz4, size: 1) == [0x61])
        // A frame claiming more compressed bytes than the page holds is neither framing nor a block.
        #expect(Self.error { _ = try Self.inflate([0, 0, 0, 1, 0x7F, 0, 0, 0, 0x10, 0x61], .lz4, size: 1) }?
            .contains("neither Hadoop-framed nor a bare LZ4 block") == true)
    }
}
