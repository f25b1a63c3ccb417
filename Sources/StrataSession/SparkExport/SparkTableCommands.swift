/// load, filter, derive, sort, group, join, sample, select/drop/rename, export: DataFrame code.
extension SparkTranslator {
    /// `StructType` DDL for a Strata table: the types Strata inferred, so Spark reads the same ones.
    package static func ddl(_ table: Table) -> String {
        table.columns.map { "`\($0.name)` \(sparkType($0.type))" }.joined(separator: ", ")
    }

    package static func sparkType(_ type: DataType) -> String {
        switch type {
        case .int: return "BIGINT"
        case .float: return "DOUBLE"
        case .string: return "STRING"
        case .bool: return "BOOLEAN"
        case .date: return "DATE"
        case .timestamp: return "TIMESTAMP"
        }
    }

    mutating func load(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        guard let name = parsed.resultName, let table = input.resultTable else { throw SparkUnsupported("the load made no table") }
        let path = parsed.text("file") ?? ""
        let v = SparkPython.variable(name)
        var notes: [String] = []
        var code: [String]
        if ParquetParts.isParquetPath(path) {
            let columns = table.columnNames
            code = ["\(v) = read_parquet(spark, data_path(\(SparkPython.string(path))), \(SparkPython.strings(columns)))"]
            helpers.insert(.readParquet)
        } else {
            helpers.insert(.readCSV)
            var args = ["spark", "data_path(\(SparkPython.string(path)))", "schema=\(SparkPython.string(Self.ddl(table)))"]
            if let d = parsed[LoadOptions.delim] { args.append("sep=\(SparkPython.string(d == "tab" ? "\t" : d))") }
            if !parsed[LoadOptions.header] { args.append("header=False") }
            if let na = parsed[LoadOptions.na] { args.append("na=\(SparkPython.strings(na))") }
            if let format = parsed[LoadOptions.dateFormat] {
                let pattern = Self.sparkDatePattern(format)
                args.append(table.columns.contains { $0.type == .timestamp } ? "timestamp_format=\(SparkPython.string(pattern))"
                            : "date_format=\(SparkPython.string(pattern))")
            }
            if parsed[LoadOptions.onError] == .skip {
                args.append("drop_malformed=True")
                notes.append("onerror=skip: Spark's DROPMALFORMED drops rows it cannot read; which rows may differ from Strata's")
            }
            code = ["\(v) = read_csv(" + args.joined(separator: ", ") + ")"]
            notes.append("the column types are the ones Strata inferred from the whole file, given to Spark as a schema")
        }
        produce(.data(name))
        return SparkBlock(code, notes: notes)
    }

    /// `%d/%m/%Y %H:%M` → `dd/MM/yyyy HH:mm`.
    static func sparkDatePattern(_ strftime: String) -> String {
        let map: [Character: String] = ["Y": "yyyy", "y": "yy", "m": "MM", "d": "dd", "H": "HH", "M": "mm", "S": "ss",
                                        "b": "MMM", "B": "MMMM", "p": "a", "I": "hh"]
        var out = ""
        var percent = false
        for c in strftime {
            if percent { out += map[c] ?? String(c); percent = false } else if c == "%" { percent = true } else if c.isLetter {
                out += "'\(c)'"
            } else { out.append(c) }
        }
        return out
    }

    /// The source table's variable and, for a command that makes a new table, the result's.
    private func names(_ input: SparkCommandInput) throws -> (source: String, result: String, resultName: String) {
        let source = try variable(of: input.parsed.subject)
        let resultName = input.parsed.resultName ?? input.parsed.subject ?? ""
        return (source, SparkPython.variable(resultName), resultName)
    }

    private func schema(_ input: SparkCommandInput) -> ExprSchema {
        let name = input.parsed.subject ?? ""
        guard let t = input.workspace.table(name) else { return ExprSchema(tableName: name, fields: []) }
        return ExprSchema(table: t, name: name)
    }

    mutating func filter(_ input: SparkCommandInput) throws -> SparkBlock {
        let (source, result, resultName) = try names(input)
        var writer = SparkExpression(schema: schema(input))
        let condition = try writer.code(try input.parsed.condition("condition"))
        produce(inherited(resultName, from: input.parsed.subject))
        // Spark's filter drops rows where the condition is null, as Strata drops missing.
        return SparkBlock(["\(result) = \(source).filter(\(condition))"], notes: writer.notes)
    }

