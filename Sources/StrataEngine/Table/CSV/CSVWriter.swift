#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes tables as RFC 4180 CSV that `CSVReader` reads back to the same table: fields holding
/// the delimiter, a quote or a line break are quoted (quotes doubled), missing cells are empty,
/// dates are `YYYY-MM-DD`, timestamps `YYYY-MM-DD HH:MM:SS`, floats the shortest text that reads
/// back to the same double (always with a `.` or exponent, so they stay floats). Lines end in LF.
public enum CSVWriter {
    public static func write(_ table: Table, to path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws {
        // Written beside the target and renamed over it once complete and synced, so a failed or
        // interrupted export never leaves a half-written file under the real name.
        var isDirectory = stat()
        if stat(path, &isDirectory) == 0, (isDirectory.st_mode & S_IFMT) == S_IFDIR {
            throw CSVError(file: path, reason: "is a directory, not a file", suggestion: "name a file inside it")
        }
        let temporary = path + ".strata-partial"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT:
                throw CSVError(file: path, reason: "cannot create the file: its folder does not exist")
            case EISDIR:
                throw CSVError(file: path, reason: "is a directory, not a file", suggestion: "name a file inside it")
            case EACCES, EPERM:
                throw CSVError(file: path, reason: "permission denied")
            default:
                throw CSVError(file: path, reason: "cannot create the file: \(CSVFileSource.systemMessage(code))")
            }
        }
        var failure: CSVError?
        var sink = CSVOutputSink(flushThreshold: 1 << 20) { bytes in
            guard failure == nil else { return }
            failure = writeAll(fd, bytes, path: path)
        }
        encode(table, delimiter: delimiter, into: &sink)
        sink.flush()
        let synced = fsync(fd)
        let closed = close(fd)
        if let failure {
            unlink(temporary)
            throw failure
        }
        if closed != 0 || synced != 0 {
            let message = CSVFileSource.systemMessage(errno)
            unlink(temporary)
            throw CSVError(file: path, reason: "could not finish writing: \(message)")
        }
        if rename(temporary, path) != 0 {
            let message = CSVFileSource.systemMessage(errno)
            unlink(temporary)
            throw CSVError(file: path, reason: "could not replace the file: \(message)")
        }
    }

    /// The CSV text of `table` as bytes.
    public static func encode(_ table: Table, delimiter: UInt8 = UInt8(ascii: ",")) -> [UInt8] {
        var result: [UInt8] = []
        var sink = CSVOutputSink(flushThreshold: Int.max) { result.append(contentsOf: $0) }
        encode(table, delimiter: delimiter, into: &sink)
        sink.flush()
        return result
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) -> CSVError? {
        bytes.withUnsafeBytes { raw -> CSVError? in
            var offset = 0
            while offset < raw.count {
                guard let base = raw.baseAddress else { return nil }
                let n = systemWrite(fd, base + offset, raw.count - offset)
                if n < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    return CSVError(file: path, reason: "write failed: \(CSVFileSource.systemMessage(code))")
                }
                offset += n
            }
            return nil
        }
    }

    private static func encode(_ table: Table, delimiter: UInt8, into sink: inout CSVOutputSink) {
        let columns = table.columns
        for (index, column) in columns.enumerated() {
            if index > 0 { sink.append(delimiter) }
            sink.append(contentsOf: fieldBytes(column.name, delimiter: delimiter))
        }
        sink.append(CSVByte.lineFeed)
        // Each distinct string is escaped once, not once per row.
        let encodedDictionaries: [[[UInt8]]] = columns.map { column in
            guard case .string(_, let dictionary) = column.data else { return [] }
            return dictionary.map { fieldBytes($0, delimiter: delimiter) }
        }
        for row in 0..<table.rowCount {
            for (index, column) in columns.enumerated() {
                if index > 0 { sink.append(delimiter) }
                if column.isMissing(row) { continue }
                switch column.data {
                case .int(let values): appendInteger(values[row], to: &sink)
                case .float(let values):
                    let value = values[row]
                    if !value.isNaN { sink.append(contentsOf: Array(value.description.utf8)) }
                case .string(let codes, _):
                    let code = Int(codes[row])
                    if code >= 0 && code < encodedDictionaries[index].count {
                        sink.append(contentsOf: encodedDictionaries[index][code])
                    }
                case .bool(let values): sink.append(contentsOf: values[row] ? trueBytes : falseBytes)
                case .date(let values): sink.append(contentsOf: Array(CivilCalendar.formatDate(days: values[row]).utf8))
                case .timestamp(let values):
                    sink.append(contentsOf: Array(CivilCalendar.formatTimestamp(seconds: values[row]).utf8))
                }
            }
            sink.append(CSVByte.lineFeed)
        }
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    private static func appendInteger(_ value: Int64, to sink: inout CSVOutputSink) {
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
        if value < 0 { sink.append(UInt8(ascii: "-")) }
        withUnsafeBytes(of: &digits) { buffer in
            for i in (20 - count)..<20 { sink.append(buffer[i]) }
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

/// Collects output bytes and hands them on in large pieces.
struct CSVOutputSink {
    private var buffer: [UInt8] = []
    private let flushThreshold: Int
    private let deliver: ([UInt8]) -> Void

    init(flushThreshold: Int, deliver: @escaping ([UInt8]) -> Void) {
        self.flushThreshold = flushThreshold
        self.deliver = deliver
        buffer.reserveCapacity(min(flushThreshold, 1 << 20) + 1024)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        buffer.append(byte)
    }

    mutating func append(contentsOf bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        deliver(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The C `write`, which `CSVWriter.write` would otherwise shadow.
@inline(__always)
private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, pointer, count)
}
