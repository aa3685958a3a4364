/**
 * `fn` of two strings with its answers kept, by both arguments, up to `max` of them, then all let go at once
 * (a long-running process may build many sets). For pure path arithmetic that a build repeats thousands of
 * times between a few folders.
 */
export function memoizedPair(fn: (a: string, b: string) => string, max = 50_000): (a: string, b: string) => string {
  const answers = new Map<string, string>();
  return (a, b) => {
    const key = `${a}\u0000${b}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = fn(a, b);
      if (answers.size >= max) answers.clear();
      answers.set(key, answer);
    }
    return answer;
  };
}