    mutating func derive(_ input: SparkCommandInput) throws -> SparkBlock {
        let (source, result, resultName) = try names(input)
        var s = schema(input)
        var code: [String] = []
        var notes: [String] = []
        var current = source
        for a in try input.parsed.assignments("assignments") {
            var writer = SparkExpression(schema: s)
            let expr = try writer.code(a.expression)
            notes += writer.notes
            code.append("\(result) = \(current).withColumn(\(SparkPython.string(a.name)), \(expr))")
            current = result
            if let t = try? ExpressionChecker(schema: s).resultType(of: a.expression) { s.set(a.name, type: t) }
        }
        if let t = input.resultTable { code += Self.castToStrata(result, t, derived: input.parsed) }
        produce(inherited(resultName, from: input.parsed.subject))
        return SparkBlock(code, notes: notes)
    }

    /// After `derive`, each new column is cast to the type Strata gave it (Spark widens some
    /// integer results differently), so the written Parquet has Strata's types.
    private static func castToStrata(_ variable: String, _ table: Table, derived parsed: ParsedCommand) -> [String] {
        guard let assignments = try? parsed.assignments("assignments") else { return [] }
        let casts = assignments.compactMap { a -> String? in
            guard let c = table.column(a.name) else { return nil }
            return "\(SparkPython.string(a.name)): \(SparkPython.string(sparkType(c.type).lowercased()))"
        }
        guard !casts.isEmpty else { return [] }
        return ["\(variable) = cast_columns(\(variable), {\(casts.joined(separator: ", "))})"]
    }

    mutating func sort(_ input: SparkCommandInput) throws -> SparkBlock {
        let (source, result, resultName) = try names(input)
        let keys = input.parsed.sortKeys("keys").map { key in
            "F.col(\(SparkPython.string(key.column))).\(key.descending ? "desc" : "asc")_nulls_last()"
        }
        var table = inherited(resultName, from: input.parsed.subject)
        table.note = table.note ?? "sorted in Strata; compared by keys, since Spark does not keep row order through a write"
        produce(table)
        return SparkBlock(["\(result) = \(source).orderBy(\(keys.joined(separator: ", ")))"],
                          notes: ["Spark's sort is not stable: rows with equal keys may come in another order"])
    }

    mutating func group(_ input: SparkCommandInput) throws -> SparkBlock {
        let (source, result, resultName) = try names(input)
        let keys = input.parsed.list("keys")
        let calls = input.parsed.has("agg") ? try input.parsed.aggregations("aggregations")
            : [AggregateCall(outputName: "count", function: .count, argument: nil, span: input.parsed.verbSpan,
                             functionSpan: input.parsed.verbSpan)]
        var aggregates = SparkAggregates(schema: schema(input))
        var items: [String] = []
        for call in calls { items.append(try aggregates.code(call)) }
        var code = ["\(result) = \(source).groupBy(\(SparkPython.strings(keys).dropFirst().dropLast())).agg("]
        code += items.map { "    " + $0 + "," }
        code.append(")")
        if let t = input.resultTable {
            code.append("\(result) = cast_columns(\(result), {"
                        + t.columns.filter { c in calls.contains { $0.outputName == c.name } }
                            .map { "\(SparkPython.string($0.name)): \(SparkPython.string(Self.sparkType($0.type).lowercased()))" }
                            .joined(separator: ", ") + "})")
        }
        produce(.data(resultName, keys: keys, kind: .aggregate))
        return SparkBlock(code, notes: aggregates.notes + ["Strata lists groups in the order of their first row; Spark in no set order"])
    }

