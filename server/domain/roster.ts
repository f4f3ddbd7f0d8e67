// A list of workers (name, ID number, phone, claimed amount) as rows of cells: pasted from
// a spreadsheet, typed one per line, or read from an uploaded file. Pure: cells in,
// normalized rows and per-row errors out, so every source shares one set of checks.
import { isAmount, normalizeAmount } from './amount';
import { isValidIdNumber, normalizeIdNumber } from './id-number';
import { isMobile, normalizeMobile } from './phone';
import { personNameMaxLength } from './person-name';

export const rosterFields = ['name', 'idNumber', 'phone', 'claimedAmount'] as const;
export type RosterField = (typeof rosterFields)[number];

/** A catalog key and its values, translated where it is shown. */
export interface RosterProblem {
  key: string;
  values?: Record<string, number>;
}

export interface RosterRow {
  /** 1-based position among the input rows, header and blank rows included, as a person counts lines. */
  line: number;
  values: Record<RosterField, string>;
  errors: Partial<Record<RosterField, RosterProblem>>;
}

export interface RosterOptions {
  /** ID numbers already on the petition: listing one again is an error. */
  alreadyListed?: readonly string[];
}

export const rosterMaxRows = 500;

// A header cell names its column in either language; "金额（元）" and "Phone no." count too.
const headerWords: [RosterField, RegExp][] = [
  ['idNumber', /身份证|证件|id ?(no|number)?$/i],
  ['phone', /手机|电话|phone|mobile|tel/i],
  ['claimedAmount', /金额|工资|欠薪|amount|claim|wage/i],
  ['name', /姓名|名字|申请人|^name$|full ?name/i],
];

/** The field a header cell names, if it is one. */
export function headerField(cell: string): RosterField | null {
  const text = cell.trim();
  if (!text) return null;
  return headerWords.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

/** The column of each field when the first row is a header, else null (columns in the usual order). */
function headerColumns(row: readonly string[]): Record<RosterField, number> | null {
  const fields = row.map(headerField);
  const looksLikeData = row.some((cell) => isValidIdNumber(cell) || isMobile(normalizeMobile(cell)));
  if (looksLikeData || fields.filter(Boolean).length < 2) return null;
  const columns = { name: -1, idNumber: -1, phone: -1, claimedAmount: -1 };
  fields.forEach((field, i) => {
    if (field && columns[field] === -1) columns[field] = i;
  });
  return columns;
}

const usualOrder: Record<RosterField, number> = { name: 0, idNumber: 1, phone: 2, claimedAmount: 3 };

function checkRow(values: Record<RosterField, string>, seen: Map<string, number>): RosterRow['errors'] {
  const errors: RosterRow['errors'] = {};
  if (!values.name) errors.name = { key: 'validation.required' };
  else if (values.name.length > personNameMaxLength) errors.name = { key: 'validation.tooLong', values: { max: personNameMaxLength } };
  if (values.idNumber) {
    const earlier = seen.get(values.idNumber);
    if (!isValidIdNumber(values.idNumber)) errors.idNumber = { key: 'validation.idNumber' };
    else if (earlier !== undefined) errors.idNumber = earlier === 0 ? { key: 'roster.alreadyListed' } : { key: 'roster.duplicateOf', values: { line: earlier } };
  }
  if (values.phone && !isMobile(values.phone)) errors.phone = { key: 'validation.mobile' };
  if (values.claimedAmount && !isAmount(values.claimedAmount)) errors.claimedAmount = { key: 'validation.amount' };
  return errors;
}

/** Rows of cells → normalized rows with their problems; blank rows and a header row are skipped. */
export function parseRoster(cells: readonly (readonly string[])[], options: RosterOptions = {}): RosterRow[] {
  const firstIndex = cells.findIndex((row) => row.some((c) => c.trim()));
  const header = firstIndex >= 0 ? headerColumns(cells[firstIndex]!) : null;
  // Line 0 stands for "already on the petition".
  const seen = new Map<string, number>((options.alreadyListed ?? []).map((id) => [normalizeIdNumber(id), 0]));
  const rows: RosterRow[] = [];
  cells.forEach((row, index) => {
    if (header && index === firstIndex) return;
    if (!row.some((c) => c.trim())) return;
    const cell = (field: RosterField) => row[(header ?? usualOrder)[field]] ?? '';
    const values = {
      name: cell('name').trim().replace(/\s+/g, ' '),
      idNumber: normalizeIdNumber(cell('idNumber')),
      phone: normalizeMobile(cell('phone')),
      claimedAmount: normalizeAmount(cell('claimedAmount')),
    };
    const line = index + 1;
    rows.push({ line, values, errors: checkRow(values, seen) });
    if (values.idNumber && !seen.has(values.idNumber)) seen.set(values.idNumber, line);
  });
  return rows;
}

export function rosterRowIsValid(row: RosterRow): boolean {
  return Object.keys(row.errors).length === 0;
}
