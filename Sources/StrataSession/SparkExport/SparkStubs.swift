extension SparkTranslator {
    mutating func rfm(_ input: SparkCommandInput) throws -> SparkBlock { throw SparkUnsupported("todo") }
    mutating func scale(_ input: SparkCommandInput) throws -> SparkBlock { throw SparkUnsupported("todo") }
    mutating func score(_ input: SparkCommandInput) throws -> SparkBlock { throw SparkUnsupported("todo") }
    mutating func segment(_ input: SparkCommandInput) throws -> SparkBlock { throw SparkUnsupported("todo") }
    mutating func kmeans(_ input: SparkCommandInput) throws -> SparkBlock { throw SparkUnsupported("todo") }
    mutating func split(_ input: SparkCommandInput) throws -> SparkBlock { throw SparkUnsupported("todo") }
    mutating func recommender(_ input: SparkCommandInput) throws -> SparkBlock { throw SparkUnsupported("todo") }
    mutating func evaluate(_ input: SparkCommandInput) throws -> SparkBlock { throw SparkUnsupported("todo") }
    mutating func abtest(_ input: SparkCommandInput) throws -> SparkBlock { throw SparkUnsupported("todo") }
    mutating func model(_ input: SparkCommandInput) throws -> SparkBlock { throw SparkUnsupported("todo") }
}
