/// A merge tree drawn with box-drawing lines. Horizontal: one leaf per row, merge heights along
/// the x axis. Vertical: leaves along the bottom, heights up the y axis. Leaves are ordered as
/// SciPy's `dendrogram` orders them (left child before right child, from the root down).
package enum DendrogramRenderer {
    package static func render(_ d: DendrogramChart, _ canvas: ChartCanvas) -> ChartBody {
        let tree: DendrogramLayout
        switch DendrogramLayout.make(d) {
        case .success(let t): tree = t
        case .failure(let problem): return ChartBody(lines: ["(cannot draw the dendrogram: \(problem.message))"])
        }
        return d.orientation == .horizontal ? horizontal(d, tree, canvas) : vertical(d, tree, canvas)
    }

    private static func horizontal(_ d: DendrogramChart, _ tree: DendrogramLayout, _ canvas: ChartCanvas) -> ChartBody {
        let labels = tree.leafLabels.map { canvas.fit($0, canvas.maxLabelWidth) }
        let left = PlotFrame.leftMargin(for: labels)
        let plotWidth = max(4, canvas.width - left - 1)
        let spacing = tree.leafLabels.count * 2 - 1 <= 60 ? 2 : 1
        let scale = heightScale(tree, length: plotWidth, labelWidth: 3)
        var lines = JointGrid(width: plotWidth, height: (tree.leafLabels.count - 1) * spacing + 1)
        let place = { (position: Double, height: Double) -> (Int, Int) in
            (ChartLayout.dotColumn(scale.fraction(axisValue: height), columns: plotWidth, dotsPerColumn: 1),
             Int((position * Double(spacing)).rounded()))
        }
        tree.draw(into: &lines, place: place)
        var grid = lines.grid(canvas.glyphs)
        var legend: [LegendEntry] = []
        if let cut = d.cut, cut.height.isFinite, cut.height >= scale.lower, cut.height <= scale.upper {
            let column = ChartLayout.dotColumn(scale.fraction(axisValue: cut.height), columns: plotWidth, dotsPerColumn: 1)
            for row in 0..<grid.height where grid.isBlank(column, row) { grid.set(column, row, canvas.glyphs.guide) }
            legend.append(LegendEntry(glyph: canvas.glyphs.guide, label: cut.label, series: nil))
        }
        let frame = PlotFrame(
            yTicks: labels.enumerated().map { PlacedTick(position: $0.offset * spacing, label: $0.element) },
            secondaryTicks: nil,
            xTicks: scale.ticks.map { PlacedTick(position: ChartLayout.dotColumn(scale.fraction(axisValue: $0), columns: plotWidth, dotsPerColumn: 1), label: scale.label($0)) },
            yLabel: nil, secondaryLabel: nil, xLabel: d.heightLabel ?? "merge height", glyphs: canvas.glyphs)
        return ChartBody(lines: frame.render(grid, width: canvas.width, color: canvas.color), legend: legend, notes: tree.notes)
    }

    private static func vertical(_ d: DendrogramChart, _ tree: DendrogramLayout, _ canvas: ChartCanvas) -> ChartBody {
        let rows = canvas.height
        let scale = heightScale(tree, length: rows, labelWidth: 0, vertical: true)
        let left = PlotFrame.leftMargin(for: scale.ticks.map(scale.label))
        let room = max(4, canvas.width - left)
        let leaves = tree.leafLabels.count
        let spacing = max(1, min(8, room / max(1, leaves)))
        var lines = JointGrid(width: min(room, leaves * spacing), height: rows)
        // Heights use all rows but the last, where every leaf starts, so low merges stay off the leaf row.
        let heightRow = { (height: Double) in ChartLayout.dotRow(scale.fraction(axisValue: height), rows: max(1, rows - 1), dotsPerRow: 1) }
        let place = { (position: Double, height: Double) -> (Int, Int) in
            (Int((position * Double(spacing)).rounded()) + (spacing - 1) / 2, height <= 0 ? rows - 1 : heightRow(height))
        }
        tree.draw(into: &lines, place: place)
        var grid = lines.grid(canvas.glyphs)
        var legend: [LegendEntry] = []
        if let cut = d.cut, cut.height.isFinite, cut.height >= scale.lower, cut.height <= scale.upper {
            let row = heightRow(cut.height)
            for column in 0..<grid.width where grid.isBlank(column, row) { grid.set(column, row, canvas.glyphs.guideAcross) }
            legend.append(LegendEntry(glyph: canvas.glyphs.guideAcross, label: cut.label, series: nil))
        }
        let frame = PlotFrame(
            yTicks: scale.ticks.map { PlacedTick(position: heightRow($0), label: scale.label($0)) },
            secondaryTicks: nil,
            xTicks: tree.leafLabels.enumerated().map { PlacedTick(position: $0.offset * spacing + (spacing - 1) / 2, label: canvas.fit($0.element, max(1, spacing - 1))) },
            yLabel: d.heightLabel ?? "merge height", secondaryLabel: nil, xLabel: nil, glyphs: canvas.glyphs)
        var body = ChartBody(lines: frame.render(grid, width: canvas.width, color: canvas.color), legend: legend, notes: tree.notes)
        if tree.leafLabels.contains(where: { DisplayWidth.of($0) > max(1, spacing - 1) }) {
            body.notes.append("leaf labels are cut to the spacing; a horizontal dendrogram shows them whole")
        }
        if leaves * spacing > room { body.notes.append("\(leaves) leaves are more than the width; limit them with leafLimit") }
        return body
    }

    private static func heightScale(_ tree: DendrogramLayout, length: Int, labelWidth: Int, vertical: Bool = false) -> AxisScale {
        let top = tree.maxHeight
        let ticks = vertical ? max(2, min(8, length / 3 + 1)) : ChartLayout.maxTicks(length: length, labelWidth: labelWidth)
        return AxisTicks.linear(0, top > 0 ? top : 1, maxTicks: ticks, includeZero: true)
    }
}

/// Line segments on a grid of cells, each cell remembering which sides its lines reach.
package struct JointGrid {
    package let width: Int
    package let height: Int
    private var sides: [UInt8]  // 1 up, 2 down, 4 left, 8 right

    package init(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
        sides = Array(repeating: 0, count: self.width * self.height)
    }

    private mutating func add(_ c: Int, _ r: Int, _ bit: UInt8) {
        guard c >= 0, c < width, r >= 0, r < height else { return }
        sides[r * width + c] |= bit
    }

    package mutating func horizontal(row: Int, from a: Int, to b: Int) {
        let (lo, hi) = (min(a, b), max(a, b))
        if lo == hi { add(lo, row, 8); return }
        for c in lo..<hi { add(c, row, 8); add(c + 1, row, 4) }
    }

    package mutating func vertical(column: Int, from a: Int, to b: Int) {
        let (lo, hi) = (min(a, b), max(a, b))
        for r in lo..<hi { add(column, r, 2); add(column, r + 1, 1) }
    }

    package func grid(_ glyphs: ChartGlyphs) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        for r in 0..<height {
            for c in 0..<width where sides[r * width + c] != 0 {
                let s = sides[r * width + c]
                grid.set(c, r, glyphs.joint(up: s & 1 != 0, down: s & 2 != 0, left: s & 4 != 0, right: s & 8 != 0))
            }
        }
        return grid
    }
}
