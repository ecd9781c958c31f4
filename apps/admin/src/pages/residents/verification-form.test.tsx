import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';
import { RESIDENT_ID } from './resident-test-data.js';
import { VerificationForm } from './verification-form.js';

afterEach(() => vi.unstubAllGlobals());

const POST = `POST /api/residents/${RESIDENT_ID}/subsidy-verifications`;

function render(onDone = vi.fn()) {
  renderWithProviders(
    <VerificationForm
      residentId={RESIDENT_ID}
      category="elderly"
      flags={['severely_disabled_elderly']}
      policyYear={2011}
      today="2011-01-10"
      onDone={onDone}
      onCancel={vi.fn()}
    />,
  );
  return onDone;
}

describe('VerificationForm (N-1.4a/b)', () => {
  it('records the year’s verification of the person’s flag, who acted and the evidence', async () => {
    const recorded = {
      id: 'v1',
      policyYear: 2011,
      flag: 'severely_disabled_elderly',
      passed: true,
    };
    const server = routedFetch({ [POST]: { status: 201, body: recorded } });
    vi.stubGlobal('fetch', server.fetch);
    const onDone = render();
    // The person's own flag and year are proposed; the elderly act for themselves.
    expect(screen.getByTitle('重度残疾老年人')).toBeInTheDocument();
    expect(screen.getByTitle('本人')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('证明材料'), '残疾人证 1101051949');
    await userEvent.click(screen.getByRole('button', { name: '保存验审' }));
    await waitFor(() => expect(onDone.mock.calls[0]?.[0]).toEqual(recorded));
    expect(server.to(POST)[0]?.body).toEqual({
      policyYear: 2011,
      flag: 'severely_disabled_elderly',
      passed: true,
      actedBy: 'self',
      evidence: '残疾人证 1101051949',
      verifiedOn: '2011-01-10',
    });
  });

  it('asks for the evidence with the shared schema’s words; nothing is sent', async () => {
    const server = routedFetch({});
    vi.stubGlobal('fetch', server.fetch);
    render();
    await userEvent.click(screen.getByRole('button', { name: '保存验审' }));
    expect(await screen.findByText('证明材料不能为空')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });

  it('N-1.4b: shows the API’s refusal of a flag that does not fit the category, with the clause', async () => {
    vi.stubGlobal(
      'fetch',
      routedFetch({
        [POST]: {
          status: 409,
          body: {
            statusCode: 409,
            error: 'rule_refused',
            clause: 'N-1.4b',
            message: '该补助标识不适用于此人员类别 / This flag does not fit the category',
          },
        },
      }).fetch,
    );
    const onDone = render();
    await userEvent.type(screen.getByLabelText('证明材料'), '证明');
    await userEvent.click(screen.getByRole('button', { name: '保存验审' }));
    expect(await screen.findByText('该补助标识不适用于此人员类别')).toBeInTheDocument();
    expect(screen.getByTestId('error-clause')).toHaveTextContent('依据条款 N-1.4b');
    expect(onDone).not.toHaveBeenCalled();
  });
});
