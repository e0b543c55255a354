/**
 * What Ctrl-C (SIGINT) or SIGTERM does to a build: it waits for a swap of `--out` in progress
 * (interrupt.ts), removes this build's staging and Astro work folders, says what happened and
 * what was left as it was, and exits with 128 + the signal number (130 for Ctrl-C).
 */
import { rmSync } from 'node:fs';
import { astroWorkDir, stagingDir } from './staging.ts';
import { whenInterruptible } from './interrupt.ts';

export interface InterruptContext {
  root: string;
  out: string | null;
  /** The stage running when the signal came. */
  stage: () => string;
  /** Called first (stops the progress display). */
  before?: () => void;
  write?: (text: string) => void;
  exit?: (code: number) => void;
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

/** The message printed on an interrupt. */
export function interruptMessage(signal: string, stage: string, out: string | null): string {
  const outcome =
    out === null
      ? ''
      : stage === 'publish'
        ? ` ${out} holds the previous site or the new one, never a half-written one.`
        : ` Nothing was published: ${out} was left as it was.`;
  return (
    `\nInterrupted (${signal}) during the ${stage} stage.${outcome}\n` +
    'Finished work is cached: the next build resumes from it.\n'
  );
}

/** Installs the handlers; returns their removal (once the build has finished). */
export function onInterrupt(context: InterruptContext): () => void {
  const write = context.write ?? ((text: string) => process.stderr.write(text));
  const exit = context.exit ?? ((code: number) => process.exit(code));
  const handlers = Object.entries(SIGNALS).map(([signal, code]) => {
    const handler = () =>
      whenInterruptible(() => {
        context.before?.();
        if (context.out) rmSync(stagingDir(context.out), { recursive: true, force: true });
        rmSync(astroWorkDir(context.root), { recursive: true, force: true });
        write(interruptMessage(signal, context.stage(), context.out));
        exit(code);
      });
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
