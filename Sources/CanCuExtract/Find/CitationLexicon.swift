import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
/// The dictionaries the citation scanner reads, compiled once into lookup tables of bytes:
/// type abbreviations and names, issuers, symbol repairs, homoglyphs, not-citation cues, relation
/// cues, the words around a citation (`citation-words.tsv`) and page-furniture lines.
///
/// ```swift
/// let lexicon = CitationLexicon(.builtIn)
/// lexicon.typeName(ofToken: "NĐ")   // "Nghị định"
/// ```
package struct CitationLexicon: Sendable {
    /// A document type name as written before a number ("Nghị định"), lower-case bytes.
    struct TypeWord: Sendable {
        var name: String
        var lower: [UInt8]
        var citedByName: Bool
    }

    /// A relation cue, lower-case bytes.
    struct Cue: Sendable {
        var bytes: [UInt8]
        var relation: Relation.RelationType?
        var position: String
        var history: Bool
    }

    /// Type abbreviation (canonical token) → full name.
    let typeNames: [String: String]
    /// Written token (alias, upper-cased printing, ASCII fallback) → canonical token, for types and issuers.
    let tokenAliases: [String: String]
    /// Known issuer tokens (canonical and aliases).
    let issuers: Set<String>
    /// Issuer tokens that carry a legislature term as a digit suffix (QH15, UBTVQH14, HĐNN7).
    let termTokens: Set<String>
    /// Mixed-case tokens (TTg, QyĐ, CTr, TTr, TrS, TTh).
    let mixedCaseTokens: [String]
    /// Repairs of a symbol's token sequence, longest first.
    let repairs: [(written: String, canonical: String)]
    /// The tokens of the written side of the repairs ("ND", "CP" of "ND-CP"): a token written in
    /// lower case is read in capitals when it is one of these or a known type or issuer.
    let repairTokens: Set<String>
    /// Type words, longest first.
    let typeWords: [TypeWord]
    /// Types cited by name, in capitals ("BỘ LUẬT"), with their name; longest first.
    let capitalTypeWords: [(word: [UInt8], name: String)]
    /// Lower-case lead bytes that may start a type word (256 entries).
    let typeWordLeadBytes: [Bool]
    /// Indices into `typeWords` by first lower-case byte (256 entries), longest first.
    let typeWordsByFirstByte: [[Int]]
    /// Not-citation cues, lower-case bytes, longest first.
    let notCitationCues: [[UInt8]]
    /// Relation cues, longest first.
    let cues: [Cue]
    /// Indices into `cues` by first byte (256 entries), longest first.
    let cuesByFirstByte: [[Int]]
    /// Whether a cue of four bytes or more may start with these four bytes, by `quadHash` (65,536 entries).
    let cueQuads: [Bool]
    /// Indices into `cues` of the cues of four bytes or more, by their first four bytes
    /// (little-endian), longest first.
    let cuesByQuad: [UInt32: [Int]]
    /// `cuesByQuad` as an open-addressing table of 65,536 slots from `quadHash` (linear probing):
    /// the four bytes of a slot (0: empty; no cue starts with a NUL) and their cues.
    let cueQuadKeys: [UInt32]
    let cueQuadLists: [[Int]]
    /// First bytes of the cues shorter than four bytes (256 entries).
    let shortCueFirstBytes: [Bool]
    /// The first 16 bytes of each cue (fewer when shorter), by cue index, as two little-endian
    /// words and their masks: where the text has no two spaces in a row, a cue matches only text
    /// that starts with these bytes (a quick test before `CueIndex.matchEnd`).
    let cueHeads: [CueHead]

    struct CueHead: Sendable {
        var bytes0: UInt64 = 0, mask0: UInt64 = 0, bytes1: UInt64 = 0, mask1: UInt64 = 0

        init(_ cue: [UInt8]) {
            let fixed = min(cue.count, 16)
            var b = [UInt8](repeating: 0, count: 16), m = [UInt8](repeating: 0, count: 16)
            for j in 0..<fixed { b[j] = cue[j]; m[j] = 0xFF }
            b.withUnsafeBytes { raw in
                bytes0 = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
                bytes1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            }
            m.withUnsafeBytes { raw in
                mask0 = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
                mask1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            }
        }
    }
    /// Two-byte homoglyph → ASCII letter.
    let homoglyphs: [UInt16: UInt8]
    /// Words by role (lower-case bytes).
    let nameStops: [[UInt8]]
    let amendNameStops: [[UInt8]]
    let backReferences: [[UInt8]]
    let historyLinks: Set<[UInt8]>
    /// Hierarchy rank of a type name (`rank` of type-names.tsv, 1 = highest), where one rank is given
    /// ("Nghị định" 5; "Nghị quyết", whose rank depends on the issuer, has none).
    let typeRanks: [String: Int]
    /// Known names of documents cited by name, after the type word (lower-case bytes, one space
    /// between words), by their first word, longest first (`document-names.tsv` and the titles of
    /// the laws, codes and ordinances of `documents.tsv`).
    let knownNames: [[UInt8]: [[UInt8]]]
    /// Issuers whose symbols take a glued department number (NHNN2), upper case.
    let unitSuffixIssuers: Set<String>
    /// Lower-case starts of words glued to a symbol ("sửa", "luật", "quy").
    let gluedWordStarts: [[UInt8]]
    /// Pinpoint unit word → level (1 point … 6 part, 0 ignored).
    let pinpointUnits: [[UInt8]: Int]
    let pinpointJoiners: Set<[UInt8]>
    let pinpointRanges: Set<[UInt8]>
    let pinpointLinks: Set<[UInt8]>
    /// A page-furniture line start (lower-case bytes) and the longest trimmed line, in
    /// characters, it applies to (0: any).
    struct NoiseLine: Sendable {
        var prefix: [UInt8]
        var maxLength: Int
    }
    /// Page-furniture line starts, footer starts, last lines and ends (lower-case bytes), and the
    /// non-blank lines after which a footer ends by itself (`noise-lines.tsv`, `rules.tsv`).
    let noiseLines: [NoiseLine]
    let footerStarts: [[UInt8]]
    let footerLasts: [[UInt8]]
    let footerEnds: [[UInt8]]
    let footerMaxLines: Int
    /// First bytes of noise and footer-start lines (256 entries).
    let furnitureLeadBytes: [Bool]
    /// A phrase that opens a paragraph scope ("căn cứ"), lower-case bytes, with its relation;
    /// `lineStartOnly` ones open it only at a line start before a capitalised word (`rules.tsv`).
    struct ScopeOpener: Sendable {
        var bytes: [UInt8]
        var relation: Relation.RelationType
        var lineStartOnly: Bool
    }
    let scopeOpeners: [ScopeOpener]
    /// Byte windows of `rules.tsv`: the own number, a title's date, a scope, a list gap.
    let ownSymbolReach: Int
    let titleDateReach: Int
    let scopeLength: Int
    let listGap: Int
    /// Lists a cue acts on ("Bãi bỏ các văn bản sau đây:"): the relations that may introduce one,
    /// the longest such list in bytes, and the words that open a title cell in it (`rules.tsv`).
    let listRelations: Set<Relation.RelationType>
    let listScopeLength: Int
    let listCellStarts: [[UInt8]]
    /// Issuer token → the types its symbols may have, the first by default (`issuer_types.*`).
    let issuerTypes: [String: [String]]
    /// Issuer token → the type of a symbol of that one token (`lone_issuer_types.*`: N-CP).
    let loneIssuerTypes: [String: String]
    /// The type of a symbol of another issuer with no type word.
    let issuerDefaultType: String

    /// Compiles the tables of `lexicon`.
    public init(_ lexicon: Lexicon) {
        var typeNames: [String: String] = [:]
        var aliases: [String: String] = [:]
        var mixed: [String] = []
        for row in lexicon.rows("document-types.tsv") {
            let token = row["abbreviation"]
            guard !token.isEmpty else { continue }
            typeNames[token] = row["name"]
            if token != token.uppercased() { mixed.append(token) }
            for alias in row.values("aliases") where !alias.contains("/") && !alias.contains("-") {
                aliases[alias] = token
            }
            if token.uppercased() != token { aliases[token.uppercased()] = token }
        }
        var issuers = Set<String>()
        for row in lexicon.rows("issuers.tsv") {
            let token = row["abbreviation"]
            guard !token.isEmpty else { continue }
            issuers.insert(token)
            if token.uppercased() != token { aliases[token.uppercased()] = token; mixed.append(token) }
            for alias in row.values("aliases") {
                issuers.insert(alias)
                // Only spelling variants (ASCII fallbacks, case) are rewritten; real variants such as
                // LĐTBXH (decisions of the ministry) are kept as written.
                if Self.asciiKey(alias) == Self.asciiKey(token) { aliases[alias] = token }
            }
        }
        self.typeNames = typeNames
        self.tokenAliases = aliases
        self.issuers = issuers
        let rules = lexicon.rules
        self.termTokens = Set(rules.list("term_issuers"))
        self.ownSymbolReach = rules.int("own_symbol_reach")
        self.titleDateReach = rules.int("title_date_reach")
        self.scopeLength = rules.int("scope_length")
        self.listGap = rules.int("list_gap")
        self.listRelations = Set(rules.list("list_relations").compactMap(Relation.RelationType.init(rawValue:)))
        self.listScopeLength = rules.int("list_scope_length")
        self.listCellStarts = rules.list("list_cell_starts").map(Self.lowerBytes).filter { !$0.isEmpty }
        self.issuerTypes = rules.lists(prefixed: "issuer_types.")
        self.loneIssuerTypes = rules.lists(prefixed: "lone_issuer_types.").compactMapValues(\.first)
        self.issuerDefaultType = rules.list("issuer_default_type").first ?? ""
        var openers: [ScopeOpener] = []
        for (key, lineStartOnly) in [("scope_openers", false), ("line_scope_openers", true)] {
            for (phrase, relation) in rules.pairs(key) {
                guard let type = Relation.RelationType(rawValue: relation), !phrase.isEmpty else { continue }
                openers.append(ScopeOpener(bytes: Self.lowerBytes(phrase), relation: type, lineStartOnly: lineStartOnly))
            }
        }
        self.scopeOpeners = openers.sorted { $0.bytes.count > $1.bytes.count }
        self.mixedCaseTokens = Array(Set(mixed)).sorted { $0.utf8.count > $1.utf8.count }
        self.repairs = lexicon.rows("symbol-repairs.tsv").map { ($0["written"], $0["canonical"]) }
            .filter { !$0.0.isEmpty }.sorted { $0.0.utf8.count > $1.0.utf8.count }
        self.repairTokens = Set(repairs.flatMap { $0.written.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init) })

        var words: [TypeWord] = []
        var ranks: [String: Int] = [:]
        for row in lexicon.rows("type-names.tsv") where !row["name"].isEmpty {
            if let rank = Int(row["rank"]) { ranks[row["name"]] = rank }
            words.append(TypeWord(name: row["name"], lower: Self.lowerBytes(row["name"]), citedByName: row["cited_by_name"] == "yes"))
        }
        words.sort { $0.lower.count > $1.lower.count }
        self.typeWords = words
        self.typeRanks = ranks
        self.capitalTypeWords = words.filter(\.citedByName).map { (Array($0.name.uppercased().utf8), $0.name) }
        var leads = [Bool](repeating: false, count: 256)
        for word in words { if let first = word.lower.first { leads[Int(first)] = true } }
        self.typeWordLeadBytes = leads
        var wordsByFirst = [[Int]](repeating: [], count: 256)
        for (index, word) in words.enumerated() { if let first = word.lower.first { wordsByFirst[Int(first)].append(index) } }
        self.typeWordsByFirstByte = wordsByFirst

        self.notCitationCues = lexicon.rows("not-citation-cues.tsv").map { Self.lowerBytes($0["cue"]) }
            .filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        self.cues = lexicon.rows("relation-cues.tsv").compactMap { row -> Cue? in
            let bytes = Self.lowerBytes(row["cue"])
            guard !bytes.isEmpty else { return nil }
            return Cue(bytes: bytes, relation: Relation.RelationType(rawValue: row["relation"]), position: row["position"],
                       history: row["direction"] == "history")
        }.sorted { $0.bytes.count > $1.bytes.count }

        var byFirst = [[Int]](repeating: [], count: 256)
        for (index, cue) in cues.enumerated() { byFirst[Int(cue.bytes[0])].append(index) }
        self.cuesByFirstByte = byFirst
        var quads = [Bool](repeating: false, count: 1 << 16)
        var shortFirst = [Bool](repeating: false, count: 256)
        var byQuad: [UInt32: [Int]] = [:]
        for (index, cue) in cues.enumerated() {
            if cue.bytes.count >= 4 {
                let b = cue.bytes
                let quad = UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
                quads[Self.quadHash(quad)] = true
                byQuad[quad, default: []].append(index)
            } else {
                shortFirst[Int(cue.bytes[0])] = true
            }
        }
        self.cueHeads = cues.map { CueHead($0.bytes) }
        var quadKeys = [UInt32](repeating: 0, count: 1 << 16)
        var quadLists = [[Int]](repeating: [], count: 1 << 16)
        for (quad, list) in byQuad {
            var slot = Self.quadHash(quad)
            while quadKeys[slot] != 0 { slot = (slot + 1) & 0xFFFF }
            quadKeys[slot] = quad
            quadLists[slot] = list
        }
        self.cueQuadKeys = quadKeys
        self.cueQuadLists = quadLists
        self.cueQuads = quads
        self.cuesByQuad = byQuad
        self.shortCueFirstBytes = shortFirst

        var glyphs: [UInt16: UInt8] = [:]
        for row in lexicon.rows("homoglyphs.tsv") {
            let w = Array(row["written"].utf8), l = Array(row["latin"].utf8)
            if w.count == 2, l.count == 1 { glyphs[UInt16(w[0]) << 8 | UInt16(w[1])] = l[0] }
        }
        self.homoglyphs = glyphs

        var nameStops: [[UInt8]] = [], amendStops: [[UInt8]] = [], backs: [[UInt8]] = [], links = Set<[UInt8]>()
        var unitSuffix = Set<String>(), glued: [[UInt8]] = words.compactMap { w in w.lower.split(separator: 0x20).first.map(Array.init) }
        var units: [[UInt8]: Int] = [:], joiners = Set<[UInt8]>(), ranges = Set<[UInt8]>(), pinLinks = Set<[UInt8]>()
        for row in lexicon.rows("citation-words.tsv") {
            let w = Self.lowerBytes(row["word"])
            guard !w.isEmpty else { continue }
            switch row["role"] {
            case "name_stop": nameStops.append(w)
            case "amend_name_stop": amendStops.append(w)
            case "back_reference": backs.append(w)
            case "history_link": links.insert(w)
            case "pinpoint_unit": units[w] = Int(row["level"]) ?? 0
            case "pinpoint_joiner": joiners.insert(w)
            case "pinpoint_range": ranges.insert(w)
            case "pinpoint_link": pinLinks.insert(w)
            case "unit_suffix_issuer": unitSuffix.insert(row["word"].uppercased())
            case "glued_word_start": glued.append(w)
            default: break
            }
        }
        self.nameStops = nameStops
        self.amendNameStops = amendStops
        self.backReferences = backs.sorted { $0.count > $1.count }
        self.historyLinks = links
        self.knownNames = Self.knownNames(lexicon, typeWords: words)
        self.unitSuffixIssuers = unitSuffix
        self.gluedWordStarts = glued
        self.pinpointUnits = units
        self.pinpointJoiners = joiners
        self.pinpointRanges = ranges
        self.pinpointLinks = pinLinks

        var noise: [NoiseLine] = [], starts: [[UInt8]] = [], lasts: [[UInt8]] = [], ends: [[UInt8]] = []
        for row in lexicon.rows("noise-lines.tsv") {
            let t = Self.lowerBytes(row["text"])
            guard !t.isEmpty else { continue }
            switch row["role"] {
            case "noise": noise.append(NoiseLine(prefix: t, maxLength: Int(row["max_length"]) ?? 0))
            case "footer_start": starts.append(t)
            case "footer_last": lasts.append(t)
            case "footer_end": ends.append(t)
            default: break
            }
        }
        self.noiseLines = noise
        self.footerStarts = starts
        self.footerLasts = lasts
        self.footerEnds = ends
        self.footerMaxLines = rules.int("footer_max_lines")
        var furniture = [Bool](repeating: false, count: 256)
        for line in noise.map(\.prefix) + starts { furniture[Int(line[0])] = true }
        self.furnitureLeadBytes = furniture
    }

    /// The names of `document-names.tsv` and the non-amending titles of the registry's documents of
    /// types cited by name, normalised as texts are (tone placement), without the type word.
    private static func knownNames(_ lexicon: Lexicon, typeWords: [TypeWord]) -> [[UInt8]: [[UInt8]]] {
        let byName = typeWords.filter(\.citedByName)
        let normalizer = Normalizer(lexicon: lexicon)
        var names = Set<[UInt8]>()
        func add(_ type: String, _ raw: String) {
            guard byName.contains(where: { $0.name == type }) else { return }
            var bytes = lowerBytes(normalizer.normalize(raw).string)
            // The registry's titles may start with the type word ("Luật Phòng, chống rửa tiền").
            for word in byName.sorted(by: { $0.lower.count > $1.lower.count }) where bytes.count > word.lower.count + 1 {
                if Array(bytes[0..<word.lower.count]) == word.lower && bytes[word.lower.count] == 0x20 {
                    bytes.removeFirst(word.lower.count + 1)
                    break
                }
            }
            // One space between words.
            var single: [UInt8] = []
            for b in bytes where !(b == 0x20 && (single.last == 0x20 || single.isEmpty)) { single.append(b) }
            while single.last == 0x20 { single.removeLast() }
            guard !single.isEmpty, !single.starts(with: Array("sửa đổi".utf8)) else { return }
            names.insert(single)
        }
        for row in lexicon.rows("document-names.tsv") { add(row["type"], row["name"]) }
        for row in lexicon.rows("documents.tsv") where !row["title"].isEmpty { add(row["type"], row["title"]) }
        var result: [[UInt8]: [[UInt8]]] = [:]
        for name in names {
            let first = Array(name.prefix { $0 != 0x20 && $0 != 0x2C })
            result[first, default: []].append(name)
        }
        for key in result.keys { result[key]!.sort { $0.count > $1.count } }
        return result
    }

    /// The slot of four bytes (little-endian) in `cueQuads`.
    @inline(__always)
    static func quadHash(_ x: UInt32) -> Int { Int((x &* 0x9E37_79B1) >> 16) }

    /// The full type name of a canonical type token ("NĐ" → "Nghị định").
    public func typeName(ofToken token: String) -> String? { typeNames[token] }

    /// The canonical spelling of a token (ASCII fallbacks and upper-case printings repaired).
    func canonicalToken(_ token: String) -> String { tokenAliases[token] ?? token }

    /// Whether a token names a known issuer, with or without a legislature term suffix.
    func isIssuer(_ token: String) -> Bool {
        if issuers.contains(token) || issuers.contains(canonicalToken(token)) { return true }
        // Only a token ending in an ASCII digit can carry a term.
        guard let lastByte = token.utf8.last, lastByte &- 0x30 < 10 else { return false }
        let letters = String(token.reversed().drop { $0.isASCII && $0.isNumber }.reversed())
        return letters != token && termTokens.contains(letters)
    }

    /// A key that ignores case and the Đ/D difference ("BLDTBXH" and "BLĐTBXH" agree).
    static func asciiKey(_ s: String) -> String {
        s.uppercased().replacingOccurrences(of: "Đ", with: "D")
    }

    /// Lower-case NFC bytes of a dictionary phrase (Vietnamese letters lowered with the scanner's rule).
    static func lowerBytes(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in s.unicodeScalars {
            let lowered = ScanText.lowerScalar(scalar.value)
            appendScalar(lowered, to: &out)
        }
        return out
    }
}
