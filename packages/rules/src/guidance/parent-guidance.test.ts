import { describe, expect, it } from 'vitest';
import { CARD_STATES } from '../cards/card-states.js';
import { parentGuidance } from './parent-guidance.js';

const unit = '朝阳区实验小学';

describe('parent guidance — the next step in plain words', () => {
  it('N-2.4b a card at the unit: collect it there by 2011-01-15 (inclusive)', () => {
    for (const today of ['2011-01-14', '2011-01-15']) {
      const g = parentGuidance({ state: 'at_unit', holdingUnitName: unit, today });
      expect(g.clause).toBe('N-2.4b');
      expect(g.deadline).toBe('2011-01-15');
      expect(g.nextStep.zh).toContain(unit);
      expect(g.nextStep.zh).toContain('2011-01-15前');
      expect(g.nextStep.en).toContain(`Collect the card at ${unit}`);
    }
  });

  it('N-2.4b after the deadline (2011-01-16) the parent is told it has passed', () => {
    const g = parentGuidance({ state: 'at_unit', holdingUnitName: unit, today: '2011-01-16' });
    expect(g.nextStep.zh).toContain('已过');
    expect(g.nextStep.en).toContain('has passed');
  });

  it('N-2.4a/N-2.4b a card on its way names the unit it was made for', () => {
    for (const state of ['made', 'in_batch', 'awaiting_pickup'] as const) {
      const g = parentGuidance({ state, holdingUnitName: unit, today: '2010-12-20' });
      expect(g.nextStep.zh).toContain(`正在送往${unit}`);
    }
    expect(parentGuidance({ state: 'made', today: '2010-12-20' }).nextStep.zh).toContain(
      '原参保单位',
    );
  });

  it('N-2.4c a card still at the unit once returns open (2011-01-21) is on its way back to the district', () => {
    expect(
      parentGuidance({ state: 'at_unit', holdingUnitName: unit, today: '2011-01-20' }).clause,
    ).toBe('N-2.4b');
    const g = parentGuidance({ state: 'at_unit', holdingUnitName: unit, today: '2011-01-21' });
    expect(g.clause).toBe('N-2.4c');
    expect(g.from).toBe('2011-03-02');
    expect(g.nextStep.zh).toContain('2011-03-02起');
  });

  it('N-2.4d a returned card: from 2011-03-02 call 96102, then bring the documents to the service point', () => {
    const before = parentGuidance({
      state: 'in_reissue_pool',
      holdingUnitName: unit,
      today: '2011-03-01',
    });
    expect(before.clause).toBe('N-2.4d');
    expect(before.nextStep.zh).toContain('2011-03-02起');
    expect(before.nextStep.zh).toContain('96102');
    expect(before.nextStep.zh).toContain('居民户口簿');
    expect(before.helpLines).toEqual(['96102']);
    const after = parentGuidance({ state: 'returned', holdingUnitName: unit, today: '2011-03-02' });
    expect(after.nextStep.zh).not.toContain('起：');
    expect(after.nextStep.zh).toContain('请先拨打96102');
    expect(after.nextStep.en).toContain('Call 96102 to confirm first');
  });

  it('N-1.5 no card yet: the temporary certificate serves as the medical certificate', () => {
    const g = parentGuidance({ state: 'no_card', today: '2010-12-10' });
    expect(g.clause).toBe('N-1.5');
    expect(g.nextStep.zh).toContain('《新发与补（换）社会保障卡证明》');
    expect(g.nextStep.zh).toContain('手工报销');
  });

  it('N-2.6 not made because of a data problem: confirm through 96102 or the unit', () => {
    const g = parentGuidance({ state: 'not_made_data_problem', today: '2011-01-05' });
    expect(g.clause).toBe('N-2.6');
    expect(g.nextStep.zh).toContain('96102');
    expect(g.nextStep.zh).toContain('重新采集信息');
  });

  it('N-2.3 / N-2.5 issued, reissued and identity sync', () => {
    expect(parentGuidance({ state: 'issued', today: '2011-01-10' }).nextStep.zh).toContain(
      '无需办理',
    );
    expect(parentGuidance({ state: 'reissued', today: '2011-04-10' }).clause).toBe('N-2.4d');
    expect(parentGuidance({ state: 'identity_sync', today: '2011-04-10' }).clause).toBe('N-2.5');
  });

  it('every state has Chinese and English guidance', () => {
    for (const state of [...CARD_STATES, 'no_card'] as const) {
      const g = parentGuidance({ state, holdingUnitName: unit, today: '2011-02-01' });
      expect(g.status.zh.length).toBeGreaterThan(0);
      expect(g.nextStep.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(g.nextStep.en).toMatch(/^[\x20-\x7e\u3010\u3011\u2019\u4e00-\u9fa5]+$/);
    }
  });
});
