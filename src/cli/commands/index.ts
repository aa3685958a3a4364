/** Every command of the CLI, in the order `--help` lists them. */
import type { Command } from 'commander';
import { serveCommand } from './serve.js';
import { buildCommand } from './build.js';
import { lintCommand } from './lint.js';
import { verifyCommand } from './verify.js';
import { allCommand } from './all.js';
import { publishCommand } from './publish.js';
import { canIDeployCommand } from './can-i-deploy.js';
import { cleanupCommand } from './cleanup.js';
import { diffCommand } from './diff.js';
import { contractsCommand } from './contracts.js';
import { compareCommand } from './compare.js';
import { operationsCommand } from './operations.js';
import { reportCommand } from './report.js';

export const commandFactories: Array<() => Command> = [
  allCommand,
  buildCommand,
  lintCommand,
  operationsCommand,
  contractsCommand,
  compareCommand,
  serveCommand,
  verifyCommand,
  publishCommand,
  canIDeployCommand,
  cleanupCommand,
  diffCommand,
  reportCommand,
];
