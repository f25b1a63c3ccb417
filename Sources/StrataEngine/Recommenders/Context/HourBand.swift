/// The four parts of the day a context-aware model tells apart. Bands rather than 24 hours because
/// each hour alone has too few interactions per item to estimate from, while shoppers' habits
/// change mostly between these parts of the day (datasets/README.md: mornings lean to kitchen,
/// afternoons to garden, evenings to textiles and decor).
public enum HourBand: Int, Sendable, CaseIterable, Equatable {
    /// 00:00–05:59
    case night
    /// 06:00–11:59
    case morning
    /// 12:00–17:59
    case afternoon
    /// 18:00–23:59
    case evening

    /// The band of an hour 0–23; nil outside that range.
    public init?(hour: Int) {
        guard (0...23).contains(hour) else { return nil }
        self.init(rawValue: hour / 6)
    }

    public var hours: ClosedRange<Int> { (rawValue * 6)...(rawValue * 6 + 5) }

    public var name: String {
        switch self {
        case .night: return "night"
        case .morning: return "morning"
        case .afternoon: return "afternoon"
        case .evening: return "evening"
        }
    }

    /// "the evening (18–23 h)", as reasons say it.
    public var phrase: String { "the \(name) (\(hours.lowerBound)–\(hours.upperBound) h)" }
}
