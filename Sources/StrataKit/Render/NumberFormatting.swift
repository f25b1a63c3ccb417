/// Locale-free number text: "." for the decimal point, "," between groups of three digits,
/// ASCII "-" for negatives, rounding half away from zero on the shortest round-trip decimal
/// (see `DecimalDigits`). Zero never carries a sign: `-0.0` and `-0.00001` at 2 decimals
/// both print as `0` / `0.00`.
public enum NumberFormatting {
    /// Significant digits used when a float is shown on its own or a column picks its decimals.
    public static let defaultSignificantDigits = 6
    /// Magnitudes from here up switch to scientific notation: beyond this a double no longer
    /// holds every integer exactly, and the grouped integer part would be 21+ characters.
    public static let scientificAbove: Double = 1e15
    /// Non-zero magnitudes below this switch to scientific notation when shown on their own.
    public static let scientificBelow: Double = 1e-4

    /// Four-digit numbers read better bare (years above all: `2011`, not `2,011`), so displays
    /// group digits only where some number in view reaches this magnitude; a column decides once
    /// for all its values, which keeps it consistent.
    public static let groupingFrom: UInt64 = 10_000

    /// Counts and sums group from here: a total of 3,744 reads like the totals beside it, and no
    /// total is a year.
    public static let totalGroupingFrom: UInt64 = 1_000

    /// Whether a column (or a lone value) whose largest magnitude is `magnitude` groups digits.
    public static func wantsGrouping(largestMagnitude magnitude: Double, isTotal: Bool = false) -> Bool {
        magnitude >= Double(isTotal ? totalGroupingFrom : groupingFrom)
    }

    /// An integer with thousands separators: `1234567` → `1,234,567`.
    public static func grouped(_ value: Int64) -> String {
        integer(value, grouping: true)
    }

