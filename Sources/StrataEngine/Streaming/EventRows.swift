/// Turns table rows into events: checks the columns, skips and counts unusable rows, orders the
/// rest by time (stable), and hands out ids in that order of arrival.
enum EventRows {
    struct Read {
        var events: [StreamEvent]
        var report: EventLogReport
    }

    /// `firstRow` is the stream row number of the table's row 0.
    static func read(_ table: Table, spec: EventLogSpec, firstRow: Int, vocabulary: inout StreamVocabulary,
                     context: RunContext) throws -> Read {
        let times = try timeSeconds(try Interactions.requireColumn(table, spec.timeColumn, role: "time"))
        let user = try KeyedTexts(try Interactions.requireColumn(table, spec.userColumn, role: "user"), context: context)
        let item = try KeyedTexts(try Interactions.requireColumn(table, spec.itemColumn, role: "item"), context: context)
        let type = try spec.eventColumn.map {
            try KeyedTexts(try Interactions.requireColumn(table, $0, role: "event"), context: context)
        }
        let contexts = try spec.contextColumns.map {
            try KeyedTexts(try Interactions.requireColumn(table, $0, role: "context"), context: context)
        }
        let accepted = spec.acceptedTypes.map(Set.init)
        let values = try spec.valueColumn.map { name in
            let column = try Interactions.requireColumn(table, name, role: "amount")
            guard column.type.isNumeric, let v = column.doubles() else {
                throw EngineError("amount column '\(name)' holds \(column.type.rawValue) values, not numbers",
                                  suggestion: "derive a numeric amount first, e.g. amount = quantity * unit_price")
            }
            return v
        }

        var report = EventLogReport()
        report.rowsRead = table.rowCount
        var kept: [Int] = []
        kept.reserveCapacity(table.rowCount)
        var newest: Int64?
        var unknownNames = Set<String>()
        for i in 0..<table.rowCount {
            if i & 0xFFFF == 0 { try context.cancellation.check() }
            let rowNumber = firstRow + i + 1
            guard let t = times[i] else {
                if report.firstMissingTimeRow == nil { report.firstMissingTimeRow = rowNumber }
                report.missingTime += 1
                continue
            }
            guard user.key(i) >= 0, item.key(i) >= 0, (type?.key(i) ?? 0) >= 0 else {
                if report.firstMissingFieldRow == nil { report.firstMissingFieldRow = rowNumber }
                report.missingField += 1
                continue
            }
            if let accepted, let type, !accepted.contains(type.text(i)) {
                if report.firstUnknownTypeRow == nil { report.firstUnknownTypeRow = rowNumber }
                report.unknownType += 1
                unknownNames.insert(type.text(i))
                continue
            }
            if let n = newest, t < n {
                if report.firstOutOfOrderRow == nil { report.firstOutOfOrderRow = rowNumber }
                report.outOfOrder += 1
            }
            newest = max(newest ?? t, t)
            kept.append(i)
        }
        report.unknownTypeNames = unknownNames.sorted()
        report.eventsAccepted = kept.count
        // Stable: equal times keep row order, which `sorted` alone does not promise.
        kept.sort { a, b in
            let ta = times[a] ?? 0, tb = times[b] ?? 0
            return ta != tb ? ta < tb : a < b
        }

        var userIds = user.idCache(), itemIds = item.idCache(), typeIds = type?.idCache() ?? []
        var contextIds = contexts.map { $0.idCache() }
        var events: [StreamEvent] = []
        events.reserveCapacity(kept.count)
        for i in kept {
            let u = intern(user, i, &userIds, &vocabulary.users)
            let it = intern(item, i, &itemIds, &vocabulary.items)
            let ty = type.map { intern($0, i, &typeIds, &vocabulary.eventTypes) } ?? -1
            var ctx: [Int32] = []
            ctx.reserveCapacity(contexts.count)
            for c in contexts.indices {
                ctx.append(contexts[c].key(i) < 0 ? -1 : intern(contexts[c], i, &contextIds[c], &vocabulary.contexts[c]))
            }
            events.append(StreamEvent(row: firstRow + i, time: times[i] ?? 0, user: u, item: it, type: ty, context: ctx,
                                      value: values?[i] ?? .nan))
        }
        return Read(events: events, report: report)
    }

    /// Each distinct value's id is looked up once: `cache[key]` holds it after the first time.
    private static func intern(_ texts: KeyedTexts, _ row: Int, _ cache: inout [Int32], _ ids: inout StreamIds) -> Int32 {
        let k = Int(texts.key(row))
        if cache[k] < 0 { cache[k] = ids.intern(texts.text(row)) }
        return cache[k]
    }

    /// Seconds since 1970 per row, nil where missing.
    static func timeSeconds(_ column: Column) throws -> [Int64?] {
        switch column.data {
        case .timestamp(let v), .int(let v):
            return v.indices.map { column.isMissing($0) ? nil : v[$0] }
        case .date(let v):
            return v.indices.map { column.isMissing($0) ? nil : v[$0] &* 86_400 }
        default:
            throw EngineError("time column '\(column.name)' holds \(column.type.rawValue) values, not times",
                              suggestion: "use a timestamp, date or integer-seconds column, or load with types=\(column.name):timestamp")
        }
    }
}

/// A column's rows as dense keys (one per distinct value, -1 where missing) with each key's text.
struct KeyedTexts {
    private let keys: DenseKeys
    private let texts: [String]

    init(_ column: Column, context: RunContext) throws {
        keys = try DenseKeyEncoder.encode(column, missing: .excluded, context: context)
        texts = keys.firstRow.map { IdEncoder.idText(column, row: $0) }
    }

    func key(_ row: Int) -> Int32 { keys.ids[row] }
    func text(_ row: Int) -> String { texts[Int(keys.ids[row])] }
    func idCache() -> [Int32] { [Int32](repeating: -1, count: texts.count) }
}
