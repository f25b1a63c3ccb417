/// The columns `monitor` reads, checked and turned into the engine's per-segment KPI series.
package struct MonitorInput {
    package let aggregate: KPIAggregate
    package let statistic: KPIStatistic
    /// What one value is, for titles: "Σconversions ÷ Σvisitors", "mean converted", "Σrevenue".
    package let metricLabel: String
    package let segmentColumn: String?

    package init(_ parsed: ParsedCommand, _ table: Table) throws {
        guard let timeName = parsed[MonitorOptions.time] else {
            throw parsed.error("monitor needs time=COLUMN: the date of each row", suggestion: "e.g. monitor kpis time=week metric=conversions")
        }
        guard let metricName = parsed[MonitorOptions.metric] else {
            throw parsed.error("monitor needs metric=COLUMN: the KPI to watch", suggestion: "e.g. monitor kpis time=week metric=conversions denominator=visitors")
        }
        let days = try Self.days(timeName, table, parsed)
        let metric = try Self.numbers(metricName, MonitorOptions.metric, table, parsed)
        var denominator: [Double]?
        if let denominatorName = parsed[MonitorOptions.denominator] {
            if parsed.isGiven(MonitorOptions.stat) {
                throw parsed.error("stat= does not apply to a rate: with denominator= each period is Σ\(metricName) ÷ Σ\(denominatorName)",
                                   at: parsed.span(MonitorOptions.stat))
            }
            denominator = try Self.numbers(denominatorName, MonitorOptions.denominator, table, parsed)
            statistic = .ratio
            metricLabel = "Σ\(metricName) ÷ Σ\(denominatorName)"
        } else if parsed[MonitorOptions.stat] == .mean {
            statistic = .mean
            metricLabel = "mean \(metricName)"
        } else {
            statistic = .sum
            metricLabel = "Σ\(metricName)"
        }
        var labels = ["all"]
        var segmentOfRow = [Int](repeating: 0, count: table.rowCount)
        segmentColumn = parsed[MonitorOptions.by]
        if let byName = segmentColumn {
            guard let column = table.column(byName) else { throw parsed.error("no column '\(byName)'", at: parsed.span(MonitorOptions.by)) }
            let values = (0..<table.rowCount).map { column.isMissing($0) ? "(missing)" : DescribeFormat.plain(column.value(at: $0)) }
            labels = Set(values).sorted()
            guard !labels.isEmpty else { throw parsed.error("'\(byName)' has no values: the table has no rows", at: parsed.span(MonitorOptions.by)) }
            guard labels.count <= 50 else {
                throw parsed.error("'\(byName)' has \(labels.count) different values; monitor charts at most 50 segments",
                                   at: parsed.span(MonitorOptions.by), suggestion: "is by= the right column?")
            }
            let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
            segmentOfRow = values.map { index[$0] ?? 0 }
        }
        do {
            aggregate = try KPISeries.aggregate(days: days, metric: metric, denominator: denominator, segmentOfRow: segmentOfRow,
                                                segmentLabels: labels, every: parsed[MonitorOptions.every], statistic: statistic)
        } catch let error as EngineError {
            throw parsed.error(error.message, suggestion: error.suggestion)
        }
    }

    /// Each row's day: dates as they are, timestamps by their calendar day. Anything else is refused.
    private static func days(_ name: String, _ table: Table, _ parsed: ParsedCommand) throws -> [Int64?] {
        guard let column = table.column(name) else { throw parsed.error("no column '\(name)'", at: parsed.span(MonitorOptions.time)) }
        switch column.data {
        case .date(let d):
            return d.indices.map { column.isMissing($0) ? nil : d[$0] }
        case .timestamp(let s):
            return s.indices.map { column.isMissing($0) ? nil : CivilCalendar.floorDiv(s[$0], 86_400) }
        case .int, .float, .string, .bool:
            throw parsed.error("'\(name)' is a \(column.type.rawValue) column; time= needs a date or timestamp column",
                               at: parsed.span(MonitorOptions.time),
                               suggestion: column.type == .string ? "convert it first, e.g. with derive and date()" : "choose the column that holds dates")
        }
    }

    private static func numbers(_ name: String, _ option: CommandOption<String?>, _ table: Table, _ parsed: ParsedCommand) throws -> [Double] {
        guard let column = table.column(name) else { throw parsed.error("no column '\(name)'", at: parsed.span(option)) }
        guard column.type.isNumeric || column.type == .bool, let values = column.doubles() else {
            throw parsed.error("'\(name)' is a \(column.type.rawValue) column; \(option.key)= needs numbers", at: parsed.span(option))
        }
        return values
    }
}
