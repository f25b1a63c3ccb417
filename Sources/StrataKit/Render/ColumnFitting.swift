/// Decides which columns to draw and how wide, so that no line is wider than the terminal.
///
/// In order of preference: every column at its natural width; text columns cut down towards
/// `textFloor`; leading columns plus the last one around a hidden-columns marker (DuckDB style),
/// then as many more from the right as fit; finally, for terminals too narrow for even that,
/// the widest drawn columns are cut one cell at a time.
package struct ColumnFitting {
    /// Text columns are not cut below this (or their natural width) before columns are hidden.
    package static let textFloor = 12

    package struct Result: Equatable {
        /// Indices of the drawn columns, in table order.
        package var visible: [Int]
        /// Position in `visible` before which the hidden-columns marker is drawn.
        package var markerBefore: Int?
        /// Width of each drawn column.
        package var widths: [Int]
        /// Indices of the columns left out.
        package var hidden: [Int]
    }

    package var natural: [Int]
    package var shrinkable: [Bool]
    /// Leading columns that are always drawn (row numbers).
    package var pinned: Int
    package var available: Int
    package var markerWidth: Int

    package func fit() -> Result {
        let all = Array(natural.indices)
        if let widths = widest(all, withMarker: false) {
            return Result(visible: all, markerBefore: nil, widths: widths, hidden: [])
        }
        let floors = natural.indices.map { floor($0) }
        let data = Array(natural.indices.dropFirst(pinned))
        guard data.count > 1 else { return forced(all, markerBefore: nil) }

        let pinnedSet = Array(natural.indices.prefix(pinned))
        func fits(_ left: [Int], _ right: [Int]) -> Bool {
            lineWidth((pinnedSet + left + right).map { floors[$0] }, withMarker: true) <= available
        }
        var left: [Int] = []
        var right: [Int] = data.last.map { [$0] } ?? []
        for index in data.dropLast() {
            if fits(left + [index], right) {
                left.append(index)
            } else {
                break
            }
        }
        if left.isEmpty, let first = data.first {
            // Not even the first and last column fit beside each other: the first one wins.
            left = [first]
            right = []
        } else {
            for index in data.dropFirst(left.count).dropLast().reversed() {
                guard fits(left, [index] + right) else { break }
                right.insert(index, at: 0)
            }
        }
        let visible = pinnedSet + left + right
        let shown = Set(visible)
        let hidden = data.filter { !shown.contains($0) }
        let markerBefore = hidden.isEmpty ? nil : pinnedSet.count + left.count
        if let widths = widest(visible, withMarker: markerBefore != nil) {
            return Result(visible: visible, markerBefore: markerBefore, widths: widths, hidden: hidden)
        }
        var result = forced(visible, markerBefore: markerBefore)
        result.hidden = hidden
        return result
    }

    /// 1 for the left border, then per column a space, the text, a space and a border.
    package func lineWidth(_ widths: [Int], withMarker: Bool) -> Int {
        widths.reduce(1) { $0 + $1 + 3 } + (withMarker ? markerWidth + 3 : 0)
    }

    private func isShrinkable(_ index: Int) -> Bool {
        index < shrinkable.count && shrinkable[index]
    }

    private func floor(_ index: Int) -> Int {
        isShrinkable(index) ? min(natural[index], Self.textFloor) : natural[index]
    }

    /// The widest layout of `columns` that fits, cutting text columns to a common cap no lower
    /// than their floors; nil when even the floors do not fit.
    private func widest(_ columns: [Int], withMarker: Bool) -> [Int]? {
        let full = columns.map { natural[$0] }
        if lineWidth(full, withMarker: withMarker) <= available { return full }
        let largest = columns.filter { isShrinkable($0) }.map { natural[$0] }.max() ?? 0
        var cap = largest - 1
        while cap >= 0 {
            let widths = columns.map { isShrinkable($0) ? max(floor($0), min(natural[$0], cap)) : natural[$0] }
            if lineWidth(widths, withMarker: withMarker) <= available { return widths }
            if widths == columns.map({ floor($0) }) { return nil }
            cap -= 1
        }
        return nil
    }

    /// Last resort for very narrow terminals: cuts the widest column, whatever its type,
    /// one cell at a time (never below one cell).
    private func forced(_ columns: [Int], markerBefore: Int?) -> Result {
        var widths = columns.map { floor($0) }
        while lineWidth(widths, withMarker: markerBefore != nil) > available {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 1 else { break }
            widths[widest] -= 1
        }
        return Result(visible: columns, markerBefore: markerBefore, widths: widths, hidden: [])
    }
}
