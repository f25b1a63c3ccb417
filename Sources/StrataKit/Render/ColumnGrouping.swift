/// Whether the integers of a table column are written with thousands separators.
///
/// - Identifiers never are: a customer number is printed as it was read (`12454`, as in the file
///   and in a `filter … where customer_id == 12454`), not as a quantity. A column is an identifier
///   by its name, the one thing that survives every operation: an int column named `id`, or
///   ending in `_id`, ` id`, `-id` or `.id` (any case), or in `Id`/`ID` after a lower-case letter
///   or a digit (`customerId`, `CustomerID`).
/// - Counts and sums (`ColumnDisplay.isTotal`) are grouped from 1,000, so they read alike
///   whatever their size: `3,744` next to `12,400`.
/// - Other numbers are grouped from 10,000, so that years read `2011`.
package enum ColumnGrouping {
    package static func groupsDigits(_ column: Column, largestMagnitude: Double) -> Bool {
        if column.type == .int, isIdentifier(column.name) { return false }
        return NumberFormatting.wantsGrouping(largestMagnitude: largestMagnitude, isTotal: column.display.isTotal)
    }

    package static func isIdentifier(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower == "id" { return true }
        for separator in ["_", " ", "-", "."] where lower.hasSuffix(separator + "id") { return true }
        guard name.hasSuffix("Id") || name.hasSuffix("ID"), name.count > 2 else { return false }
        let before = name[name.index(name.endIndex, offsetBy: -3)]
        return before.isLowercase || before.isNumber
    }
}
