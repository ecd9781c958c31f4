import { PhoneOutlined } from '@ant-design/icons';
import { Descriptions, Tag, Typography } from 'antd';
import type { StudentDetail } from '../../api/contract.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** The rules' next steps for this student, each with its clause and help line (S-1.1…S-3.1, S-4). */
export function NextSteps({ student }: { student: StudentDetail }) {
  const { t, label } = useI18n();
  const x = t.students.guidance;
  if (student.nextSteps.length === 0) {
    return <Typography.Paragraph>{x.allDone}</Typography.Paragraph>;
  }
  return (
    <ol className="student-steps">
      {student.nextSteps.map((step) => (
        <li key={`${step.clause}-${step.zh}`}>
          {label(step)} <Tag>{step.clause}</Tag>
          {step.helpLines.length > 0 ? (
            <div className="student-step-help">
              {step.helpLines.map((h) => (
                <span key={h.number}>
                  <PhoneOutlined aria-hidden /> <a href={`tel:${h.number}`}>{h.number}</a>{' '}
                  {label(h)}{' '}
                </span>
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** S-2.3 benefit period, S-2.2b withholding dates, S-2.1 fee and the payment once made. */
export function PaymentFacts({ student }: { student: StudentDetail }) {
  const { t, label } = useI18n();
  const x = t.students.guidance;
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={x.fee}>{x.feeValue(student.feeYuan)}</Descriptions.Item>
      <Descriptions.Item label={x.payment}>
        {student.payment
          ? x.paymentValue(
              student.payment.amountYuan,
              label(student.payment.channelLabel),
              student.payment.paidAt.replace('T', ' ').replace('+08:00', ''),
            )
          : x.notPaid}
      </Descriptions.Item>
      <Descriptions.Item label={x.benefitPeriod}>
        {student.benefitPeriod
          ? x.benefitValue(student.benefitPeriod.from, student.benefitPeriod.to)
          : x.benefitAfterPayment}{' '}
        <Tag>S-2.3</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={x.withholding}>
        {student.withholdingDates.length > 0 ? student.withholdingDates.join('、') : t.common.none}{' '}
        <Tag>S-2.2b</Tag>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** S-4: who to call. */
export function StudentHelpLines({ student }: { student: StudentDetail }) {
  const { label } = useI18n();
  return (
    <ul className="help-lines">
      {student.helpLines.map((h) => (
        <li key={h.number}>
          <PhoneOutlined aria-hidden /> <a href={`tel:${h.number}`}>{h.number}</a> {label(h)}
        </li>
      ))}
    </ul>
  );
}
