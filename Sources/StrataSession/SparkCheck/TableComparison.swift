import StrataEngine

/// One line of the `strata check --against` report.
public struct SparkCheckRow: Sendable, Equatable {
    public let table: String
    public let check: String
    public let local: String
    public let spark: String
    public let tolerance: String
    public let ok: Bool

    public init(table: String, check: String, local: String, spark: String, tolerance: String = "", ok: Bool) {
        self.table = table
        self.check = check
        self.local = local
        self.spark = spark
        self.tolerance = tolerance
        self.ok = ok
    }
}

/// A local table against the job's table of the same name: row counts and key sets exactly, then
/// every column both have, row by row (matched on the keys, or after sorting when there are none):
/// numbers within the tolerance, anything else equal.
enum TableComparison {
    static func rowCount(name: String, local: Table, spark: Table) -> SparkCheckRow {
        SparkCheckRow(table: name, check: "rows", local: Format.count(local.rowCount), spark: Format.count(spark.rowCount),
                      tolerance: "exact", ok: local.rowCount == spark.rowCount)
    }

    static func compare(name: String, local: Table, spark: Table, keys: [String], tolerance: Tolerance) -> [SparkCheckRow] {
        var rows = [rowCount(name: name, local: local, spark: spark)]
        let localNames = Set(local.columnNames), sparkNames = Set(spark.columnNames)
        let onlyLocal = local.columnNames.filter { !sparkNames.contains($0) }
        let onlySpark = spark.columnNames.filter { !localNames.contains($0) }
        rows.append(SparkCheckRow(table: name, check: "columns",
                                  local: onlyLocal.isEmpty ? "\(local.columnCount)" : "\(local.columnCount), only here: " + onlyLocal.joined(separator: ","),
                                  spark: onlySpark.isEmpty ? "\(spark.columnCount)" : "\(spark.columnCount), only here: " + onlySpark.joined(separator: ","),
                                  tolerance: "same names", ok: onlyLocal.isEmpty && onlySpark.isEmpty))
        let missingKeys = keys.filter { !localNames.contains($0) || !sparkNames.contains($0) }
        guard missingKeys.isEmpty else {
            rows.append(SparkCheckRow(table: name, check: "keys " + keys.joined(separator: ","),
                                      local: keys.filter { !localNames.contains($0) }.map { "no column \($0)" }.joined(separator: ", "),
                                      spark: keys.filter { !sparkNames.contains($0) }.map { "no column \($0)" }.joined(separator: ", "),
                                      tolerance: "exact", ok: false))
            return rows
        }
        let pairs: [(Int, Int)]
        if keys.isEmpty {
            pairs = local.rowCount == spark.rowCount ? Array(zip(sortedRows(local), sortedRows(spark))) : []
        } else {
            let (row, matched) = matchKeys(name: name, local: local, spark: spark, keys: keys)
            rows.append(row)
            pairs = matched
        }
        guard !pairs.isEmpty || (local.rowCount == 0 && spark.rowCount == 0) else { return rows }
        for column in local.columns where sparkNames.contains(column.name) && !keys.contains(column.name) {
            guard let other = spark.column(column.name) else { continue }
            rows.append(compareColumn(name: name, column, other, pairs: pairs, tolerance: tolerance))
        }
        return rows
    }

    /// The key sets compared exactly; the row pairs that share a key (the first row of each key).
    private static func matchKeys(name: String, local: Table, spark: Table, keys: [String]) -> (SparkCheckRow, [(Int, Int)]) {
        let localKeys = keyTexts(local, keys), sparkKeys = keyTexts(spark, keys)
        var sparkIndex: [String: Int] = [:]
        for (row, key) in sparkKeys.enumerated() where sparkIndex[key] == nil { sparkIndex[key] = row }
        var localIndex: Set<String> = []
        var pairs: [(Int, Int)] = []
        var onlyLocal: [String] = []
        for (row, key) in localKeys.enumerated() where localIndex.insert(key).inserted {
            if let s = sparkIndex[key] { pairs.append((row, s)) } else { onlyLocal.append(key) }
        }
        let onlySpark = sparkKeys.filter { !localIndex.contains($0) }
        let duplicates = localKeys.count - localIndex.count + sparkKeys.count - sparkIndex.count
        func describe(_ distinct: Int, _ missing: [String], _ side: String) -> String {
            var s = "\(Format.count(distinct)) distinct"
            if !missing.isEmpty { s += ", \(Format.count(missing.count)) not in \(side) (e.g. \(missing[0]))" }
            return s
        }
        let ok = onlyLocal.isEmpty && onlySpark.isEmpty
        var tolerance = "exact"
        if duplicates > 0 { tolerance += "; \(Format.count(duplicates)) repeated keys" }
        return (SparkCheckRow(table: name, check: "keys " + keys.joined(separator: ","),
                              local: describe(localIndex.count, onlyLocal, "Spark"),
                              spark: describe(sparkIndex.count, Array(Set(onlySpark)).sorted(), "local"),
                              tolerance: tolerance, ok: ok), pairs)
    }

