import StrataEngine

/// Makes a new stream, or finds the one a second `stream … as NAME` continues.
enum StreamSetup {
    struct Started {
        var stream: StreamObject
        var isNew: Bool
        var warnings: [String]
    }

    static func start(_ parsed: ParsedCommand, name: String, ctx: CommandContext) throws -> Started {
        if case .object(let object)? = ctx.workspace[name], let existing = object as? StreamObject {
            let wanted = parsed.subject.map { "table \($0)" } ?? "\"\(parsed.text("source") ?? "")\""
            guard wanted == existing.source.description else {
                throw parsed.error("\(name) streams \(existing.source.description), not \(wanted)",
                                   suggestion: "continue it with the same source, or name a new stream with 'as NAME'")
            }
            let ignored = StreamOptions.shaping.map(\.spec.key).filter { key in
                parsed.options[key].map { $0.value != existing.shapedBy[key] } ?? false
            }
            let warnings = ignored.isEmpty ? [] : ["\(ignored.map { "\($0)=" }.joined(separator: ", ")) only shape a new stream; "
                                                   + "\(name) keeps the settings it was made with"]
            return Started(stream: existing, isNew: false, warnings: warnings)
        }
        let source: StreamSource
        let table: Table
        if let subject = parsed.subject, let t = ctx.workspace.table(subject) {
            source = .table(subject)
            table = t
        } else {
            let path = parsed.text("source") ?? ""
            let (file, t) = try FollowedFile.open(path: path, context: ctx.run)
            source = .file(file)
            table = t
        }
        let spec = try logSpec(parsed, table)
        let log = try EventLog.build(from: table, spec: spec, context: ctx.run)
        let k = parsed[StreamOptions.k]
        let clusters = k > 0 ? try StreamingKMeans(StreamingKMeansParameters(k: k, decay: parsed[StreamOptions.decay]), dimensions: 3) : nil
        if let purchase = parsed[StreamOptions.purchase] {
            let known = Set(log.vocabulary.eventTypes.texts)
            for p in purchase where !known.contains(p) {
                throw parsed.error("no events of type '\(p)' for purchase=", at: parsed.span(StreamOptions.purchase),
                                   suggestion: "event types in the log: \(log.vocabulary.eventTypes.texts.sorted().joined(separator: ", "))")
            }
        }
        let profiles = StreamProfiles(purchaseTypes: parsed[StreamOptions.purchase], clusters: clusters,
                                      rules: try StreamRuleOptions.rules(parsed))
        let others = try StreamModelOptions.recommenders(parsed, ctx).map { [AnyStreamConsumer($0)] } ?? []
        var stream = StreamObject(source: source, log: log, cursor: StreamCursor(), profiles: profiles, others: others)
        for key in StreamOptions.shaping.map(\.spec.key) { stream.shapedBy[key] = parsed.options[key]?.value }
        return Started(stream: stream, isNew: true, warnings: log.report.warnings)
    }

    private static func logSpec(_ parsed: ParsedCommand, _ table: Table) throws -> EventLogSpec {
        func column(_ option: CommandOption<String?>, _ candidates: [String], _ role: String) throws -> String {
            guard let c = InteractionOptions.column(parsed, option, table, candidates: candidates) else {
                throw parsed.error("no \(role) column found", suggestion: "name it with \(option.key)=COLUMN; columns: \(table.columnNames.joined(separator: ", "))")
            }
            return c
        }
        let event = parsed[InteractionOptions.event] ?? (table.column("event") != nil ? "event" : nil)
        if parsed.isGiven(StreamOptions.types), event == nil {
            throw parsed.error("types= needs an event column", at: parsed.span(StreamOptions.types), suggestion: "name it with event=COLUMN")
        }
        return EventLogSpec(userColumn: try column(InteractionOptions.user, InteractionOptions.userNames, "user"),
                            itemColumn: try column(InteractionOptions.item, InteractionOptions.itemNames, "item"),
                            timeColumn: try column(InteractionOptions.time, InteractionOptions.timeNames, "time"),
                            eventColumn: event, acceptedTypes: parsed[StreamOptions.types],
                            contextColumns: parsed[StreamOptions.context] ?? [], valueColumn: parsed[StreamOptions.amount])
    }
}
