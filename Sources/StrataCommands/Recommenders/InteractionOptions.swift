import StrataEngine

/// The options every command that reads interactions from a table shares (`recommender …`, `split`),
/// with defaults found from the usual column names.
package enum InteractionOptions {
    package static let user = CommandOption.column("user", describedAs: "user_id, user or customer_id", "the user column (ids of any type)")
    package static let item = CommandOption.column("item", describedAs: "item_id, item, product_id or book_id", "the item column")
    package static let rating = CommandOption.column("rating", describedAs: "rating, if present", "explicit ratings (numeric)")
    package static let scale = CommandOption.text("scale", describedAs: "the data's min..max",
                                          "the rating scale, e.g. 1..5; ratings outside it are refused")
    package static let event = CommandOption.column("event", describedAs: "none", "implicit events: a column of event types, weighed by weights=")
    package static let weights = CommandOption.pairs("weights", describedAs: "view:1,click:1,cart:3,purchase:5",
                                             "weight of each event type; 0 ignores a type")
    package static let weight = CommandOption.column("weight", describedAs: "none",
                                             "implicit strength from a numeric column (quantity, plays); ≤ 0 left out")
    package static let time = CommandOption.column("time", describedAs: "timestamp, time or date, if present", "when each interaction happened")
    package static let duplicates = CommandOption<DuplicateRule?>.choice("duplicates", describedAs: "last for ratings, sum for events",
                                                                "how repeated (user, item) rows combine")

    package static let all: [any OptionDeclaration] = [user, item, rating, scale, event, weights, weight, time, duplicates]
    /// What reading test interactions needs (`evaluate`): no time, no duplicate rule.
    package static let forTest: [any OptionDeclaration] = [user, item, rating, scale, event, weights, weight]

    package static let userNames = ["user_id", "user", "customer_id", "userid", "customer"]
    package static let itemNames = ["item_id", "item", "product_id", "book_id", "movie_id", "itemid", "product"]
    package static let ratingNames = ["rating", "ratings", "score", "stars"]
    package static let timeNames = ["timestamp", "time", "date", "event_time", "invoice_date"]

    /// The option's value when the command declares it and it was typed; nil otherwise.
    package static func given<Value>(_ parsed: ParsedCommand, _ option: CommandOption<Value?>) -> Value? {
        parsed.spec.option(option.key) == nil ? nil : parsed[option]
    }

    /// The column named by `option`, else the first of `candidates` the table has (case-insensitive).
    package static func column(_ parsed: ParsedCommand, _ option: CommandOption<String?>, _ table: Table, candidates: [String]) -> String? {
        if let given = given(parsed, option) { return given }
        let lowered = table.columnNames.map { $0.lowercased() }
        for c in candidates { if let i = lowered.firstIndex(of: c) { return table.columnNames[i] } }
        return nil
    }

    /// The interaction spec for `table` from the command's options and the column-name defaults.
    package static func spec(_ parsed: ParsedCommand, table: Table) throws -> InteractionSpec {
        guard let user = column(parsed, Self.user, table, candidates: userNames) else {
            throw parsed.error("no user column found", suggestion: "name it with user=COLUMN")
        }
        guard let item = column(parsed, Self.item, table, candidates: itemNames) else {
            throw parsed.error("no item column found", suggestion: "name it with item=COLUMN")
        }
        let chosen = [Self.rating, Self.event, Self.weight].filter { given(parsed, $0) != nil }
        if chosen.count > 1 {
            throw parsed.error("give only one of rating=, event= and weight=", at: parsed.span(chosen[1]))
        }
        let feedback: FeedbackSource
        if let event = given(parsed, Self.event) {
            var weights = InteractionSpec.standardEventWeights
            if let pairs = given(parsed, Self.weights) {
                weights = [:]
                for (k, v) in pairs.pairs {
                    guard let w = Double(v), w.isFinite else {
                        throw parsed.error("weight '\(v)' for '\(k)' is not a number", at: parsed.span(Self.weights))
                    }
                    weights[k] = w
                }
            }
            feedback = .events(column: event, weights: weights)
        } else if let weight = given(parsed, Self.weight) {
            feedback = .weight(column: weight)
        } else if let rating = column(parsed, Self.rating, table, candidates: ratingNames) {
            feedback = .rating(column: rating, scale: try scale(parsed))
        } else {
            feedback = .presence
        }
        return InteractionSpec(user: user, item: item, feedback: feedback, duplicates: given(parsed, Self.duplicates),
                               time: column(parsed, Self.time, table, candidates: timeNames))
    }

    package static func scale(_ parsed: ParsedCommand) throws -> ClosedRange<Double>? {
        guard let text = given(parsed, Self.scale) else { return nil }
        guard let dots = text.firstRange(of: ".."), let lo = Double(text[..<dots.lowerBound]),
              let hi = Double(text[dots.upperBound...]), lo < hi else {
            throw parsed.error("scale '\(text)' is not a range such as 1..5", at: parsed.span(Self.scale))
        }
        return lo...hi
    }

    /// Interactions read from `table`, with one line per thing left out or combined.
    package static func build(_ parsed: ParsedCommand, table: Table, context: RunContext) throws -> BuiltInteractions {
        try Interactions.build(from: table, spec: try spec(parsed, table: table), context: context)
    }
}
