/// Decodes PLAIN-encoded values (the encoding of dictionary pages and of pages that are not
/// dictionary-encoded) straight into Strata's representation. Every read is bounds-checked
/// against the page; a count that does not fit the bytes is an error, never a trap.
struct ParquetPlainDecoder {
    let kind: ParquetValueKind
    let typeLength: Int

    func decode(
        _ data: UnsafeBufferPointer<UInt8>, count: Int, strings: inout ParquetStringTable, notes: inout ParquetDecodeNotes
    ) throws -> ParquetDenseValues {
        switch kind {
        case .int32: return .ints(try fixed(data, count, width: 4) { Int64(Int32(truncatingIfNeeded: $0)) })
        case .uint32: return .ints(try fixed(data, count, width: 4) { Int64(UInt32(truncatingIfNeeded: $0)) })
        case .date: return .ints(try fixed(data, count, width: 4) { Int64(Int32(truncatingIfNeeded: $0)) })
        case .int64: return .ints(try fixed(data, count, width: 8) { Int64(bitPattern: $0) })
        case .uint64:
            let values = try fixed(data, count, width: 8) { Int64(bitPattern: $0) }
            if let big = values.first(where: { $0 < 0 }) {
                throw ParquetError.Corrupt("an unsigned 64-bit value (\(UInt64(bitPattern: big))) does not fit Strata's 64-bit ints")
            }
            return .ints(values)
        case .float: return .doubles(try fixed(data, count, width: 4) { Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0))) })
        case .double: return .doubles(try fixed(data, count, width: 8) { Double(bitPattern: $0) })
        case .timestamp(let unit, _):
            var fractional = 0
            let perSecond = unit.perSecond
            let values = try fixed(data, count, width: 8) { raw -> Int64 in
                let v = Int64(bitPattern: raw)
                let seconds = CivilCalendar.floorDiv(v, perSecond)
                if seconds &* perSecond != v { fractional += 1 }
                return seconds
            }
            notes.fractionalSeconds += fractional
            return .ints(values)
        case .int96Timestamp:
            return .ints(try int96(data, count, notes: &notes))
        case .boolean:
            guard count <= data.count * 8 else { throw shortPage(count) }
            var out = [Bool](repeating: false, count: count)
            for i in 0..<count { out[i] = (data[i >> 3] >> UInt8(i & 7)) & 1 == 1 }
            return .bools(out)
        case .decimal(let scale, let physical):
            let divisor = Self.powerOfTen(scale)
            switch physical {
            case .int32: return .doubles(try fixed(data, count, width: 4) { Double(Int32(truncatingIfNeeded: $0)) / divisor })
            case .int64: return .doubles(try fixed(data, count, width: 8) { Double(Int64(bitPattern: $0)) / divisor })
            case .fixedLenByteArray:
                guard typeLength > 0, typeLength <= 64 else { throw ParquetError.Corrupt("a decimal of \(typeLength) bytes") }
                guard count <= data.count / typeLength else { throw shortPage(count) }
                var out = [Double](repeating: 0, count: count)
                for i in 0..<count {
                    out[i] = Self.bigEndianDecimal(UnsafeBufferPointer(rebasing: data[(i * typeLength)..<((i + 1) * typeLength)])) / divisor
                }
                return .doubles(out)
            default:
                var out: [Double] = []
                out.reserveCapacity(min(count, data.count / 4))
                try forEachByteArray(data, count) { out.append(Self.bigEndianDecimal($0) / divisor) }
                return .doubles(out)
            }
        case .string:
            var codes: [Int32] = []
            codes.reserveCapacity(min(count, data.count / 4))
            try forEachByteArray(data, count) { bytes in
                codes.append(strings.code(for: String(decoding: bytes, as: UTF8.self)))
            }
            return .codes(codes)
        }
    }

    private func shortPage(_ count: Int) -> ParquetError.Corrupt {
        ParquetError.Corrupt("a page holds fewer values than the \(count) it claims")
    }

    /// Little-endian values of `width` bytes, converted by `convert`.
    private func fixed<T>(
        _ data: UnsafeBufferPointer<UInt8>, _ count: Int, width: Int, _ convert: (UInt64) throws -> T
    ) throws -> [T] {
        guard count >= 0, count <= data.count / width else { throw shortPage(count) }
        guard let base = data.baseAddress, count > 0 else { return [] }
        let raw = UnsafeRawPointer(base)
        return try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if width == 8 {
                for i in 0..<count {
                    buffer.initializeElement(at: i, to: try convert(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))))
                    initialized = i + 1
                }
            } else {
                for i in 0..<count {
                    buffer.initializeElement(at: i, to: try convert(UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)))))
                    initialized = i + 1
                }
            }
        }
    }

    private func int96(_ data: UnsafeBufferPointer<UInt8>, _ count: Int, notes: inout ParquetDecodeNotes) throws -> [Int64] {
        guard count >= 0, count <= data.count / 12 else { throw shortPage(count) }
        guard let base = data.baseAddress else { return [] }
        let raw = UnsafeRawPointer(base)
        var out = [Int64](repeating: 0, count: count)
        for i in 0..<count {
            let nanos = Int64(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 12, as: UInt64.self)))
            let julianDay = Int64(Int32(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 12 + 8, as: UInt32.self))))
            // Julian day 2440588 is 1970-01-01.
            let seconds = CivilCalendar.floorDiv(nanos, 1_000_000_000)
            if seconds &* 1_000_000_000 != nanos { notes.fractionalSeconds += 1 }
            out[i] = (julianDay - 2_440_588) &* 86_400 &+ seconds
        }
        return out
    }

    /// Calls `body` with each length-prefixed value.
    private func forEachByteArray(
        _ data: UnsafeBufferPointer<UInt8>, _ count: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
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

    /// A big-endian two's-complement integer of any length, as a double.
    static func bigEndianDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double {
        guard let first = bytes.first else { return 0 }
        let negative = first & 0x80 != 0
        var value = 0.0
        for b in bytes { value = value * 256 + Double(negative ? ~b : b) }
        return negative ? -(value + 1) : value
    }

    static func powerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(max(exponent, 0), 400) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
