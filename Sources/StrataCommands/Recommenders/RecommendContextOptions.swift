import StrataEngine

/// `recommend user … context=device:mobile,hour:21`: the context a context-aware model ranks in.
package enum RecommendContextOptions {
    package static let context = CommandOption.pairs(
        "context", describedAs: "none",
        "rank in a context: device:VALUE and/or hour:0–23 (a model trained with postfilter=yes, or kind fm)")

    /// The request typed, checked for shape (known dimensions, an hour 0–23); nil when not given.
    package static func requested(_ p: ParsedCommand, _ option: CommandOption<OptionPairs?> = context) throws -> RequestedContext? {
        guard let pairs = p[option]?.pairs else { return nil }
        var request = RequestedContext()
        for (key, value) in pairs {
            switch key.lowercased() {
            case "device": request.device = value
            case "hour":
                guard let h = Int(value), (0...23).contains(h) else {
                    throw p.error("hour '\(value)' is not an hour of the day 0–23", at: p.span(option), suggestion: "e.g. context=hour:21")
                }
                request.hour = h
            default:
                throw p.error("unknown context '\(key)'", at: p.span(option), suggestion: "the context has device and hour, e.g. context=device:mobile,hour:21")
            }
        }
        return request
    }

    /// The model's context-aware role and the request resolved against it; values never seen in
    /// training fall back (ranked without them), and the notes say so.
    package static func resolve(_ p: ParsedCommand, model: any Recommender, modelName: String) throws
        -> (model: any ContextAwareRecommender, context: ResolvedContext)? {
        guard let request = try requested(p) else { return nil }
        guard let aware = model.contextAware else {
            throw p.error("\(modelName) (\(model.algorithmName)) does not rank by context", at: p.span(context),
                          suggestion: "train it with postfilter=yes, or train kind fm, e.g. recommender itemknn events event=event postfilter=yes as \(modelName)_ctx")
        }
        return (aware, aware.contextVocabulary.resolve(request))
    }
}

/// `recommend user … session=yes`: the user's last 30 minutes of events re-rank the list.
package enum SessionOptions {
    package static let session = CommandOption.flag(
        "session", default: false,
        "re-rank by the user's current session: items similar to those they saw in the 30 minutes before now= move up")
    package static let events = CommandOption.text("events", default: "events", "session: the event table (user, item, timestamp)")
    package static let now = CommandOption.text("now", describedAs: "the user's latest event", "session: the time the session ends, e.g. 2024-12-01T10:30")
    package static let similar = CommandOption.text("similar", describedAs: "the model itself", "session: the recommender giving item-item similarities (e.g. an itemknn)")

    package static let all: [any OptionDeclaration] = [session, events, now, similar]

    /// The session found and the similarity that re-ranks it; nil when session=yes is not given.
    package static func find(_ p: ParsedCommand, _ ctx: CommandContext, model: any Recommender, modelName: String,
                             user: String) throws -> (found: RecentSession.Found, similarity: any ItemSimilarity, source: String)? {
        guard p[session] else { return nil }
        let similarity: any ItemSimilarity
        var source = modelName
        if let other = p[similar] {
            guard case .object(let o)? = ctx.workspace[other], let r = o as? RecommenderObject else {
                throw p.error("no recommender '\(other)'", at: p.span(similar), suggestion: "name an itemknn model, e.g. similar=iknn")
            }
            guard let s = r.model.itemSimilarity else {
                throw p.error("\(other) (\(r.model.algorithmName)) has no item-item similarity", at: p.span(similar), suggestion: "name an itemknn model")
            }
            similarity = s
            source = other
        } else {
            guard let s = model.itemSimilarity else {
                throw p.error("\(modelName) (\(model.algorithmName)) has no item-item similarity to re-rank a session by", at: p.span(session),
                              suggestion: "add similar=NAME naming an itemknn model")
            }
            similarity = s
        }
        let tableName = p[events]
        guard let table = ctx.workspace.rows(tableName) else {
            throw p.error("no table '\(tableName)' to read the session from", at: p.span(events),
                          suggestion: "load the event log first (load \"datasets/events.csv\" as events), or name it with events=TABLE")
        }
        var at: Int64?
        if let text = p[now] {
            switch LiteralParsing.parseISO(text) {
            case .timestamp(let s)?: at = s
            case .date(let d)?: at = d &* 86_400
            default:
                throw p.error("now='\(text)' is not a date or time", at: p.span(now), suggestion: "e.g. now=2024-12-01T10:30")
            }
        }
        let userColumn = InteractionOptions.userNames.first { table.column($0) != nil }
        let itemColumn = InteractionOptions.itemNames.first { table.column($0) != nil }
        let timeColumn = InteractionOptions.timeNames.first { table.column($0) != nil }
        guard let userColumn, let itemColumn, let timeColumn else {
            throw p.error("table \(tableName) needs user, item and time columns (e.g. user_id, item_id, timestamp)", at: p.span(events))
        }
        guard let found = try RecentSession.find(user: user, in: table, userColumn: userColumn, itemColumn: itemColumn, timeColumn: timeColumn,
                                                 now: at, training: model.training) else {
            throw p.error("user \(user) has no event in \(tableName)" + (at == nil ? "" : " at or before now=\(p[now] ?? "")"), at: p.span(session),
                          suggestion: "leave session= out, or pick a later now=")
        }
        return (found, similarity, source)
    }

    /// "session: 3 items seen in the 30 minutes to 2024-12-01 10:47:40 (similarities from iknn)".
    package static func note(_ found: RecentSession.Found, source: String) -> String {
        var text = "session: \(found.items.count) distinct item\(found.items.count == 1 ? "" : "s") from \(found.events) event\(found.events == 1 ? "" : "s") in the 30 minutes to "
            + CivilCalendar.formatTimestamp(seconds: found.now) + " (similarities from \(source))"
        if found.unknownItems > 0 { text += "; \(found.unknownItems) events on items the model never saw left out" }
        return text
    }
}
