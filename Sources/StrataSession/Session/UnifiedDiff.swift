/// A unified diff of two line lists (`diff -u` style), for showing how a replayed cell's output
/// differs from the recorded one.
package enum UnifiedDiff {
    package static func render(old: [String], new: [String], oldLabel: String, newLabel: String, context: Int = 3) -> String {
        // Each line is tagged with its side; the standard library computes the edit script.
        let difference = new.difference(from: old)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both sides in step, producing (kind, text, oldLine, newLine).
        enum Kind { case same, minus, plus }
        var script: [(Kind, String)] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) { script.append((.minus, old[i])); i += 1; continue }
            if j < new.count, inserted.contains(j) { script.append((.plus, new[j])); j += 1; continue }
            if i < old.count, j < new.count { script.append((.same, old[i])); i += 1; j += 1; continue }
            if i < old.count { script.append((.minus, old[i])); i += 1 } else { script.append((.plus, new[j])); j += 1 }
        }
        var out = ["--- \(oldLabel)", "+++ \(newLabel)"]
        let changed = script.indices.filter { script[$0].0 != .same }
        var index = 0
        while index < changed.count {
            var start = max(0, changed[index] - context)
            var end = min(script.count, changed[index] + context + 1)
            index += 1
            while index < changed.count, changed[index] - context <= end {
                end = min(script.count, changed[index] + context + 1)
                index += 1
            }
            start = max(0, start)
            // Line numbers of the hunk on each side.
            let oldStart = script[..<start].filter { $0.0 != .plus }.count
            let newStart = script[..<start].filter { $0.0 != .minus }.count
            let hunk = script[start..<end]
            let oldCount = hunk.filter { $0.0 != .plus }.count
            let newCount = hunk.filter { $0.0 != .minus }.count
            out.append("@@ -\(oldStart + 1),\(oldCount) +\(newStart + 1),\(newCount) @@")
            for (kind, text) in hunk {
                switch kind {
                case .same: out.append(" " + text)
                case .minus: out.append("-" + text)
                case .plus: out.append("+" + text)
                }
            }
        }
        return out.joined(separator: "\n")
    }
}
