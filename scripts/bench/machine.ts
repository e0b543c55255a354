/** Where the figures were measured: machine and commit (side effects: os, git). */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { MachineInfo } from './results.ts';

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${platform()} ${release()}`,
    loadAverage: loadavg()[0] ?? 0,
  };
}

/** The checked-out commit (short sha) and whether the tree has uncommitted changes. */
export function gitState(root: string): { sha: string; dirty: boolean } {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  try {
    return { sha: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain') !== '' };
  } catch {
    return { sha: 'unknown', dirty: false };
  }
}
