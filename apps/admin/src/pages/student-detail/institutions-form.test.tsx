import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonFetch, renderWithProviders } from '../../test/render.js';
import { InstitutionsForm } from './institutions-form.js';

afterEach(() => vi.unstubAllGlobals());

const SAVED = [
  { code: 'HD-SQ-101', kind: 'community_health' },
  { code: 'HD-YY-102', kind: 'general' },
  { code: 'HD-YY-103', kind: 'general' },
  { code: 'ZY-001', kind: 'tcm' },
] as const;

describe('InstitutionsForm', { timeout: 60_000 }, () => {
  it('S-3.1: a saved common institution (the 4th) is shown apart and kept on the next save', async () => {
    const server = jsonFetch(200, { id: 's1' });
    vi.stubGlobal('fetch', server.fetch);
    const onSaved = vi.fn();
    renderWithProviders(
      <InstitutionsForm
        student={{ id: 's1', designatedInstitutions: [...SAVED] }}
        personalCount={3}
        onSaved={onSaved}
      />,
    );
    expect(screen.getByLabelText('定点医疗机构3 编码')).toHaveValue('HD-YY-103');
    expect(screen.queryByLabelText('定点医疗机构4 编码')).toBeNull();
    expect(screen.getByLabelText('共同定点医疗机构1 编码')).toHaveValue('ZY-001');

    await userEvent.clear(screen.getByLabelText('定点医疗机构2 编码'));
    await userEvent.type(screen.getByLabelText('定点医疗机构2 编码'), 'HD-YY-202');
    await userEvent.click(screen.getByRole('button', { name: '保存定点医疗机构' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(server.calls[0]?.url).toBe('/api/students/s1/institutions');
    expect(JSON.parse(String(server.calls[0]?.init.body))).toEqual({
      designatedInstitutions: [
        { code: 'HD-SQ-101', kind: 'community_health' },
        { code: 'HD-YY-202', kind: 'general' },
        { code: 'HD-YY-103', kind: 'general' },
        { code: 'ZY-001', kind: 'tcm' },
      ],
    });
  });

  it('S-3.1: common institutions can be added and removed; three empty personal slots to start', async () => {
    const server = jsonFetch(200, { id: 's1' });
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(
      <InstitutionsForm
        student={{ id: 's1', designatedInstitutions: [] }}
        personalCount={3}
        onSaved={vi.fn()}
      />,
    );
    expect(screen.getByText('未填写共同定点医疗机构（可不填）。')).toBeInTheDocument();
    for (const [i, code] of ['A1', 'A2', 'A3'].entries()) {
      await userEvent.type(screen.getByLabelText(`定点医疗机构${i + 1} 编码`), code);
    }
    await userEvent.click(screen.getByRole('button', { name: '添加共同定点医疗机构' }));
    await userEvent.type(screen.getByLabelText('共同定点医疗机构1 编码'), 'ZK-9');
    await userEvent.click(screen.getByRole('button', { name: '添加共同定点医疗机构' }));
    await userEvent.click(screen.getByRole('button', { name: '删除共同定点医疗机构2' }));
    await userEvent.click(screen.getByRole('button', { name: '保存定点医疗机构' }));
    await waitFor(() => expect(server.calls).toHaveLength(1));
    expect(JSON.parse(String(server.calls[0]?.init.body)).designatedInstitutions).toEqual([
      { code: 'A1', kind: 'general' },
      { code: 'A2', kind: 'general' },
      { code: 'A3', kind: 'general' },
      { code: 'ZK-9', kind: 'tcm' },
    ]);
  });

  it('an empty personal slot is caught by the shared schema before anything is sent', async () => {
    const server = jsonFetch(200, {});
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(
      <InstitutionsForm
        student={{ id: 's1', designatedInstitutions: [] }}
        personalCount={3}
        onSaved={vi.fn()}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: '保存定点医疗机构' }));
    expect((await screen.findAllByText('医疗机构编码不能为空')).length).toBe(3);
    expect(server.calls).toHaveLength(0);
  });
});
