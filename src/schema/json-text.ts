/**
 * A JSON value already serialized: the text serializeJson (write.ts) would write for it, without the final
 * newline. `graphpact build` serializes each schema file once and writes the same text twice: as the file,
 * and re-indented inside its OpenAPI document's components (see openapi/generate.ts, serializedSchema), so
 * no schema is copied and serialized a second time. The writer writes the text as it is; anything else
 * that serializes one (JSON.stringify, a caller's walk) gets the value back from toJSON.
 */
export class JsonText {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }

  /** The text as JSON.stringify(…, null, 2) writes the value `depth` levels deep: each line after the first indented. */
  at(depth: number): string {
    return depth === 0 ? this.text : this.text.replaceAll('\n', `\n${'  '.repeat(depth)}`);
  }
}
