import { PlusOutlined } from '@ant-design/icons';
import { STUDENT_STATUS_LABELS, STUDENT_STATUSES, type StudentStatus } from '@sscard/rules';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { StudentView } from '../../api/contract.js';
import { api } from '../../api/endpoints.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { DownloadButton } from '../../components/download-button.js';
import { ListToolbar } from '../../components/list/list-toolbar.js';
import { useListParams } from '../../components/list/use-list-params.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { isStudentStatus, STATUS_COLOURS, useColleges } from './use-colleges.js';
import { ListTable } from '../../components/list/list-table.js';

const LIST = {
  sortable: ['seq', 'name', 'status', 'createdAt'],
  sort: 'seq',
  order: 'asc',
  filters: ['status', 'collegeId', 'eligible', 'deferred'],
} as const;

/** S-1.5 / S-1.6: the students of the caller's colleges; the API pages, sorts and filters. */
export function StudentsPage() {
  const { t, label, pick, dateTime } = useI18n();
  const navigate = useNavigate();
  const x = t.students.list;
  const list = useListParams(LIST);
  const colleges = useColleges() ?? [];
  const query = useQuery({
    queryKey: ['students', list.query],
    queryFn: ({ signal }) => api.students.list(list.query, { signal }),
    placeholderData: keepPreviousData,
  });
  const { filters } = list.state;
  const statuses = (filters.status ?? '').split(',').filter(isStudentStatus);
  const collegeId = colleges.find((c) => c.id === filters.collegeId)?.id;
  // Attachment 3 is one college's table: the chosen college, or the only one there is.
  const summaryCollege =
    colleges.length === 1 ? colleges[0] : colleges.find((c) => c.id === collegeId);
  const c = x.columns;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div className="page-heading">
        <Typography.Title level={1} className="page-title">
          {x.title}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => navigate('/students/new')}
        >
          {x.create}
        </Button>
        {summaryCollege ? (
          <DownloadButton
            load={() => api.students.summaryXlsx(summaryCollege.id)}
            fallbackName={`${summaryCollege.name}.xlsx`}
          >
            {t.students.summaryDownload(summaryCollege.name)}
          </DownloadButton>
        ) : null}
      </div>
      <ListToolbar search={list.state.search} searchLabel={x.search} onSearch={list.setSearch}>
        <Select<StudentStatus[]>
          mode="multiple"
          allowClear
          aria-label={x.status}
          placeholder={x.statusAll}
          value={statuses}
          onChange={(value) => list.setFilter('status', value.length ? value.join(',') : undefined)}
          style={{ minWidth: 240 }}
          options={STUDENT_STATUSES.map((s) => ({
            value: s,
            label: label(STUDENT_STATUS_LABELS[s]),
          }))}
        />
        {colleges.length > 1 ? (
          <Select<string>
            allowClear
            aria-label={x.college}
            placeholder={x.collegeAll}
            value={collegeId}
            onChange={(value) => list.setFilter('collegeId', value)}
            style={{ width: 200 }}
            options={colleges.map((college) => ({ value: college.id, label: college.name }))}
          />
        ) : null}
        <Select<string>
          allowClear
          aria-label={x.eligible}
          placeholder={x.eligibleAll}
          value={filters.eligible}
          onChange={(value) => list.setFilter('eligible', value)}
          style={{ width: 180 }}
          options={[
            { value: 'true', label: x.eligibleYes },
            { value: 'false', label: x.eligibleNo },
          ]}
        />
        <Select<string>
          allowClear
          aria-label={x.deferred}
          placeholder={x.deferredAll}
          value={filters.deferred}
          onChange={(value) => list.setFilter('deferred', value)}
          style={{ width: 160 }}
          options={[
            { value: 'true', label: x.deferredYes },
            { value: 'false', label: x.deferredNo },
          ]}
        />
      </ListToolbar>
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <ListTable<StudentView>
        list={list}
        query={query}
        rowKey="id"
        columns={[
          {
            title: c.seq,
            key: 'seq',
            dataIndex: 'seq',
            sorter: true,
            sortOrder: list.sortOrderOf('seq'),
          },
          {
            title: c.name,
            key: 'name',
            sorter: true,
            sortOrder: list.sortOrderOf('name'),
            render: (_, row) => <Link to={`/students/${row.id}`}>{row.name}</Link>,
          },
          { title: c.college, render: (_, row) => row.college.name },
          { title: c.className, dataIndex: 'className' },
          { title: c.studentNumber, dataIndex: 'studentNumber' },
          { title: c.idNumber, dataIndex: 'idNumber' },
          {
            title: c.eligibility,
            render: (_, row) =>
              row.eligibility.eligible ? (
                <Tag color="green">{x.eligibleYes}</Tag>
              ) : (
                <span className="student-ineligible">
                  <Tag color="red">{x.eligibleNo}</Tag>
                  {row.eligibility.reason ? pick(row.eligibility.reason) : null}
                </span>
              ),
          },
          {
            title: c.deferred,
            key: 'deferred',
            // S-1.3: a deferred student's evidence must include the latest deferral proof.
            render: (_, row) =>
              row.deferred ? <Tag color="orange">{x.deferredYes}</Tag> : x.deferredNo,
          },
          {
            title: c.status,
            key: 'status',
            sorter: true,
            sortOrder: list.sortOrderOf('status'),
            render: (_, row) => (
              <Tag color={STATUS_COLOURS[row.status]}>{label(row.statusLabel)}</Tag>
            ),
          },
          {
            title: c.createdAt,
            key: 'createdAt',
            dataIndex: 'createdAt',
            sorter: true,
            sortOrder: list.sortOrderOf('createdAt'),
            render: (v: string) => dateTime(v),
          },
        ]}
      />
    </Space>
  );
}
