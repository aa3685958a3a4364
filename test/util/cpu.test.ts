import { expect } from 'chai';
import { idleCpusSince } from '../../src/util/cpu.js';

describe('util/cpu: idle CPUs since a sample (what starts a build\'s examples worker)', () => {
  it('idle CPU time over the time that passed; none when both CPUs were busy or too little time passed', () => {
    const since = { idle: 1000, total: 4000, cpus: 2 };
    // 400 ms per CPU passed; 360 ms of CPU idle: nine tenths of one CPU was free.
    expect(idleCpusSince(since, { idle: 1360, total: 4800, cpus: 2 })).to.be.closeTo(0.9, 1e-9);
    // Both CPUs busy (another process on the other one): none free.
    expect(idleCpusSince(since, { idle: 1000, total: 4800, cpus: 2 })).to.equal(0);
    // Too little time to tell (kernel ticks are 10 ms): counted as none free.
    expect(idleCpusSince(since, { idle: 1020, total: 4040, cpus: 2 })).to.equal(0);
  });
});
