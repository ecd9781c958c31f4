import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format-date-time.js';

describe('formatDateTime', () => {
  it('shows an instant on Beijing’s clock in either language', () => {
    // 02:05:09 UTC is 10:05:09 in Beijing, whatever zone the test machine is in.
    expect(formatDateTime('2011-01-10T02:05:09.000Z', false)).toBe('2011-01-10 10:05:09');
    expect(formatDateTime('2011-01-10T02:05:09.000Z', true)).toBe('10 Jan 2011, 10:05:09');
    // Late evening UTC is already the next day in Beijing.
    expect(formatDateTime('2011-01-09T20:00:00Z', false)).toBe('2011-01-10 04:00:00');
  });

  it('shows anything else as it came', () => {
    expect(formatDateTime('soon', false)).toBe('soon');
  });
});
