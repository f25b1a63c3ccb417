/// Numbers parsed straight from field bytes, with no String in between on the common path.
/// Surrounding spaces and tabs are tolerated, since hand-edited files often pad numbers.
enum CSVNumberParsing {
    @inline(__always)
    static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int) {
        var start = 0
        var end = field.count
        while start < end, field[start] == CSVByte.space || field[start] == CSVByte.tab { start += 1 }
        while end > start, field[end - 1] == CSVByte.space || field[end - 1] == CSVByte.tab { end -= 1 }
        return (start, end)
    }

    /// The value of digits with an optional leading minus, at most 18 of them (so surely within
    /// Int64), with no padding: the shape of nearly every integer field, read without bookkeeping.
    @inline(__always)
    static func shortPlainInt(_ field: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = field.count
        guard n > 0 else { return nil }
        let negative = field[0] == UInt8(ascii: "-")
        var i = negative ? 1 : 0
        guard n > i, n - i <= 18 else { return nil }
        var value: Int64 = 0
        while i < n {
            let digit = field[i] &- UInt8(ascii: "0")
            if digit >= 10 { return nil }
            value = value &* 10 &+ Int64(digit)
            i += 1
        }
        return negative ? -value : value
    }

    /// A plain integer (optional sign, digits) that fits Int64.
    @inline(__always)
    static func parseInt(_ field: UnsafeBufferPointer<UInt8>) -> Int64? {
        var (i, end) = trimmed(field)
        guard i < end else { return nil }
        var negative = false
        let first = field[i]
        if first == UInt8(ascii: "-") {
            negative = true
            i += 1
        } else if first == UInt8(ascii: "+") {
            i += 1
        }
        guard i < end else { return nil }
        var magnitude: UInt64 = 0
        if end - i <= 18 {
            // 18 digits cannot overflow UInt64, so the check per digit is only "is it a digit".
            while i < end {
                let digit = field[i] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                magnitude = magnitude &* 10 &+ UInt64(digit)
                i += 1
            }
        } else {
            while i < end {
                let digit = field[i] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
                guard !o1, !o2 else { return nil }
                magnitude = sum
                i += 1
            }
        }
        return signed(magnitude, negative: negative)
    }

    @inline(__always)
    private static func signed(_ magnitude: UInt64, negative: Bool) -> Int64? {
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// An integer written with thousands separators (`1,234,567`) or without.
    static func parseGroupedInt(_ field: UnsafeBufferPointer<UInt8>) -> Int64? {
        let shape = numericShape(field)
        if shape.contains(.int) { return parseInt(field) }
        guard shape.contains(.groupedInt), shape.contains(.hasThousandsSeparator) else { return nil }
        let (start, end) = trimmed(field)
        var negative = false
        var magnitude: UInt64 = 0
        for i in start..<end {
            let byte = field[i]
            if byte == UInt8(ascii: "-") {
                negative = true
            } else if byte != UInt8(ascii: "+") && byte != CSVByte.comma {
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(byte &- UInt8(ascii: "0")))
                guard !o1, !o2 else { return nil }
                magnitude = sum
            }
        }
        return signed(magnitude, negative: negative)
    }

    /// A decimal number, correctly rounded. Simple decimals (up to 19 significant digits and a
    /// small exponent) take an exact fast path: both the integer mantissa and the power of ten are
    /// exact doubles, so one IEEE division or multiplication rounds correctly. Anything else is
    /// validated here and handed to the standard library's locale-independent parser.
    static func parseDouble(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        let (start, end) = trimmed(field)
        var i = start
        guard i < end else { return nil }
        var negative = false
        if field[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        } else if field[i] == UInt8(ascii: "+") {
            i += 1
        }
        guard i < end else { return nil }
        let first = field[i] | 0x20
        if first == UInt8(ascii: "i") {
            return isInfinityWord(field, from: i, to: end) ? (negative ? -.infinity : .infinity) : nil
        }

        var mantissa: UInt64 = 0
        var significantDigits = 0
        var decimalExponent = 0
        var sawDigit = false
        var droppedNonZero = false
        while i < end {
            let digit = field[i] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            sawDigit = true
            if significantDigits < 19 {
                if mantissa != 0 || digit != 0 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    significantDigits += 1
                }
            } else {
                decimalExponent += 1
                if digit != 0 { droppedNonZero = true }
            }
            i += 1
        }
        if i < end, field[i] == UInt8(ascii: ".") {
            i += 1
            while i < end {
                let digit = field[i] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                sawDigit = true
                if significantDigits < 19 {
                    if mantissa != 0 || digit != 0 {
                        mantissa = mantissa &* 10 &+ UInt64(digit)
                        significantDigits += 1
                    }
                    decimalExponent -= 1
                } else if digit != 0 {
                    droppedNonZero = true
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < end, field[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < end, field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") {
                exponentNegative = field[i] == UInt8(ascii: "-")
                i += 1
            }
            var exponent = 0
            var sawExponentDigit = false
            while i < end {
                let digit = field[i] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                sawExponentDigit = true
                // Beyond this the result is 0 or infinity anyway; capping avoids overflow.
                if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
                i += 1
            }
            guard sawExponentDigit else { return nil }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        guard i == end else { return nil }

        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !droppedNonZero, mantissa <= 1 << 53, decimalExponent >= -22, decimalExponent <= 22 {
            var value = Double(mantissa)
            if decimalExponent < 0 {
                value /= exactPowerOfTen(-decimalExponent)
            } else {
                value *= exactPowerOfTen(decimalExponent)
            }
            return negative ? -value : value
        }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: field[start..<end]), as: UTF8.self))
    }

    /// 10^n for 0 ≤ n ≤ 22, the range in which every power of ten is an exact double.
    @inline(__always)
    private static func exactPowerOfTen(_ n: Int) -> Double {
        var result = 1.0
        var base = 10.0
        var e = n
        // Products of exact powers of ten below 10^22 stay exact, so squaring loses nothing.
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return result
    }

    private static func isInfinityWord(_ field: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let length = end - start
        guard length == 3 || length == 8 else { return false }
        let word: [UInt8] = Array("infinity".utf8)
        for k in 0..<length where field[start + k] | 0x20 != word[k] { return false }
        return true
    }

    /// A float in any plain form (exponents too) or with thousands separators (`1,234.50`).
    static func parseGroupedDouble(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        let shape = numericShape(field)
        if shape.contains(.float) { return parseDouble(field) }
        guard shape.contains(.groupedFloat), shape.contains(.hasThousandsSeparator) else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: field.count) { scratch in
            var n = 0
            for byte in field where byte != CSVByte.comma {
                scratch[n] = byte
                n += 1
            }
            return parseDouble(UnsafeBufferPointer(rebasing: scratch[0..<n]))
        }
    }

    /// Places after the decimal point as written: `19.99` → 2, `5` and `1,234` → 0, `2.50` → 2.
    /// nil for scientific notation and infinities, which carry no fixed number of places.
    static func writtenDecimals(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        let (start, end) = trimmed(field)
        var i = start
        while i < end, field[i] != UInt8(ascii: ".") {
            if field[i] | 0x20 == UInt8(ascii: "e") || field[i] | 0x20 == UInt8(ascii: "i") { return nil }
            i += 1
        }
        guard i < end else { return 0 }
        i += 1
        let first = i
        while i < end, field[i] &- UInt8(ascii: "0") < 10 { i += 1 }
        return i == end ? i - first : nil
    }

    /// Which numeric forms a field fits, found in one scan. Plain numbers also fit the
    /// thousands-separator forms, so a column mixing `1,234.50` and `999.00` is still numeric.
    static func numericShape(_ field: UnsafeBufferPointer<UInt8>) -> CSVTypeCandidates {
        let (start, end) = trimmed(field)
        var i = start
        guard i < end else { return [] }
        if field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") { i += 1 }
        guard i < end else { return [] }
        if field[i] | 0x20 == UInt8(ascii: "i") {
            return isInfinityWord(field, from: i, to: end) ? .float : []
        }
        // Fast path for the commonest field of all, a plain integer short enough to fit.
        var j = i
        while j < end, field[j] &- UInt8(ascii: "0") < 10 { j += 1 }
        if j == end && end - i <= 18 { return .numeric }

        var integerDigits = 0
        var groupDigits = 0
        var separators = 0
        var groupingValid = true
        while i < end {
            let byte = field[i]
            if byte &- UInt8(ascii: "0") < 10 {
                integerDigits += 1
                groupDigits += 1
            } else if byte == CSVByte.comma {
                // The first group holds 1-3 digits, every later one exactly 3.
                if separators == 0 {
                    if groupDigits == 0 || groupDigits > 3 { groupingValid = false }
                } else if groupDigits != 3 {
                    groupingValid = false
                }
                separators += 1
                groupDigits = 0
            } else {
                break
            }
            i += 1
        }
        if separators > 0 && groupDigits != 3 { groupingValid = false }

        var fractionDigits = 0
        var hasPoint = false
        if i < end, field[i] == UInt8(ascii: ".") {
            hasPoint = true
            i += 1
            while i < end, field[i] &- UInt8(ascii: "0") < 10 {
                fractionDigits += 1
                i += 1
            }
        }
        guard integerDigits + fractionDigits > 0 else { return [] }
        var hasExponent = false
        if i < end, field[i] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            i += 1
            if i < end, field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") { i += 1 }
            var exponentDigits = 0
            while i < end, field[i] &- UInt8(ascii: "0") < 10 {
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return [] }
        }
        guard i == end else { return [] }

        if separators > 0 {
            guard groupingValid, !hasExponent, integerDigits > 0 else { return [] }
            return hasPoint ? [.groupedFloat, .hasThousandsSeparator]
                : [.groupedInt, .groupedFloat, .hasThousandsSeparator]
        }
        if hasPoint || hasExponent {
            return hasExponent ? .float : [.float, .groupedFloat]
        }
        let fitsInt64 = integerDigits <= 18 || parseInt(field) != nil
        return fitsInt64 ? [.int, .float, .groupedInt, .groupedFloat] : [.float, .groupedFloat]
    }
}
