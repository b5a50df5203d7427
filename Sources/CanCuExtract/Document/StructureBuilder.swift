import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
extension StructureParser {
    /// The open-unit stack of the structure scan and the flat list of units it closes.
    struct Builder {
        struct Node {
            var level: StructureUnit.Level
            var number: String
            var startLine: Int
            var headEndLine: Int
            var endLine: Int
            var parent: Int?
            var children: [Int] = []
            /// A khoản or điểm inside quoted amendment text.
            var quoted = false
            // Numbering state of the children, for sequence checks.
            var lastClause: Int?
            var lastPoint: Int?
        }

        let text: NormalizedText
        let lines: [TextSpan]
        var nodes: [Node] = []
        var roots: [Int] = []
        var stack: [Int] = []
        var lastArticle: Int?
        /// The open article's last own (unquoted) khoản, which may already be closed by quoted ones:
        /// the numbering of the document's own điểm continues from it.
        var ownClause: Int?

        init(text: NormalizedText, lines: [TextSpan]) {
            self.text = text
            self.lines = lines
        }

        static func rank(_ level: StructureUnit.Level) -> Int {
            switch level {
            case .annex, .footer: return -1
            case .part: return 0
            case .chapter: return 1
            case .section: return 2
            case .subsection: return 3
            case .article: return 4
            case .clause: return 5
            case .point: return 6
            }
        }

        /// The Vietnamese alphabet of điểm: a b c d đ e g h i k l m n o p q r s t u v x y.
        static let alphabet = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"]

        /// The letters' UTF-8 bytes.
        static let alphabetBytes: [[UInt8]] = alphabet.map { Array($0.utf8) }

        /// The index of a point's letter (its digit suffix aside), or nil.
        static func alphabetIndex(_ letter: String) -> Int? {
            let base = letter.last.map { $0.isNumber } == true ? String(letter.dropLast()) : letter
            return alphabet.firstIndex(of: base)
        }

        // MARK: Opening and closing

        mutating func closeAll(before line: Int) {
            while let top = stack.popLast() { nodes[top].endLine = max(nodes[top].headEndLine, line - 1) }
        }

        private mutating func close(downTo rank: Int, before line: Int) {
            while let top = stack.last, Self.rank(nodes[top].level) >= rank {
                stack.removeLast()
                nodes[top].endLine = max(nodes[top].startLine, line - 1)
            }
        }

        private mutating func push(_ node: Node) {
            var node = node
            node.parent = stack.last
            let index = nodes.count
            nodes.append(node)
            if let parent = node.parent { nodes[parent].children.append(index) } else { roots.append(index) }
            stack.append(index)
        }

        mutating func open(_ level: StructureUnit.Level, number: String, line: Int) {
            push(Node(level: level, number: number, startLine: line, headEndLine: line, endLine: line))
        }

        /// Opens an annex; its heading takes the upper-case title lines that follow.
        mutating func openAnnex(number: String, line: Int, _ p: UnsafeBufferPointer<UInt8>) {
            var node = Node(level: .annex, number: number, startLine: line, headEndLine: line, endLine: line)
            var next = line + 1
            while next < lines.count, next - line <= 4, ByteScan.isUpperCaseLine(text.text(ofBytes: lines[next].range)) {
                node.headEndLine = next
                next += 1
            }
            push(node)
            lastArticle = nil
        }

        /// Takes `line` into the open annex's heading when the annex started at most 5 lines above.
        mutating func extendAnnexHeading(to line: Int) -> Bool {
            guard let annex = stack.first, nodes[annex].level == .annex, line - nodes[annex].startLine <= 5 else { return false }
            nodes[annex].headEndLine = max(nodes[annex].headEndLine, line)
            return true
        }

        /// True when an annex heading repeats the open annex's number (a running header).
        func isRepeatedAnnexHeading(number: String, line: Int) -> Bool {
            guard let annex = stack.first, nodes[annex].level == .annex else { return false }
            return !number.isEmpty && nodes[annex].number == number
        }

        /// Opens Phần, Chương, Mục, Tiểu mục or Điều. A heading line that holds only the number takes
        /// the next line as its title when that line is in upper case ("Chương I" / "QUY ĐỊNH CHUNG").
        mutating func openHeading(_ level: StructureUnit.Level, number: String, line: Int, _ p: UnsafeBufferPointer<UInt8>) {
            close(downTo: Self.rank(level), before: line)
            var node = Node(level: level, number: number, startLine: line, headEndLine: line, endLine: line)
            if level != .article, line + 1 < lines.count {
                let heading = text.text(ofBytes: lines[line].range)
                let rest = heading.split(separator: " ", omittingEmptySubsequences: true)
                if rest.count <= 2 || (level == .part && rest.count <= 3),
                   ByteScan.isUpperCaseLine(text.text(ofBytes: lines[line + 1].range)),
                   !heading.contains(":") {
                    node.headEndLine = line + 1
                }
            }
            push(node)
            ownClause = nil
            if level == .article, let n = Int(number.prefix { $0.isNumber }) { lastArticle = n }
        }

