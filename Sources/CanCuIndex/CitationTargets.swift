import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuExtract
import Foundation

/// The resolve stage of a file's analysis: each citation is tied to the node key of the document it
/// names (`Citation.target`), by symbol; by name and year through the names the file itself ties
/// to symbols ("Luật Cư trú 68/2020/QH14") and through the registry; a name without a year in a
/// dated document as the registry's version then in force, when the registry leaves no doubt; a
/// back-reference takes the key of the citation it names. The targets are part of the facts the
/// index stores, and the index's rows are written from them.
///
/// ```swift
/// var analysis = FileAnalyzer(lexicon: .builtIn).analyze(document)   // already resolved
/// analysis.documents[0].citations[0].target                           // "s:09/2019/NĐ-CP"
/// ```
package struct CitationTargets: Sendable {
    let known: KnownDocuments

    package init(known: KnownDocuments) {
        self.known = known
    }

    /// Sets `analysis.aliases` and every citation's `target` (documents' citations dated by their
    /// document, procedures' legal basis undated).
    package func resolve(_ analysis: inout FileAnalysis) {
        var aliases: [String: String] = [:]
        // Names tied to symbols in this file ("Luật Cư trú 68/2020/QH14"), for the citations by name.
        for document in analysis.documents {
            for citation in document.citations { Self.learnAlias(citation, into: &aliases) }
            if let own = Self.ownKey(document.document) { Self.learnOwnAliases(document.document, key: own, into: &aliases) }
        }
        for procedure in analysis.procedures {
            for citation in procedure.basis { Self.learnAlias(citation, into: &aliases) }
        }
        analysis.aliases = aliases
        for d in analysis.documents.indices {
            let written = analysis.documents[d].document.issued?.iso
            let citations = analysis.documents[d].citations
            // A local year-less symbol cited is of the citing document's province, unless the
            // words after it name another body ("… của UBND tỉnh Thái Nguyên").
            let province = DocumentKey.province(of: analysis.documents[d].document)
            let stated = analysis.documents[d].review.citationProvinces ?? [:]
            for i in citations.indices {
                analysis.documents[d].citations[i].target = target(of: citations, at: i, aliases: aliases, writtenOn: written,
                                                                   province: stated[i] ?? province)
            }
            for p in analysis.documents[d].procedures.indices {
                let basis = analysis.documents[d].procedures[p].basis
                for i in basis.indices {
                    analysis.documents[d].procedures[p].basis[i].target = target(of: basis, at: i, aliases: aliases, province: province)
                }
            }
        }
        for p in analysis.records.indices {
            let basis = analysis.records[p].basis
            let province = DocumentKey.province(in: analysis.records[p].agency)
            for i in basis.indices { analysis.records[p].basis[i].target = target(of: basis, at: i, aliases: aliases, province: province) }
        }
    }

    /// The node key of an indexed document, from its own symbol (or its name for a law).
    static func ownKey(_ header: DocumentHeader) -> String? {
        let year = header.issued?.year
        if let symbol = header.symbol, !symbol.isEmpty {
            return DocumentKey.key(symbol: symbol, year: year, province: DocumentKey.province(of: header))
        }
        return nil
    }

    private static func learnAlias(_ citation: Citation, into aliases: inout [String: String]) {
        guard let symbol = citation.symbol, !symbol.isEmpty, let name = citation.name, !name.isEmpty else { return }
        let key = DocumentKey.key(symbol: symbol, year: citation.year)
        aliases[DocumentKey.nameKey(name: name, year: citation.year)] = key
    }

    private static func learnOwnAliases(_ header: DocumentHeader, key: String, into aliases: inout [String: String]) {
        guard let title = header.title, !title.isEmpty else { return }
        let year = header.issued?.year
        if let type = header.type, !Folding.fold(title).hasPrefix(Folding.fold(type)) {
            aliases[DocumentKey.nameKey(name: type + " " + title, year: year)] = key
        } else {
            aliases[DocumentKey.nameKey(name: title, year: year)] = key
        }
    }

    /// The node key a citation is stored under: its own key, through the file's aliases and the
    /// registry for names (a name without a year as the version in force on `written`, the citing
    /// document's date, when the registry leaves no doubt); a back-reference takes the key of the
    /// citation it names.
    func target(of citations: [Citation], at index: Int, aliases: [String: String], writtenOn written: String? = nil,
                province: String? = nil, depth: Int = 0) -> String {
        let citation = citations[index]
        if citation.kind == .short, let to = citation.resolvesTo, to != index, to >= 0, to < citations.count, depth < 4 {
            return target(of: citations, at: to, aliases: aliases, writtenOn: written, province: province, depth: depth + 1)
        }
        // A law named inside an amending law's title ("Luật sửa đổi … của Luật Tổ chức Chính phủ … ngày 22
        // tháng 11 năm 2019") is the version the amending law changed: the one in force on its date.
        var written = written
        if citation.tags.contains("in_title"), let owner = citations[..<index].lastIndex(where: {
            $0.source.lowerBound <= citation.source.lowerBound && citation.source.upperBound <= $0.source.upperBound
        }) {
            if let issued = citations[owner].issued { written = issued.iso }
            else if let year = citations[owner].year { written = "\(year)-01-01" }
        }
        return resolve(DocumentKey.key(of: citation, province: province) ?? "?:" + Folding.fold(citation.text), aliases: aliases,
                       writtenOn: written)
    }

    func resolve(_ key: String, aliases: [String: String], writtenOn written: String? = nil) -> String {
        guard key.hasPrefix("n:") else { return key }
        return aliases[key] ?? known.key(forNameKey: key, writtenOn: written) ?? key
    }
}
