// Types of loupe.js, the WebAssembly build of Loupe (see loupe_wasm.cc).
//
//   import createLoupe from './loupe.js';
//   const loupe = await createLoupe();
//   const doc: LoupeResult = JSON.parse(loupe.analyze(text, '{"id":"a.txt"}'));
//   if ('error' in doc) throw new Error(doc.error.message);
//
// The JSON is the proto3 JSON mapping of loupe.v1.Document
// (proto/loupe/v1/document.proto) with every primitive field present: the
// same as `loupe analyze --format json` writes. 64-bit integers do not occur;
// enums are their names.

/** Options of analyze(), as JSON (loupe.web.AnalyzeOptions). */
export interface AnalyzeOptions {
  /** Document.id; default "input". */
  id?: string;
  /** Built-in plugins to run with default options; default: all, in order. */
  plugins?: string[];
  /** A full loupe.v1.PipelineConfig; overrides `plugins`. */
  pipeline?: {
    plugin: Array<{
      id: string;
      /** google.protobuf.Any: {"@type": "type.googleapis.com/<Options>", ...}. */
      options?: { '@type': string; [field: string]: unknown };
    }>;
  };
  /** Indented JSON. */
  pretty?: boolean;
  /** Leave out Document.tokens (most of the size); the rest is unchanged. */
  omitTokens?: boolean;
}

export interface TextSpan {
  byteBegin: number;
  byteEnd: number;
  /** Slice a JavaScript string with text.slice(utf16Begin, utf16End). */
  utf16Begin: number;
  utf16End: number;
}

export type TokenKind =
  | 'KIND_UNSPECIFIED' | 'WORD' | 'NUMBER' | 'PUNCTUATION' | 'SYMBOL' | 'URL';
export type EntityType =
  | 'TYPE_UNSPECIFIED' | 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'PRODUCT'
  | 'EVENT' | 'NORP' | 'MISC';
export type NumberKind =
  | 'KIND_UNSPECIFIED' | 'CARDINAL' | 'ORDINAL' | 'MONEY' | 'PERCENT' | 'DATE'
  | 'MULTIPLIER' | 'QUANTITY' | 'DURATION' | 'SHARE_PRICE';
export type SentimentLabel =
  | 'LABEL_UNSPECIFIED' | 'POSITIVE' | 'NEGATIVE' | 'NEUTRAL' | 'MIXED';
export type Severity = 'SEVERITY_UNSPECIFIED' | 'INFO' | 'WARNING' | 'ERROR';

export interface Sentiment {
  /** Polarity in [-1, 1]. */
  score: number;
  /** Strength, >= 0. */
  magnitude: number;
  label: SentimentLabel;
}

export interface Token {
  span: TextSpan;
  kind: TokenKind;
}

export interface Sentence {
  span: TextSpan;
  tokenBegin: number;
  tokenEnd: number;
  heading: boolean;
  boilerplate: boolean;
  /** Absent when no sentiment plugin ran. */
  sentiment?: Sentiment;
  runId: number;
}

export interface Entity {
  span: TextSpan;
  text: string;
  type: EntityType;
  canonical: string;
  confidence: number;
  runId: number;
}

export interface LoupeNumber {
  span: TextSpan;
  text: string;
  kind: NumberKind;
  /** Fully expanded; for a range its low end. */
  value: number;
  unit: string;
  approximate: boolean;
  qualifier: string;
  range?: { low: number; high: number };
  vague: boolean;
  timex: string;
  runId: number;
}

export interface EntitySentiment {
  canonical: string;
  type: EntityType;
  sentiment?: Sentiment;
  mentions: number;
  runId: number;
}

export interface Run {
  id: number;
  plugin: string;
  version: string;
  optionsDigest: string;
  source: string;
}

export interface Diagnostic {
  severity: Severity;
  source: string;
  code: string;
  message: string;
  span?: TextSpan;
  runId: number;
}

export interface Document {
  id: string;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  entities: Entity[];
  numbers: LoupeNumber[];
  sentiment?: Sentiment;
  entitySentiments: EntitySentiment[];
  runs: Run[];
  diagnostics: Diagnostic[];
}

/** What analyze() returns when the input or the options are rejected. */
export interface LoupeError {
  error: {
    /** absl::StatusCode name: "INVALID_ARGUMENT", "NOT_FOUND", ... */
    code: string;
    message: string;
  };
}

export type LoupeResult = Document | LoupeError;

export interface PluginSpec {
  id: string;
  version: string;
  kind: 'KIND_UNSPECIFIED' | 'ENTITIES' | 'NUMBERS' | 'SENTIMENT' | 'OTHER';
  requiresFields: string[];
  assignsFields: string[];
  description: string;
  optionsType: string;
  /** Base64 of a FileDescriptorSet describing `optionsType`, when present. */
  optionsDescriptors?: string;
}

/** One entry of plugins(): the spec and where the plugin came from. */
export interface PluginInfo extends PluginSpec {
  /** "builtin", or "linked:<target>" for a plugin linked into a custom
   *  build (LOUPE_WEB_PLUGINS; see web/README.md). */
  source: string;
  /** Plugin ABI version of a linked plugin; 0 for built-ins. */
  abiVersion: number;
}

export interface LoupeModule {
  /**
   * Analyzes `text` (must be valid UTF-8 once encoded: a lone surrogate is
   * an INVALID_ARGUMENT error). Returns JSON of a Document, or of a
   * LoupeError. `optionsJson` is JSON of AnalyzeOptions.
   */
  analyze(text: string, optionsJson?: string): string;
  /**
   * The same Document as a serialized loupe.v1.Document protobuf (identical
   * to one record of `loupe analyze --format binary`, without the length
   * prefix); empty on error.
   */
  analyzeBinary(text: string, optionsJson?: string): Uint8Array;
  /**
   * JSON array of PluginInfo: the plugins this module has, in registration
   * order: the built-ins, then any linked into a custom build.
   */
  plugins(): string;
}

export interface LoupeModuleOptions {
  /** The bytes of loupe.wasm. Default: fetched beside loupe.js in a
   *  browser, read from beside it under node. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to find loupe.wasm. */
  locateFile?: (path: string, prefix: string) => string;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

export default function createLoupe(
  options?: LoupeModuleOptions): Promise<LoupeModule>;
