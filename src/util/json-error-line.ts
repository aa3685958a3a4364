/**
 * The 1-based line of a JSON syntax error, for messages that name file:line. Node's JSON.parse gives a
 * position only for some errors, so JSON5 (a superset of JSON whose errors carry a line) is asked too.
 */
import JSON5 from 'json5';

export function jsonErrorLine(text: string, err: unknown): number {
  const position = /position (\d+)/.exec((err as Error)?.message ?? '');
  if (position) return text.slice(0, Number(position[1])).split('\n').length;
  try {
    JSON5.parse(text);
  } catch (json5Error) {
    const line = (json5Error as { lineNumber?: unknown }).lineNumber;
    if (typeof line === 'number' && line > 0) return line;
  }
  return 1;
}
