import {
  GENDER_LABELS,
  getStudentPolicy,
  ID_KIND_LABELS,
  OTHER_COVER_LABELS,
  STUDY_STATUS_LABELS,
} from '@sscard/rules';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Result, Row, Space, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error.js';
import type { Role, StudentDetail } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { useSession } from '../../auth/session-store.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { STATUS_COLOURS } from '../students/use-colleges.js';
import { InstitutionsForm } from './institutions-form.js';
import { StudentActions } from './student-actions.js';
import { EligibilityResult, SubmissionChecklist } from './student-checklist.js';
import { NextSteps, PaymentFacts, StudentHelpLines } from './student-guidance.js';
import { StudentUploads } from './student-uploads.js';
import './student-detail.css';

/** Who may download the generated registration form (the API's @Roles on its route). */
const FORM_READERS: readonly Role[] = ['university_staff', 'college_staff'];

function labelOf<K extends string>(labels: Record<K, { zh: string; en: string }>, key: string) {
  return Object.hasOwn(labels, key) ? labels[key as K] : undefined;
}

/** One student's file: where they stand, what is missing, the next step and who to call. */
export function StudentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ['student', id],
    queryFn: ({ signal }) => api.students.get(id, { signal }),
  });
  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <Result
        status="404"
        title={<h1 className="page-title">{t.students.detail.notFoundTitle}</h1>}
        subTitle={t.students.detail.notFound}
        extra={
          <Button type="primary" onClick={() => navigate('/students')}>
            {t.students.detail.backToList}
          </Button>
        }
      />
    );
  }
  return <QueryState query={query}>{(student) => <StudentFile student={student} />}</QueryState>;
}

function StudentFile({ student }: { student: StudentDetail }) {
  const { t, label } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const x = t.students.detail;
  const changed = async (next?: StudentDetail) => {
    if (next) queryClient.setQueryData(['student', student.id], next);
    else await queryClient.invalidateQueries({ queryKey: ['student', student.id] });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['students'] }),
      queryClient.invalidateQueries({ queryKey: ['student-dashboard'] }),
    ]);
  };
  const text = (labels: Record<string, { zh: string; en: string }>, key: string) => {
    const found = labelOf(labels, key);
    return found ? label(found) : key;
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/students">{x.backToList}</Link>
      <div className="page-heading">
        <Typography.Title level={1} className="page-title">
          {x.title(student.seq, student.name)}
        </Typography.Title>
        <Tag color={STATUS_COLOURS[student.status]} className="student-status">
          {label(student.statusLabel)}
        </Tag>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={x.registration} size="small">
              <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
                <Descriptions.Item label={x.college}>{student.college.name}</Descriptions.Item>
                <Descriptions.Item label={x.className}>{student.className}</Descriptions.Item>
                <Descriptions.Item label={x.studentNumber}>
                  {student.studentNumber}
                </Descriptions.Item>
                <Descriptions.Item label={x.idKind}>
                  {text(ID_KIND_LABELS, student.idKind)}
                </Descriptions.Item>
                <Descriptions.Item label={x.idNumber}>{student.idNumber}</Descriptions.Item>
                <Descriptions.Item label={x.gender}>
                  {text(GENDER_LABELS, student.gender)}
                </Descriptions.Item>
                <Descriptions.Item label={x.birthDate}>{student.birthDate}</Descriptions.Item>
                <Descriptions.Item label={x.nationalityOrRegion}>
                  {student.nationalityOrRegion}
                </Descriptions.Item>
                <Descriptions.Item label={x.phone}>{student.phone}</Descriptions.Item>
                <Descriptions.Item label={x.studyStatus}>
                  {text(STUDY_STATUS_LABELS, student.studyStatus)}
                </Descriptions.Item>
                <Descriptions.Item label={x.fullTime}>
                  {student.fullTimeStudent ? t.common.yes : t.common.no}
                </Descriptions.Item>
                <Descriptions.Item label={x.otherCover}>
                  {text(OTHER_COVER_LABELS, student.otherCover)}
                </Descriptions.Item>
                <Descriptions.Item label={x.declaresNoOtherCover}>
                  {student.declaresNoOtherCover ? t.common.yes : t.common.no}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={x.eligibility} size="small">
              <EligibilityResult student={student} />
            </Card>
            <Card title={x.checklist} size="small">
              <SubmissionChecklist student={student} onSummary={() => changed()} />
            </Card>
            <Card title={x.uploads} size="small">
              <StudentUploads
                student={student}
                canDownloadForm={session ? FORM_READERS.includes(session.user.role) : false}
                onUploaded={() => void changed()}
              />
            </Card>
            <Card title={x.progress} size="small">
              {session ? (
                <StudentActions
                  student={student}
                  role={session.user.role}
                  onChanged={(next) => void changed(next)}
                />
              ) : null}
            </Card>
            <Card title={x.institutions} size="small">
              <InstitutionsForm
                student={student}
                personalCount={getStudentPolicy(student.policyYear).personalInstitutionCount}
                onSaved={(next) => void changed(next)}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={x.nextSteps} size="small">
              <NextSteps student={student} />
            </Card>
            <Card title={x.payment} size="small">
              <PaymentFacts student={student} />
            </Card>
            <Card title={x.helpLines} size="small">
              <StudentHelpLines student={student} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
