/**
 * The first-run check: each test project names each missing system tool it uses and the one
 * install line, and the tool list in .ci/system-tools.txt is what .ci/run installs and the
 * README asks for.
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
  toolsFor,
} from '../../../scripts/lib/system-tools.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('the system tools list', () => {
  it('parses package, projects, commands and purpose', () => {
    expect(
      parseToolList(
        '# c\n\nnginx  browser nginx   # the deploy test\ndcmtk unit,browser dcmdump dump2dcm # x # y\n',
      ),
    ).toEqual([
      { package: 'nginx', projects: ['browser'], commands: ['nginx'], why: 'the deploy test' },
      {
        package: 'dcmtk',
        projects: ['unit', 'browser'],
        commands: ['dcmdump', 'dump2dcm'],
        why: 'x # y',
      },
    ]);
  });

  it('gives each project the tools its tests run: the unit project no browser, server or Java', () => {
    const tools = readToolList();
    const packagesOf = (project: string) => toolsFor(project, tools).map((t) => t.package);
    expect(packagesOf('unit')).toEqual(['dcmtk', 'dicom3tools', 'rsync']);
    expect(packagesOf('site')).toEqual(['chromium', 'default-jre-headless', 'rsync']);
    expect(packagesOf('browser')).toEqual([
      'chromium',
      'dcmtk',
      'nginx',
      'python3-pandas',
      'python3-openpyxl',
      'python3-pydicom',
      'python3-numpy',
    ]);
    // Every tool belongs to a project, and every project named is one vitest.config.ts defines.
    for (const tool of tools) expect(tool.projects, tool.package).not.toEqual([]);
    const config = readFileSync(join(ROOT, 'vitest.config.ts'), 'utf8');
    for (const project of new Set(tools.flatMap((t) => t.projects)))
      expect(config, project).toContain(`name: '${project}'`);
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
      'dcmtk unit dcmdump # dicom\nnone-such-pkg unit none-such-command # nothing\n',
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
      'python3-json unit python3:json # always there\npython3-none unit python3:no_such_module_x # none\n',
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

  /** Runs the check of `project` with a PATH of only the commands of `packages`. */
  function checkWith(project: string, packages: readonly string[]) {
    const bin = mkdtempSync(join(tmpdir(), 'tools-path-'));
    try {
      for (const tool of readToolList().filter((t) => packages.includes(t.package)))
        for (const command of tool.commands) symlinkSync(findCommand(command)!, join(bin, command));
      const setup = JSON.stringify(join(ROOT, 'tests/setup/system-tools.ts'));
      return spawnSync(
        process.execPath,
        ['-e', `import(${setup}).then((m) => m.default({ name: ${JSON.stringify(project)} }))`],
        // NGINX pointing nowhere hides /usr/sbin/nginx, which the check searches besides PATH.
        { env: { PATH: bin, HOME: tmpdir(), NGINX: '/nonexistent/nginx' }, encoding: 'utf8' },
      );
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  }

  it('stops the run with one message naming each missing tool and the install line', () => {
    // The site project (no Python modules to import, which is slow) with a PATH holding only
    // rsync: chromium and java are missing.
    const run = checkWith('site', ['rsync']);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe('The site tests need system tools that this machine lacks:');
    expect(run.stderr).toMatch(/^ {2}chromium\b.*Debian package chromium/m);
    expect(run.stderr).toMatch(/^ {2}java\b.*Debian package default-jre-headless/m);
    expect(run.stderr).not.toMatch(/rsync|dcmdump|dciodvfy|nginx/);
    expect(run.stderr).toContain(
      'sudo apt-get install -y --no-install-recommends chromium default-jre-headless\n',
    );
  });

  it('lets the unit project run without chromium, nginx or Java', () => {
    expect(checkWith('unit', ['dcmtk', 'dicom3tools', 'rsync']).status).toBe(0);
    const run = checkWith('unit', ['dcmtk']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^ {2}dciodvfy\b.*Debian package dicom3tools/m);
    expect(run.stderr).not.toMatch(/chromium|nginx|java/);
  });
});
