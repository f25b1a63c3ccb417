import StrataEngine

/// The options every model kind shares, and the rows a `model` command learns from: the target as
/// 0/1 (binary classification) or numbers (regression), the features as a `ModelFrame`.
package struct ModelInput {
    package static let target = CommandOption<String?>.column("target", "the column to predict")
    package static let features = CommandOption<[String]?>.columns("features",
        describedAs: "every number and text column but the target, keys, dates and constant columns",
        "the feature columns")
    package static let positive = CommandOption<String?>.text("positive", describedAs: "the larger value",
        "the class to predict (binary target); with more values, that value against the rest")
    package static let folds = CommandOption<Int?>.int("folds", in: 2...50, describedAs: "5", "stratified k-fold cross-validation with this many folds")
    package static let test = CommandOption<Double?>.number("test", in: 0.01...0.99, "or hold out this share of rows as one (stratified) test set")
    package static let threshold = CommandOption.number("threshold", in: 0...1, default: 0.5, "the probability above which a row is predicted positive")
    package static let options: [any OptionDeclaration] = [target, features, positive, folds, test, threshold, ModelKinds.seed]

    /// Text columns with more levels than this are left out of the default features.
    package static let defaultLevelLimit = 50

    package let tableName: String
    package let targetColumn: String
    package let task: PredictiveModel.Task
    /// [negative, positive] for binary classification.
    package let classes: [String]?
    /// 0/1 for classification.
    package let y: [Double]
    package let frame: ModelFrame
    package let notes: [OutputBlock]

    package var positiveClass: String? { classes?.last }
    package var isClassification: Bool { task.isClassification }

    package init(_ parsed: ParsedCommand, _ ctx: CommandContext, kind: ModelKind) throws {
        let table = try ctx.subjectTable(parsed)
        tableName = parsed.subject ?? "table"
        guard let targetName = parsed[Self.target] else {
            throw parsed.error("\(parsed.spec.name) needs target=COLUMN", suggestion: "columns: " + table.columnNames.prefix(12).joined(separator: ", "))
        }
        guard let targetCol = table.column(targetName) else {
            throw parsed.error("no column '\(targetName)'", at: parsed.span(Self.target), suggestion: Suggestions.columnHint(for: targetName, among: table.columnNames))
        }
        targetColumn = targetName
        var notes: [OutputBlock] = []
        let keep = (0..<table.rowCount).filter { !targetCol.isMissing($0) && !(targetCol.doubles()?[$0].isNaN ?? false) }
        if keep.count < table.rowCount {
            notes.append(.note("\(Format.count(table.rowCount - keep.count)) rows with a missing \(targetName) are left out"))
        }
        let rows = keep.count < table.rowCount ? table.takingRows(keep) : table
        guard let column = rows.column(targetName), rows.rowCount > 0 else {
            throw parsed.error("target '\(targetName)' has no values", at: parsed.span(Self.target))
        }
        let texts = (0..<rows.rowCount).map { Self.text(column.value(at: $0)) }
        let distinct = Set(texts)
        let wantsClassification: Bool
        switch (kind.classifier != nil, kind.regressor != nil) {
        case (true, false): wantsClassification = true
        case (false, _): wantsClassification = false
        case (true, true): wantsClassification = column.type == .string || column.type == .bool || distinct.count <= 2 || parsed.isGiven(Self.positive)
        }
        if wantsClassification {
            let (classes, y, note) = try Self.binaryTarget(parsed, name: targetName, column: column, texts: texts, distinct: distinct, kind: kind)
            self.classes = classes
            self.y = y
            task = .binaryClassification(classes: classes)
            if let note { notes.append(.note(note)) }
        } else {
            guard let values = column.doubles(), column.type != .date, column.type != .timestamp else {
                throw parsed.error("target '\(targetName)' is \(column.type.rawValue); \(kind.name) predicts a number", at: parsed.span(Self.target),
                                   suggestion: kind.classifier == nil ? "for a yes/no target use: model logistic …" : nil)
            }
            if parsed.isGiven(Self.positive) {
                throw parsed.error("positive= is for a classifier; \(kind.name) predicts a number", at: parsed.span(Self.positive))
            }
            guard distinct.count >= 2 else {
                throw parsed.error("target '\(targetName)' has one value (\(texts[0])) in every row: there is nothing to predict", at: parsed.span(Self.target))
            }
            classes = nil
            y = values
            task = .regression
        }
        let (frame, featureNotes) = try Self.features(parsed, rows, target: targetName)
        self.frame = frame
        self.notes = notes + featureNotes
    }

    /// The target as 0/1 with [negative, positive] names.
    private static func binaryTarget(_ parsed: ParsedCommand, name: String, column: Column, texts: [String], distinct: Set<String>,
                                     kind: ModelKind) throws -> ([String], [Double], String?) {
        let span = parsed.span(Self.target)
        let ordered = Self.ordered(distinct, numeric: column.type != .string)
        if let positive = parsed[Self.positive] {
            guard distinct.contains(positive) else {
                throw parsed.error("'\(positive)' is not a value of \(name)", at: parsed.span(Self.positive),
                                   suggestion: "values: " + ordered.prefix(10).joined(separator: ", "))
            }
            guard distinct.count >= 2 else {
                throw parsed.error("target '\(name)' has one class (\(positive)) in every row: a classifier needs two", at: span)
            }
            let negative = distinct.count == 2 ? (ordered.first { $0 != positive } ?? "other") : "not \(positive)"
            let note = distinct.count > 2 ? "\(name) has \(distinct.count) values: predicting \(positive) against the other \(distinct.count - 1)" : nil
            return ([negative, positive], texts.map { $0 == positive ? 1 : 0 }, note)
        }
        switch distinct.count {
        case 0, 1:
            throw parsed.error("target '\(name)' has one class (\(ordered.first ?? "")) in every row: a classifier needs two", at: span)
        case 2:
            let positive = ordered.first { ["yes", "true", "y"].contains($0.lowercased()) } ?? ordered[1]
            let negative = ordered.first { $0 != positive } ?? ordered[0]
            return ([negative, positive], texts.map { $0 == positive ? 1 : 0 },
                    "predicting \(name) = \(positive) (positive class; the other is \(negative); choose with positive=)")
        default:
            throw parsed.error("target '\(name)' has \(Format.count(distinct.count)) values; \(kind.name) needs a binary (two-class) target", at: span,
                               suggestion: "predict one value against the rest with positive=VALUE (values: \(ordered.prefix(6).joined(separator: ", ")))"
                                + (kind.regressor != nil ? "" : ", or use a regression kind for a number"))
        }
    }

    /// Numbers in numeric order, text alphabetically.
    private static func ordered(_ values: Set<String>, numeric: Bool) -> [String] {
        values.sorted { a, b in
            if numeric, let x = Double(a), let y = Double(b) { return x < y }
            return a < b
        }
    }

    package static func text(_ v: Value) -> String {
        switch v {
        case .int(let i): return String(i)
        case .float(let d): return DescribeFormat.number(d)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .missing: return ""
        default: return "\(v)"
        }
    }

    /// The feature frame: chosen or default columns, each checked.
    private static func features(_ parsed: ParsedCommand, _ table: Table, target: String) throws -> (ModelFrame, [OutputBlock]) {
        var notes: [OutputBlock] = []
        let names: [String]
        let explicit = parsed[Self.features] != nil
        if let given = parsed[Self.features] {
            if given.contains(target) {
                throw parsed.error("features= includes the target '\(target)'", at: parsed.span(Self.features), suggestion: "leave \(target) out of features=")
            }
            names = given
        } else {
            var chosen: [String] = [], skipped: [String] = []
            for c in table.columns where c.name != target {
                let isId = Self.looksLikeIdentifier(c.name)
                let tooManyLevels: Bool
                if case .string(_, let dict) = c.data { tooManyLevels = dict.count > defaultLevelLimit } else { tooManyLevels = false }
                if isId || c.type == .date || c.type == .timestamp || tooManyLevels { skipped.append(c.name) } else { chosen.append(c.name) }
            }
            names = chosen
            notes.append(.note("features: " + chosen.joined(separator: ", ")
                               + (skipped.isEmpty ? "" : " (left out: \(skipped.joined(separator: ", ")) — ids, dates and text with more than \(defaultLevelLimit) values; name them in features= to use them)")))
        }
        guard !names.isEmpty else { throw parsed.error("no feature columns", suggestion: "name them with features=a,b,…") }
        let n = table.rowCount
        var out: [ModelFrame.Feature] = []
        var uninformative: [String] = []
        for name in names {
            guard let c = table.column(name) else {
                throw parsed.error("no column '\(name)'", at: parsed.span(Self.features), suggestion: Suggestions.columnHint(for: name, among: table.columnNames))
            }
            let feature = try Self.feature(c, rows: n)
            var seen: Set<Double> = []
            var missing = 0
            for i in 0..<n {
                let v = feature.numericValue(i)
                if v.isNaN { missing += 1 } else if seen.count < 2 { seen.insert(v) }
            }
            // A default choice drops a column that cannot inform a model, as scikit-learn's trees
            // never split on it; a column the user named is an error, since they asked for it.
            if !explicit && (missing == n || seen.count < 2) {
                uninformative.append(name)
                continue
            }
            if missing == n {
                throw parsed.error("feature '\(name)' has no values (every row is missing)", at: parsed.span(Self.features),
                                   suggestion: "leave \(name) out of features=")
            }
            if seen.count < 2 {
                let value = (0..<n).first { !feature.isMissing($0) }.map { text(c.value(at: $0)) } ?? ""
                throw parsed.error("feature '\(name)' is constant (every value is \(value)): it cannot inform a model", at: parsed.span(Self.features),
                                   suggestion: "leave \(name) out of features=")
            }
            out.append(feature)
        }
        if !uninformative.isEmpty {
            notes.append(.note("left out as constant or all missing: " + uninformative.joined(separator: ", ")))
        }
        guard !out.isEmpty else {
            throw parsed.error("no feature column varies: every candidate is constant or missing", suggestion: "name varying columns with features=a,b,…")
        }
        guard out.count < n else {
            throw parsed.error("\(out.count) features for \(n) rows: a model needs more rows than features", at: parsed.span(Self.features),
                               suggestion: "use fewer features or more rows")
        }
        return (try ModelFrame(rowCount: n, features: out), notes)
    }

    /// `id`, `customer_id`, `user-id`, `CustomerID`, `orderId`: a key, not a measurement, so never a
    /// default feature (a number that only names a customer would be split on as if it meant something).
    static func looksLikeIdentifier(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower == "id" || lower.hasSuffix("_id") || lower.hasSuffix("-id") || lower.hasSuffix(" id") { return true }
        guard name.count > 2 else { return false }
        let beforeSuffix = name.dropLast(2).last
        return (name.hasSuffix("ID") || name.hasSuffix("Id")) && beforeSuffix.map { $0.isLowercase || $0.isNumber || !$0.isUppercase } == true
    }

    /// One column as a model feature: numbers (and yes/no, dates) numeric, text categorical with its
    /// levels sorted (as scikit-learn's encoders order categories).
    package static func feature(_ c: Column, rows n: Int) throws -> ModelFrame.Feature {
        if case .string(let codes, let dict) = c.data {
            var used = Set<Int32>()
            for i in 0..<n where !c.isMissing(i) && codes[i] >= 0 && Int(codes[i]) < dict.count { used.insert(codes[i]) }
            let levels = used.map { dict[Int($0)] }.sorted()
            var index: [String: Int32] = [:]
            for (i, l) in levels.enumerated() { index[l] = Int32(i) }
            let recoded = (0..<n).map { i -> Int32 in
                guard !c.isMissing(i), codes[i] >= 0, Int(codes[i]) < dict.count else { return -1 }
                return index[dict[Int(codes[i])]] ?? -1
            }
            return .categorical(name: c.name, codes: recoded, levels: levels)
        }
        guard let values = c.doubles() else { throw EngineError("column '\(c.name)' cannot be a feature") }
        return .numeric(name: c.name, values: values)
    }

    /// The frame a fitted model predicts on: its features taken from `table` and re-coded to its
    /// training levels. A missing column is an error naming it; unseen levels are counted.
    package static func predictionFrame(_ table: Table, schema: ModelSchema, tableName: String) throws -> AlignedFrame {
        var features: [ModelFrame.Feature] = []
        for spec in schema.features {
            guard let c = table.column(spec.name) else {
                throw EngineError("table \(tableName) has no column '\(spec.name)', a feature of the model"
                                  + (Suggestions.columnHint(for: spec.name, among: table.columnNames).map { " (\($0))" } ?? ""))
            }
            features.append(try feature(c, rows: table.rowCount))
        }
        return try ModelFrame(rowCount: table.rowCount, features: features).aligned(to: schema)
    }
}
