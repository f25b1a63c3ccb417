/// PLAIN encoding of the present values of a page, in the physical types the writer uses:
/// int → INT64, float → DOUBLE, bool → BOOLEAN (bit-packed), date → INT32 days,
/// timestamp → INT64 microseconds.
enum ParquetPlainEncoder {
    static func append(
        _ column: Column, rows: Range<Int>, present: [Bool]?, to out: inout [UInt8], statistics: inout ParquetStatisticsBuilder
    ) throws {
        @inline(__always) func has(_ row: Int) -> Bool { present?[row - rows.lowerBound] ?? true }
        switch column.data {
        case .int(let v):
            appendFixedWidth(v, rows: rows, present: present, to: &out)
            var lo = Int64.max
            var hi = Int64.min
            for row in rows where has(row) {
                lo = min(lo, v[row])
                hi = max(hi, v[row])
            }
            if lo <= hi { statistics.note(lo); statistics.note(hi) }
        case .float(let v):
            appendFixedWidth(v, rows: rows, present: present, to: &out)
            var lo = Double.infinity
            var hi = -Double.infinity
            for row in rows where has(row) {
                lo = min(lo, v[row])
                hi = max(hi, v[row])
            }
            if lo <= hi { statistics.note(lo); statistics.note(hi) }
        case .bool(let v):
            var byte: UInt8 = 0
            var bit = 0
            for row in rows where has(row) {
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
            var days: [Int32] = []
            days.reserveCapacity(rows.count)
            for row in rows where has(row) {
                guard let day = Int32(exactly: v[row]) else {
                    throw EngineError("column '\(column.name)': the date at row \(row + 1) is outside Parquet's range")
                }
                days.append(day)
            }
            if let lo = days.min(), let hi = days.max() { statistics.note(Int64(lo)); statistics.note(Int64(hi)) }
            appendFixedWidth(days, rows: 0..<days.count, present: nil, to: &out)
        case .timestamp(let v):
            var micros: [Int64] = []
            micros.reserveCapacity(rows.count)
            for row in rows where has(row) {
                let (value, overflow) = v[row].multipliedReportingOverflow(by: 1_000_000)
                guard !overflow else {
                    throw EngineError("column '\(column.name)': the timestamp at row \(row + 1) is outside Parquet's range")
                }
                micros.append(value)
            }
            if let lo = micros.min(), let hi = micros.max() { statistics.note(lo); statistics.note(hi) }
            appendFixedWidth(micros, rows: 0..<micros.count, present: nil, to: &out)
        case .string:
            throw EngineError("internal: text columns are dictionary-encoded")
        }
    }

    /// The little-endian bytes of the present values (the platforms Strata runs on are little-endian).
    private static func appendFixedWidth<T: FixedWidthInteger & BitwiseCopyable>(
        _ values: [T], rows: Range<Int>, present: [Bool]?, to out: inout [UInt8]
    ) {
        guard let present else {
            values[rows].withUnsafeBytes { out.append(contentsOf: $0) }
            return
        }
        for row in rows where present[row - rows.lowerBound] {
            withUnsafeBytes(of: values[row].littleEndian) { out.append(contentsOf: $0) }
        }
    }

    private static func appendFixedWidth(_ values: [Double], rows: Range<Int>, present: [Bool]?, to out: inout [UInt8]) {
        guard let present else {
            values[rows].withUnsafeBytes { out.append(contentsOf: $0) }
            return
        }
        for row in rows where present[row - rows.lowerBound] {
            withUnsafeBytes(of: values[row].bitPattern.littleEndian) { out.append(contentsOf: $0) }
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
