/** An article as it comes in, before analysis: its text and what is known about it. */
export interface RawArticle {
  readonly id: string;
  readonly text: string;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly title: string | null;
  readonly author?: string | null;
  /** where it came from ("articles.jsonl:12", "page.html"), for messages */
  readonly origin: string;
  /** what ingest noticed that is worth telling but did not stop it */
  readonly warnings?: readonly string[];
}

/** Metadata given on the command line or by the caller; it fills gaps, never overrides the input's own. */
export interface MetaDefaults {
  readonly published?: string | null;
  readonly outlet?: string | null;
}

/** Size limits; past them input is refused with INPUT_TOO_LARGE. */
export interface IngestLimits {
  /** bytes of one article file (.txt, .html, .json) */
  readonly maxFileBytes: number;
  /** characters of one article's text */
  readonly maxTextChars: number;
  /** bytes of one line of a .jsonl file */
  readonly maxLineBytes: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxTextChars: 2 * 1024 * 1024,
  maxLineBytes: 8 * 1024 * 1024,
};
