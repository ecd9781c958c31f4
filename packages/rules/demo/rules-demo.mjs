// A walk through the rules package until the API and admin arrive: `npm start` runs this.
import {
  annualFee,
  bankDeductionDate,
  isWorkingDay,
  maskIdNumber,
  parentGuidance,
  requiredDeposit,
  routeBatch,
  transitionCard,
  validateIdNumber,
} from '@sscard/rules';

const line = (label, value) => console.log(`  ${label} → ${value}`);

console.log('\nsscard — @sscard/rules 规则演示 / rules demo\n');

console.log('发卡分流 Batch routing (N-2.2a/b, threshold 600):');
for (const n of [599, 600, 601]) line(`${n} 人`, routeBatch(n));

console.log('\n缴费标准 Fees (N-1.3a, S-2.1, N-1.4a, N-1.3d):');
for (const category of ['elderly', 'student_child', 'unemployed', 'unemployed_disabled']) {
  line(`2011 ${category}`, `${annualFee({ policyYear: 2011, category })} 元`);
}
line('2025 student_child', `${annualFee({ policyYear: 2025, category: 'student_child' })} 元`);
line(
  '2011 elderly, verified 2011',
  `${annualFee({ policyYear: 2011, category: 'elderly', exemptionVerifiedForYear: 2011 })} 元`,
);
line('京卡 deposit for 100 元', `${requiredDeposit(100, 'jingka')} 元`);

console.log('\n工作日 Working days (S-2.2a/b):');
for (const d of ['2025-10-08', '2025-10-11', '2026-02-14'])
  line(d, isWorkingDay(d) ? '工作日 working day' : '休息日 rest day');
for (const m of [10, 11, 12]) line(`2025-${m} 银行批量扣款日`, bankDeductionDate(2025, m));

console.log('\n证件号码 ID numbers (S-1.3):');
for (const id of ['11010519491231002X', '110105194912310021']) {
  const r = validateIdNumber('resident', id);
  line(maskIdNumber(id), r.valid ? '有效 valid' : r.reason);
}

console.log('\n退卡与补发 Returns and reissue (N-2.4c/d):');
for (const date of ['2011-01-20', '2011-01-21']) {
  const r = transitionCard('at_unit', { type: 'return', date, firstCopyReturned: true });
  line(`return on ${date}`, r.ok ? `→ ${r.to}` : `refused ${r.clause}: ${r.message}`);
}

console.log('\n家长查询 Parent guidance (N-2.4b/d):');
for (const [state, today] of [
  ['at_unit', '2011-01-10'],
  ['in_reissue_pool', '2011-03-02'],
]) {
  const g = parentGuidance({ state, today, holdingUnitName: '朝阳区实验小学' });
  console.log(`  ${today} ${g.status.zh}: ${g.nextStep.zh}`);
}
console.log(
  '\nThe API and admin arrive in later issues; this demo only exercises the rules package.\n',
);
