/// DELTA_BINARY_PACKED (parquet-format Encodings.md): a header (block size, miniblocks per block,
/// value count, first value), then blocks, each a minimum delta, one bit width per miniblock,
/// and the miniblocks' deltas above the minimum, bit-packed. Values are rebuilt with wrapping
/// arithmetic, so INT32 columns come out right once truncated to 32 bits.
///
/// Nothing is allocated from the header's numbers: values go straight into the caller's slots,
/// and every block, width and miniblock is checked against the bytes that remain.
enum ParquetDeltaBinaryPacked {
    /// Largest block accepted; writers use 128 (parquet-mr, Arrow) or a few hundred values.
    static let maxBlockSize = 1 << 20

    /// Decodes the header's values into `out[0..<count]` as raw 64-bit integers; the header must
    /// hold exactly `count` values (a DELTA page holds one per non-null row). Returns the position
    /// just after the last miniblock, where the bytes that follow (DELTA_LENGTH_BYTE_ARRAY's text) begin.
    @discardableResult
    static func decode(_ data: UnsafeBufferPointer<UInt8>, from start: Int = 0, count: Int,
                       into out: UnsafeMutablePointer<UInt64>) throws -> Int {
        var cursor = ParquetByteCursor(data, at: start)
        let blockSize = try cursor.count("a DELTA_BINARY_PACKED block size", in: 1...maxBlockSize)
        let miniblocks = try cursor.count("a DELTA_BINARY_PACKED miniblock count", in: 1...max(1, blockSize / 32))
        let total = try cursor.uleb("a DELTA_BINARY_PACKED value count")
        let first = try cursor.zigzag("a DELTA_BINARY_PACKED first value")
        guard blockSize % 128 == 0, blockSize % miniblocks == 0, (blockSize / miniblocks) % 32 == 0 else {
            throw ParquetError.Corrupt("DELTA_BINARY_PACKED blocks of \(blockSize) values in \(miniblocks) miniblocks break the format (multiples of 128 and 32)")
        }
        guard total == UInt64(count) else {
            throw ParquetError.Corrupt("a DELTA_BINARY_PACKED header holds \(total) values where the page has \(count)")
        }
        guard count > 0 else { return cursor.position }
        let perMiniblock = blockSize / miniblocks
        var last = UInt64(bitPattern: first)
        out[0] = last
        var produced = 1
        while produced < count {
            let minimum = UInt64(bitPattern: try cursor.zigzag("a DELTA_BINARY_PACKED block's minimum delta"))
            guard miniblocks <= cursor.remaining else {
                throw ParquetError.Corrupt("a DELTA_BINARY_PACKED block's bit widths are cut off after \(produced) of \(count) values")
            }
            let widths = cursor.position
            cursor.position += miniblocks
            for m in 0..<miniblocks where produced < count {
                let width = Int(data[widths + m])
                guard width <= 64 else {
                    throw ParquetError.Corrupt("a DELTA_BINARY_PACKED miniblock has a bit width of \(width) (at most 64)")
                }
                let take = min(perMiniblock, count - produced)
                // The last miniblock may be cut short after its final value; anything before must be whole.
                guard (take * width + 7) / 8 <= cursor.remaining else {
                    throw ParquetError.Corrupt("a DELTA_BINARY_PACKED miniblock is cut off after \(produced) of \(count) values")
                }
                var bit = 0
                for k in 0..<take {
                    last = last &+ minimum &+ cursor.bits(at: bit, width: width)
                    out[produced + k] = last
                    bit += width
                }
                produced += take
                cursor.position += min(perMiniblock * width / 8, cursor.remaining)
            }
        }
        return cursor.position
    }
}
