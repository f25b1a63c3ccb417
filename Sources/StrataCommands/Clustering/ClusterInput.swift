/// The features a clustering command works on: chosen columns, missing values handled, scaled.
package struct ClusterInput {
    package let table: Table
    /// Source rows, as the clustering keeps them (missing=drop leaves some out).
    package let rows: Table
    package let raw: FeatureMatrix
    package let scaled: FeatureMatrix
    package let scaler: FittedScaler
    package let notes: [OutputBlock]

    package static let cols = CommandOption<[String]?>.columns("cols", "the numeric feature columns")
    package static let scale = CommandOption.choice("scale", default: ScalingMethod.zscore, "how features are scaled first (zscore: mean 0, sd 1)")
    package static let missing = SegmentationOptions.missing
    package static let options: [any OptionDeclaration] = [cols, scale, missing]

    package init(_ parsed: ParsedCommand, _ ctx: CommandContext, minimumRows: Int = 2) throws {
        table = try ctx.subjectTable(parsed)
        guard let columns = parsed[Self.cols] else {
            let numeric = table.columns.filter { $0.type != .string }.map(\.name)
            throw parsed.error("\(parsed.spec.name) needs cols=", suggestion: numeric.isEmpty ? nil
                               : "numeric columns: " + numeric.prefix(10).joined(separator: ", "))
        }
        let (extracted, notes) = try SegmentationOptions.features(table, columns, parsed, allowConstant: true)
        guard extracted.matrix.rowCount >= minimumRows else {
            throw EngineError("\(parsed.spec.name) needs at least \(minimumRows) rows; there \(extracted.matrix.rowCount == 1 ? "is" : "are") "
                              + "\(extracted.matrix.rowCount)")
        }
        try SegmentationOptions.requireVarying(extracted.matrix)
        let (scaled, scaler) = try Scaling(parsed[Self.scale]).fitTransform(extracted.matrix, context: ctx.run)
        raw = extracted.matrix
        self.scaled = scaled
        self.scaler = scaler
        rows = extracted.droppedRows > 0 ? table.takingRows(extracted.rows) : table
        self.notes = notes
    }

    /// The clustered rows with their labels appended as `cluster`.
    package func labelled(_ labels: [Int]) throws -> Table {
        var t = rows
        try t.setColumn(Column(name: Clustering.labelColumn, data: .int(labels.map { Int64($0) })))
        return t
    }

    package var featureNote: String {
        "\(Format.count(scaled.rowCount)) rows × \(scaled.columnCount) features (\(scaler.method.rawValue))"
    }
}

/// Validity figures for one labelling, each left empty (with the reason) where it is undefined.
package struct ValidityFigures {
    /// Above this many clustered points the silhouette is computed on a seeded sample of this size.
    package static let silhouetteSampleLimit = 10_000

    package var figures: [(String, Double?)] = []
    package var perCluster: [Int: Double] = [:]
    package var notes: [String] = []

    package init(_ x: FeatureMatrix, labels: [Int], inertia: Double?, seed: UInt64, context: RunContext) throws {
        do {
            let s = try ClusterValidity.silhouette(x, labels: labels, sampleLimit: Self.silhouetteSampleLimit, seed: seed, context: context)
            figures.append(("silhouette", s.mean))
            for c in s.perCluster { perCluster[c.cluster] = c.mean }
            if s.sampled {
                notes.append("silhouette on a seeded sample of \(Format.count(s.pointsUsed)) of \(Format.count(labels.filter { $0 >= 0 }.count)) "
                             + "points (exact up to \(Format.count(Self.silhouetteSampleLimit)); seed \(seed))")
            }
        } catch let e as EngineError {
            figures.append(("silhouette", nil))
            notes.append("validity figures undefined: " + e.message)
        }
        let defined = figures.last?.1 != nil
        figures.append(("davies_bouldin", defined ? try? ClusterValidity.daviesBouldin(x, labels: labels) : nil))
        figures.append(("calinski_harabasz", defined ? try? ClusterValidity.calinskiHarabasz(x, labels: labels) : nil))
        figures.append(("inertia", inertia ?? ClusterValidity.inertia(x, labels: labels)))
    }

    package var silhouette: Double? { figures.first?.1 }
}

/// The printed summary shared by every clustering command.
package enum ClusterReport {
    package static func output(_ c: Clustering, name: String, headline: String, perCluster: [Int: Double],
                       validityNotes: [String], inputNotes: [OutputBlock]) throws -> CommandOutput {
        var out = CommandOutput([.note("\(name): " + headline)])
        out.blocks += inputNotes
        let labels = Set(c.labels).sorted()
        var sizes = SummaryTable([("cluster", .int), ("size", .int), ("share", .float), ("silhouette", .float)])
        for l in labels {
            let n = c.labels.filter { $0 == l }.count
            sizes.row([.int(Int64(l)), .int(Int64(n)), .float(Double(n) / Double(max(c.labels.count, 1))), .optional(perCluster[l])])
        }
        out.append(.table(sizes.table, title: labels.contains(-1) ? "clusters (−1 = noise)" : "clusters", showShape: false))
        out.append(.keyValues(c.validity.map { ($0.0, $0.1.map(DescribeFormat.number) ?? "—") },
                              title: "validity (silhouette: higher is better; Davies–Bouldin: lower is better)"))
        for n in validityNotes { out.append(.note(n)) }
        let profile = try SegmentProfile.compute(c.table, by: Clustering.labelColumn, numeric: c.featureColumns, categorical: [])
        if let means = try? profile.table().selecting([Clustering.labelColumn] + c.featureColumns) {
            out.append(.table(means, title: "cluster means (original units)", showShape: false))
        }
        return out
    }

    package static func parameterText(_ parameters: [StrataEngine.ParameterValue]) -> String {
        parameters.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
    }

    /// ", 3 clusters": what a report says after the parameters unless its kind says more.
    package static func clusterCountText(_ count: Int) -> String {
        ", \(count) cluster\(count == 1 ? "" : "s")"
    }
}
