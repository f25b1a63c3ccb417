import StrataEngine

extension Table {
    /// This table with every float column marked as estimates (`ColumnDisplay.significantWhenSmall`):
    /// a coefficient of -0.00006 beside one of 1.2 reads -6e-05, not -0.0001.
    func showingEstimates() -> Table {
        Table(uncheckedColumns: columns.map { column in
            guard column.type == .float else { return column }
            var display = column.display
            display.significantWhenSmall = true
            return column.displayed(as: display)
        }, rowCount: rowCount)
    }
}
