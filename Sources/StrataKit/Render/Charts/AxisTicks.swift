import Foundation

/// How an axis reads its values: plain numbers, days since 1970 shown as dates, or a base-10
/// logarithm of positive numbers (the axis is labelled with the numbers themselves).
public enum AxisKind: Sendable, Equatable {
    case number
    /// Whole numbers (k, ranks, counts): ticks only on integers.
    case integer
    case date
    case log10
}

/// A numeric axis: the drawn range and its ticks, which sit at round numbers (1, 2 or 5 times a
/// power of ten) so that labels read like a person would write them. Positions are in axis space
/// (log10 of the value on a log axis).
public struct AxisScale: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let ticks: [Double]
    public let kind: AxisKind
    /// Places after the point that every tick label shares.
    package let decimals: Int

    /// Where `value` (in data units) falls between 0 (lower end) and 1 (upper end); nil when it
    /// cannot be placed (not finite, or not positive on a log axis).
    package func fraction(_ value: Double) -> Double? {
        guard let v = position(value) else { return nil }
        let span = upper - lower
        return span > 0 ? (v - lower) / span : 0.5
    }

    /// Data units to axis space.
    package func position(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch kind {
        case .number, .integer, .date: return value
        case .log10: return value > 0 ? Foundation.log10(value) : nil
        }
    }

    /// The label of a tick given in axis space.
    package func label(_ tick: Double) -> String {
        switch kind {
        case .number, .integer:
            let grouping = NumberFormatting.wantsGrouping(largestMagnitude: max(abs(lower), abs(upper)))
            return NumberFormatting.format(tick, decimals: decimals, grouping: grouping)
        case .date:
            return CivilCalendar.formatDate(days: Int64(tick.rounded()))
        case .log10:
            return NumberFormatting.significant(pow(10, tick), digits: 3)
        }
    }
}

/// Round-number tick placement.
public enum AxisTicks {
    /// The smallest step of 1, 2 or 5 × 10^k that splits `span` into at most `maxTicks - 1` intervals.
    public static func niceStep(span: Double, maxTicks: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(1, maxTicks - 1))
        let magnitude = pow(10, (Foundation.log10(raw)).rounded(.down))
        for multiple in [1.0, 2, 5, 10] where multiple * magnitude >= raw * (1 - 1e-9) {
            return multiple * magnitude
        }
        return 10 * magnitude
    }

    /// A linear scale over `low...high` widened to whole steps, with at most `maxTicks` ticks.
    /// `includeZero` keeps zero inside the range (bars and counts start at zero).
    public static func linear(_ low: Double, _ high: Double, maxTicks: Int, includeZero: Bool = false,
                              kind: AxisKind = .number) -> AxisScale {
        var lo = low.isFinite ? low : 0
        var hi = high.isFinite ? high : 1
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if hi < lo { swap(&lo, &hi) }
        if hi == lo {
            let pad = lo == 0 ? 1 : abs(lo) * 0.5
            lo -= includeZero && lo >= 0 ? 0 : pad
            hi += pad
            if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        }
        var step = niceStep(span: hi - lo, maxTicks: max(2, maxTicks))
        // Widening to whole steps can waste much of the axis (0…10 for data up to 6); a finer round
        // step that costs at most one tick more is taken when it wastes a quarter less.
        let finer = smallerNiceStep(step)
        let waste = { (s: Double) in ((hi / s - 1e-9).rounded(.up) - (lo / s + 1e-9).rounded(.down)) * s / (hi - lo) - 1 }
        let finerTicks = Int((hi / finer - 1e-9).rounded(.up) - (lo / finer + 1e-9).rounded(.down)) + 1
        if waste(step) > 0.25, finerTicks <= maxTicks + 1, waste(finer) < waste(step) - 0.25 { step = finer }
        if kind == .date || kind == .integer { step = max(1, step.rounded()) }
        let first = (lo / step + 1e-9).rounded(.down)
        let last = (hi / step - 1e-9).rounded(.up)
        let ticks = stride(from: first, through: last, by: 1).map { $0 * step }
        let decimals = kind == .date || kind == .integer ? 0 : max(0, -Int((Foundation.log10(step) + 1e-9).rounded(.down)))
        return AxisScale(lower: first * step, upper: last * step, ticks: ticks.map { $0 == 0 ? 0 : $0 },
                         kind: kind, decimals: decimals)
    }

    /// The next round step down: 5 → 2 → 1 → 0.5 ….
    package static func smallerNiceStep(_ step: Double) -> Double {
        let magnitude = pow(10, (Foundation.log10(step) + 1e-9).rounded(.down))
        let multiple = (step / magnitude).rounded()
        return multiple >= 5 ? 2 * magnitude : multiple >= 2 ? magnitude : magnitude / 2
    }

    /// A log10 scale over positive `low...high`, widened to whole decades, ticks at powers of ten
    /// (every other decade or sparser when there are many).
    public static func logarithmic(_ low: Double, _ high: Double, maxTicks: Int) -> AxisScale {
        let lo = low > 0 && low.isFinite ? Foundation.log10(low) : 0
        let hi = high > 0 && high.isFinite ? Foundation.log10(high) : lo + 1
        let first = (lo + 1e-9).rounded(.down)
        var last = (hi - 1e-9).rounded(.up)
        if last <= first { last = first + 1 }
        let decades = Int(last - first)
        let every = max(1, (decades + max(1, maxTicks - 1) - 1) / max(1, maxTicks - 1))
        let ticks = stride(from: first, through: last, by: Double(every)).map { $0 }
        return AxisScale(lower: first, upper: last, ticks: ticks, kind: .log10, decimals: 0)
    }

    /// The scale for `kind` over data values `low...high`.
    package static func scale(_ low: Double, _ high: Double, kind: AxisKind, maxTicks: Int, includeZero: Bool = false) -> AxisScale {
        kind == .log10 ? logarithmic(low, high, maxTicks: maxTicks)
            : linear(low, high, maxTicks: maxTicks, includeZero: includeZero, kind: kind)
    }
}
