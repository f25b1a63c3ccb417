import StrataEngine
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Builds one CSV file in memory as UTF-8 bytes: RFC 4180 quoting, `\n` line ends, an empty
/// field for a missing value. Numbers are written by integer arithmetic only, never through
/// `String(format:)` or `description`, so the text cannot depend on locale or platform.
struct CSVFile {
    let name: String
    private(set) var bytes: [UInt8] = []
    private(set) var rows = 0
    private var atRowStart = true

    init(name: String, header: [String]) {
        self.name = name
        bytes.reserveCapacity(1 << 20)
        for column in header { text(column) }
        endRow()
        rows = 0
    }

    private mutating func separator() {
        if !atRowStart { bytes.append(UInt8(ascii: ",")) }
        atRowStart = false
    }

    mutating func text(_ value: String) {
        separator()
        let utf8 = value.utf8
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        if !needsQuotes {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for b in utf8 {
            if b == UInt8(ascii: "\"") { bytes.append(b) }
            bytes.append(b)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func int(_ value: Int) {
        separator()
        appendInteger(value)
    }

    mutating func missing() { separator() }

    /// Pence (or cents) as a decimal amount with exactly two places.
    mutating func money(cents: Int) {
        separator()
        appendFixed(scaled: cents, decimals: 2)
    }

    /// A double rounded half away from zero to `decimals` places.
    mutating func fixed(_ value: Double, decimals: Int) {
        separator()
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        appendFixed(scaled: Int((value * scale).rounded()), decimals: decimals)
    }

    mutating func date(days: Int) {
        text(CivilCalendar.formatDate(days: Int64(days)))
    }

    mutating func timestamp(seconds: Int) {
        text(CivilCalendar.formatTimestamp(seconds: Int64(seconds)))
    }

    mutating func endRow() {
        bytes.append(10)
        rows += 1
        atRowStart = true
    }

    private mutating func appendInteger(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes.append(contentsOf: digits.reversed())
    }

    private mutating func appendFixed(scaled: Int, decimals: Int) {
        var divisor = 1
        for _ in 0..<decimals { divisor *= 10 }
        // Written from the magnitude so that -0.004 becomes "0.00", not "-0.00".
        let magnitude = scaled.magnitude
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        appendInteger(Int(magnitude / UInt(divisor)))
        guard decimals > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var fraction = Int(magnitude % UInt(divisor))
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: decimals)
        for i in stride(from: decimals - 1, through: 0, by: -1) {
            digits[i] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
        }
        bytes.append(contentsOf: digits)
    }
}

struct OutputError: Error, CustomStringConvertible {
    let description: String
}

enum Output {
    /// `mkdir -p`: creates each missing component; an existing directory is fine.
    static func makeDirectory(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if !isDirectory(prefix), mkdir(prefix, 0o755) != 0, !isDirectory(prefix) {
                throw OutputError(description: "cannot create directory \(prefix)")
            }
            prefix += "/"
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        guard let dir = opendir(path) else { return false }
        closedir(dir)
        return true
    }

    static func write(_ file: CSVFile, into directory: String) throws -> Int {
        try AtomicFile.write(file.bytes, to: directory + "/" + file.name)
        return file.bytes.count
    }

    /// Straight to file descriptor 2: the C `stderr` global is shared mutable state to Swift 6.
    static func error(_ message: String) {
        let line = Array((message + "\n").utf8)
        _ = line.withUnsafeBufferPointer { writeToDescriptor(2, $0.baseAddress, $0.count) }
    }
}

#if canImport(Glibc)
private func writeToDescriptor(_ fd: Int32, _ buf: UnsafePointer<UInt8>?, _ n: Int) -> Int { Glibc.write(fd, buf, n) }
#else
private func writeToDescriptor(_ fd: Int32, _ buf: UnsafePointer<UInt8>?, _ n: Int) -> Int { Darwin.write(fd, buf, n) }
#endif
