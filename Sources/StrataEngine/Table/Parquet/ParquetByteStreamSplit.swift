/// BYTE_STREAM_SPLIT (parquet-format Encodings.md): the values' first bytes, then all their second
/// bytes, and so on; compresses floating-point data better than PLAIN. The page holds
/// `width` streams of n bytes each.
enum ParquetByteStreamSplit {
    /// n, checked: the page divides into `width` equal streams holding at least `count` values.
    static func streamLength(_ data: UnsafeBufferPointer<UInt8>, width: Int, count: Int) throws -> Int {
        guard width > 0, data.count % width == 0 else {
            throw ParquetError.Corrupt("a BYTE_STREAM_SPLIT page of \(data.count) bytes does not divide into \(width)-byte values")
        }
        let n = data.count / width
        guard n >= count else { throw ParquetByteArrays.shortPage(count) }
        return n
    }

    /// `count` values of 4 or 8 bytes as raw 64-bit integers (4-byte ones zero-extended).
    static func decode(_ data: UnsafeBufferPointer<UInt8>, width: Int, count: Int, into out: UnsafeMutablePointer<UInt64>) throws {
        let n = try streamLength(data, width: width, count: count)
        guard let base = data.baseAddress else { return }
        for i in 0..<count {
            var value: UInt64 = 0
            for k in 0..<width { value |= UInt64(base[k * n + i]) << UInt64(8 * k) }
            out[i] = value
        }
    }
}
