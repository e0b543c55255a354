/**
 * Finding the registry inside a workbook: the sheet and header row whose cells name the most
 * registry columns (the registry need not be on the first sheet or in the first row; a title
 * or notes may sit above it; header cells may be merged), and which column holds which field.
 */
import type { Cell, Workbook, Worksheet } from 'exceljs';
import { FIELD, FIELDS, type FieldId } from '../../domain/field-table.ts';
import type { QualityFinding } from '../../domain/schemas.ts';
import { finding } from '../quality/finding.ts';
import { headerKey, toText } from './normalize.ts';
import { safeCell, safeText } from './read-cell.ts';

/** How many rows from the top of each sheet are searched for the header. */
const HEADER_SEARCH_ROWS = 30;
/** A row must name at least this many registry columns to count as the header. */
const MIN_HEADER_MATCHES = 2;

/** Every accepted header (the registry.csv column too, so the site's CSV reads back) → field. */
const FIELD_BY_KEY = new Map<string, FieldId>(
  FIELDS.flatMap((f) =>
    [f.csv, f.header, ...f.aliases].map((name) => [headerKey(name), f.id] as const),
  ),
);

/**
 * The field a header names, or null.
 * @example fieldForHeader('Признаки  субдурального кровоизлияния') // 'subdural'
 * @example fieldForHeader('Study_Instance_Anon') // 'studyUid'
 */
export function fieldForHeader(header: string): FieldId | null {
  return FIELD_BY_KEY.get(headerKey(header)) ?? null;
}

export interface HeaderCell {
  /** 1-based column number. */
  column: number;
  /** The header as written. */
  header: string;
  field: FieldId | null;
}

export interface RegistryLayout {
  sheet: Worksheet;
  headerRow: number;
  /** First row after the header (a header merged over several rows ends later). */
  firstDataRow: number;
  headers: HeaderCell[];
  /** Field → 1-based column number (the first column naming it). */
  columns: Map<FieldId, number>;
  findings: QualityFinding[];
}

/**
 * The header text of a cell. A cell merged down from a cell above takes that cell's text;
 * a cell merged across from a cell to its left is part of that header and has none of its own.
 */
function headerText(cell: Cell): string | null {
  if (cell.isMerged && cell.master !== cell) {
    const master = cell.master;
    if (master.row === cell.row) return null;
    return toText(safeCell(master));
  }
  return toText(safeCell(cell));
}

function headerCells(sheet: Worksheet, rowNumber: number): HeaderCell[] {
  const cells: HeaderCell[] = [];
  // Only the cells the file holds: a styled cell in column XFD must not make us walk 16,384.
  sheet.getRow(rowNumber).eachCell({ includeEmpty: false }, (cell, column) => {
    const header = headerText(cell);
    if (header !== null) cells.push({ column, header, field: fieldForHeader(header) });
  });
  return cells;
}

/** The last row covered by any header cell merged downwards (the header's bottom edge). */
function headerBottom(sheet: Worksheet, headerRow: number, headers: HeaderCell[]): number {
  let bottom = headerRow;
  for (let r = headerRow + 1; r <= headerRow + 5; r += 1) {
    const row = sheet.getRow(r);
    const continues = headers.some((h) => {
      const cell = row.getCell(h.column);
      return cell.isMerged && cell.master !== cell && Number(cell.master.row) <= bottom;
    });
    if (!continues) break;
    bottom = r;
  }
  return bottom;
}

/** A sheet's name as findings show it (workbook text is untrusted like any cell). */
export function sheetName(sheet: Worksheet): string {
  return safeText(sheet.name, 100).text;
}

interface Candidate {
  sheet: Worksheet;
  row: number;
  headers: HeaderCell[];
  score: number;
}

/** The best header row of one sheet, or null when none names two registry columns. */
function sheetCandidate(sheet: Worksheet): Candidate | null {
  let best: Candidate | null = null;
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let row = 1; row <= last; row += 1) {
    const headers = headerCells(sheet, row);
    const score = new Set(headers.flatMap((h) => (h.field ? [h.field] : []))).size;
    if (score >= MIN_HEADER_MATCHES && (best === null || score > best.score)) {
      best = { sheet, row, headers, score };
    }
  }
  return best;
}

