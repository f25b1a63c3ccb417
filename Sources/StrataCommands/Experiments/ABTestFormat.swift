/// How `abtest` writes its figures: rates as percentages, their differences in percentage points,
/// other values to four significant digits.
package enum ABTestFormat {
    package static func value(_ x: Double, _ kind: MetricKind) -> String {
        guard x.isFinite else { return "—" }
        switch kind {
        case .conversion: return NumberFormatting.format(x * 100, decimals: 2) + "%"
        case .mean, .ratio: return NumberFormatting.significant(x, digits: 4)
        }
    }

    package static func difference(_ x: Double, _ kind: MetricKind) -> String {
        guard x.isFinite else { return "—" }
        switch kind {
        case .conversion: return signed(NumberFormatting.format(x * 100, decimals: 2), x) + " pp"
        case .mean, .ratio: return signed(NumberFormatting.significant(x, digits: 3), x)
        }
    }

    package static func relative(_ x: Double) -> String {
        guard x.isFinite else { return "—" }
        return signed(NumberFormatting.format(x * 100, decimals: 1), x) + "%"
    }

    /// An interval's ends without units, in parentheses, to follow the estimate in one cell.
    package static func bracket(_ i: ConfidenceInterval?, _ format: (Double) -> String) -> String {
        guard let i, i.lower.isFinite, i.upper.isFinite else { return "" }
        return "(\(format(i.lower)), \(format(i.upper)))"
    }

    /// A difference in the metric's units (percentage points for rates) without the unit word;
    /// `signed` puts a plus on positive values.
    package static func number(_ x: Double, _ kind: MetricKind, signed wantsSign: Bool) -> String {
        guard x.isFinite else { return "—" }
        let text: String
        switch kind {
        case .conversion: text = NumberFormatting.format(x * 100, decimals: 2)
        case .mean, .ratio: text = NumberFormatting.significant(x, digits: 3)
        }
        return wantsSign ? signed(text, x) : text
    }

    package static func relativeNumber(_ x: Double, signed wantsSign: Bool) -> String {
        let text = NumberFormatting.format(x * 100, decimals: 1)
        return wantsSign ? signed(text, x) : text
    }

    /// An interval's width: a positive amount in the metric's units.
    package static func width(_ x: Double, _ kind: MetricKind) -> String {
        switch kind {
        case .conversion: return NumberFormatting.format(x * 100, decimals: 2) + " pp"
        case .mean, .ratio: return NumberFormatting.significant(x, digits: 3)
        }
    }

    package static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "—" }
        if p < 0.0001 { return "< 0.0001" }
        return NumberFormatting.significant(p, digits: 2)
    }

    package static func percentLevel(_ level: Double) -> String {
        NumberFormatting.significant(level * 100, digits: 3) + "%"
    }

    private static func signed(_ text: String, _ x: Double) -> String {
        x > 0 && !text.hasPrefix("+") ? "+" + text : text
    }
}
