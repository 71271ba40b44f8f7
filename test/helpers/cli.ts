import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the command line in-process with captured output, as the `dossier` binary would. */
export async function runCli(args: string[], cwd = process.cwd()): Promise<CliRun> {
  const stdout = new Capture(), stderr = new Capture();
  const status = await main(args, { stdout, stderr, cwd });
  return { status, stdout: stdout.text, stderr: stderr.text };
}
