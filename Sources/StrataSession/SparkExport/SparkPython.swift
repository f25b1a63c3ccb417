/// Spelling values as Python source: string literals, lists and variable names.
package enum SparkPython {
    /// A double-quoted Python string literal; escapes are those both Python and the reader expect.
    package static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    package static func strings(_ items: [String]) -> String {
        "[" + items.map(string).joined(separator: ", ") + "]"
    }

    /// A float literal that reads back as the same double.
    package static func number(_ d: Double) -> String {
        if d.isNaN { return "float(\"nan\")" }
        if d.isInfinite { return d > 0 ? "float(\"inf\")" : "float(\"-inf\")" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) + ".0" }
        return "\(d)"
    }

    /// Names the program itself uses; a table called like one gets a `_df` suffix.
    private static let reserved: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case",
        "F", "W", "T", "spark", "args", "parser", "argparse", "json", "math", "os", "main", "input_path",
        "written", "evaluations", "write_table", "abs", "all", "any", "dict", "filter", "float", "id", "int", "len",
        "list", "map", "max", "min", "range", "round", "set", "sorted", "str", "sum", "type", "zip",
    ]

    /// A Python variable for a workspace name: `parts.train` → `parts_train`.
    package static func variable(_ name: String) -> String {
        var out = ""
        for c in name.unicodeScalars {
            let ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_"
            out.unicodeScalars.append(ok ? c : "_")
        }
        if out.isEmpty || out.first?.isNumber == true { out = "t_" + out }
        return reserved.contains(out) ? out + "_df" : out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
