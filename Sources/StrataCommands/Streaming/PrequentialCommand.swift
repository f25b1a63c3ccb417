import StrataEngine

/// `prequential EVENTS models=… top=10 window=1000 batch=7d`: incremental recommenders replayed
/// over an event log, each event a test before it is a lesson.
package enum PrequentialCommands {
    package static let all: [CommandSpec] = [PrequentialCommand.spec]
}

package enum PrequentialCommand {
    package static let spec = CommandSpec(
        "prequential", group: .recommenders,
        summary: "Replay an event log through incremental recommenders, testing each on every event before it learns it.",
        arguments: [.table("events", help: "one row per interaction: user, item and time")],
        options: PrequentialOptions.all,
        binding: .named { _ in "prequential" },
        details: "Events are put in time order (ties in row order). For each event of a user seen before whose item is new to "
            + "them, every model recommends top= items leaving out the user's items; a hit is the event's item in the list. Then "
            + "every model learns the event. recall@N, NDCG@N and MRR are kept over the last window= scored events and with a "
            + "fading factor (Vinagre, Jorge & Gama 2014). Models: popular (halflife= fades old users), itemknn (co-occurrence "
            + "counts, cosine), isgd (incremental SGD matrix factorisation), als (implicit ALS refitted every refit=, users "
            + "folded in between). batch=7 adds each model's batch version refitted every 7 days on everything so far. "
            + "McNemar's test compares the per-event hits of two models (compare=) over the last window. session=yes adds each "
            + "model re-ranked by the user's current session (events in the 30 minutes before the event; item-kNN similarities "
            + "of the events so far) as MODEL+session, compared with the model by default. bycontext=device|hour averages the "
            + "metrics per device (the device column) or hour band (the hour column, else the time's hour). Prints the results, "
            + "a chart of metric= over time and the protocol; binds NAME (the table shown) and NAME.series (the metrics "
            + "after every window of scored events, with each model's memory). See docs/streaming.md.",
        examples: ["prequential events models=popular,itemknn first=5000",
                   "prequential events models=popular,itemknn,isgd top=10 window=500 first=5000 metric=ndcg",
                   "prequential events models=popular,itemknn batch=7 first=8000 compare=itemknn,\"itemknn/batch\"",
                   "prequential events models=popular halflife=2 window=2000 first=5000 as fading_pop",
                   "prequential events models=itemknn session=yes first=5000 bycontext=device"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let input = try PrequentialInput(parsed, table, context: ctx.run)
        let kinds = try PrequentialOptions.kinds(parsed)
        let settings = try PrequentialOptions.settings(parsed, ctx)
        let lineup = StreamModelLineup(kinds: kinds, settings: settings,
                                       batchPeriod: parsed[PrequentialOptions.batch].map { Int64(PrequentialOptions.seconds(days: $0)) },
                                       session: parsed[PrequentialOptions.session])
        let models = lineup.models
        let notes = lineup.withoutBatch.map { "\($0.rawValue) has no batch version here (its batch relative is als)" }
        var evaluation = PrequentialSettings()
        evaluation.top = parsed[PrequentialOptions.top]
        evaluation.window = parsed[PrequentialOptions.window]
        evaluation.fading = parsed[PrequentialOptions.fading]
        evaluation.every = parsed[PrequentialOptions.every]
        let compare = try comparedPair(parsed, names: models.map(\.name)) ?? lineup.sessionPair
        var consumer = try PrequentialConsumer(models: models, settings: evaluation, compare: compare)
        ctx.run.progress.begin("prequential", total: input.events.events.count, unit: "events")
        defer { ctx.run.progress.end() }
        let chunk = 8_192
        var start = 0
        let events = input.events.events
        while start < events.count {
            let end = min(events.count, start + chunk)
            try consumer.consumeInPlace(events[start..<end], context: ctx.run)
            ctx.run.progress.update(end)
            start = end
        }
        let report = PrequentialReport(consumer: consumer, input: input, metric: parsed[PrequentialOptions.metric])
        var out = CommandOutput()
        let name = try ctx.resultName(for: parsed)
        let summary = try report.summary()
        out.append(.table(summary, title: "prequential on \(parsed.subject ?? "events"), top \(evaluation.top), window \(evaluation.window)",
                          showShape: false))
        if let chart = report.chart() { out.append(.chart(chart)) }
        if let test = report.mcnemarText() { out.append(.text(test)) }
        if let byContext = try PrequentialContextReport.table(parsed, consumer: consumer, input: input, table: table) {
            out.append(.table(byContext.table, title: byContext.title, showShape: false))
            out.append(.note(byContext.note))
            ctx.workspace.bind(name + ".bycontext", table: byContext.table)
        }
        out.append(.text("protocol\n" + report.protocolLines().map { "  " + $0 }.joined(separator: "\n")))
        for n in notes { out.append(.note(n)) }
        if input.events.outOfOrderRows > 0 {
            out.append(.warning("\(Format.count(input.events.outOfOrderRows)) rows were earlier than the row before them; "
                                + "the events were replayed in time order (ties in row order)"))
        }
        ctx.workspace.bind(name, table: summary)
        ctx.workspace.bind(name + ".series", table: try report.series())
        out.append(.note("\(name): the table above; \(name).series: the metrics over time"
                         + (parsed.isGiven(ContextEvaluation.option) ? "; \(name).bycontext: the metrics per context" : "")))
        return out
    }

    /// The two models McNemar compares: compare=A,B, else the first two.
    private static func comparedPair(_ parsed: ParsedCommand, names: [String]) throws -> (first: Int, second: Int)? {
        guard let words = parsed[PrequentialOptions.compare] else { return nil }
        let span = parsed.span(PrequentialOptions.compare)
        guard words.count == 2 else { throw parsed.error("compare= takes two models, e.g. compare=itemknn,popular", at: span) }
        let indices = try words.map { w -> Int in
            guard let i = names.firstIndex(of: w.lowercased()) else {
                throw parsed.error("'\(w)' is not one of the models run", at: span, suggestion: "choose from " + names.joined(separator: ", "))
            }
            return i
        }
        guard indices[0] != indices[1] else { throw parsed.error("compare= needs two different models", at: span) }
        return (indices[0], indices[1])
    }
}

/// The event table read as a stream.
struct PrequentialInput {
    let events: EncodedEvents
    let columns: (user: String, item: String, time: String)
    let firstLimit: Int?

    init(_ parsed: ParsedCommand, _ table: Table, context: RunContext) throws {
        guard let user = InteractionOptions.column(parsed, InteractionOptions.user, table, candidates: InteractionOptions.userNames) else {
            throw parsed.error("no user column found", suggestion: "name it with user=COLUMN")
        }
        guard let item = InteractionOptions.column(parsed, InteractionOptions.item, table, candidates: InteractionOptions.itemNames) else {
            throw parsed.error("no item column found", suggestion: "name it with item=COLUMN")
        }
        guard let time = InteractionOptions.column(parsed, InteractionOptions.time, table, candidates: InteractionOptions.timeNames) else {
            throw parsed.error("no time column found", suggestion: "name it with time=COLUMN: a stream needs the order of events")
        }
        columns = (user, item, time)
        var events = try EncodedEvents.from(table, user: user, item: item, time: time,
                                            keepRows: parsed.isGiven(ContextEvaluation.option), context: context)
        firstLimit = parsed[PrequentialOptions.first]
        if let n = firstLimit { events = events.prefix(n) }
        self.events = events
    }
}