    mutating func join(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let left = try variable(of: parsed.text("left"))
        let right = try variable(of: parsed.text("right"))
        guard let leftTable = input.workspace.table(parsed.text("left") ?? ""),
              let rightTable = input.workspace.table(parsed.text("right") ?? "") else { throw SparkUnsupported("join needs two tables") }
        let resultName = parsed.resultName ?? ""
        let result = SparkPython.variable(resultName)
        var keys: [JoinKey] = []
        for k in parsed[JoinOptions.on] ?? [] { keys.append(try JoinKey(parsing: k)) }
        // Strata's columns: the left's, then the right's except keys named like their left partner;
        // a right name already taken gets _right.
        var taken = Set(leftTable.columnNames)
        var renames: [(String, String)] = []
        let sharedKeys = Set(keys.filter { $0.left == $0.right }.map(\.right))
        for name in rightTable.columnNames where !sharedKeys.contains(name) {
            var target = name
            if taken.contains(name) {
                target = name + "_right"
                var n = 2
                while taken.contains(target) { target = name + "_right\(n)"; n += 1 }
                renames.append((name, target))
            }
            taken.insert(target)
        }
        var code: [String] = []
        var rightCode = right
        if !renames.isEmpty {
            rightCode = "\(right)_renamed"
            code.append("\(rightCode) = \(right)" + renames.map { ".withColumnRenamed(\(SparkPython.string($0.0)), \(SparkPython.string($0.1)))" }.joined())
        }
        let how = parsed[JoinOptions.how] == .left ? "left" : "inner"
        let condition: String
        if keys.allSatisfy({ $0.left == $0.right }) {
            condition = SparkPython.strings(keys.map(\.left))
        } else {
            condition = "[" + keys.map { k in
                k.left == k.right ? "\(left)[\(SparkPython.string(k.left))] == \(rightCode)[\(SparkPython.string(k.right))]"
                    : "\(left)[\(SparkPython.string(k.left))] == \(rightCode)[\(SparkPython.string(renames.first { $0.0 == k.right }?.1 ?? k.right))]"
            }.joined(separator: ", ") + "]"
        }
        code.append("\(result) = \(left).join(\(rightCode), on=\(condition), how=\(SparkPython.string(how)))")
        if let t = input.resultTable { code.append("\(result) = \(result).select(\(SparkPython.strings(t.columnNames).dropFirst().dropLast()))") }
        produce(.data(resultName, keys: self.keys(of: parsed.text("left"))))
        return SparkBlock(code, notes: ["Strata keeps the left table's row order; Spark's join does not"])
    }

    mutating func sample(_ input: SparkCommandInput) throws -> SparkBlock {
        let (source, result, resultName) = try names(input)
        let parsed = input.parsed
        let seed = parsed[SampleOptions.seed].map { UInt64(bitPattern: Int64($0)) } ?? input.workspace.settings.seed
        let seedText = String(Int64(bitPattern: seed & 0x7FFF_FFFF_FFFF_FFFF))
        let replace = parsed[SampleOptions.replace]
        let code: String
        if let n = parsed[SampleOptions.count] {
            code = replace ? "\(result) = \(source).sample(withReplacement=True, fraction=\(n) / max(\(source).count(), 1), seed=\(seedText)).limit(\(n))"
                : "\(result) = \(source).orderBy(F.rand(\(seedText))).limit(\(n))"
        } else {
            let f = SparkPython.number(parsed[SampleOptions.fraction] ?? 0)
            code = "\(result) = \(source).sample(withReplacement=\(replace ? "True" : "False"), fraction=\(f), seed=\(seedText))"
        }
        var table = SparkOutputTable.data(resultName, keys: keys(of: parsed.subject))
        table.compare = .rowCount
        table.note = "a different random draw: compare the row count"
        produce(table)
        var notes = ["Spark draws other rows than Strata's generator (seed \(seedText) means something else there)"]
        if parsed[SampleOptions.count] == nil { notes.append("sample(fraction=) keeps each row with that chance, so the count varies around fraction × rows") }
        return SparkBlock([code], notes: notes)
    }

    mutating func selectColumns(_ input: SparkCommandInput, keep: Bool) throws -> SparkBlock {
        let (source, result, resultName) = try names(input)
        let columns = SparkPython.strings(input.parsed.list("columns")).dropFirst().dropLast()
        produce(inherited(resultName, from: input.parsed.subject))
        return SparkBlock(["\(result) = \(source).\(keep ? "select" : "drop")(\(columns))"])
    }

    mutating func rename(_ input: SparkCommandInput) throws -> SparkBlock {
        let (source, result, resultName) = try names(input)
        let pairs = input.parsed[ColumnCommands.renamePairs]?.pairs ?? []
        produce(.data(resultName, keys: keys(of: input.parsed.subject).map { k in pairs.first { $0.0 == k }?.1 ?? k }))
        return SparkBlock(["\(result) = \(source)" + pairs.map { ".withColumnRenamed(\(SparkPython.string($0.0)), \(SparkPython.string($0.1)))" }.joined()])
    }

    mutating func exportTable(_ input: SparkCommandInput) throws -> SparkBlock {
        let source = try variable(of: input.parsed.subject)
        return SparkBlock(["# \(source) is written to OUTPUT/\(input.parsed.subject ?? "")/ with the other tables at the end"],
                          notes: ["export to a file becomes the job's Parquet output"])
    }

    mutating func dropTable(_ input: SparkCommandInput) throws -> SparkBlock {
        let names = input.parsed.list("names")
        for name in names { discard(name) }
        return SparkBlock(names.map { "\(SparkPython.variable($0)) = None" })
    }
}
