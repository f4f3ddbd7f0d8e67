// Pasted text → rows of cells for parseRoster. A spreadsheet's copy is tab-separated and
// positional; a line a person typed is split on spaces or punctuation and each piece is
// placed by its shape, so "张三 13800000001 7000" (no ID number) still lands right.
import { headerField, type RosterField } from './roster';

// Split on spaces and Chinese punctuation, and on an ASCII comma unless it groups thousands ("7,000").
const separators = /[\s，、；;|]+|(?<!\d),|,(?!\d{3}(?:\D|$))/;

function shapeOf(token: string): RosterField {
  const bare = token.replace(/[-\s]/g, '');
  if (/^\d{13,}[\dXx]?$/.test(bare) || /^\d{17}[Xx]$/.test(bare)) return 'idNumber';
  if (/^(\+?86)?1\d{10}$/.test(bare)) return 'phone';
  if (/^[¥￥]?\d[\d,]*(\.\d+)?元?$/.test(token)) return 'claimedAmount';
  return 'name';
}

function cellsOfTypedLine(line: string): string[] {
  const tokens = line.split(separators).filter(Boolean);
  // A typed header ("姓名 身份证号 手机号 金额") keeps its order, so parseRoster can read it.
  if (tokens.length > 1 && tokens.every((t) => headerField(t))) return tokens;
  const cells: Record<RosterField, string[]> = { name: [], idNumber: [], phone: [], claimedAmount: [] };
  for (const token of tokens) {
    const field = shapeOf(token);
    // A second number of the same shape is not silently dropped: it shows as part of the name.
    cells[cells[field].length && field !== 'name' ? 'name' : field].push(token);
  }
  return [cells.name.join(' '), cells.idNumber.join(''), cells.phone.join(''), cells.claimedAmount.join('')];
}

export function rosterCellsFromText(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.includes('\t') ? line.split('\t') : cellsOfTypedLine(line)));
}
