/// Where the strength of each interaction comes from.
public enum FeedbackSource: Sendable, Equatable {
    /// A numeric rating column; values outside `scale` are refused. With no scale the data's
    /// own minimum…maximum is used.
    case rating(column: String, scale: ClosedRange<Double>?)
    /// A column of event types (view, cart, purchase…), each weighed by `weights`. A type without a
    /// weight is refused by name; give it weight 0 to ignore it.
    case events(column: String, weights: [String: Double])
    /// A numeric implicit strength (quantity, play count); rows with a value ≤ 0 are left out.
    case weight(column: String)
    /// Every row counts 1.
    case presence

    public var isExplicit: Bool { if case .rating = self { return true } else { return false } }
}

/// How to read interactions from a table.
public struct InteractionSpec: Sendable, Equatable {
    public var userColumn: String
    public var itemColumn: String
    public var feedback: FeedbackSource
    public var duplicates: DuplicateRule
    /// A timestamp, date or integer-seconds column, kept aligned with the entries.
    public var timeColumn: String?

    public init(user: String, item: String, feedback: FeedbackSource, duplicates: DuplicateRule? = nil,
                time: String? = nil) {
        userColumn = user
        itemColumn = item
        self.feedback = feedback
        // Revised ratings replace earlier ones; repeated events add up.
        self.duplicates = duplicates ?? (feedback.isExplicit ? .last : .sum)
        timeColumn = time
    }

    /// Default weights for the usual e-commerce events.
    public static let standardEventWeights: [String: Double] = ["view": 1, "click": 1, "cart": 3, "purchase": 5]
}

/// What building interactions did to the rows, for the command's note.
public struct InteractionsReport: Sendable, Equatable {
    public var rowsRead = 0
    public var rowsUsed = 0
    public var missingUserOrItem = 0
    public var missingValue = 0
    /// Rows left out on purpose: events of weight 0, non-positive implicit strengths.
    public var ignored = 0
    public var duplicatesCombined = 0
    public var duplicateRule: DuplicateRule = .last

    public init() {}

    /// One line such as "dropped 3 rows with a missing rating; 12 duplicate pairs averaged".
    public var notes: [String] {
        var out: [String] = []
        if missingUserOrItem > 0 { out.append("left out \(missingUserOrItem) rows with a missing user or item") }
        if missingValue > 0 { out.append("left out \(missingValue) rows with a missing value") }
        if ignored > 0 { out.append("left out \(ignored) rows of zero or negative weight") }
        if duplicatesCombined > 0 {
            out.append("\(duplicatesCombined) repeated (user, item) rows \(duplicateRule.phrase)")
        }
        return out
    }
}

public struct BuiltInteractions: Sendable {
    public let interactions: Interactions
    public let report: InteractionsReport
}