    public static func integer(_ value: Int64, grouping: Bool) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + (grouping ? group(digits) : digits)
    }

    /// Fixed notation with exactly `decimals` places: `format(1234.5, decimals: 2)` → `1,234.50`.
    /// Infinities print as `inf` / `-inf`, NaN as `nan`.
    public static func format(_ value: Double, decimals: Int, grouping: Bool = true) -> String {
        guard let decimal = DecimalDigits(value) else { return nonFinite(value) }
        return fixed(decimal.rounded(decimals: max(0, decimals)), decimals: max(0, decimals), grouping: grouping)
    }

    /// Scientific notation with exactly `decimals` places in the mantissa and an exponent of at
    /// least two digits: `scientific(123456789, decimals: 2)` → `1.23e+08`.
    public static func scientific(_ value: Double, decimals: Int) -> String {
        guard let decimal = DecimalDigits(value) else { return nonFinite(value) }
        return scientific(decimal, decimals: max(0, decimals))
    }

    /// A value on its own, to at most `digits` significant digits with trailing zeros dropped.
    /// Fixed notation keeps every integer digit (`123456789.123` → `123,456,789`), so the limit
    /// only trims decimals; very large or very small magnitudes use scientific notation. A value
    /// is not rounded into another integer: `46075.99` prints `46,075.99`, not `46,076` (see
    /// `placesKeepingIntegerPart`).
    public static func significant(_ value: Double, digits: Int = defaultSignificantDigits, grouping: Bool = true) -> String {
        guard let decimal = DecimalDigits(value) else { return nonFinite(value) }
        let digits = max(1, digits)
        if usesScientific(decimal) {
            let rounded = decimal.rounded(keeping: digits)
            return scientific(rounded, decimals: max(0, rounded.digits.count - 1))
        }
        let places = placesKeepingIntegerPart(decimal, from: decimalsNeeded(decimal, significant: digits))
        return fixed(decimal.rounded(decimals: places), decimals: places, grouping: grouping)
    }

    /// Places after the point that show `value` to `significant` digits, trailing zeros dropped
    /// (`0.30000000000000004` → 1, `2.25` → 2, `1500.0` → 0). Non-finite values need none.
    public static func decimalsNeeded(_ value: Double, significant: Int = defaultSignificantDigits) -> Int {
        guard let decimal = DecimalDigits(value) else { return 0 }
        return decimalsNeeded(decimal, significant: max(1, significant))
    }

    /// Mantissa places that show `value` to `significant` digits in scientific notation.
    public static func mantissaDecimalsNeeded(_ value: Double, significant: Int = defaultSignificantDigits) -> Int {
        guard let decimal = DecimalDigits(value) else { return 0 }
        return max(0, decimal.rounded(keeping: max(1, significant)).digits.count - 1)
    }

    // MARK: - Pieces

    package static func decimalsNeeded(_ decimal: DecimalDigits, significant: Int) -> Int {
        decimal.rounded(keeping: significant).fractionDigits
    }

    /// Rounding to significant digits must not change the integer part a value has: 46,075.99 to
    /// six digits is 46,076.0, which states a different number of whole units. From `places`, one
    /// more place at a time up to `cap`, the first that keeps the integer part;
    /// `places` itself when none does (`45.99999999999999`, the float noise of a sum that is 46,
    /// still reads `46`).
    package static func placesKeepingIntegerPart(
        _ decimal: DecimalDigits, from places: Int, cap: Int = FloatLayout.maxDecimals
    ) -> Int {
        var candidate = max(0, places)
        while candidate <= max(places, cap) {
            if keepsIntegerPart(decimal, decimal.rounded(decimals: candidate)) { return candidate }
            candidate += 1
        }
        return places
    }

    /// Whether `rounded` has the same digits left of the point as `decimal`.
    package static func keepsIntegerPart(_ decimal: DecimalDigits, _ rounded: DecimalDigits) -> Bool {
        let top = max(decimal.point, rounded.point, 1)
        for power in 0..<top where decimal.digit(atPower: power) != rounded.digit(atPower: power) { return false }
        return true
    }

    package static func usesScientific(_ decimal: DecimalDigits) -> Bool {
        guard !decimal.isZero else { return false }
        // 10^15 has point 16; anything below 10^-4 has point <= -4.
        return decimal.point > 15 || decimal.point <= -4
    }

    package static func fixed(_ rounded: DecimalDigits, decimals: Int, grouping: Bool) -> String {
        var integerPart = ""
        var power = max(rounded.point, 1) - 1
        while power >= 0 {
            integerPart.append(Character(Unicode.Scalar(UInt8(ascii: "0") + rounded.digit(atPower: power))))
            power -= 1
        }
        var text = (rounded.negative && !rounded.isZero) ? "-" : ""
        text += grouping ? group(integerPart) : integerPart
        if decimals > 0 {
            text += "."
            for place in 1...decimals {
                text.append(Character(Unicode.Scalar(UInt8(ascii: "0") + rounded.digit(atPower: -place))))
            }
        }
        return text
    }

    package static func scientific(_ decimal: DecimalDigits, decimals: Int) -> String {
        let rounded = decimal.rounded(keeping: decimals + 1)
        var text = (rounded.negative && !rounded.isZero) ? "-" : ""
        let lead = rounded.digits.first ?? 0
        text.append(Character(Unicode.Scalar(UInt8(ascii: "0") + lead)))
        if decimals > 0 {
            text += "."
            for i in 1...decimals {
                let d = i < rounded.digits.count ? rounded.digits[i] : 0
                text.append(Character(Unicode.Scalar(UInt8(ascii: "0") + d)))
            }
        }
        let exponent = rounded.isZero ? 0 : rounded.point - 1
        let magnitude = String(exponent.magnitude)
        text += (exponent < 0 ? "e-" : "e+") + (magnitude.count < 2 ? "0" : "") + magnitude
        return text
    }

    package static func nonFinite(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        return value < 0 ? "-inf" : "inf"
    }

    /// Inserts "," every three digits from the right of a run of ASCII digits.
    package static func group(_ digits: String) -> String {
        let count = digits.utf8.count
        guard count > 3 else { return digits }
        var out = ""
        out.reserveCapacity(count + count / 3)
        for (i, ch) in digits.enumerated() {
            if i > 0, (count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
