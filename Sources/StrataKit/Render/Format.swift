/// Small shared text helpers for command messages.
package enum Format {
    /// 1234567 → "1,234,567"
    package static func count(_ n: Int) -> String { NumberFormatting.grouped(Int64(n)) }

    /// 1, "row group" → "1 row group"; 1234, "row group" → "1,234 row groups"
    package static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count(n)) \(n == 1 ? noun : plural ?? noun + "s")"
    }

    /// 3 of 8 → "37.5%"
    package static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }

    package static func shape(_ name: String, _ t: Table) -> String {
        "\(name): \(count(t.rowCount)) rows × \(t.columnCount) columns"
    }
}
