/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CliIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly cwd: string;
}

export interface Command {
  readonly name: string;
  readonly usage: string;
  /** returns the exit status; throws DossierError for bad usage or unreadable input */
  run(argv: string[], io: CliIO): Promise<number>;
}
