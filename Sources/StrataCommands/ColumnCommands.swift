/// Commands that choose, remove or rename columns.
package enum ColumnCommands {
    package static let all: [CommandSpec] = [select, drop, rename]

    package static let select = CommandSpec(
        "select", group: .transform, summary: "Keep only some columns, in the order given.",
        arguments: [.table("table", help: "the source table"), .columns("columns", help: "columns to keep")],
        binding: .replacesSubject,
        details: "Without 'as NAME' the table is changed in place.",
        examples: ["select tx invoice, customer_id, quantity as slim"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed).selecting(parsed.list("columns"))
        let name = try ctx.bindResult(table, for: parsed)
        return .note(Format.shape(name, table))
    }

    package static let drop = CommandSpec(
        "drop", group: .transform, summary: "Remove columns from a table (use 'drop table' to remove a table).",
        arguments: [.table("table", help: "the source table"), .columns("columns", help: "columns to remove")],
        binding: .replacesSubject,
        details: "Without 'as NAME' the table is changed in place.",
        examples: ["drop tx country as tx_nocountry"]
    ) { parsed, ctx in
        let cols = parsed.list("columns")
        let table = try ctx.subjectTable(parsed).dropping(Set(cols))
        let name = try ctx.bindResult(table, for: parsed)
        return .note(Format.shape(name, table))
    }

    package static let rename = CommandSpec(
        "rename", group: .transform, summary: "Rename a column (old:new pairs).",
        arguments: [.table("table", help: "the table")],
        options: [renamePairs],
        binding: .replacesSubject,
        examples: ["rename tx columns=quantity:qty as tx2"]
    ) { parsed, ctx in
        var table = try ctx.subjectTable(parsed)
        guard let pairs = parsed[renamePairs]?.pairs else {
            throw parsed.error("rename needs columns=old:new", suggestion: "e.g. rename tx columns=quantity:qty")
        }
        for (old, new) in pairs {
            guard table.column(old) != nil else {
                throw SyntaxError("no column '\(old)' in table \(parsed.subject ?? "")", at: parsed.span(renamePairs),
                                  suggestion: Suggestions.didYouMean(old, among: table.columnNames))
            }
            guard CommandContext.isValidName(new) || !new.isEmpty else {
                throw SyntaxError("'\(new)' is not a valid column name", at: parsed.span(renamePairs))
            }
            try table.renameColumn(old, to: new)
        }
        let name = try ctx.bindResult(table, for: parsed)
        return .note(Format.shape(name, table))
    }

    package static let renamePairs = CommandOption.pairs("columns", "old:new pairs, e.g. columns=qty:quantity,cust:customer_id")
}
