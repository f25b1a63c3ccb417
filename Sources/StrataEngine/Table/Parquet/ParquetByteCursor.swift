/// A bounds-checked read position in a page's bytes, for the encodings that start with varints
/// (the DELTA_* headers): every read that would pass the end is an error, never a trap.
struct ParquetByteCursor {
    let data: UnsafeBufferPointer<UInt8>
    var position: Int

    init(_ data: UnsafeBufferPointer<UInt8>, at position: Int = 0) {
        self.data = data
        self.position = position
    }

    var remaining: Int { data.count - position }

    /// An unsigned LEB128 varint of at most ten bytes.
    mutating func uleb(_ what: String) throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < data.count else { throw ParquetError.Corrupt("\(what) is cut off at byte \(position)") }
            let byte = data[position]
            position += 1
            guard shift < 64 else { throw ParquetError.Corrupt("\(what) is a varint longer than 10 bytes") }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    /// A zigzag-encoded signed varint.
    mutating func zigzag(_ what: String) throws -> Int64 {
        let raw = try uleb(what)
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// An unsigned varint that must lie in `range`.
    mutating func count(_ what: String, in range: ClosedRange<Int>) throws -> Int {
        let raw = try uleb(what)
        guard raw <= UInt64(range.upperBound), Int(raw) >= range.lowerBound else {
            throw ParquetError.Corrupt("\(what) is \(raw), outside \(range.lowerBound)–\(range.upperBound)")
        }
        return Int(raw)
    }

    /// `width` bits (0–64) starting `bitOffset` bits after `position`, least significant bit
    /// first; bytes past the end of the data read as zero (the caller checks the run fits).
    @inline(__always)
    func bits(at bitOffset: Int, width: Int) -> UInt64 {
        guard width > 0 else { return 0 }
        let byteIndex = position + bitOffset >> 3
        let shift = UInt64(bitOffset & 7)
        var value = word(at: byteIndex) >> shift
        if shift + UInt64(width) > 64 { value |= UInt64(byte(at: byteIndex + 8)) << (64 - shift) }
        return width == 64 ? value : value & ((UInt64(1) << UInt64(width)) - 1)
    }

    @inline(__always)
    private func word(at index: Int) -> UInt64 {
        if index >= 0, index <= data.count - 8, let base = data.baseAddress {
            return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
        }
        var value: UInt64 = 0
        for k in 0..<8 { value |= UInt64(byte(at: index + k)) << UInt64(8 * k) }
        return value
    }

    @inline(__always)
    private func byte(at index: Int) -> UInt8 { index >= 0 && index < data.count ? data[index] : 0 }
}
