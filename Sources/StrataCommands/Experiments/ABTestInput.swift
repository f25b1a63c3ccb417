/// The units of one `abtest` table, split by variant (control first) and by segment, with the
/// designed split for the sample-ratio check.
package struct ABTestInput {
    /// Control first, then the other variants in sorted order.
    package let variants: [String]
    /// Design shares in the same order as `variants`.
    package let design: [Double]
    package let designText: String
    package let segmentColumn: String?
    /// "all" when there is no `by`.
    package let segments: [String]
    /// Per row: index into `variants`, or nil when the variant is missing.
    package let variantOfRow: [Int?]
    package let segmentOfRow: [Int]
    package let table: Table

    package init(_ parsed: ParsedCommand, _ table: Table) throws {
        self.table = table
        guard let variantName = parsed[ABTestOptions.variant], let column = table.column(variantName) else {
            throw parsed.error("abtest needs variant=COLUMN: the column that says which variant each row saw",
                               at: parsed.span(ABTestOptions.variant))
        }
        let labels = (0..<table.rowCount).map { column.isMissing($0) ? nil : DescribeFormat.plain(column.value(at: $0)) }
        let distinct = Set(labels.compactMap { $0 }).sorted()
        guard distinct.count >= 2 else {
            let only = distinct.first.map { "only the value '\($0)'" } ?? "no values"
            throw parsed.error("the variant column '\(variantName)' has \(only); an A/B test compares at least 2 variants",
                               at: parsed.span(ABTestOptions.variant))
        }
        guard distinct.count <= 20 else {
            throw parsed.error("the variant column '\(variantName)' has \(distinct.count) different values; at most 20 variants are compared",
                               at: parsed.span(ABTestOptions.variant), suggestion: "is variant= the right column?")
        }
        let control = parsed[ABTestOptions.control] ?? distinct[0]
        guard distinct.contains(control) else {
            throw parsed.error("control '\(control)' is not a variant; the variants are \(distinct.joined(separator: ", "))",
                               at: parsed.span(ABTestOptions.control))
        }
        variants = [control] + distinct.filter { $0 != control }
        let index = Dictionary(uniqueKeysWithValues: variants.enumerated().map { ($1, $0) })
        variantOfRow = labels.map { $0.flatMap { index[$0] } }
        let sortedShares = try Self.shares(parsed, count: distinct.count)
        design = variants.map { v in sortedShares[distinct.firstIndex(of: v) ?? 0] }
        designText = parsed[ABTestOptions.design] ?? [String](repeating: "1", count: distinct.count).joined(separator: ":")

        if let byName = parsed[ABTestOptions.by] {
            guard let byColumn = table.column(byName) else { throw parsed.error("no column '\(byName)'", at: parsed.span(ABTestOptions.by)) }
            let values = (0..<table.rowCount).map { byColumn.isMissing($0) ? "(missing)" : DescribeFormat.plain(byColumn.value(at: $0)) }
            segments = Set(values).sorted()
            guard segments.count <= 50 else {
                throw parsed.error("'\(byName)' has \(segments.count) different values; a breakdown shows at most 50 segments",
                                   at: parsed.span(ABTestOptions.by))
            }
            let segmentIndex = Dictionary(uniqueKeysWithValues: segments.enumerated().map { ($1, $0) })
            segmentOfRow = values.map { segmentIndex[$0] ?? 0 }
            segmentColumn = byName
        } else {
            segments = ["all"]
            segmentOfRow = [Int](repeating: 0, count: table.rowCount)
            segmentColumn = nil
        }
    }

    /// `design=50:50` as shares in sorted variant order.
    private static func shares(_ parsed: ParsedCommand, count: Int) throws -> [Double] {
        guard let text = parsed[ABTestOptions.design] else { return [Double](repeating: 1, count: count) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Double(String($0.filter { $0 != " " })) }
        guard parts.allSatisfy({ ($0 ?? 0) > 0 && ($0 ?? 0).isFinite }) else {
            throw parsed.error("design '\(text)' should be positive shares separated by colons, such as 50:50 or 1:1:2",
                               at: parsed.span(ABTestOptions.design))
        }
        guard parts.count == count else {
            throw parsed.error("design '\(text)' has \(parts.count) share\(parts.count == 1 ? "" : "s") but there are \(count) variants",
                               at: parsed.span(ABTestOptions.design))
        }
        return parts.map { $0 ?? 1 }
    }

    /// Numbers of a column, NaN where missing; an error naming the option for a text column.
    package func numbers<V>(_ name: String, _ option: CommandOption<V>, _ parsed: ParsedCommand) throws -> [Double] {
        guard let column = table.column(name) else { throw parsed.error("no column '\(name)'", at: parsed.span(option)) }
        guard let values = column.doubles() else {
            throw parsed.error("'\(name)' is a text column; \(option.key)= needs numbers", at: parsed.span(option))
        }
        return values
    }

    /// The metric's kind: as given, else conversion when every value is 0 or 1. A conversion holding
    /// anything else is refused, naming the value.
    package static func kind(of metric: String, _ values: [Double], _ parsed: ParsedCommand) throws -> MetricKind {
        let isBinary: (Double) -> Bool = { !$0.isFinite || $0 == 0 || $0 == 1 }
        let kind = parsed[ABTestOptions.kind] ?? (values.allSatisfy(isBinary) ? .conversion : .mean)
        if kind == .conversion, let bad = values.first(where: { !isBinary($0) }) {
            throw parsed.error("'\(metric)' holds \(DescribeFormat.number(bad)); a conversion is 0 or 1 per unit (a rate outside [0, 1] is not one)",
                               at: parsed.span(ABTestOptions.kind), suggestion: "use kind=mean for a number per unit")
        }
        return kind
    }

    /// Units in `segment`, grouped by variant, for rows where every needed value is present.
    package func groups(segment: Int, values: [Double], denominators: [Double]?, covariates: [Double]?) -> [VariantUnits] {
        var v = [[Double]](repeating: [], count: variants.count)
        var d = [[Double]](repeating: [], count: variants.count)
        var c = [[Double]](repeating: [], count: variants.count)
        for row in 0..<table.rowCount where segmentOfRow[row] == segment {
            guard let variant = variantOfRow[row], Self.usable(row, values, denominators, covariates) else { continue }
            v[variant].append(values[row])
            if let denominators { d[variant].append(denominators[row]) }
            if let covariates { c[variant].append(covariates[row]) }
        }
        return variants.indices.map { k in
            VariantUnits(label: variants[k], values: v[k], denominators: denominators == nil ? nil : d[k],
                         covariates: covariates == nil ? nil : c[k])
        }
    }

    package static func usable(_ row: Int, _ values: [Double], _ denominators: [Double]?, _ covariates: [Double]?) -> Bool {
        values[row].isFinite && (denominators?[row].isFinite ?? true) && (covariates?[row].isFinite ?? true)
    }

    /// Rows in each variant of `segment`, for the sample-ratio check (every row with a variant counts).
    package func counts(segment: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: variants.count)
        for row in 0..<table.rowCount where segmentOfRow[row] == segment {
            if let v = variantOfRow[row] { counts[v] += 1 }
        }
        return counts
    }
}
