import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, InvalidDateError } from '../dates/calendar-date.js';
import { splitBilingual } from '../i18n/bilingual.js';
import {
  addWorkingDays,
  BANK_DEDUCTION_DAY_OF_MONTH,
  bankDeductionDate,
  CALENDAR_COVERAGE,
  CalendarNotCoveredError,
  type DayKindName,
  dayKind,
  InvalidDateRangeError,
  InvalidWorkingDayCountError,
  InvalidYearMonthError,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
} from './working-day.js';

const isWeekend = (date: string): boolean => {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
};

const FIRST_COVERED = `${CALENDAR_COVERAGE.from}-01-01`;
const LAST_COVERED = `${CALENDAR_COVERAGE.to}-12-31`;
const COVERED_DAYS =
  (Date.UTC(CALENDAR_COVERAGE.to, 11, 31) - Date.UTC(CALENDAR_COVERAGE.from, 0, 1)) / 86_400_000 +
  1;
const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return '';
};

/** Any date inside the loaded years. */
const coveredDate = fc
  .integer({ min: 0, max: COVERED_DAYS - 1 })
  .map((i) => addDays(FIRST_COVERED, i));

describe('S-2.2a working days used by the payment window', () => {
  it('S-2.2a: weekend make-up days (调休上班) are working days', () => {
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(dayOfWeek('2025-10-11')).toBe(6);
    expect(dayKind('2025-10-11')).toEqual({
      date: '2025-10-11',
      working: true,
      kind: 'makeup_workday',
      holidayName: { zh: '国庆节', en: 'National Day' },
    });
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(dayOfWeek('2026-02-14')).toBe(6);
    expect(dayKind('2026-02-14').kind).toBe('makeup_workday');
    expect(dayKind('2026-02-14').holidayName).toEqual({ zh: '春节', en: 'Spring Festival' });
  });

  it('S-2.2a: National Day + Mid-Autumn 2025 — 10-01…10-08 off, 10-09 back at work', () => {
    for (let day = '2025-10-01'; day <= '2025-10-08'; day = addDays(day, 1)) {
      expect(isWorkingDay(day), day).toBe(false);
      expect(dayKind(day).kind, day).toBe('holiday');
    }
    expect(dayKind('2025-10-01').holidayName).toEqual({ zh: '国庆节', en: 'National Day' });
    expect(dayKind('2025-10-06').holidayName).toEqual({ zh: '中秋', en: 'Mid-autumn Festival' });
    expect(isWorkingDay('2025-09-30')).toBe(true);
    expect(isWorkingDay('2025-10-09')).toBe(true);
    expect(dayKind('2025-10-09')).toEqual({ date: '2025-10-09', working: true, kind: 'workday' });
  });

  it('S-2.2a: every day of 2025-10-05…2025-10-20 is classified', () => {
    const expected: [string, DayKindName][] = [
      ['2025-10-05', 'holiday'], // Sun, inside the holiday
      ['2025-10-06', 'holiday'], // Mon, Mid-Autumn
      ['2025-10-07', 'holiday'],
      ['2025-10-08', 'holiday'],
      ['2025-10-09', 'workday'],
      ['2025-10-10', 'workday'],
      ['2025-10-11', 'makeup_workday'], // Sat
      ['2025-10-12', 'weekend'],
      ['2025-10-13', 'workday'],
      ['2025-10-14', 'workday'],
      ['2025-10-15', 'workday'],
      ['2025-10-16', 'workday'],
      ['2025-10-17', 'workday'],
      ['2025-10-18', 'weekend'],
      ['2025-10-19', 'weekend'],
      ['2025-10-20', 'workday'],
    ];
    expect(expected.map(([date]) => dayKind(date).kind)).toEqual(expected.map(([, kind]) => kind));
    expect(workingDaysBetween('2025-10-05', '2025-10-20')).toEqual([
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
      '2025-10-13',
      '2025-10-14',
      '2025-10-15',
      '2025-10-16',
      '2025-10-17',
      '2025-10-20',
    ]);
  });

  it('S-2.2a: workingDaysBetween includes both ends and rejects a reversed range', () => {
    expect(workingDaysBetween('2025-10-09', '2025-10-09')).toEqual(['2025-10-09']);
    expect(workingDaysBetween('2025-10-12', '2025-10-12')).toEqual([]);
    expect(() => workingDaysBetween('2025-10-20', '2025-10-05')).toThrow(InvalidDateRangeError);
  });

  it('S-2.2a: nextWorkingDayOnOrAfter and addWorkingDays', () => {
    expect(nextWorkingDayOnOrAfter('2025-10-09')).toBe('2025-10-09');
    expect(nextWorkingDayOnOrAfter('2025-10-01')).toBe('2025-10-09');
    expect(nextWorkingDayOnOrAfter('2025-10-12')).toBe('2025-10-13');
    expect(addWorkingDays('2025-10-09', 0)).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-01', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-08', 3)).toBe('2025-10-11');
    expect(addWorkingDays('2025-10-08', 4)).toBe('2025-10-13');
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addWorkingDays('2025-10-09', n)).toThrow(InvalidWorkingDayCountError);
    }
  });

  it('S-2.2a: years without a loaded arrangement are refused, not guessed', () => {
    expect(CALENDAR_COVERAGE).toEqual({ from: 2004, to: 2026, source: 'chinese-days@1.5.7' });
    expect(() => isWorkingDay('2003-12-31')).toThrow(CalendarNotCoveredError);
    expect(() => isWorkingDay('2027-01-01')).toThrow(CalendarNotCoveredError);
    expect(() => dayKind('2027-06-15')).toThrow(CalendarNotCoveredError);
    expect(() => nextWorkingDayOnOrAfter('2003-06-15')).toThrow(CalendarNotCoveredError);
    expect(isWorkingDay('2004-01-02')).toBe(true);
    expect(isWorkingDay(LAST_COVERED)).toBe(true);
    // A walk that leaves the last loaded year must fail too.
    expect(() => addWorkingDays(LAST_COVERED, 1)).toThrow(CalendarNotCoveredError);
    expect(() => workingDaysBetween('2026-12-20', '2027-01-05')).toThrow(CalendarNotCoveredError);

    let caught: unknown;
    try {
      isWorkingDay('2027-03-02');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CalendarNotCoveredError);
    const error = caught as CalendarNotCoveredError;
    expect(error.year).toBe(2027);
    const { zh, en } = splitBilingual(error.message);
    expect(zh).toContain('2027 年的节假日安排');
    expect(zh).toContain('未载入');
    expect(en).toContain('holiday arrangement for 2027');
    expect(en).toContain('not loaded');
  });

  it('S-2.2a: malformed or unreal dates are rejected', () => {
    for (const bad of ['2025-02-29', '2025-13-01', 'abc']) {
      expect(() => isWorkingDay(bad), bad).toThrow(InvalidDateError);
      expect(() => dayKind(bad), bad).toThrow(InvalidDateError);
      expect(() => nextWorkingDayOnOrAfter(bad), bad).toThrow(InvalidDateError);
      expect(() => addWorkingDays(bad, 2), bad).toThrow(InvalidDateError);
      expect(() => workingDaysBetween(bad, '2025-10-20'), bad).toThrow(InvalidDateError);
      expect(() => workingDaysBetween('2025-10-05', bad), bad).toThrow(InvalidDateError);
    }
  });

  it('S-2.2a property: kind, working and weekday agree', () => {
    fc.assert(
      fc.property(coveredDate, (date) => {
        const info = dayKind(date);
        expect(info.date).toBe(date);
        expect(info.working).toBe(info.kind === 'workday' || info.kind === 'makeup_workday');
        if (info.kind === 'makeup_workday' || info.kind === 'weekend')
          expect(isWeekend(date)).toBe(true);
        if (info.kind === 'workday') expect(isWeekend(date)).toBe(false);
        expect(info.holidayName !== undefined).toBe(
          info.kind === 'holiday' || info.kind === 'makeup_workday',
        );
      }),
    );
  });

  it('S-2.2a property: nextWorkingDayOnOrAfter is idempotent and skips only days off', () => {
    fc.assert(
      fc.property(coveredDate, (date) => {
        const next = nextWorkingDayOnOrAfter(date);
        expect(nextWorkingDayOnOrAfter(next)).toBe(next);
        expect(next >= date).toBe(true);
        expect(isWorkingDay(next)).toBe(true);
        for (let day = date; day < next; day = addDays(day, 1))
          expect(isWorkingDay(day)).toBe(false);
      }),
    );
  });

  it('S-2.2a property: addWorkingDays(d, n) is the n-th working day after d', () => {
    const notNearTheEnd = coveredDate.filter((d) => d <= `${CALENDAR_COVERAGE.to}-11-30`);
    fc.assert(
      fc.property(notNearTheEnd, fc.integer({ min: 1, max: 20 }), (date, n) => {
        const result = addWorkingDays(date, n);
        expect(isWorkingDay(result)).toBe(true);
        expect(workingDaysBetween(addDays(date, 1), result)).toHaveLength(n);
      }),
    );
  });
});

