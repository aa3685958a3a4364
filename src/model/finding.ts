/** A position in a docs file: every parsed item and every finding carries one. */
export interface SourcePos {
  /** Path as given to the tool (relative to the current directory when possible), '/' separated. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, where known. */
  column?: number;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * One thing wrong with (or worth noting about) a docs page. Produced by the parser
 * (what it had to repair or could not understand) and by the lint rules.
 */
export interface Finding extends SourcePos {
  /** Stable rule id, kebab-case, e.g. `example-response-envelope`. Parser findings start with `parse-`. */
  ruleId: string;
  severity: Severity;
  /** Names the property or value concerned. */
  message: string;
  /** The fix, when it is obvious. */
  fix?: string;
}
