// The floor `npm run bench` measures graphpact against: a bare markdown-it (no options, no plugins) tokenising
// every file of a list (one path a line, the files graphpact reads), read synchronously, in a process of its own.
//   node scripts/bench-floor.mjs FILE-LIST
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';

const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const md = new MarkdownIt();
let tokens = 0;
for (const file of files) tokens += md.parse(readFileSync(file, 'utf8'), {}).length;
process.stdout.write(`${files.length} files, ${tokens} tokens\n`);
