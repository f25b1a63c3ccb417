/// Commands on the list whose mapping is not written yet: each says so, with its line,
/// so an export never silently drops them.
extension SparkTranslator {
    static func notYet(_ name: String) -> String {
        "'\(name)' is not mapped to Spark yet (planned: docs/spark.md)"
    }

    mutating func scale(_ input: SparkCommandInput) throws -> SparkBlock { throw SparkUnsupported(Self.notYet(input.parsed.spec.name)) }
}
