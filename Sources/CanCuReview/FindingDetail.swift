import CanCuLexicon

extension Finding {
    /// What a finding states, as facts: the review rules decide them, `FindingMessage` words them
    /// (`Finding.message` and `Finding.note`).
    package enum Detail: Sendable, Hashable {
        /// Cited with a known issue date (`issued`, ISO day) after the citing document's (`written`).
        case notYetIssued(DocumentLabel, issued: String, written: String)
        /// Cited with a symbol whose year is after the citing document's date (`written`).
        case notYetIssuedByYear(DocumentLabel, year: Int, written: String)
        /// The stated issue date differs from the known one; `knownFrom` names the document that
        /// says so when the date is not the registry's.
        case dateMismatch(DocumentLabel, known: String, stated: String, knownFrom: String?)
        /// Replaced, repealed, expired or expired by term.
        case status(DocumentLabel, StatusChange, StatusTiming)
        /// Amended by `amenders` (may be empty), and/or partly expired as of the registry's
        /// `statusAsOf`.
        case amended(DocumentLabel, amenders: [String], partlyExpired: Bool, statusAsOf: String?)
        /// Not in the registry and nothing learned about it.
        case unknownDocument(DocumentLabel)
        /// A body merged, renamed or abolished, named in the document.
        case body(BodyChange, BodyTiming)
    }

    /// How a message names a cited document.
    package enum DocumentLabel: Sendable, Hashable {
        /// Its type and symbol ("Nghị định 61/2018/NĐ-CP"); `type` nil when unknown.
        case symbol(String, type: String?)
        /// A name with its year resolved by the registry to `symbol` ("Luật Bảo hiểm xã hội năm
        /// 2014 (58/2014/QH13)"); without a year, the version in force when the citing document was
        /// written ("Luật Cư trú (68/2020/QH14)").
        case name(String, year: Int?, symbol: String)
        /// A name and year the registry has no document of ("Luật Đất đai năm 2013").
        case nameOnly(String, year: Int)
    }

    /// A change of a cited document's status: what, from when, by what.
    package struct StatusChange: Sendable, Hashable {
        /// `docReplaced`, `docRepealed`, `docExpired` or `docExpiredByTerm`.
        package var code: Code
        /// The date it took effect (ISO), when known.
        package var date: String?
        /// The replacing documents (for `docReplaced`).
        package var replacement: [String]

        package init(code: Code, date: String?, replacement: [String] = []) {
            self.code = code; self.date = date; self.replacement = replacement
        }
    }

    /// When a status change made the reference outdated, relative to the citing document.
    package enum StatusTiming: Sendable, Hashable {
        /// Already outdated when the document was written on `written`.
        case outdatedWhenWritten(written: String)
        /// Right when written on `written`, outdated now.
        case inForceWhenWritten(written: String)
        /// The document is undated; outdated as of `asOf`.
        case undated(asOf: String)
        /// The change's date is unknown; outdated as of `asOf`.
        case unknownDate(asOf: String)
    }

    /// When a body change made naming the old body outdated, relative to the citing document.
    package enum BodyTiming: Sendable, Hashable {
        /// The document was written on `written`, on or after the change.
        case afterChange(written: String)
        /// The document is undated; outdated as of `asOf`.
        case undated(asOf: String)
        /// The document was written on `written`, before the change.
        case beforeChange(written: String)
    }

    /// Why a finding carries a note: the registry and what documents say disagree.
    package enum NoteDetail: Sendable, Hashable {
        /// The document `evidence` gives another issue date (`date`) than the registry row `origin`.
        case otherIssueDate(evidence: String, date: String, origin: String)
        /// The documents (`facts`, per `factsEvidence`) and the registry (`registry`, per
        /// `origin`) give different status changes.
        case statusDiffers(facts: StatusChange, factsEvidence: String, registry: StatusChange, origin: String)
        /// The registry row `origin` says in force (as of `statusAsOf`); the document
        /// `evidence` says `change`.
        case registryInForce(origin: String, statusAsOf: String?, change: StatusChange, evidence: String)
        /// The registry has the document partly expired or amended (in force in part), a
        /// document says it ended.
        /// The cited version is not in the registry; a later document of the same name is
        /// (`successor`, its row `origin`), so the cited one was replaced by it or an earlier one.
        case sameNameLater(successor: String, year: Int, origin: String)
        case registryInPart(origin: String, statusAsOf: String?, change: StatusChange, evidence: String)
    }
}
