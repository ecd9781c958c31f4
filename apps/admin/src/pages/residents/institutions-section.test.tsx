import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';
import { InstitutionsSection } from './institutions-section.js';
import { RESIDENT_ID, residentDetail } from './resident-test-data.js';

afterEach(() => vi.unstubAllGlobals());

const PUT = `PUT /api/residents/${RESIDENT_ID}/institutions`;
const CHOSEN = [{ code: '1101050001', kind: 'general' as const }];

describe('InstitutionsSection (N-1.6 / S-3.1)', () => {
  it('lists the chosen institutions, edits them and saves the whole list', async () => {
    const server = routedFetch({ [PUT]: { status: 200, body: residentDetail() } });
    vi.stubGlobal('fetch', server.fetch);
    const onChanged = vi.fn();
    renderWithProviders(
      <InstitutionsSection
        resident={residentDetail({ designatedInstitutions: CHOSEN })}
        onChanged={onChanged}
      />,
    );
    expect(screen.getByText('1101050001')).toBeInTheDocument();
    expect(screen.getByText('综合医疗机构')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '修改定点医疗机构' }));
    await userEvent.click(screen.getByRole('button', { name: /添加定点医疗机构/ }));
    await userEvent.type(screen.getByLabelText('医疗机构编码 2'), '1101059999');
    await userEvent.click(screen.getByRole('button', { name: '保存定点医疗机构' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(server.to(PUT)[0]?.body).toEqual({
      designatedInstitutions: [...CHOSEN, { code: '1101059999', kind: 'community_health' }],
    });
  });

  it('an empty code is refused with the shared schema’s words; nothing is sent', async () => {
    const server = routedFetch({});
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<InstitutionsSection resident={residentDetail()} onChanged={vi.fn()} />);
    expect(screen.getByText('尚未选定')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '修改定点医疗机构' }));
    await userEvent.click(screen.getByRole('button', { name: /添加定点医疗机构/ }));
    await userEvent.click(screen.getByRole('button', { name: '保存定点医疗机构' }));
    expect(await screen.findByText('医疗机构编码不能为空')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });

  it('N-1.6: shows the API’s refusal (no community institution for the elderly) with its clause', async () => {
    vi.stubGlobal(
      'fetch',
      routedFetch({
        [PUT]: {
          status: 409,
          body: {
            statusCode: 409,
            error: 'rule_refused',
            clause: 'N-1.6',
            message: '须选定一家社区卫生服务机构 / Choose a community health institution',
          },
        },
      }).fetch,
    );
    const onChanged = vi.fn();
    renderWithProviders(
      <InstitutionsSection
        resident={residentDetail({ designatedInstitutions: CHOSEN })}
        onChanged={onChanged}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: '修改定点医疗机构' }));
    await userEvent.click(screen.getByRole('button', { name: '保存定点医疗机构' }));
    expect(await screen.findByText('须选定一家社区卫生服务机构')).toBeInTheDocument();
    expect(screen.getByTestId('error-clause')).toHaveTextContent('依据条款 N-1.6');
    expect(onChanged).not.toHaveBeenCalled();
  });
});