    private static func keyTexts(_ table: Table, _ keys: [String]) -> [String] {
        let columns = keys.compactMap { table.column($0) }
        return (0..<table.rowCount).map { row in columns.map { canonical($0.value(at: row)) }.joined(separator: "|") }
    }

    /// A value as key text: whole floats as integers (Spark may write a count as a double),
    /// missing as ∅.
    static func canonical(_ value: Value) -> String {
        switch value {
        case .missing: return "∅"
        case .int(let v): return "\(v)"
        case .float(let d):
            if d == d.rounded(), abs(d) < 9e15 { return "\(Int64(d))" }
            return "\(d)"
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return CivilCalendar.formatDate(days: d)
        case .timestamp(let t): return CivilCalendar.formatTimestamp(seconds: t)
        }
    }

    /// Row order for tables without keys: by every non-float column, then the floats.
    private static func sortedRows(_ table: Table) -> [Int] {
        let exact = table.columns.filter { $0.type != .float }
        let floats = table.columns.filter { $0.type == .float }
        let text = (0..<table.rowCount).map { row in exact.map { canonical($0.value(at: row)) } }
        let numbers = (0..<table.rowCount).map { row in floats.map { $0.value(at: row).doubleValue ?? -.infinity } }
        return (0..<table.rowCount).sorted { a, b in
            if text[a] != text[b] { return text[a].lexicographicallyPrecedes(text[b]) }
            return numbers[a].lexicographicallyPrecedes(numbers[b])
        }
    }

    /// One column over the matched rows; shows the pair furthest apart (or the first that differs).
    private static func compareColumn(name: String, _ local: Column, _ spark: Column, pairs: [(Int, Int)],
                                      tolerance: Tolerance) -> SparkCheckRow {
        let numeric = isNumeric(local.type) && isNumeric(spark.type)
        var differing = 0
        var worst: (Int, Int)?
        var worstGap = -1.0
        for (l, s) in pairs {
            let a = local.value(at: l), b = spark.value(at: s)
            if numeric {
                let x = a.doubleValue, y = b.doubleValue
                guard !tolerance.accepts(x, y) else { continue }
                differing += 1
                let gap = (x != nil && y != nil) ? abs((x ?? 0) - (y ?? 0)) : .infinity
                if gap > worstGap || gap.isNaN { worstGap = gap; worst = (l, s) }
            } else if canonical(a) != canonical(b) {
                differing += 1
                if worst == nil { worst = (l, s) }
            }
        }
        let check = local.name + (numeric ? "" : " (values)")
        let shownTolerance = numeric ? tolerance.description : "equal"
        guard let (l, s) = worst else {
            return SparkCheckRow(table: name, check: check, local: "\(Format.count(pairs.count)) rows",
                                 spark: numeric ? "all within" : "all equal", tolerance: shownTolerance, ok: true)
        }
        return SparkCheckRow(table: name, check: check + ": \(Format.count(differing)) rows differ",
                             local: canonicalNumber(local.value(at: l)), spark: canonicalNumber(spark.value(at: s)),
                             tolerance: shownTolerance, ok: false)
    }

    private static func isNumeric(_ type: DataType) -> Bool { type == .int || type == .float }

    /// A number shown in full (never rounded into another value); anything else as key text.
    static func canonicalNumber(_ value: Value) -> String {
        switch value {
        case .float(let d): return "\(d)"
        default: return canonical(value)
        }
    }
}
