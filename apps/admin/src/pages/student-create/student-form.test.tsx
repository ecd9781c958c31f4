import { mod112CheckDigit } from '@sscard/rules';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonFetch, renderWithProviders } from '../../test/render.js';
import { StudentForm } from './student-form.js';

afterEach(() => vi.unstubAllGlobals());

const COLLEGES = [{ id: '6f1b1e0e-0000-4000-8000-000000000001', name: '计算机学院' }];
const FIRST17 = '11010820060310200';
const ID_NUMBER = FIRST17 + mod112CheckDigit(FIRST17);

/** Typing one key at a time re-renders the whole form per key: paste each value instead. */
async function enter(field: string, value: string) {
  await userEvent.click(screen.getByLabelText(field));
  await userEvent.paste(value);
}

async function fillValid() {
  await enter('班级', '计科2502');
  await enter('学号', '20252001');
  await enter('姓名', '赵一鸣');
  await enter('证件号码', ID_NUMBER.toLowerCase());
  await userEvent.click(screen.getByRole('radio', { name: '女' }));
  fireEvent.change(screen.getByLabelText('出生日期'), { target: { value: '2006-03-10' } });
  await enter('联系电话', '139 0000 2001');
  await userEvent.click(screen.getByRole('checkbox', { name: /本人无其他基本医疗保障/ }));
}

describe('StudentForm', { timeout: 60_000 }, () => {
  it('S-1.2: shows the shared schema’s messages for a blank form and sends nothing', async () => {
    const server = jsonFetch(201, {});
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<StudentForm colleges={COLLEGES} onCreated={vi.fn()} />);

    await userEvent.click(screen.getByRole('button', { name: '登记' }));

    expect(await screen.findByText('姓名不能为空')).toBeInTheDocument();
    expect(await screen.findByText('证件号码不能为空')).toBeInTheDocument();
    expect(await screen.findByText('班级不能为空')).toBeInTheDocument();
    expect(await screen.findByText('学号应为4-20位字母或数字')).toBeInTheDocument();
    expect(screen.getByText('性别无效，可选值：male、female')).toBeInTheDocument();
    expect(screen.getByText('电话号码格式不正确（6-15位数字，可带+号）')).toBeInTheDocument();
    expect(screen.getByLabelText('姓名')).toHaveAttribute('aria-invalid', 'true');
    expect(server.calls).toHaveLength(0);
  });

  it('S-1.3: checks the birth date and gender against the ID number, in English too', async () => {
    renderWithProviders(<StudentForm colleges={COLLEGES} onCreated={vi.fn()} />, { lang: 'en' });
    await enter('ID number', ID_NUMBER);
    await userEvent.click(screen.getByRole('radio', { name: 'Male' }));
    fireEvent.change(screen.getByLabelText('Birth date'), { target: { value: '2006-03-11' } });
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));

    expect(
      await screen.findByText('Birth date does not match the ID number (2006-03-10)'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Gender does not match the ID number')).toBeInTheDocument();
  });

  it('S-1.1 / S-1.2: sends the normalised registration to the college and hands back the student', async () => {
    const created = { id: 's-new', seq: 8, name: '赵一鸣' };
    const server = jsonFetch(201, created);
    vi.stubGlobal('fetch', server.fetch);
    const onCreated = vi.fn();
    renderWithProviders(<StudentForm colleges={COLLEGES} onCreated={onCreated} />);

    await fillValid();
    await userEvent.click(screen.getByRole('button', { name: '登记' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(server.calls[0]?.url).toBe(`/api/colleges/${COLLEGES[0]?.id}/students`);
    expect(JSON.parse(String(server.calls[0]?.init.body))).toEqual({
      college: '计算机学院',
      className: '计科2502',
      studentNumber: '20252001',
      name: '赵一鸣',
      idKind: 'resident',
      idNumber: ID_NUMBER,
      gender: 'female',
      birthDate: '2006-03-10',
      nationalityOrRegion: '中国',
      phone: '13900002001',
      studyStatus: 'enrolled',
      fullTimeStudent: true,
      otherCover: 'none',
      declaresNoOtherCover: true,
    });
  });

  it('S-1.1: declaring no other cover while naming one is refused on the spot', async () => {
    renderWithProviders(<StudentForm colleges={COLLEGES} onCreated={vi.fn()} />);
    await fillValid();
    await userEvent.click(screen.getByRole('combobox', { name: '其他基本医疗保障' }));
    await userEvent.click(await screen.findByTitle('职工医保'));
    await userEvent.click(screen.getByRole('button', { name: '登记' }));
    expect(await screen.findByText('声明无其他医疗保障，但填写了其他保障')).toBeInTheDocument();
  });

  it('puts the API’s field error (a duplicate ID number) next to the field', async () => {
    const server = jsonFetch(422, {
      statusCode: 422,
      error: 'validation_failed',
      message: '输入有误 / Invalid input',
      fields: {
        idNumber:
          '该证件号码本年度已登记，请勿重复登记 / This ID number is already registered for the year',
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    const onCreated = vi.fn();
    renderWithProviders(<StudentForm colleges={COLLEGES} onCreated={onCreated} />);
    await fillValid();
    await userEvent.click(screen.getByRole('button', { name: '登记' }));

    expect(await screen.findByText('该证件号码本年度已登记，请勿重复登记')).toBeInTheDocument();
    expect(screen.getByLabelText('证件号码')).toHaveAttribute('aria-invalid', 'true');
    expect(onCreated).not.toHaveBeenCalled();
  });
});
