import { PassThrough, Readable } from 'node:stream';
import Papa from 'papaparse';
import { logError } from '../../log';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A cell is a value, never a formula: text or a number (null leaves it empty). */
export type Cell = string | number | null;

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Text Excel would run as a formula (or DDE) when the CSV is opened. papaparse's own default
 * pattern stops at a line break, so a cell like "=x\n…" would slip through.
 */
const formulaLike = /^[=+\-@\t\r]/;

/** Writes one sheet from its rows, in the format's own stream. */
export type SheetWriter = (rows: Iterable<Cell[]>, sheetName: string) => ReadableStream<Uint8Array>;

/**
 * The writer of a format, ready before anything is sent. Each writes a sheet as its rows are
 * read: the file is never whole in memory, the response sends each part as it is made (and
 * waits while the client is slower).
 */
export async function sheetWriter(format: ExportFormat): Promise<SheetWriter> {
  if (format === 'csv') return csvStream;
  // Loaded only for an XLSX export: the rest of the server never needs it.
  const { default: ExcelJS } = await import('exceljs');
  return (rows, sheetName) => xlsxStream(ExcelJS, rows, sheetName);
}

/** UTF-8 with a byte-order mark, without which Excel reads it in the system's code page (GBK on Chinese Windows). */
function csvStream(rows: Iterable<Cell[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const next = rows[Symbol.iterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode('\ufeff'));
        return;
      }
      const row = next.next();
      if (row.done) return controller.close();
      // Numbers are left alone: a negative amount is not a formula.
      controller.enqueue(encoder.encode(`${Papa.unparse([row.value], { escapeFormulae: formulaLike })}\r\n`));
    },
  });
}

/**
 * exceljs's streaming writer: each committed row goes on into the zip as it is written.
 * Without styles or shared strings nothing is kept for the end; strings are inline values,
 * so text starting with "=" stays text.
 */
const rowsPerPause = 100;

function xlsxStream(ExcelJS: typeof import('exceljs'), rows: Iterable<Cell[]>, sheetName: string): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet(sheetName);
  const write = async () => {
    let sincePause = 0;
    for (const row of rows) {
      // The client went away: stop making what nobody reads.
      if (out.destroyed) return;
      sheet.addRow(row).commit();
      // exceljs takes rows without ever pushing back: left alone, the loop would write the
      // whole sheet into its buffer before the zip sent a byte. So it lets the zip and the
      // compressor catch up now and then, and waits while the client has not read what waits.
      if (++sincePause < rowsPerPause) continue;
      sincePause = 0;
      await new Promise(setImmediate);
      while (out.writableNeedDrain && !out.destroyed) await drained(out);
    }
    sheet.commit();
    await book.commit();
  };
  write().catch((error: unknown) => {
    // The headers are sent: the client sees a broken download, the log says why.
    logError('export.stream', error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** The client has read what was waiting (or gone away). */
function drained(stream: PassThrough): Promise<void> {
  return new Promise((resume) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resume();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
