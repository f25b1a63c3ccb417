/// A chart as a value: the data and how to draw it, no rendering state. `OutputRenderer` draws it
/// for the `RenderStyle` at hand (width, ASCII, colour), so the same chart reads the same on a
/// terminal, in a session file and in a notebook. Build one with the static builders
/// (`Chart.bar`, `.histogram`, `.line`, `.scatter`, `.heatmap`, `.dendrogram`, `.sparkline`, `.box`).
public struct Chart: Sendable, Equatable {
    public var title: String?
    public var kind: Kind
    /// Total width in columns; nil uses the style's width. Never wider than the style's width.
    public var width: Int?
    /// Height of the plotting area in rows; nil picks one from the width (see `ChartLayout`).
    public var height: Int?
    /// Lines printed under the chart: what was skipped, merged or capped.
    public var notes: [String]

    public enum Kind: Sendable, Equatable {
        case bar(BarChart)
        case histogram(HistogramChart)
        case line(LineChart)
        case scatter(ScatterChart)
        case heatmap(HeatmapChart)
        case dendrogram(DendrogramChart)
        case sparkline(SparklineChart)
        case box(BoxChart)
    }

    public init(title: String? = nil, kind: Kind, width: Int? = nil, height: Int? = nil, notes: [String] = []) {
        self.title = title
        self.kind = kind
        self.width = width
        self.height = height
        self.notes = notes
    }
}

public enum BarOrientation: String, Sendable, Equatable, CaseIterable {
    case horizontal
    case vertical
}

/// One bar per category; bars start at zero, negative values extend the other way.
public struct BarChart: Sendable, Equatable {
    public var labels: [String]
    public var values: [Double]
    public var orientation: BarOrientation
    public var valueLabel: String?
    public var categoryLabel: String?
}

/// Counts per bin over `edges` (bins are `[edge_i, edge_i+1)`, the last one closed).
public struct HistogramChart: Sendable, Equatable {
    public var edges: [Double]
    public var counts: [Int]
    /// `.log10` when the bins were made on the logarithm of the values.
    public var xKind: AxisKind
    /// Bar heights on a log scale (log10 of 1 + count), said on the axis.
    public var logCounts: Bool
    public var xLabel: String?
}

/// A named run of points.
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    public var points: [ChartPoint]
    /// Series on the secondary axis are scaled and labelled on the right.
    public var secondaryAxis: Bool

    public init(_ name: String, points: [ChartPoint], secondaryAxis: Bool = false) {
        self.name = name
        self.points = points
        self.secondaryAxis = secondaryAxis
    }

    public init(_ name: String, x: [Double], y: [Double], secondaryAxis: Bool = false) {
        self.init(name, points: zip(x, y).map { ChartPoint(x: $0, y: $1) }, secondaryAxis: secondaryAxis)
    }
}

public struct ChartPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A highlighted point with a label, e.g. "best k = 4"; drawn with a guide line at its x.
public struct ChartMark: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var label: String
    public var secondaryAxis: Bool
    public init(x: Double, y: Double, label: String, secondaryAxis: Bool = false) {
        self.x = x; self.y = y; self.label = label; self.secondaryAxis = secondaryAxis
    }
}

/// Axes of a line or scatter chart.
public struct ChartAxes: Sendable, Equatable {
    public var xLabel: String?
    public var yLabel: String?
    public var secondaryLabel: String?
    public var xKind: AxisKind
    public var yKind: AxisKind
    public init(xLabel: String? = nil, yLabel: String? = nil, secondaryLabel: String? = nil,
                xKind: AxisKind = .number, yKind: AxisKind = .number) {
        self.xLabel = xLabel; self.yLabel = yLabel; self.secondaryLabel = secondaryLabel
        self.xKind = xKind; self.yKind = yKind
    }
}

public struct LineChart: Sendable, Equatable {
    public var series: [ChartSeries]
    public var axes: ChartAxes
    public var marks: [ChartMark]
    /// Markers at the data points (drawn anyway to tell series apart without colour).
    public var showPoints: Bool
}

public struct ScatterChart: Sendable, Equatable {
    /// One series per group (colour or marker); a single series for ungrouped points.
    public var groups: [ChartSeries]
    public var axes: ChartAxes
}

/// How heatmap shades are scaled.
public enum HeatmapScale: String, Sendable, Equatable, CaseIterable {
    /// One range for the whole matrix.
    case global
    /// Each row from its own lowest to highest value.
    case row
    /// Each column from its own lowest to highest value (features of different units).
    case column
}

public struct HeatmapChart: Sendable, Equatable {
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// `values[row][column]`; nil is a missing cell.
    public var values: [[Double?]]
    public var scale: HeatmapScale
    public var showValues: Bool
    /// Significant digits of the printed values.
    public var digits: Int
}

/// A dendrogram merge in SciPy's linkage convention: ids below the leaf count are leaves, id
/// `n + i` is the cluster formed by merge `i`.
public struct DendrogramMerge: Sendable, Equatable {
    public var left: Int
    public var right: Int
    public var height: Double
    public var size: Int
    public init(left: Int, right: Int, height: Double, size: Int) {
        self.left = left; self.right = right; self.height = height; self.size = size
    }
}

public struct DendrogramChart: Sendable, Equatable {
    public var leafCount: Int
    public var merges: [DendrogramMerge]
    /// Leaf labels (nil: the leaf numbers).
    public var labels: [String]?
    public var orientation: BarOrientation
    /// Show at most this many leaves: only the last `leafLimit - 1` merges are drawn and each
    /// cluster below them becomes a leaf labelled with its size in parentheses (SciPy's
    /// `truncate_mode="lastp"` with `p = leafLimit`).
    public var leafLimit: Int?
    public var heightLabel: String?
    /// Where the tree is cut into clusters: a dotted line across it at that height, in the legend.
    public var cut: DendrogramCut?
}

/// A cut of a dendrogram at a height, e.g. between the merges that leave 4 and 3 clusters.
public struct DendrogramCut: Sendable, Equatable {
    public var height: Double
    /// The legend text, e.g. "cut: 4 clusters".
    public var label: String
    public init(height: Double, label: String) { self.height = height; self.label = label }
}

public struct SparklineChart: Sendable, Equatable {
    /// nil is a gap.
    public var values: [Double?]
}

/// Box-and-whisker summaries, one row per group, on a shared value axis.
public struct BoxChart: Sendable, Equatable {
    public var groups: [BoxSummary]
    public var valueLabel: String?
}

/// Tukey's five numbers for one group: quartiles by linear interpolation (NumPy's default),
/// whiskers at the most extreme values within 1.5 IQR of the box, and the points beyond.
public struct BoxSummary: Sendable, Equatable {
    public var name: String
    public var count: Int
    public var q1: Double
    public var median: Double
    public var q3: Double
    public var lowerWhisker: Double
    public var upperWhisker: Double
    public var outliers: [Double]
    public var minimum: Double
    public var maximum: Double
}
