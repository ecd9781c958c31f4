/** An answer of a routed fake API: a status and a JSON body. */
export interface Answer {
  status: number;
  body?: unknown;
}

/**
 * A fetch that answers by "METHOD path" (the query string is kept in the recorded calls); a
 * route given several answers hands them out in order and then repeats the last.
 */
export function routedFetch(routes: Record<string, Answer | Answer[]>) {
  const calls: {
    method: string;
    url: string;
    query: URLSearchParams;
    body: unknown;
    headers: Record<string, string>;
  }[] = [];
  const served = new Map<string, number>();
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const [path = '', search = ''] = url.split('?');
    calls.push({
      method,
      url,
      query: new URLSearchParams(search),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      headers: (init.headers ?? {}) as Record<string, string>,
    });
    const route = routes[`${method} ${path}`];
    if (!route) {
      return new Response(
        JSON.stringify({ statusCode: 404, error: 'not_found', message: `no route ${path}` }),
        { status: 404, headers: { 'Content-Type': 'application/json' } },
      );
    }
    const answers = Array.isArray(route) ? route : [route];
    const n = served.get(`${method} ${path}`) ?? 0;
    served.set(`${method} ${path}`, n + 1);
    const answer = answers[Math.min(n, answers.length - 1)] as Answer;
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.body ?? null), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  /** The calls to one "METHOD path". */
  const to = (key: string) => calls.filter((c) => `${c.method} ${c.url.split('?')[0]}` === key);
  return { fetch: fetch as typeof globalThis.fetch, calls, to };
}
