import { useQueryClient } from '@tanstack/react-query';
import { Card, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useStudentDashboard } from '../students/use-colleges.js';
import { StudentForm } from './student-form.js';

/** S-1.2: register a student in one of the caller's colleges, then open the student's page. */
export function StudentCreatePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const dashboard = useStudentDashboard();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {t.students.form.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.students.form.intro}</Typography.Paragraph>
      <Card>
        <QueryState query={dashboard}>
          {(data) => (
            <StudentForm
              colleges={data.colleges.map((row) => row.college)}
              onCreated={async (student) => {
                queryClient.setQueryData(['student', student.id], student);
                await Promise.all([
                  queryClient.invalidateQueries({ queryKey: ['students'] }),
                  queryClient.invalidateQueries({ queryKey: ['student-dashboard'] }),
                ]);
                navigate(`/students/${student.id}`);
              }}
            />
          )}
        </QueryState>
      </Card>
    </Space>
  );
}