        /// Opens a khoản or điểm. Units of quoted text keep no numbering state: the document's own
        /// numbering goes on around them.
        mutating func openItem(_ level: StructureUnit.Level, number: String, line: Int, quoted: Bool = false) {
            let owner = level == .point && !quoted ? pointOwner : nil
            close(downTo: Self.rank(level), before: line)
            if !quoted {
                if level == .clause, let article = openArticle { nodes[article].lastClause = Int(number.prefix { $0.isNumber }) }
                if level == .point, let owner { nodes[owner].lastPoint = Self.alphabetIndex(number) }
            }
            var node = Node(level: level, number: number, startLine: line, headEndLine: line, endLine: line)
            node.quoted = quoted
            push(node)
            if level == .clause && !quoted { ownClause = nodes.count - 1 }
        }

        // MARK: Sequence checks

        /// An Điều is accepted when its number does not go backwards (wrapped text such as
        /// "… quy định tại⏎Điều 3." never opens an article).
        func acceptsArticle(_ number: String) -> Bool {
            guard let n = Int(number.prefix { $0.isNumber }) else { return false }
            guard let last = lastArticle else { return true }
            return n >= last
        }

        /// True when `number` is the next article: one more than the last, or 1 for the first.
        func continuesArticles(_ number: String) -> Bool {
            guard number.allSatisfy(\.isNumber), let n = Int(number) else { return false }
            return n == (lastArticle ?? 0) + 1
        }

        /// True when the innermost open unit is a heading whose heading lines end at `line`.
        func headingEnds(at line: Int) -> Bool {
            guard let top = stack.last else { return false }
            return nodes[top].level != .clause && nodes[top].level != .point && nodes[top].headEndLine == line
        }

        /// The open article (a khoản needs one), or nil.
        private var openArticle: Int? { stack.last { nodes[$0].level == .article } }

        /// A khoản: inside an Điều, numbered after the previous khoản ("1.", "2.", inserted "2a."; a gap in the numbering is kept).
        func acceptsClause(_ number: String) -> Bool {
            guard let article = openArticle, let n = Int(number.prefix { $0.isNumber }) else { return false }
            let last = nodes[article].lastClause
            let inserted = number.last.map { !$0.isNumber } == true
            if let last { return n > last || (inserted && n == last) }
            return n <= 2 || inserted
        }

        /// The innermost open khoản or Điều.
        private var openClauseOrArticle: Int? {
            stack.last { nodes[$0].level == .clause || nodes[$0].level == .article }
        }

        /// The unit whose điểm numbering an own (unquoted) điểm continues: the innermost open khoản
        /// or Điều, or — when that is a quoted khoản — the article's last own khoản (or the article).
        private var pointOwner: Int? {
            guard let parent = openClauseOrArticle else { return nil }
            guard nodes[parent].quoted else { return parent }
            return ownClause ?? openArticle
        }

        /// A khoản of quoted amendment text: inside an Điều, numbered "1." … (any number: the quoted
        /// article has its own numbering; "1a." stays text, as in the gold trees).
        func acceptsQuotedClause(_ number: String) -> Bool {
            openArticle != nil && number.allSatisfy(\.isNumber)
        }

        /// A điểm of quoted amendment text: inside a khoản or an Điều, any letter.
        func acceptsQuotedPoint(_ letter: String) -> Bool {
            openClauseOrArticle != nil && Self.alphabetIndex(letter) != nil
        }

        /// A điểm: inside a khoản or an Điều, lettered after the previous one (gaps kept). The first
        /// điểm is "a)" or "b)", or any letter right after a line ending in ':' (a list whose first
        /// điểm the text lost, as in Điều 251 of the Criminal Code).
        func acceptsPoint(_ letter: String, afterColon: Bool = false) -> Bool {
            guard let index = Self.alphabetIndex(letter) else { return false }
            guard let parent = pointOwner else { return false }
            let last = nodes[parent].lastPoint
            let inserted = letter.last.map { $0.isNumber } == true
            if let last { return index > last || (inserted && index == last) }
            return index <= 1 || afterColon
        }

        // MARK: Output

        mutating func finish() -> [StructureUnit] {
            closeAll(before: lines.count)
            return roots.map { unit($0) }
        }

        private func unit(_ index: Int) -> StructureUnit {
            let node = nodes[index]
            let start = lines[node.startLine].range.lowerBound
            let end = lines[max(node.endLine, node.startLine)].range.upperBound
            let bodyRange: Range<Int>
            switch node.level {
            case .clause, .point:
                bodyRange = node.endLine > node.startLine ? lines[node.startLine + 1].range.lowerBound..<end : start..<end
            default:
                bodyRange = node.endLine > node.headEndLine ? lines[node.headEndLine + 1].range.lowerBound..<end : end..<end
            }
            let heading = (node.startLine...node.headEndLine).map { text.sourceText(ofBytes: lines[$0].range) }.joined(separator: " ")
            return StructureUnit(level: node.level, number: node.number, heading: heading,
                                 source: text.sourceRange(ofBytes: start..<end),
                                 body: text.sourceRange(ofBytes: bodyRange),
                                 children: node.children.map { unit($0) }, quoted: node.quoted)
        }
    }
}
