import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { sheetWriter, type Cell } from '../../server/services/exports/sheet-stream';

async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return chunks;
}

describe('sheet streams', () => {
  it('CSV: a byte-order mark, one part per row, formula-like text quoted as text, numbers left alone', async () => {
    const rows: Cell[][] = [['=1+2', '+1', '-x', '@SUM(A1)', '\tx', '=a\n+b', 'plain', -5, null]];
    const chunks = await chunksOf((await sheetWriter('csv'))(rows, 'x'));
    expect(chunks).toHaveLength(2);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(Papa.parse<string[]>(text.slice(1).trimEnd()).data[0]).toEqual(["'=1+2", "'+1", "'-x", "'@SUM(A1)", "'\tx", "'=a\n+b", 'plain', '-5', '']);
  });

  it('XLSX: parts leave while the rows are still being written; the cells are the values', async () => {
    let read = 0;
    const rows = (function* () {
      for (let i = 0; i < 20_000; i++, read++) yield [`第 ${i} 行`, i, i % 7 === 1 ? null : -(i + 1)] as Cell[];
    })();
    const chunks: Uint8Array[] = [];
    let readAtFirstPart = 0;
    for await (const chunk of (await sheetWriter('xlsx'))(rows, '2026-11') as unknown as AsyncIterable<Uint8Array>) {
      if (chunks.length === 0) readAtFirstPart = read;
      chunks.push(chunk);
    }
    expect(readAtFirstPart).toBeLessThan(1_000);
    const sheet = await readSheet(Buffer.concat(chunks));
    expect(sheet).toHaveLength(20_000);
    expect([sheet[0], sheet[1], sheet.at(-1)]).toEqual([['第 0 行', 0, -1], ['第 1 行', 1, null], ['第 19999 行', 19999, -20000]]);
  });

  it('XLSX: a client that goes away stops the writing', async () => {
    let read = 0;
    const rows = (function* () {
      for (let i = 0; i < 1_000_000; i++) {
        read++;
        yield [`行 ${i}`, i] as Cell[];
      }
    })();
    const reader = (await sheetWriter('xlsx'))(rows, 'x').getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = read;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(read).toBe(after);
    expect(read).toBeLessThan(1_000_000);
  });
});
