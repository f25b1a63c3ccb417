/// One notation and one number of places for a whole float column, so its values line up on
/// the decimal point when right-aligned.
///
/// The rule: each value asks for the decimals that show it to 6 significant digits (trailing
/// zeros dropped); the column takes the most any value asks for, capped at 4. Values too small
/// to show a digit at 4 places (below 10⁻⁴) ask for nothing and read as zero, so a stray
/// 1e-17 of floating-point noise cannot force a whole column into 4 places or into scientific
/// notation. The column is scientific only when a magnitude reaches 10¹⁵, or when every non-zero
/// value is below 10⁻⁴ (a column of learning rates, say), where fixed notation would show zeros.
///
/// Two things raise the places, never past the cap: a value that six digits would round into
/// another integer (46,075.99 is not 46,076.0) asks for the places that keep its integer part;
/// and `minimumDecimals`, the places the column's values were written with (`ColumnDisplay`),
/// so that a column of prices keeps its cents whatever the rows in view.
public enum FloatLayout: Sendable, Equatable {
    case fixed(decimals: Int)
    case scientific(decimals: Int)

    public static let maxDecimals = 4

    public static func choose(
        for values: some Sequence<Double>,
        significant: Int = NumberFormatting.defaultSignificantDigits,
        maxDecimals: Int = FloatLayout.maxDecimals,
        minimumDecimals: Int = 0
    ) -> FloatLayout {
        let significant = max(1, significant)
        let maxDecimals = max(0, maxDecimals)
        var nonZero: [DecimalDigits] = []
        for value in values {
            if let decimal = DecimalDigits(value), !decimal.isZero { nonZero.append(decimal) }
        }
        // A value below 10^-maxDecimals has its point at -maxDecimals or lower.
        let showing = nonZero.filter { $0.point > -maxDecimals }
        let tooLarge = nonZero.contains { $0.point > 15 }
        if !tooLarge, !(showing.isEmpty && !nonZero.isEmpty) {
            let wanted = showing.map { decimal in
                let places = min(NumberFormatting.decimalsNeeded(decimal, significant: significant), maxDecimals)
                return NumberFormatting.placesKeepingIntegerPart(decimal, from: places, cap: maxDecimals)
            }.max() ?? 0
            return .fixed(decimals: max(wanted, min(max(0, minimumDecimals), maxDecimals)))
        }
        let mantissa = nonZero.map { $0.rounded(keeping: significant).digits.count - 1 }.max() ?? 0
        return .scientific(decimals: max(0, mantissa))
    }

    /// As `format`, except that a non-zero value the fixed places would show with fewer than two
    /// significant digits (0.00006 at 4 places reads 0.0001, a different value) is shown on its
    /// own to significant digits. For columns of estimates (`ColumnDisplay.significantWhenSmall`).
    public func formatKeepingSmall(_ value: Double, grouping: Bool = true) -> String {
        if case .fixed(let decimals) = self, value != 0, value.isFinite,
           value.magnitude * Self.powerOfTen(decimals) < 10 {
            return NumberFormatting.significant(value, grouping: grouping)
        }
        return format(value, grouping: grouping)
    }

    private static func powerOfTen(_ n: Int) -> Double {
        (0..<max(0, n)).reduce(1.0) { product, _ in product * 10 }
    }

    public func format(_ value: Double, grouping: Bool = true) -> String {
        switch self {
        case .fixed(let decimals): return NumberFormatting.format(value, decimals: decimals, grouping: grouping)
        case .scientific(let decimals): return NumberFormatting.scientific(value, decimals: decimals)
        }
    }
}
