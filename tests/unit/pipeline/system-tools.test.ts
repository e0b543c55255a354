/**
 * The first-run check: `npm test` names each missing system tool and the one install line, and
 * the tool list in .ci/system-tools.txt is what .ci/run installs and the README asks for.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findCommand,
  findPython,
  missingTools,
  missingToolsMessage,
  parseToolList,
  readToolList,
} from '../../../scripts/lib/system-tools.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('the system tools list', () => {
  it('parses package, commands and purpose', () => {
    expect(
      parseToolList('# c\n\nnginx  nginx   # the deploy test\ndcmtk dcmdump dump2dcm # x # y\n'),
    ).toEqual([
      { package: 'nginx', commands: ['nginx'], why: 'the deploy test' },
      { package: 'dcmtk', commands: ['dcmdump', 'dump2dcm'], why: 'x # y' },
    ]);
  });

  it('is the list .ci/run installs from and the README names, package by package', () => {
    const tools = readToolList();
    expect(tools.map((t) => t.package)).toEqual(
      expect.arrayContaining(['chromium', 'dcmtk', 'dicom3tools', 'default-jre-headless', 'nginx']),
    );
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toContain('.ci/system-tools.txt');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const tool of tools) expect(readme, tool.package).toContain(`\`${tool.package}\``);
    // The README's install line is the one the check prints for a bare machine.
    const line = `apt-get install -y --no-install-recommends ${tools.map((t) => t.package).join(' ')}`;
    expect(readme).toContain(line);
    // No tool the suite no longer needs.
    expect(readme).not.toContain('libopenjp2-tools');
    expect(ci).not.toContain('libopenjp2-tools');
  });
});

describe('the check before the tests', () => {
  it('finds commands on PATH, through an override variable, and reports the missing ones', () => {
    const tools = parseToolList(
      'dcmtk dcmdump # dicom\nnone-such-pkg none-such-command # nothing\n',
    );
    const env = { PATH: '/usr/bin' };
    expect(findCommand('dcmdump', env)).toBe('/usr/bin/dcmdump');
    expect(findCommand('java', { PATH: '', JAVA: '/nonexistent/java' })).toBeNull();
    expect(missingTools(tools, env)).toEqual([
      { package: 'none-such-pkg', commands: ['none-such-command'], why: 'nothing' },
    ]);
    expect(missingToolsMessage(missingTools(tools, { PATH: '' }))).toContain(
      'sudo apt-get install -y --no-install-recommends dcmtk none-such-pkg',
    );
  });

  it('checks a python3:<module> entry by importing it, and names the module when it is missing', () => {
    const tools = parseToolList(
      'python3-json python3:json # always there\npython3-none python3:no_such_module_x # none\n',
    );
    expect(findPython(['json'])).not.toBeNull();
    expect(findPython(['no_such_module_x'], { PATH: '' })).toBeNull();
    const missing = missingTools(tools);
    expect(missing).toEqual([
      { package: 'python3-none', commands: ['python3:no_such_module_x'], why: 'none' },
    ]);
    expect(missingToolsMessage(missing)).toMatch(
      /^ {2}no_such_module_x \(Python module\) {2}\(Debian package python3-none: none\)$/m,
    );
  });

  it('stops the run with one message naming each missing tool and the install line', () => {
    // A PATH with dcmtk's commands only: dciodvfy, java and chromium are missing.
    const bin = mkdtempSync(join(tmpdir(), 'tools-path-'));
    try {
      for (const tool of readToolList().filter((t) => t.package === 'dcmtk'))
        for (const command of tool.commands) symlinkSync(findCommand(command)!, join(bin, command));
      const run = spawnSync(
        process.execPath,
        [
          '-e',
          `import(${JSON.stringify(join(ROOT, 'tests/setup/system-tools.ts'))}).then((m) => m.default())`,
        ],
        { env: { PATH: bin, HOME: tmpdir() }, encoding: 'utf8' },
      );
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines[0]).toBe('The tests need system tools that this machine lacks:');
      expect(run.stderr).toMatch(/^ {2}chromium\b.*Debian package chromium/m);
      expect(run.stderr).toMatch(/^ {2}dciodvfy\b.*Debian package dicom3tools/m);
      expect(run.stderr).toMatch(/^ {2}java\b.*Debian package default-jre-headless/m);
      expect(run.stderr).not.toMatch(/dcmdump/);
      expect(run.stderr).toContain(
        'sudo apt-get install -y --no-install-recommends chromium dicom3tools default-jre-headless',
      );
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
