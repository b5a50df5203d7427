import CanCuModel
import CanCuText

extension Registry {
    /// This registry with `imported` records laid over it, field by field: a field the imported
    /// row gives replaces the registry's, lists of documents are united, and a field the row leaves
    /// empty keeps the registry's value. Where both give a value and they differ, the imported one
    /// is used and the record's `note` says so with both sources ("conflict: status expired
    /// (imported.csv:4) vs in_force (dictionaries/documents.tsv:12)"), so a conflict is reported,
    /// never silently resolved. The merged record's `origin` names every source, imported first.
    public func overlaid(with imported: [DocumentRecord]) -> Registry {
        guard !imported.isEmpty else { return self }
        var merged = self
        for record in imported {
            let year = Registry.year(of: record.symbol) == nil ? record.year : nil
            let existing = merged.records(symbol: record.symbol).first { other in
                Registry.year(of: record.symbol) != nil || year == nil || other.year == year
            }
            if let existing {
                merged.insert(existing.overlaid(with: record))
            } else {
                merged.insert(record)
            }
        }
        merged.rebuildNames()
        return merged
    }
}

extension DocumentRecord {
    /// This record with the fields of `other` (a later source) laid over it; see
    /// `Registry.overlaid(with:)`.
    public func overlaid(with other: DocumentRecord) -> DocumentRecord {
        var result = self
        var conflicts: [String] = []
        func take(_ name: String, _ mine: String?, _ theirs: String?) -> String? {
            guard let theirs, !theirs.isEmpty else { return mine }
            if let mine, !mine.isEmpty, Folding.fold(mine) != Folding.fold(theirs) {
                conflicts.append("conflict: \(name) \(theirs) (\(other.origin)) vs \(mine) (\(origin))")
            }
            return theirs
        }
        func union(_ mine: [String], _ theirs: [String]) -> [String] {
            var list = mine
            for symbol in theirs where !list.contains(where: { Registry.key($0) == Registry.key(symbol) }) { list.append(symbol) }
            return list
        }
        result.type = take("type", type, other.type)
        result.issuer = take("issuer", issuer, other.issuer)
        if other.title?.isEmpty == false { result.title = other.title }
        result.issued = take("issued", issued, other.issued)
        result.effective = take("effective", effective, other.effective)
        result.expiredOn = take("expired_on", expiredOn, other.expiredOn)
        if other.status != .unknown {
            if status != .unknown, status != other.status {
                conflicts.append("conflict: status \(other.status.rawValue) (\(other.origin)) vs \(status.rawValue) (\(origin))")
            }
            result.status = other.status
            result.statusAsOf = other.statusAsOf
        }
        if let end = other.termEnd { result.termEnd = end }
        result.replacedBy = union(replacedBy, other.replacedBy)
        result.amendedBy = union(amendedBy, other.amendedBy)
        result.repealedBy = union(repealedBy, other.repealedBy)
        if !other.confidence.isEmpty { result.confidence = other.confidence }
        result.note = ([other.note, note] + conflicts).filter { !$0.isEmpty }.joined(separator: "; ")
        result.origin = origin.isEmpty ? other.origin : other.origin + "|" + origin
        return result
    }
}
