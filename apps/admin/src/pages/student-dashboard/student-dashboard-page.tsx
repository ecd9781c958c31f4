import { STUDENT_STATUS_LABELS, STUDENT_STATUSES } from '@sscard/rules';
import { Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { StudentDashboard, StudentDashboardRow } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { BarChart } from '../../components/bar-chart.js';
import { DownloadButton } from '../../components/download-button.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useStudentDashboard } from '../students/use-colleges.js';

/** S-1.6: how far the caller's colleges are, per status; one row per college. */
export function StudentDashboardPage() {
  const { t } = useI18n();
  const query = useStudentDashboard();
  const x = t.students.dashboard;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div className="page-heading">
        <Typography.Title level={1} className="page-title">
          {x.title}
        </Typography.Title>
        {query.data ? (
          <Typography.Text type="secondary">{x.policyYear(query.data.policyYear)}</Typography.Text>
        ) : null}
      </div>
      <QueryState query={query}>{(data) => <DashboardBody data={data} />}</QueryState>
    </Space>
  );
}

function DashboardBody({ data }: { data: StudentDashboard }) {
  const { t, label } = useI18n();
  const x = t.students.dashboard;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={x.total} value={data.total} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={x.ineligible} value={data.ineligible} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={x.deferred} value={data.deferred} />
          </Card>
        </Col>
      </Row>
      <Card>
        <BarChart
          title={x.byStatus}
          unit={x.people}
          bars={STUDENT_STATUSES.map((s) => ({
            key: s,
            label: label(STUDENT_STATUS_LABELS[s]),
            value: data.byStatus[s],
          }))}
        />
      </Card>
      <section aria-labelledby="college-progress-title">
        <Typography.Title level={2} id="college-progress-title" className="section-title">
          {x.byCollege}
        </Typography.Title>
        <Table<StudentDashboardRow>
          rowKey={(row) => row.college.id}
          size="middle"
          dataSource={data.colleges}
          pagination={false}
          scroll={{ x: 'max-content' }}
          className="list-table"
          locale={{ emptyText: t.common.empty }}
          columns={[
            {
              title: x.college,
              render: (_, row) => (
                <Link to={`/students?collegeId=${row.college.id}`}>{row.college.name}</Link>
              ),
            },
            { title: x.total, dataIndex: 'total' },
            ...STUDENT_STATUSES.map((s) => ({
              title: label(STUDENT_STATUS_LABELS[s]),
              key: s,
              render: (_: unknown, row: StudentDashboardRow) => row.byStatus[s],
            })),
            { title: x.ineligible, dataIndex: 'ineligible' },
            { title: x.deferred, dataIndex: 'deferred' },
            {
              title: x.summary,
              key: 'summary',
              render: (_, row) => (
                <DownloadButton
                  size="small"
                  load={() => api.students.summaryXlsx(row.college.id)}
                  fallbackName={`${row.college.name}.xlsx`}
                  aria-label={t.students.summaryDownload(row.college.name)}
                >
                  {x.download}
                </DownloadButton>
              ),
            },
          ]}
        />
      </section>
    </Space>
  );
}
