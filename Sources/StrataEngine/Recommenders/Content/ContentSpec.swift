/// Which columns of an item table describe the items.
public struct ContentSpec: Sendable, Equatable {
    /// The column holding item ids as in the interactions.
    public var idColumn: String
    /// Tags and free text: words split on `|`, spaces and punctuation, lower-cased, weighed by TF-IDF.
    public var textColumns: [String]
    /// Categories, one-hot.
    public var categoryColumns: [String]
    /// Numbers, scaled to 0…1 by the column's minimum and maximum.
    public var numericColumns: [String]

    public init(idColumn: String, textColumns: [String] = [], categoryColumns: [String] = [], numericColumns: [String] = []) {
        self.idColumn = idColumn
        self.textColumns = textColumns
        self.categoryColumns = categoryColumns
        self.numericColumns = numericColumns
    }

    public var allColumns: [String] { textColumns + categoryColumns + numericColumns }
}

extension ContentSpec: EstimatorParameters {
    public var described: [ParameterValue] {
        [ParameterValue("id", idColumn), ParameterValue("text", textColumns.joined(separator: ","), default: ""),
         ParameterValue("categories", categoryColumns.joined(separator: ","), default: ""),
         ParameterValue("numeric", numericColumns.joined(separator: ","), default: "")]
    }
}
