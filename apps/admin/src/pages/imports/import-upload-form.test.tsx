import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { choosesUnit, kindsFor } from './import-kinds.js';
import { jobView, routedFetch } from './import-test-data.js';
import { ImportUploadForm } from './import-upload-form.js';

afterEach(() => vi.unstubAllGlobals());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function renderForCollege() {
  return renderWithProviders(
    <Routes>
      <Route path="/imports" element={<ImportUploadForm userRole="college_staff" />} />
      <Route path="/imports/:id" element={<p>job page</p>} />
    </Routes>,
    { path: '/imports' },
  );
}

function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  return input;
}

describe('import kinds by role (IMPORT_ROLES)', () => {
  it('offers each role the kinds the API accepts from it', () => {
    expect(kindsFor('district_staff')).toEqual([
      'roster',
      'vendor_cards',
      'signatures',
      'students',
    ]);
    expect(kindsFor('unit_staff')).toEqual(['roster', 'signatures']);
    expect(kindsFor('college_staff')).toEqual(['students']);
    expect(kindsFor('university_staff')).toEqual(['students']);
    expect(kindsFor('system_admin')).toEqual(['roster', 'vendor_cards', 'students']);
  });

  it('asks district staff for the unit of a unit-targeted kind only', () => {
    expect(choosesUnit('district_staff', 'roster')).toBe(true);
    expect(choosesUnit('district_staff', 'vendor_cards')).toBe(false);
    expect(choosesUnit('unit_staff', 'signatures')).toBe(false);
    expect(choosesUnit('college_staff', 'students')).toBe(false);
  });
});

describe('ImportUploadForm', () => {
  it('S-1.2: shows a college the students sheet, its clause and columns, and uploads kind then file', async () => {
    const job = jobView({ kind: 'students' });
    const server = routedFetch({ 'POST /api/imports': { status: 202, body: job } });
    vi.stubGlobal('fetch', server.fetch);
    renderForCollege();
    expect(screen.getByText('依据 S-1.2')).toBeInTheDocument();
    expect(screen.getByText('数据导入到您所在的单位。')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /下载模板（新参保信息汇总表）/ }),
    ).toBeInTheDocument();
    const studentNumber = screen.getByText('学号').closest('tr') as HTMLElement;
    expect(studentNumber).toHaveTextContent('学号必填');
    const phone = screen.getByText('联系电话').closest('tr') as HTMLElement;
    expect(phone).toHaveTextContent('电话、手机、手机号、手机号码');

    const file = new File(['PK'], '计算机学院.xlsx', { type: XLSX });
    await userEvent.upload(fileInput(), file);
    expect(await screen.findByText('job page')).toBeInTheDocument();
    const call = server.calls[0];
    expect(call?.url).toBe('/api/imports');
    const form = call?.init.body as FormData;
    // The API reads the fields in order: the kind (and unit) before the file.
    expect([...form.keys()]).toEqual(['kind', 'file']);
    expect(form.get('kind')).toBe('students');
    expect((form.get('file') as File).name).toBe('计算机学院.xlsx');
  });

  it('sends commitWhenValid before the file when one-step import is ticked (off by default)', async () => {
    const server = routedFetch({
      'POST /api/imports': { status: 202, body: jobView({ kind: 'students' }) },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderForCollege();
    const box = screen.getByRole('checkbox', { name: '校验通过后直接导入（一步完成）' });
    expect(box).not.toBeChecked();
    expect(screen.getByText(/发现任何问题都会撤销已写入的部分，一行也不导入/)).toBeInTheDocument();
    await userEvent.click(box);
    await userEvent.upload(fileInput(), new File(['PK'], '学生.xlsx', { type: XLSX }));
    expect(await screen.findByText('job page')).toBeInTheDocument();
    const form = server.calls[0]?.init.body as FormData;
    expect([...form.keys()]).toEqual(['kind', 'commitWhenValid', 'file']);
    expect(form.get('commitWhenValid')).toBe('true');
  });

  it('refuses an old .xls before sending it, with what to do', async () => {
    const server = routedFetch({});
    vi.stubGlobal('fetch', server.fetch);
    renderForCollege();
    await userEvent.upload(fileInput(), new File(['x'], '学生.xls'), { applyAccept: false });
    expect(
      await screen.findByText(
        '“学生.xls”不是 .xlsx 或 .csv 文件。旧版 .xls 请在 Excel 或 WPS 中“另存为”.xlsx 后上传。',
      ),
    ).toBeInTheDocument();
    expect(server.calls).toEqual([]);
  });

  it('shows the API’s 409 when the same file was imported before', async () => {
    vi.stubGlobal(
      'fetch',
      routedFetch({
        'POST /api/imports': {
          status: 409,
          body: {
            statusCode: 409,
            error: 'state_conflict',
            message:
              '相同内容的文件已于2011-01-10 10:00导入（导入任务 j1），不能重复导入 / A file with the same content was already imported on 2011-01-10 10:00 (job j1); it is not imported twice',
          },
        },
      }).fetch,
    );
    renderForCollege();
    await userEvent.upload(fileInput(), new File(['PK'], '计算机学院.xlsx', { type: XLSX }));
    expect(
      await screen.findByText(
        '相同内容的文件已于2011-01-10 10:00导入（导入任务 j1），不能重复导入',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('job page')).not.toBeInTheDocument());
  });
});
