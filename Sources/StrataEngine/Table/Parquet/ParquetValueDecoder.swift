/// Decodes one page's values, in any encoding the format allows for the column's type, straight
/// into their slots in the final column (see docs/parquet.md for the list). Fixed-width numbers
/// are first laid down as raw 64-bit integers and then converted in place to Strata's
/// representation; INT64 and DOUBLE need no conversion, so a PLAIN page of them is one copy.
/// Every read is bounds-checked against the page; a count that does not fit is an error, never a trap.
struct ParquetValueDecoder {
    let kind: ParquetValueKind
    let typeLength: Int

    /// Bytes per value of a fixed-width number in PLAIN and BYTE_STREAM_SPLIT; nil for the kinds
    /// decoded another way (booleans, text, INT96, byte-array decimals).
    private var rawWidth: Int? {
        switch kind {
        case .int32, .uint32, .date, .float: return 4
        case .int64, .uint64, .double, .timestamp: return 8
        case .decimal(_, let physical):
            return physical == .int32 ? 4 : physical == .int64 ? 8 : nil
        case .int96Timestamp, .boolean, .string: return nil
        }
    }

    /// Whether the stored integers are DELTA_BINARY_PACKED-able (INT32 or INT64 physical types).
    private var isInteger: Bool {
        switch kind {
        case .int32, .uint32, .date, .int64, .uint64, .timestamp: return true
        case .decimal(_, let physical): return physical == .int32 || physical == .int64
        default: return false
        }
    }

    func decode(
        _ data: UnsafeBufferPointer<UInt8>, encoding: ParquetEncoding, count: Int, into slots: ParquetSlots,
        strings: inout ParquetStringTable, notes: inout ParquetDecodeNotes
    ) throws {
        guard count > 0 else { return }
        switch slots {
        case .wide(let out):
            try decodeWide(data, encoding: encoding, count: count, into: out, notes: &notes)
        case .bools(let out):
            try decodeBools(data, encoding: encoding, count: count, into: out)
        case .codes(let out):
            guard kind == .string else { throw ParquetError.Corrupt("internal: text slots for a \(kind.strataType) column") }
            var i = 0
            try ParquetByteArrays.forEach(data, encoding: encoding, count: count, fixedLength: nil) { bytes in
                out[i] = strings.code(for: String(decoding: bytes, as: UTF8.self))
                i += 1
            }
        }
    }

    /// A dictionary page (always PLAIN) into a new array, its size checked against the page
    /// before anything is allocated.
    func dictionary(_ data: UnsafeBufferPointer<UInt8>, count: Int, strings: inout ParquetStringTable,
                    notes: inout ParquetDecodeNotes) throws -> ParquetDictionary {
        let minimumBits: Int
        switch kind {
        case .boolean: minimumBits = 1
        case .int96Timestamp: minimumBits = 96
        case .string: minimumBits = 32
        case .decimal(_, .fixedLenByteArray): minimumBits = 8 * max(typeLength, 1)
        default: minimumBits = 8 * (rawWidth ?? 4)
        }
        guard count >= 0, count <= data.count * 8 / minimumBits else { throw ParquetByteArrays.shortPage(count) }
        switch kind.strataType {
        case .bool:
            var values = [Bool](repeating: false, count: count)
            try values.withUnsafeMutableBufferPointer { out in
                guard let base = out.baseAddress else { return }
                try decode(data, encoding: .plain, count: count, into: .bools(base), strings: &strings, notes: &notes)
            }
            return .bools(values)
        case .string:
            var values = [Int32](repeating: 0, count: count)
            try values.withUnsafeMutableBufferPointer { out in
                guard let base = out.baseAddress else { return }
                try decode(data, encoding: .plain, count: count, into: .codes(base), strings: &strings, notes: &notes)
            }
            return .codes(values)
        case .int, .float, .date, .timestamp:
            var values = [UInt64](repeating: 0, count: count)
            try values.withUnsafeMutableBufferPointer { out in
                guard let base = out.baseAddress else { return }
                try decode(data, encoding: .plain, count: count, into: .wide(base), strings: &strings, notes: &notes)
            }
            return .wide(values)
        }
    }

    private func unsupported(_ encoding: ParquetEncoding) -> ParquetError.Corrupt {
        ParquetError.Corrupt("values are encoded as \(encoding.name), which the format does not allow for \(kind.physicalName) columns")
    }

