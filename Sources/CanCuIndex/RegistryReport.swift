import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import Foundation

/// Everything known of one document's status, source by source (`cancu registry show`): the rows
/// of the dictionaries (built-in or the user's), the rows of imported tables, the facts indexed
/// documents state about it (with file and line), the record review uses (all of them laid over
/// each other), the status codes that follow as of a date, and the conflicts between sources.
package struct RegistryReport: Sendable {
    /// One source's statement.
    package struct Source: Sendable {
        /// `registry` (a dictionaries row), `imported` (a row of an imported table) or `document`
        /// (a clause of an indexed document).
        package var kind: String
        /// Where: `FILE:LINE`.
        package var origin: String
        package var record: DocumentRecord?
        package var fact: DocumentFact?
    }

    /// The canonical symbol asked for.
    package var symbol: String
    package var sources: [Source]
    /// The registry record review uses (dictionaries and imports merged); nil when neither has one.
    package var merged: DocumentRecord?
    /// The review codes that apply as of `asOf`.
    package var statuses: [Reviewer.Status]
    package var asOf: String
    /// Disagreements between sources, in words.
    package var conflicts: [String]

    /// Whether any source knows the document.
    package var isKnown: Bool { !sources.isEmpty }

    /// The report of `symbol` from the user's dictionaries (`base`), the imported `records` and,
    /// when given, an index's documents.
    package static func build(symbol: String, base: Lexicon, imported: [DocumentRecord], index: DocumentIndex?,
                              asOf: String) throws(IndexError) -> RegistryReport {
        let key = Registry.key(symbol)
        var sources: [Source] = []
        for record in base.registry.records(symbol: symbol) {
            sources.append(Source(kind: "registry", origin: record.origin, record: record))
        }
        for record in imported where record.key == key {
            sources.append(Source(kind: "imported", origin: record.origin, record: record))
        }
        var learned = LearnedFacts()
        if let index {
            learned = try index.read { db in try IndexReview.facts(about: symbol, db: db) }
            for fact in learned.facts(about: symbol) {
                sources.append(Source(kind: "document", origin: fact.evidence, fact: fact))
            }
        }
        let lexicon = base.with(imported: imported)
        let merged = lexicon.registry.record(symbol: symbol, year: Registry.year(of: symbol))
            ?? lexicon.registry.records(symbol: symbol).first
        let reviewer = Reviewer(lexicon: lexicon)
        let statuses = reviewer.status(of: symbol, year: merged?.year, asOf: asOf, facts: learned)
        var conflicts = merged?.note.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("conflict:") } ?? []
        conflicts += Self.factConflicts(merged, learned.facts(about: symbol))
        return RegistryReport(symbol: merged?.symbol ?? symbol, sources: sources, merged: merged, statuses: statuses,
                              asOf: asOf, conflicts: conflicts)
    }

    /// What the registry says that keeps a document in force, when a document says it ended: in
    /// force, partly expired, or amended (only) by the very document said to end it.
    static func stays(_ record: DocumentRecord, actor: String?) -> String? {
        switch record.status {
        case .inForce: return "in_force"
        case .partlyExpired: return "partly_expired"
        default:
            if let actor, record.amendedBy.contains(where: { Registry.key($0) == Registry.key(actor) }) { return "amended_by \(actor)" }
            return nil
        }
    }

    /// Where the documents' own words disagree with the registry: another replacing document,
    /// another date, or a change to a document the registry has in force.
    static func factConflicts(_ record: DocumentRecord?, _ facts: [DocumentFact]) -> [String] {
        guard let record else { return [] }
        var conflicts: [String] = []
        let replacing = Set(record.replacedBy.map(Registry.key))
        for fact in facts {
            switch fact.kind {
            case .replacedBy:
                if let value = fact.value, !replacing.isEmpty, !replacing.contains(Registry.key(value)) {
                    conflicts.append("conflict: replaced_by \(value) (\(fact.evidence)) vs \(record.replacedBy.joined(separator: ", ")) (\(record.origin))")
                } else if replacing.isEmpty, let stays = Self.stays(record, actor: fact.value) {
                    conflicts.append("conflict: replaced (\(fact.evidence)) vs \(stays) (\(record.origin))")
                }
            case .repealedBy, .expired:
                if record.replacedBy.isEmpty, record.repealedBy.isEmpty, let stays = Self.stays(record, actor: fact.value) {
                    conflicts.append("conflict: \(fact.kind.rawValue) (\(fact.evidence)) vs \(stays) (\(record.origin))")
                }
            case .issued:
                if let value = fact.value, let issued = record.issued, value != issued {
                    conflicts.append("conflict: issued \(value) (\(fact.evidence)) vs \(issued) (\(record.origin))")
                }
            case .effective:
                if let value = fact.value, let effective = record.effective, value != effective {
                    conflicts.append("conflict: effective \(value) (\(fact.evidence)) vs \(effective) (\(record.origin))")
                }
            default:
                continue
            }
        }
        return conflicts
    }
}
