/// `migrate`: how customers moved between two segmentations.
package enum MigrateCommand {
    package static let spec = CommandSpec(
        "migrate", group: .segmentation, summary: "Compare two segmentations of the same customers: who moved from which segment to which.",
        arguments: [.table("before", help: "the first period's segments"), .table("after", help: "the second period's segments")],
        options: [customer, segment, SegmentationCharts.option],
        binding: .named { p in "\(p.text("before") ?? "before")_to_\(p.text("after") ?? "after")" },
        details: "Rows are the first segmentation's segments, columns the second's. Customers only in the first table are "
            + "counted under (gone), customers only in the second in the row (new). Shares are of each first segment's "
            + "customers. Each customer must appear once per table. The counts table is kept as BEFORE_to_AFTER. "
            + "A heatmap of the shares follows.",
        examples: ["migrate rfm_h1 rfm on=customer_id by=segment"]
    ) { parsed, ctx in
        let before = try ctx.subjectTable(parsed)
        let afterName = parsed.text("after") ?? ""
        guard let after = ctx.workspace.table(afterName) else { throw parsed.error("migrate needs two tables") }
        guard let onItems = parsed[customer] else {
            throw parsed.error("migrate needs on=CUSTOMER_COLUMN", suggestion: "e.g. migrate rfm_h1 rfm on=customer_id by=segment")
        }
        let key = try pair(customer, onItems, parsed, before, after)
        let segmentColumns = try pair(segment, parsed[segment] ?? ["segment"], parsed, before, after)
        let m = try SegmentMigration.compute(from: before, to: after, key: key, segment: segmentColumns, context: ctx.run)
        let counts = try m.countsTable()
        let name = try ctx.bindResult(counts, for: parsed)
        let gone = m.onlyInFrom.reduce(0, +), new = m.onlyInTo.reduce(0, +)
        var out = CommandOutput([.table(counts, title: "customers: \(parsed.subject ?? "") segment (rows) → \(afterName) segment (columns)", showShape: false),
                                 .table(try m.rowSharesTable(), title: "shares of each \(parsed.subject ?? "") segment", showShape: false),
                                 .note("\(name): \(Format.count(m.inBoth)) customers in both, \(Format.count(m.unchanged)) kept their segment "
                                       + "(\(Format.percent(m.unchanged, of: m.inBoth))); \(Format.count(gone)) only in \(parsed.subject ?? ""), "
                                       + "\(Format.count(new)) only in \(afterName)")])
        if m.skippedMissingKeys > 0 {
            out.append(.warning("\(Format.count(m.skippedMissingKeys)) rows without a customer id are left out"))
        }
        if SegmentationCharts.wanted(parsed) {
            out.append(.chart(SegmentationCharts.migration(m, from: parsed.subject ?? "", to: afterName)))
        }
        return out
    }

    /// `name` or `before:after`, both checked against their tables.
    package static func pair(_ option: CommandOption<[String]?>, _ items: [String], _ parsed: ParsedCommand, _ a: Table, _ b: Table) throws -> (String, String) {
        let key = option.key
        guard items.count == 1 else { throw parsed.error("\(key)= takes one column (or before:after)", at: parsed.span(option)) }
        let parts = items[0].split(separator: ":").map(String.init)
        guard parts.count == 1 || parts.count == 2 else { throw parsed.error("\(key)= takes COLUMN or BEFORE:AFTER", at: parsed.span(option)) }
        let names = (parts[0], parts.count == 2 ? parts[1] : parts[0])
        for (t, n, tableName) in [(a, names.0, parsed.subject ?? ""), (b, names.1, parsed.text("after") ?? "")] where t.column(n) == nil {
            throw parsed.error("no column '\(n)' in table \(tableName)", at: parsed.span(option),
                               suggestion: Suggestions.columnHint(for: n, among: t.columnNames))
        }
        return names
    }

    package static let customer = CommandOption.list("on", "the customer column; before:after when the names differ")
    package static let segment = CommandOption.list("by", describedAs: "segment", "the segment column; before:after when the names differ")
}
