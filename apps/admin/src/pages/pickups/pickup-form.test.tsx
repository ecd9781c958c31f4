import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonFetch, renderWithProviders } from '../../test/render.js';
import { PickupForm } from './pickup-form.js';

afterEach(() => vi.unstubAllGlobals());

const BATCH_ID = '5f1d2c3b-0000-4000-8000-000000000599';
const REFUSED = {
  statusCode: 409,
  error: 'rule_refused',
  clause: 'N-2.2b',
  message:
    "领取凭证上的社会保险登记证编码与单位不符 / The credential's social-insurance registration code does not match the unit",
};

async function submit(code: string, collector: string) {
  if (code) await userEvent.type(screen.getByLabelText('凭证上的社会保险登记证编码'), code);
  if (collector) await userEvent.type(screen.getByLabelText('领取人姓名'), collector);
  await userEvent.click(screen.getByRole('button', { name: '确认领取' }));
}

describe('PickupForm', () => {
  it('N-2.2b: a wrong credential code is refused with the API’s message and clause', async () => {
    const server = jsonFetch(409, REFUSED);
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    renderWithProviders(<PickupForm batchId={BATCH_ID} today="2011-01-10" onDone={onDone} />);
    expect(screen.getByLabelText('领取日期')).toHaveValue('2011-01-10');
    await userEvent.click(
      screen.getByLabelText('《单位介绍信》（信中须填写“社会保险登记证编码”）'),
    );
    await submit('11010510099', '王老师');

    expect(await screen.findByText('领取凭证上的社会保险登记证编码与单位不符')).toBeInTheDocument();
    expect(screen.getByTestId('error-clause')).toHaveTextContent('依据条款 N-2.2b');
    expect(onDone).not.toHaveBeenCalled();
    expect(server.calls[0]?.url).toBe(`/api/batches/${BATCH_ID}/pickup`);
    expect(JSON.parse(String(server.calls[0]?.init.body))).toEqual({
      credentialKind: 'introduction_letter',
      credentialCode: '11010510099',
      collectorName: '王老师',
      pickedUpOn: '2011-01-10',
    });
  });

  it('N-2.2b: shows the refusal in English when English is chosen', async () => {
    vi.stubGlobal('fetch', jsonFetch(409, REFUSED).fetch);
    renderWithProviders(<PickupForm batchId={BATCH_ID} today="2011-01-10" onDone={vi.fn()} />, {
      lang: 'en',
    });
    await userEvent.type(screen.getByLabelText('Registration code on the credential'), 'X1');
    await userEvent.type(screen.getByLabelText('Collected by'), 'Wang');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm the pickup' }));
    expect(
      await screen.findByText(
        "The credential's social-insurance registration code does not match the unit",
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('error-clause')).toHaveTextContent('Clause N-2.2b');
  });

  it('N-2.2b: the code and collector are required by the shared schema; nothing is sent', async () => {
    const server = jsonFetch(200, {});
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<PickupForm batchId={BATCH_ID} today="2011-01-10" onDone={vi.fn()} />);
    await submit('', '');
    expect(await screen.findByText('须填写凭证上的社会保险登记证编码')).toBeInTheDocument();
    expect(await screen.findByText('领取人姓名不能为空')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });

  it('N-2.2b: the right code records the pickup and reports the cards moved', async () => {
    const result = { batch: { id: BATCH_ID, state: 'at_unit' }, cardsMoved: 599 };
    const server = jsonFetch(200, result);
    vi.stubGlobal('fetch', server.fetch);
    const onDone = vi.fn();
    renderWithProviders(<PickupForm batchId={BATCH_ID} today="2011-01-10" onDone={onDone} />);
    await submit(' 1101 0510 003 ', '李老师');
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(result));
    const body = JSON.parse(String(server.calls[0]?.init.body));
    // The schema trims; the API normalises spaces and case before comparing codes.
    expect(body.credentialKind).toBe('registration_certificate');
    expect(body.credentialCode).toBe('1101 0510 003');
  });
});
