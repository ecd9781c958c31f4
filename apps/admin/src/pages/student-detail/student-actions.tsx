import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space, Typography } from 'antd';
import type { Role, StudentDetail } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { PaymentForm } from './payment-form.js';

/** Who records Beijing's review (the API's @Roles on POST /students/:id/review). */
const REVIEWERS: readonly Role[] = ['system_admin', 'district_staff', 'university_staff'];

/**
 * S-1.5 / S-1.6 / S-2.2a: the one step the student's status allows next. A refusal comes back
 * from the API with its clause and stays on screen.
 */
export function StudentActions({
  student,
  role,
  onChanged,
}: {
  student: StudentDetail;
  role: Role;
  onChanged: (student: StudentDetail) => void;
}) {
  const { t } = useI18n();
  const x = t.students.actions;
  const step = useMutation({
    mutationFn: (action: 'submit' | 'review' | 'photo' | 'eVoucher') =>
      api.students[action](student.id),
    onSuccess: (student) => onChanged(student),
  });
  const error = step.error ? <ApiErrorAlert error={step.error} /> : null;
  switch (student.status) {
    case 'registered':
      return (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {error}
          <Typography.Paragraph>{x.submitHelp}</Typography.Paragraph>
          <Button type="primary" loading={step.isPending} onClick={() => step.mutate('submit')}>
            {x.submit}
          </Button>
        </Space>
      );
    case 'submitted':
      return REVIEWERS.includes(role) ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {error}
          <Typography.Paragraph>{x.reviewHelp}</Typography.Paragraph>
          <Button type="primary" loading={step.isPending} onClick={() => step.mutate('review')}>
            {x.review}
          </Button>
        </Space>
      ) : (
        <Alert type="info" showIcon title={x.waitingForReview} />
      );
    case 'reviewed':
      return (
        <PaymentForm
          studentId={student.id}
          feeYuan={student.feeYuan}
          policyYear={student.policyYear}
          onPaid={onChanged}
        />
      );
    case 'paid':
      return (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {error}
          <Typography.Paragraph>{x.photoHelp}</Typography.Paragraph>
          <Space wrap>
            <Button type="primary" loading={step.isPending} onClick={() => step.mutate('photo')}>
              {x.photo}
            </Button>
            <Button loading={step.isPending} onClick={() => step.mutate('eVoucher')}>
              {x.eVoucher}
            </Button>
          </Space>
        </Space>
      );
    default:
      return <Alert type="success" showIcon title={x.finished} />;
  }
}
