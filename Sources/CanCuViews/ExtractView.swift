import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
/// The outputs of `cancu extract`: the contract's JSON line, and a text view for people.
package enum ExtractView {
    /// One JSON line of the output contract.
    public static func writeJSON(_ e: DocumentFacts, to json: inout JSONWriter) {
        json.object { json in
            json.field("source", e.path)
            json.objectField("document") { json in writeHeader(e.document, to: &json) }
            writeCitations(e, to: &json)
            writeRelations(e, to: &json)
            writeTemporal(e, to: &json)
            TokenView.writeWarnings(e.warnings, to: &json)
        }
        json.newline()
    }

    /// The JSON line of `document` as `cancu extract` prints it: the same bytes as
    /// `writeJSON(extractor.extract(document, stages: []), to:)`, with each part written on the
    /// thread of the stage that found it (see `Extractor.extract(_:path:warnings:stages:afterCitations:afterTemporal:)`).
    package static func writeJSON(_ document: SourceDocument, extractor: Extractor, to json: inout JSONWriter) {
        let text = extractor.pipeline.normalize(document)
        let (facts, citations, relations, temporal) = extractor.extract(
            text, path: document.path, warnings: document.warnings, stages: [],
            afterCitations: { facts in
                var part = JSONWriter()
                part.object { json in writeCitations(facts, to: &json) }
                return part
            },
            afterRelations: { facts in
                var part = JSONWriter()
                part.object { json in writeRelations(facts, to: &json) }
                return part
            },
            afterTemporal: { facts in
                var part = JSONWriter()
                part.object { json in writeTemporal(facts, to: &json) }
                return part
            })
        // The parts are joined once, into a buffer of their size (not grown step by step).
        json.reserve(citations.bytes.count + relations.bytes.count + temporal.bytes.count + 4096)
        json.object { json in
            json.field("source", facts.path)
            json.objectField("document") { json in writeHeader(facts.document, to: &json) }
            json.fields(of: citations)
            json.fields(of: relations)
            json.fields(of: temporal)
            TokenView.writeWarnings(facts.warnings, to: &json)
        }
        json.newline()
    }

    /// The contract's `citations` array.
    static func writeCitations(_ e: DocumentFacts, to json: inout JSONWriter) {
        json.arrayField("citations") { json in
            for c in e.citations { writeCitation(c, to: &json) }
        }
    }

    /// The contract's `relations` array.
    static func writeRelations(_ e: DocumentFacts, to json: inout JSONWriter) {
        json.arrayField("relations") { json in
            for r in e.relations {
                json.object { json in
                    if let from = r.from { json.field("from", from) } else { json.field("from", "self") }
                    json.field("to", r.to)
                    json.field("type", r.type.rawValue)
                    json.span(r.source)
                }
            }
        }
    }

    /// The contract's `dates`, `periods` and `targets` arrays.
    static func writeTemporal(_ e: DocumentFacts, to json: inout JSONWriter) {
        json.arrayField("dates") { json in
            for d in e.dates {
                json.object { json in
                    json.span(d.source)
                    json.field("text", d.text)
                    json.field("value", d.value)
                    json.field("role", d.role.rawValue)
                }
            }
        }
        json.arrayField("periods") { json in
            for p in e.periods {
                json.object { json in
                    json.span(p.source)
                    json.field("text", p.text)
                    json.field("from", p.from)
                    json.field("to", p.to)
                }
            }
        }
        json.arrayField("targets") { json in
            for t in e.targets {
                json.object { json in
                    json.span(t.source)
                    json.field("text", t.text)
                    json.field("value", t.value)
                    json.field("unit", t.unit)
                    json.field("comparator", t.comparator.rawValue)
                    json.field("subject", t.subject)
                    json.field("deadline", t.deadline)
                    json.field("period", t.period)
                }
            }
        }
    }

    /// The contract's `document` fields.
    public static func writeHeader(_ h: DocumentHeader, to json: inout JSONWriter) {
        json.field("symbol", h.symbol)
        json.field("type", h.type)
        json.field("issuer", h.issuer)
        json.field("issued", h.issued)
        json.field("place", h.place)
        json.field("title", h.title)
        json.field("effective", h.effective)
    }

    /// One citation object of the contract.
    public static func writeCitation(_ c: Citation, to json: inout JSONWriter) {
        json.object { json in
            json.span(c.source)
            json.field("text", c.text)
            json.field("symbol", c.symbol)
            json.field("type", c.type)
            json.field("number", c.number)
            json.field("year", c.year)
            json.field("issuers", strings: c.issuers)
            json.field("issued", c.issued)
            json.field("name", c.name)
            writePinpoints(c.pinpoints, to: &json)
            json.field("kind", c.kind.rawValue)
            json.field("resolves_to", c.resolvesTo)
            if !c.tags.isEmpty { json.field("tags", strings: c.tags) }
        }
    }

    /// The contract's `pinpoints` array (only the keys that are set).
    public static func writePinpoints(_ pinpoints: [Pinpoint], to json: inout JSONWriter) {
        PinpointCoding.write(pinpoints, to: &json)
    }

    /// A view for people: the header, then each citation with its line, kind, symbol and relation,
    /// then dates, periods, targets and warnings; dates written dd/mm/yyyy.
    public static func text(_ e: DocumentFacts, lineOf: (Int) -> Int) -> String {
        var out = "== \(e.path)\n"
        let h = e.document
        let headerParts = [h.type, h.symbol, h.issuer.map { "của \($0)" }, h.issued.map { "ngày \($0.vietnamese)" },
                           h.effective.map { "hiệu lực \($0.vietnamese)" }].compactMap { $0 }
        if !headerParts.isEmpty { out += "Văn bản: " + headerParts.joined(separator: ", ") + "\n" }
        if let title = h.title { out += "Trích yếu: \(title)\n" }
        for note in e.effectNotes { out += "Hiệu lực: \(TextDates.inText(note))\n" }
        var relationsByTarget: [Int: [String]] = [:]
        for r in e.relations {
            let from = r.from.map { "#\($0 + 1)" } ?? "văn bản này"
            relationsByTarget[r.to, default: []].append(r.from == nil ? r.type.rawValue : "\(r.type.rawValue) ← \(from)")
        }
        if !e.citations.isEmpty { out += "Trích dẫn (\(e.citations.count)):\n" }
        for (i, c) in e.citations.enumerated() {
            let label = c.symbol ?? [c.type, c.name, c.number, c.year.map(String.init)].compactMap { $0 }.joined(separator: " ")
            var line = "  #\(i + 1) dòng \(lineOf(c.source.lowerBound))\t\(c.kind.rawValue)\t\(label)"
            if let issued = c.issued { line += " (\(issued.vietnamese))" }
            let pins = c.pinpoints.map(pinpointText).filter { !$0.isEmpty }
            if !pins.isEmpty { line += " [\(pins.joined(separator: "; "))]" }
            if let target = c.resolvesTo { line += " → #\(target + 1)" }
            if let rel = relationsByTarget[i] { line += "\t" + rel.joined(separator: ", ") }
            out += line + "\n"
        }
        if !e.dates.isEmpty {
            out += "Ngày (\(e.dates.count)): " + e.dates.map { "\($0.value.vietnamese) \($0.role.rawValue)" }.joined(separator: "; ") + "\n"
        }
        if !e.periods.isEmpty {
            var seen = Set<String>()
            let distinct = e.periods.map { "\($0.from?.vietnamese ?? "…")–\($0.to?.vietnamese ?? "…")" }.filter { seen.insert($0).inserted }
            out += "Giai đoạn: " + distinct.joined(separator: "; ") + "\n"
        }
        for t in e.targets {
            var line = "Mục tiêu: \(t.comparator == .atLeast ? "≥ " : t.comparator == .atMost ? "≤ " : "")\(formatNumber(t.value))\(t.unit.first?.isLetter == true ? " " : "")\(t.unit)"
            if let s = t.subject { line += " — \(s)" }
            if let d = t.deadline { line += " (hạn \(d.vietnamese))" }
            out += line + "\n"
        }
        for w in e.warnings { out += "! \(w.code): \(w.message)\n" }
        return out
    }

    static func formatNumber(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }

    /// "điểm a khoản 2 Điều 5" from a pinpoint.
    public static func pinpointText(_ p: Pinpoint) -> String {
        [p.point.map { "điểm \($0)" }, p.clause.map { "khoản \($0)" }, p.article.map { "Điều \($0)" },
         p.section.map { "Mục \($0)" }, p.chapter.map { "Chương \($0)" }, p.part.map { "Phần \($0)" }]
            .compactMap { $0 }.joined(separator: " ")
    }
}
