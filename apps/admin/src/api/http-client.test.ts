import { describe, expect, it, vi } from 'vitest';
import { jsonFetch } from '../test/render.js';
import { ApiError } from './api-error.js';
import { fileNameOf, HttpClient } from './http-client.js';

describe('HttpClient', () => {
  it('sends the bearer token, JSON and the query string without empty values', async () => {
    const server = jsonFetch(200, { items: [] });
    const http = new HttpClient({ fetch: server.fetch, getToken: () => 'abc' });
    await http.post(
      '/api/x',
      { a: 1 },
      { query: { page: 2, search: '', state: undefined, order: 'desc' }, idempotencyKey: 'k1' },
    );
    const [call] = server.calls;
    expect(call?.url).toBe('/api/x?page=2&order=desc');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.body).toBe('{"a":1}');
    expect(call?.init.headers).toMatchObject({
      Authorization: 'Bearer abc',
      'Content-Type': 'application/json',
      'Idempotency-Key': 'k1',
    });
  });

  it('N-2.4c: turns the error body into an ApiError with the clause and fields', async () => {
    const body = { statusCode: 409, error: 'rule_refused', clause: 'N-2.4c', message: '不行 / No' };
    const http = new HttpClient({ fetch: jsonFetch(409, body).fetch });
    const error = await http.get('/api/y').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'rule_refused',
      clause: 'N-2.4c',
      message: '不行 / No',
      fields: {},
    });
  });

  it('reads Retry-After on a 429', async () => {
    const body = {
      statusCode: 429,
      error: 'too_many_requests',
      message: '请求过于频繁 / Too many',
    };
    const http = new HttpClient({ fetch: jsonFetch(429, body, { 'Retry-After': '42' }).fetch });
    await expect(http.get('/api/z')).rejects.toMatchObject({
      code: 'too_many_requests',
      retryAfterSeconds: 42,
    });
  });

  it('ends the session on a 401 of a signed-in call, but not on the sign-in itself', async () => {
    const body = { statusCode: 401, error: 'unauthorized', message: '请先登录 / Sign in first' };
    const onUnauthorized = vi.fn();
    const http = new HttpClient({
      fetch: jsonFetch(401, body).fetch,
      getToken: () => 't',
      onUnauthorized,
    });
    await expect(
      http.post('/api/auth/login', {}, { ignoreUnauthorized: true }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(http.get('/api/dashboard')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('reports a lost connection and a non-API error page as their own codes', async () => {
    const offline = new HttpClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(offline.get('/api/a')).rejects.toMatchObject({ status: 0, code: 'network_error' });
    const proxy = new HttpClient({
      fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });
    await expect(proxy.get('/api/a')).rejects.toMatchObject({ status: 502, code: 'http_error' });
  });
  it('S-1.3: posts FormData as multipart, leaving the boundary to the browser', async () => {
    const server = jsonFetch(201, { id: 'a1', attachment: 2 });
    const http = new HttpClient({ fetch: server.fetch, getToken: () => 'abc' });
    const form = new FormData();
    form.append(
      'file',
      new Blob(['%PDF-1.4'], { type: 'application/pdf' }),
      '【1张三】证明材料.pdf',
    );
    const result = await http.postForm('/api/students/s1/attachments', form);
    expect(result).toEqual({ id: 'a1', attachment: 2 });
    const [call] = server.calls;
    expect(call?.init.method).toBe('POST');
    expect(call?.init.body).toBe(form);
    expect(call?.init.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer abc' });
  });

  it('S-1.3: a refused upload is an ApiError with the field message', async () => {
    const body = {
      statusCode: 422,
      error: 'validation_failed',
      message: '输入有误 / Invalid input',
      fields: { file: '文件内容不是PDF文件（与扩展名不符） / The content is not a PDF file' },
    };
    const http = new HttpClient({ fetch: jsonFetch(422, body).fetch });
    await expect(http.postForm('/api/x', new FormData())).rejects.toMatchObject({
      status: 422,
      fields: { file: body.fields.file },
    });
  });

  it('downloads a file with the Chinese name of its Content-Disposition', async () => {
    const calls: RequestInit[] = [];
    const http = new HttpClient({
      getToken: () => 'abc',
      fetch: async (_url, init = {}) => {
        calls.push(init);
        return new Response('xlsx-bytes', {
          status: 200,
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'Content-Disposition': `attachment; filename="receipt.xlsx"; filename*=UTF-8''${encodeURIComponent('回执单.xlsx')}`,
          },
        });
      },
    });
    const file = await http.download('/api/batches/b1/receipt.xlsx', { query: { copy: 'first' } });
    expect(file.fileName).toBe('回执单.xlsx');
    expect(await file.blob.text()).toBe('xlsx-bytes');
    expect(calls[0]?.headers).toMatchObject({ Accept: '*/*', Authorization: 'Bearer abc' });
  });

  it('reads the plain file name when there is no UTF-8 one, and nothing when absent', () => {
    expect(fileNameOf('attachment; filename="a.xlsx"')).toBe('a.xlsx');
    expect(fileNameOf('attachment; filename="a.xlsx"; filename*=UTF-8\'\'%E5%9B%9E.xlsx')).toBe(
      '回.xlsx',
    );
    expect(fileNameOf(null)).toBeNull();
  });
});
