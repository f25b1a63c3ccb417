import StrataEngine

/// `stream`: replay an event table or file in time order through incremental profiles, segments
/// and k-means, in chunks, with a simulated clock.
package enum StreamCommand {
    package static let spec = CommandSpec(
        "stream", group: .streaming, summary: "Replay events in time order through incremental RFM profiles, segments and k-means; resume, follow a growing file.",
        arguments: [.table("source", help: "a table, or a CSV file in double quotes")],
        options: StreamOptions.all,
        binding: .named { p in "\(p.subject ?? defaultName(p.text("source") ?? "events"))_stream" },
        details: "Events are ordered by time; equal times keep their row order (a stable sort), and rows out of order, "
            + "without a time, user or item, or of a type not in types= are counted with the first row named. "
            + "Events are applied a chunk at a time: every model takes a whole chunk or none of it, so Ctrl-C stops "
            + "cleanly between chunks with everything consistent. until=DAY applies the events before that day; "
            + "streaming again under the same name continues where it stopped. follow=yes keeps reading rows "
            + "appended to the file (a half-written last line waits for the next read) until idle= seconds pass "
            + "with none, or Ctrl-C. Profiles follow rfm's definitions; segments are re-evaluated at the close of "
            + "each day and equal `rfm … asof=NEXT_DAY` on the events so far; each change of segment is kept in "
            + "NAME.moves (day, customer, from, to) and counted per day in NAME.moves_per_day. Your own score and tiers "
            + "(criteria= and scale= as in `score`, tiers= or thresholds= and labels= as in `segment`, over recency, "
            + "frequency and monetary) are fitted at each day's close as those commands would, and a customer whose "
            + "profile changes is re-scored at once; moves (time, customer, from, to) go to NAME.tier_moves. "
            + "period=day|week|month prints the `migrate` table of each period (all of them in NAME.migration and "
            + "NAME.tier_migration). models= feeds incremental recommenders, each event scored before it is learnt "
            + "(as `prequential`); session=yes adds each model re-ranked by the user's current session (their items of the 30 "
            + "minutes before the event) as MODEL+session, and McNemar's test compares the first model with its re-rank "
            + "(without it, the first two models); users= shows those users' current lists on the board and in the output; "
            + "bycontext=device|hour breaks their metrics down. Streaming k-means "
            + "(k=) on the r, f, m scores is updated each day with the customers whose scores changed, and "
            + "compared with a batch refit. See docs/streaming.md.",
        examples: ["stream events until=2024-12-08 as live",
                   "stream \"datasets/events.csv\" purchase=purchase until=2024-12-15 chunk=500 k=3 board=yes every=4 as clicks",
                   "stream tx user=customer_id item=item_id time=invoice_date amount=amount until=2025-01-01 k=0",
                   "stream events purchase=purchase k=0 criteria=\"recency:-1, frequency:1, monetary:1\" tiers=3 labels=Low,Mid,High "
                    + "until=2024-12-22 period=week as tiered",
                   "stream events k=0 context=device models=popular,itemknn users=10040 until=2024-12-10 board=yes every=5 "
                    + "bycontext=device as recs",
                   "stream events k=0 models=itemknn session=yes users=10040 until=2024-12-10 as intent"],
        fileAccess: .reads
    ) { parsed, ctx in
        let name = try ctx.resultName(for: parsed)
        let started = try StreamSetup.start(parsed, name: name, ctx: ctx)
        var stream = started.stream
        if let users = try StreamModelOptions.watched(parsed, stream) { stream = stream.watching(users) }
        if parsed.isGiven(ContextEvaluation.option), stream.recommenders == nil {
            throw parsed.error("bycontext= breaks down the recommenders' metrics, and this stream feeds none", at: parsed.span(ContextEvaluation.option),
                               suggestion: "make the stream with models=, e.g. models=popular,itemknn")
        }
        let before = stream
        var run = StreamRun(stream: stream, chunkSize: parsed[StreamOptions.chunk],
                            until: parsed[StreamOptions.until].map { $0.days * 86_400 - 1 },
                            follow: parsed[StreamOptions.follow], idleSeconds: parsed[StreamOptions.idle],
                            board: parsed[StreamOptions.board]
                                ? StreamBoard(every: parsed[StreamOptions.every], glyphs: ChartGlyphs(ascii: ctx.workspace.settings.ascii)) : nil)
        if parsed[StreamOptions.follow], case .table = started.stream.source {
            throw parsed.error("follow=yes reads a file as it grows; \(parsed.subject ?? "") is a table",
                               at: parsed.span(StreamOptions.follow), suggestion: "give the file in double quotes: stream \"events.csv\" follow=yes")
        }
        run.run(ctx.run)
        let period = parsed[StreamRuleOptions.period]
        let users = run.stream.log.vocabulary.users
        let migrations = try StreamMigrations(run.stream.profiles.moves.map(\.membership), firstOfRun: before.profiles.moves.count,
                                              by: period, users: users, context: ctx.run)
        let tierMigrations = try run.stream.profiles.tiers.map { tiers in
            try StreamMigrations(tiers.moves, firstOfRun: before.profiles.tiers?.moves.count ?? 0, by: period, users: users, context: ctx.run)
        }
        ctx.workspace.bind(name, .object(run.stream))
        for (part, table) in try StreamReport.boundTables(run.stream, migrations: migrations, tierMigrations: tierMigrations) {
            ctx.workspace.bind(name + "." + part, table: table)
        }
        var out = try StreamReport.output(run, before: before, name: name, isNew: started.isNew,
                                          setupWarnings: started.warnings, migrations: migrations, tierMigrations: tierMigrations,
                                          timing: parsed[StreamOptions.timing], seed: ctx.workspace.settings.seed, context: ctx.run)
        if let recommenders = run.stream.recommenders {
            let report = try StreamRecommenderReport(recommenders, log: run.stream.log, parsed: parsed)
            out.blocks += report.blocks(name: name)
            for (part, table) in report.tables { ctx.workspace.bind(name + "." + part, table: table) }
        }
        return out
    }

    private static func defaultName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.split(separator: ".").first.map(String.init) ?? file
        let cleaned = String(stem.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return cleaned.first?.isLetter == true ? cleaned : "events"
    }
}
