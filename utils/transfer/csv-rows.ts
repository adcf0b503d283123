/**
 * A small RFC 4180 reader that hands out one record at a time with the line it starts on, so
 * that importers can report "line 42: …" exactly (quoted cells may span lines) and can give the
 * page a turn between records instead of parsing a large file in one blocking call.
 */

/** One CSV record and the 1-based line of the file where it starts. */
export interface CsvRow {
  cells: string[];
  line: number;
}

const COMMA = 44;
const LF = 10;
const CR = 13;

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Records of `text` in order; a leading byte-order mark is dropped; CRLF, LF and CR all end a record. */
export function* csvRows(text: string): Generator<CsvRow> {
  const end = text.length;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (at < end) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    for (;;) {
      if (text[at] === '"') {
        at += 1;
        for (;;) {
          const quote = text.indexOf('"', at);
          const stop = quote === -1 ? end : quote;
          const part = text.slice(at, stop);
          line += countLineBreaks(part);
          cell += part;
          if (quote === -1) {
            at = end;
            break;
          }
          if (text[quote + 1] === '"') {
            cell += '"';
            at = quote + 2;
            continue;
          }
          at = quote + 1;
          break;
        }
      }
      // Unquoted text, or stray text after a closing quote, is kept as written (lenient like Excel).
      let stop = at;
      while (stop < end) {
        const code = text.charCodeAt(stop);
        if (code === COMMA || code === LF || code === CR) break;
        stop += 1;
      }
      cell += text.slice(at, stop);
      at = stop;
      cells.push(cell);
      cell = '';
      if (at < end && text.charCodeAt(at) === COMMA) {
        at += 1;
        continue;
      }
      if (at < end) {
        at += text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? 2 : 1;
        line += 1;
      }
      break;
    }
    yield { cells, line: startLine };
  }
}

/** A record that holds nothing at all (an empty line, or only commas and spaces). */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** An upper bound of the records in `text`, for progress bars. */
export function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}
