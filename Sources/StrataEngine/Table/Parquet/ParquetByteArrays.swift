/// The encodings of variable-length values (text, byte-array decimals) and of fixed-length byte
/// arrays: each value is handed to `body` as a slice of the page, or of a scratch buffer when
/// the encoding rebuilds it (DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT). Every length is checked
/// against the bytes that remain.
enum ParquetByteArrays {
    /// DELTA_BYTE_ARRAY rebuilds each value from a prefix of the one before, so a hostile page
    /// can make a few bytes expand quadratically; a page may rebuild at most this many times its size.
    static let maxExpansion = 256

    /// `fixedLength` is the FIXED_LEN_BYTE_ARRAY width, nil for BYTE_ARRAY.
    static func forEach(
        _ data: UnsafeBufferPointer<UInt8>, encoding: ParquetEncoding, count: Int, fixedLength: Int?,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        switch encoding {
        case .plain:
            if let width = fixedLength {
                try fixed(data, count: count, width: width, body)
            } else {
                try lengthPrefixed(data, count: count, body)
            }
        case .deltaLengthByteArray where fixedLength == nil:
            try deltaLength(data, from: 0, count: count, body)
        case .deltaByteArray:
            try deltaByteArray(data, count: count, body)
        case .byteStreamSplit where fixedLength != nil:
            try streamSplit(data, count: count, width: fixedLength ?? 0, body)
        default:
            throw ParquetError.Corrupt("byte-array values encoded as \(encoding.name), which the format does not allow for this column type")
        }
    }

    static func shortPage(_ count: Int) -> ParquetError.Corrupt {
        ParquetError.Corrupt("a page holds fewer values than the \(count) it claims")
    }

    private static func lengthPrefixed(_ data: UnsafeBufferPointer<UInt8>, count: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var position = 0
        for _ in 0..<max(0, count) {
            guard data.count - position >= 4 else { throw shortPage(count) }
            let length = Int(data[position]) | Int(data[position + 1]) << 8 | Int(data[position + 2]) << 16 | Int(data[position + 3]) << 24
            position += 4
            guard length <= data.count - position else {
                throw ParquetError.Corrupt("a text value claims \(length) bytes where \(data.count - position) remain")
            }
            try body(UnsafeBufferPointer(rebasing: data[position..<(position + length)]))
            position += length
        }
    }

    private static func fixed(_ data: UnsafeBufferPointer<UInt8>, count: Int, width: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard width > 0 else { throw ParquetError.Corrupt("a fixed-length column of \(width) bytes") }
        guard count <= data.count / width else { throw shortPage(count) }
        for i in 0..<max(0, count) { try body(UnsafeBufferPointer(rebasing: data[(i * width)..<((i + 1) * width)])) }
    }

    /// `count` lengths (DELTA_BINARY_PACKED, each checked), then the values' bytes back to back.
    /// Returns where the values end.
    @discardableResult
    private static func deltaLength(
        _ data: UnsafeBufferPointer<UInt8>, from start: Int, count: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> Int {
        let lengths = try deltaValues(data, from: start, count: count, what: "length")
        var position = lengths.end
        for raw in lengths.values {
            let length = Int64(bitPattern: raw)
            guard length >= 0, length <= Int64(data.count - position) else {
                throw ParquetError.Corrupt("a DELTA_LENGTH_BYTE_ARRAY value claims \(length) bytes where \(data.count - position) remain")
            }
            try body(UnsafeBufferPointer(rebasing: data[position..<(position + Int(length))]))
            position += Int(length)
        }
        return position
    }

    /// `count` DELTA_BINARY_PACKED integers into a new array: `count` is bounded by the rows
    /// already allocated for the column, never by the header.
    private static func deltaValues(
        _ data: UnsafeBufferPointer<UInt8>, from start: Int, count: Int, what: String
    ) throws -> (values: [UInt64], end: Int) {
        var end = start
        let values = try [UInt64](unsafeUninitializedCapacity: max(count, 1)) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            end = try ParquetDeltaBinaryPacked.decode(data, from: start, count: count, into: base)
            initialized = count
        }
        return (values, end)
    }

    /// Prefix lengths, then the suffixes as DELTA_LENGTH_BYTE_ARRAY; each value is the previous
    /// value's first `prefix` bytes followed by its suffix.
    private static func deltaByteArray(
        _ data: UnsafeBufferPointer<UInt8>, count: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let prefixes = try deltaValues(data, from: 0, count: count, what: "prefix length")
        var previous: [UInt8] = []
        var index = 0
        var rebuilt = 0
        let budget = max(data.count, 1 << 16) * maxExpansion
        try deltaLength(data, from: prefixes.end, count: count) { suffix in
            let prefix = Int64(bitPattern: prefixes.values[index])
            guard prefix >= 0, prefix <= Int64(previous.count) else {
                throw ParquetError.Corrupt("a DELTA_BYTE_ARRAY value shares \(prefix) bytes with a previous value of \(previous.count)")
            }
            rebuilt += Int(prefix) + suffix.count
            guard rebuilt <= budget else {
                throw ParquetError.Corrupt("a DELTA_BYTE_ARRAY page of \(data.count) bytes expands to more than \(budget) bytes")
            }
            previous.removeSubrange(Int(prefix)...)
            previous.append(contentsOf: suffix)
            try previous.withUnsafeBufferPointer(body)
            index += 1
        }
    }

    /// BYTE_STREAM_SPLIT of `width`-byte values: byte k of value i is at k·n + i, n values in all.
    private static func streamSplit(
        _ data: UnsafeBufferPointer<UInt8>, count: Int, width: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let n = try ParquetByteStreamSplit.streamLength(data, width: width, count: count)
        var value = [UInt8](repeating: 0, count: width)
        for i in 0..<count {
            for k in 0..<width { value[k] = data[k * n + i] }
            try value.withUnsafeBufferPointer(body)
        }
    }
}
