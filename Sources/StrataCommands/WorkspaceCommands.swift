/// Commands about the workspace itself: help, settings, listing and removing values.
package enum WorkspaceCommands {
    package static let all: [CommandSpec] = [help, set, tables, dropTable]

    package static let help = CommandSpec(
        "help", group: .workspace, summary: "List commands, or show one command's options and examples.",
        arguments: [.rest("command", help: "a command name, or 'expressions'; without it, the list of all commands", completesCommands: true)],
        details: "'help expressions' lists the operators and functions of filter, derive and group.",
        examples: ["help", "help load", "help expressions"]
    ) { parsed, ctx in
        let words = (parsed.tokenRange("command") ?? 0..<0).compactMap { parsed.tokens[$0].word }
        if words.isEmpty { return CommandOutput([.help(HelpFormatter.overview(ctx.registry))]) }
        if words.count == 1, ["expressions", "functions", "expression"].contains(words[0].lowercased()) {
            return CommandOutput([.help(ExpressionHelp.reference)])
        }
        if let spec = ctx.registry.match(words: words) { return CommandOutput([.help(HelpFormatter.detail(spec))]) }
        let name = words.joined(separator: " ")
        throw SyntaxError("no command '\(name)'", at: parsed.span("command"),
                          suggestion: Suggestions.didYouMean(name, among: ctx.registry.commands.map(\.name))
                            ?? "type 'help' to list commands")
    }

    package static let set = CommandSpec(
        "set", group: .workspace, summary: "Change a setting: seed, ascii, rows.",
        arguments: [.choice("setting", choices: Setting.allCases.map(\.rawValue), help: "which setting"),
                    .rest("value", help: "the new value: a number, or on/off")],
        details: "seed: default seed for every random command without seed= (default 42).\n"
            + "ascii: on for plain ASCII borders and charts (default off).\n"
            + "rows: how many rows a table shows before it is cut (default 20).",
        examples: ["set seed 7", "set ascii on", "set rows 40"]
    ) { parsed, ctx in
        guard let setting = parsed.text("setting").flatMap(Setting.init(rawValue:)) else {
            throw parsed.error("set needs a setting: " + Setting.allCases.map(\.rawValue).joined(separator: ", "), at: parsed.span("setting"))
        }
        let raw = (parsed.tokenRange("value") ?? 0..<0).map { parsed.tokens[$0].display }.joined().lowercased()
        let span = parsed.span("value")
        switch setting {
        case .seed:
            guard let v = UInt64(raw) else { throw SyntaxError("the seed must be a whole number ≥ 0", at: span) }
            ctx.workspace.settings.seed = v
        case .ascii:
            guard let b = ["on": true, "yes": true, "true": true, "off": false, "no": false, "false": false][raw] else {
                throw SyntaxError("ascii is on or off", at: span)
            }
            ctx.workspace.settings.ascii = b
        case .rows:
            guard let v = Int(raw), (1...100_000).contains(v) else {
                throw SyntaxError("rows must be a whole number between 1 and 100000", at: span)
            }
            ctx.workspace.settings.maxRows = v
        }
        return .note("\(setting.rawValue) = \(raw)")
    }

    package static let tables = CommandSpec(
        "tables", group: .workspace, summary: "List the tables and other values in the workspace.",
        examples: ["tables"]
    ) { _, ctx in
        let ws = ctx.workspace
        guard !ws.names.isEmpty else { return .note("the workspace is empty: load \"datasets/transactions.csv\" as tx") }
        var names = ColumnBuilder(name: "name", type: .string)
        var kinds = ColumnBuilder(name: "kind", type: .string)
        var rows = ColumnBuilder(name: "rows", type: .int)
        var cols = ColumnBuilder(name: "columns", type: .int)
        var about = ColumnBuilder(name: "about", type: .string)
        for n in ws.names {
            guard let v = ws[n] else { continue }
            names.appendString(n)
            kinds.appendString(v.kindName)
            switch v {
            case .table(let t):
                rows.append(.int(Int64(t.rowCount)))
                cols.append(.int(Int64(t.columnCount)))
                about.appendString(t.columnNames.prefix(6).joined(separator: ", ") + (t.columnCount > 6 ? ", …" : ""))
            case .object(let o):
                rows.appendMissing()
                cols.appendMissing()
                about.appendString(o.summary)
            }
        }
        let table = Table(uncheckedColumns: [names, kinds, rows, cols, about].map { $0.finish() }, rowCount: names.count)
        return CommandOutput([.table(table, showShape: false)])
    }

    package static let dropTable = CommandSpec(
        "drop table", group: .workspace, summary: "Remove tables or other values from the workspace.",
        arguments: [.tables("names", help: "the values to remove, separated by commas")],
        examples: ["drop table few", "drop table slim, small"]
    ) { parsed, ctx in
        let names = parsed.list("names")
        for n in names { ctx.workspace.remove(n) }
        return .note("removed " + names.joined(separator: ", "))
    }
}

/// The settings `set` changes.
package enum Setting: String, CaseIterable {
    case seed
    case ascii
    case rows
}
