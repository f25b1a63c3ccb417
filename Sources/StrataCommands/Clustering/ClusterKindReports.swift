/// What the reports of k-means, hierarchical clustering and DBSCAN add to the common one.
package enum ClusterKindReports {
    package static func kmeansConvergence(_ model: KMeansModel) -> String {
        model.converged ? "; converged after \(model.iterations) iterations"
            : "; stopped at max_iter=\(model.options.maxIterations) without converging"
    }

    package static func kmeansWarnings(_ model: KMeansModel, _: ParsedCommand) -> [OutputBlock] {
        model.converged ? [] : [.warning("k-means did not converge: raise max_iter or tol")]
    }

    /// The last merges, a warning when the cut fell between tied merges, and the top of the tree.
    package static func hierarchicalTree(_ model: HierarchicalModel, _ parsed: ParsedCommand) -> [OutputBlock] {
        var blocks: [OutputBlock] = [.table(lastMerges(model.dendrogram), title: "last merges (a cut just below a merge's height leaves 'clusters')",
                                            showShape: false)]
        if model.isCutTied {
            blocks.append(.warning("merges tie in height at this cut: the choice of which to undo follows the merge order"))
        }
        if SegmentationCharts.wanted(parsed) {
            blocks.append(.chart(SegmentationCharts.dendrogram(model, leaves: SegmentationCharts.commandLeaves)))
        }
        return blocks
    }

    /// The top of the tree: the last ten merges, highest first.
    package static func lastMerges(_ d: Dendrogram) -> Table {
        var t = SummaryTable([("clusters", .int), ("height", .float), ("size", .int)])
        for (offset, m) in d.merges.enumerated().reversed().prefix(10) {
            t.row([.int(Int64(d.pointCount - offset)), .float(m.height), .int(Int64(m.size))])
        }
        return t.table
    }

    package static func dbscanCounts(_ model: DBSCANModel) -> String {
        let n = model.labels.count
        return ClusterReport.clusterCountText(model.clusterCount)
            + ", \(Format.count(model.noiseCount)) noise points (\(Format.percent(model.noiseCount, of: n))), \(Format.count(model.coreCount)) core points"
    }

    package static func dbscanWarnings(_ model: DBSCANModel, _: ParsedCommand) -> [OutputBlock] {
        let n = model.labels.count
        if model.clusterCount == 0 {
            return [.warning("every point is noise: raise eps or lower minpts")]
        } else if model.noiseCount * 2 > n {
            return [.warning("almost everything is noise (\(Format.percent(model.noiseCount, of: n))): raise eps or lower minpts")]
        } else if model.clusterCount == 1 && model.noiseCount * 20 < n {
            return [.warning("everything is one cluster: lower eps or raise minpts")]
        }
        return []
    }
}
