import StrataEngine

/// `prequential … bycontext=device|hour` and `stream … models=… bycontext=…`: the prequential
/// metrics of each model over the scored events of each device or hour band.
enum PrequentialContextReport {
    struct Result {
        let table: Table
        let title: String
        let note: String
    }

    /// Groups as `evaluate … bycontext=` names them: devices sorted, hour bands in the day's order.
    struct Groups {
        let labels: [String]
        let ofEvent: (Int) -> Int?

        static func devices(_ values: [String?]) -> Groups {
            let names = Set(values.compactMap { $0 }).sorted()
            var index: [String: Int] = [:]
            for (i, n) in names.enumerated() { index[n] = i }
            return Groups(labels: names) { e in values.indices.contains(e) ? values[e].flatMap { index[$0] } : nil }
        }

        static func hours(_ values: [Int?]) -> Groups {
            Groups(labels: HourBand.allCases.map { "\($0.name) (\($0.hours.lowerBound)–\($0.hours.upperBound) h)" }) { e in
                values.indices.contains(e) ? values[e].flatMap(HourBand.init(hour:))?.rawValue : nil
            }
        }
    }

    static func make(_ consumer: PrequentialConsumer, _ breakdown: ContextEvaluation.Breakdown, groups: Groups, source: String) throws -> Result {
        let by = PrequentialByContext(consumer, groups: groups.labels.count, groupOfEvent: groups.ofEvent)
        let top = consumer.settings.top
        let table = try Table(columns: [
            EvaluationTables.textColumn(breakdown == .device ? "device" : "hour band", by.rows.map { groups.labels[$0.group] }),
            EvaluationTables.textColumn("model", by.rows.map(\.model)),
            Column(name: "scored", data: .int(by.rows.map { Int64($0.scored) })),
            EvaluationTables.numberColumn("recall@\(top)", by.rows.map { $0.values.recall }),
            EvaluationTables.numberColumn("ndcg@\(top)", by.rows.map { $0.values.ndcg }),
            EvaluationTables.numberColumn("mrr", by.rows.map { $0.values.mrr }),
        ])
        let note = "by \(breakdown.rawValue): each scored event counted under its \(breakdown == .device ? "device" : "hour band") (from \(source)); "
            + "the same lists and hits as the table above, averaged within each group"
            + (by.missing > 0 ? "; \(Format.count(by.missing)) scored events with no \(breakdown.rawValue) left out" : "")
        return Result(table: table, title: "prequential by \(breakdown == .device ? "device" : "hour band")", note: note)
    }

    /// For `prequential`: the context of each event from its table row.
    static func table(_ parsed: ParsedCommand, consumer: PrequentialConsumer, input: PrequentialInput, table: Table) throws -> Result? {
        guard let breakdown = parsed[ContextEvaluation.option], let rows = input.events.rows else { return nil }
        let span = parsed.span(ContextEvaluation.option)
        let named = table.columnNames.first { $0.lowercased() == breakdown.rawValue }
        switch breakdown {
        case .device:
            guard let name = named, let column = table.column(name) else {
                throw parsed.error("the event table has no device column to break the metrics down by", at: span,
                                   suggestion: "columns: " + table.columnNames.joined(separator: ", "))
            }
            let values = rows.map { column.isMissing($0) ? nil : DescribeFormat.plain(column.value(at: $0)) }
            return try make(consumer, breakdown, groups: .devices(values), source: "column \(name)")
        case .hour:
            // An hour column when there is one, else the hour of the event's own time.
            let name = named ?? input.columns.time
            let hours = try ContextualInteractions.hoursOfDay(table, name)
            return try make(consumer, breakdown, groups: .hours(rows.map { hours.indices.contains($0) ? hours[$0] : nil }),
                            source: "column \(name)")
        }
    }

    /// For `stream`: the context each event carries (`context=`), or for hours the event's time.
    static func stream(_ breakdown: ContextEvaluation.Breakdown, consumer: PrequentialConsumer, log: EventLog, span: SourceSpan,
                       parsed: ParsedCommand) throws -> Result {
        let columns = log.spec.contextColumns
        let carried = columns.firstIndex { $0.lowercased() == breakdown.rawValue }
        switch breakdown {
        case .device:
            guard let c = carried else {
                throw parsed.error("the stream carries no device column to break the metrics down by", at: span,
                                   suggestion: "carry it when the stream is made: context=device")
            }
            let values = log.events.map { e -> String? in
                let text = log.vocabulary.contextText(e, column: c)
                return text.isEmpty ? nil : text
            }
            return try make(consumer, breakdown, groups: .devices(values), source: "the carried column \(columns[c])")
        case .hour:
            let hours = log.events.map { e -> Int? in
                if let c = carried { return Int(log.vocabulary.contextText(e, column: c)) }
                return Int((e.time % 86_400 + 86_400) % 86_400 / 3_600)
            }
            return try make(consumer, breakdown, groups: .hours(hours), source: carried.map { "the carried column \(columns[$0])" } ?? "the event's time")
        }
    }
}
