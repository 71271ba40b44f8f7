import { createReadStream } from 'node:fs';

/** One line of a file as bytes (without its end of line), or a line that was over the limit. */
export type Line =
  | { readonly n: number; readonly bytes: Buffer; readonly tooLong?: undefined }
  | { readonly n: number; readonly bytes?: undefined; readonly tooLong: number };

/**
 * The lines of a file, read in chunks: a line is kept only up to `maxBytes`; past that its bytes
 * are counted and dropped until its end, and it comes out as `tooLong` with its length. Memory is
 * bounded by the limit whatever the file holds (Node's readline keeps a whole line, so a line of
 * 512 MB ended the process before the limit was even checked, losing the lines after it). Ends of
 * line are LF or CRLF.
 */
export async function* readLines(file: string, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let n = 1;
  let dropping = false;
  const take = (piece: Buffer) => {
    size += piece.length;
    if (dropping) return;
    if (size > maxBytes) { dropping = true; parts = []; return; }
    parts.push(piece);
  };
  const end = (): Line => {
    let line: Line;
    if (dropping) line = { n, tooLong: size };
    else {
      let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      line = { n, bytes };
    }
    parts = []; size = 0; dropping = false; n++;
    return line;
  };
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(0x0a, from); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
      take(chunk.subarray(from, nl));
      yield end();
      from = nl + 1;
    }
    if (from < chunk.length) take(chunk.subarray(from));
  }
  if (size > 0 || parts.length) yield end();
}
