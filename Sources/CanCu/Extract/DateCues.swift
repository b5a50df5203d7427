/// The cue phrases of `dictionaries/date-cues.tsv`, lower-cased (roles) or folded (anchors, period ends) for matching: what gives a date its
/// role, which words before a date cite a document, and which phrases end a period.
struct DateCues: Sendable {
    /// Where a cue stands relative to the date (see the file's header comment).
    enum Position: String, Sendable {
        case before, near, after, anchor, column
    }

    /// One role cue, in file order.
    struct Cue: Sendable {
        var role: DateMention.Role
        /// Lower case with diacritics ("từ ngày" must not match "điện tử ngày").
        var text: String
        var position: Position
    }

    /// Role cues in file order (first match wins), without the anchors and columns.
    var roleCues: [Cue] = []
    /// Folded capitalised type words that cite a document ("luat", "nghi dinh"), longest first.
    var anchors: [String] = []
    /// Lower-case table column headers whose cells are deadlines.
    var columns: [String] = []
    /// Folded phrases after which a year ends a period ("dinh huong den").
    var periodEnds: [String] = []
    /// The role of the first `column` row (deadline in the shipped file).
    var columnRole: DateMention.Role = .deadline

    init(lexicon: Lexicon) {
        for row in lexicon.rows("date-cues.tsv") {
            let folded = Folding.fold(row["cue"])
            let lower = row["cue"].lowercased()
            guard !folded.isEmpty, let position = Position(rawValue: row["position"]) else { continue }
            if row["role"] == "period_end" { periodEnds.append(folded); continue }
            guard let role = DateMention.Role(rawValue: row["role"]) else { continue }
            switch position {
            case .anchor: anchors.append(folded)
            case .column: columns.append(lower); columnRole = role
            default: roleCues.append(Cue(role: role, text: lower, position: position))
            }
        }
        anchors.sort { $0.count > $1.count }
        periodEnds.sort { $0.count > $1.count }
    }

    /// The date words that may stand between a cue and the numerals.
    static let dateWords: Set<Substring> = ["ngày", "tháng", "năm", "quý"]

    /// Whether lower-case `window` (text before a date's numerals) ends with `cue`, directly or
    /// before one trailing date word ("chậm nhất ngày").
    static func windowEnds(_ window: Substring, with cue: String) -> Bool {
        let t = ByteScan.trimEnd(window)
        if ByteScan.endsWithWord(t, cue) { return true }
        guard let space = t.lastIndex(of: " ") else { return false }
        let last = t[t.index(after: space)...]
        guard dateWords.contains(last) else { return false }
        return ByteScan.endsWithWord(ByteScan.trimEnd(t[..<space]), cue)
    }
}
