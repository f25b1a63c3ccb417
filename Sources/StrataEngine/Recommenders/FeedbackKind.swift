/// What the interaction values mean: ratings on a known scale, or implicit strengths (counts or
/// event weights) where only "more is stronger" holds.
public enum FeedbackKind: Sendable, Equatable {
    case explicit(scale: ClosedRange<Double>)
    case implicit

    public var isExplicit: Bool { if case .explicit = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .explicit(let s): return "explicit ratings \(shortNumber(s.lowerBound))–\(shortNumber(s.upperBound))"
        case .implicit: return "implicit feedback"
        }
    }
}

/// 5 rather than 5.0, 0.5 as is: for messages and protocol lines.
func shortNumber(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return String(x)
}
