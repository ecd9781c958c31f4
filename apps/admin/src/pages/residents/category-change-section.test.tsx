import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSession } from '../../auth/session-store.js';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';
import { CategoryChangeSection } from './category-change-section.js';
import { ENROLMENT, RESIDENT_ID, residentDetail } from './resident-test-data.js';

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(null);
});

const START = `POST /api/residents/${RESIDENT_ID}/category-change`;
const CHANGE = '5f0c7c1e-0000-4000-8000-0000000000a7';
const SYNCED = `POST /api/residents/${RESIDENT_ID}/category-change/${CHANGE}/synced`;

function signInAs(role: 'district_staff' | 'unit_staff') {
  setSession({
    token: 't',
    expiresAt: '2999-01-01T00:00:00.000Z',
    user: {
      userId: 'u1',
      username: 'x',
      displayName: 'x',
      role,
      districtId: '110105',
      unitId: null,
      mustChangePassword: false,
    },
  });
}

describe('CategoryChangeSection (N-2.5)', () => {
  it('records a change to the category paid at the new standard, on the business date', async () => {
    signInAs('unit_staff');
    const view = { id: CHANGE, from: 'unemployed', to: 'elderly', changedOn: '2011-01-10' };
    const server = routedFetch({ [START]: { status: 201, body: view } });
    vi.stubGlobal('fetch', server.fetch);
    const onChanged = vi.fn();
    renderWithProviders(
      <CategoryChangeSection
        resident={residentDetail({ category: 'unemployed', enrolments: [ENROLMENT] })}
        today="2011-01-10"
        onChanged={onChanged}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: '变更人员类别' }));
    await userEvent.click(screen.getByRole('combobox', { name: '新人员类别' }));
    await userEvent.click(await screen.findByTitle('城镇老年人'));
    await userEvent.click(screen.getByRole('button', { name: '登记变更' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(server.to(START)[0]?.body).toEqual({
      to: 'elderly',
      policyYear: 2011,
      changedOn: '2011-01-10',
    });
    expect(await screen.findByText('人员类别已由城镇无业居民变更为城镇老年人')).toBeInTheDocument();
  });

  it('N-2.5: an unpaid change is the API’s refusal, with its clause', async () => {
    signInAs('unit_staff');
    vi.stubGlobal(
      'fetch',
      routedFetch({
        [START]: {
          status: 409,
          body: {
            statusCode: 409,
            error: 'rule_refused',
            clause: 'N-2.5',
            message: '须先按新标准缴费 / Pay at the new standard first',
          },
        },
      }).fetch,
    );
    renderWithProviders(
      <CategoryChangeSection
        resident={residentDetail({ category: 'unemployed', enrolments: [ENROLMENT] })}
        today="2011-01-10"
        onChanged={vi.fn()}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: '变更人员类别' }));
    await userEvent.click(screen.getByRole('combobox', { name: '新人员类别' }));
    await userEvent.click(await screen.findByTitle('城镇老年人'));
    await userEvent.click(screen.getByRole('button', { name: '登记变更' }));
    expect(await screen.findByText('须先按新标准缴费')).toBeInTheDocument();
    expect(screen.getByTestId('error-clause')).toHaveTextContent('依据条款 N-2.5');
  });

  it('district staff record the card’s identity sync; unit staff do not get the action', async () => {
    const pending = {
      id: CHANGE,
      from: 'unemployed' as const,
      to: 'elderly' as const,
      changedOn: '2011-01-05',
      syncedOn: null,
      cardId: '7a6b5c4d-0000-4000-8000-0000000000c9',
    };
    const resident = residentDetail({ categoryChanges: [pending] });
    signInAs('unit_staff');
    vi.stubGlobal('fetch', routedFetch({}).fetch);
    const unit = renderWithProviders(
      <CategoryChangeSection resident={resident} today="2011-01-10" onChanged={vi.fn()} />,
    );
    expect(screen.getByText('待同步')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '登记同步完成' })).toBeNull();
    unit.unmount();

    signInAs('district_staff');
    const server = routedFetch({
      [SYNCED]: { status: 200, body: { ...pending, syncedOn: '2011-01-10' } },
    });
    vi.stubGlobal('fetch', server.fetch);
    const onChanged = vi.fn();
    renderWithProviders(
      <CategoryChangeSection resident={resident} today="2011-01-10" onChanged={onChanged} />,
    );
    await userEvent.click(screen.getByRole('button', { name: '登记同步完成' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('同步日期')).toHaveValue('2011-01-10');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认同步完成' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(server.to(SYNCED)[0]?.body).toEqual({ syncedOn: '2011-01-10' });
  });
});