describe('S-2.2b bank deduction date (15th, or the next working day)', () => {
  // [year, month, expected, why]
  const cases: [number, number, string, string][] = [
    [2025, 10, '2025-10-15', 'Wednesday, ordinary working day'],
    [2025, 11, '2025-11-17', '15th Saturday, 16th Sunday'],
    [2026, 2, '2026-02-24', '15th Sunday inside Spring Festival 02-15…02-23'],
    [2024, 6, '2024-06-17', '15th Saturday; Dragon Boat (06-10) is earlier'],
    [2010, 2, '2010-02-20', 'Spring Festival 02-13…02-19; 02-20 Sat is a make-up day'],
    [2024, 2, '2024-02-18', 'Spring Festival 02-10…02-17; 02-18 Sun is a make-up day'],
    [2013, 2, '2013-02-16', 'Spring Festival 02-09…02-15; 02-16 Sat is a make-up day'],
    [2016, 9, '2016-09-18', 'Mid-Autumn 09-15…09-17; 09-18 Sun is a make-up day'],
    [2021, 2, '2021-02-18', 'Spring Festival 02-11…02-17'],
    [2018, 2, '2018-02-22', 'Spring Festival 02-15…02-21'],
    [2024, 9, '2024-09-18', 'Mid-Autumn 09-15…09-17'],
    [2019, 9, '2019-09-16', '15th Sunday, last day of Mid-Autumn 09-13…09-15'],
    [2021, 9, '2021-09-15', 'Wednesday; Mid-Autumn 09-19…09-21 is later'],
    [2025, 1, '2025-01-15', 'Wednesday'],
    [2025, 2, '2025-02-17', '15th Saturday'],
    [2025, 6, '2025-06-16', '15th Sunday'],
    [2012, 1, '2012-01-16', '15th Sunday; Spring Festival from 01-22 is later'],
    [2020, 2, '2020-02-17', '15th Saturday; extended Spring Festival ended 02-02'],
    [2026, 3, '2026-03-16', '15th Sunday'],
    [2004, 1, '2004-01-15', 'first loaded year'],
    [2026, 12, '2026-12-15', 'last loaded month'],
  ];

  it.each(cases)('S-2.2b: %i-%i → %s (%s)', (year, month, expected) => {
    const fifteenth = `${year}-${String(month).padStart(2, '0')}-15`;
    const result = bankDeductionDate(year, month);
    expect(result).toBe(expected);
    expect(isWorkingDay(result)).toBe(true);
    if (result === fifteenth) {
      expect(isWorkingDay(fifteenth)).toBe(true);
    } else {
      // The day before the result is still a day off, so the deduction was not moved too far.
      expect(isWorkingDay(addDays(result, -1))).toBe(false);
      expect(isWorkingDay(fifteenth)).toBe(false);
    }
  });

  it('S-2.2b: a working day before the 15th does not pull the deduction earlier', () => {
    // 2026-02-14 (Sat) is a make-up working day, yet the 15th falls in the holiday: move forward.
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(bankDeductionDate(2026, 2)).toBe('2026-02-24');
    expect(isWorkingDay('2026-02-23')).toBe(false);
  });

  it('S-2.2b: invalid year/month and uncovered years are rejected', () => {
    for (const [year, month] of [
      [2025, 0],
      [2025, 13],
      [2025, 1.5],
      [2025.5, 1],
      [Number.NaN, 1],
      [2025, Number.NaN],
    ] as const) {
      expect(() => bankDeductionDate(year, month), `${year}-${month}`).toThrow(
        InvalidYearMonthError,
      );
    }
    const { zh, en } = splitBilingual(messageOf(() => bankDeductionDate(2025, 13)));
    expect(zh).toContain('月份须为 1–12');
    expect(en).toContain('month an integer 1–12');
    expect(() => bankDeductionDate(2003, 12)).toThrow(CalendarNotCoveredError);
    expect(() => bankDeductionDate(2027, 1)).toThrow(CalendarNotCoveredError);
  });

  it('S-2.2b property: on or after the 15th, a working day, with only days off skipped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: CALENDAR_COVERAGE.from, max: CALENDAR_COVERAGE.to }),
        fc.integer({ min: 1, max: 12 }),
        (year, month) => {
          const fifteenth = `${year}-${String(month).padStart(2, '0')}-${BANK_DEDUCTION_DAY_OF_MONTH}`;
          const result = bankDeductionDate(year, month);
          expect(isWorkingDay(result)).toBe(true);
          expect(result >= fifteenth).toBe(true);
          expect(result.slice(0, 7)).toBe(fifteenth.slice(0, 7));
          for (let day = fifteenth; day < result; day = addDays(day, 1)) {
            expect(isWorkingDay(day)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
