/// Commands that only show something: `show` and `describe` print in the job's log; charts,
/// help and the like have nothing to compute and stay as the comment above them.
extension SparkTranslator {
    func display(_ input: SparkCommandInput) -> SparkBlock {
        let parsed = input.parsed
        let subject = parsed.subject.flatMap { output($0) }
        switch parsed.spec.name {
        case "show":
            guard let table = subject else { break }
            return SparkBlock(["\(table.variable).show(20, truncate=False)"])
        case "describe":
            guard let table = subject else { break }
            return SparkBlock(["\(table.variable).summary().show(truncate=False)"],
                              notes: ["Spark's summary gives count, mean, stddev, min, quartiles and max; Strata's describe also counts missing and distinct values"])
        case "schema":
            guard let table = subject else { break }
            return SparkBlock(["\(table.variable).printSchema()"])
        default: break
        }
        return SparkBlock(notes: ["display only: nothing to compute in Spark"])
    }
}
