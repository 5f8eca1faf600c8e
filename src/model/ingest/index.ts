/**
 * Ingest: a release's text (OCR output: pipe tables, headings, prose) to a release's data, every
 * figure settled by the release's own arithmetic or marked unresolved. Pure TypeScript: the CLI
 * (`iij-model ingest`) and the pane call the same code. See src/data/README.md, "Ingest".
 */
export { type IngestOptions, type IngestResult, type IngestStatus, ingestRelease } from "./ingest";
export { type IngestSummary, type LineChange, findingText, formatSummary } from "./summary";
export { releaseFileName, releaseProblems, releaseToJson, releasesFromJson } from "./json";
