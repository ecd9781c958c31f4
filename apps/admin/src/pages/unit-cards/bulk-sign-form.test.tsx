import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.js';
import { routedFetch } from '../../test/routed-fetch.js';
import { BulkSignForm } from './bulk-sign-form.js';

afterEach(() => vi.unstubAllGlobals());

const BATCH = '7a6b5c4d-0000-4000-8000-000000000030';
const A = { id: '7a6b5c4d-0000-4000-8000-0000000000c1', holderName: '王子涵' };
const B = { id: '7a6b5c4d-0000-4000-8000-0000000000c2', holderName: '李一诺' };
const SIGN = `POST /api/batches/${BATCH}/signatures`;
const RECEIPT = { totals: { cards: 2, signedSelf: 2, signedProxy: 0, unsigned: 0 } };

function render(
  cards: { id: string; holderName: string }[],
  designatedPersonName: string | null,
  onSigned = vi.fn(),
) {
  renderWithProviders(
    <BulkSignForm
      batchId={BATCH}
      cards={cards}
      designatedPersonName={designatedPersonName}
      today="2011-01-10"
      onSigned={onSigned}
      onCancel={vi.fn()}
    />,
  );
  return onSigned;
}

describe('BulkSignForm (N-2.3, a whole class at once)', () => {
  it('each holder signs their own line: one request, all or none, with an Idempotency-Key', async () => {
    const server = routedFetch({ [SIGN]: { status: 201, body: RECEIPT } });
    vi.stubGlobal('fetch', server.fetch);
    const onSigned = render([A, B], '周园长');
    expect(screen.getByText('持卡人：王子涵、李一诺')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '确认签收 2 张' }));
    await waitFor(() => expect(onSigned).toHaveBeenCalledWith(RECEIPT));
    const [call] = server.to(SIGN);
    expect(call?.body).toEqual({
      signatures: [
        { cardId: A.id, signer: 'self', signerName: '王子涵' },
        { cardId: B.id, signer: 'self', signerName: '李一诺' },
      ],
      signedOn: '2011-01-10',
    });
    expect(call?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.calls).toHaveLength(1);
  });

  it('the designated person signs every line when 代签 is chosen', async () => {
    const server = routedFetch({ [SIGN]: { status: 201, body: RECEIPT } });
    vi.stubGlobal('fetch', server.fetch);
    const onSigned = render([A, B], '周园长');
    await userEvent.click(screen.getByLabelText('代签（单位指定专人）'));
    expect(screen.getByLabelText('签字人姓名')).toHaveValue('周园长');
    expect(screen.getByText('代签须由单位指定的专人（周园长）签字')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '确认签收 2 张' }));
    await waitFor(() => expect(onSigned).toHaveBeenCalled());
    const body = server.to(SIGN)[0]?.body as {
      signatures: { signer: string; signerName: string }[];
    };
    expect(body.signatures.map((l) => [l.signer, l.signerName])).toEqual([
      ['proxy', '周园长'],
      ['proxy', '周园长'],
    ]);
  });

  it('without a designated person only the holders may sign', () => {
    vi.stubGlobal('fetch', routedFetch({}).fetch);
    render([A], null);
    expect(screen.getByLabelText('代签（单位指定专人）')).toBeDisabled();
    expect(
      screen.getByText('本单位尚未指定代签人，只能由持卡人本人签收（N-2.3）'),
    ).toBeInTheDocument();
  });

  it('a card listed twice is refused by the API’s schema before anything is sent', async () => {
    const server = routedFetch({ [SIGN]: { status: 201, body: RECEIPT } });
    vi.stubGlobal('fetch', server.fetch);
    const onSigned = render([A, A], '周园长');
    await userEvent.click(screen.getByRole('button', { name: '确认签收 2 张' }));
    expect(await screen.findByText('同一张社保卡重复出现')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
    expect(onSigned).not.toHaveBeenCalled();
  });

  it('shows the API’s refusal with its clause (a proxy signer who is not the designated person)', async () => {
    vi.stubGlobal(
      'fetch',
      routedFetch({
        [SIGN]: {
          status: 409,
          body: {
            statusCode: 409,
            error: 'rule_refused',
            clause: 'N-2.3',
            message: '代签须由单位指定的专人签字 / Only the designated person may sign',
          },
        },
      }).fetch,
    );
    const onSigned = render([A], '周园长');
    await userEvent.click(screen.getByLabelText('代签（单位指定专人）'));
    await userEvent.clear(screen.getByLabelText('签字人姓名'));
    await userEvent.type(screen.getByLabelText('签字人姓名'), '张老师');
    await userEvent.click(screen.getByRole('button', { name: '确认签收 1 张' }));
    expect(await screen.findByText('代签须由单位指定的专人签字')).toBeInTheDocument();
    expect(screen.getByTestId('error-clause')).toHaveTextContent('依据条款 N-2.3');
    expect(onSigned).not.toHaveBeenCalled();
  });
});
