import { STUDENT_STATUS_LABELS, STUDENT_STATUSES } from '@sscard/rules';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CollegeView, Role } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { api } from '../../api/endpoints.js';
import { useSession } from '../../auth/session-store.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { CollegeForm } from './college-form.js';

/** Who may add a college: the API's @Roles on POST universities/:id/colleges. */
const COLLEGE_CREATORS: readonly Role[] = ['system_admin', 'district_staff'];

const COUNT_COLUMN = { width: 84, align: 'right' as const };

/**
 * A university's colleges (院（系）, its sub-units) with each one's progress per status (S-1.6).
 * University staff see their own university; district staff pick one of their district's and
 * may add a college to it.
 */
export function CollegesPage() {
  const { t } = useI18n();
  const x = t.students.colleges;
  const session = useSession();
  const role = session?.user.role;
  const ownUniversity = role === 'university_staff' ? (session?.user.unitId ?? null) : null;
  const universities = useQuery({
    queryKey: ['universities'],
    queryFn: ({ signal }) =>
      districtApi.units({ kind: 'university', sort: 'name', pageSize: 200 }, { signal }),
    enabled: ownUniversity === null,
  });
  const [picked, setPicked] = useState<string | undefined>();
  const options = (universities.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const universityId = ownUniversity ?? picked ?? options[0]?.value;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {x.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {x.intro}
      </Typography.Paragraph>
      {ownUniversity === null ? (
        <QueryState query={universities} isEmpty={(page) => page.items.length === 0}>
          {() => (
            <Select<string>
              aria-label={x.universityPick}
              value={universityId}
              onChange={setPicked}
              style={{ width: 320 }}
              options={options}
            />
          )}
        </QueryState>
      ) : null}
      {universityId ? (
        <UniversityColleges
          universityId={universityId}
          universityName={options.find((o) => o.value === universityId)?.label}
          canAdd={role !== undefined && COLLEGE_CREATORS.includes(role)}
        />
      ) : null}
    </Space>
  );
}

function UniversityColleges({
  universityId,
  universityName,
  canAdd,
}: {
  universityId: string;
  universityName: string | undefined;
  canAdd: boolean;
}) {
  const { t, label } = useI18n();
  const x = t.students.colleges;
  const queryClient = useQueryClient();
  const colleges = useQuery({
    queryKey: ['colleges', universityId],
    queryFn: ({ signal }) => api.students.colleges(universityId, { signal }),
  });
  const name = universityName ?? colleges.data?.[0]?.university.name ?? '';
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <section aria-label={x.title}>
        <QueryState query={colleges}>
          {(rows) => (
            <Table<CollegeView>
              rowKey="id"
              size="middle"
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1000 }}
              tableLayout="fixed"
              className="list-table wrap-headers"
              locale={{ emptyText: x.none }}
              columns={[
                {
                  title: x.name,
                  width: 130,
                  render: (_, row) => <Link to={`/students?collegeId=${row.id}`}>{row.name}</Link>,
                },
                { title: x.registrationCode, dataIndex: 'registrationCode', width: 150 },
                { title: x.students, dataIndex: 'studentCount', ...COUNT_COLUMN },
                ...STUDENT_STATUSES.map((s) => ({
                  title: label(STUDENT_STATUS_LABELS[s]),
                  key: s,
                  ...COUNT_COLUMN,
                  render: (_: unknown, row: CollegeView) => row.byStatus[s],
                })),
                { title: x.ineligible, dataIndex: 'ineligible', ...COUNT_COLUMN },
                { title: x.deferred, dataIndex: 'deferred', ...COUNT_COLUMN },
              ]}
            />
          )}
        </QueryState>
      </section>
      {canAdd ? (
        <Card title={x.addTitle(name)} size="small">
          <CollegeForm
            university={{ id: universityId, name }}
            onAdded={() =>
              void Promise.all([
                queryClient.invalidateQueries({ queryKey: ['colleges', universityId] }),
                queryClient.invalidateQueries({ queryKey: ['student-dashboard'] }),
              ])
            }
          />
        </Card>
      ) : (
        <Alert type="info" showIcon title={x.addNotAllowed} />
      )}
    </Space>
  );
}
