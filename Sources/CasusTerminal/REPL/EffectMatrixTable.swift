import CasusCore

/// The effect matrix (solutions × roles) as an aligned text table: `++` green, `--` red when
/// `style` is enabled. Solutions are numbered rows listed in full under the table; columns are
/// the role ids; the last column sums the scores.
public enum EffectMatrixTable {
    public static func render(_ matrix: EffectMatrix, style: Style, language: Language, width: Int) -> [String] {
        let headers = matrix.roles.map { TextSafety.sanitize($0.id.name) }
        let sum = PlayMessages.totalColumn.text(language)
        let labelWidth = max(2, String(matrix.solutions.count).count + 1)
        let widths = headers.map { max($0.count, 2) }
        var lines: [String] = []
        var header = TextLayout.pad("", labelWidth)
        for (h, w) in zip(headers, widths) { header += "  " + TextLayout.pad(h, w) }
        header += "  " + sum
        lines.append(style.bold(header))
        for (row, cells) in matrix.cells.enumerated() {
            var line = TextLayout.pad("\(row + 1).", labelWidth)
            for (cell, w) in zip(cells, widths) {
                let symbol = cell?.rating.rawValue ?? "·"
                let padded = TextLayout.pad(symbol, w)
                line += "  " + colour(padded, cell?.rating.score ?? 0, style)
            }
            let total = matrix.totals[row]
            let totalText = total > 0 ? "+\(total)" : "\(total)"
            line += "  " + colour(totalText, total, style)
            lines.append(line)
        }
        lines.append("")
        for (index, solution) in matrix.solutions.enumerated() {
            let indent = TextLayout.pad("", labelWidth + 1)
            let wrapped = TextWrap.wrap(TextSafety.sanitize(solution), width: width, indent: indent)
            for (n, text) in wrapped.enumerated() {
                lines.append(n == 0 ? TextLayout.pad("\(index + 1).", labelWidth) + " " + text.dropFirst(indent.count) : text)
            }
        }
        return lines
    }

    private static func colour(_ text: String, _ score: Int, _ style: Style) -> String {
        score > 0 ? style.green(text) : score < 0 ? style.red(text) : text
    }
}
