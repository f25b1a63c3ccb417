/// The clustering commands in help order: each kind's `cluster NAME` from the kinds table, with
/// `cluster sweep` after the first (k-means, the kind it is chosen for most).
package enum ClusterCommands {
    package static var specs: [CommandSpec] {
        let kinds = ClusterKinds.all.map(\.command)
        return Array(kinds.prefix(1)) + [ClusterSweepCommand.spec] + kinds.dropFirst()
    }

    /// "kmeans, hierarchical or dbscan": the kinds, as help names them.
    package static var kindList: String {
        let names = ClusterKinds.all.map(\.name)
        guard let last = names.last, names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }
}
