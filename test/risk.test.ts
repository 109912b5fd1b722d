import { describe, expect, it } from 'vitest';
import { dueDate, riskLevel, riskScore, type Rating } from '../src/risk.js';

const ratings: Rating[] = [1, 2, 3, 4];

describe('risk model', () => {
  it('bands every likelihood × impact cell as DESIGN.md says', () => {
    const grid = ratings.map((l) => ratings.map((i) => riskLevel(l, i)));
    expect(grid).toEqual([
      ['low', 'low', 'low', 'medium'],
      ['low', 'medium', 'medium', 'high'],
      ['low', 'medium', 'high', 'critical'],
      ['medium', 'high', 'critical', 'critical'],
    ]);
    expect(riskScore(3, 4)).toBe(12);
  });

  it('sets due dates 14, 28, 60 and 90 days after the decision', () => {
    const decided = new Date('2026-11-25T15:30:00Z');
    expect(dueDate(decided, 'critical')).toBe('2026-12-09');
    expect(dueDate(decided, 'high')).toBe('2026-12-23');
    expect(dueDate(decided, 'medium')).toBe('2027-01-24');
    expect(dueDate(decided, 'low')).toBe('2027-02-23');
  });
});
