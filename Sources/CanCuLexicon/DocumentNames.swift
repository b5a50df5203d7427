import CanCuModel
import CanCuText
/// Resolves a document cited by name ("Căn cứ Luật Bảo hiểm xã hội năm 2014;") to its registry
/// row (`dictionaries/documents.tsv`): the one document with that type, name and year of issue.
///
/// Names are compared folded (`Folding.fold`: lower case, no diacritics, `đ` → `d`), with
/// punctuation and runs of spaces as one space, and with the type word in front: the registry
/// writes titles "Luật Ban hành văn bản quy phạm pháp luật", but also "Bảo hiểm xã hội", "ĐẦU TƯ"
/// or "doanh nghiệp" for type Luật, and each matches the citation "Luật … năm YYYY" of that name.
/// A document's year is its symbol's ("58/2014/QH13" → 2014), else its issue date's.
///
/// A name resolves only when exactly one registry document has that type, name and year; several
/// (two laws of one name passed in one year, as 65/2025/QH15 and 72/2025/QH15) or none give nil.
/// A name without a year never resolves: laws are re-enacted under the same name (Luật Bảo hiểm
/// xã hội 2006, 2014, 2024), so which one a bare name means depends on when it was written, and
/// the registry need not know every version.
///
/// ```swift
/// let names = Lexicon.builtIn.registry.names
/// names.resolve(type: "Luật", name: "Luật Bảo hiểm xã hội", year: 2014)?.symbol   // "58/2014/QH13"
/// names.resolve(type: "Luật", name: "Luật Bảo hiểm xã hội", year: nil)            // nil
/// ```
package struct DocumentNames: Sendable {
    /// A registry document a name stands for: its record.
    public typealias Match = DocumentRecord

    /// A record with its year (the symbol's, else the issue date's).
    private struct Entry: Sendable {
        var record: DocumentRecord
        var year: Int
    }

    /// The documents by name key and year ("luat bao hiem xa hoi|2014").
    private var byNameYear: [String: [Entry]] = [:]
    /// The documents by name key, every year.
    private var byName: [String: [Entry]] = [:]

    /// The names of the lexicon's registry (`Lexicon.registry.names`: built-in rows plus the
    /// user's; a later row for the same document overrides an earlier one).
    public init(lexicon: Lexicon) {
        self = lexicon.registry.names
    }

    /// The names of a registry's documents.
    public init(registry: Registry) {
        self = registry.names
    }

    /// The names of these records (one record a document). Records without a type, a title or a
    /// year cannot be matched by name and are left out.
    public init(records: [DocumentRecord]) {
        for record in records {
            guard let type = record.type, let title = record.title, let year = record.year else { continue }
            let key = Self.key(type: type, name: title)
            guard !key.isEmpty else { continue }
            let entry = Entry(record: record, year: year)
            byNameYear[key + "|" + String(year), default: []].append(entry)
            byName[key, default: []].append(entry)
        }
    }

    /// The document of a type, name and year, when exactly one registry document matches; nil
    /// without a year (see the type's comment).
    public func resolve(type: String?, name: String, year: Int?) -> Match? {
        guard let year else { return nil }
        let key = Self.key(type: type, name: name)
        guard !key.isEmpty, let matches = byNameYear[key + "|" + String(year)] else { return nil }
        var unique: [Entry] = []
        for match in matches where !unique.contains(where: { $0.record.key == match.record.key && $0.year == match.year }) {
            unique.append(match)
        }
        return unique.count == 1 ? unique[0].record : nil
    }

    /// The document a name without a year stands for in a text written on `written` (ISO date):
    /// the registry's latest document of that name issued before it, provided the registry does not
    /// say it had ceased to apply by then (expired, or replaced by a document of an earlier year).
    /// nil when two documents of that name share the latest year, or none was issued before: the
    /// registry need not know every version, so this ties a name only where its records leave no
    /// doubt. For linking citations (index, graph); review uses names with a year only.
    public func resolve(type: String?, name: String, writtenOn written: String) -> Match? {
        let key = Self.key(type: type, name: name)
        guard !key.isEmpty, let writtenYear = Int(written.prefix(4)), let matches = byName[key] else { return nil }
        var earlier: [Entry] = []
        for match in matches where !earlier.contains(where: { $0.record.key == match.record.key }) {
            let before = match.record.issued.map { $0 < written } ?? (match.year < writtenYear)
            if before { earlier.append(match) }
        }
        guard let latestYear = earlier.map(\.year).max() else { return nil }
        let latest = earlier.filter { $0.year == latestYear }
        guard latest.count == 1, let match = latest.first?.record else { return nil }
        if let expired = match.expiredOn, expired <= written { return nil }
        if match.replacedBy.contains(where: { (Registry.year(of: $0) ?? Int.max) <= writtenYear }) { return nil }
        return match
    }

    /// The next version of a name cited with a year the registry has no document of ("Luật Đất
    /// đai" of 2013 → 31/2024/QH15): the one document of that type and name with the earliest
    /// later year. nil when the registry has a document of that name and year, none later, or two
    /// of the earliest later year. A law re-enacted under its name replaces the earlier one (its
    /// effect clause says so), so the cited version was replaced by this one or by one in between
    /// that the registry does not know.
    public func successor(type: String?, name: String, year: Int) -> Match? {
        let key = Self.key(type: type, name: name)
        guard !key.isEmpty, byNameYear[key + "|" + String(year)] == nil, let matches = byName[key] else { return nil }
        let later = matches.filter { $0.year > year }
        guard let next = later.map(\.year).min() else { return nil }
        var unique: [Entry] = []
        for match in later where match.year == next && !unique.contains(where: { $0.record.key == match.record.key }) {
            unique.append(match)
        }
        return unique.count == 1 ? unique[0].record : nil
    }

    /// The document a citation by name stands for: its name, type and year (the stated year, else
    /// the year of its stated issue date). nil for a citation with a symbol or without a name.
    public func resolve(_ citation: Citation) -> Match? {
        guard citation.kind == .name, citation.symbol == nil, let name = citation.name, !name.isEmpty else { return nil }
        return resolve(type: citation.type, name: name, year: citation.year ?? citation.issued?.year)
    }

    /// The comparison key of a type and a name: folded, punctuation and spaces collapsed, the type
    /// word in front unless the name starts with it ("Luật", "ĐẦU TƯ" → "luat dau tu").
    public static func key(type: String?, name: String) -> String {
        let title = words(name)
        guard let type, !type.isEmpty else { return title }
        let typeWords = words(type)
        if typeWords.isEmpty || title == typeWords || title.hasPrefix(typeWords + " ") { return title }
        return title.isEmpty ? "" : typeWords + " " + title
    }

    /// Folded words of a text joined by single spaces (`Folding.words`).
    static func words(_ text: String) -> String { Folding.words(text) }
}
