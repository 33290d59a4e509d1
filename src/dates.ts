export type DatePrecision = 'day' | 'month' | 'year';

/** A date as a source gives it, and the span of days it may stand for. */
export interface DateSpan {
  date: string;
  precision: DatePrecision;
  /** First day the date may mean (YYYY-MM-DD). */
  start: string;
  /** Last day the date may mean (YYYY-MM-DD). */
  end: string;
}

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses YYYY, YYYY-MM or YYYY-MM-DD; returns null for anything else, including impossible days. */
export function parseDate(text: string): DateSpan | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [, yearText, monthText, dayText] = match;
  const year = Number(yearText);
  if (monthText === undefined) {
    return { date: text, precision: 'year', start: `${yearText}-01-01`, end: `${yearText}-12-31` };
  }
  const month = Number(monthText);
  if (month < 1 || month > 12) return null;
  const lastDay = daysInMonth(year, month);
  if (dayText === undefined) {
    return { date: text, precision: 'month', start: `${text}-01`, end: `${text}-${pad(lastDay)}` };
  }
  const day = Number(dayText);
  if (day < 1 || day > lastDay) return null;
  return { date: text, precision: 'day', start: text, end: text };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
