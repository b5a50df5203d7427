// CanCu: read Vietnamese legal documents and tell what they rest on.
//
// The library's public API, re-exported from the pipeline's modules:
// - analyse a document: `DocumentReader.read(_:)`, `Extractor(lexicon:).extract(_:)` → `DocumentFacts`
// - open an index and query it: `DocumentIndex`, `Indexer`, `IndexQueries`
// - review: `Reviewer`, `FilesReview`, `IndexReview` → `Finding`
// - export the graph: `GraphBuilder`, `GraphIndexReader`, `GraphExport`
@_exported import CanCuModel
@_exported import CanCuText
@_exported import CanCuLexicon
@_exported import CanCuInput
@_exported import CanCuExtract
@_exported import CanCuReview
@_exported import CanCuIndex
@_exported import CanCuGraph
@_exported import CanCuViews
