/**
 * `fn` of two strings with its answers kept, by both arguments, up to `max` of them, then all let go at once
 * (a long-running process may build many sets). For pure path arithmetic that a build repeats thousands of
 * times between a few folders. Kept by the first argument, then the second: no key string is made per call.
 */
export function memoizedPair(fn: (a: string, b: string) => string, max = 50_000): (a: string, b: string) => string {
  const answers = new Map<string, Map<string, string>>();
  let size = 0;
  return (a, b) => {
    let byB = answers.get(a);
    let answer = byB?.get(b);
    if (answer === undefined) {
      answer = fn(a, b);
      if (size >= max) {
        answers.clear();
        size = 0;
        byB = undefined;
      }
      if (!byB) answers.set(a, (byB = new Map()));
      byB.set(b, answer);
      size++;
    }
    return answer;
  };
}
