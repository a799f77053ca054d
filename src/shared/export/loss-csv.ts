/**
 * The Lab's loss history as CSV (RFC 4180, comma-separated, '.' decimals, one header line), for a spreadsheet or
 * a notebook. The headers are fixed English column names, like the classroom export's machine-readable columns:
 * the file is data, not a text a person reads in the game.
 */
export interface LossRow {
  step: number;
  total: number;
  reconstruction: number;
  kl?: number;
}

export const LOSS_CSV_HEADER = 'step,total,reconstruction,kl';

const num = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '' : String(v));

export function lossHistoryCsv(points: readonly LossRow[]): string {
  const lines = [LOSS_CSV_HEADER];
  for (const p of points) lines.push([num(p.step), num(p.total), num(p.reconstruction), num(p.kl)].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
