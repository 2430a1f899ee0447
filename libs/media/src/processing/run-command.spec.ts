import { CommandMissingError, CommandTimeoutError, runCommand } from './run-command';

describe('runCommand', () => {
  it('collects stdout and the tail of stderr, and reports the exit code', async () => {
    const result = await runCommand('sh', ['-c', 'echo out; echo err >&2; exit 3'], { timeoutMs: 5000, collectStdout: true });
    expect(result).toMatchObject({ exitCode: 3, stdout: 'out\n', stderrTail: 'err' });
  });

  it('passes stdout line by line', async () => {
    const lines: string[] = [];
    await runCommand('sh', ['-c', 'printf "a=1\\nb=2\\nprogress=end"'], { timeoutMs: 5000, onStdoutLine: (l) => lines.push(l) });
    expect(lines).toEqual(['a=1', 'b=2', 'progress=end']);
  });

  it('kills the whole process group past the time limit', async () => {
    const started = Date.now();
    // A child of the child: killing only the shell would leave `sleep` running.
    const pidFile = `/tmp/lms-run-command-${process.pid}`;
    await expect(runCommand('sh', ['-c', `sleep 30 & echo $! > ${pidFile}; wait`], { timeoutMs: 300 })).rejects.toBeInstanceOf(CommandTimeoutError);
    expect(Date.now() - started).toBeLessThan(5000);
    const { readFile, rm } = await import('node:fs/promises');
    const grandchild = Number(await readFile(pidFile, 'utf8'));
    await rm(pidFile, { force: true });
    await new Promise((r) => setTimeout(r, 100));
    // Gone, or a zombie waiting for a reaper (a container's pid 1 may not reap): not running either way.
    const state = await readFile(`/proc/${grandchild}/status`, 'utf8').then((s) => /^State:\s+(\w)/m.exec(s)?.[1], () => 'gone');
    expect(['gone', 'Z', 'X']).toContain(state);
  });

  it('names a tool that is not installed', async () => {
    await expect(runCommand('lms-no-such-tool', [], { timeoutMs: 1000 })).rejects.toBeInstanceOf(CommandMissingError);
  });
});
