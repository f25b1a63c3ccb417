import StrataEngine

/// The options every command that reads interactions from a table shares (`recommender …`, `split`),
/// with defaults found from the usual column names.
enum InteractionOptions {
    static let specs: [OptionSpec] = [
        OptionSpec("user", .column, default: "user_id, user or customer_id", "the user column (ids of any type)"),
        OptionSpec("item", .column, default: "item_id, item, product_id or book_id", "the item column"),
        OptionSpec("rating", .column, default: "rating, if present", "explicit ratings (numeric)"),
        OptionSpec("scale", .string, default: "the data's min..max", "the rating scale, e.g. 1..5; ratings outside it are refused"),
        OptionSpec("event", .column, default: "none", "implicit events: a column of event types, weighed by weights="),
        OptionSpec("weights", .pairs, default: "view:1,click:1,cart:3,purchase:5", "weight of each event type; 0 ignores a type"),
        OptionSpec("weight", .column, default: "none", "implicit strength from a numeric column (quantity, plays); ≤ 0 left out"),
        OptionSpec("time", .column, default: "timestamp, time or date, if present", "when each interaction happened"),
        OptionSpec("duplicates", .choice(DuplicateRule.allCases.map(\.rawValue)), default: "last for ratings, sum for events",
                   "how repeated (user, item) rows combine"),
    ]

    static let userNames = ["user_id", "user", "customer_id", "userid", "customer"]
    static let itemNames = ["item_id", "item", "product_id", "book_id", "movie_id", "itemid", "product"]
    static let ratingNames = ["rating", "ratings", "score", "stars"]
    static let timeNames = ["timestamp", "time", "date", "event_time", "invoice_date"]

    static func column(_ parsed: ParsedCommand, _ key: String, _ table: Table, candidates: [String]) -> String? {
        if let given = parsed.string(key) { return given }
        let lowered = table.columnNames.map { $0.lowercased() }
        for c in candidates { if let i = lowered.firstIndex(of: c) { return table.columnNames[i] } }
        return nil
    }

    /// The interaction spec for `table` from the command's options and the column-name defaults.
    static func spec(_ parsed: ParsedCommand, table: Table) throws -> InteractionSpec {
        guard let user = column(parsed, "user", table, candidates: userNames) else {
            throw parsed.error("no user column found", suggestion: "name it with user=COLUMN")
        }
        guard let item = column(parsed, "item", table, candidates: itemNames) else {
            throw parsed.error("no item column found", suggestion: "name it with item=COLUMN")
        }
        let chosen = ["rating", "event", "weight"].filter { parsed.hasOption($0) }
        if chosen.count > 1 {
            throw parsed.error("give only one of rating=, event= and weight=", at: parsed.optionSpan(chosen[1]))
        }
        let feedback: FeedbackSource
        if let event = parsed.string("event") {
            var weights = InteractionSpec.standardEventWeights
            if let pairs = parsed.pairs("weights") {
                weights = [:]
                for (k, v) in pairs {
                    guard let w = Double(v), w.isFinite else {
                        throw parsed.error("weight '\(v)' for '\(k)' is not a number", at: parsed.optionSpan("weights"))
                    }
                    weights[k] = w
                }
            }
            feedback = .events(column: event, weights: weights)
        } else if let weight = parsed.string("weight") {
            feedback = .weight(column: weight)
        } else if let rating = column(parsed, "rating", table, candidates: ratingNames) {
            feedback = .rating(column: rating, scale: try scale(parsed))
        } else {
            feedback = .presence
        }
        let duplicates = parsed.string("duplicates").flatMap(DuplicateRule.init(rawValue:))
        let time = column(parsed, "time", table, candidates: timeNames)
        return InteractionSpec(user: user, item: item, feedback: feedback, duplicates: duplicates, time: time)
    }

    static func scale(_ parsed: ParsedCommand) throws -> ClosedRange<Double>? {
        guard let text = parsed.string("scale") else { return nil }
        guard let dots = text.firstRange(of: ".."), let lo = Double(text[..<dots.lowerBound]),
              let hi = Double(text[dots.upperBound...]), lo < hi else {
            throw parsed.error("scale '\(text)' is not a range such as 1..5", at: parsed.optionSpan("scale"))
        }
        return lo...hi
    }

    /// Interactions read from `table`, with one line per thing left out or combined.
    static func build(_ parsed: ParsedCommand, table: Table, context: RunContext) throws -> BuiltInteractions {
        try Interactions.build(from: table, spec: try spec(parsed, table: table), context: context)
    }
}
