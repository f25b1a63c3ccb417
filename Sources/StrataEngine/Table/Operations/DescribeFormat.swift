#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the values `describe` shows as text (order statistics and top values, whose type varies from
/// row to row) into strings. A renderer with its own number style can pass its own formatter instead.
public enum DescribeFormat {
    /// Integers in full, floats to six significant digits without trailing zeros, dates as `YYYY-MM-DD`,
    /// timestamps as `YYYY-MM-DD HH:MM:SS`, booleans as `true`/`false`, missing as an empty string.
    public static func plain(_ value: Value) -> String {
        switch value {
        case .missing: return ""
        case .int(let v): return String(v)
        case .float(let v): return number(v)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return CivilCalendar.formatDate(days: d)
        case .timestamp(let s): return CivilCalendar.formatTimestamp(seconds: s)
        }
    }

    /// Six significant digits in fixed notation (never rounding away integer digits), switching to
    /// exponent notation only for magnitudes where fixed notation would be unreadable.
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        let a = abs(x)
        if a == 0 { return "0" }
        if a < 1e-4 || a >= 1e15 { return printf("%.6g", [x]) }
        var decimals: Int32
        if a >= 1 {
            var digits: Int32 = 1
            var p = 10.0
            while a >= p { digits += 1; p *= 10 }
            decimals = max(0, 6 - digits)
        } else {
            var zeros: Int32 = 0
            var t = a * 10
            while t < 1 { zeros += 1; t *= 10 }
            decimals = zeros + 6
        }
        var s = printf("%.*f", [decimals, x])
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    private static func printf(_ format: String, _ args: [any CVarArg]) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let written = withVaList(args) { list in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, list) }
        }
        guard written >= 0 else { return "?" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
