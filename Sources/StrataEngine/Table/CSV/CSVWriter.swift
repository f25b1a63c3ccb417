/// Writes tables as RFC 4180 CSV that `CSVReader` reads back to the same table: fields holding
/// the delimiter, a quote or a line break are quoted (quotes doubled), missing cells are empty,
/// dates are `YYYY-MM-DD`, timestamps `YYYY-MM-DD HH:MM:SS`, floats the shortest text that reads
/// back to the same double (always with a `.` or exponent, so they stay floats). Lines end in LF.
public enum CSVWriter {
    /// Streams the CSV text to `path` through `AtomicFile`: a failed or interrupted export never
    /// leaves a half-written file under the real name, and an existing file stays as it was.
    public static func write(_ table: Table, to path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws {
        try AtomicFile.write(to: path) { append in
            try encode(table, delimiter: delimiter, flushThreshold: 1 << 20, deliver: append)
        }
    }

    /// The CSV text of `table` as bytes.
    public static func encode(_ table: Table, delimiter: UInt8 = UInt8(ascii: ",")) -> [UInt8] {
        var result: [UInt8] = []
        encode(table, delimiter: delimiter, flushThreshold: Int.max) { result = $0 }
        return result
    }

    /// Hands the text on in pieces of at least `flushThreshold` bytes (ending at row ends), the rest at the end.
    private static func encode(
        _ table: Table, delimiter: UInt8, flushThreshold: Int, deliver: ([UInt8]) throws -> Void
    ) rethrows {
        var pending: [UInt8] = []
        pending.reserveCapacity(min(flushThreshold, 1 << 20) + 1024)
        let columns = table.columns
        for (index, column) in columns.enumerated() {
            if index > 0 { pending.append(delimiter) }
            pending.append(contentsOf: fieldBytes(column.name, delimiter: delimiter))
        }
        pending.append(CSVByte.lineFeed)
        // Each distinct string is escaped once, not once per row.
        let encodedDictionaries: [[[UInt8]]] = columns.map { column in
            guard case .string(_, let dictionary) = column.data else { return [] }
            return dictionary.map { fieldBytes($0, delimiter: delimiter) }
        }
        for row in 0..<table.rowCount {
            for (index, column) in columns.enumerated() {
                if index > 0 { pending.append(delimiter) }
                if column.isMissing(row) { continue }
                switch column.data {
                case .int(let values): appendInteger(values[row], to: &pending)
                case .float(let values):
                    let value = values[row]
                    if !value.isNaN { pending.append(contentsOf: Array(value.description.utf8)) }
                case .string(let codes, _):
                    let code = Int(codes[row])
                    if code >= 0 && code < encodedDictionaries[index].count {
                        pending.append(contentsOf: encodedDictionaries[index][code])
                    }
                case .bool(let values): pending.append(contentsOf: values[row] ? trueBytes : falseBytes)
                case .date(let values): pending.append(contentsOf: Array(CivilCalendar.formatDate(days: values[row]).utf8))
                case .timestamp(let values):
                    pending.append(contentsOf: Array(CivilCalendar.formatTimestamp(seconds: values[row]).utf8))
                }
            }
            pending.append(CSVByte.lineFeed)
            if pending.count >= flushThreshold {
                try deliver(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        if !pending.isEmpty { try deliver(pending) }
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    private static func appendInteger(_ value: Int64, to pending: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var magnitude = value.magnitude
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
        }
        if value < 0 { pending.append(UInt8(ascii: "-")) }
        withUnsafeBytes(of: &digits) { buffer in
            for i in (20 - count)..<20 { pending.append(buffer[i]) }
        }
    }

    /// A field's bytes, quoted when it holds the delimiter, a quote or a line break.
    static func fieldBytes(_ text: String, delimiter: UInt8) -> [UInt8] {
        let bytes = Array(text.utf8)
        let needsQuotes = bytes.contains {
            $0 == delimiter || $0 == CSVByte.quote || $0 == CSVByte.lineFeed || $0 == CSVByte.carriageReturn
        }
        guard needsQuotes else { return bytes }
        var quoted: [UInt8] = [CSVByte.quote]
        quoted.reserveCapacity(bytes.count + 2)
        for byte in bytes {
            if byte == CSVByte.quote { quoted.append(CSVByte.quote) }
            quoted.append(byte)
        }
        quoted.append(CSVByte.quote)
        return quoted
    }
}
