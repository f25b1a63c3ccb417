extension HelpFormatter {
    /// `docs/language.md`, generated: the shape of a command line and the expression reference.
    public static func languageMarkdown() -> String {
        """
        # The Strata command language

        Generated from the parser's own tables (`swift test` checks it is current). Inside Strata,
        `help expressions` shows the expression part; `docs/commands.md` lists every command.

        ## A command line

        ```
        verb [subject] [words…] [key=value …] [as NAME]
        ```

        - One command per line. A trailing `\\` continues it on the next line; `#` starts a comment.
        - Values: numbers (`42`, `3.5`, `1e-3`), `"strings"` (or `'strings'`), bare words, lists `a,b,c`,
          ranges `2..10`, `yes`/`no`, ISO dates `2011-12-09`.
        - A name that is not a plain word (spaces, punctuation, a keyword) is written in backquotes
          wherever a column is named: `` `Age Group` `` in expressions, `by=`, `cols=` and column lists;
          Tab completes it that way, and errors and saved sessions print it that way.
        - Options are `key=value`. They come before an expression (`filter … where`, `derive`,
          `group … agg`), which runs to the end of the line.
        - `as NAME` at the end names the result. Without it, commands that transform a table (`filter`,
          `derive`, `sort`, `select`, `drop`, `rename`) change it in place; commands that make something
          new (`load`, `group`, `join`, `sample`) give it a predictable name, which they print.
        - A failed command changes nothing. Errors show the line with a caret under the problem and, where
          one is close, the name you probably meant.
        - An expression nests at most \(ExpressionParser.maxDepth) levels (parentheses, calls, `not`, or a chain of
          operators such as `a + b + …`); split a deeper one into several `derive` steps.
        - Anything random takes `seed=`; the default is the session seed (`set seed N`, initially 42).

        ## How tables show numbers

        - The same on every machine: `.` for the decimal point, `,` between groups of three digits.
        - Floats show six significant digits, at most four decimals, one number of places per column
          so the points line up; but a float column keeps at least the decimals its values were
          written with in the file (prices with cents keep two, through `sum`, `min`, `max`, `first`,
          `last` and `derive` with `+`, `-` and `*`), and no value is rounded into another integer
          (46075.99 shows `46,075.99`, never `46,076.0`).
        - Digits are grouped from 10,000 on (so years read `2011`); counts and sums (`count`, `distinct`,
          `sum`, value counts) from 1,000 on.
        - Identifiers are printed as they were read, without separators: an int column named `id`, or
          ending in `_id`, ` id`, `-id`, `.id` (any case), or in `Id`/`ID` after a lower-case letter or
          digit (`customerId`).

        ## Expressions

        Used by `filter … where`, `derive` and `group … agg`.

        ```
        \(ExpressionHelp.reference)
        ```

        """
    }
}
