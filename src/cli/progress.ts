/**
 * A one-line progress bar on a terminal's standard error; silent when stderr is not a terminal
 * (a log file or a pipe), so batch output stays clean.
 */
export class Progress {
  private readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  private readonly enabled: boolean;
  private readonly startedAt = Date.now();
  private lastDraw = 0;

  constructor(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, private readonly total: number | null) {
    this.stream = stream;
    this.enabled = Boolean(stream.isTTY);
  }

  update(done: number, failed: number, bytes: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const secs = Math.max((now - this.startedAt) / 1000, 0.001);
    const rate = `${(done / secs).toFixed(1)} art/s ${(bytes / 1e6 / secs).toFixed(2)} MB/s`;
    const width = 24;
    const filled = this.total ? Math.round((done / this.total) * width) : 0;
    const bar = this.total ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.total} ` : `${done} `;
    const line = `${bar}${failed ? `(${failed} failed) ` : ''}${rate}`;
    this.stream.write(`\r${line.slice(0, (this.stream.columns ?? 80) - 1)}\x1b[K`);
  }

  clear(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }
}
