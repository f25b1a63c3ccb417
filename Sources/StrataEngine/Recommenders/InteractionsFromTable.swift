extension Interactions {
    /// Reads interactions from table rows. Bad input (unknown columns, non-numeric ratings, ratings
    /// outside the scale, unweighted event types, nothing left) throws an `EngineError` naming it.
    public static func build(from table: Table, spec: InteractionSpec, context: RunContext) throws -> BuiltInteractions {
        let userColumn = try requireColumn(table, spec.userColumn, role: "user")
        let itemColumn = try requireColumn(table, spec.itemColumn, role: "item")
        var users = try IdEncoder.encode(userColumn, context: context)
        var items = try IdEncoder.encode(itemColumn, context: context)
        let (strength, kind) = try strengths(table, spec.feedback)
        let times = try spec.timeColumn.map { try timeSeconds(table, $0) }

        var report = InteractionsReport()
        report.rowsRead = table.rowCount
        report.duplicateRule = spec.duplicates
        // Rows left out are marked in the user ids themselves (-1) and the kept rows are renumbered
        // in place, so no per-row copy of users, items or values is made: on millions of rows those
        // copies were what set the peak memory of building interactions.
        var usedUser = [Bool](repeating: false, count: users.texts.count)
        var usedItem = [Bool](repeating: false, count: items.texts.count)
        var rowsUsed = 0
        for i in 0..<table.rowCount {
            if i & 0xFFFF == 0 { try context.cancellation.check() }
            let u = users.ids[i], it = items.ids[i]
            if u < 0 || it < 0 { report.missingUserOrItem += 1; users.ids[i] = -1; continue }
            let v = strength[i]
            if v.isNaN || (times?[i] == nil && times != nil) { report.missingValue += 1; users.ids[i] = -1; continue }
            if !kind.isExplicit && v <= 0 { report.ignored += 1; users.ids[i] = -1; continue }
            usedUser[Int(u)] = true
            usedItem[Int(it)] = true
            rowsUsed += 1
        }
        guard rowsUsed > 0 else {
            throw EngineError("no usable interactions: all \(table.rowCount) rows have a missing user, item or value",
                              suggestion: "check the user=, item= and rating/event columns")
        }
        // Users or items whose only rows were left out keep no index, so indices stay dense.
        let (userMap, userTexts) = compact(usedUser, users.texts)
        let (itemMap, itemTexts) = compact(usedItem, items.texts)
        for i in 0..<table.rowCount where users.ids[i] >= 0 {
            users.ids[i] = userMap[Int(users.ids[i])]
            items.ids[i] = itemMap[Int(items.ids[i])]
        }
        report.rowsUsed = rowsUsed
        let userOf = users.ids, itemOf = items.ids
        users.ids = []
        items.ids = []
        let build = strength.withUnsafeBufferPointer { value in
            CSRMatrix.fromEntries(rows: consume userOf, columns: consume itemOf, rowCount: userTexts.count,
                                  columnCount: itemTexts.count, duplicates: spec.duplicates,
                                  value: { value[$0] }, time: times.map { t in { t[$0] ?? 0 } })
        }
        report.duplicatesCombined = build.duplicatesCombined
        let interactions = Interactions(userIds: userTexts, itemIds: itemTexts, byUser: build.matrix,
                                        kind: kind, entryTimes: build.times)
        return BuiltInteractions(interactions: interactions, report: report)
    }

    static func requireColumn(_ table: Table, _ name: String, role: String) throws -> Column {
        guard let c = table.column(name) else {
            let hint = closestName(name, among: table.columnNames).map { "did you mean '\($0)'?" }
            throw EngineError("no \(role) column '\(name)'", suggestion: hint ?? "columns: \(table.columnNames.joined(separator: ", "))")
        }
        return c
    }

    private static func closestName(_ name: String, among names: [String]) -> String? {
        let low = name.lowercased()
        return names.first { $0.lowercased() == low } ?? names.first { $0.lowercased().contains(low) || low.contains($0.lowercased()) }
    }

    /// Per-row strengths (NaN = missing) and the feedback kind they make.
    private static func strengths(_ table: Table, _ source: FeedbackSource) throws -> ([Double], FeedbackKind) {
        switch source {
        case .presence:
            return ([Double](repeating: 1, count: table.rowCount), .implicit)
        case .weight(let name):
            return (try numbers(table, name, role: "weight"), .implicit)
        case .rating(let name, let stated):
            let values = try numbers(table, name, role: "rating")
            var lo = Double.infinity, hi = -Double.infinity
            for v in values where !v.isNaN { lo = min(lo, v); hi = max(hi, v) }
            guard lo <= hi else { throw EngineError("rating column '\(name)' has no values") }
            let scale = stated ?? lo...hi
            if let stated {
                var outside = 0
                var example = 0.0
                for v in values where !v.isNaN && !stated.contains(v) {
                    if outside == 0 { example = v }
                    outside += 1
                }
                if outside > 0 {
                    throw EngineError(
                        "\(outside) ratings in '\(name)' are outside the scale \(shortNumber(stated.lowerBound))–\(shortNumber(stated.upperBound)) (e.g. \(shortNumber(example)))",
                        suggestion: "filter them out first, or state the scale with scale=\(shortNumber(lo))..\(shortNumber(hi))")
                }
            }
            return (values, .explicit(scale: scale))
        case .events(let name, let weights):
            let column = try requireColumn(table, name, role: "event")
            guard case .string(let codes, let dictionary) = column.data else {
                throw EngineError("event column '\(name)' holds \(column.type.rawValue) values, not event names",
                                  suggestion: "use weight=\(name) for a numeric strength")
            }
            var present = [Bool](repeating: false, count: dictionary.count)
            for c in codes where c >= 0 && Int(c) < dictionary.count { present[Int(c)] = true }
            let unknown = dictionary.indices.filter { present[$0] && weights[dictionary[$0]] == nil }.map { dictionary[$0] }
            if !unknown.isEmpty {
                throw EngineError("no weight for event type\(unknown.count == 1 ? "" : "s") \(unknown.sorted().map { "'\($0)'" }.joined(separator: ", ")) in '\(name)'",
                                  suggestion: "give every type a weight, e.g. weights=\(unknown.sorted().map { "\($0):1" }.joined(separator: ",")); weight 0 ignores a type")
            }
            let byCode = dictionary.map { weights[$0] ?? .nan }
            let values = codes.map { $0 >= 0 && Int($0) < byCode.count ? byCode[Int($0)] : Double.nan }
            return (values, .implicit)
        }
    }

    private static func numbers(_ table: Table, _ name: String, role: String) throws -> [Double] {
        let column = try requireColumn(table, name, role: role)
        guard case .string = column.data else {
            if let v = column.doubles() { return v }
            throw EngineError("\(role) column '\(name)' is not numeric")
        }
        throw EngineError("\(role) column '\(name)' holds text, not numbers",
                          suggestion: "for event names use event=\(name) with weights=…")
    }

    /// Seconds since 1970 per row, nil where missing.
    private static func timeSeconds(_ table: Table, _ name: String) throws -> [Int64?] {
        try EventRows.timeSeconds(try requireColumn(table, name, role: "time"))
    }

    /// Renumbers the ids actually used, keeping their sorted order.
    private static func compact(_ present: [Bool], _ texts: [String]) -> ([Int32], [String]) {
        var map = [Int32](repeating: -1, count: texts.count)
        var out: [String] = []
        for i in texts.indices where present[i] {
            map[i] = Int32(truncatingIfNeeded: out.count)
            out.append(texts[i])
        }
        return (map, out)
    }
}
