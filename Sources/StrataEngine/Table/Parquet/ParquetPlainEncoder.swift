/// PLAIN encoding of the present values of a page, in the physical types the writer uses:
/// int → INT64, float → DOUBLE, bool → BOOLEAN (bit-packed), date → INT32 days,
/// timestamp → INT64 microseconds.
enum ParquetPlainEncoder {
    static func append(
        _ column: Column, rows: Range<Int>, present: [Bool], to out: inout [UInt8], statistics: inout ParquetStatisticsBuilder
    ) throws {
        switch column.data {
        case .int(let v):
            out.reserveCapacity(rows.count * 8)
            for row in rows where present[row - rows.lowerBound] {
                appendLittleEndian(UInt64(bitPattern: v[row]), bytes: 8, to: &out)
                statistics.note(v[row])
            }
        case .float(let v):
            out.reserveCapacity(rows.count * 8)
            for row in rows where present[row - rows.lowerBound] {
                appendLittleEndian(v[row].bitPattern, bytes: 8, to: &out)
                statistics.note(v[row])
            }
        case .bool(let v):
            var byte: UInt8 = 0
            var bit = 0
            for row in rows where present[row - rows.lowerBound] {
                if v[row] { byte |= 1 << UInt8(bit) }
                statistics.note(v[row])
                bit += 1
                if bit == 8 {
                    out.append(byte)
                    byte = 0
                    bit = 0
                }
            }
            if bit > 0 { out.append(byte) }
        case .date(let v):
            for row in rows where present[row - rows.lowerBound] {
                guard let days = Int32(exactly: v[row]) else {
                    throw EngineError("column '\(column.name)': the date at row \(row + 1) is outside Parquet's range")
                }
                appendLittleEndian(UInt64(UInt32(bitPattern: days)), bytes: 4, to: &out)
                statistics.note(Int64(days))
            }
        case .timestamp(let v):
            for row in rows where present[row - rows.lowerBound] {
                let (micros, overflow) = v[row].multipliedReportingOverflow(by: 1_000_000)
                guard !overflow else {
                    throw EngineError("column '\(column.name)': the timestamp at row \(row + 1) is outside Parquet's range")
                }
                appendLittleEndian(UInt64(bitPattern: micros), bytes: 8, to: &out)
                statistics.note(micros)
            }
        case .string:
            throw EngineError("internal: text columns are dictionary-encoded")
        }
    }

    @inline(__always)
    static func appendLittleEndian(_ value: UInt64, bytes: Int, to out: inout [UInt8]) {
        for k in 0..<bytes { out.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * k))) }
    }

    static func appendByteArray(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        appendLittleEndian(UInt64(utf8.count), bytes: 4, to: &out)
        out.append(contentsOf: utf8)
    }
}

/// The min and max of a chunk's present values, PLAIN-encoded as the statistics fields want them.
struct ParquetStatisticsBuilder {
    private var intRange: (Int64, Int64)?
    private var doubleRange: (Double, Double)?
    private var boolRange: (Bool, Bool)?
    private let dateWidth: Bool

    init(column: Column) {
        if case .date = column.data { dateWidth = true } else { dateWidth = false }
    }

    mutating func note(_ v: Int64) {
        intRange = intRange.map { (min($0.0, v), max($0.1, v)) } ?? (v, v)
    }

    mutating func note(_ v: Double) {
        doubleRange = doubleRange.map { (min($0.0, v), max($0.1, v)) } ?? (v, v)
    }

    mutating func note(_ v: Bool) {
        boolRange = boolRange.map { ($0.0 && v, $0.1 || v) } ?? (v, v)
    }

    var minimum: [UInt8]? { encoded(first: true) }
    var maximum: [UInt8]? { encoded(first: false) }

    private func encoded(first: Bool) -> [UInt8]? {
        var out: [UInt8] = []
        if let r = intRange {
            let v = first ? r.0 : r.1
            ParquetPlainEncoder.appendLittleEndian(UInt64(bitPattern: v), bytes: dateWidth ? 4 : 8, to: &out)
        } else if let r = doubleRange {
            // -0.0 as the minimum and +0.0 as the maximum, as the format asks.
            var v = first ? r.0 : r.1
            if v == 0 { v = first ? -0.0 : 0.0 }
            ParquetPlainEncoder.appendLittleEndian(v.bitPattern, bytes: 8, to: &out)
        } else if let r = boolRange {
            out.append((first ? r.0 : r.1) ? 1 : 0)
        } else {
            return nil
        }
        return out
    }
}
