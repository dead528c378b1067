import { describe, expect, it } from 'vitest';
import { cycleWindow, expiryFromCertified } from '../../../src/core/rules/index.js';

describe('expiryFromCertified', () => {
  it('gives a CMA the last day of the month 60 months after certification', () => {
    expect(expiryFromCertified('CMA', '2022-02-10')).toBe('2027-02-28');
    expect(expiryFromCertified('CMA', '2023-02-01')).toBe('2028-02-29');
    expect(expiryFromCertified('CMA', '2022-01-31')).toBe('2027-01-31');
  });

  it('gives AMT credentials the day before the third anniversary', () => {
    expect(expiryFromCertified('RMA', '2023-05-01')).toBe('2026-04-30');
    expect(expiryFromCertified('CMAS', '2023-01-01')).toBe('2025-12-31');
  });

  it('gives an NCMA the day before the first anniversary', () => {
    expect(expiryFromCertified('NCMA', '2025-07-15')).toBe('2026-07-14');
  });

  it('gives NHA credentials the day before the second anniversary', () => {
    for (const code of ['CCMA', 'CMAA', 'CPT', 'CET'] as const) {
      expect(expiryFromCertified(code, '2024-09-01')).toBe('2026-08-31');
    }
  });

  it('gives a BLS card the last day of the month 24 months after issue', () => {
    expect(expiryFromCertified('BLS', '2024-03-10')).toBe('2026-03-31');
    expect(expiryFromCertified('BLS', '2022-02-28')).toBe('2024-02-29');
  });

  it('ends a cycle that began on February 29 on February 28 (the anniversary is March 1 in a common year)', () => {
    expect(expiryFromCertified('RMA', '2024-02-29')).toBe('2027-02-28');
    expect(expiryFromCertified('CPT', '2024-02-29')).toBe('2026-02-28');
    expect(cycleWindow({ code: 'RMA', expiresOn: '2027-02-28' }).start).toBe('2024-02-29');
    // A cycle that ends on a leap day began on March 1.
    expect(expiryFromCertified('RMA', '2025-03-01')).toBe('2028-02-29');
    expect(cycleWindow({ code: 'RMA', expiresOn: '2028-02-29' }).start).toBe('2025-03-01');
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => expiryFromCertified('CMA', '2026-02-30')).toThrow(RangeError);
    expect(() => expiryFromCertified('CMA', '11/01/2026')).toThrow(RangeError);
  });
});

describe('cycleWindow', () => {
  it('starts a CMA period the day after the previous month-end expiry', () => {
    expect(cycleWindow({ code: 'CMA', expiresOn: '2027-02-28' })).toEqual({ start: '2022-03-01', end: '2027-02-28', earnFrom: '2022-03-01' });
    expect(cycleWindow({ code: 'CMA', expiresOn: '2027-04-30' }).start).toBe('2022-05-01');
  });

  it('handles leap years at both ends of a CMA period', () => {
    expect(cycleWindow({ code: 'CMA', expiresOn: '2028-02-29' }).start).toBe('2023-03-01');
    // The previous period ended 2024-02-29, so this one starts 2024-03-01, not 2024-02-29.
    expect(cycleWindow({ code: 'CMA', expiresOn: '2029-02-28' }).start).toBe('2024-03-01');
  });

  it('falls back to expiry − 60 months + 1 day for a CMA expiry that is not a month end', () => {
    expect(cycleWindow({ code: 'CMA', expiresOn: '2027-02-15' }).start).toBe('2022-02-16');
  });

  it('starts AMT, NHA and NCMA cycles one anniversary-length before the day after expiry', () => {
    expect(cycleWindow({ code: 'RMA', expiresOn: '2026-04-30' }).start).toBe('2023-05-01');
    expect(cycleWindow({ code: 'CCMA', expiresOn: '2026-08-31' }).start).toBe('2024-09-01');
    expect(cycleWindow({ code: 'NCMA', expiresOn: '2026-07-14' }).start).toBe('2025-07-15');
  });

  it('round-trips expiryFromCertified to the certification date', () => {
    expect(cycleWindow({ code: 'RMA', expiresOn: expiryFromCertified('RMA', '2023-05-01') }).start).toBe('2023-05-01');
    expect(cycleWindow({ code: 'CMA', expiresOn: expiryFromCertified('CMA', '2022-02-10') }).start).toBe('2022-03-01');
  });

  it('lets NCMA earn from 1 January of the calendar year before the expiry year (NCCT CE-0309)', () => {
    expect(cycleWindow({ code: 'NCMA', expiresOn: '2026-07-14' })).toEqual({ start: '2025-07-15', end: '2026-07-14', earnFrom: '2025-01-01' });
    expect(cycleWindow({ code: 'NCMA', expiresOn: '2026-12-31' }).earnFrom).toBe('2025-01-01');
  });

  it('covers a BLS card from the first day of its month of issue', () => {
    expect(cycleWindow({ code: 'BLS', expiresOn: '2026-03-31' }).start).toBe('2024-03-01');
  });
});
