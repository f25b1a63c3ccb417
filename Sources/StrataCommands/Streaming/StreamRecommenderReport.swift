import StrataEngine

/// What `stream … models=` adds to the output: each model's prequential metrics so far (with each
/// model's session re-rank beside it when asked), McNemar between two of them, the current lists
/// of the watched users, and the metrics per context when asked.
struct StreamRecommenderReport {
    let summary: Table
    let lists: Table?
    let byContext: PrequentialContextReport.Result?
    let protocolLine: String
    /// McNemar between the first model and its session re-rank (or the first two models).
    let mcnemar: String?
    /// What MODEL+session and McNemar mean, when the stream has them.
    let methodLines: [String]

    init(_ recommenders: StreamRecommenders, log: EventLog, parsed: ParsedCommand) throws {
        let consumer = recommenders.evaluation
        summary = try PrequentialReport.summary(consumer)
        if recommenders.watched.isEmpty {
            lists = nil
        } else {
            var t = SummaryTable([("user", .string), ("model", .string), ("items", .string)])
            for user in recommenders.watched {
                guard let lists = recommenders.lists(for: user, count: consumer.settings.top, log: log) else {
                    t.row([.string(user), .string(""), .string("(no events yet)")])
                    continue
                }
                for (model, items) in lists { t.row([.string(user), .string(model), .string(items.joined(separator: ", "))]) }
            }
            lists = t.table
        }
        byContext = try parsed[ContextEvaluation.option].map {
            try PrequentialContextReport.stream($0, consumer: consumer, log: log, span: parsed.span(ContextEvaluation.option), parsed: parsed)
        }
        let c = consumer.counts
        protocolLine = "prequential over the \(Format.count(c.events)) events applied so far: each event of a user seen before whose item is "
            + "new to them (\(Format.count(c.scored)) scored) is first a test (top \(consumer.settings.top) leaving out the user's items, "
            + "a hit if the item is in it), then every model learns it; win_ = the last \(Format.count(consumer.settings.window)) scored events"
        mcnemar = PrequentialReport.mcnemarText(consumer)
        methodLines = [PrequentialReport.sessionLine(consumer), PrequentialReport.mcnemarLine(consumer)].compactMap { $0 }
    }

    var tables: [(part: String, table: Table)] {
        var out: [(part: String, table: Table)] = [("prequential", summary)]
        if let lists { out.append(("lists", lists)) }
        if let byContext { out.append(("bycontext", byContext.table)) }
        return out
    }

    func blocks(name: String) -> [OutputBlock] {
        var out: [OutputBlock] = [.table(summary, title: "recommenders, prequentially", showShape: false), .note(protocolLine)]
        if let mcnemar { out.append(.text(mcnemar)) }
        out += methodLines.map { .note($0) }
        if let lists { out.append(.table(lists, title: "current lists of the chosen users", showShape: false)) }
        if let byContext {
            out.append(.table(byContext.table, title: byContext.title, showShape: false))
            out.append(.note(byContext.note))
        }
        out.append(.note("\(name).prequential: the metrics above" + (lists == nil ? "" : "; \(name).lists: the lists")
                         + (byContext == nil ? "" : "; \(name).bycontext: the metrics per context")))
        return out
    }
}
