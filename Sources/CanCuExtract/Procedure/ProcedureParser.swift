import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Finds the procedures of a publishing decision (Quyết định công bố thủ tục hành chính) in its
/// annex (legal-conventions.md §6.2–6.4, 6.6, 6.7): the detailed content ("1. Thủ tục: …",
/// "Trình tự thực hiện", …, "Căn cứ pháp lý") and, when there is no detailed content, the list
/// table (Danh mục). Each procedure keeps its code (legacy codes such as "Mã số TTHC cũ:
/// T-BKA-290103-TT" go to `aliases`), name, agency, field, level, the decision's own
/// symbol and its legal-basis text with that section's byte range; internal procedures (TTHC nội
/// bộ) get origin `.internalProcedure`. Labels are in `dictionaries/procedure-fields.tsv`.
///
/// ```swift
/// let procedures = ProcedureParser(lexicon: .builtIn).parse(text, header: header, path: "qd.txt")
/// procedures.map(\.name)
/// ```
package struct ProcedureParser: Sendable {
    /// Folded label → field, longest first.
    let labels: [(folded: String, field: String)]
    let codeLabels: [String]
    let tokenizer: Tokenizer

    public init(lexicon: Lexicon = .builtIn) {
        let rows = lexicon.rows("procedure-fields.tsv")
        labels = rows.filter { $0["kind"] == "label" }.map { (Folding.fold($0["label"]), $0["field"]) }.sorted { $0.0.count > $1.0.count }
        codeLabels = rows.filter { $0["kind"] == "code" }.map { Folding.fold($0["label"]) }.sorted { $0.count > $1.count }
        tokenizer = Tokenizer(lexicon: lexicon)
    }

    private struct Draft {
        var name: String
        var code: String?
        var aliases: [String] = []
        var agency: String?
        var field: String?
        var level: String?
        var startLine: Int
        var endLine: Int
        var basisLines: [Int] = []
        var hasSteps = false
    }

    /// The procedures a decision publishes (empty for other documents).
    public func parse(_ text: NormalizedText, header: DocumentHeader, path: String) -> [Procedure] {
        let lines = tokenizer.lines(text)
        let folded = lines.map { Folding.fold(text.text(ofBytes: $0.range)) }
        let titleFold = Folding.fold(header.title ?? "")
        let internalProcedures = titleFold.contains("noi bo") || folded.prefix(200).contains { $0.contains("thu tuc hanh chinh noi bo") }
        let field = fieldOfTitle(header.title)
        var drafts: [Draft] = []
        var current: Draft?
        var currentField: String?   // the label whose value the following lines continue
        var level: String?
        for i in lines.indices {
            let raw = text.text(ofBytes: lines[i].range)
            let f = folded[i]
            if isGroupHeading(raw) { level = levelOfGroupHeading(f); currentField = nil; continue }
            let (label, value) = label(of: raw, f)
            if label == "heading" {
                if let c = current { drafts.append(c) }
                let (name, code) = nameAndCode(value)
                current = Draft(name: name, code: code, aliases: ProcedureCode.legacy(in: value), field: field, level: level, startLine: i, endLine: i)
                currentField = nil
                continue
            }
            if label == "steps" {
                if current == nil || current?.hasSteps == true {
                    // No "Thủ tục:" heading: the name is the nearest line above that is not a form line (§6.7).
                    if let c = current { drafts.append(c) }
                    var k = i - 1
                    while k >= 0, folded[k].hasPrefix("mau so") || folded[k].hasPrefix("bieu so") { k -= 1 }
                    guard k >= 0 else { current = nil; continue }
                    let heading = stripNumbering(text.text(ofBytes: lines[k].range))
                    let (name, code) = nameAndCode(heading)
                    current = Draft(name: name, code: code, aliases: ProcedureCode.legacy(in: heading), field: field, level: level, startLine: k, endLine: i)
                }
                current?.hasSteps = true
            }
            guard current != nil else { continue }
            current?.endLine = i
            if let label {
                currentField = label
                switch label {
                case "agency": if !value.isEmpty { current?.agency = value }
                case "field": if !value.isEmpty { current?.field = value }
                case "level": if !value.isEmpty { current?.level = value }
                case "basis": if !value.isEmpty { current?.basisLines.append(i) }
                default: break
                }
                continue
            }
            if currentField == "basis" { current?.basisLines.append(i) }
        }
        if let c = current { drafts.append(c) }
        drafts = drafts.filter(\.hasSteps)
        let origin: Procedure.Origin = internalProcedures ? .internalProcedure : .decision
        if drafts.isEmpty { return listTable(text, lines, folded, header: header, path: path, origin: origin, field: field) }
        return drafts.map { d in
            let basisRange = d.basisLines.first.map { lines[$0].range.lowerBound..<lines[d.basisLines.last ?? $0].range.upperBound }
            var basisText = d.basisLines.map { text.sourceText(ofBytes: lines[$0].range) }.joined(separator: "\n")
            if let first = d.basisLines.first, let colon = basisText.firstIndex(of: ":"), label(of: text.text(ofBytes: lines[first].range), folded[first]).0 == "basis" {
                basisText = String(basisText[basisText.index(after: colon)...]).trimmingSpaces
            }
            let range = lines[d.startLine].range.lowerBound..<lines[d.endLine].range.upperBound
            return Procedure(code: d.code, name: d.name, agency: d.agency, field: d.field, level: d.level,
                             publishedBy: header.symbol, basisText: basisText, origin: origin,
                             sourcePath: path, source: text.sourceRange(ofBytes: range), basisRange: basisRange, aliases: d.aliases)
        }
    }

    // MARK: Lines

    /// "1.1. Trình tự thực hiện:" / "- Căn cứ pháp lý:" → ("steps", value after ':').
    private func label(of raw: String, _ folded: String) -> (String?, String) {
        let strippedFold = stripNumbering(folded)
        for l in labels where strippedFold.hasPrefix(l.folded) {
            let stripped = stripNumbering(raw)
            let value = stripped.firstIndex(of: ":").map { String(stripped[stripped.index(after: $0)...]).trimmingSpaces } ?? ""
            // "Thủ tục" only as a heading label "Thủ tục: …"; other labels may omit the colon.
            if l.field == "heading" && !stripped.contains(":") { continue }
            return (l.field, value)
        }
        return (nil, "")
    }

    /// Drops "1.", "1.1.", "2)", "-", "+" and spaces at the start of a line.
    private func stripNumbering(_ s: String) -> String {
        var scalars = Substring(s)
        while let c = scalars.first, c.isNumber || c == "." || c == ")" || c == " " || c == "-" || c == "+" || c == "\t" {
            scalars = scalars.dropFirst()
        }
        return String(scalars)
    }

    /// "Công bố … (Mã số TTHC: 2.999101)" → ("Công bố …", "2.999101").
    private func nameAndCode(_ value: String) -> (String, String?) {
        var name = value.trimmingSpaces
        var code: String?
        let fold = Folding.fold(name)
        for label in codeLabels {
            guard let range = fold.range(of: label) else { continue }
            let offset = fold.distance(from: fold.startIndex, to: range.lowerBound)
            let tail = name.dropFirst(offset + label.count)
            code = nationalCode(in: String(tail))
            var cut = name.index(name.startIndex, offsetBy: offset)
            if let open = name[..<cut].lastIndex(of: "(") { cut = open }
            name = String(name[..<cut]).trimmingSpaces
            break
        }
        while let last = name.last, last == "." || last == ";" || last == ":" { name.removeLast() }
        return (name.trimmingSpaces, code)
    }

    /// The first national code "d.dddddd" in a text (§6.5).
    private func nationalCode(in s: String) -> String? { ProcedureCode.national(in: s) }

    /// "A. THỦ TỤC HÀNH CHÍNH …", "PHẦN II. NỘI DUNG …": an upper-case group or part heading.
    private func isGroupHeading(_ raw: String) -> Bool {
        guard ByteScan.isUpperCaseLine(raw), let dot = raw.firstIndex(of: "."), raw.distance(from: raw.startIndex, to: dot) <= 9 else { return false }
        return raw[..<dot].allSatisfy { $0.isUppercase || $0 == " " }
    }

    /// The level a group heading names: "A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH" → "Cấp tỉnh" (§6.3).
    private func levelOfGroupHeading(_ folded: String) -> String? {
        for (key, level) in [("cap trung uong", "Cấp trung ương"), ("cap tinh", "Cấp tỉnh"), ("cap huyen", "Cấp huyện"), ("cap xa", "Cấp xã")]
        where folded.contains(key) { return level }
        return nil
    }

    /// "… trong lĩnh vực kiểm soát thủ tục hành chính thuộc phạm vi …" → "kiểm soát thủ tục hành chính".
    private func fieldOfTitle(_ title: String?) -> String? {
        guard let title, let range = title.range(of: "lĩnh vực ") else { return nil }
        var rest = String(title[range.upperBound...])
        for stop in [" thuộc ", " của ", ",", ";", " trên địa bàn"] {
            if let r = rest.range(of: stop) { rest = String(rest[..<r.lowerBound]) }
        }
        return rest.trimmingSpaces.isEmpty ? nil : rest.trimmingSpaces
    }

    /// The Danh mục table, one cell a line: a row starts with its number alone on a line, then an
    /// optional code (national, or a legacy one kept as alias), the name, the basis lines ("- …") and the agency.
    private func listTable(_ text: NormalizedText, _ lines: [TextSpan], _ folded: [String], header: DocumentHeader,
                           path: String, origin: Procedure.Origin, field: String?) -> [Procedure] {
        guard let start = folded.firstIndex(where: { $0.contains("danh muc") && ByteScan.isUpperCaseLine(text.text(ofBytes: lines[folded.firstIndex(of: $0) ?? 0].range)) }) else { return [] }
        var result: [Procedure] = []
        var i = start + 1
        var level: String?
        while i < lines.count {
            let raw = text.text(ofBytes: lines[i].range)
            if isGroupHeading(raw) { level = levelOfGroupHeading(folded[i]) }
            guard raw.allSatisfy(\.isNumber), i + 1 < lines.count else { i += 1; continue }
            var k = i + 1
            var code: String?
            let next = text.text(ofBytes: lines[k].range)
            var aliases: [String] = []
            if let c = nationalCode(in: next), c.count == next.count {
                code = c; k += 1
            } else if let legacy = ProcedureCode.legacy(in: next).first, legacy.count == next.count {
                aliases = [legacy]; k += 1
            }
            guard k < lines.count else { break }
            let name = text.text(ofBytes: lines[k].range)
            k += 1
            var basis: [Int] = []
            while k < lines.count, text.text(ofBytes: lines[k].range).hasPrefix("-") { basis.append(k); k += 1 }
            var agency: String?
            if k < lines.count {
                let cell = text.text(ofBytes: lines[k].range)
                if !cell.allSatisfy(\.isNumber), !ByteScan.isUpperCaseLine(cell) { agency = cell; k += 1 }
            }
            let range = lines[i].range.lowerBound..<lines[k - 1].range.upperBound
            let basisRange = basis.first.map { lines[$0].range.lowerBound..<lines[basis.last ?? $0].range.upperBound }
            result.append(Procedure(code: code, name: name, agency: agency, field: field, level: level, publishedBy: header.symbol,
                                    basisText: basis.map { text.sourceText(ofBytes: lines[$0].range) }.joined(separator: "\n"),
                                    origin: origin, sourcePath: path, source: text.sourceRange(ofBytes: range), basisRange: basisRange,
                                    aliases: aliases))
            i = k
        }
        return result
    }
}
