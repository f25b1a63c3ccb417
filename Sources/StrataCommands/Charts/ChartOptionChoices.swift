/// The word lists of chart options, as enums so every `switch` over them is exhaustive.
extension BarOrientation: OptionChoice {}
extension HeatmapScale: OptionChoice {}

/// `chart bar sort=`: the order of the bars.
package enum BarOrder: String, OptionChoice {
    /// Largest total first; equal totals keep their first-seen order.
    case value
    /// Labels in natural order ("2" before "10").
    case label
    /// The order categories first appear in.
    case unsorted = "none"
}

/// `chart hist scale=` and `counts=`: an axis drawn as it is or on log10.
package enum LinearOrLog: String, OptionChoice {
    case linear
    case log
}

/// `chart heatmap agg=`: what a cell shows of the rows that fall in it.
package enum HeatmapAggregate: String, OptionChoice {
    case mean
    case sum
    case count
}
