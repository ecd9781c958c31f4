import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { I18nProvider, type Lang, useI18n } from './i18n/i18n-context.js';

/**
 * WCAG AA contrast on white: a darker blue than antd's default for buttons and links (white on
 * #1677ff is 4.1:1), and darker secondary and placeholder text (antd's 45 % and 25 % black fail).
 */
const THEME_TOKENS = {
  colorPrimary: '#1456c8',
  colorInfo: '#1456c8',
  colorLink: '#1456c8',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
};

function AntdConfig({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{ token: THEME_TOKENS }}
      // "登录", not "登 录": the button's accessible name stays the word it is.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Language, Ant Design (its locale follows the language) and server state; shared with the tests. */
export function Providers({
  queryClient,
  lang,
  children,
}: {
  queryClient: QueryClient;
  lang?: Lang;
  children: ReactNode;
}) {
  return (
    <I18nProvider {...(lang ? { initial: lang } : {})}>
      <AntdConfig>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntdConfig>
    </I18nProvider>
  );
}