/** No sheet to read: why, as findings (hidden or mis-encoded registries are named). */
export interface NoRegistry {
  sheet: null;
  findings: QualityFinding[];
}

/**
 * Text written in windows-1251 but read as Latin-1 (`Ïàòîëîãèÿ`): what a registry exported
 * with the wrong encoding looks like inside a workbook. True when re-reading its bytes as
 * windows-1251 gives Cyrillic.
 */
export function looksLikeCp1251(text: string): boolean {
  // Only Latin-1 characters, three accented ones in a row: bytes ≥ 0xC0 are Cyrillic in 1251.
  if (!/[\u00c0-\u00ff]{3}/.test(text) || /[^\u0020-\u00ff]/.test(text.replace(/\s/g, ' ')))
    return false;
  const decoded = new TextDecoder('windows-1251').decode(Buffer.from(text, 'latin1'));
  return /[\u0410-\u044f]{3}/.test(decoded);
}

function misEncodedSheet(workbook: Workbook): string | null {
  for (const sheet of workbook.worksheets) {
    const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
    for (let row = 1; row <= last; row += 1) {
      if (headerCells(sheet, row).some((h) => looksLikeCp1251(h.header))) return sheetName(sheet);
    }
  }
  return null;
}

/**
 * Locates the registry in a workbook: the visible sheet whose header row names the most
 * registry columns (at least two). A hidden sheet is never read, even when it looks like the
 * registry; it and every other sheet that could be the registry get a finding. Findings also
 * cover unknown, duplicated and missing columns.
 */
export function locateRegistry(workbook: Workbook, file: string): RegistryLayout | NoRegistry {
  const candidates = workbook.worksheets.flatMap((sheet) => sheetCandidate(sheet) ?? []);
  const visible = candidates.filter((c) => c.sheet.state === 'visible' || !c.sheet.state);
  const best = visible.reduce<Candidate | null>(
    (a, c) => (a === null || c.score > a.score ? c : a),
    null,
  );
  const others: QualityFinding[] = candidates
    .filter((c) => c !== best)
    .map((c) =>
      visible.includes(c)
        ? finding(
            'registry-competing-sheet',
            { sheet: sheetName(c.sheet), chosen: best ? sheetName(best.sheet) : '' },
            { file, row: c.row },
          )
        : finding('registry-hidden-sheet', { sheet: sheetName(c.sheet) }, { file, row: c.row }),
    );
  if (best === null) {
    const encoded = others.length === 0 ? misEncodedSheet(workbook) : null;
    return {
      sheet: null,
      findings: [
        ...others,
        encoded !== null
          ? finding('registry-wrong-encoding', { sheet: encoded }, { file })
          : finding('registry-no-header', {}, { file }),
      ],
    };
  }

  const findings: QualityFinding[] = [...others];
  const columns = new Map<FieldId, number>();
  const where = (column: string) => ({ file, row: best.row, column });
  for (const h of best.headers) {
    if (h.field === null) {
      findings.push(
        finding(
          'registry-unknown-column',
          { header: h.header, sheet: sheetName(best.sheet) },
          where(h.header),
        ),
      );
    } else if (columns.has(h.field)) {
      findings.push(
        finding(
          'registry-duplicate-column',
          { header: h.header, field: FIELD[h.field].csv, column: columns.get(h.field)! },
          where(h.header),
        ),
      );
    } else {
      columns.set(h.field, h.column);
    }
  }
  for (const c of FIELDS) {
    if (columns.has(c.id)) continue;
    const tried = [c.header, c.csv, ...c.aliases].join(', ');
    findings.push(
      c.required
        ? finding('registry-missing-column', { field: c.csv, tried }, where(c.header))
        : finding('registry-missing-optional-column', { field: c.csv, tried }, where(c.header)),
    );
  }
  return {
    sheet: best.sheet,
    headerRow: best.row,
    firstDataRow: headerBottom(best.sheet, best.row, best.headers) + 1,
    headers: best.headers,
    columns,
    findings,
  };
}
