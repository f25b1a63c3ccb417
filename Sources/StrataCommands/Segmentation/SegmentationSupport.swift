/// Option declarations and parsing shared by the segmentation and clustering commands.
package enum SegmentationOptions {
    package static let missing = CommandOption.choice("missing", default: MissingFeaturePolicy.refuse,
                                              "rows with a missing feature: refuse (with a count), drop them, or fill in the column mean")

    /// A `scale=` option; each command declares its own once, with its default and help.
    package static func scale(default d: ScalingMethod, _ help: String = "how each feature is scaled first") -> CommandOption<ScalingMethod> {
        CommandOption.choice("scale", default: d, help)
    }

    /// The feature matrix of `columns`, with a note on dropped or filled rows.
    package static func features(_ table: Table, _ columns: [String], _ parsed: ParsedCommand,
                         allowConstant: Bool = false) throws -> (ExtractedFeatures, [OutputBlock]) {
        let extracted = try table.features(columns, missing: parsed[missing], allowConstant: allowConstant)
        var notes: [OutputBlock] = []
        if extracted.droppedRows > 0 {
            notes.append(.warning("\(Format.count(extracted.droppedRows)) of \(Format.count(table.rowCount)) rows left out "
                                  + "for missing feature values (missing=drop)"))
        }
        if extracted.imputedValues > 0 {
            notes.append(.warning("\(Format.count(extracted.imputedValues)) missing values filled with their column mean (missing=mean)"))
        }
        return (extracted, notes)
    }

    /// Refuses a constant column by name: it cannot rank or separate anything.
    package static func requireVarying(_ x: FeatureMatrix) throws {
        for j in 0..<x.columnCount {
            let c = x.column(j)
            if let first = c.first, c.allSatisfy({ $0 == first }) {
                throw EngineError("column '\(x.columnNames[j])' is constant (\(DescribeFormat.number(first))) and carries no information",
                                  suggestion: "leave it out")
            }
        }
    }

    /// `col:weight` or `col:lower|higher` items; a bare column means weight 1, higher is better.
    package static func criteria(_ text: String, _ parsed: ParsedCommand, at span: SourceSpan, table: Table,
                         tableName: String? = nil) throws -> [(column: String, weight: Double?, direction: Direction?)] {
        var out: [(String, Double?, Direction?)] = []
        for rawItem in text.split(separator: ",") {
            let parts = rawItem.split(separator: ":").map { String($0).trimmingSpaces }
            guard let column = parts.first, !column.isEmpty, parts.count <= 2 else {
                throw parsed.error("criteria are column:weight items, got '\(rawItem.trimmingSpaces)'", at: span,
                                   suggestion: "e.g. criteria=\"recency:-0.4, frequency:0.35, monetary:0.25\"")
            }
            guard table.column(column) != nil else {
                throw parsed.error("no column '\(column)' in \(tableName ?? "table " + (parsed.subject ?? ""))", at: span,
                                   suggestion: Suggestions.columnHint(for: column, among: table.columnNames))
            }
            guard !out.contains(where: { $0.0 == column }) else {
                throw parsed.error("criterion '\(column)' is listed twice", at: span)
            }
            if parts.count == 1 { out.append((column, nil, nil)); continue }
            if let d = Direction(rawValue: parts[1].lowercased()) { out.append((column, nil, d)); continue }
            guard let w = Double(parts[1]), w.isFinite else {
                throw parsed.error("the weight of '\(column)' must be a number (negative: lower is better), "
                                   + "or lower/higher, got '\(parts[1])'", at: span)
            }
            out.append((column, abs(w), w < 0 ? .lowerIsBetter : .higherIsBetter))
        }
        guard !out.isEmpty else { throw parsed.error("criteria= lists no column", at: span) }
        return out
    }

    /// Criteria with weights given by hand (a bare column weighs 1, higher is better), as `score` uses them.
    package static func manualCriteria(_ items: [(column: String, weight: Double?, direction: Direction?)]) -> [Criterion] {
        items.map { Criterion(column: $0.column, direction: $0.direction ?? .higherIsBetter, weight: $0.weight ?? 1) }
    }

    /// Numbers from a list option (thresholds, cut points), named in the error.
    package static func numbers(_ option: CommandOption<[String]?>, _ parsed: ParsedCommand) throws -> [Double]? {
        guard let items = parsed[option] else { return nil }
        return try items.map { item in
            guard let v = Double(item.trimmingSpaces), v.isFinite else {
                throw parsed.error("option '\(option.key)' expects numbers separated by commas, got '\(item)'", at: parsed.span(option))
            }
            return v
        }
    }

    /// A list option given as one quoted string ("Low,Mid,High") or as bare words (Low,Mid,High).
    package static func words(_ option: CommandOption<[String]?>, _ parsed: ParsedCommand) -> [String]? {
        parsed[option].map { items in items.flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces } } }
    }

}

extension Value {
    package static func optional(_ d: Double?) -> Value { d.map { .float($0) } ?? .missing }
}

