import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';
import { ReissueForm } from './reissue-form.js';

afterEach(() => vi.unstubAllGlobals());

const POINT = {
  id: '5f0c7c1e-0000-4000-8000-0000000000d1',
  districtId: '110105',
  name: '八里庄街道社保卡服务网点',
  address: '八里庄西里100号',
  streetOffice: '八里庄街道',
};
const POINTS = { status: 200, body: { items: [POINT], total: 1, page: 1, pageSize: 200 } };
const ISSUED = { id: 'r1', cardNumber: 'BJ000000031', servicePoint: { name: POINT.name } };

async function fillApplication(idNumber: string) {
  await userEvent.click(screen.getByRole('combobox', { name: '服务网点' }));
  await userEvent.click(await screen.findByTitle('八里庄街道社保卡服务网点（八里庄西里100号）'));
  await userEvent.type(screen.getByLabelText('参保人证件号码'), idNumber);
  await userEvent.type(screen.getByLabelText('申请人姓名'), '张家长');
  await userEvent.click(screen.getByRole('button', { name: '受理并发卡' }));
}

describe('ReissueForm (N-2.4d)', () => {
  it('S-1.3: a mistyped ID number is refused with the rules’ words; nothing is sent', async () => {
    const server = routedFetch({ 'GET /api/service-points': POINTS });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    renderWithProviders(
      <ReissueForm holderName="赵建国" today="2011-03-03" onDone={onDone} onCancel={vi.fn()} />,
    );
    await fillApplication('110105194912310020');
    expect(await screen.findByText('校验码错误（应为 X）')).toBeInTheDocument();
    expect(server.to('POST /api/reissues')).toHaveLength(0);
    expect(onDone).not.toHaveBeenCalled();
    // Many steps through antd's widgets in jsdom: slow on two shared cores.
  }, 60_000);

  it('sends both documents, the service point and the date once, with an Idempotency-Key', async () => {
    const server = routedFetch({
      'GET /api/service-points': POINTS,
      'POST /api/reissues': { status: 201, body: ISSUED },
    });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    renderWithProviders(
      <ReissueForm holderName="赵建国" today="2011-03-03" onDone={onDone} onCancel={vi.fn()} />,
    );
    expect(screen.getByLabelText('参保人（孩子）姓名')).toHaveValue('赵建国');
    expect(screen.getByLabelText('申请日期')).toHaveValue('2011-03-03');
    await fillApplication('11010519491231002x');
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(ISSUED));
    const [call] = server.to('POST /api/reissues');
    expect(call?.body).toEqual({
      holderName: '赵建国',
      idKind: 'resident',
      idNumber: '11010519491231002X',
      applicantName: '张家长',
      holderDocument: 'resident_id_card',
      applicantDocument: 'resident_id_card',
      servicePointId: POINT.id,
      appliedOn: '2011-03-03',
    });
    expect(call?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows the API’s refusal with its clause when the card is not in the pool', async () => {
    vi.stubGlobal(
      'fetch',
      routedFetch({
        'GET /api/service-points': POINTS,
        'POST /api/reissues': {
          status: 409,
          body: {
            statusCode: 409,
            error: 'rule_refused',
            clause: 'N-2.4d',
            message:
              '二次发行库中没有该人员的社保卡 / No card of this person is in the reissue pool',
          },
        },
      }).fetch,
    );
    renderWithProviders(
      <ReissueForm holderName="赵建国" today="2011-03-03" onDone={vi.fn()} onCancel={vi.fn()} />,
    );
    await fillApplication('11010519491231002X');
    expect(await screen.findByText('二次发行库中没有该人员的社保卡')).toBeInTheDocument();
    expect(screen.getByTestId('error-clause')).toHaveTextContent('依据条款 N-2.4d');
  });
});
