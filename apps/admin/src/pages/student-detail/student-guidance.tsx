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

/**
 * S-2.3 benefit period (with the guide's word on costs before payment), S-2.1 fee, the payment
 * once made, and S-2.2b bank withholding inside the payment window — only while the student is
 * reviewed and unpaid (the API sends it only then).
 */
export function PaymentFacts({
  student,
}: {
  student: Pick<
    StudentDetail,
    'feeYuan' | 'payment' | 'benefitPeriod' | 'benefitBeforePayment' | 'withholding'
  >;
}) {
  const { t, label } = useI18n();
  const x = t.students.guidance;
  const { withholding } = student;
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
        <div className="student-benefit-note">
          <Typography.Text type="secondary">{label(student.benefitBeforePayment)}</Typography.Text>
        </div>
      </Descriptions.Item>
      {withholding ? (
        <Descriptions.Item label={x.withholding}>
          <span data-testid="withholding">{label(withholding)}</span>{' '}
          <Tag>{withholding.clause}</Tag>
        </Descriptions.Item>
      ) : null}
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
