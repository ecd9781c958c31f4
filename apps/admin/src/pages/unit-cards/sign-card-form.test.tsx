import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonFetch, renderWithProviders } from '../../test/render.js';
import { SignCardForm } from './sign-card-form.js';

afterEach(() => vi.unstubAllGlobals());

const CARD = { id: 'c1', holderName: '王子涵', cardNumber: 'BJ000000013' };
const SIGNED = {
  cardId: 'c1',
  batchId: 'b1',
  cardNumber: 'BJ000000013',
  holderName: '王子涵',
  idNumberMasked: '110105********0013',
  state: 'issued',
  signer: 'self',
  signerName: '王子涵',
  signedOn: '2011-01-10',
  recordedBy: 'u1',
  recordedAt: '2011-01-10T02:00:00.000Z',
};

function render(designatedPersonName: string | null, onSigned = vi.fn()) {
  renderWithProviders(
    <SignCardForm
      card={CARD}
      designatedPersonName={designatedPersonName}
      today="2011-01-10"
      onSigned={onSigned}
    />,
  );
  return onSigned;
}

const body = (server: ReturnType<typeof jsonFetch>, i = 0) =>
  JSON.parse(String(server.calls[i]?.init.body)) as Record<string, unknown>;
const header = (server: ReturnType<typeof jsonFetch>, i = 0) =>
  ((server.calls[i]?.init.headers ?? {}) as Record<string, string>)['Idempotency-Key'];

describe('SignCardForm', () => {
  it('N-2.3: the holder signs for their own card, with an Idempotency-Key', async () => {
    const server = jsonFetch(201, SIGNED);
    vi.stubGlobal('fetch', server.fetch);
    const onSigned = render('周园长');

    expect(screen.getByRole('radio', { name: '本人' })).toBeChecked();
    expect(screen.getByLabelText('签字人姓名')).toHaveValue('王子涵');
    await userEvent.click(screen.getByRole('button', { name: '确认签收' }));

    await waitFor(() => expect(onSigned).toHaveBeenCalledWith(SIGNED));
    expect(server.calls[0]?.url).toBe('/api/cards/c1/signature');
    expect(body(server)).toEqual({ signer: 'self', signerName: '王子涵', signedOn: '2011-01-10' });
    expect(header(server)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('N-2.3: choosing a proxy signature puts in the designated person', async () => {
    const server = jsonFetch(201, { ...SIGNED, signer: 'proxy', signerName: '周园长' });
    vi.stubGlobal('fetch', server.fetch);
    const onSigned = render('周园长');

    await userEvent.click(screen.getByRole('radio', { name: '代签（单位指定专人）' }));
    expect(screen.getByLabelText('签字人姓名')).toHaveValue('周园长');
    expect(screen.getByText('代签须由单位指定的专人（周园长）签字')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '确认签收' }));

    await waitFor(() => expect(onSigned).toHaveBeenCalledTimes(1));
    expect(body(server)).toEqual({ signer: 'proxy', signerName: '周园长', signedOn: '2011-01-10' });
  });

  it('N-2.3: without a designated person only the holder can sign', () => {
    render(null);
    expect(screen.getByRole('radio', { name: '代签（单位指定专人）' })).toBeDisabled();
    expect(
      screen.getByText('本单位尚未指定代签人，只能由持卡人本人签收（N-2.3）'),
    ).toBeInTheDocument();
  });

  it('N-2.3: shows the API refusal with its clause; a retry of the same body keeps the key', async () => {
    const refusal = {
      statusCode: 409,
      error: 'rule_refused',
      clause: 'N-2.3',
      message:
        '代签须由单位指定的专人（周园长）签字 / A proxy signature must be by the unit’s designated person (周园长)',
    };
    const server = jsonFetch(409, refusal);
    vi.stubGlobal('fetch', server.fetch);
    const onSigned = render('周园长');

    await userEvent.click(screen.getByRole('radio', { name: '代签（单位指定专人）' }));
    const name = screen.getByLabelText('签字人姓名');
    await userEvent.clear(name);
    await userEvent.type(name, '李四');
    await userEvent.click(screen.getByRole('button', { name: '确认签收' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('代签须由单位指定的专人（周园长）签字');
    expect(alert).not.toHaveTextContent('designated person');
    expect(screen.getByTestId('error-clause')).toHaveTextContent('依据条款 N-2.3');
    expect(onSigned).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: '确认签收' }));
    await waitFor(() => expect(server.calls).toHaveLength(2));
    expect(header(server, 1)).toBe(header(server, 0));

    await userEvent.clear(name);
    await userEvent.type(name, '周园长');
    await userEvent.click(screen.getByRole('button', { name: '确认签收' }));
    await waitFor(() => expect(server.calls).toHaveLength(3));
    expect(header(server, 2)).not.toBe(header(server, 0));
  });

  it('checks the signer name with the shared schema before sending', async () => {
    const server = jsonFetch(201, SIGNED);
    vi.stubGlobal('fetch', server.fetch);
    render('周园长');
    await userEvent.clear(screen.getByLabelText('签字人姓名'));
    await userEvent.click(screen.getByRole('button', { name: '确认签收' }));
    expect(await screen.findByText('签字人姓名不能为空')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });
});
