import { type ChildProcess, spawn } from 'node:child_process';

/** The command ran past its time limit and was killed with its whole process group. */
export class CommandTimeoutError extends Error {
  constructor(
    readonly command: string,
    readonly timeoutMs: number,
  ) {
    super(`${command} was stopped after ${Math.round(timeoutMs / 1000)} s (time limit)`);
    this.name = 'CommandTimeoutError';
  }
}

/** The tool is not installed (spawn answered ENOENT): an operator's problem, not the file's. */
export class CommandMissingError extends Error {
  constructor(readonly command: string) {
    super(`${command} is not installed (see docker/Dockerfile and .ci/run for the packages)`);
    this.name = 'CommandMissingError';
  }
}

export interface RunOptions {
  timeoutMs: number;
  cwd?: string;
  /** Called with each complete stdout line (ffmpeg's `-progress pipe:1`). */
  onStdoutLine?: (line: string) => void;
  /** Keep the whole stdout (ffprobe's JSON, pdfinfo's fields); capped at 8 MiB. */
  collectStdout?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface RunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The last 4 KB of stderr: where ffmpeg, LibreOffice and poppler say what went wrong. */
  stderrTail: string;
}

const STDERR_TAIL = 4096;
const STDOUT_CAP = 8 * 1024 * 1024;

/** Every child still running in this process, so shutdown can stop them. */
const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    // Negative pid: the whole group (LibreOffice's soffice.bin is a child of the soffice script).
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * Runs a tool as a child process in a process group of its own, with a hard time limit: past it
 * the whole group is killed and the promise rejects with CommandTimeoutError. Never throws on a
 * non-zero exit: the caller reads `exitCode` and `stderrTail` and decides what it means.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    let pending = '';
    let timedOut = false;
    let settled = false;

    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, options.timeoutMs);

    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      if (options.collectStdout && stdout.length < STDOUT_CAP) stdout += chunk;
      if (!options.onStdoutLine) return;
      pending += chunk;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        options.onStdoutLine(pending.slice(0, newline).replace(/\r$/, ''));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });

    const finish = (error: Error | null, result?: RunResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      running.delete(child);
      // Whatever the tool left behind in its group goes with it.
      killGroup(child);
      if (error) reject(error);
      else resolve(result as RunResult);
    };

    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(error.code === 'ENOENT' ? new CommandMissingError(command) : error);
    });
    child.on('close', (exitCode, signal) => {
      if (pending && options.onStdoutLine) options.onStdoutLine(pending);
      if (timedOut) finish(new CommandTimeoutError(command, options.timeoutMs));
      else finish(null, { exitCode, signal, stdout, stderrTail: stderr.trim() });
    });
  });
}

/** Kills every child this process started that is still running (shutdown). */
export function killRunningCommands(): number {
  const count = running.size;
  for (const child of running) killGroup(child);
  return count;
}
