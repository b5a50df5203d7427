import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// Resolves back-references to the citation they name: "Nghị quyết nêu trên" → the last
/// Nghị quyết cited before it; "Thông tư số 01 nói trên" → the last Thông tư numbered 01;
/// "Kế hoạch số 45/KH-UBND nêu trên" → the earlier citation of 45/KH-UBND (its kind becomes
/// `short`). A back-reference that names nothing cited before is dropped.
struct BackReferenceResolver {
    let lexicon: CitationLexicon

    func resolve(_ found: inout [FoundCitation], _ scan: ScanText) {
        let l = scan.lower
        var keep = [Bool](repeating: true, count: found.count)
        var target = [Int?](repeating: nil, count: found.count)
        for i in found.indices {
            let f = found[i]
            if f.kind == .short {
                let number = f.number.map(trimZeros)
                // A full citation first; a partial one ("Nghị quyết số 01 năm 2020") only if none.
                for kinds in [[Citation.Kind.full, .name], [.partial]] where target[i] == nil {
                    target[i] = found[..<i].lastIndex { c in
                        kinds.contains(c.kind) && c.type == f.type && (number == nil || c.number.map(trimZeros) == number)
                            && !c.tags.contains(FoundCitation.inTitle)
                    }
                }
                if target[i] == nil { keep[i] = false }
            } else if f.kind == .full, let symbol = f.symbol {
                let after = CitedDate.skip(l, f.dateEnd ?? f.end)
                guard lexicon.backReferences.contains(where: { phrase in
                    after + phrase.count <= l.count && Array(l[after..<after + phrase.count]) == phrase
                }) else { continue }
                if let j = found[..<i].lastIndex(where: { $0.symbol == symbol && $0.kind != .short }) {
                    found[i].kind = .short
                    target[i] = j
                }
            }
        }
        var newIndex = [Int](repeating: -1, count: found.count)
        var count = 0
        for i in found.indices where keep[i] { newIndex[i] = count; count += 1 }
        var result: [FoundCitation] = []
        result.reserveCapacity(count)
        for i in found.indices where keep[i] {
            var f = found[i]
            if let t = target[i] { f.resolvesTo = newIndex[t] >= 0 ? newIndex[t] : nil }
            result.append(f)
        }
        found = result
    }

    private func trimZeros(_ s: String) -> String {
        let t = s.drop { $0 == "0" }
        return t.isEmpty ? "0" : String(t)
    }
}
