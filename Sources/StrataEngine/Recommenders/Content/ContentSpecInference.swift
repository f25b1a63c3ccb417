extension ContentSpec {
    /// A spec from a plain list of columns, each given the block its values suggest: numbers (and
    /// dates, booleans) are scaled numbers; text with `|`-separated tags, or of three or more words
    /// on average, is TF-IDF words; other text is a category.
    public static func inferred(from table: Table, idColumn: String, columns: [String]) throws -> ContentSpec {
        var spec = ContentSpec(idColumn: idColumn)
        for name in columns {
            let column = try table.requireColumn(name)
            guard case .string(let codes, let dictionary) = column.data else {
                spec.numericColumns.append(name)
                continue
            }
            var words = 0, values = 0, tagged = false
            for c in codes where c >= 0 && Int(c) < dictionary.count {
                let text = dictionary[Int(c)]
                if text.contains("|") { tagged = true }
                words += text.split(whereSeparator: \.isWhitespace).count
                values += 1
            }
            if tagged || (values > 0 && Double(words) / Double(values) >= 3) {
                spec.textColumns.append(name)
            } else {
                spec.categoryColumns.append(name)
            }
        }
        return spec
    }

    /// "text: genres; categories: category; numbers: price", for protocols and notes.
    public var blockDescription: String {
        [("text", textColumns), ("categories", categoryColumns), ("numbers", numericColumns)]
            .filter { !$0.1.isEmpty }
            .map { "\($0.0): " + $0.1.joined(separator: ", ") }
            .joined(separator: "; ")
    }
}