    private func decodeWide(
        _ data: UnsafeBufferPointer<UInt8>, encoding: ParquetEncoding, count: Int, into out: UnsafeMutablePointer<UInt64>,
        notes: inout ParquetDecodeNotes
    ) throws {
        switch kind {
        case .int96Timestamp:
            guard encoding == .plain else { throw unsupported(encoding) }
            try int96(data, count, into: out, notes: &notes)
            return
        case .decimal(let scale, let physical) where physical == .byteArray || physical == .fixedLenByteArray:
            let divisor = Self.powerOfTen(scale)
            let fixedLength = physical == .fixedLenByteArray ? typeLength : nil
            if let fixedLength, !(1...64).contains(fixedLength) { throw ParquetError.Corrupt("a decimal of \(fixedLength) bytes") }
            var i = 0
            try ParquetByteArrays.forEach(data, encoding: encoding, count: count, fixedLength: fixedLength) { bytes in
                out[i] = (Self.bigEndianDecimal(bytes) / divisor).bitPattern
                i += 1
            }
            return
        default:
            break
        }
        guard let width = rawWidth else { throw ParquetError.Corrupt("internal: 8-byte slots for a \(kind.strataType) column") }
        switch encoding {
        case .plain:
            guard count <= data.count / width else { throw ParquetByteArrays.shortPage(count) }
            guard let base = data.baseAddress else { return }
            if width == 8 {
                UnsafeMutableRawPointer(out).copyMemory(from: base, byteCount: count * 8)
                #if _endian(big)
                for i in 0..<count { out[i] = UInt64(littleEndian: out[i]) }
                #endif
            } else {
                let raw = UnsafeRawPointer(base)
                for i in 0..<count { out[i] = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))) }
            }
        case .deltaBinaryPacked where isInteger:
            try ParquetDeltaBinaryPacked.decode(data, count: count, into: out)
        case .byteStreamSplit:
            try ParquetByteStreamSplit.decode(data, width: width, count: count, into: out)
        default:
            throw unsupported(encoding)
        }
        try convert(out, count: count, notes: &notes)
    }

    /// Raw stored integers to Strata's representation, in place.
    private func convert(_ out: UnsafeMutablePointer<UInt64>, count: Int, notes: inout ParquetDecodeNotes) throws {
        switch kind {
        case .int64, .double:
            return
        case .int32, .date:
            for i in 0..<count { out[i] = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: out[i]))) }
        case .uint32:
            for i in 0..<count { out[i] = UInt64(UInt32(truncatingIfNeeded: out[i])) }
        case .uint64:
            for i in 0..<count where out[i] > UInt64(Int64.max) {
                throw ParquetError.Corrupt("an unsigned 64-bit value (\(out[i])) does not fit Strata's 64-bit ints")
            }
        case .float:
            for i in 0..<count { out[i] = Double(Float(bitPattern: UInt32(truncatingIfNeeded: out[i]))).bitPattern }
        case .timestamp(let unit, _):
            let perSecond = unit.perSecond
            var fractional = 0
            for i in 0..<count {
                let v = Int64(bitPattern: out[i])
                let seconds = CivilCalendar.floorDiv(v, perSecond)
                if seconds &* perSecond != v { fractional += 1 }
                out[i] = UInt64(bitPattern: seconds)
            }
            notes.fractionalSeconds += fractional
        case .decimal(let scale, let physical):
            let divisor = Self.powerOfTen(scale)
            if physical == .int32 {
                for i in 0..<count { out[i] = (Double(Int32(truncatingIfNeeded: out[i])) / divisor).bitPattern }
            } else {
                for i in 0..<count { out[i] = (Double(Int64(bitPattern: out[i])) / divisor).bitPattern }
            }
        case .int96Timestamp, .boolean, .string:
            break
        }
    }

    private func decodeBools(_ data: UnsafeBufferPointer<UInt8>, encoding: ParquetEncoding, count: Int, into out: UnsafeMutablePointer<Bool>) throws {
        switch encoding {
        case .plain:
            guard count <= data.count * 8 else { throw ParquetByteArrays.shortPage(count) }
            for i in 0..<count { out[i] = (data[i >> 3] >> UInt8(i & 7)) & 1 == 1 }
        case .rle:
            guard data.count >= 4 else { throw ParquetError.Corrupt("an RLE boolean page ends before its length") }
            var bits = [UInt32](repeating: 0, count: count)
            try bits.withUnsafeMutableBufferPointer {
                try ParquetHybridRLE.decode(UnsafeBufferPointer(rebasing: data[4...]), bitWidth: 1, count: count, into: $0)
            }
            for i in 0..<count { out[i] = bits[i] != 0 }
        default:
            throw unsupported(encoding)
        }
    }

    private func int96(_ data: UnsafeBufferPointer<UInt8>, _ count: Int, into out: UnsafeMutablePointer<UInt64>,
                       notes: inout ParquetDecodeNotes) throws {
        guard count <= data.count / 12 else { throw ParquetByteArrays.shortPage(count) }
        guard let base = data.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        for i in 0..<count {
            let nanos = Int64(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 12, as: UInt64.self)))
            let julianDay = Int64(Int32(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 12 + 8, as: UInt32.self))))
            // Julian day 2440588 is 1970-01-01.
            let seconds = CivilCalendar.floorDiv(nanos, 1_000_000_000)
            if seconds &* 1_000_000_000 != nanos { notes.fractionalSeconds += 1 }
            out[i] = UInt64(bitPattern: (julianDay - 2_440_588) &* 86_400 &+ seconds)
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
