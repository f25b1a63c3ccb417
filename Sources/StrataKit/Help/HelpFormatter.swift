/// Help text and the generated command reference, both derived from the registry's declarations.
public enum HelpFormatter {
    /// `help`: commands by group, one line each.
    public static func overview(_ registry: CommandRegistry) -> String {
        var lines = ["Strata commands. Type 'help COMMAND' for options and examples.", ""]
        let width = (registry.commands.map { $0.name.count }.max() ?? 8) + 2
        for group in CommandGroup.allCases {
            let cmds = registry.commands(in: group)
            guard !cmds.isEmpty else { continue }
            lines.append(group.rawValue)
            for c in cmds {
                lines.append("  " + c.name.padding(toLength: width) + c.summary)
            }
            lines.append("")
        }
        lines.append("Values: numbers, \"strings\", words, lists a,b,c, ranges 2..10, yes/no, dates 2011-12-09.")
        lines.append("A trailing \\ continues a line; # starts a comment; 'as NAME' names a result.")
        lines.append("'help expressions' lists the operators and functions of filter, derive and group.")
        return lines.joined(separator: "\n")
    }

    /// `help VERB`: synopsis, arguments, every option with its default, details and examples.
    public static func detail(_ spec: CommandSpec) -> String {
        var lines = ["usage: " + spec.synopsis, "", spec.summary]
        if let d = spec.details { lines += ["", d] }
        let args = flattened(spec.arguments)
        if !args.isEmpty {
            lines += ["", "Arguments"]
            let w = (args.map { $0.0.count }.max() ?? 4) + 2
            for (name, help) in args { lines.append("  " + name.padding(toLength: w) + help) }
        }
        if !spec.options.isEmpty {
            lines += ["", "Options"]
            let keys = spec.options.map { "\($0.key)=\($0.kind.typeLabel)" }
            let w = min(32, (keys.map(\.count).max() ?? 4) + 2)
            for (o, k) in zip(spec.options, keys) {
                let def = o.defaultText.map { " (default: \($0))" } ?? ""
                if k.count + 2 > w {
                    // Too long for the column (scale=none|minmax|…): on its own line, so every
                    // description still starts in the same column.
                    lines.append("  " + k)
                    lines.append("  " + "".padding(toLength: w) + o.help + def)
                } else {
                    lines.append("  " + k.padding(toLength: w) + o.help + def)
                }
            }
        }
        if !spec.examples.isEmpty {
            lines += ["", "Examples"]
            for e in spec.examples { lines.append("  " + e) }
        }
        return lines.joined(separator: "\n")
    }

    package static func flattened(_ slots: [ArgumentSlot]) -> [(String, String)] {
        var out: [(String, String)] = []
        for s in slots {
            switch s {
            case .keyword: continue
            case .optional(let inner): out += flattened(inner)
            case .table(let n, let h), .rows(let n, let h), .tableColumn(let n, let h), .name(let n, let h), .value(let n, let h), .path(let n, let h), .choice(let n, _, let h),
                 .condition(let n, let h), .assignments(let n, let h), .aggregations(let n, let h),
                 .columns(let n, let h), .sortKeys(let n, let h), .tables(let n, let h), .number(let n, let h),
                 .id(let n, let h), .rest(let n, let h, _):
                out.append((n.uppercased(), h))
            }
        }
        return out
    }

    /// `docs/commands.md`, generated; a test keeps the committed file equal to this.
    public static func markdownReference(_ registry: CommandRegistry) -> String {
        var md = ["# Strata command reference", "",
                  "Generated from the command registry (`swift test` checks it is current; regenerate with",
                  "`STRATA_UPDATE_DOCS=1 swift test --filter DocsTests`). Inside Strata, `help COMMAND` shows the same.", ""]
        for group in CommandGroup.allCases {
            let cmds = registry.commands(in: group)
            guard !cmds.isEmpty else { continue }
            md.append("## \(group.rawValue)")
            md.append("")
            for c in cmds {
                md.append("### `\(c.name)`")
                md.append("")
                md.append(c.summary)
                md.append("")
                md.append("```")
                md.append(c.synopsis)
                md.append("```")
                if let d = c.details { md += ["", d] }
                let args = flattened(c.arguments)
                if !args.isEmpty {
                    md += ["", "| argument | meaning |", "|---|---|"]
                    for (n, h) in args { md.append("| `\(n)` | \(escape(h)) |") }
                }
                if !c.options.isEmpty {
                    md += ["", "| option | value | default | meaning |", "|---|---|---|---|"]
                    for o in c.options {
                        md.append("| `\(o.key)` | \(escape(o.kind.typeLabel)) | \(escape(o.defaultText ?? "—")) | \(escape(o.help)) |")
                    }
                }
                md += ["", "Examples:", "", "```"]
                md += c.examples
                md += ["```", ""]
            }
        }
        return md.joined(separator: "\n")
    }

    private static func escape(_ s: String) -> String { s.replacingAll("|", with: "\\|") }
}

extension String {
    package func padding(toLength n: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= n ? self + " " : self + String(repeating: " ", count: n - w)
    }

    package func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
