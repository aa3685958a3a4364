import { expect } from 'chai';
import { BenchUsageError, formatTable, median, parseBenchArgs, spread, summarise, type Series } from '../../scripts/bench-lib.js';

const defaults = { docs: '/corpus', bin: '/here/bin/graphpact.js' };

function series(name: string, wallMs: number[], target?: number): Series {
  return { name, wallMs, maxRssKb: wallMs.map((_, i) => (i + 1) * 1024 * 100), cpuMs: wallMs.map((ms) => ms * 1.5), ...(target !== undefined ? { target } : {}) };
}

describe('bench: the pure parts of npm run bench', () => {
  it('parses its arguments, with the shared corpus and this checkout as defaults', () => {
    expect(parseBenchArgs([], defaults)).to.deep.equal({ docs: ['/corpus'], runs: 3, format: 'text', clis: [{ label: 'this', bin: '/here/bin/graphpact.js' }], phases: true, help: false });
    const args = parseBenchArgs(['--docs', 'a', '--docs', 'b', '--runs', '5', '--format', 'json', '--cli', 'before=/x/g.js', '--cli', 'after=y=z.js', '--no-phases'], defaults);
    expect(args).to.deep.equal({ docs: ['a', 'b'], runs: 5, format: 'json', clis: [{ label: 'before', bin: '/x/g.js' }, { label: 'after', bin: 'y=z.js' }], phases: false, help: false });
  });

  it('refuses bad arguments with a usage error', () => {
    for (const argv of [['--runs', '0'], ['--runs', 'two'], ['--format', 'xml'], ['--cli', 'nolabel'], ['--cli', '=x.js'], ['--cli', 'a=x', '--cli', 'a=y'], ['--bogus'], ['stray']]) {
      expect(() => parseBenchArgs(argv, defaults), argv.join(' ')).to.throw(BenchUsageError);
    }
  });

  it('takes medians of odd and even counts without reordering its input', () => {
    const values = [30, 10, 20];
    expect(median(values)).to.equal(20);
    expect(values).to.deep.equal([30, 10, 20]);
    expect(median([4, 1, 3, 2])).to.equal(2.5);
    expect(median([])).to.be.NaN;
  });

  it('reports the spread as min, max and (max − min) / median', () => {
    expect(spread([10, 12, 11])).to.deep.equal({ min: 10, max: 12, relative: 2 / 11 });
    expect(spread([5])).to.deep.equal({ min: 5, max: 5, relative: 0 });
  });

  it('summarises each series against the floor: ratio of medians, per-round ratio, target, CPU and peak RSS', () => {
    const rows = summarise(series('floor', [1000, 2000, 1500]), [series('build', [2000, 5000, 3300], 2.0)]);
    expect(rows[0]).to.include({ name: 'floor', medianMs: 1500, ratio: 1, roundRatio: 1, peakRssMedianMb: 200, peakRssMaxMb: 300 });
    expect(rows[0]).to.not.have.property('target');
    expect(rows[1]).to.include({ name: 'build', medianMs: 3300, minMs: 2000, maxMs: 5000, ratio: 2.2, roundRatio: 2.2, target: 2.0, withinTarget: false, cpuMedianMs: 4950 });
    expect(summarise(series('floor', [1000]), [series('lint', [2900], 3.0)])[1]).to.include({ ratio: 2.9, withinTarget: true });
  });

  it('prints one aligned row per series, times in seconds', () => {
    const text = formatTable(summarise(series('floor', [1000, 1200]), [series('build (fresh)', [2300, 2500], 2.0)]));
    const lines = text.trimEnd().split('\n');
    expect(lines).to.have.length(4);
    expect(lines[0]).to.match(/^what\s+median\s+min–max/);
    expect(lines[2]).to.match(/^floor\s+1\.10 s\s+1\.00 s–1\.20 s\s+18%\s+1\.00\s+1\.00\s+1\.65 s\s+150\/200 MB$/);
    expect(lines[3]).to.match(/^build \(fresh\)\s+2\.40 s .* 2\.18 .*≤ 2\.0 NOT met/);
    expect(new Set(lines.map((l) => l.indexOf('median')).filter((i) => i >= 0)).size).to.equal(1);
  });
});
