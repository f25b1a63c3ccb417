/// `group … agg` items as `pyspark.sql.functions` aggregates.
package struct SparkAggregates {
    package let schema: ExprSchema
    package private(set) var notes: [String] = []

    package init(schema: ExprSchema) { self.schema = schema }

    private mutating func note(_ text: String) { if !notes.contains(text) { notes.append(text) } }

    /// `F.sum(F.col("amount")).alias("spend")`.
    package mutating func code(_ call: AggregateCall) throws -> String {
        var writer = SparkExpression(schema: schema)
        var x = "F.lit(None)"
        if let argument = call.argument {
            x = try writer.code(argument)
            notes += writer.notes.filter { !notes.contains($0) }
            // Strata sums and averages true/false as 1/0.
            if (try? ExpressionChecker(schema: schema).resultType(of: argument)) == .bool,
               [.sum, .mean, .median, .std].contains(call.function) { x = "(\(x)).cast(\"long\")" }
        }
        let alias = ".alias(\(SparkPython.string(call.outputName)))"
        switch call.function {
        case .count: return (call.argument == nil ? "F.count(F.lit(1))" : "F.count(\(x))") + alias
        case .sum:
            note("sum: a group whose values are all missing sums to 0 in Strata and to null in Spark")
            return "F.sum(\(x))" + alias
        case .mean: return "F.avg(\(x))" + alias
        case .median:
            // Spark's median is the exact 50th percentile with interpolation, as Strata's.
            return "F.median(\(x))" + alias
        case .min: return "F.min(\(x))" + alias
        case .max: return "F.max(\(x))" + alias
        case .std: return "F.stddev_samp(\(x))" + alias
        case .distinct: return "F.countDistinct(\(x))" + alias
        case .first, .last:
            note("\(call.function.rawValue): Strata takes row order; Spark has none after a shuffle, so any value of the group may come")
            return "F.\(call.function.rawValue)(\(x), ignorenulls=True)" + alias
        }
    }
}
