import { describe, expect, it } from 'vitest';
import { runCli } from '../electron/cli/run';
import type { CliIo } from '../electron/cli/command';

function capture(lang: CliIo['lang'] = 'en') {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), stderrIsTty: false, lang, cwd: process.cwd() };
  return { io, out };
}

describe('vep command', () => {
  it('prints help listing the commands, exit 0', async () => {
    const { io, out } = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.stdout).toContain('usage: vep <command>');
    expect(out.stdout).toMatch(/\n {2}serve +serve the app UI/);
  });

  it('prints the version, exit 0', async () => {
    const { io, out } = capture();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(out.stdout.trim()).toMatch(/^(\d+\.\d+\.\d+|dev)$/);
  });

  it('treats bad usage as exit 2 with a one-line reason and the usage', async () => {
    const unknown = capture();
    expect(await runCli(['frobnicate'], unknown.io)).toBe(2);
    expect(unknown.out.stderr).toBe("vep: unknown command 'frobnicate' (see 'vep --help')\n");
    const badOption = capture();
    expect(await runCli(['serve', '--nope'], badOption.io)).toBe(2);
    expect(badOption.out.stderr).toContain('unknown option --nope');
    const badLang = capture();
    expect(await runCli(['serve', '--lang', 'fr'], badLang.io)).toBe(2);
    const badPort = capture();
    expect(await runCli(['serve', '--port', '70000'], badPort.io)).toBe(2);
    expect(badPort.out.stderr).toContain('--port must be an integer');
  });

  it('prints per-command help', async () => {
    const { io, out } = capture();
    expect(await runCli(['serve', '--help'], io)).toBe(0);
    expect(out.stdout).toContain('usage: vep serve [PROJECT] [--port N]');
    expect(out.stdout).toContain('--lang zh|en');
  });
});
