/** JSON Pointer (RFC 6901) pieces shared by the parser, the schema walk and lint reports. */

/** One segment, escaped: `~` → `~0`, `/` → `~1` (`b/c` → `b~1c`). */
export function pointerSegment(key: string | number): string {
  return typeof key === 'number' ? String(key) : key.replace(/~/g, '~0').replace(/\//g, '~1');
}
