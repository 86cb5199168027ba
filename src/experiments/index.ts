// Application code above the protocol library: the paper's tables (reproduce), their published numbers, and the
// feature cache that extracts a corpus once.
export { PAPER_TABLE_I, PAPER_IEMOCAP_IMPRO, PAPER_IEMOCAP_ALL, EMODB_HUMAN_WA, type PaperRow } from './paper.js';
export { reproduceEmodb, reproduceIemocap, type ReproduceSettings, type ReproduceOutput } from './reproduce.js';
export { cachedFeatures } from './extract-cache.js';
export { extractManifest, type ManifestExtractSummary } from './extract-manifest.js';
export {
  corpusUtterances,
  manifestUtterances,
  runCorpus,
  type UtteranceTable,
  type RunCorpusSettings,
  type RunCorpusOutput,
} from './run-corpus.js';
