/// A finite double as the decimal it prints as: `0.d₁d₂d₃… × 10^point`, with the digits taken
/// from Swift's shortest round-trip `description`. Rounding this decimal rather than the binary
/// value is what keeps `0.1 + 0.2` from surfacing as `0.30000000000000004` and makes `1.005`
/// round to `1.01` the way a reader expects; `description` is locale-free, so the result is the
/// same bytes on every machine.
package struct DecimalDigits: Equatable {
    package var negative: Bool
    /// Significant digits (0...9), no leading or trailing zeros; empty for zero.
    package var digits: [UInt8]
    /// How many digits sit left of the decimal point (may be negative or exceed `digits.count`).
    package var point: Int

    package var isZero: Bool { digits.isEmpty }

    /// nil for infinities and NaN.
    package init?(_ value: Double) {
        guard value.isFinite else { return nil }
        negative = value.sign == .minus
        digits = []
        point = 0
        guard value != 0 else { return }

        var mantissa: [UInt8] = []
        var pointInMantissa: Int?
        var exponent = 0
        var exponentNegative = false
        var inExponent = false
        for byte in value.magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = byte - UInt8(ascii: "0")
                if inExponent {
                    exponent = exponent * 10 + Int(digit)
                } else {
                    mantissa.append(digit)
                }
            case UInt8(ascii: "."): pointInMantissa = mantissa.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-"): exponentNegative = true
            default: break  // "+" of the exponent
            }
        }
        var point = (pointInMantissa ?? mantissa.count) + (exponentNegative ? -exponent : exponent)
        var start = 0
        while start < mantissa.count, mantissa[start] == 0 {
            start += 1
            point -= 1
        }
        var end = mantissa.count
        while end > start, mantissa[end - 1] == 0 { end -= 1 }
        self.digits = Array(mantissa[start..<end])
        self.point = point
    }

    package init(negative: Bool, digits: [UInt8], point: Int) {
        self.negative = negative
        self.digits = digits
        self.point = point
    }

    /// Keeps the first `count` significant digits, rounding half away from zero on the
    /// printed decimal. A carry out of the top digit (9.99 → 10.0) moves the point.
    package func rounded(keeping count: Int) -> DecimalDigits {
        guard count < digits.count else { return self }
        guard count >= 0 else { return DecimalDigits(negative: negative, digits: [], point: 0) }
        var kept = Array(digits[0..<count])
        var point = self.point
        if digits[count] >= 5 {
            var i = kept.count - 1
            while i >= 0, kept[i] == 9 {
                kept[i] = 0
                i -= 1
            }
            if i >= 0 {
                kept[i] += 1
            } else {
                kept.insert(1, at: 0)
                point += 1
            }
        }
        while let last = kept.last, last == 0 { kept.removeLast() }
        if kept.isEmpty { point = 0 }
        return DecimalDigits(negative: negative, digits: kept, point: point)
    }

    /// Rounds to `decimals` places after the point.
    package func rounded(decimals: Int) -> DecimalDigits {
        let keep = point + decimals
        // Every digit lies two or more places below the last kept place: nothing can round up.
        if keep < 0 { return DecimalDigits(negative: negative, digits: [], point: 0) }
        return rounded(keeping: keep)
    }

    /// Places after the point needed to write these digits exactly.
    package var fractionDigits: Int { max(0, digits.count - point) }

    /// The digit at a position counted from the point: 0 is the units, -1 the first decimal.
    package func digit(atPower power: Int) -> UInt8 {
        let index = point - 1 - power
        return index >= 0 && index < digits.count ? digits[index] : 0
    }
}
