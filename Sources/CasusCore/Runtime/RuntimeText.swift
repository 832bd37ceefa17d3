/// Small string helpers for the runtime, kept without Foundation.
enum RuntimeText {
    /// `s` without leading and trailing whitespace.
    static func trim(_ s: some StringProtocol) -> String {
        let sub = Substring(s)
        guard let start = sub.firstIndex(where: { !$0.isWhitespace }),
            let end = sub.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(sub[start...end])
    }

    /// Case-insensitive comparison form.
    static func fold(_ s: some StringProtocol) -> String { trim(s).lowercased() }

    /// Splits text into lines on `\n` (dropping `\r`).
    static func lines(_ s: String) -> [String] {
        s.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
    }

    /// The number of leading spaces (a tab counts as four).
    static func indentation(_ line: String) -> Int {
        var n = 0
        for ch in line {
            if ch == " " { n += 1 } else if ch == "\t" { n += 4 } else { break }
        }
        return n
    }

    /// "a, b en c" (nl) / "a, b and c" (en).
    static func list(_ items: [String], _ language: Language) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        let conjunction: String
        switch language {
        case .nl: conjunction = " en "
        case .en: conjunction = " and "
        }
        return items.dropLast().joined(separator: ", ") + conjunction + last
    }
}
