/**
 * V8 tuning that graphpact's long commands (build, lint) set for themselves at run time. Only compiler
 * heuristics: never what the code computes.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * TurboFan inlines less from here on (a budget of 100 bytes of bytecode; V8's default is 920). A corpus
 * build or lint compiles much of its code once and runs it briefly (parse, rules, generation each a few
 * seconds): with the default budget the background compiler threads took seconds of CPU from the main
 * thread and the GC on a 2-CPU machine, and the less-inlined code is no slower here. Measured on the
 * corpus (whole processes, interleaved): lint 6.97-7.46 s -> 6.38-6.82 s, CPU 9.1-9.7 -> 7.7-8.3 s;
 * build 5.98-6.27 s -> 5.51-5.95 s, CPU 7.5-8.1 -> 6.6-7.0 s. Set at run time, which V8 reads at each
 * compilation.
 */
export function inlineLess(): void {
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
}
