import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CloudUploadOutlined,
  ContactsOutlined,
  ContainerOutlined,
  ExceptionOutlined,
  InboxOutlined,
  SendOutlined,
  SwapOutlined,
  UserOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FundOutlined,
  IdcardOutlined,
  RollbackOutlined,
  SolutionOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session-store.js';
import { useI18n } from '../i18n/i18n-context.js';
import { LanguageSwitch } from './language-switch.js';
import { type NavKey, navFor } from './nav-items.js';
import { UserMenu } from './user-menu.js';

const ICONS: Record<NavKey, ReactNode> = {
  dashboard: <DashboardOutlined />,
  cards: <IdcardOutlined />,
  audit: <AuditOutlined />,
  units: <BankOutlined />,
  batches: <SendOutlined />,
  pickups: <InboxOutlined />,
  cardReturns: <SwapOutlined />,
  reissues: <ContainerOutlined />,
  residents: <UserOutlined />,
  missingInstitution: <ExceptionOutlined />,
  overdue: <AlertOutlined />,
  unitCards: <SolutionOutlined />,
  unitReceipt: <FileTextOutlined />,
  unitReturns: <RollbackOutlined />,
  unitMoved: <ContactsOutlined />,
  studentDashboard: <FundOutlined />,
  students: <TeamOutlined />,
  colleges: <ApartmentOutlined />,
  imports: <CloudUploadOutlined />,
  users: <UsergroupAddOutlined />,
};

/** The signed-in frame: the role's menu on the side, who is signed in and the language on top. */
export function AppLayout() {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  if (!session) return null;
  const items = navFor(session.user.role);
  const selected = items.find((i) => location.pathname.startsWith(i.path))?.key;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={208} theme="light">
        <div className="brand">{t.app.name}</div>
        <nav aria-label={t.nav.label}>
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={items.map((item) => ({
              key: item.key,
              icon: ICONS[item.key],
              label: <Link to={item.path}>{t.nav[item.key]}</Link>,
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Text strong className="app-header-title">
            {t.app.tagline}
          </Typography.Text>
          <div className="app-header-tools">
            <LanguageSwitch />
            <UserMenu session={session} />
          </div>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
